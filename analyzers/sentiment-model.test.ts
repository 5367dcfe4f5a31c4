import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryAccuracy, labelOfScore, loadClothingReviews, sentimentPackageLabeller, threeClass } from './evaluate.js';
import { createPipeline } from './pipeline.js';
import type { EnglishModel } from './sentiment-model.js';
import { isHeldOut } from './splits.js';
import { trainEnglish } from './train/train-english.js';

// The labelled sets live beside the project (../shared/data); they are read, never copied in.
const DATA = resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const hasData = existsSync(resolve(DATA, 'en-clothing-reviews'));
const MODEL = JSON.parse(readFileSync(resolve(import.meta.dirname, 'models', 'en-sentiment.json'), 'utf8')) as EnglishModel;

describe('the shipped English model', () => {
  it('was trained only on sets whose licence allows it', () => {
    expect(MODEL.trainedOn.map((t) => t.licence).sort()).toEqual(['CC BY 4.0', 'CC0']);
    for (const t of MODEL.trainedOn) expect(t.items).toBeGreaterThan(1000);
  });
});

describe.skipIf(!hasData && !process.env.CI)('English sentiment on held-out clothing reviews', () => {
  const pipeline = createPipeline();
  const heldOut = hasData ? loadClothingReviews(DATA).filter((i) => isHeldOut(i.set, i.text)) : [];

  it('tells 1–2 from 4–5 stars at ≥ 0.93 (strict: the sign of the score), above the sentiment package', async () => {
    const ours = binaryAccuracy(heldOut, (t) => labelOfScore(pipeline.analyze(t, { lang: 'en' }).sentiment.score));
    const peer = binaryAccuracy(heldOut, await sentimentPackageLabeller());
    expect(ours.n).toBeGreaterThan(350);
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(ours.accuracy).toBeGreaterThan(peer.accuracy);
  });

  it('separates 1–2 / 3 / 4–5 stars at macro-F1 ≥ 0.60, where the sentiment package stays near 0.4', async () => {
    const ours = threeClass(heldOut, (t) => pipeline.analyze(t, { lang: 'en' }).sentiment.label);
    const peer = threeClass(heldOut, await sentimentPackageLabeller());
    expect(ours.macroF1).toBeGreaterThanOrEqual(0.6);
    expect(peer.macroF1).toBeLessThan(0.5);
    // Every class is found, not just the two large ones.
    expect(ours.f1.neutral).toBeGreaterThan(0.3);
  });

  it('trains reproducibly: the same data gives the same weights', () => {
    const a = trainEnglish(DATA, () => {}, { limit: 150, lambdas: [1e-2] });
    const b = trainEnglish(DATA, () => {}, { limit: 150, lambdas: [1e-2] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.trainedOn.map((t) => t.items)).toEqual([150, 150]);
    expect(Object.keys(a.p.sparse).length).toBeGreaterThan(50);
  }, 120_000);
});

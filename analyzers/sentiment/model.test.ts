import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryAccuracy, labelOfScore, loadClothingReviews, sentimentPackageLabeller, threeClass } from '../evaluation/evaluate.js';
import { textFeatures, trainEnglish, writeModel } from '../evaluation/train-english.js';
import { createPipeline } from '../pipeline.js';
import type { AnalysisRecord } from '../record.js';
import { sentencesStage } from '../stages/sentences.js';
import { scoreSentences } from '../stages/sentiment.js';
import { BucketCollector } from './features.js';
import { lexiconFingerprint } from './lexicons/english-lexicon.js';
import { englishModel, modelFolder, readModel } from './model.js';

// The labelled sets live beside the project (../shared/data); they are read, never copied in.
const DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const hasData = existsSync(resolve(DATA, 'en-clothing-reviews', 'clothing_train.csv'));
const SHIPPED = readModel(resolve(modelFolder(), 'en-sentiment'));

function sentencesOf(text: string) {
  const record: AnalysisRecord = { text, lang: 'en', supported: true };
  sentencesStage().run(record);
  const sentences = record.sentences ?? [];
  scoreSentences(sentences, 'en', text);
  return sentences;
}

describe('the shipped English model', () => {
  it('was trained only on sets whose licence allows a shipped model, each of some size', () => {
    expect(new Set(SHIPPED.meta.trainedOn.map((t) => t.licence))).toEqual(new Set(['CC BY 4.0', 'CC0', 'MIT']));
    for (const t of SHIPPED.meta.trainedOn) expect(t.items).toBeGreaterThan(1000);
    expect(SHIPPED.meta.trainedOn.some((t) => /airline|semeval|hotel|senti/i.test(t.set))).toBe(false);
  });

  it('was trained with the lexicon the scorer has now (after changing a word list, run npm run train:en)', () => {
    expect(SHIPPED.meta.settings.lexicon, 'the English word lists changed since the model was trained: run npm run train:en').toBe(
      lexiconFingerprint(),
    );
  });

  it('reads the verdict of sentences of our own, in both directions and through negation', () => {
    const pipeline = createPipeline();
    const label = (t: string) => pipeline.analyze(t, { lang: 'en' }).sentiment.label;
    expect(label('The strap broke after two days and support never answered my emails.')).toBe('negative');
    expect(label('Sturdy, quiet and it brews a lovely cup every morning.')).toBe('positive');
    expect(label('Not bad at all, I would happily buy it again.')).toBe('positive');
    expect(label("I wouldn't recommend it to anyone; a waste of money.")).toBe('negative');
    expect(label('The parcel is in the hallway next to the door.')).toBe('neutral');
  });
});

describe('hashed n-grams', () => {
  it("gives a document its sentences' buckets, each once, and tells a negated word from the plain one", () => {
    const c = new BucketCollector(SHIPPED.tags);
    const sentences = sentencesOf("Not bad at all, but I wouldn't buy it again :( https://example.org/x. Fits true to size!");
    const whole = c.of(sentences);
    const union = c.union(sentences.map((s) => c.of([s])));
    expect(new Set(union)).toEqual(new Set(whole));
    expect(new Set(whole).size).toBe(whole.length);
    const plain = new Set(c.of(sentencesOf('It is good.')));
    const negated = c.of(sentencesOf('It is not good.'));
    // "good" inside the negation's reach is another feature than "good".
    expect(negated.filter((b) => !plain.has(b)).length).toBeGreaterThanOrEqual(3);
  });

  it('computes the same features for the same text every time', () => {
    const text = 'Loved the colour, hated the zip. Would I buy it again? Probably not!';
    const a = textFeatures(text);
    const b = textFeatures(text);
    expect([...a.hashes]).toEqual([...b.hashes]);
    expect([...a.dense]).toEqual([...b.dense]);
  });
});

describe.skipIf(!hasData && !process.env.CI)('English sentiment on the clothing evaluation file (never trained on)', () => {
  const pipeline = createPipeline();
  const items = hasData ? loadClothingReviews(DATA) : [];

  it('tells 1–2 from 4–5 stars at ≥ 0.93 (strict: the sign of the score), above the sentiment package', async () => {
    const ours = binaryAccuracy(items, (t) => labelOfScore(pipeline.analyze(t, { lang: 'en' }).sentiment.score));
    const peer = binaryAccuracy(items, await sentimentPackageLabeller());
    expect(ours.n).toBeGreaterThan(2000);
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(ours.accuracy).toBeGreaterThan(peer.accuracy);
  });

  it('separates 1–2 / 3 / 4–5 stars at macro-F1 ≥ 0.60, where the sentiment package stays near 0.4', async () => {
    const ours = threeClass(items, (t) => pipeline.analyze(t, { lang: 'en' }).sentiment.label);
    const peer = threeClass(items, await sentimentPackageLabeller());
    expect(ours.macroF1).toBeGreaterThanOrEqual(0.6);
    expect(peer.macroF1).toBeLessThan(0.5);
    // Every class is found, not just the two large ones.
    expect(ours.f1.neutral).toBeGreaterThan(0.3);
  });

  it('trains reproducibly: the same data gives the same bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-train-'));
    const options = { limit: 150 };
    writeModel(
      trainEnglish(DATA, () => {}, options),
      join(dir, 'a'),
    );
    writeModel(
      trainEnglish(DATA, () => {}, options),
      join(dir, 'b'),
    );
    expect(readFileSync(join(dir, 'a.bin')).equals(readFileSync(join(dir, 'b.bin')))).toBe(true);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    const a = readModel(join(dir, 'a'));
    expect(a.meta.trainedOn.every((t) => t.items <= 150)).toBe(true);
    expect(a.weights.some((w) => w !== 0)).toBe(true);
  }, 120_000);
});

describe.skipIf(!hasData && !process.env.CI)('a model trained without a domain', () => {
  it('lists only the other domains as what it learned from, and says which it left out', () => {
    const m = trainEnglish(DATA, () => {}, { limit: 100, without: ['vader-tweets'] });
    expect(m.meta.trainedOn.some((t) => /tweets/.test(t.set))).toBe(false);
    expect(m.meta.trainedOn.length).toBeGreaterThanOrEqual(5);
    expect(m.meta.settings.without).toBe('vader-tweets');
  }, 60_000);
});

describe('the model in use', () => {
  it('is the shipped one', () => {
    expect(englishModel()?.version).toBe(SHIPPED.meta.version);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryAccuracy, labelOfScore, loadClothingReviews, sentimentPackageLabeller, threeClass } from '../evaluation/evaluate.js';
import { createPipeline } from '../pipeline.js';
import { englishModel, type EnglishModel } from './model.js';
import { lexiconFingerprint } from './lexicons/english-lexicon.js';
import { isHeldOut } from '../evaluation/splits.js';
import { textFeatures, trainEnglish } from '../evaluation/train-english.js';
import { loadAirlineTweets } from '../evaluation/evaluate.js';
import { scoreSentences } from '../stages/sentiment.js';
import { sentencesStage } from '../stages/sentences.js';
import type { AnalysisRecord } from '../record.js';

// The labelled sets live beside the project (../shared/data); they are read, never copied in.
const DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const hasData = existsSync(resolve(DATA, 'en-clothing-reviews'));
const MODEL = JSON.parse(readFileSync(resolve(import.meta.dirname, 'models', 'en-sentiment.json'), 'utf8')) as EnglishModel;

describe('the shipped English model', () => {
  it('was trained only on sets whose licence allows it', () => {
    expect(MODEL.trainedOn.map((t) => t.licence).sort()).toEqual(['CC BY 4.0', 'CC0']);
    for (const t of MODEL.trainedOn) expect(t.items).toBeGreaterThan(1000);
  });

  it('was trained with the lexicon the scorer has now (after changing a word list, run npm run train:en)', () => {
    expect(MODEL.settings.lexicon, 'the English word lists changed since the model was trained: run npm run train:en').toBe(
      lexiconFingerprint(),
    );
  });
});

describe('scoring by model rows', () => {
  it("sums exactly what the n-gram strings sum, and a document's rows are its sentences' rows, on texts with negation, numbers, links, emoticons and several sentences", () => {
    const model = englishModel()!;
    const own = [
      "Not bad at all, but I wouldn't buy it again :( https://example.org/x",
      'Fits true to size. Ordered 2 of them!! Never disappoints; not cheap, though.',
      "It isn't the quality I expected -- didn't last 3 weeks. Really not happy.",
      'Love love love it 😍 … would recommend to anyone',
    ];
    const texts = [
      ...own,
      ...(hasData ? loadClothingReviews(DATA).map((i) => i.text) : []),
      ...(existsSync(resolve(DATA, 'en-airline-tweets')) ? loadAirlineTweets(DATA).map((i) => i.text) : []),
    ];
    if (process.env.CI) expect(texts.length).toBeGreaterThan(9000);
    let different = 0;
    for (const text of texts) {
      const f = textFeatures(text);
      const record: AnalysisRecord = { text, lang: 'en', supported: true };
      sentencesStage().run(record);
      const sentences = record.sentences ?? [];
      scoreSentences(sentences, 'en', text);
      const rows = model.rowsOf(sentences);
      // A document's rows are its sentences' rows, each once, in order.
      if (JSON.stringify(model.unionRows(sentences.map((x) => model.rowsOf([x])))) !== JSON.stringify(rows)) different++;
      const byRows = model.predict({ rows, dense: f.dense });
      const byStrings = model.predict(f);
      if (byRows.logit !== byStrings.logit || byRows.probs.some((p, k) => p !== byStrings.probs[k])) different++;
    }
    expect(different).toBe(0);
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
    expect(a.ngrams.keys.length).toBeGreaterThan(50);
    expect(a.ngrams.weights).toHaveLength(4 * a.ngrams.keys.length);
  }, 120_000);
});

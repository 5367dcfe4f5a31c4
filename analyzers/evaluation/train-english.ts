/**
 * Trains the English sentiment model (analyzers/sentiment/model.ts) and writes
 * analyzers/sentiment/models/en-sentiment.json. Reproducible: the same data gives the same weights (full-batch
 * optimisation in a fixed order, no random numbers).
 *
 *   npm run train:en                         # reads ../shared/data
 *   node dist/analyzers/evaluation/train-english.js --data DIR --out FILE
 *
 * Only sets whose licence allows training a shipped model are read: UCI review sentences (CC BY 4.0)
 * and the clothing reviews (CC0). Held-out items (analyzers/splits.ts) are never read for training;
 * `radar validate` reports on them. The L2 strength of each head is chosen by 5-fold
 * cross-validation inside the training items.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Polarity } from '../../domain/types.js';
import { loadClothingReviews, loadUciSentences, type LabelledText } from './evaluate.js';
import { lexiconFingerprint } from '../sentiment/lexicons/english-lexicon.js';
import type { AnalysisRecord } from '../record.js';
import { sentencesStage } from '../stages/sentences.js';
import { CLASSES, DENSE_FEATURES, features, type EnglishModel, type TrainingFeatures } from '../sentiment/model.js';
import { documentSentiment, scoreSentences } from '../stages/sentiment.js';
import { isHeldOut } from './splits.js';

/** One training example. */
export interface Example {
  features: TrainingFeatures;
  /** Class index in CLASSES order. */
  y: number;
  /** Example weight. */
  weight: number;
  /** Whether it counts for the 3-class check (clothing) or only for polarity. */
  threeClass: boolean;
}

const sentences = sentencesStage();

/** Features of a text as the pipeline sees it (English, lexicon scorer run first). */
export function textFeatures(text: string): TrainingFeatures {
  const record: AnalysisRecord = { text, lang: 'en', supported: true };
  sentences.run(record);
  const list = record.sentences ?? [];
  scoreSentences(list, 'en', text);
  return features(list, documentSentiment(list));
}

/** A compiled data set: vocabulary, examples as index arrays. */
interface Compiled {
  vocab: string[];
  rows: { idx: Int32Array; dense: Float64Array; y: number; weight: number }[];
}

function compile(examples: Example[], minCount: number): Compiled {
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of e.features.sparse) counts.set(k, (counts.get(k) ?? 0) + 1);
  const vocab = [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .map(([k]) => k)
    .sort();
  const index = new Map(vocab.map((k, i) => [k, i]));
  return {
    vocab,
    rows: examples.map((e) => ({
      idx: Int32Array.from(e.features.sparse.map((k) => index.get(k) ?? -1).filter((i) => i >= 0)),
      dense: Float64Array.from(e.features.dense),
      y: e.y,
      weight: e.weight,
    })),
  };
}

/** Weights of a linear model with `classes` outputs (1 = logistic on y == positive). */
interface Linear {
  classes: number;
  bias: Float64Array;
  dense: Float64Array; // classes × D
  sparse: Float64Array; // classes × V
}

const D = DENSE_FEATURES.length;

function logits(m: Linear, row: Compiled['rows'][number], out: Float64Array): void {
  for (let c = 0; c < m.classes; c++) {
    let z = m.bias[c]!;
    for (let i = 0; i < D; i++) z += m.dense[c * D + i]! * row.dense[i]!;
    const base = c * (m.sparse.length / m.classes);
    for (let j = 0; j < row.idx.length; j++) z += m.sparse[base + row.idx[j]!]!;
    out[c] = z;
  }
}

/**
 * Fits an L2-regularised logistic (classes = 1, target: y === positive) or softmax regression by
 * full-batch Adam: deterministic, and fast enough for a few thousand texts.
 */
export function fit(data: Compiled, classes: number, lambda: number, iterations = 300): Linear {
  const V = data.vocab.length;
  const m: Linear = {
    classes,
    bias: new Float64Array(classes),
    dense: new Float64Array(classes * D),
    sparse: new Float64Array(classes * V),
  };
  const params = [m.bias, m.dense, m.sparse];
  const grads = params.map((p) => new Float64Array(p.length));
  const m1 = params.map((p) => new Float64Array(p.length));
  const m2 = params.map((p) => new Float64Array(p.length));
  const totalWeight = data.rows.reduce((s, r) => s + r.weight, 0);
  const z = new Float64Array(classes);
  const lr = 0.05;
  for (let t = 1; t <= iterations; t++) {
    for (const g of grads) g.fill(0);
    const [gb, gd, gs] = grads as [Float64Array, Float64Array, Float64Array];
    for (const row of data.rows) {
      logits(m, row, z);
      const w = row.weight / totalWeight;
      for (let c = 0; c < classes; c++) {
        let p: number;
        let y: number;
        if (classes === 1) {
          p = 1 / (1 + Math.exp(-z[0]!));
          y = row.y === 2 ? 1 : 0;
        } else {
          let mx = -Infinity;
          for (let k = 0; k < classes; k++) mx = Math.max(mx, z[k]!);
          let s = 0;
          for (let k = 0; k < classes; k++) s += Math.exp(z[k]! - mx);
          p = Math.exp(z[c]! - mx) / s;
          y = row.y === c ? 1 : 0;
        }
        const err = (p - y) * w;
        gb[c]! += err;
        for (let i = 0; i < D; i++) gd[c * D + i]! += err * row.dense[i]!;
        const base = c * V;
        for (let j = 0; j < row.idx.length; j++) gs[base + row.idx[j]!]! += err;
      }
    }
    // L2 on every weight but the biases.
    for (let i = 0; i < m.dense.length; i++) gd[i]! += lambda * m.dense[i]!;
    for (let i = 0; i < m.sparse.length; i++) gs[i]! += lambda * m.sparse[i]!;
    params.forEach((p, k) => {
      const g = grads[k]!;
      const a = m1[k]!;
      const b = m2[k]!;
      for (let i = 0; i < p.length; i++) {
        a[i] = 0.9 * a[i]! + 0.1 * g[i]!;
        b[i] = 0.999 * b[i]! + 0.001 * g[i]! * g[i]!;
        const ah = a[i]! / (1 - 0.9 ** t);
        const bh = b[i]! / (1 - 0.999 ** t);
        p[i]! -= (lr * ah) / (Math.sqrt(bh) + 1e-8);
      }
    });
  }
  return m;
}

function predictClass(m: Linear, row: Compiled['rows'][number]): number {
  const z = new Float64Array(m.classes);
  logits(m, row, z);
  if (m.classes === 1) return z[0]! >= 0 ? 2 : 0;
  let best = 0;
  for (let c = 1; c < m.classes; c++) if (z[c]! > z[best]!) best = c;
  return best;
}

function macroF1(gold: number[], pred: number[]): number {
  let f = 0;
  for (let c = 0; c < 3; c++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (pred[i] === c && g === c) tp++;
      else if (pred[i] === c) fp++;
      else if (g === c) fn++;
    });
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    f += p + r ? (2 * p * r) / (p + r) : 0;
  }
  return f / 3;
}

/** 5-fold cross-validated score of a head at one L2 strength (folds by position: examples are in a fixed order). */
function crossValidate(examples: Example[], classes: number, lambda: number, minCount: number, log: (m: string) => void): number {
  const folds = 5;
  let total = 0;
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => i % folds !== f);
    const test = examples.filter((_, i) => i % folds === f && (classes === 1 ? test1(_) : _.threeClass));
    const data = compile(train, minCount);
    const model = fit(data, classes, lambda);
    const index = new Map(data.vocab.map((k, i) => [k, i]));
    const rows = test.map((e) => ({
      idx: Int32Array.from(e.features.sparse.map((k) => index.get(k) ?? -1).filter((i) => i >= 0)),
      dense: Float64Array.from(e.features.dense),
      y: e.y,
      weight: 1,
    }));
    const pred = rows.map((r) => predictClass(model, r));
    total +=
      classes === 1
        ? pred.filter((p, i) => p === rows[i]!.y).length / Math.max(1, rows.length)
        : macroF1(
            rows.map((r) => r.y),
            pred,
          );
  }
  log(`  ${classes === 1 ? 'P' : 'Q'} λ=${lambda}: ${(total / folds).toFixed(4)}`);
  return total / folds;
}

const test1 = (e: Example) => e.y !== 1;

function toExample(item: LabelledText, weight: number, threeClass: boolean): Example {
  return { features: textFeatures(item.text), y: CLASSES.indexOf(item.label as Polarity), weight, threeClass };
}

/** Trains both heads on the shippable sets under `dataDir`; returns the model. */
export function trainEnglish(
  dataDir: string,
  log: (m: string) => void = () => {},
  options: { limit?: number; lambdas?: number[] } = {},
): EnglishModel {
  const limit = options.limit ?? Infinity;
  const uci = [...loadUciSentences(dataDir, 'amazon'), ...loadUciSentences(dataDir, 'yelp')]
    .filter((i) => !isHeldOut(i.set, i.text))
    .slice(0, limit);
  const clothing = loadClothingReviews(dataDir)
    .filter((i) => !isHeldOut(i.set, i.text))
    .slice(0, limit);
  log(`training on ${uci.length} UCI sentences and ${clothing.length} clothing reviews (held-out items excluded)`);
  const minCount = 2;

  // P: positive vs negative, every polar item at weight 1.
  const polar = [
    ...uci.map((i) => toExample(i, 1, false)),
    ...clothing.filter((i) => i.label !== 'neutral').map((i) => toExample(i, 1, false)),
  ];
  // Q: the clothing reviews' three classes, balanced; UCI sentences as extra polar evidence at 0.3.
  const counts = [0, 1, 2].map((c) => clothing.filter((i) => CLASSES.indexOf(i.label) === c).length);
  const balance = counts.map((n) => clothing.length / (3 * Math.max(1, n)));
  const three = [
    ...clothing.map((i) => toExample(i, balance[CLASSES.indexOf(i.label)]!, true)),
    ...uci.map((i) => toExample(i, 0.3, false)),
  ];

  const lambdas = options.lambdas ?? [3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
  log('cross-validating the L2 strength (5 folds, training items only):');
  const bestP = lambdas.reduce(
    (best, l) => {
      const s = crossValidate(polar, 1, l, minCount, log);
      return s > best.s ? { l, s } : best;
    },
    { l: lambdas[0]!, s: -1 },
  );
  const bestQ = lambdas.reduce(
    (best, l) => {
      const s = crossValidate(three, 3, l, minCount, log);
      return s > best.s ? { l, s } : best;
    },
    { l: lambdas[0]!, s: -1 },
  );

  const dataP = compile(polar, minCount);
  const p = fit(dataP, 1, bestP.l);
  const dataQ = compile(three, minCount);
  const q = fit(dataQ, 3, bestQ.l);

  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  // The n-grams either head weighs (|w| ≥ 0.002), P's first, with four weights each (P, Q × 3).
  const rows = new Map<string, number[]>();
  dataP.vocab.forEach((k, i) => {
    const w = round(p.sparse[i]!);
    if (Math.abs(w) >= 0.002) rows.set(k, [w, 0, 0, 0]);
  });
  const V = dataQ.vocab.length;
  dataQ.vocab.forEach((k, i) => {
    const ws = [0, 1, 2].map((c) => round(q.sparse[c * V + i]!));
    if (!ws.some((w) => Math.abs(w) >= 0.002)) return;
    const row = rows.get(k) ?? [0, 0, 0, 0];
    row.splice(1, 3, ...ws);
    rows.set(k, row);
  });
  return {
    version: 'en-lr-1',
    trainedOn: [
      { set: 'en-uci-sentences (amazon, yelp; Kotzias et al. 2015)', licence: 'CC BY 4.0', items: uci.length },
      { set: "en-clothing-reviews (Women's E-Commerce Clothing Reviews)", licence: 'CC0', items: clothing.length },
    ],
    settings: {
      optimiser: 'full-batch Adam, 300 iterations',
      minCount,
      lambdaP: bestP.l,
      cvAccuracyP: round(bestP.s),
      lambdaQ: bestQ.l,
      cvMacroF1Q: round(bestQ.s),
      lexicon: lexiconFingerprint(),
    },
    dense: [...DENSE_FEATURES],
    p: { bias: round(p.bias[0]!), dense: [...p.dense].map(round) },
    q: { bias: [...q.bias].map(round), dense: [0, 1, 2].map((c) => [...q.dense.subarray(c * D, (c + 1) * D)].map(round)) },
    ngrams: { keys: [...rows.keys()], weights: [...rows.values()].flat() },
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const args = new Map<string, string>();
  for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
  const root = resolve(import.meta.dirname, '..', '..', '..');
  const data = resolve(args.get('data') ?? resolve(root, '..', 'shared', 'data'));
  const out = resolve(args.get('out') ?? resolve(root, 'analyzers', 'sentiment', 'models', 'en-sentiment.json'));
  const model = trainEnglish(data, (m) => process.stderr.write(`${m}\n`));
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  process.stderr.write(`wrote ${out}: ${model.ngrams.keys.length} weighted n-grams\n`);
}

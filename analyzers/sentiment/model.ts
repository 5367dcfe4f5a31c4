/**
 * The trained English sentiment model, applied on top of the lexicon scorer. The lexicon scorer
 * (english.ts) knows words and the grammar of negation, contrast, irony and intensity; what it
 * cannot know is how people actually phrase praise and complaint ("runs small", "sent it back",
 * "a waste of two hours"). So each text becomes features (features.ts: hashed n-grams with
 * negation scope marked, the lexicon scorer's own verdicts, opinion-word counts) and two linear
 * heads read them: P (positive vs negative; its probability gives the score and the side) and Q
 * (positive / neutral / negative; it says whether the text takes a side at all).
 *
 * Trained by analyzers/evaluation/train-english.ts on the licensed training sets only. Ships as
 * models/en-sentiment.json (what it was trained on, settings, dense weights) beside
 * models/en-sentiment.bin (the n-gram weights: 16-bit integers, four per bucket, and a tag per
 * bucket saying which n-gram it holds), read on first
 * use: a process that scores no English never reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Polarity, Sentiment } from '../../domain/types.js';
import { BucketCollector, BUCKETS, DENSE_FEATURES, HASH_BITS } from './features.js';
import type { Sentence } from '../record.js';

/** Classes of head Q, in weight order. */
export const CLASSES: readonly Polarity[] = ['negative', 'neutral', 'positive'];

/** What the model file holds beside the n-gram weights. */
export interface EnglishModelMeta {
  /** Model version: part of the analyzer version. */
  version: string;
  /** What it was trained on (sets, licences, counts) and how. */
  trainedOn: { set: string; licence: string; items: number }[];
  /** Training settings. */
  settings: Record<string, number | string>;
  /** Dense feature names. */
  dense: string[];
  /** Bits of the hashed n-gram space. */
  hashBits: number;
  /** The n-gram weights are stored as 16-bit integers; weight = integer × scale. */
  scale: number;
  /** Head P: bias and dense weights. */
  p: { bias: number; dense: number[] };
  /** Head Q: per class (CLASSES order) bias and dense weights. */
  q: { bias: number[]; dense: number[][] };
}

/** A whole model: its description and, per bucket, four n-gram weights (P's, then Q's per class) as integers and a tag. */
export interface EnglishModel {
  /** Everything but the n-gram weights. */
  meta: EnglishModelMeta;
  /** BUCKETS × 4 integers. */
  weights: Int16Array;
  /** Per bucket, the tag of the n-gram it holds (features.ts `tagOf`; 0: none). */
  tags: Uint16Array;
}

/** A text as the model reads it. */
export interface Features {
  /** Buckets of the n-grams present, each once. */
  rows: ArrayLike<number>;
  /** Dense features, in DENSE_FEATURES order. */
  dense: ArrayLike<number>;
}

/** A model ready to score. */
export interface LoadedModel {
  /** Model version. */
  version: string;
  /** Its training settings. */
  settings: Readonly<Record<string, number | string>>;
  /** Scores features: P's log-odds and Q's class probabilities. */
  predict(f: Features): { logit: number; probs: number[] };
  /** The distinct n-gram buckets of sentences. */
  rowsOf(sentences: readonly Sentence[]): number[];
  /** The buckets of several lists, each once, in order: `rowsOf` of sentences from theirs. */
  unionRows(lists: readonly (readonly number[])[]): number[];
}

/** Builds a scorer from a model. */
export function loadModel(model: EnglishModel): LoadedModel {
  const { meta, weights, tags } = model;
  if (meta.dense.join('|') !== DENSE_FEATURES.join('|') || meta.hashBits !== HASH_BITS) {
    throw new Error(
      `English sentiment model ${meta.version}: its features (${meta.dense.length} dense, ${meta.hashBits} hash bits) differ from this code's (${DENSE_FEATURES.length}, ${HASH_BITS}); retrain it with npm run train:en`,
    );
  }
  if (weights.length !== BUCKETS * 4 || tags.length !== BUCKETS)
    throw new Error(
      `English sentiment model ${meta.version}: ${weights.length} n-gram weights and ${tags.length} tags, ${BUCKETS * 4} and ${BUCKETS} expected; retrain it with npm run train:en`,
    );
  const collector = new BucketCollector(tags);
  const { p, q, scale } = meta;
  const pDense = Float64Array.from(p.dense);
  const qDense = [0, 1, 2].map((c) => Float64Array.from(q.dense[c]!));
  return {
    version: meta.version,
    settings: meta.settings,
    rowsOf: (sentences) => collector.of(sentences),
    unionRows: (lists) => collector.union(lists),
    predict(f: Features) {
      let logit = p.bias;
      let z0 = q.bias[0]!;
      let z1 = q.bias[1]!;
      let z2 = q.bias[2]!;
      for (let i = 0; i < f.dense.length; i++) {
        const x = f.dense[i]!;
        logit += pDense[i]! * x;
        z0 += qDense[0]![i]! * x;
        z1 += qDense[1]![i]! * x;
        z2 += qDense[2]![i]! * x;
      }
      let wp = 0;
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      const rows = f.rows;
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k]! << 2;
        wp += weights[r]!;
        w0 += weights[r + 1]!;
        w1 += weights[r + 2]!;
        w2 += weights[r + 3]!;
      }
      logit += wp * scale;
      return { logit, probs: softmax([z0 + w0 * scale, z1 + w1 * scale, z2 + w2 * scale]) };
    },
  };
}

/** Softmax of three logits. */
export function softmax(z: readonly number[]): number[] {
  // Loops rather than map/reduce: arrays from map() change elements kind once it is optimised.
  let m = -Infinity;
  for (const v of z) if (v > m) m = v;
  const e: number[] = [];
  let s = 0;
  for (const v of z) {
    const x = Math.exp(v - m);
    e.push(x);
    s += x;
  }
  for (let i = 0; i < e.length; i++) e[i] = e[i]! / s;
  return e;
}

/**
 * The verdict from the model: the score is P's probability of positive mapped onto [-1, 1]; Q
 * decides whether the text takes a side at all (its most likely class is neutral or not) and P
 * which side, so the label never contradicts the score's sign. The confidence is Q's probability
 * of the label given.
 */
export function modelVerdict(m: LoadedModel, f: Features): Sentiment {
  const { logit, probs } = m.predict(f);
  const score = Math.tanh(logit / 2); // = 2·σ(logit) − 1
  let best = 0;
  for (let c = 1; c < 3; c++) if (probs[c]! > probs[best]!) best = c;
  // P, trained on every polar item, knows the side better than Q, whose classes are reweighed.
  const label = best === 1 ? 1 : logit >= 0 ? 2 : 0;
  return {
    label: CLASSES[label]!,
    score: Math.round(score * 1000) / 1000 || (logit >= 0 ? 0.001 : -0.001),
    confidence: Math.round(probs[label]! * 1000) / 1000,
  };
}

/** The model files' folder: beside this module in the source tree, and found from the build (dist/) too. */
export function modelFolder(): string {
  const candidates = [
    resolve(import.meta.dirname, 'models'),
    resolve(import.meta.dirname, '..', '..', '..', 'analyzers', 'sentiment', 'models'),
  ];
  return candidates.find((c) => existsSync(resolve(c, 'en-sentiment.json'))) ?? candidates[0]!;
}

/** Reads a model from its two files (`<base>.json`; `<base>.bin`: the weights, then the tags). */
export function readModel(base: string): EnglishModel {
  const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as EnglishModelMeta;
  const bytes = readFileSync(`${base}.bin`);
  // Little-endian, as typed arrays are on every platform Node runs on that we know of; copied
  // when the buffer is not aligned for 16-bit reads.
  const buffer = bytes.byteOffset % 2 === 0 ? bytes.buffer : new Uint8Array(bytes).buffer;
  const offset = bytes.byteOffset % 2 === 0 ? bytes.byteOffset : 0;
  const n = Math.min(BUCKETS * 4, bytes.byteLength >> 1);
  const weights = new Int16Array(buffer, offset, n);
  const tags = new Uint16Array(buffer, offset + n * 2, Math.max(0, (bytes.byteLength >> 1) - n));
  return { meta, weights, tags };
}

/** The bytes of a model's `.bin` file. */
export function modelBytes(model: EnglishModel): Uint8Array {
  const out = new Uint8Array(model.weights.byteLength + model.tags.byteLength);
  out.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength), 0);
  out.set(new Uint8Array(model.tags.buffer, model.tags.byteOffset, model.tags.byteLength), model.weights.byteLength);
  return out;
}

let cached: LoadedModel | null | undefined;

/** The shipped English model, or null when its files are missing (the lexicon scorer then decides alone). */
export function englishModel(): LoadedModel | null {
  if (cached !== undefined) return cached;
  const base = resolve(modelFolder(), 'en-sentiment');
  cached = existsSync(`${base}.json`) && existsSync(`${base}.bin`) ? loadModel(readModel(base)) : null;
  return cached;
}

/** Replaces the model in use (training, validation of a model trained without a set, tests); undefined goes back to the shipped one. */
export function setEnglishModel(model: LoadedModel | null | undefined): void {
  cached = model;
}

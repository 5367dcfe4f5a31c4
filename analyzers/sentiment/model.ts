/**
 * The trained English sentiment model, applied on top of the lexicon scorer. The lexicon scorer
 * (english.ts) knows words and the grammar of negation and contrast; what it cannot know
 * is how reviewers actually phrase praise and complaint ("runs small", "sent it back", "fits true to
 * size"). So each text becomes features — word and word-pair presence with negation scope marked,
 * plus the lexicon scorer's own verdicts on the text and on its sentences — and two logistic
 * regressions read them: P (positive vs negative; its probability gives the score) and Q
 * (positive / neutral / negative; its most likely class gives the label).
 *
 * Trained by analyzers/evaluation/train-english.ts on UCI review sentences (CC BY 4.0) and clothing
 * reviews (CC0), held-out items excluded (analyzers/splits.ts). The weights ship as
 * analyzers/sentiment/models/en-sentiment.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Polarity, Sentiment } from '../../domain/types.js';
import { EN_CONTRAST, EN_NEGATORS } from './lexicons/english.js';
import type { Sentence } from '../record.js';
import { ironyMarks } from './english.js';

/** Names of the dense features, in order (stored with the model so a mismatch is caught). */
export const DENSE_FEATURES = [
  'lexicon score',
  'lexicon confidence',
  'positive valence',
  'negative valence',
  'has positive',
  'has negative',
  'no opinion word',
  'question',
  'exclamation',
  'lowest sentence',
  'highest sentence',
  'last sentence',
  'mean sentence',
  'share of negative sentences',
  'first sentence',
  'length',
] as const;

/** Classes of head Q, in weight order. */
export const CLASSES: readonly Polarity[] = ['negative', 'neutral', 'positive'];

/** A text as training reads it: its n-grams as strings. */
export type TrainingFeatures = Features & { sparse: string[] };

/** A text as features. */
export interface Features {
  /** Present n-grams (each once), as training reads them. */
  sparse?: string[];
  /** Or, when scoring, the model rows of the present n-grams the model knows (`LoadedModel.rowsOf`). */
  rows?: readonly number[];
  /** Dense features, in DENSE_FEATURES order. */
  dense: number[];
}

/** The shipped model. */
export interface EnglishModel {
  /** Model version: part of the analyzer version. */
  version: string;
  /** What it was trained on (sets, licences, counts) and how. */
  trainedOn: { set: string; licence: string; items: number }[];
  /** Training settings. */
  settings: Record<string, number | string>;
  /** Dense feature names. */
  dense: string[];
  /** Head P: bias and dense weights. */
  p: { bias: number; dense: number[] };
  /** Head Q: per class (CLASSES order) bias and dense weights. */
  q: { bias: number[]; dense: number[][] };
  /**
   * The n-grams either head weighs, and their weights: four per n-gram, in `keys` order — P's,
   * then Q's per class (0 where a head does not weigh it). Arrays rather than an object per head:
   * they parse in a third of the time.
   */
  ngrams: { keys: string[]; weights: number[] };
}

const DROP = new Set([',', '.', ';', ':', '"', '(', ')', '-', '–', '—', '…', '...']);
const SCOPE_STOPS = new Set([',', '.', ';', ':', '!', '?', '...', '…', 'and', 'or', 'although', 'though', ...EN_CONTRAST]);

/**
 * Walks the n-grams of a span of tokens: words lower-cased, the ≤ 3 words after a negator marked
 * "NOT_", each unit and each pair of adjacent units (a sentence starts with "<s>"; punctuation
 * that splits phrases starts again).
 */
function walkNgrams(
  sentences: readonly Sentence[],
  unitSeen: (unit: string) => void,
  pairSeen: (prev: string, unit: string) => void,
): void {
  for (const s of sentences) {
    let prev = '<s>';
    let negated = 0;
    const marks = ironyMarks(s);
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k]!;
      // Politeness beside a complaint says nothing; ironic praise reads as its opposite.
      const irony = marks?.get(k);
      if (t.kind === 'url' || t.kind === 'handle' || irony === 'mute') continue;
      const norm = t.kind === 'number' ? '<num>' : t.norm;
      if (SCOPE_STOPS.has(norm)) negated = 0;
      if (DROP.has(norm)) {
        prev = '<s>';
        continue;
      }
      const unit = negated > 0 || irony === 'flip' ? `NOT_${norm}` : norm;
      if (negated > 0) negated--;
      unitSeen(unit);
      pairSeen(prev, unit);
      prev = unit;
      if (EN_NEGATORS.has(norm) || norm.endsWith("n't")) negated = 3;
    }
  }
}

/** The n-grams of a span of tokens as strings ("word", "prev word"), each once, in order of first appearance. */
export function ngrams(sentences: readonly Sentence[], into: Set<string> = new Set()): Set<string> {
  walkNgrams(
    sentences,
    (unit) => into.add(unit),
    (prev, unit) => into.add(`${prev} ${unit}`),
  );
  return into;
}

/** The features of a text (or of one sentence) as training reads them, after the lexicon scorer ran on its sentences. */
export function features(sentences: readonly Sentence[], lexicon: Sentiment): TrainingFeatures {
  return { sparse: [...ngrams(sentences)], dense: denseFeatures(sentences, lexicon) };
}

/** The dense features of a text (or of one sentence), in DENSE_FEATURES order. */
export function denseFeatures(sentences: readonly Sentence[], lexicon: Sentiment): number[] {
  let pos = 0;
  let neg = 0;
  let question = 0;
  let exclaim = 0;
  let tokens = 0;
  let min = 0;
  let max = 0;
  let sum = 0;
  let negative = 0;
  sentences.forEach((s, i) => {
    for (const o of s.opinions ?? []) {
      if (o.value > 0) pos += o.value;
      else neg -= o.value;
    }
    for (const t of s.tokens) {
      tokens++;
      if (t.kind === 'punct') {
        if (t.norm.includes('?')) question = 1;
        if (t.norm.includes('!')) exclaim = 1;
      }
    }
    const score = s.sentiment?.score ?? 0;
    if (i === 0 || score < min) min = score;
    if (i === 0 || score > max) max = score;
    sum += score;
    if (score < -0.05) negative++;
  });
  const n = Math.max(1, sentences.length);
  const last = sentences.at(-1)?.sentiment?.score ?? 0;
  const first = sentences[0]?.sentiment?.score ?? 0;
  const dense = [
    lexicon.score,
    lexicon.confidence,
    Math.log1p(pos) / 2,
    Math.log1p(neg) / 2,
    pos > 0 ? 1 : 0,
    neg > 0 ? 1 : 0,
    pos + neg === 0 ? 1 : 0,
    question,
    exclaim,
    min,
    max,
    last,
    sum / n,
    negative / n,
    first,
    Math.log1p(tokens) / 5,
  ];
  return dense;
}

/** A model ready to score: n-gram weights in one map for a single lookup per n-gram. */
export interface LoadedModel {
  /** Model version. */
  version: string;
  /** Scores features: P's log-odds and Q's class probabilities. */
  predict(f: Features): { logit: number; probs: number[] };
  /**
   * The rows of the n-grams `ngrams(sentences)` yields that the model knows, each once, in the same
   * order — found without building an n-gram string per token pair, so scoring gives exactly the
   * sums `sparse` gives, faster.
   */
  rowsOf(sentences: readonly Sentence[]): number[];
  /** The rows of several lists, each once, in order: `rowsOf` of sentences from theirs. */
  unionRows(lists: readonly (readonly number[])[]): number[];
}

/** Builds a scorer from model weights. */
export function loadModel(model: EnglishModel): LoadedModel {
  if (model.dense.join('|') !== DENSE_FEATURES.join('|')) {
    throw new Error(
      `English sentiment model ${model.version}: its dense features (${model.dense.join(', ')}) differ from this code's; retrain it with npm run train:en`,
    );
  }
  const { keys } = model.ngrams;
  if (model.ngrams.weights.length !== keys.length * 4)
    throw new Error(
      `English sentiment model ${model.version}: ${keys.length} n-grams but ${model.ngrams.weights.length} weights (4 each expected); retrain it with npm run train:en`,
    );
  // Row r of n-gram k starts at 4r in one array of weights.
  const weights = Float64Array.from(model.ngrams.weights);
  // The rows by n-gram parts: unigrams by unit, bigrams by first unit then second; by whole n-gram
  // only when asked (training and tests), built then.
  let table: Map<string, number> | undefined;
  const unigram = new Map<string, number>();
  const bigram = new Map<string, Map<string, number>>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const r = i * 4;
    const space = k.indexOf(' ');
    if (space < 0) {
      unigram.set(k, r);
      continue;
    }
    const first = k.slice(0, space);
    let next = bigram.get(first);
    if (!next) bigram.set(first, (next = new Map()));
    next.set(k.slice(space + 1), r);
  }
  // seen[row] === stamp: the row is in the list being built (a new stamp per list, no clearing).
  const seen = new Uint32Array(keys.length);
  let stamp = 0;
  const nextStamp = () => {
    if (++stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    return stamp;
  };
  const { p, q } = model;
  return {
    version: model.version,
    rowsOf(sentences) {
      const mark = nextStamp();
      const out: number[] = [];
      const add = (r: number | undefined) => {
        if (r === undefined || seen[r >> 2] === mark) return;
        seen[r >> 2] = mark;
        out.push(r);
      };
      // The n-grams ngrams() gives, looked up by their parts.
      walkNgrams(
        sentences,
        (unit) => add(unigram.get(unit)),
        (prev, unit) => add(bigram.get(prev)?.get(unit)),
      );
      return out;
    },
    unionRows(lists) {
      const mark = nextStamp();
      const out: number[] = [];
      for (const list of lists) {
        for (const r of list) {
          if (seen[r >> 2] === mark) continue;
          seen[r >> 2] = mark;
          out.push(r);
        }
      }
      return out;
    },
    predict(f: Features) {
      let logit = p.bias;
      const z = [q.bias[0]!, q.bias[1]!, q.bias[2]!];
      for (let i = 0; i < f.dense.length; i++) {
        const x = f.dense[i]!;
        logit += p.dense[i]! * x;
        z[0]! += q.dense[0]![i]! * x;
        z[1]! += q.dense[1]![i]! * x;
        z[2]! += q.dense[2]![i]! * x;
      }
      const rows = f.rows ?? (f.sparse ?? []).map((k) => (table ??= new Map(keys.map((key, i) => [key, i * 4]))).get(k));
      for (const r of rows) {
        if (r === undefined) continue;
        logit += weights[r]!;
        z[0]! += weights[r + 1]!;
        z[1]! += weights[r + 2]!;
        z[2]! += weights[r + 3]!;
      }
      return { logit, probs: softmax(z) };
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
 * The verdict from the model: the score is P's probability of positive mapped onto [-1, 1] (its
 * sign answers "positive or negative?"); the label is Q's most likely class; the confidence is
 * that class's probability.
 */
export function modelVerdict(m: LoadedModel, f: Features): Sentiment {
  const { logit, probs } = m.predict(f);
  const score = Math.tanh(logit / 2); // = 2·σ(logit) − 1
  let best = 0;
  for (let c = 1; c < 3; c++) if (probs[c]! > probs[best]!) best = c;
  return {
    label: CLASSES[best]!,
    score: Math.round(score * 1000) / 1000 || (logit >= 0 ? 0.001 : -0.001),
    confidence: Math.round(probs[best]! * 1000) / 1000,
  };
}

let cached: LoadedModel | null | undefined;

/** The shipped English model, or null when its file is missing (the lexicon scorer then decides alone). */
export function englishModel(): LoadedModel | null {
  if (cached !== undefined) return cached;
  // From source (analyzers/) or from the build (dist/analyzers/): the JSON stays in the source tree.
  const candidates = [
    resolve(import.meta.dirname, 'models', 'en-sentiment.json'),
    resolve(import.meta.dirname, '..', '..', '..', 'analyzers', 'sentiment', 'models', 'en-sentiment.json'),
  ];
  const file = candidates.find((c) => existsSync(c));
  cached = file ? loadModel(JSON.parse(readFileSync(file, 'utf8')) as EnglishModel) : null;
  return cached;
}

/** Replaces the cached model (training and tests). */
export function setEnglishModel(model: LoadedModel | null | undefined): void {
  cached = model;
}

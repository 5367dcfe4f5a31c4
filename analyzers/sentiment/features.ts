/**
 * What the English model reads of a text: hashed n-grams and a few dense numbers. Words and word
 * pairs (negation scope marked "NOT_", ironic praise read as its opposite) are hashed to 32 bits:
 * the low HASH_BITS pick a bucket of weights, the rest must match the bucket's tag. No vocabulary is
 * stored or looked up: a text costs a hash per token, and a bigger training set no load time. The dense numbers are the lexicon scorer's
 * verdicts on the text and its sentences, and counts of Hu & Liu's opinion words.
 */
import type { Sentiment } from '../../domain/types.js';
import type { Sentence } from '../record.js';
import { ironyMarks } from './english.js';
import { HU_LIU_NEGATIVE, HU_LIU_POSITIVE } from './lexicons/hu-liu-opinion-words.js';
import { EN_CONTRAST, EN_NEGATORS } from './lexicons/english.js';

/** Bits of the hashed n-gram space: 2^18 buckets. */
export const HASH_BITS = 18;

/** Number of buckets. */
export const BUCKETS = 1 << HASH_BITS;

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
  'opinion words, positive',
  'opinion words, negative',
] as const;

const DROP = new Set([',', '.', ';', ':', '"', '(', ')', '-', '–', '—', '…', '...']);
const SCOPE_STOPS = new Set([',', '.', ';', ':', '!', '?', '...', '…', 'and', 'or', 'although', 'though', ...EN_CONTRAST]);

/** FNV-1a over a string's UTF-16 units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the bucket bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const START = fnv1a('<s>');
const NUMBER = fnv1a('<num>');
const NOT_SALT = 0x2545f491;
const PAIR_SALT = 0x9e3779b1;
const MASK = BUCKETS - 1;

/** The hash of a unit (a word, "NOT_word", "<num>"), given its string hash. */
function unitHash(h: number): number {
  return fmix(h);
}

/** The hash of a pair of adjacent units, given their string hashes. */
function pairHash(prev: number, h: number): number {
  return fmix((Math.imul(prev, PAIR_SALT) + h) ^ 0x68e31da4);
}

/** The bucket of an n-gram's hash: its low HASH_BITS bits. */
export function bucketOf(hash: number): number {
  return hash & MASK;
}

/**
 * The tag of an n-gram's hash: its other bits, plus one (0 marks an empty bucket). A bucket keeps
 * the weights of one n-gram only, the most frequent in training that fell there; another n-gram
 * falling there has another tag (but one time in 16,384) and is not read, so a rare or unseen
 * n-gram adds nothing instead of a stranger's weight.
 */
export function tagOf(hash: number): number {
  return (hash >>> HASH_BITS) + 1;
}

/**
 * Calls `seen` with the hash of every n-gram of the sentences, repeats included: words
 * lower-cased, the ≤ 3 words after a negator marked "NOT_", each unit and each pair of adjacent
 * units (a sentence starts with "<s>"; punctuation that splits phrases starts again).
 */
export function walkHashes(sentences: readonly Sentence[], seen: (hash: number) => void): void {
  for (const s of sentences) {
    let prev = START;
    let negated = 0;
    const marks = ironyMarks(s);
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k]!;
      // Politeness beside a complaint says nothing; ironic praise reads as its opposite.
      const irony = marks?.get(k);
      if (t.kind === 'url' || t.kind === 'handle' || irony === 'mute') continue;
      const norm = t.norm;
      if (SCOPE_STOPS.has(norm)) negated = 0;
      if (DROP.has(norm)) {
        prev = START;
        continue;
      }
      let h = t.kind === 'number' ? NUMBER : fnv1a(norm);
      if (negated > 0 || irony === 'flip') h = fmix(h ^ NOT_SALT);
      if (negated > 0) negated--;
      seen(unitHash(h));
      seen(pairHash(prev, h));
      prev = h;
      if (EN_NEGATORS.has(norm) || norm.endsWith("n't")) negated = 3;
    }
  }
}

/** The distinct n-gram hashes of sentences (training reads these). */
export function ngramHashes(sentences: readonly Sentence[]): Uint32Array {
  const set = new Set<number>();
  walkHashes(sentences, (h) => set.add(h));
  return Uint32Array.from(set);
}

let opinionWords: Map<string, number> | undefined;

/** Hu & Liu's opinion words: +1 positive, −1 negative (the three listed both ways count as neither). */
function huLiu(): Map<string, number> {
  if (opinionWords) return opinionWords;
  const m = new Map<string, number>();
  for (const w of HU_LIU_POSITIVE.split(/\s+/)) if (w) m.set(w, 1);
  for (const w of HU_LIU_NEGATIVE.split(/\s+/)) if (w) m.set(w, m.has(w) ? 0 : -1);
  opinionWords = m;
  return m;
}

/** What the dense features need of one sentence, counted once and shared by its text's features and its own. */
export interface SentenceStats {
  /** Sum of positive opinion values. */
  pos: number;
  /** Sum of negative opinion values, as a positive number. */
  neg: number;
  /** 1 when a "?" ends a token of it. */
  question: number;
  /** 1 when it holds a "!". */
  exclaim: number;
  /** Tokens. */
  tokens: number;
  /** Hu & Liu opinion words leaning positive (a negated negative word counts here). */
  liuPos: number;
  /** Hu & Liu opinion words leaning negative. */
  liuNeg: number;
}

/** Counts what the dense features need of one scored sentence. */
export function sentenceStats(s: Sentence): SentenceStats {
  const words = huLiu();
  let pos = 0;
  let neg = 0;
  let question = 0;
  let exclaim = 0;
  let liuPos = 0;
  let liuNeg = 0;
  for (const o of s.opinions ?? []) {
    if (o.value > 0) pos += o.value;
    else neg -= o.value;
  }
  let negated = 0;
  for (const t of s.tokens) {
    if (t.kind === 'punct') {
      if (t.norm.includes('?')) question = 1;
      if (t.norm.includes('!')) exclaim = 1;
    }
    if (SCOPE_STOPS.has(t.norm)) negated = 0;
    if (t.kind !== 'word') continue;
    const v = words.get(t.norm);
    if (v) {
      // A negated opinion word leans the other way ("not reliable").
      if ((negated > 0 ? -v : v) > 0) liuPos++;
      else liuNeg++;
    }
    if (negated > 0) negated--;
    if (EN_NEGATORS.has(t.norm) || t.norm.endsWith("n't")) negated = 3;
  }
  return { pos, neg, question, exclaim, tokens: s.tokens.length, liuPos, liuNeg };
}

/**
 * The dense features of a text (or of one sentence), in DENSE_FEATURES order; `stats` are the
 * sentences' `sentenceStats`, passed when already counted.
 */
export function denseFeatures(sentences: readonly Sentence[], lexicon: Sentiment, stats?: readonly SentenceStats[]): number[] {
  let pos = 0;
  let neg = 0;
  let question = 0;
  let exclaim = 0;
  let tokens = 0;
  let min = 0;
  let max = 0;
  let sum = 0;
  let negative = 0;
  let liuPos = 0;
  let liuNeg = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const st = stats?.[i] ?? sentenceStats(s);
    pos += st.pos;
    neg += st.neg;
    question |= st.question;
    exclaim |= st.exclaim;
    tokens += st.tokens;
    liuPos += st.liuPos;
    liuNeg += st.liuNeg;
    const score = s.sentiment?.score ?? 0;
    if (i === 0 || score < min) min = score;
    if (i === 0 || score > max) max = score;
    sum += score;
    if (score < -0.05) negative++;
  }
  const n = Math.max(1, sentences.length);
  const last = sentences.at(-1)?.sentiment?.score ?? 0;
  const first = sentences[0]?.sentiment?.score ?? 0;
  return [
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
    Math.log1p(liuPos) / 2,
    Math.log1p(liuNeg) / 2,
  ];
}

/**
 * Finds the buckets a model reads for texts: each n-gram's bucket when the bucket's tag is the
 * n-gram's, each bucket once per list, in order of first appearance; a stamp per bucket instead of
 * a set, so a list costs no allocation but its own.
 */
export class BucketCollector {
  private readonly stamps = new Uint32Array(BUCKETS);
  private stamp = 0;

  /** `tags`: per bucket, the tag of the n-gram whose weights it holds (0: none). */
  constructor(private readonly tags: Uint16Array) {}

  private next(): number {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** The buckets of the sentences' n-grams that the model knows, each once. */
  of(sentences: readonly Sentence[]): number[] {
    const mark = this.next();
    const out: number[] = [];
    const { stamps, tags } = this;
    walkHashes(sentences, (h) => {
      const b = h & MASK;
      if (stamps[b] === mark || tags[b] !== (h >>> HASH_BITS) + 1) return;
      stamps[b] = mark;
      out.push(b);
    });
    return out;
  }

  /** The buckets of several lists, each once, in order: `of` of the sentences from theirs. */
  union(lists: readonly (readonly number[])[]): number[] {
    const mark = this.next();
    const out: number[] = [];
    const stamps = this.stamps;
    for (const list of lists) {
      for (const b of list) {
        if (stamps[b] === mark) continue;
        stamps[b] = mark;
        out.push(b);
      }
    }
    return out;
  }
}

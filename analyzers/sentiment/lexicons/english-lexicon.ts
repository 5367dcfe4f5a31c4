/**
 * The English lexicon as the scorer uses it: VADER's words and emoticons with the domain lexicon
 * laid over them, phrases indexed by their first token, and contraction variants expanded. Built
 * once, on first use.
 */
import { hash } from 'node:crypto';
import { tokenize } from '../../stages/sentences.js';
import * as english from './english.js';
import { EN_CONTRACTIONS, EN_PHRASES, EN_TYPO_TARGETS, EN_WORDS, type LexiconValue } from './english.js';
import { EMOJI_VALENCE } from './emoji.js';
import { vaderLexicon } from './vader-lexicon.js';

/**
 * A lexicon entry: valence, and the valence when negated if it is not a plain flip. Make one with
 * `lexiconEntry`, so every entry has one shape (both fields present) and the scorer's hot loops
 * stay monomorphic.
 */
export interface Entry {
  /** Valence on [-4, 4]. */
  v: number;
  /** Valence when negated, when the lexicon gives one. */
  neg: number | undefined;
}

/** An entry of one shape (see `Entry`). */
export function lexiconEntry(v: number, neg?: number): Entry {
  return { v, neg };
}

/** A phrase: its tokens (normalised), the phrase as listed, and its entry. */
export interface PhraseEntry {
  /** Valences. */
  entry: Entry;
  /** Normalised tokens. */
  tokens: string[];
  /** The phrase as listed. */
  text: string;
}

/** The compiled English lexicon. */
export interface EnglishLexicon {
  /** Single tokens (words, emoticons). */
  words: Map<string, Entry>;
  /** Phrases by first token, longest first. */
  phrases: Map<string, PhraseEntry[]>;
}

function entry(value: LexiconValue): Entry {
  return typeof value === 'number' ? lexiconEntry(value) : lexiconEntry(value[0], value[1]);
}

// Each contraction with the pattern that finds it as a whole word, compiled once.
let contractionPatterns: { form: string; re: RegExp; others: string[] }[] | undefined;

/** All spellings of a phrase: "don't buy" also as "dont buy" and "do not buy". */
export function contractionVariants(phrase: string): string[] {
  contractionPatterns ??= Object.entries(EN_CONTRACTIONS).map(([form, others]) => ({
    form,
    re: new RegExp(`(^|\\s)${form}(?=\\s|$)`),
    others,
  }));
  let variants = [phrase];
  for (const { form, re, others } of contractionPatterns) {
    if (!phrase.includes(form) || !re.test(phrase)) continue;
    const next: string[] = [];
    for (const v of variants) {
      next.push(v);
      for (const o of others) next.push(v.replace(re, `$1${o}`));
    }
    variants = next;
  }
  return variants;
}

let compiled: EnglishLexicon | undefined;

/** The English lexicon, compiled on first use. */
export function englishLexicon(): EnglishLexicon {
  if (compiled) return compiled;
  const words = new Map<string, Entry>();
  for (const [token, v] of vaderLexicon()) {
    // VADER has a few multi-word entries; they become phrases below.
    if (token.includes(' ')) continue;
    if (!words.has(token)) words.set(token, lexiconEntry(v));
    const lower = token.toLowerCase();
    if (!words.has(lower)) words.set(lower, lexiconEntry(v));
  }
  for (const [w, value] of Object.entries(EN_WORDS)) words.set(w, entry(value));

  const phrases = new Map<string, PhraseEntry[]>();
  const addPhrase = (text: string, e: Entry) => {
    for (const variant of contractionVariants(text)) {
      const tokens = tokenize(variant).map((t) => t.norm);
      if (tokens.length === 0) continue;
      if (tokens.length === 1) {
        words.set(tokens[0]!, e);
        continue;
      }
      const list = phrases.get(tokens[0]!) ?? [];
      list.push({ entry: e, tokens, text });
      phrases.set(tokens[0]!, list);
    }
  };
  for (const [token, v] of vaderLexicon()) {
    if (token.includes(' ') && /^[a-z' ]+$/.test(token)) addPhrase(token, lexiconEntry(v));
  }
  for (const [p, value] of Object.entries(EN_PHRASES)) addPhrase(p, entry(value));
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  compiled = { words, phrases };
  return compiled;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < word.length; k++) out.push(word.slice(0, k) + word.slice(k + 1));
  return out;
}

// Misspelling index: each target and its one-letter deletions. Matching deletions of both sides
// finds dropped, doubled, swapped and substituted letters without scanning the lexicon.
const typoIndex = (() => {
  const index = new Map<string, string>();
  for (const t of EN_TYPO_TARGETS) {
    index.set(t, t);
    for (const d of deletions(t)) if (!index.has(d)) index.set(d, t);
  }
  return index;
})();

/** The opinion word a misspelling most likely means ("dissapointing" → "disappointing"), if any. */
export function correctTypo(word: string): string | undefined {
  if (word.length < 6) return undefined;
  const direct = typoIndex.get(word);
  if (direct) return direct;
  const known = corrected.get(word);
  if (known !== undefined) return known || undefined;
  let found = '';
  for (const d of deletions(word)) {
    const t = typoIndex.get(d);
    if (t) {
      found = t;
      break;
    }
  }
  if (corrected.size >= CORRECTED_LIMIT) corrected.clear();
  corrected.set(word, found);
  return found || undefined;
}

// Each word's correction ("" for none), kept: the search builds a string per letter of every unknown
// word, and reviews repeat their words. Emptied when full.
const corrected = new Map<string, string>();
const CORRECTED_LIMIT = 100_000;

/**
 * A fingerprint of everything the English scorer's word lists hold (the project's lists, the emoji
 * valences and VADER's words). The trained model records the one it was trained with: a lexicon
 * changed since then means the model reads features it was not trained on (retrain: npm run train:en).
 */
export function lexiconFingerprint(): string {
  const lists = Object.entries(english)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, v]) => [name, v instanceof Set || v instanceof Map ? [...(v as Iterable<unknown>)] : v]);
  return hash('sha256', JSON.stringify([lists, EMOJI_VALENCE, vaderLexicon()]), 'hex').slice(0, 16);
}

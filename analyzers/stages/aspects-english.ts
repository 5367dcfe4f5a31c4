/**
 * English aspect candidates beyond the taxonomy: noun phrases that an opinion attaches to — "great
 * food" (an opinion adjective before it), "the lid is flimsy" (its subject, through a copula), "love
 * the milk frothing" (an opinion verb's object), "the hinge cracked" (an opinion verb after it) —
 * and taxonomy terms grown to the noun phrase they head ("thai food", "sushi bar"). A word counts
 * as a noun when its most likely part of speech is one (pos-js lexicon) or it is unknown there
 * (brand and product words); opinion words come from the Hu & Liu lexicon and the sentiment stage.
 */
import { wordsMentionSensitive } from '../../privacy/sensitive.js';
import type { Sentence } from '../record.js';
import type { LanguageTaxonomy } from '../taxonomy/compile.js';
import type { Mention } from './aspect-mentions.js';
import {
  ADJECTIVE,
  ALSO_NOUN,
  ATTITUDE_VERBS,
  BETWEEN,
  CLAUSE_OPENERS,
  COPULAS,
  DETERMINERS,
  FUNCTION_WORDS,
  NOT_ASPECTS,
  NOT_NOUN,
  OPINION,
  VERB,
  PERCEPTION_VERBS,
  wordFlags,
} from './english-grammar.js';

// Per-token scratch state, reused across sentences: a token's entry counts only when its stamp is
// the current sentence's, so nothing is allocated or cleared per sentence (this runs on every one).
let stamps = new Uint32Array(256);
let classOf = new Uint8Array(256);
let takenAt = new Uint32Array(256);
let opinionAt = new Uint32Array(256);
let generation = 0;

// Bits of a token's class beside the lexicon's (english-grammar.ts uses 1, 2, 4, 8 and 128).
const KNOWN = 16;
const NOUN = 32;
const IN_OPINION = 64;

/**
 * Token k's classes (bits above), looked up the first time they are asked for: most tokens of a
 * sentence are never asked about, and the lexicon is large enough that each lookup costs.
 */
function classAt(sentence: Sentence, k: number): number {
  if (stamps[k] === generation) return classOf[k]!;
  const t = sentence.tokens[k]!;
  let c = KNOWN;
  if (t.kind === 'word') {
    const f = wordFlags().get(t.norm) ?? 0;
    c |= f;
    if (!(f & (OPINION | NOT_NOUN)) && t.norm.length >= 2 && !t.norm.includes("'")) c |= NOUN;
  }
  if (opinionAt[k] === generation) c |= IN_OPINION;
  stamps[k] = generation;
  classOf[k] = c;
  return c;
}

function begin(sentence: Sentence): void {
  const n = sentence.tokens.length;
  if (n > stamps.length) {
    const size = Math.max(n, stamps.length * 2);
    stamps = new Uint32Array(size);
    classOf = new Uint8Array(size);
    takenAt = new Uint32Array(size);
    opinionAt = new Uint32Array(size);
    generation = 0;
  }
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamps.fill(0);
    takenAt.fill(0);
    opinionAt.fill(0);
    generation = 1;
  }
  for (const o of sentence.opinions ?? []) for (let k = o.first; k <= o.last; k++) opinionAt[k] = generation;
}

// The sentence being read, for the helpers below (module state, so no closure is made per sentence).
let S: Sentence;
let TAX: LanguageTaxonomy;
let OUT: Mention[] = [];

function isOpinionAt(k: number): boolean {
  return (classAt(S, k) & (IN_OPINION | OPINION)) !== 0;
}

function isTaken(k: number): boolean {
  return takenAt[k] === generation;
}

function take(first: number, last: number): void {
  for (let k = first; k <= last; k++) takenAt[k] = generation;
}

function isObject(k: number): boolean {
  return TAX.objects.has(S.tokens[k]!.norm);
}

function isNoun(k: number): boolean {
  const toks = S.tokens;
  if (k < 0 || k >= toks.length) return false;
  const c = classAt(S, k);
  if (c & IN_OPINION) return false;
  if (c & NOUN) return true;
  if (c & OPINION || k === 0) return false;
  const w = toks[k]!.norm;
  if (FUNCTION_WORDS.has(w)) return false;
  const prev = toks[k - 1]!.norm;
  // A gerund after a noun or a determiner names an activity ("the milk frothing", "the seating").
  // ("keys sticking" is a clause: after a plural it is the verb.)
  if (c & VERB && w.endsWith('ing')) return DETERMINERS.has(prev) || ((classAt(S, k - 1) & NOUN) !== 0 && !prev.endsWith('s'));
  // A word that can be a noun, between a determiner and a copula, is one: "the handle is gorgeous".
  const next = toks[k + 1];
  return (
    (c & ALSO_NOUN) !== 0 &&
    (DETERMINERS.has(prev) || (classAt(S, k - 1) & NOUN) !== 0) &&
    (!next || next.kind === 'punct' || COPULAS.has(next.norm))
  );
}

// Before a copula, after a determiner, only a noun can stand: "the strap is weak" (a word the
// lexicon knows only as a verb or an adjective-verb there is a noun).
function canBeNoun(k: number): boolean {
  const c = classAt(S, k);
  const t = S.tokens[k]!;
  if (t.kind !== 'word' || c & (OPINION | IN_OPINION) || t.norm.includes("'") || FUNCTION_WORDS.has(t.norm)) return false;
  // A noun, a word that is one too, or one the lexicon knows only as a verb — not an adjective,
  // an adverb, a modal or a pronoun.
  return (c & (NOUN | ALSO_NOUN)) !== 0 || (c & (VERB | ADJECTIVE)) === VERB;
}

/** The noun phrase around token k (up to three nouns), when k is a noun no mention holds yet. */
function accept(k: number): void {
  if (!isNoun(k) || isTaken(k)) return;
  const n = S.tokens.length;
  let first = k;
  let last = k;
  while (first > 0 && k - first < 2 && !isTaken(first - 1) && isNoun(first - 1)) first--;
  while (last + 1 < n && last - first < 2 && !isTaken(last + 1) && isNoun(last + 1)) last++;
  acceptSpan(first, last);
}

function acceptSpan(first: number, last: number): void {
  const toks = S.tokens;
  const head = toks[last]!.norm;
  if (NOT_ASPECTS.has(head) || isObject(last)) return;
  // Discovered aspects become themes and segments: none that names or follows a health, religion,
  // ethnicity or sexuality word ("suicide prevention helpline").
  const words: string[] = [];
  for (let k = Math.max(0, first - 1); k <= last; k++) words.push(toks[k]!.norm);
  if (wordsMentionSensitive(words)) return;
  // Capitalised mid-sentence words alone are names (people, places), not aspects.
  if (first === last && first > 0 && /^\p{Lu}/u.test(toks[first]!.text) && !/^\p{Lu}+$/u.test(toks[first]!.text)) return;
  take(first, last);
  OUT.push({ first, last });
}

/** Finds English aspect mentions beyond plain taxonomy terms, and grows the terms to their noun phrases. */
export function englishMentions(sentence: Sentence, terms: Mention[], taxonomy: LanguageTaxonomy): Mention[] {
  const opinions = sentence.opinions ?? [];
  if (!terms.length && !opinions.length) return [];
  const toks = sentence.tokens;
  const n = toks.length;
  begin(sentence);
  S = sentence;
  TAX = taxonomy;
  const out: Mention[] = [];
  OUT = out;

  // Taxonomy terms grown to their noun phrase: "thai food", "food quality", "sushi bar". A one-word
  // term that is most often a verb is one only where a noun stands: "the fit is great", "great fit",
  // not "it fits great" or "can't wait".
  const nounTerms: Mention[] = [];
  const verbal: Mention[] = [];
  for (const m of terms) {
    if (m.first === m.last && classAt(sentence, m.first) & VERB) {
      const prev = toks[m.first - 1];
      const next = toks[m.first + 1];
      const nounHere =
        (!!prev && (DETERMINERS.has(prev.norm) || (classAt(sentence, m.first - 1) & (IN_OPINION | OPINION | ADJECTIVE)) !== 0)) ||
        (!!next && COPULAS.has(next.norm));
      // A verb of fit or perception still says what the opinion right after it is about ("it fits
      // great", "looks really lovely", "tastes bland"); other verbs ("can't wait", "I returned it") do not.
      if (!nounHere) {
        const opinionNext =
          opinionAt[m.first + 1] === generation || (opinionAt[m.first + 2] === generation && BETWEEN.has(toks[m.first + 1]?.norm ?? ''));
        if (PERCEPTION_VERBS.has(toks[m.first]!.norm) && opinionNext)
          verbal.push({ first: m.first, last: m.last, category: m.category, verbal: true });
        continue;
      }
    }
    nounTerms.push(m);
    take(m.first, m.last);
  }
  for (const m of nounTerms) {
    let first = m.first;
    let last = m.last;
    while (first > 0 && first > m.first - 2 && (isTaken(first - 1) || isNoun(first - 1)) && !isObject(first - 1)) first--;
    while (last + 1 < n && last < m.last + 2 && (isTaken(last + 1) || isNoun(last + 1)) && !isObject(last + 1)) last++;
    const prev = out[out.length - 1];
    if (prev && prev.last >= first) {
      prev.last = Math.max(prev.last, last);
      prev.category = m.category;
    } else out.push({ first, last, category: m.category });
  }
  for (const m of out) take(m.first, m.last);
  const grown = out.length;

  // Other noun phrases an opinion attaches to.
  for (const o of opinions) {
    const k = o.last;
    const c = classAt(sentence, k);
    // "great food", "friendly and fast service": an opinion adjective before the phrase.
    if (!(c & VERB) || c & ADJECTIVE) {
      let j = k + 1;
      while (j < n && j - k < 4 && (toks[j]!.norm === 'and' || toks[j]!.norm === ',' || isOpinionAt(j))) j++;
      accept(j);
    }
    // "love the milk frothing", "recommend their pasta": the object of a verb of attitude.
    if (ATTITUDE_VERBS.has(toks[k]!.norm)) accept(k + 1 < n && DETERMINERS.has(toks[k + 1]!.norm) ? k + 2 : k + 1);
    // "the lid is flimsy", "Service was slow": the phrase before a copula and the opinion;
    // "the hinge cracked": the phrase before an opinion verb.
    let j = o.first - 1;
    while (j > 0 && BETWEEN.has(toks[j]!.norm) && o.first - j <= 4) j--;
    const before = COPULAS.has(toks[j]?.norm ?? '') ? j - 1 : c & VERB && !(c & ADJECTIVE) ? o.first - 1 : -1;
    if (before < 0 || isTaken(before)) continue;
    // Between a determiner (or the clause's start) and the copula, words that can be nouns are:
    // "the carry handle feels sturdy".
    let first = before + 1;
    while (first > 0 && before - first < 2 && !isTaken(first - 1) && (isNoun(first - 1) || canBeNoun(first - 1))) first--;
    if (first > before) continue;
    const prev = toks[first - 1];
    // The phrase must open its clause or follow a determiner: "the food was great", not "ordered food was".
    if (!prev || DETERMINERS.has(prev.norm) || prev.kind === 'punct' || CLAUSE_OPENERS.has(prev.norm)) acceptSpan(first, before);
  }
  for (const m of verbal) if (!isTaken(m.first)) out.push(m);
  if (out.length > grown) out.sort((a, b) => a.first - b.first);
  return out;
}

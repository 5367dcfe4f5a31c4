/**
 * Matching keys: how a word of each language is reduced so inflected forms meet their taxonomy
 * term. English: lower case (plurals are listed or added when the taxonomy is built). Russian:
 * the Snowball stem (natural's PorterStemmerRu), so "цены", "цену" and "цене" meet "цена".
 * Persian: letters unified (Arabic yeh and kaf, ZWNJ and diacritics dropped, as the sentiment stage
 * does) and the plural "ها"/"های" and a final ezafe or indefinite "ی" dropped. Chinese needs no key:
 * terms are found in the characters.
 */
import { createRequire } from 'node:module';
import { normaliseFor } from '../sentiment/other-languages.js';
import type { AspectLanguage } from './types.js';

// The stemmer file alone: natural's index loads every module it has (seconds).
const russianStemmer = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer_ru.js') as {
  stem(word: string): string;
};

// Stems are asked for the same few thousand words again and again.
const ruStems = new Map<string, string>();
const RU_CACHE_LIMIT = 200_000;

// Letters the sentiment stage's normalisation changes in Persian (Arabic yeh and kaf, ZWNJ, tatweel, diacritics).
const FA_UNNORMALISED = /[يىك\u0640\u064b-\u065f]|\u200c|\u200d/;

/**
 * A token's normalised form (its `norm`, already lower-cased) as the sentiment stage's lexicons key
 * it: the same string when nothing needs changing, which is nearly always — so no new string is made
 * for every token (this runs on each one).
 */
export function normaliseToken(lang: string, norm: string): string {
  if (lang === 'ru') return norm.includes('ё') ? normaliseFor('ru', norm) : norm;
  if (lang === 'fa') return FA_UNNORMALISED.test(norm) ? normaliseFor('fa', norm) : norm;
  return norm;
}

/** The stem of a Russian word (lower-cased, ё as е). */
export function russianKey(word: string): string {
  let s = ruStems.get(word);
  if (s === undefined) {
    const w = normaliseFor('ru', word);
    s = /^[а-я-]+$/.test(w) ? russianStemmer.stem(w) : w;
    if (ruStems.size >= RU_CACHE_LIMIT) ruStems.clear();
    ruStems.set(word, s);
  }
  return s;
}

// An adjective derived from a noun keeps the noun's stem ("ценный" and "цена" are both "цен"): what
// follows the stem says which it is — a suffix "н", "нн", "к" or "ск" and an adjective ending.
const RU_DERIVED = /^(?:н|нн|к|ск|ов|ев)(?:ый|ий|ой|ая|ое|ые|ого|ому|ым|ых|ыми|ую|ее|ие|его|ему|им|их|ими|яя)$/;

/**
 * Whether a Russian word that shares a term's stem is that term's word: not an adjective derived
 * from it ("ценный" from "цена"), nor a word the stemmer cut a derivational suffix from ("надёжную"
 * and "надёжность" are both "надежн"; what follows the stem must begin as the term's ending does).
 */
export function russianSameWord(word: string, term: string, stem: string): boolean {
  const w = normaliseFor('ru', word);
  const t = normaliseFor('ru', term);
  if (!w.startsWith(stem)) return true;
  const rest = w.slice(stem.length);
  if (RU_DERIVED.test(rest)) return false;
  const ending = t.startsWith(stem) ? t.slice(stem.length) : '';
  return ending.length < 3 || rest.startsWith(ending.slice(0, 2));
}

/**
 * The stems a Russian noun is found by: its own, and those of its oblique forms when the stemmer
 * cuts them differently ("персонал" stems to "персона", "персоналу" to "персонал").
 */
export function russianTermStems(word: string): string[] {
  const w = normaliseFor('ru', word);
  const stems = new Set([russianKey(w)]);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) for (const ending of ['а', 'у', 'ом', 'е', 'ы', 'ов']) stems.add(russianKey(w + ending));
  return [...stems];
}

/** A Persian word with letters unified and plural and ezafe endings dropped. */
export function persianKey(word: string): string {
  let w = normaliseToken('fa', word);
  if (w.length > 4 && w.endsWith('هایی')) w = w.slice(0, -4);
  else if (w.length > 3 && w.endsWith('های')) w = w.slice(0, -3);
  else if (w.length > 3 && w.endsWith('ها')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('ی')) w = w.slice(0, -1);
  return w;
}

/** The key of one word in a language. */
export function wordKey(lang: AspectLanguage, word: string): string {
  if (lang === 'ru') return russianKey(word);
  if (lang === 'fa') return persianKey(word);
  return word.toLowerCase();
}

/** Which of the aspect languages a term is written for, read from its script. */
export function termLanguages(term: string): AspectLanguage[] {
  if (/\p{Script=Han}/u.test(term)) return ['zh'];
  if (/\p{Script=Cyrillic}/u.test(term)) return ['ru'];
  if (/\p{Script=Arabic}/u.test(term)) return ['fa'];
  // Latin terms ("wifi", "usb") also appear inside Chinese text.
  if (/\p{Script=Latin}/u.test(term)) return ['en', 'zh'];
  return [];
}

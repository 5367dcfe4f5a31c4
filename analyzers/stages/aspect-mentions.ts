/**
 * Taxonomy terms found in a sentence: token by token for languages written with spaces (English,
 * Russian, Persian — each word reduced to its key first), character by character for Chinese
 * (ICU's word segmenter splits some terms, "服务态度", and merges others).
 */
import type { Opinion, Sentence } from '../record.js';
import type { LanguageTaxonomy } from '../taxonomy/compile.js';
import { normaliseToken, russianSameWord, wordKey } from '../taxonomy/keys.js';
import { STOPWORDS } from './stopwords.js';
import type { AspectLanguage } from '../taxonomy/types.js';

/** A stretch of a sentence's tokens that names an aspect. */
export interface Mention {
  /** First token. */
  first: number;
  /** Last token. */
  last: number;
  /** Character offsets, when they are narrower than the tokens (a Chinese term inside a token). */
  start?: number;
  end?: number;
  /** Taxonomy category, when the term is in the taxonomy. */
  category?: string;
  /** Named by a verb ("it fits great", "looks lovely"): counts only with an opinion bound, and is no explicit term. */
  verbal?: boolean;
  /** Implicit: the mention is its own opinion. */
  self?: Opinion;
}

/** The keys of a sentence's tokens in a language (empty for tokens that are not words). */
export function tokenKeys(sentence: Sentence, lang: AspectLanguage): string[] {
  const keys: string[] = [];
  for (const t of sentence.tokens) keys.push(t.kind === 'word' || t.kind === 'number' ? wordKey(lang, t.norm) : '');
  return keys;
}

/**
 * Taxonomy terms in a sentence of a language written with spaces, longest first, no overlaps.
 * `keys` are the tokens' keys (tokenKeys); English passes none: its keys are the tokens' norms.
 */
export function wordTermMentions(
  sentence: Sentence,
  keys: string[] | undefined,
  taxonomy: LanguageTaxonomy,
  lang: AspectLanguage,
): Mention[] {
  const tokens = sentence.tokens;
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const key = keys ? keys[i] : tokens[i]!.norm;
    const list = key ? taxonomy.byFirst.get(key) : undefined;
    if (!list) {
      i++;
      continue;
    }
    const at = i;
    const hit = list.find((t) => t.keys.every((k, j) => (keys ? keys[at + j] : tokens[at + j]?.norm) === k));
    // "in exchange for" is no aspect; "ценный" shares the stem of "цена" but is an adjective.
    const idiom = lang === 'en' && tokens[i]!.norm === 'exchange' && tokens[i - 1]?.norm === 'in';
    const adjective = lang === 'ru' && hit?.keys.length === 1 && !russianSameWord(tokens[i]!.norm, hit.term, hit.keys[0]!);
    // A stopword is never a term, whatever its stem shares ("меня" and "меню" are both "мен").
    const stop = lang !== 'en' && hit?.keys.length === 1 && STOPWORDS[lang]?.has(normaliseToken(lang, tokens[i]!.norm));
    if (hit && !idiom && !adjective && !stop) {
      out.push({ first: i, last: i + hit.keys.length - 1, category: hit.category });
      i += hit.keys.length;
    } else i++;
  }
  return out;
}

/** Taxonomy terms in a Chinese sentence, found in its characters (longest first), mapped to tokens. */
export function chineseTermMentions(sentence: Sentence, taxonomy: LanguageTaxonomy): Mention[] {
  const text = sentence.text.toLowerCase();
  const tokens = sentence.tokens;
  const byCode = taxonomy.byFirstCode!;
  const out: Mention[] = [];
  let k = 0;
  let i = 0;
  while (i < text.length) {
    // By character code: a CJK character read as a string is a new string each time.
    const list = byCode.get(text.charCodeAt(i));
    const hit = list?.find((t) => text.startsWith(t.keys[0]!, i));
    if (!hit) {
      i++;
      continue;
    }
    const start = sentence.start + i;
    const end = start + hit.keys[0]!.length;
    while (k < tokens.length && tokens[k]!.end <= start) k++;
    // A one-character term inside a longer word is another word's part: "价" in "评价", "菜" in "蔬菜".
    if (hit.keys[0]!.length === 1 && tokens[k] && tokens[k]!.start !== start) {
      i++;
      continue;
    }
    let last = k;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
    if (k < tokens.length) out.push({ first: k, last, start, end, category: hit.category });
    i += hit.keys[0]!.length;
  }
  return out;
}

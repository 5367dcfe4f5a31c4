/**
 * What the Russian scorer (other-languages.ts) adds for text its own lexicon was not written for:
 * the translated AFINN list, matched by stem, and the bracket smileys of Russian posts.
 */
import { createRequire } from 'node:module';
import type { Opinion, Token } from '../record.js';
import { AFINN_RU } from './lexicons/afinn-ru.js';

/** A lexicon entry: valence. */
interface Entry {
  v: number;
}

/** A Russian stemmer (Snowball's Porter rules, from `natural`). */
interface Stemmer {
  stem(word: string): string;
}

let afinnRu: { stemmer: Stemmer; byStem: Map<string, Entry> } | undefined;

// Each word's answer, kept: stemming was an eighth of the Russian pipeline, and reviews ask about the
// same few thousand words again and again. Emptied when full, so a long run cannot grow it for ever.
const byWord = new Map<string, Entry | null>();
const BY_WORD_LIMIT = 100_000;

/**
 * A Russian word the project's own lexicon lacks, looked up by stem in the translated AFINN list
 * (lexicons/afinn-ru.ts, ODbL): its valence, scaled from AFINN's −5…+5 to the lexicon's scale
 * (AFINN's "good", 3, is our 2.1). Stems of fewer than four letters match too much and are skipped.
 */
export function russianAfinn(word: string): Entry | undefined {
  if (word.length < 4) return undefined;
  if (!afinnRu) {
    // Loaded on the first Russian word the own lexicon does not know: English-only runs never pay for it.
    const stemmer = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer_ru') as Stemmer;
    const sums = new Map<string, { sum: number; n: number }>();
    for (const pair of AFINN_RU.trim().split(/\s{2,}|\n/)) {
      const [w, v] = pair.trim().split(' ');
      if (!w || v === undefined) continue;
      const stem = stemmer.stem(w);
      if (stem.length < 4) continue;
      const acc = sums.get(stem) ?? { sum: 0, n: 0 };
      acc.sum += Number(v);
      acc.n++;
      sums.set(stem, acc);
    }
    const byStem = new Map<string, Entry>();
    for (const [stem, { sum, n }] of sums) if (sum !== 0) byStem.set(stem, { v: Math.round((sum / n) * 0.7 * 100) / 100 });
    afinnRu = { stemmer, byStem };
  }
  const known = byWord.get(word);
  if (known !== undefined) return known ?? undefined;
  const stem = afinnRu.stemmer.stem(word);
  const entry = stem.length < 4 ? undefined : afinnRu.byStem.get(stem);
  if (byWord.size >= BY_WORD_LIMIT) byWord.clear();
  byWord.set(word, entry ?? null);
  return entry;
}

/** Valence of a bracket smiley: as VADER rates ":)" and ":(" a little below. */
const BRACKET_SMILEY = 1.5;

/**
 * Russian writers online smile with brackets alone: "кино)))" is "кино :)", "дождь((" is "дождь :(".
 * A run of ")" that closes no "(" opened before it in the sentence, and a run of two or more "("
 * that nothing closes, is a smiley; a bracketed aside ("(см. выше)") is not.
 */
export function bracketSmileys(tokens: Token[], clauseOf: (i: number) => number): Opinion[] {
  const out: Opinion[] = [];
  let open = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct' || (t.text !== ')' && t.text !== '(')) continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.text === t.text) j++;
    const run = j - i + 1;
    if (t.text === ')') {
      const closing = Math.min(open, run);
      open -= closing;
      if (run > closing) out.push(smiley(i, j, BRACKET_SMILEY, clauseOf));
    } else {
      // "((" then no ")" later: a frown; a single "(" opens an aside.
      const closed = tokens.slice(j + 1).some((x) => x.text === ')');
      if (run >= 2 && !closed) out.push(smiley(i, j, -BRACKET_SMILEY, clauseOf));
      else open += run;
    }
    i = j;
  }
  return out;
}

function smiley(first: number, last: number, value: number, clauseOf: (i: number) => number): Opinion {
  return { first, last, term: value > 0 ? ')' : '(', value, local: value, negated: false, clause: clauseOf(first) };
}

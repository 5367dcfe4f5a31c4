/**
 * The aspects stage: finds what each sentence talks about — taxonomy terms ("battery life",
 * "customer service"), opinion words that name their aspect ("overpriced"), and, in English, other
 * nouns clearly being evaluated ("the lid is flimsy") — and binds each to the nearest opinion in
 * its clause, so "The price is great but the service was rude" gives price positive and service
 * negative. Negation is already in the opinion's value (the sentiment stage resolved it).
 */
import { namesPattern } from '../../domain/names.js';
import type { AspectMention, Polarity } from '../../domain/types.js';
import { BUILT_IN_ASPECTS, IMPLICIT_ASPECTS } from './aspect-taxonomy.js';
import { englishLexicon } from '../sentiment/lexicons/english-lexicon.js';
import { EN_BOOSTERS, EN_CONCESSIVE, EN_CONTRAST, EN_NEGATORS } from '../sentiment/lexicons/english.js';
import type { AnalysisRecord, Opinion, Sentence, Stage, Token } from '../record.js';
import { clauseOfToken, tokenize } from './sentences.js';
import { turnWordsOf } from '../sentiment/other-languages.js';

/** A compiled taxonomy: terms by their first token, longest first. */
export interface Taxonomy {
  /** Terms indexed by first normalised token. */
  byFirst: Map<string, { tokens: string[]; category: string }[]>;
  /** Implicit aspects by opinion term. */
  implicit: Map<string, string>;
}

/** Builds the taxonomy: the built-in one with the project's categories and terms merged in. */
export function buildTaxonomy(extra: Record<string, string[]> = {}): Taxonomy {
  const categoryOf = new Map<string, string>();
  const add = (category: string, term: string) => {
    const tokens = tokenize(term.trim()).map((t) => t.norm);
    if (!tokens.length) return;
    const key = tokens.join(' ');
    categoryOf.set(key, category);
    // Plural of a single-word term ("lid" → "lids"), unless listed already.
    if (tokens.length === 1 && /^\p{L}+$/u.test(key) && !key.endsWith('s') && !categoryOf.has(`${key}s`))
      categoryOf.set(`${key}s`, category);
  };
  for (const [category, terms] of Object.entries(BUILT_IN_ASPECTS)) for (const t of terms) add(category, t);
  // Project terms come last so they win over the built-in category of the same term.
  for (const [category, terms] of Object.entries(extra)) for (const t of terms) add(category, t);
  const byFirst = new Map<string, { tokens: string[]; category: string }[]>();
  for (const [key, category] of categoryOf) {
    const tokens = key.split(' ');
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, category });
    byFirst.set(tokens[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirst, implicit: new Map(Object.entries(IMPLICIT_ASPECTS)) };
}

const COPULAS = new Set([
  'is',
  'was',
  'are',
  'were',
  'feels',
  'feel',
  'felt',
  'looks',
  'look',
  'looked',
  'seems',
  'seem',
  'seemed',
  'became',
  'becomes',
  'got',
  'gets',
  'stays',
  'remains',
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  'isnt',
  'wasnt',
]);
const DETERMINERS = new Set(['the', 'my', 'this', 'that', 'its', "it's", 'their', 'our', 'your', 'his', 'her', 'these', 'those']);
// Words that cannot be the head of an evaluated noun phrase.
const NOT_NOUNS = new Set(
  `i me you he she it we they them us him one ones thing things all some any each every other another who what which
   that this there here and or but so if then than as of in on at to for with by from about into over after before
   very really just also only even still much more most less least way lot bit kind sort part rest first last time
   times day days week weeks year years price`
    .split(/\s+/)
    .filter(Boolean),
);

function normalised(v: number): number {
  return Math.round((v / Math.sqrt(v * v + 4)) * 1000) / 1000;
}

function polarityOf(score: number): Polarity {
  return score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
}

interface Mention {
  first: number;
  last: number;
  category?: string;
  /** Implicit: the mention is its own opinion. */
  self?: Opinion;
}

function taxonomyMentions(tokens: Token[], taxonomy: Taxonomy): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const list = taxonomy.byFirst.get(tokens[i]!.norm);
    const hit = list?.find((t) => t.tokens.every((tok, k) => tokens[i + k]?.norm === tok));
    // "in exchange for", "on the return trip"-like idioms are no aspect.
    if (hit && !(tokens[i]!.norm === 'exchange' && tokens[i - 1]?.norm === 'in')) {
      out.push({ first: i, last: i + hit.tokens.length - 1, category: hit.category });
      i += hit.tokens.length;
    } else i++;
  }
  return out;
}

/** "the lid is flimsy": a determiner, one to three nouns, a copula, then (within three words) an opinion. */
function evaluatedNouns(sentence: Sentence, taken: Mention[]): Mention[] {
  const toks = sentence.tokens;
  const opinions = sentence.opinions ?? [];
  const words = englishLexicon().words;
  const out: Mention[] = [];
  for (let c = 1; c < toks.length; c++) {
    if (!COPULAS.has(toks[c]!.norm)) continue;
    const opinion = opinions.find(
      (o) =>
        o.first > c &&
        o.first - c <= 4 &&
        toks
          .slice(c + 1, o.first)
          .every(
            (t) =>
              EN_BOOSTERS.has(t.norm) ||
              EN_NEGATORS.has(t.norm) ||
              ['a', 'an', 'so', 'too', 'very', 'pretty', 'quite', 'rather'].includes(t.norm),
          ),
    );
    if (!opinion) continue;
    let first = c;
    while (first - 1 >= 0 && c - first < 3) {
      const t = toks[first - 1]!;
      if (
        t.kind !== 'word' ||
        NOT_NOUNS.has(t.norm) ||
        DETERMINERS.has(t.norm) ||
        (words.get(t.norm)?.v ?? 0) !== 0 ||
        EN_BOOSTERS.has(t.norm)
      )
        break;
      first--;
    }
    if (first === c || first === 0 || !DETERMINERS.has(toks[first - 1]!.norm)) continue;
    const last = c - 1;
    if (taken.some((m) => m.first <= last && m.last >= first)) continue;
    out.push({ first, last });
  }
  return out;
}

function bind(sentence: Sentence, m: Mention): Opinion[] {
  // "true to size", "value for money", "easy to use": the opinion phrase holds the aspect term.
  const holding = (sentence.opinions ?? []).find((o) => o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first);
  if (holding) return [holding];
  const opinions = (sentence.opinions ?? []).filter((o) => o.last < m.first || o.first > m.last);
  const clause = clauseOfToken(sentence, m.first);
  const same = opinions.filter((o) => o.clause === clause);
  if (!same.length) return [];
  const toks = sentence.tokens;
  // "the price is great": after a copula, the first opinion after it is the one about the aspect.
  if (toks[m.last + 1] && COPULAS.has(toks[m.last + 1]!.norm)) {
    const after = same.find((o) => o.first > m.last);
    if (after) return [after];
  }
  let best = same[0]!;
  let bestDistance = Infinity;
  for (const o of same) {
    const d = o.first > m.last ? o.first - m.last : m.first - o.last + 0.5;
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return [best];
}

interface Turns {
  contrast: ReadonlySet<string>;
  concessive: ReadonlySet<string>;
}
const EN_TURNS: Turns = { contrast: EN_CONTRAST, concessive: EN_CONCESSIVE };
const turnsByLang = new Map<string, Turns>();

/** The words that turn a sentence in a language: contrast ("but", "однако", "但是") and concessive ("although"). */
function turnWords(lang: string): Turns {
  if (lang === 'en') return EN_TURNS;
  let turns = turnsByLang.get(lang);
  if (!turns) turnsByLang.set(lang, (turns = turnWordsOf(lang)));
  return turns;
}

/**
 * Which side of a turn each clause is on: a clause opened by a contrast or concessive word starts
 * a new side, and so does the clause after a concessive one ("Although the kettle is loud, | the
 * handle stays cool"). Returns one side number per clause.
 */
function sidesOf(sentence: Sentence, turns: Turns): number[] {
  const starts = sentence.clauses ?? [0];
  const sides: number[] = [];
  let side = 0;
  let afterConcessive = false;
  for (let c = 0; c < starts.length; c++) {
    const opener = sentence.tokens[starts[c]!]?.norm ?? '';
    const concessive = turns.concessive.has(opener);
    if (c > 0 && (concessive || afterConcessive || turns.contrast.has(opener))) side++;
    sides.push(side);
    afterConcessive = concessive;
  }
  return sides;
}

/**
 * The verdict an aspect with no opinion word in its clause takes from its sentence ("we waited an
 * hour for the food"). Across a turn it takes only its own side's opinions: in "the kettle broke
 * after a month, but customer service replaced it" the breakage says nothing of the service.
 */
function inheritedVerdict(sentence: Sentence, sides: number[], clause: number): number {
  const s = sentence.sentiment;
  if (!s || s.label === 'neutral') return 0;
  if ((sides[sides.length - 1] ?? 0) === 0) return s.score;
  const opinions = (sentence.opinions ?? []).filter((o) => o.local !== 0);
  if (!opinions.length) return s.score;
  const mine = opinions.filter((o) => sides[o.clause] === sides[clause]);
  return mine.length ? normalised(mine.reduce((sum, o) => sum + o.local, 0)) : 0;
}

/** Finds the aspect mentions of a record's sentences. */
export function findAspects(record: AnalysisRecord, taxonomy: Taxonomy): AspectMention[] {
  const text = record.text;
  const english = record.lang === 'en';
  const out: AspectMention[] = [];
  for (const sentence of record.sentences ?? []) {
    const toks = sentence.tokens;
    if (!toks.length) continue;
    const mentions = taxonomyMentions(toks, taxonomy);
    if (english) {
      for (const o of sentence.opinions ?? []) {
        const category = taxonomy.implicit.get(o.term);
        if (!category) continue;
        const clause = o.clause;
        // "the price is expensive": the explicit term carries it already.
        if (mentions.some((m) => m.category === category && clauseOfToken(sentence, m.first) === clause)) continue;
        if (mentions.some((m) => m.first <= o.last && m.last >= o.first)) continue;
        mentions.push({ first: o.first, last: o.last, category, self: o });
      }
      mentions.push(...evaluatedNouns(sentence, mentions));
    }
    const bindings = new Map<Mention, Opinion[]>();
    for (const m of mentions) if (!m.self) bindings.set(m, bind(sentence, m));
    // "the lid is flimsy": "flimsy" already speaks about the lid; one mention per opinion.
    const used = new Set([...bindings.values()].flat());
    const kept = mentions.filter((m) => !m.self || !used.has(m.self)).sort((a, b) => a.first - b.first);
    // An aspect with no opinion word in its clause takes the sentence's verdict ("we waited an hour
    // for the food"), unless the sentence's opinions are about its other aspects.
    const sides = used.size ? [] : sidesOf(sentence, turnWords(record.lang ?? 'und'));
    for (const m of kept) {
      const bound = m.self ? [m.self] : bindings.get(m)!;
      const value = bound.reduce((sum, o) => sum + o.local, 0);
      const score = bound.length ? normalised(value) : used.size ? 0 : inheritedVerdict(sentence, sides, clauseOfToken(sentence, m.first));
      const start = toks[m.first]!.start;
      const end = toks[m.last]!.end;
      const mention: AspectMention = { term: text.slice(start, end), polarity: polarityOf(score), score, start, end };
      if (m.category) mention.category = m.category;
      if (bound.length) mention.opinions = bound.map((o) => (o.negated ? `not ${o.term}` : o.term));
      out.push(mention);
    }
  }
  return out;
}

/** The aspects stage: writes `aspects`. */
export function aspectsStage(taxonomy: Taxonomy, names: readonly string[] = []): Stage {
  // One-letter names would match everywhere.
  const nameRe = namesPattern(
    names.filter((n) => n.trim().length > 1),
    'giu',
  );
  return {
    name: 'aspects',
    reads: ['lang', 'supported', 'sentences', 'sentiment'],
    writes: ['aspects'],
    run(record: AnalysisRecord): void {
      const found = record.supported ? findAspects(record, taxonomy) : [];
      record.aspects = nameRe && found.length ? outsideNames(found, record.text, nameRe) : found;
    },
  };
}

/**
 * Aspect mentions outside brand and product names: one inside a name is dropped ("Pour" in "the
 * Copperleaf Pour Kettle" is a name, not brewing), and one that starts or ends with a name keeps the
 * rest ("the Copperleaf handle is gorgeous" is about the handle).
 */
function outsideNames(found: AspectMention[], text: string, nameRe: RegExp): AspectMention[] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(nameRe)) spans.push([m.index, m.index + m[0].length]);
  if (!spans.length) return found;
  const out: AspectMention[] = [];
  for (const a of found) {
    if (a.start === undefined || a.end === undefined) {
      out.push(a);
      continue;
    }
    let { start, end } = a;
    for (const [s, e] of spans) {
      if (s <= start && e > start) start = e;
      if (s < end && e >= end) end = s;
    }
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (start >= end) continue;
    out.push(start === a.start && end === a.end ? a : { ...a, term: text.slice(start, end), start, end });
  }
  return out;
}

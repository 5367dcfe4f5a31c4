/**
 * The aspects stage, in English, Russian, Chinese and Persian: finds what each sentence talks about —
 * taxonomy terms ("battery life", "цена", "服务态度"), opinion words that name their aspect
 * ("overpriced", "дорого"), and nouns an opinion attaches to beyond the taxonomy ("the lid is
 * flimsy", "фонтан красивый") — and binds each to the nearest opinion in its clause, so "The price
 * is great but the service was rude" gives price positive and service negative. Negation is already
 * in the opinion's value (the sentiment stage resolved it). Finding the mentions is per language
 * (aspect-mentions.ts, aspects-english.ts, aspects-other.ts); binding and polarity are shared here.
 */
import { namesPattern } from '../../domain/names.js';
import type { AspectMention, Polarity } from '../../domain/types.js';
import { EN_CONCESSIVE, EN_CONTRAST } from '../sentiment/lexicons/english.js';
import type { AnalysisRecord, Opinion, Sentence, Stage } from '../record.js';
import { clauseOfToken } from './sentences.js';
import { turnWordsOf } from '../sentiment/other-languages.js';
import type { LanguageTaxonomy, Taxonomy } from '../taxonomy/compile.js';
import { wordKey } from '../taxonomy/keys.js';
import { ASPECT_LANGUAGES, type AspectLanguage } from '../taxonomy/types.js';
import { chineseTermMentions, type Mention, tokenKeys, wordTermMentions } from './aspect-mentions.js';
import { englishMentions } from './aspects-english.js';
import { otherMentions } from './aspects-other.js';

// After one of these the first opinion is the one about the aspect before it ("the price is great").
const BIND_COPULAS = new Set(['is', 'was', 'are', 'were', 'feels', 'felt', 'looks', 'looked', 'seems', 'seemed', 'tastes', 'tasted']);

function normalised(v: number): number {
  return Math.round((v / Math.sqrt(v * v + 4)) * 1000) / 1000;
}

function polarityOf(score: number): Polarity {
  return score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
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
  if (toks[m.last + 1] && BIND_COPULAS.has(toks[m.last + 1]!.norm)) {
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

const LANGS = new Set<string>(ASPECT_LANGUAGES);

/** Adds the opinions that name their own aspect ("expensive", "дорого", "贵"), unless an explicit term of that category carries them. */
function implicitMentions(sentence: Sentence, mentions: Mention[], taxonomy: LanguageTaxonomy, lang: AspectLanguage): void {
  const explicit = mentions.length;
  for (const o of sentence.opinions ?? []) {
    const category =
      taxonomy.implicit.get(o.term) ?? (lang !== 'en' && o.first === o.last ? taxonomy.implicit.get(wordKey(lang, o.term)) : undefined);
    if (!category) continue;
    // A one-character Chinese opinion inside a longer word is that word's part: "贵" in "宝贵".
    if (lang === 'zh' && o.term.length === 1 && sentence.tokens[o.first]!.text !== o.term) continue;
    // "the price is expensive": the explicit term carries it already.
    let carried = false;
    for (let k = 0; k < explicit && !carried; k++) {
      const m = mentions[k]!;
      carried = (m.category === category && clauseOfToken(sentence, m.first) === o.clause) || (m.first <= o.last && m.last >= o.first);
    }
    if (!carried) mentions.push({ first: o.first, last: o.last, category, self: o });
  }
}

/** The aspect mentions of one sentence, before binding. */
export function sentenceMentions(sentence: Sentence, taxonomy: LanguageTaxonomy, lang: AspectLanguage): Mention[] {
  let explicit: Mention[];
  if (lang === 'en') explicit = englishMentions(sentence, wordTermMentions(sentence, undefined, taxonomy, lang), taxonomy);
  else {
    explicit =
      lang === 'zh' ? chineseTermMentions(sentence, taxonomy) : wordTermMentions(sentence, tokenKeys(sentence, lang), taxonomy, lang);
    for (const m of otherMentions(sentence, explicit, taxonomy, lang)) explicit.push(m);
  }
  implicitMentions(sentence, explicit, taxonomy, lang);
  return explicit;
}

/** Finds the aspect mentions of a record's sentences. */
export function findAspects(record: AnalysisRecord, taxonomy: Taxonomy): AspectMention[] {
  const text = record.text;
  const lang = record.lang ?? 'und';
  const own = LANGS.has(lang) ? taxonomy.lang(lang as AspectLanguage) : undefined;
  if (!own) return [];
  const out: AspectMention[] = [];
  for (const sentence of record.sentences ?? []) {
    const toks = sentence.tokens;
    if (!toks.length) continue;
    const mentions = sentenceMentions(sentence, own, lang as AspectLanguage);
    if (!mentions.length) continue;
    const bindings = new Map<Mention, Opinion[]>();
    for (const m of mentions) if (!m.self) bindings.set(m, bind(sentence, m));
    // "the lid is flimsy": "flimsy" already speaks about the lid; one mention per opinion.
    const used = new Set([...bindings.values()].flat());
    // A verb that names a category counts only when an opinion is bound to it ("looks great", not "look at").
    const kept = mentions
      .filter((m) => (!m.self || !used.has(m.self)) && (!m.verbal || bindings.get(m)!.length > 0))
      .sort((a, b) => a.first - b.first);
    // An aspect with no opinion word in its clause takes the sentence's verdict ("we waited an hour
    // for the food"), unless the sentence's opinions are about its other aspects.
    // Worked out only when an aspect has no opinion of its own.
    let sides: number[] | undefined;
    let free: Opinion[] | undefined;
    for (const m of kept) {
      const bound = m.self ? [m.self] : bindings.get(m)!;
      let score: number;
      if (bound.length) score = normalised(bound.reduce((sum, o) => sum + o.local, 0));
      else {
        sides ??= sidesOf(sentence, turnWords(lang));
        if (!used.size) score = inheritedVerdict(sentence, sides, clauseOfToken(sentence, m.first));
        else {
          // Opinions no aspect took, by side of the sentence's turn: an aspect without its own takes
          // them ("I ordered the salmon, and it was cooked perfectly": "perfectly" is about the salmon).
          if (!free) {
            const selves = new Set(kept.map((k) => k.self));
            free = (sentence.opinions ?? []).filter((o) => !used.has(o) && !selves.has(o) && o.local !== 0);
          }
          const side = sides[clauseOfToken(sentence, m.first)];
          let sum = 0;
          let any = false;
          for (const o of free)
            if (sides[o.clause] === side) {
              sum += o.local;
              any = true;
            }
          score = any ? normalised(sum) : 0;
        }
      }
      const start = m.start ?? toks[m.first]!.start;
      const end = m.end ?? toks[m.last]!.end;
      const mention: AspectMention = { term: text.slice(start, end), polarity: polarityOf(score), score, start, end };
      if (m.category) mention.category = m.category;
      if (m.self || m.verbal) mention.implicit = true;
      if (bound.length) mention.opinions = bound.map((o) => (o.negated ? negatedTerm(lang, o.term) : o.term));
      out.push(mention);
    }
  }
  return out;
}

/** How a negated opinion is written in `opinions`: "not good", "не вкусно", "不好吃", "نه خوب". */
function negatedTerm(lang: string, term: string): string {
  if (lang === 'zh') return `不${term}`;
  return `${lang === 'ru' ? 'не' : lang === 'fa' ? 'نه' : 'not'} ${term}`;
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

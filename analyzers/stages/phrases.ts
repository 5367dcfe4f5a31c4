/**
 * The phrases stage: the key phrases reports rank per brand and product — what a document says
 * about something, not its common words. A phrase is an opinion expression with its negation or
 * intensifier ("not worth", "too loud", "would buy again"), an opinion word that names its aspect
 * ("overpriced"), an aspect with an opinion bound to it ("milk frothing", "customer service"), or
 * an aspect with its predicate ("support never answered", "lid is flimsy"). A plain opinion word
 * alone ("great"), a verb, a function word or a noun nobody gives an opinion of is no key phrase.
 */
import type { AspectMention } from '../../domain/types.js';
import { wordsMentionSensitive } from '../../privacy/sensitive.js';
import { EN_BOOSTERS, EN_NEGATORS } from '../sentiment/lexicons/english.js';
import { DE, FA, RU, ZH } from '../sentiment/lexicons/other-languages.js';
import type { AnalysisRecord, Opinion, Sentence, Stage } from '../record.js';
import { normaliseFor } from '../sentiment/other-languages.js';
import { normaliseToken } from '../taxonomy/keys.js';

/** Most phrases one document contributes. */
const MAX_PHRASES = 30;

/** Words that shape an opinion (intensifiers, negators) and the word that negates, per language. */
interface Modifiers {
  shapes: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  not: string;
  /** Negators after the opinion ("خوب نیست", "funktioniert nicht"); a trailing "*" in the lexicon marks a prefix. */
  after: readonly string[];
}

const MODIFIERS = new Map<string, Modifiers>();

function modifiersOf(lang: string): Modifiers | undefined {
  let m = MODIFIERS.get(lang);
  if (m) return m;
  if (lang === 'en') m = { shapes: new Set([...EN_BOOSTERS.keys(), 'too']), negators: EN_NEGATORS, not: 'not', after: [] };
  else {
    const lex = ({ ru: RU, fa: FA, zh: ZH, de: DE } as const)[lang as 'ru' | 'fa' | 'zh' | 'de'];
    if (!lex) return undefined;
    const norm = (w: string) => normaliseFor(lang, w);
    m = {
      shapes: new Set(Object.keys(lex.boosters).map(norm)),
      negators: new Set(lex.negators.map(norm)),
      not: ({ ru: 'не', fa: 'نه', zh: '不', de: 'nicht' } as Record<string, string>)[lang]!,
      after: lex.postNegators.map(norm),
    };
  }
  MODIFIERS.set(lang, m);
  return m;
}

// What may stand between an aspect and its opinion in "support never answered", "lid is flimsy".
const LINKS = new Set([
  'is',
  'was',
  'are',
  'were',
  'feels',
  'felt',
  'looks',
  'seems',
  'tastes',
  'has',
  'had',
  'have',
  'keeps',
  'kept',
  'got',
  'gets',
  'just',
  'still',
  'really',
  'also',
  'always',
]);

/** The opinion with the intensifier or negator right before it, normalised: "too loud", "not worth". */
function expression(s: Sentence, o: Opinion, lang: string, mods: Modifiers): { text: string; words: number; from: number } {
  const toks = s.tokens;
  const words: string[] = [];
  let negatorSeen = false;
  let k = o.first - 1;
  for (let taken = 0; k >= 0 && taken < 2; k--, taken++) {
    const w = normaliseToken(lang, toks[k]!.norm);
    if (toks[k]!.kind !== 'word' || !(mods.shapes.has(w) || mods.negators.has(w))) break;
    if (mods.negators.has(w)) negatorSeen = true;
  }
  for (let j = k + 1; j <= o.last; j++)
    if (toks[j]!.kind === 'word' || toks[j]!.kind === 'number') words.push(normaliseToken(lang, toks[j]!.norm));
  // Negation after it is written as it stands ("خوب نیست", "funktioniert nicht"); from further away
  // ("never had a good one"), in front.
  if (o.negated && !negatorSeen) {
    const next = o.last + 1 < toks.length ? normaliseToken(lang, toks[o.last + 1]!.norm) : '';
    const after = next && mods.after.some((a) => (a.endsWith('*') ? next.startsWith(a.slice(0, -1)) : next === a));
    if (after) words.push(next);
    else words.unshift(mods.not);
  }
  const joiner = lang === 'zh' ? '' : ' ';
  const text = words.join(joiner);
  return { text: text.includes("n't") ? text.replace(/\bn't\b/g, 'not') : text, words: words.length, from: k + 1 };
}

/** Finds a record's key phrases. */
export function findPhrases(record: AnalysisRecord): string[] {
  const lang = record.lang ?? 'und';
  const mods = modifiersOf(lang);
  if (!mods) return [];
  const joiner = lang === 'zh' ? '' : ' ';
  const found = new Set<string>();
  const add = (p: string) => {
    if (found.size >= MAX_PHRASES || !p) return;
    // Four words at most: longer ones are sentences, not phrases anyone counts.
    let spaces = 0;
    for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 32) spaces++;
    if (spaces <= 3) found.add(p);
  };
  const aspects = record.aspects ?? [];
  // Aspects come in text order, as sentences do: one pass hands each sentence its own.
  let next = 0;
  for (const s of record.sentences ?? []) {
    const mine: AspectMention[] = [];
    while (next < aspects.length && (aspects[next]!.start ?? 0) < s.start) next++;
    for (let k = next; k < aspects.length && (aspects[k]!.start ?? Infinity) < s.end; k++) mine.push(aspects[k]!);
    const opinions = s.opinions ?? [];
    if (!opinions.length && !mine.length) continue;
    // A sentence that discloses health, religion, ethnicity or sexuality gives no key phrase: phrases
    // become themes and segments, and those categories never should.
    // A sentence that discloses a sensitive category makes no key phrase, in any language.
    const norms: string[] = [];
    for (const t of s.tokens) norms.push(t.norm);
    if (wordsMentionSensitive(norms)) continue;
    for (const o of opinions) {
      if (o.term.includes('…')) continue;
      const e = expression(s, o, lang, mods);
      // One opinion word alone says how, not what: only an opinion that names its aspect ("noisy") stands alone.
      const implicit = mine.some((a) => a.implicit && a.start === s.tokens[o.first]!.start);
      if (e.words >= 2 || implicit) add(e.text);
    }
    for (const a of mine) {
      if (a.implicit || !a.opinions?.length) continue;
      const term = normaliseFor(lang, a.term);
      add(term);
      // "support never answered", "lid is flimsy": the aspect, a few linking words, its opinion.
      const last = s.tokens.findIndex((t) => t.end >= a.end!);
      const o = opinions.find((x) => x.first > last && x.first - last <= 4);
      if (!o || last < 0) continue;
      const e = expression(s, o, lang, mods);
      const link: string[] = [];
      let linked = true;
      for (let k = last + 1; k < e.from; k++) {
        const w = normaliseToken(lang, s.tokens[k]!.norm);
        if (s.tokens[k]!.kind !== 'word' || !(LINKS.has(w) || mods.shapes.has(w) || mods.negators.has(w))) linked = false;
        link.push(w);
      }
      if (linked) add([term, ...link, e.text].join(joiner));
    }
  }
  return [...found];
}

/** The phrases stage: writes `phrases` for supported languages. */
export function phrasesStage(): Stage {
  return {
    name: 'phrases',
    reads: ['lang', 'supported', 'sentences', 'sentiment', 'aspects'],
    writes: ['phrases'],
    run(record: AnalysisRecord): void {
      record.phrases = record.supported ? findPhrases(record) : [];
    },
  };
}

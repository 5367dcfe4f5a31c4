/**
 * Themes: what customers talk about, grouped. Aspects of a taxonomy category form one theme (price,
 * service…); aspects outside the taxonomy and frequent key phrases are grouped by the stem of their
 * head word ("zippers", "the zipper" → zipper) — this is the automatic discovery of aspects nobody
 * configured. Each theme has its volume (documents that mention it), its share of documents and its
 * net sentiment, per brand and per product, with example documents.
 *
 * Emerging themes: the dated documents are split into the latest 90 days and the 90 days before
 * (when they span less than 180 days but at least 14, into the later and the earlier half of their
 * span); a theme whose share of documents rises with a two-proportion z ≥ 1.96 (p < 0.05, two-sided),
 * with at least 5 documents in the recent period, is flagged emerging; one that falls the same way
 * is flagged fading. With fewer than 20 documents in either period no theme is flagged. Pure.
 */
import { createRequire } from 'node:module';
import { englishLexicon } from '../analyzers/sentiment/lexicons/english-lexicon.js';
import { wordKey } from '../analyzers/taxonomy/keys.js';
import { wordsMentionSensitive } from '../privacy/sensitive.js';
import type { ReportRow } from './model.js';
import type { Analysis } from '../domain/types.js';

// natural's Porter stemmer alone: the package's index loads every module it has (seconds).
const PorterStemmer = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/** Volume and net sentiment of a theme within one brand or product. */
export interface ThemeSlice {
  /** Documents mentioning the theme. */
  volume: number;
  /** (positive − negative) / volume. */
  net: number;
}

/** A change in a theme's share between the two periods. */
export interface ThemeChange {
  /** Share of the previous period's documents that mention it. */
  before: number;
  /** Share of the recent period's documents that mention it. */
  after: number;
  /** Documents mentioning it in the previous and the recent period. */
  countBefore: number;
  countAfter: number;
  /** Two-proportion z statistic (positive: rising). */
  z: number;
  /** Emerging (rising significantly), fading (falling significantly) or steady. */
  trend: 'emerging' | 'fading' | 'steady';
}

/** One theme. */
export interface Theme {
  /** Stable key (category or stem). */
  key: string;
  /** Label: the category, or the most frequent member of at most two words. */
  label: string;
  /** Whether it comes from the taxonomy (configured) or was discovered. */
  source: 'taxonomy' | 'discovered';
  /** Most frequent terms and phrases in it. */
  terms: string[];
  /** Documents mentioning it. */
  volume: number;
  /** Share of analysed documents mentioning it. */
  share: number;
  /** Documents where it is spoken of positively / negatively. */
  positive: number;
  negative: number;
  /** (positive − negative) / volume. */
  net: number;
  /** Per brand id. */
  byBrand: Record<string, ThemeSlice>;
  /** Per product id. */
  byProduct: Record<string, ThemeSlice>;
  /** A few documents that mention it (ids). */
  evidence: string[];
  /** Change between the two periods, when there are enough dated documents. */
  change?: ThemeChange;
}

/** The themes of a report. */
export interface ThemesView {
  /** Themes by volume (emerging ones always included). */
  themes: Theme[];
  /** The two periods compared, when there were enough dated documents. */
  periods?: { previous: { from: string; to: string; documents: number }; recent: { from: string; to: string; documents: number } };
}

/** Options. */
export interface ThemeOptions {
  /** Most themes to list (emerging ones come on top of this). */
  limit?: number;
  /** Least documents a discovered theme needs. */
  minVolume?: number;
  /** Length of each period, in days (shorter data is split into halves). */
  periodDays?: number;
  /**
   * A document naming several brands as seen for one of them (reports/brand-view.ts): its theme
   * counts for each of those brands as that brand's sentences have it. Without it, such a document
   * counts for its first brand only.
   */
  view?: (row: ReportRow, brand: string) => ReportRow;
}

const DAY = 86_400_000;
const Z = 1.96;
const MIN_RECENT = 5;
const MIN_PERIOD_DOCS = 20;
const MIN_SPAN_DAYS = 14;

// Heads that name no aspect: the review's object itself, pronouns, units of time, quantity and
// measure, fillers, and leftovers of markup and links.
const GENERIC_HEADS = new Set(
  `product products item items thing things one ones time times minute minutes hour hours day days week weeks month months year years way lot lots bit kind sort stuff piece review reviews star stars everything something anything nothing done use lot
   this that these those it its them they their theirs he him his she her hers me my mine you your yours we us our ours myself itself themselves yourself everyone someone anyone
   lbs lb kg kgs cm mm inch inches ft oz pounds ounces percent
   today tomorrow yesterday tonight morning evening night weekend
   amp quot nbsp http https www com lol omg pls`.split(/\s+/),
);

const namesMemo = new Map<string, boolean>();
const stemMemo = new Map<string, string>();

/** Whether a discovered term can name an aspect: its head is a word that is neither an opinion ("good") nor generic ("product"). */
function namesSomething(term: string): boolean {
  let known = namesMemo.get(term);
  if (known === undefined) namesMemo.set(term, (known = namesSomethingUncached(term)));
  return known;
}

function namesSomethingUncached(term: string): boolean {
  // Health, religion, ethnicity and sexuality are never made into themes.
  if (wordsMentionSensitive(term.toLowerCase().split(/\s+/))) return false;
  const head = term.toLowerCase().split(/\s+/).at(-1) ?? '';
  if (head.length < 3 || !/^\p{L}[\p{L}'-]*$/u.test(head) || GENERIC_HEADS.has(head)) return false;
  return (englishLexicon().words.get(head)?.v ?? 0) === 0;
}

function stemKey(term: string, lang = 'en'): string {
  const memo = `${lang}\u0000${term}`;
  let key = stemMemo.get(memo);
  if (key === undefined) stemMemo.set(memo, (key = stemKeyUncached(term, lang)));
  return key;
}

/** A discovered term's theme key: the stem of its head word in its language ("веранды" and "веранда" are one). */
function stemKeyUncached(term: string, lang: string): string {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  const head = words.at(-1) ?? term;
  if (lang === 'ru' || lang === 'fa') return `~${wordKey(lang, head)}`;
  if (lang === 'zh') return `~${term}`;
  return `~${PorterStemmer.stem(head)}`;
}

interface Acc {
  key: string;
  source: Theme['source'];
  terms: Map<string, number>;
  /** The analysed rows (by index, ascending) that mention the theme, and each one's summed polarity (+1/−1/0 per mention). */
  docs: number[];
  sums: number[];
  volume: number;
}

/** The `k` smallest strings, in order, without sorting them all (a theme may hold 100,000 ids). */
function smallest(items: Iterable<string>, k: number): string[] {
  const out: string[] = [];
  for (const x of items) {
    if (out.length === k && x >= out[k - 1]!) continue;
    let i = out.length;
    while (i > 0 && out[i - 1]! > x) i--;
    out.splice(i, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

function dateOf(r: ReportRow): number | undefined {
  const t = Date.parse(r.doc.publishedAt ?? r.doc.fetchedAt);
  return Number.isFinite(t) ? t : undefined;
}

/** Counts one document of net polarity `s` under key `k` (when it has one). */
/** Tallies a theme for a brand from that brand's view of a document, when the theme is in it. */
function tallyAs(m: Map<string, { volume: number; pos: number; neg: number }>, brand: string, mentions: Mentions, key: string): void {
  let present = false;
  let sum = 0;
  for (let j = 0; j < mentions.keys.length; j++) {
    if (mentions.keys[j] !== key) continue;
    present = true;
    sum += mentions.polarity[j]!;
  }
  if (present) tally(m, brand, sum);
}

function tally(m: Map<string, { volume: number; pos: number; neg: number }>, k: string | undefined, s: number): void {
  if (!k) return;
  let e = m.get(k);
  if (!e) m.set(k, (e = { volume: 0, pos: 0, neg: 0 }));
  e.volume++;
  if (s > 0) e.pos++;
  if (s < 0) e.neg++;
}

function net(pos: number, neg: number, volume: number): number {
  return volume ? Math.round(((pos - neg) / volume) * 1000) / 1000 : 0;
}

/** The theme keys a document names, with the term, whether it is a taxonomy category, and the polarity of each mention. */
interface Mentions {
  keys: string[];
  terms: string[];
  taxonomy: Uint8Array;
  polarity: Int8Array;
}

// Analyses are read-only once stored; reports over the same rows (and both counting passes) reuse these.
const mentionsCache = new WeakMap<Analysis, Mentions>();

function mentionsOf(a: Analysis): Mentions {
  let m = mentionsCache.get(a);
  if (m) return m;
  const keys: string[] = [];
  const terms: string[] = [];
  const taxonomy: number[] = [];
  const polarity: number[] = [];
  const covered = new Set<string>();
  for (const mention of a.aspects) {
    const term = mention.term.toLowerCase();
    if (!mention.category && !namesSomething(term)) continue;
    const stem = stemKey(term, a.lang);
    keys.push(mention.category ?? stem);
    terms.push(term);
    taxonomy.push(mention.category ? 1 : 0);
    polarity.push(mention.polarity === 'positive' ? 1 : mention.polarity === 'negative' ? -1 : 0);
    covered.add(stem);
  }
  // Key phrases name things too; a phrase whose head an aspect already covers adds nothing. Only
  // English phrases: telling a thing from an opinion word ("good") or a filler needs the English
  // lexicon, and without it Persian "خوب" (good) and "میباشد" (is) became themes.
  const docPolarity = a.sentiment.label === 'positive' ? 1 : a.sentiment.label === 'negative' ? -1 : 0;
  for (const p of a.lang === 'en' ? a.phrases : []) {
    const key = stemKey(p);
    if (covered.has(key) || !namesSomething(p)) continue;
    covered.add(key);
    keys.push(key);
    terms.push(p);
    taxonomy.push(0);
    polarity.push(docPolarity);
  }
  m = { keys, terms, taxonomy: Uint8Array.from(taxonomy), polarity: Int8Array.from(polarity) };
  mentionsCache.set(a, m);
  return m;
}

/**
 * The theme keys a document's analysis names, each with its summed polarity (+1 per positive
 * mention, −1 per negative): the same reading the themes below are counted from (alerts use it to
 * test a theme's negative share between the two periods).
 */
export function themePolarities(a: Analysis): Map<string, number> {
  const m = mentionsOf(a);
  const out = new Map<string, number>();
  for (let j = 0; j < m.keys.length; j++) out.set(m.keys[j]!, (out.get(m.keys[j]!) ?? 0) + m.polarity[j]!);
  return out;
}

/** The theme keys a document's analysis names (taxonomy categories and discovered stems), as the themes view counts them. */
export function themeKeysOf(a: Analysis): string[] {
  return [...new Set(mentionsOf(a).keys)];
}

/** Builds the themes of analysed rows. */
export function buildThemes(rows: ReportRow[], options: ThemeOptions = {}): ThemesView {
  const limit = options.limit ?? 15;
  const analysed = rows.filter((r) => r.analysis?.supported);
  const minVolume = options.minVolume ?? Math.max(3, Math.ceil(analysed.length * 0.01));
  // Two passes over the same mentions: the first counts how many documents name each key, the
  // second accumulates only keys that can become themes — so the long tail of one-off phrases
  // costs a counter each, and nothing per document is kept in between.
  const docFreq = new Map<string, number>();
  const acc = new Map<string, Acc>();
  const seen = new Set<string>();
  for (const r of analysed) {
    const m = mentionsOf(r.analysis!);
    seen.clear();
    for (const key of m.keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
    }
  }
  analysed.forEach((r, i) => {
    const m = mentionsOf(r.analysis!);
    for (let j = 0; j < m.keys.length; j++) {
      const key = m.keys[j]!;
      const source = m.taxonomy[j] ? 'taxonomy' : 'discovered';
      if (source === 'discovered' && docFreq.get(key)! < minVolume) continue;
      let t = acc.get(key);
      if (!t) acc.set(key, (t = { key, source, terms: new Map(), docs: [], sums: [], volume: 0 }));
      const term = m.terms[j]!;
      t.terms.set(term, (t.terms.get(term) ?? 0) + 1);
      if (t.docs[t.docs.length - 1] !== i) {
        t.docs.push(i);
        t.sums.push(0);
        t.volume++;
      }
      t.sums[t.sums.length - 1]! += m.polarity[j]!;
    }
  });

  const dated = analysed.map((r) => dateOf(r)).filter((t): t is number => t !== undefined);
  const newest = dated.length ? dated.reduce((a, b) => Math.max(b, a)) : undefined;
  const oldest = dated.length ? dated.reduce((a, b) => Math.min(b, a)) : undefined;
  // Data younger than two full periods is split into its later and earlier halves instead — but
  // only over at least MIN_SPAN_DAYS: documents without a publication date carry their fetch
  // date, and one crawl's fetch dates are no timeline.
  const span = newest !== undefined && oldest !== undefined ? newest - oldest : 0;
  const full = (options.periodDays ?? 90) * DAY;
  const days = span >= 2 * full ? full : span >= MIN_SPAN_DAYS * DAY ? span / 2 : full;
  let periods: ThemesView['periods'];
  // Period of each analysed row: 1 previous, 2 recent, 0 neither.
  const period = new Uint8Array(analysed.length);
  let recentDocs = 0;
  let previousDocs = 0;
  if (newest !== undefined) {
    analysed.forEach((r, i) => {
      const t = dateOf(r);
      if (t === undefined) return;
      if (t > newest - days) {
        period[i] = 2;
        recentDocs++;
      } else if (t >= newest - 2 * days) {
        period[i] = 1;
        previousDocs++;
      }
    });
    if (recentDocs >= MIN_PERIOD_DOCS && previousDocs >= MIN_PERIOD_DOCS) {
      const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
      periods = {
        previous: { from: iso(newest - 2 * days), to: iso(newest - days), documents: previousDocs },
        recent: { from: iso(newest - days), to: iso(newest), documents: recentDocs },
      };
    }
  }

  const themes: Theme[] = [];
  for (const a of acc.values()) {
    const volume = a.volume;
    if (a.source === 'discovered' && volume < minVolume) continue;
    let positive = 0;
    let negative = 0;
    const brand = new Map<string, { volume: number; pos: number; neg: number }>();
    const product = new Map<string, { volume: number; pos: number; neg: number }>();
    let x1 = 0;
    let x2 = 0;
    const ids: string[] = [];
    for (let d = 0; d < a.docs.length; d++) {
      const i = a.docs[d]!;
      const s = a.sums[d]!;
      if (period[i] === 1) x1++;
      else if (period[i] === 2) x2++;
      if (s > 0) positive++;
      if (s < 0) negative++;
      const doc = analysed[i]!.doc;
      ids.push(doc._id);
      const named = options.view && doc.brands?.length ? [...new Set([doc.brand, ...doc.brands].filter((b): b is string => !!b))] : [];
      if (named.length < 2) tally(brand, doc.brand, s);
      else for (const b of named) tallyAs(brand, b, mentionsOf(options.view!(analysed[i]!, b).analysis!), a.key);
      tally(product, doc.product, s);
    }
    const terms = [...a.terms.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t);
    const theme: Theme = {
      key: a.key,
      // The most frequent short member names a group best: "oat milk", not "handles oat milk".
      label: a.source === 'taxonomy' ? a.key : (terms.find((t) => t.split(/\s+/).length <= 2) ?? terms[0]!),
      source: a.source,
      terms: terms.slice(0, 6),
      volume,
      share: analysed.length ? Math.round((volume / analysed.length) * 1000) / 1000 : 0,
      positive,
      negative,
      net: net(positive, negative, volume),
      byBrand: Object.fromEntries([...brand].map(([k, e]) => [k, { volume: e.volume, net: net(e.pos, e.neg, e.volume) }])),
      byProduct: Object.fromEntries([...product].map(([k, e]) => [k, { volume: e.volume, net: net(e.pos, e.neg, e.volume) }])),
      evidence: smallest(ids, 5),
    };
    if (periods) theme.change = change(x1, previousDocs, x2, recentDocs);
    themes.push(theme);
  }
  themes.sort((x, y) => y.volume - x.volume || (x.key < y.key ? -1 : 1));
  const listed = themes.slice(0, limit);
  for (const t of themes.slice(limit)) if (t.change?.trend === 'emerging') listed.push(t);
  return periods ? { themes: listed, periods } : { themes: listed };
}

/** Two-proportion z-test on a theme's share of documents in the two periods. */
export function changeOf(docIds: string[], previous: Set<string>, recent: Set<string>): ThemeChange {
  return change(docIds.filter((id) => previous.has(id)).length, previous.size, docIds.filter((id) => recent.has(id)).length, recent.size);
}

/** The same test from counts: x1 of n1 documents before, x2 of n2 after. */
function change(x1: number, n1: number, x2: number, n2: number): ThemeChange {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se > 0 ? (p2 - p1) / se : 0;
  const trend = z >= Z && x2 >= MIN_RECENT ? 'emerging' : z <= -Z && x1 >= MIN_RECENT ? 'fading' : 'steady';
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { before: r(p1), after: r(p2), countBefore: x1, countAfter: x2, z: Math.round(z * 100) / 100, trend };
}

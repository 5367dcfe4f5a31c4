/**
 * Brand and product summaries, the brand × aspect matrix, activity and trends — pure functions
 * over analysed documents.
 */
import type { Analysis, Rating } from '../domain/types.js';
import type { AspectStanding, PhraseCount, ReportRow, SentimentCounts, Summary } from './model.js';

/** A rating on the common 1–5 scale. */
export function fiveStar(rating: Rating | undefined): number | undefined {
  if (!rating || !(rating.best > rating.worst)) return undefined;
  const v = 1 + (4 * (rating.value - rating.worst)) / (rating.best - rating.worst);
  return Math.min(5, Math.max(1, v));
}

/** Rounds to a fixed number of decimals. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Whether a row counts for sentiment figures (analysed, in a supported language). */
export function scored(row: ReportRow): boolean {
  // A review with no text (a rating only) says nothing for text sentiment to count: 93 rating-only
  // reviews read as 93 neutral ones and pulled a 4.6-star product's net to +0.06.
  return !!row.analysis && row.analysis.supported && row.analysis.sentences.length > 0;
}

/** Sentiment distribution of rows. */
export function sentimentCounts(rows: ReportRow[]): SentimentCounts {
  const c: SentimentCounts = { positive: 0, neutral: 0, negative: 0 };
  for (const r of rows) if (scored(r)) c[r.analysis!.sentiment.label]++;
  return c;
}

/** Net sentiment of counts, in [-1, 1]. */
export function netOf(c: SentimentCounts): number {
  const n = c.positive + c.neutral + c.negative;
  return n ? round((c.positive - c.negative) / n) : 0;
}

/** One vote per document and aspect: its aspect keys and, per key, +1 / 0 / −1 for the first mention's polarity. */
interface Votes {
  keys: string[];
  polarity: Int8Array;
}

// Rows are immutable once loaded; a report asks for standings of the same row many times (overall,
// per brand, product, persona and month), so each row's votes are worked out once.
const votesCache = new WeakMap<ReportRow, Votes>();
const NO_VOTES: Votes = { keys: [], polarity: new Int8Array(0) };

function votesOf(r: ReportRow): Votes {
  if (!scored(r)) return NO_VOTES;
  let v = votesCache.get(r);
  if (v) return v;
  const aspects = r.analysis!.aspects;
  if (!aspects.length) v = NO_VOTES;
  else {
    const keys: string[] = [];
    const pol: number[] = [];
    for (const a of aspects) {
      const key = a.category ?? a.term.toLowerCase();
      // A review that names the price five times is one opinion.
      if (keys.includes(key)) continue;
      keys.push(key);
      pol.push(a.polarity === 'positive' ? 1 : a.polarity === 'negative' ? -1 : 0);
    }
    v = { keys, polarity: Int8Array.from(pol) };
  }
  votesCache.set(r, v);
  return v;
}

/** Aspect categories (or terms) with volume and net sentiment, by volume. */
export function aspectStandings(rows: ReportRow[], limit = 12): AspectStanding[] {
  const acc = new Map<string, { mentions: number; positive: number; negative: number }>();
  for (const r of rows) {
    const { keys, polarity } = votesOf(r);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let s = acc.get(key);
      if (!s) acc.set(key, (s = { mentions: 0, positive: 0, negative: 0 }));
      s.mentions++;
      if (polarity[i] === 1) s.positive++;
      else if (polarity[i] === -1) s.negative++;
    }
  }
  return [...acc.entries()]
    .map(([aspect, s]) => ({ aspect, ...s, net: round((s.positive - s.negative) / s.mentions) }))
    .sort((a, b) => b.mentions - a.mentions || a.aspect.localeCompare(b.aspect))
    .slice(0, limit);
}

// A document's distinct phrases, worked out once per analysis (reports count them per brand and per product).
const phrasesCache = new WeakMap<Analysis, readonly string[]>();

function uniquePhrases(a: Analysis): readonly string[] {
  let p = phrasesCache.get(a);
  if (!p) phrasesCache.set(a, (p = [...new Set(a.phrases)]));
  return p;
}

/** Phrases typical of positive and of negative documents (smoothed log-odds, enough documents behind each). */
export function typicalPhrases(
  rows: ReportRow[],
  limit = 8,
  exclude: (phrase: string) => boolean = () => false,
): { positive: PhraseCount[]; negative: PhraseCount[] } {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let nPos = 0;
  let nNeg = 0;
  for (const r of rows) {
    if (!scored(r)) continue;
    const label = r.analysis!.sentiment.label;
    if (label === 'neutral') continue;
    const target = label === 'positive' ? pos : neg;
    if (label === 'positive') nPos++;
    else nNeg++;
    for (const p of uniquePhrases(r.analysis!)) target.set(p, (target.get(p) ?? 0) + 1);
  }
  // Larger samples need more documents behind a phrase before it counts as typical.
  const minCount = nPos + nNeg >= 150 ? 3 : 2;
  const rank = (mine: Map<string, number>, other: Map<string, number>, nMine: number, nOther: number): PhraseCount[] =>
    [...mine.entries()]
      .filter(([phrase, c]) => c >= minCount && !exclude(phrase))
      .map(([phrase, count]) => {
        const o = other.get(phrase) ?? 0;
        const odds = Math.log((count + 0.5) / (nMine - count + 1)) - Math.log((o + 0.5) / (nOther - o + 1));
        // Longer phrases say more; weigh them up a little against single words.
        const words = phrase.split(' ').length;
        return { phrase, count, weight: odds * Math.log2(1 + count) * (1 + 0.25 * (words - 1)) };
      })
      .filter((p) => p.weight > 0)
      .sort((a, b) => b.weight - a.weight || b.count - a.count || a.phrase.localeCompare(b.phrase))
      .slice(0, limit)
      .map(({ phrase, count }) => ({ phrase, count }));
  return { positive: rank(pos, neg, nPos, nNeg), negative: rank(neg, pos, nNeg, nPos) };
}

/** A test for phrases that merely name a brand or product (they say nothing about it). */
export function nameFilter(names: string[]): (phrase: string) => boolean {
  const words = new Set(names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2));
  return (phrase) => phrase.split(' ').some((w) => words.has(w));
}

/** The summary of a group of rows (a brand or a product). */
export function summarize(id: string, name: string, rows: ReportRow[], exclude?: (phrase: string) => boolean): Summary {
  const ratings = rows.map((r) => fiveStar(r.doc.rating)).filter((v): v is number => v !== undefined);
  const sentiment = sentimentCounts(rows);
  const phrases = typicalPhrases(rows, 8, exclude);
  return {
    id,
    name,
    documents: rows.length,
    reviews: rows.filter((r) => r.doc.kind === 'review').length,
    mentions: rows.filter((r) => r.doc.kind === 'mention').length,
    avgRating: ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length) : undefined,
    ratingCount: ratings.length,
    sentiment,
    net: netOf(sentiment),
    topPositive: phrases.positive,
    topNegative: phrases.negative,
    aspects: aspectStandings(rows),
  };
}

/** Documents by UTC hour of day and weekday, and by month with net sentiment. */
export function activity(rows: ReportRow[]): {
  byHour: number[];
  byWeekday: number[];
  byMonth: { month: string; documents: number; net: number }[];
} {
  const byHour = new Array<number>(24).fill(0);
  const byWeekday = new Array<number>(7).fill(0);
  const months = new Map<string, ReportRow[]>();
  for (const r of rows) {
    if (!r.doc.publishedAt) continue;
    const d = new Date(r.doc.publishedAt);
    if (Number.isNaN(d.getTime())) continue;
    // Only timestamps with a time of day count for the hour chart; bare dates would pile up at midnight.
    if (/T\d{2}:\d{2}/.test(r.doc.publishedAt) && !/T00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/.test(r.doc.publishedAt))
      byHour[d.getUTCHours()]!++;
    byWeekday[d.getUTCDay()]!++;
    const m = r.doc.publishedAt.slice(0, 7);
    const list = months.get(m) ?? [];
    list.push(r);
    months.set(m, list);
  }
  const byMonth = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ month, documents: list.length, net: netOf(sentimentCounts(list)) }));
  return { byHour, byWeekday, byMonth };
}

/** Net sentiment per month for the given aspects. */
export function aspectTrend(
  rows: ReportRow[],
  aspects: string[],
): { aspect: string; points: { month: string; net: number; mentions: number }[] }[] {
  const byMonth = new Map<string, ReportRow[]>();
  for (const r of rows) {
    const m = r.doc.publishedAt?.slice(0, 7);
    if (!m) continue;
    const list = byMonth.get(m) ?? [];
    list.push(r);
    byMonth.set(m, list);
  }
  const months = [...byMonth.keys()].sort();
  // Standings of each month once, not once per aspect.
  const standings = new Map(
    months.map((month) => [month, new Map(aspectStandings(byMonth.get(month)!, Infinity).map((s) => [s.aspect, s]))]),
  );
  return aspects.map((aspect) => ({
    aspect,
    points: months
      .map((month) => {
        const s = standings.get(month)!.get(aspect);
        return { month, net: s?.net ?? 0, mentions: s?.mentions ?? 0 };
      })
      .filter((p) => p.mentions > 0),
  }));
}

/**
 * The analysts' overview: each brand against its competitors — volume, rating and sentiment by
 * month, share of voice, and the key drivers (aspects with their net sentiment per brand). Worked
 * out from the explorer's index; a document that names several brands counts for each as what it
 * says of that brand, as in the report.
 */
import type { RadarConfig } from '../config/schema.js';
import type { ReportRow } from '../reports/model.js';
import { brandViews } from '../reports/brand-view.js';
import { aspectStandings, fiveStar } from '../reports/summaries.js';
import type { IndexedRow } from './explorer/document-index.js';

/** One brand's line of the overview. */
export interface BrandOverview {
  /** Brand id. */
  id: string;
  /** Name. */
  name: string;
  /** Own brand or competitor. */
  own: boolean;
  /** Documents about it. */
  documents: number;
  /** Reviews. */
  reviews: number;
  /** Mentions. */
  mentions: number;
  /** Share of all mentions that name it. */
  shareOfVoice: number;
  /** Average rating, 1–5. */
  avgRating?: number;
  /** Rated documents. */
  ratingCount: number;
  /** Analysed documents by sentiment. */
  sentiment: { positive: number; neutral: number; negative: number };
  /** (positive − negative) / analysed. */
  net: number;
  /** By month: documents, average rating and net sentiment. */
  months: { month: string; documents: number; avgRating?: number; net?: number }[];
}

/** The overview. */
export interface Overview {
  /** Brands, own first. */
  brands: BrandOverview[];
  /** Key drivers: the top aspects, with each brand's standing. */
  drivers: { aspects: string[]; rows: { brand: string; cells: ({ net: number; mentions: number } | null)[] }[] };
  /** Documents in all. */
  documents: number;
  /** Analysed documents. */
  analysed: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Works out the overview of the indexed rows. */
export function buildOverview(config: RadarConfig, rows: readonly IndexedRow[], months = 18): Overview {
  const view = brandViews(
    config.brands.map((b) => ({ id: b.id, names: [b.name, ...b.aliases, ...b.products.flatMap((p) => [p.name, ...p.aliases])] })),
  );
  const byBrand = new Map<string, ReportRow[]>(config.brands.map((b) => [b.id, []]));
  let mentionTotal = 0;
  let analysed = 0;
  for (const r of rows) {
    if (r.doc.kind === 'mention') mentionTotal++;
    if (r.analysis) analysed++;
    for (const b of r.brands) {
      const list = byBrand.get(b);
      if (!list) continue;
      list.push(r.brands.length > 1 ? view(r, b) : r);
    }
  }
  const brands = config.brands
    .map((b): BrandOverview => {
      const list = byBrand.get(b.id)!;
      const sentiment = { positive: 0, neutral: 0, negative: 0 };
      let ratingSum = 0;
      let ratingCount = 0;
      let mentions = 0;
      const month = new Map<string, { documents: number; rs: number; rc: number; pos: number; neg: number; an: number }>();
      for (const r of list) {
        const row = r as IndexedRow;
        if (r.doc.kind === 'mention') mentions++;
        const label = r.analysis?.supported ? r.analysis.sentiment.label : undefined;
        if (label) sentiment[label]++;
        const stars = row.stars ?? fiveStar(r.doc.rating);
        if (stars !== undefined) {
          ratingSum += stars;
          ratingCount++;
        }
        const m = row.month ?? r.doc.publishedAt?.slice(0, 7);
        if (!m) continue;
        let e = month.get(m);
        if (!e) month.set(m, (e = { documents: 0, rs: 0, rc: 0, pos: 0, neg: 0, an: 0 }));
        e.documents++;
        if (stars !== undefined) {
          e.rs += stars;
          e.rc++;
        }
        if (label) {
          e.an++;
          if (label === 'positive') e.pos++;
          if (label === 'negative') e.neg++;
        }
      }
      const scored = sentiment.positive + sentiment.neutral + sentiment.negative;
      return {
        id: b.id,
        name: b.name,
        own: b.own,
        documents: list.length,
        reviews: list.length - mentions,
        mentions,
        shareOfVoice: mentionTotal ? r2(mentions / mentionTotal) : 0,
        ...(ratingCount ? { avgRating: r2(ratingSum / ratingCount) } : {}),
        ratingCount,
        sentiment,
        net: scored ? r2((sentiment.positive - sentiment.negative) / scored) : 0,
        months: [...month.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .slice(-months)
          .map(([m, e]) => ({
            month: m,
            documents: e.documents,
            ...(e.rc ? { avgRating: r2(e.rs / e.rc) } : {}),
            ...(e.an ? { net: r2((e.pos - e.neg) / e.an) } : {}),
          })),
      };
    })
    .sort((a, b) => Number(b.own) - Number(a.own) || b.documents - a.documents);
  // Each brand's standings once; the key drivers are the aspects most talked about over all brands.
  const standingsOf = new Map(brands.map((b) => [b.id, new Map(aspectStandings(byBrand.get(b.id)!, 1000).map((s) => [s.aspect, s]))]));
  const volume = new Map<string, number>();
  for (const standings of standingsOf.values())
    for (const [aspect, s] of standings) volume.set(aspect, (volume.get(aspect) ?? 0) + s.mentions);
  const aspects = [...volume.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([aspect]) => aspect);
  const drivers = {
    aspects,
    rows: brands.map((b) => {
      const standings = standingsOf.get(b.id)!;
      return {
        brand: b.id,
        cells: aspects.map((a) => {
          const s = standings.get(a);
          return s ? { net: s.net, mentions: s.mentions } : null;
        }),
      };
    }),
  };
  return { brands, drivers, documents: rows.length, analysed };
}

/**
 * Analysed rows for the persona tests and benchmark, built in-process (no crawl, no store): the
 * demo catalogue's reviews as a crawl would store them, and the public clothing-reviews CSV as an
 * import would. Not used by the product itself.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { analysisText, createPipeline } from '../../analyzers/pipeline.js';
import { demoCatalog } from '../../demo/catalog.js';
import type { Attitude } from '../../demo/catalog-types.js';
import type { Analysis, RadarDocument } from '../../domain/types.js';
import { buildDocument, type DocumentInput } from '../../domain/document.js';
import type { ReportRow } from '../model.js';

const POLICY = { salt: 'persona-fixture', storeAuthorNames: false, redactPII: true };
const FETCHED = '2025-07-07T00:00:00Z';
const ORIGIN = 'http://127.0.0.1:4321';

export function analysed(input: DocumentInput, pipeline: ReturnType<typeof createPipeline>): ReportRow {
  const doc: RadarDocument = buildDocument(input, POLICY);
  const text = pipeline.analyze(analysisText(doc), doc.lang ? { lang: doc.lang } : undefined);
  const analysis: Analysis = {
    ...text,
    _id: doc._id,
    docId: doc._id,
    version: pipeline.version,
    contentHash: doc.contentHash,
    analyzedAt: FETCHED,
  };
  return { doc, analysis };
}

/** The demo's reviews as analysed rows, and each reviewer's written attitudes by author key. */
export function demoRows(): { rows: ReportRow[]; attitudes: Map<string, Attitude[]> } {
  const catalog = demoCatalog();
  const pipeline = createPipeline();
  const reviewers = new Map(catalog.reviewers.map((r) => [r.id, r]));
  const attitudes = new Map<string, Attitude[]>();
  const rows = catalog.reviews.map((r) => {
    const row = analysed(
      {
        kind: 'review',
        origin: 'crawl',
        sourceId: `${r.productId}-reviews`,
        site: '127.0.0.1',
        url: `${ORIGIN}/products/${r.productId}`,
        siteId: r.id,
        brand: r.brandId,
        product: r.productId,
        author: reviewers.get(r.reviewerId)!.name,
        // The profile URL, as the crawler sees it: the steadiest identity of a reviewer.
        authorUrl: `${ORIGIN}/reviewers/${r.reviewerId}`,
        rating: { value: r.rating, best: 5, worst: 1 },
        title: r.title,
        body: r.body,
        lang: r.lang,
        publishedAt: r.datePublished,
        fetchedAt: FETCHED,
      },
      pipeline,
    );
    attitudes.set(row.doc.authorKey!, reviewers.get(r.reviewerId)!.attitudes);
    return row;
  });
  return { rows, attitudes };
}

/** One clothing review with the columns the text does not carry. */
export interface ClothingRow extends ReportRow {
  /** Department Name (also the row's product). */
  department: string;
  /** The Age column of the retailer's export (a profile field, not stated in the text). */
  profileAge: number;
}

/** The clothing-reviews CSV as analysed, anonymous rows (each review is a member; department → product). */
export function clothingRows(path: string, limit = Infinity): ClothingRow[] {
  const records = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const pipeline = createPipeline();
  return records.slice(0, limit).map((r) => {
    const department = (r['Department Name'] ?? '').trim() || 'Unknown';
    const title = (r.Title ?? '').trim();
    const row = analysed(
      {
        kind: 'review',
        origin: 'import',
        sourceId: 'import-clothing',
        site: 'import',
        url: `import://clothing_reviews.csv#${r.orig_index}`,
        siteId: String(r.orig_index),
        brand: 'retailer',
        product: department.toLowerCase(),
        rating: { value: Number(r.Rating), best: 5, worst: 1 },
        ...(title ? { title } : {}),
        body: r['Review Text'] ?? '',
        lang: 'en',
        fetchedAt: FETCHED,
      },
      pipeline,
    );
    return { ...row, department, profileAge: Number(r.Age) };
  });
}

/** A deterministic PRNG (mulberry32), for synthetic populations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic population of `members` reviewers built from templates: each member copies one
 * template person's analysed reviews (1–3 of them) under a new author key and new document ids.
 * Analyses are deep copies, so memory is what a store would hand the report.
 */
export function syntheticRows(templates: ReportRow[][], members: number, seed = 7): ReportRow[] {
  const rnd = prng(seed);
  const out: ReportRow[] = [];
  for (let m = 0; m < members; m++) {
    const person = templates[Math.floor(rnd() * templates.length)]!;
    const count = Math.min(person.length, 1 + Math.floor(rnd() * 3));
    for (let j = 0; j < count; j++) {
      const t = person[j]!;
      const id = `syn-${m}-${j}`;
      const doc: RadarDocument = { ...t.doc, _id: id, authorKey: `member-${m}` };
      const analysis = JSON.parse(JSON.stringify(t.analysis)) as Analysis;
      analysis._id = id;
      analysis.docId = id;
      out.push({ doc, analysis });
    }
  }
  return out;
}

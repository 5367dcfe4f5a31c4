/**
 * The explorer's filters: one zod schema read from the query string by the page, the JSON API and
 * the exports alike, and the function that applies it to the index.
 */
import { z } from 'zod';
import { fold, type IndexedRow } from './document-index.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, e.g. 2026-03-01')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a calendar date');

const optional = <T extends z.ZodType>(schema: T) => schema.optional();

/** A query string's parameters without the empty ones (an HTML form sends every field, filled or not). */
export function withoutEmpty(params: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

const stars = z.coerce.number().int().min(1).max(5);

/** Explorer filters, as query parameters. Every one is optional; all given ones must hold. */
export const DocumentFilterSchema = z.object({
  brand: optional(z.string().max(100)).describe('Brand id: its reviews and the mentions that name it.'),
  product: optional(z.string().max(100)).describe('Product id.'),
  source: optional(z.string().max(100)).describe('Source id.'),
  kind: optional(z.enum(['review', 'mention'])).describe('Reviews or mentions.'),
  from: optional(day).describe('Published on or after this day (YYYY-MM-DD).'),
  to: optional(day).describe('Published on or before this day (YYYY-MM-DD).'),
  ratingMin: optional(stars).describe('Lowest rating, 1–5 stars (every scale is put on five stars).'),
  ratingMax: optional(stars).describe('Highest rating, 1–5 stars.'),
  sentiment: optional(z.enum(['positive', 'neutral', 'negative'])).describe('Document sentiment.'),
  aspect: optional(z.string().max(100)).describe('Aspect category (e.g. "support") or term (e.g. "battery life").'),
  theme: optional(z.string().max(100)).describe('Theme key, as listed by the themes view.'),
  persona: optional(z.string().max(100)).describe("Persona id of the latest report: its members' documents."),
  lang: optional(z.string().max(10)).describe('Detected language (ISO 639-1), e.g. "en".'),
  q: optional(z.string().max(500)).describe('Full text: every word must occur (any case, accents ignored); "quoted words" as a phrase.'),
});

/** Paging and order, beside the filters. */
export const PagingSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1.'),
  limit: z.coerce.number().int().min(1).max(200).default(25).describe('Documents per page (at most 200).'),
  sort: z.enum(['newest', 'oldest']).default('newest').describe('By publication date.'),
});

/** Filters of the explorer. */
export type DocumentFilter = z.infer<typeof DocumentFilterSchema>;

/** Filters with paging. */
export type DocumentQueryParams = DocumentFilter & z.infer<typeof PagingSchema>;

/** The words (and "quoted phrases") of a text query, folded. */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms: string[] = [];
  for (const m of q.matchAll(/"([^"]+)"|(\S+)/g)) {
    const t = fold((m[1] ?? m[2] ?? '').trim());
    if (t) terms.push(t);
  }
  return terms;
}

/** Whether a row passes every filter. */
export function filterRows(rows: readonly IndexedRow[], f: DocumentFilter): IndexedRow[] {
  const terms = queryTerms(f.q);
  const aspect = f.aspect?.toLowerCase();
  const to = f.to ? `${f.to}\uffff` : undefined;
  const out: IndexedRow[] = [];
  for (const r of rows) {
    // Cheap field checks first; the text scan only for rows that pass them.
    if (f.kind && r.doc.kind !== f.kind) continue;
    if (f.source && r.doc.sourceId !== f.source) continue;
    if (f.brand && !r.brands.includes(f.brand)) continue;
    if (f.product && !r.products.includes(f.product)) continue;
    if (f.sentiment && r.sentiment !== f.sentiment) continue;
    if (f.lang && r.lang !== f.lang) continue;
    if (f.persona && r.persona !== f.persona) continue;
    if (f.from && (!r.date || r.date < f.from)) continue;
    if (to && (!r.date || r.date > to)) continue;
    if (f.ratingMin !== undefined && (r.stars === undefined || r.stars < f.ratingMin - 0.001)) continue;
    if (f.ratingMax !== undefined && (r.stars === undefined || r.stars > f.ratingMax + 0.001)) continue;
    if (aspect && !r.aspects.includes(aspect)) continue;
    if (f.theme && !r.themes.includes(f.theme)) continue;
    if (terms.length && !terms.every((t) => r.folded.includes(t))) continue;
    out.push(r);
  }
  return out;
}

/** One page of the filtered rows, with the total. */
export function pageOf(rows: readonly IndexedRow[], params: DocumentQueryParams): { total: number; rows: IndexedRow[]; pages: number } {
  const matched = filterRows(rows, params);
  const total = matched.length;
  const ordered = params.sort === 'oldest' ? matched.reverse() : matched;
  const start = (params.page - 1) * params.limit;
  return { total, rows: ordered.slice(start, start + params.limit), pages: Math.max(1, Math.ceil(total / params.limit)) };
}

/** The filters as a query string (empty ones left out), for links that keep a view shareable. */
export function filterQueryString(f: Partial<DocumentQueryParams>, overrides: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...overrides })) {
    if (v === undefined || v === '' || v === null) continue;
    if ((k === 'page' && v === 1) || (k === 'limit' && v === 25) || (k === 'sort' && v === 'newest')) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

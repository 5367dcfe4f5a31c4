/** CSV exports of the report: one row per persona, and one row per document with its persona. */
import { stringify } from 'csv-stringify/sync';
import type { ReportData, ReportRow } from '../model.js';
import { fiveStar } from '../summaries.js';

/**
 * Options that keep a cell from running as a spreadsheet formula: text that starts with = + - @
 * or a tab or carriage return gets a leading apostrophe (a review reading "=HYPERLINK(…)" stays text
 * when the file is opened in Excel or Sheets).
 */
const SAFE = { cast: { string: (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) } };

/** personas.csv: label, size, share, share per brand, loves, hates, motives, rating. */
export function renderPersonasCsv(r: ReportData): string {
  const brandIds = r.brands.map((b) => b.id);
  const head = ['persona_id', 'label', 'size', 'share', ...brandIds.map((b) => `share_${b}`), 'loves', 'hates', 'motives', 'price_sensitive_share', 'avg_rating', 'rating_support', 'documents'];
  const rows = r.personas.map((p) => [
    p.id,
    p.label,
    p.size,
    p.share,
    ...brandIds.map((b) => p.shareByBrand[b] ?? 0),
    p.loves.map((a) => `${a.aspect}:${a.net}`).join('; '),
    p.hates.map((a) => `${a.aspect}:${a.net}`).join('; '),
    p.motives.map((m) => `${m.value}:${m.share}`).join('; '),
    p.priceSensitivity.share,
    p.avgRating?.value ?? '',
    p.avgRating?.support ?? 0,
    p.evidence.length,
  ]);
  return stringify([head, ...rows], SAFE);
}

/** CSV of documents with their analysis summary (and persona, when known). */
export function documentsCsv(rows: ReportRow[], personaOf: Map<string, string> = new Map()): string {
  const head = ['id', 'kind', 'brand', 'product', 'source', 'url', 'published_at', 'rating_5', 'lang', 'sentiment', 'score', 'aspects', 'persona', 'title', 'body'];
  const out = rows.map(({ doc, analysis }) => [
    doc._id,
    doc.kind,
    doc.brand ?? '',
    doc.product ?? '',
    doc.sourceId,
    doc.url,
    doc.publishedAt ?? '',
    fiveStar(doc.rating)?.toFixed(2) ?? '',
    analysis?.lang ?? '',
    analysis?.sentiment.label ?? '',
    analysis?.sentiment.score ?? '',
    analysis?.aspects.map((a) => `${a.category ?? a.term}:${a.polarity}`).join('; ') ?? '',
    personaOf.get(doc._id) ?? '',
    doc.title ?? '',
    doc.body,
  ]);
  return stringify([head, ...out], SAFE);
}

/** documents.csv of a report: every document with its analysis summary and persona. */
export function renderDocumentsCsv(r: ReportData, rows: ReportRow[]): string {
  const personaOf = new Map<string, string>();
  for (const p of r.personas) for (const id of p.evidence) personaOf.set(id, p.label);
  return documentsCsv(rows, personaOf);
}

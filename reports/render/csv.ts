/**
 * CSV exports of the report: one row per persona, per brand and product, per theme and scope, per
 * brand and key-driver aspect, and one row per document with its persona.
 */
import { stringify } from 'csv-stringify/sync';
import type { AspectStanding, BrandSummary, PhraseCount, ReportData, ReportRow, Summary } from '../model.js';
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
  const head = [
    'persona_id',
    'label',
    'size',
    'share',
    ...brandIds.map((b) => `share_${b}`),
    'loves',
    'hates',
    'motives',
    'price_sensitive_share',
    'avg_rating',
    'rating_support',
    'documents',
  ];
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

/** "true"/"false": csv-stringify writes booleans as "1" and "". */
function bool(value: boolean): string {
  return value ? 'true' : 'false';
}

function phrases(list: PhraseCount[]): string {
  return list.map((p) => `${p.phrase} (${p.count})`).join('; ');
}

function standings(list: AspectStanding[]): string {
  return list.map((a) => `${a.aspect}:${a.net} (${a.mentions})`).join('; ');
}

/**
 * brands.csv: one row per brand (own first, as in the report), each followed by one row per product
 * of it. Share of voice is a brand's share of all mentions: empty on product rows.
 */
export function renderBrandsCsv(r: ReportData): string {
  const head = [
    'kind',
    'id',
    'name',
    'brand_id',
    'own',
    'documents',
    'reviews',
    'mentions',
    'share_of_voice',
    'avg_rating',
    'rating_count',
    'positive',
    'neutral',
    'negative',
    'net',
    'top_positive',
    'top_negative',
    'aspects',
  ];
  const row = (kind: 'brand' | 'product', s: Summary, b: BrandSummary) => [
    kind,
    s.id,
    s.name,
    b.id,
    bool(b.own),
    s.documents,
    s.reviews,
    s.mentions,
    kind === 'brand' ? b.shareOfVoice : '',
    s.avgRating ?? '',
    s.ratingCount,
    s.sentiment.positive,
    s.sentiment.neutral,
    s.sentiment.negative,
    s.net,
    phrases(s.topPositive),
    phrases(s.topNegative),
    standings(s.aspects),
  ];
  const rows = r.brands.flatMap((b) => [row('brand', b, b), ...b.products.map((p) => row('product', p, b))]);
  return stringify([head, ...rows], SAFE);
}

/**
 * themes.csv: one row per theme over all analysed documents (scope "all": volume, share, positive
 * and negative documents, net, and the change between the two periods when the report compares
 * them), then one row per brand and per product that mentions it (volume and net within it; share
 * and trend are figures of the whole theme and stay empty there).
 */
export function renderThemesCsv(r: ReportData): string {
  const head = [
    'theme_key',
    'theme',
    'kind',
    'terms',
    'scope',
    'brand_id',
    'product_id',
    'scope_name',
    'volume',
    'share',
    'positive',
    'negative',
    'net',
    'trend',
    'share_before',
    'share_after',
    'volume_before',
    'volume_after',
    'z',
    'period_before',
    'period_after',
    'example_documents',
  ];
  const names = new Map<string, string>();
  const brandOf = new Map<string, string>();
  for (const b of r.brands) {
    names.set(b.id, b.name);
    for (const p of b.products) {
      names.set(p.id, p.name);
      brandOf.set(p.id, b.id);
    }
  }
  // Configured brands and products in the report's order, then any others by id.
  const ordered = (slices: Record<string, unknown>, known: string[]) => [
    ...known.filter((id) => id in slices),
    ...Object.keys(slices)
      .filter((id) => !known.includes(id))
      .sort(),
  ];
  const brandIds = r.brands.map((b) => b.id);
  const productIds = r.brands.flatMap((b) => b.products.map((p) => p.id));
  const periods = r.themes?.periods;
  const span = (p: { from: string; to: string } | undefined) => (p ? `${p.from}/${p.to}` : '');
  const rows: (string | number)[][] = [];
  for (const t of r.themes?.themes ?? []) {
    const theme = [t.key, t.label, t.source, t.terms.join('; ')];
    const c = t.change;
    rows.push([
      ...theme,
      'all',
      '',
      '',
      '',
      t.volume,
      t.share,
      t.positive,
      t.negative,
      t.net,
      c?.trend ?? '',
      c?.before ?? '',
      c?.after ?? '',
      c?.countBefore ?? '',
      c?.countAfter ?? '',
      c?.z ?? '',
      c ? span(periods?.previous) : '',
      c ? span(periods?.recent) : '',
      t.evidence.join(' '),
    ]);
    const scoped = (scope: 'brand' | 'product', id: string, s: { volume: number; net: number }) => [
      ...theme,
      scope,
      scope === 'brand' ? id : (brandOf.get(id) ?? ''),
      scope === 'product' ? id : '',
      names.get(id) ?? id,
      s.volume,
      '',
      '',
      '',
      s.net,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    for (const id of ordered(t.byBrand, brandIds)) rows.push(scoped('brand', id, t.byBrand[id]!));
    for (const id of ordered(t.byProduct, productIds)) rows.push(scoped('product', id, t.byProduct[id]!));
  }
  return stringify([head, ...rows], SAFE);
}

/**
 * key-drivers.csv: the brand × aspect table of the report, one row per brand and aspect (the
 * report's top aspects overall, in its order); a brand whose documents never name the aspect has
 * 0 mentions and an empty net.
 */
export function renderKeyDriversCsv(r: ReportData): string {
  const head = ['brand_id', 'brand', 'aspect', 'mentions', 'positive', 'negative', 'net'];
  const names = new Map(r.brands.map((b) => [b.id, b.name]));
  const aspects = r.matrix?.aspects ?? [];
  const rows = (r.matrix?.rows ?? []).flatMap((row) =>
    aspects.map((aspect, i) => {
      const cell = row.cells[i];
      return [
        row.brand,
        names.get(row.brand) ?? row.brand,
        aspect,
        cell?.mentions ?? 0,
        cell?.positive ?? 0,
        cell?.negative ?? 0,
        cell ? cell.net : '',
      ];
    }),
  );
  return stringify([head, ...rows], SAFE);
}

/** CSV of documents with their analysis summary (and persona, when known). */
export function documentsCsv(rows: ReportRow[], personaOf: Map<string, string> = new Map()): string {
  const head = [
    'id',
    'kind',
    'brand',
    'product',
    'source',
    'url',
    'published_at',
    'rating_5',
    'lang',
    'sentiment',
    'score',
    'aspects',
    'persona',
    'title',
    'body',
  ];
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

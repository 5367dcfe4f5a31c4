/**
 * The report's CSV tables as a spreadsheet user reads them: brands.csv, themes.csv and
 * key-drivers.csv hold the same figures as the report data, row for row.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report.js';
import { demoCatalog } from '../../demo/catalog.js';
import { demoRows } from '../personas/fixture-rows.js';
import type { ReportData } from '../model.js';
import { renderBrandsCsv, renderKeyDriversCsv, renderThemesCsv } from './csv.js';
import { REPORT_CSVS } from './report-files.js';

type Row = Record<string, string>;
const read = (csv: string) => parse(csv, { columns: true }) as Row[];
const num = (cell: string | undefined) => (cell === undefined || cell === '' ? undefined : Number(cell));

describe('report CSV tables', () => {
  const catalog = demoCatalog();
  const { rows } = demoRows();
  const brands = catalog.brands.map((b) => ({
    id: b.id,
    name: b.name,
    own: b.own,
    products: catalog.products.filter((p) => p.brandId === b.id).map((p) => ({ id: p.id, name: p.name })),
  }));
  const { report } = buildReport({
    project: { project: 'demo', brands, sources: [], personas: { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false } },
    rows,
    runs: [],
    now: '2026-01-01T00:00:00Z',
    personaSetId: 'set-csv',
  });

  it('brands.csv: one row per brand followed by its products, with the report’s counts', () => {
    const table = read(renderBrandsCsv(report));
    const expected = report.brands.flatMap((b) => [{ kind: 'brand', s: b, b }, ...b.products.map((p) => ({ kind: 'product', s: p, b }))]);
    expect(table.map((r) => [r.kind, r.id])).toEqual(expected.map((e) => [e.kind, e.s.id]));
    expect(table.filter((r) => r.kind === 'product')).toHaveLength(catalog.products.length);
    table.forEach((row, i) => {
      const { kind, s, b } = expected[i]!;
      expect(row.name).toBe(s.name);
      expect(row.brand_id).toBe(b.id);
      expect(row.own).toBe(b.own ? 'true' : 'false');
      expect([row.documents, row.reviews, row.mentions, row.rating_count].map(Number)).toEqual([
        s.documents,
        s.reviews,
        s.mentions,
        s.ratingCount,
      ]);
      expect([row.positive, row.neutral, row.negative].map(Number)).toEqual([
        s.sentiment.positive,
        s.sentiment.neutral,
        s.sentiment.negative,
      ]);
      expect(num(row.net)).toBe(s.net);
      expect(num(row.avg_rating)).toBe(s.avgRating);
      expect(num(row.share_of_voice)).toBe(kind === 'brand' ? b.shareOfVoice : undefined);
      expect(row.aspects!.split('; ')[0]).toBe(`${s.aspects[0]!.aspect}:${s.aspects[0]!.net} (${s.aspects[0]!.mentions})`);
    });
    // Every review is counted once under its product and once under its brand.
    const products = table.filter((r) => r.kind === 'product');
    expect(products.reduce((n, r) => n + Number(r.reviews), 0)).toBe(rows.length);
    expect(table.filter((r) => r.kind === 'brand').reduce((n, r) => n + Number(r.reviews), 0)).toBe(rows.length);
  });

  it('themes.csv: per theme a row over all documents with its trend, then its volume and net per brand and product', () => {
    const themes = report.themes.themes;
    const periods = report.themes.periods!;
    expect(periods).toBeDefined();
    expect(themes.some((t) => t.net < 0)).toBe(true);
    const table = read(renderThemesCsv(report));
    expect(table).toHaveLength(themes.reduce((n, t) => n + 1 + Object.keys(t.byBrand).length + Object.keys(t.byProduct).length, 0));
    const productBrand = new Map(catalog.products.map((p) => [p.id, p.brandId]));
    for (const t of themes) {
      const own = table.filter((r) => r.theme_key === t.key);
      expect(
        own.every((r) => r.theme === t.label && r.kind === t.source && r.terms === t.terms.join('; ')),
        t.key,
      ).toBe(true);
      const all = own.filter((r) => r.scope === 'all');
      expect(all, t.key).toHaveLength(1);
      const a = all[0]!;
      expect([a.volume, a.share, a.positive, a.negative, a.net].map(Number), t.key).toEqual([
        t.volume,
        t.share,
        t.positive,
        t.negative,
        t.net,
      ]);
      expect(a.trend).toBe(t.change!.trend);
      expect([a.share_before, a.share_after, a.volume_before, a.volume_after, a.z].map(Number)).toEqual([
        t.change!.before,
        t.change!.after,
        t.change!.countBefore,
        t.change!.countAfter,
        t.change!.z,
      ]);
      expect([a.period_before, a.period_after]).toEqual([
        `${periods.previous.from}/${periods.previous.to}`,
        `${periods.recent.from}/${periods.recent.to}`,
      ]);
      expect(a.example_documents!.split(' ')).toEqual(t.evidence);
      const slices = (scope: string) =>
        Object.fromEntries(
          own
            .filter((r) => r.scope === scope)
            .map((r) => [scope === 'brand' ? r.brand_id : r.product_id, { volume: Number(r.volume), net: Number(r.net) }]),
        );
      expect(slices('brand'), t.key).toEqual(t.byBrand);
      expect(slices('product'), t.key).toEqual(t.byProduct);
      for (const r of own.filter((x) => x.scope === 'product')) expect(r.brand_id).toBe(productBrand.get(r.product_id!));
      // Share and trend are figures of the whole theme: not repeated as if they were a brand's.
      expect(own.filter((r) => r.scope !== 'all' && (r.share !== '' || r.trend !== ''))).toEqual([]);
    }
    expect(table.filter((r) => r.trend === 'emerging').map((r) => r.theme_key)).toEqual(
      themes.filter((t) => t.change?.trend === 'emerging').map((t) => t.key),
    );
  });

  it('key-drivers.csv: one row per brand and aspect of the brand × aspect table', () => {
    const table = read(renderKeyDriversCsv(report));
    const { aspects, rows: matrix } = report.matrix;
    expect(aspects.length).toBeGreaterThan(3);
    expect(table.map((r) => [r.brand_id, r.aspect])).toEqual(matrix.flatMap((m) => aspects.map((a) => [m.brand, a])));
    for (const r of table) {
      const cell = matrix.find((m) => m.brand === r.brand_id)!.cells[aspects.indexOf(r.aspect!)];
      expect(r.brand).toBe(catalog.brands.find((b) => b.id === r.brand_id)!.name);
      expect([r.mentions, r.positive, r.negative].map(Number)).toEqual([cell?.mentions ?? 0, cell?.positive ?? 0, cell?.negative ?? 0]);
      expect(num(r.net)).toBe(cell?.net);
    }
  });

  it('renders the same files again from report.json (what `radar forget` does after cleaning it)', () => {
    const fromJson = JSON.parse(JSON.stringify(report)) as ReportData;
    expect(Object.keys(REPORT_CSVS).sort()).toEqual(['brands.csv', 'key-drivers.csv', 'personas.csv', 'themes.csv']);
    for (const [name, render] of Object.entries(REPORT_CSVS)) expect(render(fromJson), name).toBe(render(report));
    // A report.json written before themes and key drivers existed still renders, with headers only.
    const older = { ...fromJson } as Partial<ReportData>;
    delete older.themes;
    delete older.matrix;
    expect(read(renderThemesCsv(older as ReportData))).toEqual([]);
    expect(read(renderKeyDriversCsv(older as ReportData))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createPipeline } from '../analyzers/pipeline.js';
import { buildReport, type ReportProject } from './build-report.js';
import { analysed } from './personas/fixture-rows.js';

const pipeline = createPipeline({ names: ['Copperleaf', 'Pour Kettle', 'PK-1', 'Vantio', 'Vantio Home'] });
const project: ReportProject = {
  project: 'kettles',
  brands: [
    { id: 'copperleaf', name: 'Copperleaf', own: true, products: [{ id: 'pour-kettle', name: 'Pour Kettle', aliases: ['PK-1'] }] },
    { id: 'vantio', name: 'Vantio', own: false, aliases: ['Vantio Home'], products: [] },
  ],
  sources: [],
  personas: { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false },
};

let n = 0;
const mention = (body: string, brands: string[]) =>
  analysed(
    {
      kind: 'mention',
      origin: 'import',
      sourceId: 'social',
      site: 'social.example',
      url: `https://social.example/p/${++n}`,
      siteId: `p${n}`,
      brand: brands[0],
      brands,
      body,
      lang: 'en',
      fetchedAt: '2026-01-01T00:00:00Z',
    },
    pipeline,
  );
const review = (body: string, brands: string[]) =>
  analysed(
    {
      kind: 'review',
      origin: 'import',
      sourceId: 'shop',
      site: 'shop.example',
      url: `https://shop.example/r/${++n}`,
      siteId: `r${n}`,
      brand: brands[0],
      brands,
      body,
      lang: 'en',
      fetchedAt: '2026-01-01T00:00:00Z',
    },
    pipeline,
  );
const reportOf = (rows: ReturnType<typeof mention>[]) =>
  buildReport({ project, rows, runs: [], now: '2026-01-01T00:00:00Z', personaSetId: 's' }).report;
const brandsOf = (rows: ReturnType<typeof mention>[]) => Object.fromEntries(reportOf(rows).brands.map((b) => [b.id, b]));

describe('documents that name several brands', () => {
  it('count a comparison for the brand it praises and against the brand compared against', () => {
    const rows = [
      mention('The Copperleaf pours so much better than the Vantio. Really impressed.', ['copperleaf', 'vantio']),
      mention('Switched from Vantio Home to Copperleaf last month and I love it.', ['vantio', 'copperleaf']),
      mention('Vantio is far worse than Copperleaf, the lid rattles constantly.', ['vantio', 'copperleaf']),
    ];
    // As a whole, each document reads as the writer's mood: two positive, one negative.
    expect(rows.map((r) => r.analysis!.sentiment.label)).toEqual(['positive', 'positive', 'negative']);
    const b = brandsOf(rows);
    expect(b.copperleaf!.sentiment).toEqual({ positive: 3, neutral: 0, negative: 0 });
    expect(b.vantio!.sentiment).toEqual({ positive: 0, neutral: 0, negative: 3 });
    expect(b.vantio!.net).toBe(-1);
  });

  it('read "not as … as", "prefer … to", "superior to" as comparisons, and a plain "as good as" as shared', () => {
    const rows = [
      mention('The Vantio is not as quiet as the Copperleaf.', ['vantio', 'copperleaf']),
      mention('I prefer the Copperleaf to the Vantio, it is a lovely kettle.', ['copperleaf', 'vantio']),
      mention('The Copperleaf is superior to the Vantio in every way.', ['copperleaf', 'vantio']),
    ];
    const b = brandsOf(rows);
    expect(b.copperleaf!.sentiment).toEqual({ positive: 3, neutral: 0, negative: 0 });
    expect(b.vantio!.sentiment).toEqual({ positive: 0, neutral: 0, negative: 3 });
    const shared = brandsOf([mention('The Copperleaf is as good as the Vantio, both are excellent.', ['copperleaf', 'vantio'])]);
    expect(shared.copperleaf!.sentiment.positive).toBe(1);
    expect(shared.vantio!.sentiment.positive).toBe(1);
  });

  it('give each brand the sentences about it, and the aspects in them', () => {
    const rows = [mention('The Copperleaf handle is gorgeous. The Vantio lid is flimsy and it leaked.', ['copperleaf', 'vantio'])];
    const b = brandsOf(rows);
    expect(b.copperleaf!.sentiment.positive).toBe(1);
    expect(b.vantio!.sentiment.negative).toBe(1);
    expect(b.copperleaf!.aspects.map((a) => a.aspect)).not.toContain('lid');
    expect(b.vantio!.aspects.map((a) => a.aspect)).not.toContain('handle');
    expect(b.vantio!.aspects.find((a) => a.aspect === 'lid')?.negative).toBe(1);
  });

  it('give each brand its own side of a theme', () => {
    const rows = [1, 2, 3].map(() => mention('The Copperleaf lid is sturdy. The Vantio lid is flimsy.', ['copperleaf', 'vantio']));
    const lid = reportOf(rows).themes.themes.find((t) => t.terms.includes('lid'));
    expect(lid?.byBrand).toEqual({ copperleaf: { volume: 3, net: 1 }, vantio: { volume: 3, net: -1 } });
  });

  it('read a sentence that names only the rival it compares against as about the brand before it', () => {
    const rows = [review('I bought the Pour Kettle in May. It is much better than my old Vantio.', ['copperleaf', 'vantio'])];
    const b = brandsOf(rows);
    expect(b.copperleaf!.sentiment.positive).toBe(1);
    expect(b.vantio!.sentiment.positive).toBe(0);
  });

  it('leave a document about one brand as it is', () => {
    const rows = [mention('Copperleaf support was slow but friendly, and the kettle is great.', ['copperleaf'])];
    const b = brandsOf(rows);
    expect(b.copperleaf!.sentiment).toEqual({
      positive: rows[0]!.analysis!.sentiment.label === 'positive' ? 1 : 0,
      neutral: rows[0]!.analysis!.sentiment.label === 'neutral' ? 1 : 0,
      negative: rows[0]!.analysis!.sentiment.label === 'negative' ? 1 : 0,
    });
    expect(b.vantio!.documents).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { PersonaSet } from '../domain/types.js';
import { buildReport, type ReportProject } from './build-report.js';
import { analysed, demoRows } from './personas/fixture-rows.js';
import { createPipeline } from '../analyzers/pipeline.js';
import { PERSONA_BUILDER_VERSION } from './personas/build-personas.js';

const { rows } = demoRows();
const reviews = rows.filter((r) => r.doc.kind === 'review');
const project = (extraBrand: boolean): ReportProject => ({
  project: 'demo',
  brands: [...new Set(reviews.map((r) => r.doc.brand!)), ...(extraBrand ? ['latecomer'] : [])].map((id, i) => ({
    id,
    name: id,
    own: i === 0,
    products: [],
  })),
  sources: [],
  personas: { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false },
});
const build = (input: { rows: typeof rows; extraBrand?: boolean; previous?: PersonaSet }) =>
  buildReport({
    project: project(!!input.extraBrand),
    rows: input.rows,
    runs: [],
    now: '2026-01-01T00:00:00Z',
    personaSetId: 'set-now',
    ...(input.previous ? { previous: input.previous } : {}),
  }).report;

describe('report caveats', () => {
  it('says when a zero is missing data: a brand with no documents, no mentions for share of voice, no dates for activity', () => {
    const undated = reviews.map((r) => ({ ...r, doc: { ...r.doc, publishedAt: undefined } }));
    const report = build({ rows: undated, extraBrand: true });
    expect(report.caveats).toEqual(
      expect.arrayContaining([
        'latecomer: no documents yet — its zeros are missing data, not neutral opinion.',
        expect.stringMatching(/^No social mentions collected: share of voice is 0%/),
        expect.stringMatching(/^No document carries a date: activity by hour, weekday and month/),
      ]),
    );
    const dated = build({ rows });
    expect(dated.caveats.filter((c) => /no documents yet|No document carries a date/.test(c))).toEqual([]);
  });

  it('does not compare persona shares with a set built by another persona builder version', () => {
    const first = buildReport({ project: project(false), rows, runs: [], now: '2026-01-01T00:00:00Z', personaSetId: 'set-1' }).personaSet;
    const same = build({ rows, previous: first });
    expect(same.change.changes.filter((c) => c.status !== 'new' && c.status !== 'vanished').every((c) => c.shareBefore !== undefined)).toBe(
      true,
    );
    expect(same.caveats.some((c) => c.includes('older persona builder'))).toBe(false);
    const older = build({ rows, previous: { ...first, version: String(Number(PERSONA_BUILDER_VERSION) - 1) } });
    expect(older.change.changes.filter((c) => c.shareBefore !== undefined && c.status !== 'vanished')).toEqual([]);
    expect(older.caveats.some((c) => c.includes('older persona builder'))).toBe(true);
  });
});

describe('rating-only reviews', () => {
  it('count for the average rating, not as neutral text', () => {
    const pipeline = createPipeline();
    const base = reviews[0]!.doc;
    const ratingOnly = [5, 5, 4, 5].map((stars, i) =>
      analysed(
        {
          kind: 'review',
          origin: 'crawl',
          sourceId: base.sourceId,
          site: '127.0.0.1',
          url: base.url,
          siteId: `stars-only-${i}`,
          brand: base.brand,
          product: base.product,
          rating: { value: stars, best: 5, worst: 1 },
          body: '',
          lang: 'en',
          fetchedAt: '2025-07-07T00:00:00Z',
        },
        pipeline,
      ),
    );
    expect(ratingOnly.every((r) => r.analysis!.sentiment.score === 0 && r.analysis!.sentiment.confidence === 0)).toBe(true);
    const before = build({ rows }).brands.find((b) => b.id === base.brand)!;
    const after = build({ rows: [...rows, ...ratingOnly] }).brands.find((b) => b.id === base.brand)!;
    expect(after.documents).toBe(before.documents + 4);
    expect(after.ratingCount).toBe(before.ratingCount + 4);
    expect(after.sentiment).toEqual(before.sentiment);
    expect(after.net).toBe(before.net);
  });
});

import { describe, expect, it } from 'vitest';
import type { Analysis, RadarDocument } from '../../domain/types.js';
import { indexRow } from './document-index.js';
import { DocumentFilterSchema, filterQueryString, filterRows, pageOf, PagingSchema, queryTerms } from './query.js';

function doc(id: string, over: Partial<RadarDocument>): RadarDocument {
  return {
    _id: id,
    kind: 'review',
    origin: 'crawl',
    sourceId: 'shop',
    url: `https://shop.example/r/${id}`,
    body: '',
    fetchedAt: '2026-03-01T00:00:00Z',
    firstSeenAt: '2026-03-01T00:00:00Z',
    contentHash: `h${id}`,
    textKey: `t${id}`,
    ...over,
  };
}

function analysis(
  d: RadarDocument,
  label: 'positive' | 'negative' | 'neutral',
  aspects: { term: string; category?: string }[] = [],
): Analysis {
  return {
    _id: d._id,
    docId: d._id,
    version: 't',
    contentHash: d.contentHash,
    analyzedAt: '2026-03-01T00:00:00Z',
    lang: 'en',
    supported: true,
    sentiment: { label, score: label === 'positive' ? 0.6 : label === 'negative' ? -0.6 : 0, confidence: 0.9 },
    sentences: [],
    aspects: aspects.map((a) => ({ ...a, polarity: label, score: 0 })),
    attributes: [],
    intents: [],
    phrases: [],
    signals: {},
  };
}

const a = doc('a', {
  brand: 'acme',
  product: 'kettle',
  body: 'Support never answered my emails.',
  rating: { value: 1, best: 5, worst: 1 },
  publishedAt: '2026-03-05T10:00:00Z',
});
const b = doc('b', {
  brand: 'acme',
  product: 'kettle',
  body: 'Lovely kettle, the café crowd approves.',
  rating: { value: 5, best: 5, worst: 1 },
  publishedAt: '2026-02-10T10:00:00Z',
});
const c = doc('c', {
  kind: 'mention',
  sourceId: 'feed',
  brand: 'rival',
  brands: ['rival', 'acme'],
  body: 'Switched from Rival to Acme: support was useless.',
  publishedAt: '2026-03-20T10:00:00Z',
});
const d = doc('d', { brand: 'rival', body: 'Decent, nothing more.', rating: { value: 6, best: 10, worst: 0 } });
const rows = [
  indexRow(c, analysis(c, 'negative', [{ term: 'support', category: 'customer-service' }])),
  indexRow(a, analysis(a, 'negative', [{ term: 'Support', category: 'customer-service' }]), 'p1'),
  indexRow(b, analysis(b, 'positive', [{ term: 'kettle' }])),
  indexRow(d, undefined),
];
const ids = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f).map((r) => r.doc._id);

describe('explorer filters', () => {
  it('applies each filter as a user means it', () => {
    expect(ids({ brand: 'acme' })).toEqual(['c', 'a', 'b']); // a mention naming the brand counts
    expect(ids({ product: 'kettle' })).toEqual(['a', 'b']);
    expect(ids({ source: 'feed' })).toEqual(['c']);
    expect(ids({ kind: 'mention' })).toEqual(['c']);
    expect(ids({ sentiment: 'negative' })).toEqual(['c', 'a']);
    expect(ids({ aspect: 'customer-service' })).toEqual(['c', 'a']);
    expect(ids({ aspect: 'SUPPORT' })).toEqual(['c', 'a']);
    expect(ids({ persona: 'p1' })).toEqual(['a']);
    expect(ids({ lang: 'en' })).toEqual(['c', 'a', 'b']);
    expect(ids({ ratingMin: 1, ratingMax: 2 })).toEqual(['a']);
    expect(ids({ ratingMin: 3 })).toEqual(['b', 'd']); // 6 of 0–10 is 3.4 stars
    expect(ids({ from: '2026-03-01', to: '2026-03-05' })).toEqual(['a']); // "to" includes its whole day
    expect(ids({ brand: 'acme', ratingMax: 2, aspect: 'support', from: '2026-03-01' })).toEqual(['a']);
  });

  it('searches every word, quoted phrases whole, any case, accents ignored', () => {
    expect(ids({ q: 'SUPPORT' })).toEqual(['c', 'a']);
    expect(ids({ q: 'support useless' })).toEqual(['c']);
    expect(ids({ q: '"never answered"' })).toEqual(['a']);
    expect(ids({ q: '"answered never"' })).toEqual([]);
    expect(ids({ q: 'cafe' })).toEqual(['b']);
    expect(queryTerms('Café "Never  answered" x')).toEqual(['cafe', 'never  answered', 'x']);
  });

  it('pages the matches and keeps the filters in links', () => {
    const params = { ...DocumentFilterSchema.extend(PagingSchema.shape).parse({ brand: 'acme', limit: '2', page: '2' }) };
    const page = pageOf(rows, params);
    expect(page).toMatchObject({ total: 3, pages: 2 });
    expect(page.rows.map((r) => r.doc._id)).toEqual(['b']);
    expect(filterQueryString(params, { page: 3 })).toBe('?brand=acme&page=3&limit=2');
  });

  it('refuses filters that do not parse, with what to write', () => {
    const bad = DocumentFilterSchema.extend(PagingSchema.shape).safeParse({
      from: '03/01/2026',
      ratingMin: '7',
      sentiment: 'angry',
      limit: '5000',
    });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields.from).toContain('YYYY-MM-DD');
    expect(Object.keys(fields).sort()).toEqual(['from', 'limit', 'ratingMin', 'sentiment']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { deleteBrand, deleteSource, findSource, NotFoundError, patchSource, putBrand, putProduct, putSource } from './config-edit.js';

const YAML = `# Our project — reviewed every Monday
project: kettles
brands:
  - id: acme # our own
    name: Acme
    own: true
    products:
      - id: acme-kettle
        name: Acme Kettle
        sources:
          # The shop's product page
          - id: shop
            urls: ["https://shop.example/kettle"]   # page 1 only
            recipe:
              container: .review
              body: .text
  - id: rival
    name: Rival
sources:
  - id: feed
    kind: mentions
    urls: ["https://forum.example/feed.xml"]
`;

describe('editing the project YAML in place', () => {
  it('keeps comments, order and untouched keys when a source changes', () => {
    const doc = parseDocument(YAML);
    putSource(
      doc,
      { brand: 'acme', product: 'acme-kettle' },
      { id: 'shop', urls: ['https://shop.example/kettle', 'https://shop.example/kettle?page=2'], maxPages: 5 },
      'shop',
    );
    const text = doc.toString();
    expect(text).toContain('# Our project — reviewed every Monday');
    expect(text).toContain("# The shop's product page");
    expect(text).toContain('container: .review'); // the recipe was not in the change: kept
    expect(text.indexOf('id: acme')).toBeLessThan(text.indexOf('id: rival'));
    expect(findSource(doc, 'shop')!.node.toJSON()).toMatchObject({
      maxPages: 5,
      urls: ['https://shop.example/kettle', 'https://shop.example/kettle?page=2'],
    });
  });

  it('moves a source to another owner with its recipe, and removes keys set to undefined', () => {
    const doc = parseDocument(YAML);
    putSource(doc, { brand: 'rival' }, { id: 'shop', urls: ['https://shop.example/kettle'], schedule: undefined }, 'shop');
    const found = findSource(doc, 'shop')!;
    expect(found.owner).toEqual({ brand: 'rival' });
    expect(found.node.toJSON()).toMatchObject({ recipe: { container: '.review' } });
    patchSource(doc, 'shop', { schedule: '0 6 * * *', timezone: 'Europe/Berlin' });
    expect(findSource(doc, 'shop')!.node.toJSON()).toMatchObject({ schedule: '0 6 * * *' });
    patchSource(doc, 'shop', { schedule: undefined, timezone: undefined });
    expect(findSource(doc, 'shop')!.node.toJSON()).not.toHaveProperty('schedule');
  });

  it('adds brands, products and sources at the end, and deletes them', () => {
    const doc = parseDocument(YAML);
    putBrand(doc, { id: 'third', name: 'Third', own: false, aliases: ['3rd'] });
    putProduct(doc, 'third', { id: 'third-pot', name: 'Pot', aliases: [] });
    putSource(doc, { brand: 'third', product: 'third-pot' }, { id: 'pot-shop', urls: ['https://pot.example/'] });
    putSource(doc, {}, { id: 'news', kind: 'mentions', urls: ['https://news.example/rss'] });
    const js = doc.toJS() as { brands: { id: string; products?: { sources?: { id: string }[] }[] }[]; sources: { id: string }[] };
    expect(js.brands.map((b) => b.id)).toEqual(['acme', 'rival', 'third']);
    expect(js.brands[2]!.products![0]!.sources![0]!.id).toBe('pot-shop');
    expect(js.sources.map((s) => s.id)).toEqual(['feed', 'news']);
    deleteSource(doc, 'feed');
    deleteBrand(doc, 'rival');
    expect((doc.toJS() as { brands: { id: string }[] }).brands.map((b) => b.id)).toEqual(['acme', 'third']);
    expect(doc.toString()).toContain('# our own');
  });

  it('says what is missing', () => {
    const doc = parseDocument(YAML);
    expect(() => deleteSource(doc, 'nope')).toThrow(NotFoundError);
    expect(() => putProduct(doc, 'nope', { id: 'x', name: 'X', aliases: [] })).toThrow('no brand "nope"');
    expect(() => putSource(doc, { brand: 'acme', product: 'nope' }, { id: 'x', urls: [] })).toThrow('no product "nope" in brand "acme"');
  });
});

/**
 * The report's top positive and negative phrases per brand and product say something about
 * something: opinion expressions ("too loud", "not worth") or aspects with their opinion ("milk
 * frothing", "support never answered") — never a lone verb, a function word or a noun nobody gave
 * an opinion of. Checked on the bundled demo shop and on the public clothing reviews
 * (../shared/data, read in place). A second tagger (compromise) judges single words, so the rule is
 * not checked by the code that made the phrases.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nlp from 'compromise';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analysisText, createPipeline } from '../analyzers/pipeline.js';
import { isEnglishOpinionWord } from '../analyzers/stages/english-grammar.js';
import { demoCatalog } from '../demo/catalog.js';
import type { Analysis, RadarDocument } from '../domain/types.js';
import type { ReportRow } from './model.js';
import { nameFilter, summarize } from './summaries.js';

const scorer = createPipeline();
const CSV = resolve('..', 'shared', 'data', 'en-clothing-reviews', 'clothing_reviews.csv');

function row(
  id: string,
  text: string,
  analysis: ReturnType<ReturnType<typeof createPipeline>['analyze']>,
  extra: Partial<RadarDocument>,
): ReportRow {
  const doc = { _id: id, kind: 'review', body: text, url: `https://example.test/${id}`, ...extra } as RadarDocument;
  return {
    doc,
    analysis: { ...analysis, _id: id, docId: id, version: 'test', contentHash: id, analyzedAt: '2026-01-01T00:00:00Z' } as Analysis,
  };
}

/** Why a top phrase breaks the rule, or undefined when it keeps it. */
function breaksRule(phrase: string, rows: ReportRow[]): string | undefined {
  const words = phrase.split(' ');
  // Aspects the analyses gave an opinion of, as written.
  const judged = new Set<string>();
  for (const r of rows) for (const a of r.analysis?.aspects ?? []) if (a.opinions?.length) judged.add(a.term.toLowerCase());
  if (words.length === 1) {
    const tags = new Set(nlp(phrase).terms().json()[0]?.terms[0]?.tags ?? []);
    for (const t of ['Verb', 'Adverb', 'Preposition', 'Determiner', 'Pronoun', 'Conjunction'])
      if (tags.has(t) && !judged.has(phrase) && !isEnglishOpinionWord(phrase)) return `a lone ${t.toLowerCase()}`;
    if (tags.has('Noun') && !judged.has(phrase)) return 'a noun no review gave an opinion of';
    if (
      !judged.has(phrase) &&
      isEnglishOpinionWord(phrase) &&
      !rows.some((r) => r.analysis?.aspects.some((a) => a.implicit && a.term.toLowerCase() === phrase))
    )
      return 'an opinion word about nothing';
    return undefined;
  }
  // Longer phrases hold an opinion (a Hu & Liu word, or one the scorer finds in the phrase alone), or
  // are an aspect something was said about.
  const opinionated = words.some((w) => isEnglishOpinionWord(w)) || scorer.analyze(phrase, { lang: 'en' }).sentiment.confidence > 0;
  return opinionated || judged.has(phrase) ? undefined : 'no opinion in it and no aspect';
}

function checkTopPhrases(groups: { name: string; rows: ReportRow[]; names: string[] }[]): void {
  let checked = 0;
  for (const g of groups) {
    const s = summarize(g.name, g.name, g.rows, nameFilter(g.names));
    if (process.env.SHOW_PHRASES)
      process.stderr.write(
        `${g.name}: + ${s.topPositive.map((p) => p.phrase).join(' | ')}\n   - ${s.topNegative.map((p) => p.phrase).join(' | ')}\n`,
      );
    for (const p of [...s.topPositive, ...s.topNegative]) {
      expect(breaksRule(p.phrase, g.rows), `${g.name}: "${p.phrase}"`).toBeUndefined();
      checked++;
    }
  }
  // Enough phrases were ranked for the check to mean something.
  expect(checked).toBeGreaterThanOrEqual(groups.length * 4);
}

describe('top phrases per brand and product', () => {
  it('are opinion expressions or aspects with their opinion on the demo shop', () => {
    const catalog = demoCatalog();
    const names = catalog.brands
      .flatMap((b) => [b.name, ...b.aliases])
      .concat(catalog.products.flatMap((p) => [p.name, p.short, ...p.aliases]));
    const pipeline = createPipeline({
      names,
      aspects: {
        brewing: ['temperature', 'pour', 'spout', 'crema'],
        grind: ['grind', 'burrs'],
        milk: ['foam', 'froth', 'steam wand', 'milk'],
      },
    });
    const rows = catalog.reviews.map((r) => {
      const text = analysisText({ title: r.title, body: r.body });
      return row(r.id, text, pipeline.analyze(text, { lang: r.lang }), { brand: r.brandId, product: r.productId });
    });
    const groups = [
      ...catalog.brands.map((b) => ({ name: b.id, rows: rows.filter((r) => r.doc.brand === b.id), names: [b.name, ...b.aliases] })),
      ...catalog.products.map((p) => ({
        name: p.id,
        rows: rows.filter((r) => r.doc.product === p.id),
        names: [p.name, p.short, ...p.aliases],
      })),
    ];
    checkTopPhrases(groups.filter((g) => g.rows.length >= 20));
  });

  it.skipIf(!existsSync(CSV))('are opinion expressions or aspects with their opinion on the clothing reviews', () => {
    const records = parse(readFileSync(CSV), { columns: true }) as Record<string, string>[];
    const pipeline = createPipeline();
    const rows = records.map((r, i) => {
      const text = analysisText({ title: r.Title, body: r['Review Text'] ?? '' });
      return row(String(i), text, pipeline.analyze(text, { lang: 'en' }), { brand: 'retailer', product: r['Department Name'] });
    });
    const departments = [...new Set(rows.map((r) => r.doc.product!))];
    const groups = [
      { name: 'retailer', rows, names: [] },
      ...departments.map((d) => ({ name: d, rows: rows.filter((r) => r.doc.product === d), names: [] })),
    ];
    checkTopPhrases(groups.filter((g) => g.rows.length >= 50));
  });
});

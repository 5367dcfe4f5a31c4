import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { ATTRIBUTE_CASES, SENSITIVE_CASES } from './fixtures/attributes-labelled.js';

const pipeline = createPipeline();
// The clothing reviews (CC0) live beside the project and are read in place.
const CLOTHING = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'en-clothing-reviews', 'clothing_reviews.csv');

/** Precision and recall of the extractor over the labelled sentences, overall and per type. */
function measure() {
  const byType = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (t: string) => byType.get(t) ?? (byType.set(t, { tp: 0, fp: 0, fn: 0 }), byType.get(t)!);
  const wrong: string[] = [];
  for (const [text, expected] of ATTRIBUTE_CASES) {
    const found = new Set(
      pipeline
        .analyze(text, { lang: 'en' })
        .attributes.filter((a) => a.type !== 'location')
        .map((a) => `${a.type}=${a.value}`),
    );
    const want = new Set(expected);
    for (const f of found) {
      const type = f.split('=')[0]!;
      if (want.has(f)) get(type).tp++;
      else {
        get(type).fp++;
        wrong.push(`+ ${f}: ${text}`);
      }
    }
    for (const w of want) if (!found.has(w)) get(w.split('=')[0]!).fn++;
  }
  const total = [...byType.values()].reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { byType, total, wrong };
}

describe('self-disclosed attributes on labelled sentences written for this project', () => {
  const { byType, total, wrong } = measure();

  it('holds enough cases, negatives included', () => {
    expect(ATTRIBUTE_CASES.length).toBeGreaterThanOrEqual(250);
    expect(ATTRIBUTE_CASES.filter(([, e]) => e.length === 0).length).toBeGreaterThanOrEqual(50);
  });

  it('is precise: ≥ 0.85 overall, ≥ 0.8 for every type with 8 or more predictions', () => {
    const precision = total.tp / (total.tp + total.fp);
    expect(precision, wrong.join('\n')).toBeGreaterThanOrEqual(0.85);
    for (const [type, c] of byType)
      if (c.tp + c.fp >= 8) expect(c.tp / (c.tp + c.fp), `${type}\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });

  // Recall was 0.73 on the second batch before the extractor was widened for it, 0.98 over all
  // cases after; the floor is what is reached, with a little room.
  it('finds most of what is disclosed (recall floor)', () => {
    expect(total.tp / (total.tp + total.fn)).toBeGreaterThanOrEqual(0.9);
  });

  it('infers nothing about health, religion, ethnicity, sexuality, body or gender, nor from names', () => {
    const labelled = new Map(ATTRIBUTE_CASES);
    for (const text of SENSITIVE_CASES) {
      expect(labelled.get(text), text).toEqual([]);
      expect(pipeline.analyze(text, { lang: 'en' }).attributes, text).toEqual([]);
    }
  });
});

describe.skipIf(!existsSync(CLOTHING) && !process.env.CI)('stated ages in the clothing reviews', () => {
  it('match the Age column the reviewer gave', () => {
    const rows = parse(readFileSync(CLOTHING), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    let found = 0;
    let agree = 0;
    const misses: string[] = [];
    for (const r of rows) {
      const text = [r.Title, r['Review Text']].filter(Boolean).join('\n');
      const ages = pipeline.analyze(text, { lang: 'en' }).attributes.filter((a) => a.type === 'age');
      for (const a of ages) {
        found++;
        const age = Number(r.Age);
        // A decade ("40s") agrees when the Age column falls in it; a number may be a year off (the
        // column is the reviewer's age on their profile, not on the day they wrote), and
        // a floor ("60+") agrees when the column is at or above it.
        const ok = /^\d0s$/.test(a.value)
          ? Math.floor(age / 10) * 10 === Number(a.value.slice(0, 2))
          : a.value.endsWith('+')
            ? age >= Number.parseInt(a.value, 10)
            : Math.abs(Number(a.value) - age) <= 1;
        if (ok) agree++;
        else misses.push(`${a.value} vs ${r.Age}: ${a.evidence}`);
      }
    }
    expect(found).toBeGreaterThanOrEqual(7);
    expect(agree / found, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

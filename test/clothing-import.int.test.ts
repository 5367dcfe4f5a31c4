/**
 * Personas from real, non-crawled data as an analyst would get them: the public clothing reviews
 * (../shared/data, read in place) loaded with `radar import`, analysed and reported by the CLI.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { radar, tempDir } from './cli.js';
import type { ReportData } from '../reports/model.js';

const CSV = resolve('..', 'shared', 'data', 'en-clothing-reviews', 'clothing_reviews.csv');

describe.skipIf(!existsSync(CSV) && !process.env.CI)('clothing reviews through radar import → analyze → report', () => {
  const cwd = tempDir('radar-clothing-');
  let report: ReportData;
  let docs: Record<string, string>[];

  beforeAll(async () => {
    writeFileSync(join(cwd, 'radar.yaml'), 'project: clothing\nbrands:\n  - id: retailer\n    name: The Retailer\n    own: true\n');
    const imported = await radar(['import', CSV, '--brand', 'retailer', '--map', 'Department Name=product', '--map', 'orig_index=id'], {
      cwd,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout + imported.stderr).toMatch(/2500 of 2500 rows imported/);
    expect((await radar(['analyze'], { cwd })).code).toBe(0);
    const reported = await radar(['report', '--format', 'json,csv'], { cwd });
    expect(reported.code, reported.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(cwd, 'radar-report', 'report.json'), 'utf8')) as ReportData;
    docs = parse(readFileSync(join(cwd, 'radar-report', 'documents.csv')), { columns: true }) as Record<string, string>[];
  }, 120_000);

  it('finds at least four distinct personas, each backed by quotes from the imported reviews', () => {
    expect(report.personas.length).toBeGreaterThanOrEqual(4);
    expect(new Set(report.personas.map((p) => p.label)).size).toBe(report.personas.length);
    for (const p of report.personas) {
      expect(p.quotes.length).toBeGreaterThanOrEqual(3);
      for (const q of p.quotes) expect(p.evidence).toContain(q.docId);
    }
  });

  it('gives personas department mixes that differ from everyone else beyond chance', () => {
    // Persona × department counts from documents.csv; chi-square against independence.
    const inPersona = docs.filter((d) => d.persona);
    const personas = [...new Set(inPersona.map((d) => d.persona!))];
    const departments = [...new Set(inPersona.map((d) => d.product!))].filter(
      (dep) => inPersona.filter((d) => d.product === dep).length >= 30,
    );
    const table = personas.map((p) => departments.map((dep) => inPersona.filter((d) => d.persona === p && d.product === dep).length));
    const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
    const cols = departments.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
    const n = rows.reduce((a, b) => a + b, 0);
    let x2 = 0;
    table.forEach((r, i) => r.forEach((o, j) => (x2 += (o - (rows[i]! * cols[j]!) / n) ** 2 / ((rows[i]! * cols[j]!) / n))));
    const df = (personas.length - 1) * (departments.length - 1);
    // Chi-square critical value at p = 0.001 (Wilson–Hilferty).
    const critical = df * (1 - 2 / (9 * df) + 3.0902 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(x2, `chi-square ${x2.toFixed(1)} on ${df} df`).toBeGreaterThan(critical);
  });

  it('claims an age only where a review states one', () => {
    const stated = report.personas.flatMap((p) => p.attributes.age ?? []);
    for (const a of stated) expect(a.support).toBeGreaterThan(0);
    // Ages are self-disclosed in well under 1% of these reviews: no persona is built on them.
    expect(stated.reduce((s, a) => s + a.support, 0)).toBeLessThan(25);
  });
});

/**
 * The whole job as a new user meets it: `radar demo` in an empty folder crawls the bundled shop
 * (static pages, JSON-LD, plain HTML, the JavaScript product in Chromium, profiles, the feed),
 * analyses and reports; the report is read back and opened in headless Chromium.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { radar, tempDir, type CliRun } from './cli.js';
import { testChromium } from './services.js';
import { demoCatalog } from '../demo/catalog.js';
import type { ReportData } from '../reports/model.js';

const chromium = testChromium();

describe.skipIf(!chromium)('radar demo, end to end', () => {
  const cwd = tempDir('radar-e2e-');
  let first: CliRun;
  let report: ReportData;

  beforeAll(async () => {
    first = await radar(['demo'], { cwd, timeoutMs: 170_000 });
    if (first.code === 0) report = JSON.parse(readFileSync(join(cwd, 'radar-report', 'report.json'), 'utf8')) as ReportData;
  }, 180_000);

  it('runs offline and says where the report is', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`report: ${join(cwd, 'radar-report', 'index.html')}`);
    for (const f of ['index.html', 'report.md', 'report.json']) expect(existsSync(join(cwd, 'radar-report', f)), f).toBe(true);
  });

  it('crawled every review of every product, the JavaScript-rendered one included', () => {
    const catalog = demoCatalog();
    expect(report.totals.reviews).toBe(catalog.reviews.length);
    for (const product of catalog.products) {
      const summary = report.brands.flatMap((b) => b.products).find((p) => p.id === product.id);
      const expected = catalog.reviews.filter((r) => r.productId === product.id).length;
      expect(summary?.reviews, product.id).toBe(expected);
    }
    expect(report.totals.mentions).toBe(catalog.mentions.filter((m) => m.brands.length > 0).length);
    // Share of voice: the share of mentions naming the brand, a mention naming two brands counting for both.
    const named = catalog.mentions.filter((m) => m.brands.length > 0);
    for (const b of report.brands)
      expect(b.shareOfVoice, b.id).toBeCloseTo(named.filter((m) => m.brands.includes(b.id)).length / named.length, 2);
    expect(report.coverage.every((c) => c.status === 'ok')).toBe(true);
  });

  it('reports per brand and product: counts, ratings, sentiment, phrases, aspects', () => {
    expect(report.brands.map((b) => b.own)).toEqual([true, false, false]);
    for (const b of report.brands) {
      expect(b.avgRating).toBeGreaterThan(1);
      expect(b.sentiment.positive + b.sentiment.neutral + b.sentiment.negative).toBeGreaterThan(50);
      expect(b.topPositive.length).toBeGreaterThan(0);
      expect(b.topNegative.length).toBeGreaterThan(0);
      expect(b.aspects.length).toBeGreaterThan(3);
      for (const p of b.products) expect(p.avgRating).toBeDefined();
    }
    expect(Object.keys(report.totals.languages)).toEqual(expect.arrayContaining(['en', 'de', 'ru']));
  });

  it('groups what customers talk about into themes, with the support-complaint theme among them', () => {
    const themes = report.themes.themes;
    expect(themes.length).toBeGreaterThan(5);
    const service = themes.find((t) => t.key === 'customer-service')!;
    expect(service.net).toBeLessThan(0);
    expect(readFileSync(join(cwd, 'radar-report', 'report.md'), 'utf8')).toContain('## Themes');
  });

  it('finds personas backed by quotes that point at stored documents', () => {
    expect(report.personas.length).toBeGreaterThanOrEqual(3);
    for (const p of report.personas) {
      expect(p.quotes.length).toBeGreaterThanOrEqual(3);
      for (const q of p.quotes) expect(p.evidence).toContain(q.docId);
      expect(p.size).toBe(p.members.length);
    }
    expect(new Set(report.personas.map((p) => p.label)).size).toBe(report.personas.length);
  });

  it('shows where members are from their profiles, by country, never a value fewer than three share', () => {
    const countries = new Set(demoCatalog().reviewers.map((r) => r.location.country));
    const cities = demoCatalog().reviewers.map((r) => r.location.city);
    const shown = report.personas.flatMap((p) => p.attributes.location ?? []);
    expect(shown.filter((v) => v.value !== 'other').length).toBeGreaterThan(report.personas.length);
    for (const v of shown) {
      expect(v.value === 'other' || countries.has(v.value), v.value).toBe(true);
      expect(cities).not.toContain(v.value);
      expect(v.support).toBeGreaterThanOrEqual(3);
    }
    // One region a member: the rows of a persona's location table add up to at most its size.
    for (const p of report.personas) expect((p.attributes.location ?? []).reduce((s, v) => s + v.support, 0)).toBeLessThanOrEqual(p.size);
  });

  it('never shows e-mail addresses, phone numbers or reviewer names', () => {
    const text =
      readFileSync(join(cwd, 'radar-report', 'index.html'), 'utf8') + readFileSync(join(cwd, 'radar-report', 'report.md'), 'utf8');
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
    const names = demoCatalog()
      .reviewers.map((r) => r.name)
      .filter((n) => n.length > 5);
    expect(names.filter((n) => text.includes(n))).toEqual([]);
  });

  it('opens in headless Chromium without console errors, with charts and persona cards', async () => {
    const { chromium: pw } = await import('playwright');
    const browser = await pw.launch({
      executablePath: chromium!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
      await page.goto(pathToFileURL(join(cwd, 'radar-report', 'index.html')).href);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]); // self-contained: nothing fetched from anywhere
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('section.persona').count()).toBe(report.personas.length);
      const dir = resolve('test/artifacts');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'demo-report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('renders every format on request: a PDF through Chromium, CSVs of personas, brands, themes, key drivers and of documents with their persona', async () => {
    expect((await radar(['init'], { cwd })).code).toBe(0);
    const out = join(cwd, 'all-formats');
    const run = await radar(['report', '--format', 'html,md,json,csv,pdf', '--out', out], {
      cwd,
      timeoutMs: 120_000,
      env: { RADAR_CHROMIUM_PATH: chromium },
    });
    expect(run.code, run.stderr).toBe(0);
    const pdf = readFileSync(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A report of several brands and personas runs over more than one A4 page.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(1);
    const again = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportData;
    const personas = parse(readFileSync(join(out, 'personas.csv')), { columns: true }) as Record<string, string>[];
    expect(personas.map((p) => p.label)).toEqual(again.personas.map((p) => p.label));
    const docs = parse(readFileSync(join(out, 'documents.csv')), { columns: true }) as Record<string, string>[];
    expect(docs.length).toBe(again.totals.documents);
    // Every document a persona cites as evidence is listed with that persona.
    const header = Object.keys(docs[0]!);
    const idCol = header.find((h) => /^(id|_id|documentId)$/.test(h))!;
    const personaCol = header.find((h) => /persona/i.test(h))!;
    expect(idCol && personaCol, header.join(',')).toBeTruthy();
    const byId = new Map(docs.map((d) => [d[idCol], d[personaCol]]));
    for (const p of again.personas) for (const id of p.evidence.slice(0, 20)) expect(byId.get(id), `${id} in ${p.label}`).toBe(p.label);

    // brands.csv: the brand comparison of report.json, a row per brand and per product, same counts.
    const brands = parse(readFileSync(join(out, 'brands.csv')), { columns: true }) as Record<string, string>[];
    const summaries = again.brands.flatMap((b) => [
      { kind: 'brand', s: b, sov: String(b.shareOfVoice) },
      ...b.products.map((p) => ({ kind: 'product', s: p, sov: '' })),
    ]);
    expect(brands.map((r) => [r.kind, r.id, r.name])).toEqual(summaries.map(({ kind, s }) => [kind, s.id, s.name]));
    brands.forEach((r, i) => {
      const { s, sov } = summaries[i]!;
      expect([r.documents, r.reviews, r.mentions, r.rating_count, r.positive, r.neutral, r.negative].map(Number), s.id).toEqual([
        s.documents,
        s.reviews,
        s.mentions,
        s.ratingCount,
        s.sentiment.positive,
        s.sentiment.neutral,
        s.sentiment.negative,
      ]);
      expect([Number(r.net), r.avg_rating === '' ? undefined : Number(r.avg_rating), r.share_of_voice], s.id).toEqual([
        s.net,
        s.avgRating,
        sov,
      ]);
    });
    expect(brands.filter((r) => r.kind === 'brand').map((r) => r.own)).toEqual(['true', 'false', 'false']);
    expect(brands.filter((r) => r.kind === 'brand').some((r) => Number(r.mentions) > 0)).toBe(true);

    // themes.csv: every theme of report.json over all documents, then per brand and product.
    const themes = parse(readFileSync(join(out, 'themes.csv')), { columns: true }) as Record<string, string>[];
    const overall = themes.filter((r) => r.scope === 'all');
    expect(overall.map((r) => [r.theme_key, r.theme, r.kind, Number(r.volume), Number(r.share), Number(r.net), r.trend])).toEqual(
      again.themes.themes.map((t) => [t.key, t.label, t.source, t.volume, t.share, t.net, t.change?.trend ?? '']),
    );
    for (const t of again.themes.themes) {
      const perBrand = themes.filter((r) => r.theme_key === t.key && r.scope === 'brand');
      expect(Object.fromEntries(perBrand.map((r) => [r.brand_id, { volume: Number(r.volume), net: Number(r.net) }])), t.key).toEqual(
        t.byBrand,
      );
      const perProduct = themes.filter((r) => r.theme_key === t.key && r.scope === 'product');
      expect(Object.fromEntries(perProduct.map((r) => [r.product_id, { volume: Number(r.volume), net: Number(r.net) }])), t.key).toEqual(
        t.byProduct,
      );
    }
    expect(Number(overall.find((r) => r.theme_key === 'customer-service')!.net)).toBeLessThan(0);

    // key-drivers.csv: the brand × aspect table, a row per brand and aspect.
    const drivers = parse(readFileSync(join(out, 'key-drivers.csv')), { columns: true }) as Record<string, string>[];
    expect(drivers.map((r) => [r.brand_id, r.aspect, Number(r.mentions)])).toEqual(
      again.matrix.rows.flatMap((row) => again.matrix.aspects.map((a, i) => [row.brand, a, row.cells[i]?.mentions ?? 0])),
    );
  }, 150_000);

  it('stores nothing new when the demo is crawled again', async () => {
    const again = await radar(['demo'], { cwd, timeoutMs: 170_000 });
    expect(again.code, again.stderr).toBe(0);
    const crawled = again.stderr.split('\n').filter((l) => l.startsWith('crawled '));
    expect(crawled.length).toBeGreaterThan(5);
    for (const line of crawled) expect(line).toMatch(/\(0 new\)/);
  }, 180_000);
});

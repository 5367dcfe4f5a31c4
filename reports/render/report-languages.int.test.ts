/**
 * The report in each reader's language, opened in real Chromium: headings, labels, chart titles and
 * number formats come from the catalogue; quotes keep the language they were written in; Persian
 * reads right to left. Screenshots are kept in test/artifacts/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { CHROMIUM_ARGS } from '../../config/chromium.js';
import { testChromium } from '../../test/services.js';
import { buildReport } from '../build-report.js';
import { messagesFor, REPORT_LANGUAGES } from '../i18n/messages.js';
import type { ReportData } from '../model.js';
import { demoRows } from '../personas/fixture-rows.js';
import { renderHtml } from './html.js';

const chromium = testChromium();
const ARTIFACTS = resolve('test/artifacts/report-languages');
/** Letters of each language's script: a label in that language is written in them. */
const SCRIPT: Record<string, RegExp> = {
  en: /^[\p{Script=Latin}\s()'-]+$/u,
  ru: /\p{Script=Cyrillic}/u,
  zh: /\p{Script=Han}/u,
  fa: /\p{Script=Arabic}/u,
};

describe.skipIf(!chromium)('the HTML report in each reader language, in Chromium', () => {
  const { rows } = demoRows();
  const reports = new Map<string, ReportData>();
  let browser: Browser;

  beforeAll(async () => {
    const brands = [...new Set(rows.map((r) => r.doc.brand!))].map((id, i) => ({
      id,
      name: id,
      own: i === 0,
      products: [...new Set(rows.filter((r) => r.doc.brand === id).map((r) => r.doc.product!))].map((p) => ({ id: p, name: p })),
    }));
    for (const language of REPORT_LANGUAGES)
      reports.set(
        language,
        buildReport({
          project: {
            project: 'Demo',
            brands,
            sources: [],
            personas: { maxPersonas: 6, minSize: 5, minShare: 0.03, showNames: false },
            language,
          },
          rows,
          runs: [],
          now: '2025-07-01T09:30:00Z',
          personaSetId: `set-${language}`,
        }).report,
      );
    const { chromium: pw } = await import('playwright');
    browser = await pw.launch({ executablePath: chromium!, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each([...REPORT_LANGUAGES])(
    'renders %s: its headings, labels, charts and numbers, quotes as written',
    async (language) => {
      const m = messagesFor(language);
      const report = reports.get(language)!;
      expect(report.language).toBe(language);
      const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
      await page.setContent(renderHtml(report), { waitUntil: 'load' });
      expect(errors).toEqual([]);

      // The page declares its language and direction, and Chromium lays it out that way.
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.getAttribute('html', 'dir')).toBe(m.dir);
      expect(await page.evaluate('getComputedStyle(document.body).direction')).toBe(m.dir);
      const h1 = (await page.locator('h1').boundingBox())!;
      const main = (await page.locator('main').boundingBox())!;
      // Where the heading's text itself sits, not its block.
      const heading = (await page.evaluate(
        '(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector("h1")); const b = r.getBoundingClientRect(); return { left: b.left, right: b.right }; })()',
      )) as { left: number; right: number };
      // Right to left: the heading's text starts at the right edge; left to right, at the left.
      if (m.dir === 'rtl') expect(Math.abs(h1.x + h1.width - heading.right)).toBeLessThan(2);
      else expect(Math.abs(heading.left - h1.x)).toBeLessThan(2);
      expect(h1.x).toBeGreaterThanOrEqual(main.x);

      // Headings, navigation and chart titles come from the catalogue.
      expect(await page.locator('h1').textContent()).toBe(m.report.title('Demo'));
      expect(await page.locator('nav a').allTextContents()).toEqual([
        m.heading.brands,
        m.heading.keyDriversShort,
        m.heading.themes,
        m.heading.personas,
        m.heading.activity,
        m.heading.coverage,
      ]);
      expect(await page.locator('svg.chart > title').allTextContents()).toContain(m.chart.sentimentByBrand);
      expect(await page.locator('h2#personas').textContent()).toBe(m.heading.personas);

      // Persona labels are in the reader's language.
      const labels = report.personas.map((p) => p.label);
      expect(labels.length).toBeGreaterThanOrEqual(3);
      for (const label of labels) expect(label, label).toMatch(SCRIPT[language]!);

      // Quotes stay in their own language, marked so: the same text whatever the report's language.
      const english = reports.get('en')!;
      const quotes = page.locator('section.persona blockquote q > span');
      expect(await quotes.count()).toBeGreaterThanOrEqual(9);
      const shown = await quotes.evaluateAll((qs) => qs.map((q) => ({ text: q.textContent, lang: q.getAttribute('lang') })));
      const written = new Map(english.personas.flatMap((p) => [...p.quotes, ...p.counterEvidence].map((q) => [q.text, q.lang] as const)));
      for (const q of shown) {
        expect(written.has(q.text!), q.text!).toBe(true);
        expect(q.lang).toBe(written.get(q.text!));
      }
      expect(new Set(shown.map((q) => q.lang))).toContain('en');

      // Numbers in the reader's format: Persian digits in the Persian report.
      const share = await page.locator('section.persona h3 .muted').first().textContent();
      expect(share ?? '').toContain(new Intl.NumberFormat(m.locale, { style: 'percent' }).format(report.personas[0]!.share));

      await page.screenshot({ path: join(ARTIFACTS, `report-${language}.png`) });
      await page
        .locator('section.persona')
        .first()
        .screenshot({ path: join(ARTIFACTS, `persona-${language}.png`) });
      await page.close();
    },
    60_000,
  );
});

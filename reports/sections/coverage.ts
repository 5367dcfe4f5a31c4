/** Coverage: what each source holds and how its last crawl went, and the languages analysed. Computed in reports/build-report.ts (coverage). */
import { esc } from '../charts.js';
import type { ReportData } from '../model.js';
import type { RenderContext } from './context.js';
import { md, table } from './markdown-parts.js';
import type { ReportSection } from './section.js';

function html(r: ReportData, c: RenderContext): string {
  const { m, f, names } = c;
  const rows = r.coverage
    .map(
      (s) =>
        `<tr><td>${esc(s.id)}${s.topReviewsOnly ? ` <span class="tag">${esc(m.tag.topReviewsOnly)}</span>` : ''}</td><td>${esc([s.brand && (names.get(s.brand) ?? s.brand), s.product && (names.get(s.product) ?? s.product)].filter(Boolean).join(' / '))}</td><td class="num">${f.num(s.documents)}</td><td class="num">${s.listed !== undefined ? f.num(s.listed) : '–'}</td><td class="num">${s.pages ? `${f.num(s.pages.fetched)} / ${f.num(s.pages.failed)} / ${f.num(s.pages.blocked)}` : '–'}</td><td>${esc(s.status ?? '–')}</td><td>${esc(s.lastRun ? f.dateTime(s.lastRun) : '–')}</td></tr>`,
    )
    .join('');
  const langs = Object.entries(r.totals.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `<span class="tag">${esc(l)} ${f.num(n)}</span>`)
    .join('');
  return `<h2 id="coverage">${esc(m.heading.coverage)}</h2>
<table><thead><tr><th>${esc(m.col.source)}</th><th>${esc(m.col.brandProduct)}</th><th class="num">${esc(m.col.stored)}</th><th class="num">${esc(m.col.listed)}</th><th class="num">${esc(m.col.pages)}</th><th>${esc(m.col.lastRun)}</th><th>${esc(m.col.when)}</th></tr></thead><tbody>${rows}</tbody></table>
<p><strong>${esc(m.report.languages)}</strong> ${langs}</p>`;
}

function markdown(r: ReportData, c: RenderContext): string {
  const { m, f, names } = c;
  const C = m.col;
  return [
    `## ${md(m.heading.coverage)}`,
    '',
    table(
      [C.source, C.brandProduct, C.stored, C.listed, C.pages, C.lastRun].map(md),
      r.coverage.map((x) => [
        x.id + (x.topReviewsOnly ? ` (${m.tag.topReviewsOnly})` : ''),
        [x.brand && (names.get(x.brand) ?? x.brand), x.product && (names.get(x.product) ?? x.product)].filter(Boolean).join(' / '),
        f.num(x.documents),
        x.listed !== undefined ? f.num(x.listed) : undefined,
        x.pages ? `${f.num(x.pages.fetched)}/${f.num(x.pages.failed)}/${f.num(x.pages.blocked)}` : '–',
        x.status,
      ]),
    ),
    '',
    `${md(m.report.languages)} ${Object.entries(r.totals.languages)
      .map(([l, n]) => `${md(l)} ${f.num(n)}`)
      .join(m.comma)}`,
    '',
  ].join('\n');
}

/** Sources and languages. */
export const coverageSection: ReportSection = {
  id: 'coverage',
  nav: (m) => m.heading.coverage,
  data: ['coverage', 'totals'],
  html,
  markdown,
  csv: [],
};

/** Key drivers: brand × aspect net sentiment over the most talked-about aspects. Computed in reports/build-report.ts (matrix). */
import { esc, heatmap } from '../charts.js';
import { aspectName } from '../i18n/messages.js';
import { renderKeyDriversCsv } from '../render/csv.js';
import type { ReportData } from '../model.js';
import type { RenderContext } from './context.js';
import { md, table } from './markdown-parts.js';
import type { ReportSection } from './section.js';

function html(r: ReportData, c: RenderContext): string {
  const { m, text, names } = c;
  const matrix = r.matrix.aspects.length
    ? heatmap({
        title: m.chart.brandAspect,
        text,
        columns: r.matrix.aspects.map((a) => aspectName(m, a)),
        rows: r.matrix.rows.map((row) => ({ label: names.get(row.brand) ?? row.brand, cells: row.cells })),
      })
    : `<p class="muted">${esc(m.note.noAspectsYet)}</p>`;
  return `<h2 id="matrix">${esc(m.heading.keyDrivers)}</h2><p class="muted">${esc(m.note.keyDrivers)}</p>${matrix}`;
}

function markdown(r: ReportData, c: RenderContext): string {
  const { m, f, names } = c;
  if (!r.matrix.aspects.length) return '';
  return [
    `## ${md(m.heading.keyDrivers)}`,
    '',
    md(m.note.keyDrivers),
    '',
    table(
      [md(m.col.brand), ...r.matrix.aspects.map((a) => md(aspectName(m, a)))],
      r.matrix.rows.map((row) => [
        names.get(row.brand) ?? row.brand,
        ...row.cells.map((x) => (x ? `${f.signed(x.net)} (${f.num(x.mentions)})` : '–')),
      ]),
    ),
    '',
  ].join('\n');
}

/** Brand × aspect. */
export const keyDriversSection: ReportSection = {
  id: 'matrix',
  nav: (m) => m.heading.keyDriversShort,
  data: ['matrix'],
  html,
  markdown,
  csv: [{ file: 'key-drivers.csv', render: renderKeyDriversCsv }],
};

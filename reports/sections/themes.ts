/**
 * Themes: what documents talk about (taxonomy and discovered), their volume and net sentiment per
 * brand, and which are emerging or fading. Computed by reports/themes.ts (buildThemes).
 */
import { barChart, COLORS, esc } from '../charts.js';
import { renderThemesCsv } from '../render/csv.js';
import type { ReportData } from '../model.js';
import type { RenderContext } from './context.js';
import { netCell } from './html-parts.js';
import { md, Raw, table } from './markdown-parts.js';
import type { ReportSection } from './section.js';

function html(r: ReportData, c: RenderContext): string {
  const { m, f, text, names } = c;
  const themeList = r.themes?.themes ?? [];
  if (!themeList.length) return '';
  const trendTag = (t: (typeof themeList)[number]) =>
    t.change && t.change.trend !== 'steady'
      ? ` <span class="tag">${esc(m.trend[t.change.trend])} ${f.pct(t.change.before)} → ${f.pct(t.change.after)}, z = ${t.change.z}</span>`
      : '';
  const periods = r.themes?.periods;
  return `<h2 id="themes">${esc(m.heading.themes)}</h2>${barChart({ title: m.chart.themes, text, labels: themeList.map((t) => t.label), values: themeList.map((t) => t.volume), colors: themeList.map((t) => (t.net > 0.05 ? COLORS.positive : t.net < -0.05 ? COLORS.negative : COLORS.neutral)), notes: themeList.map((t) => text.net(t.net)) })}
<p class="muted">${esc(m.note.themesColour)}</p>
<table><thead><tr><th>${esc(m.col.theme)}</th><th>${esc(m.col.terms)}</th><th class="num">${esc(m.col.documents)}</th><th class="num">${esc(m.col.share)}</th><th class="num">${esc(m.col.netDocuments)}</th><th>${esc(m.col.byBrand)}</th></tr></thead><tbody>${themeList
    .map(
      (t) =>
        `<tr><td>${esc(t.label)}${t.source === 'discovered' ? ` <span class="tag">${esc(m.tag.discovered)}</span>` : ''}${trendTag(t)}</td><td>${esc(t.terms.join(m.comma))}</td><td class="num">${f.num(t.volume)}</td><td class="num">${f.pct(t.share)}</td>${netCell(c, t.net)}<td>${esc(
          Object.entries(t.byBrand)
            .map(([b, sl]) => `${names.get(b) ?? b} ${f.signed(sl.net)} (${f.num(sl.volume)})`)
            .join('; '),
        )}</td></tr>`,
    )
    .join('')}</tbody></table>${
    periods
      ? `<p class="muted">${esc(
          m.note.themesPeriods({
            recentFrom: f.date(periods.recent.from),
            recentTo: f.date(periods.recent.to),
            recent: f.num(periods.recent.documents),
            previousFrom: f.date(periods.previous.from),
            previousTo: f.date(periods.previous.to),
            previous: f.num(periods.previous.documents),
          }),
        )}</p>`
      : `<p class="muted">${esc(m.note.themesTooFew)}</p>`
  }`;
}

function markdown(r: ReportData, c: RenderContext): string {
  const { m, f } = c;
  const C = m.col;
  const themeList = r.themes?.themes ?? [];
  if (!themeList.length) return '';
  const p = r.themes.periods;
  return [
    `## ${md(m.heading.themes)}`,
    '',
    table(
      [C.theme, C.terms, C.documents, C.share, C.netDocuments, C.trend].map(md),
      themeList.map((t) => [
        t.label + (t.source === 'discovered' ? ` (${m.tag.discovered})` : ''),
        t.terms.join(m.comma),
        f.num(t.volume),
        f.pct(t.share),
        f.signed(t.net),
        t.change && t.change.trend !== 'steady'
          ? new Raw(`**${md(m.trend[t.change.trend])}** ${f.pct(t.change.before)} → ${f.pct(t.change.after)} (z = ${t.change.z})`)
          : '',
      ]),
    ),
    '',
    md(
      p
        ? m.note.themesPeriods({
            recentFrom: f.date(p.recent.from),
            recentTo: f.date(p.recent.to),
            recent: f.num(p.recent.documents),
            previousFrom: f.date(p.previous.from),
            previousTo: f.date(p.previous.to),
            previous: f.num(p.previous.documents),
          })
        : m.note.themesTooFew,
    ),
    '',
  ].join('\n');
}

/** Themes with their trends. */
export const themesSection: ReportSection = {
  id: 'themes',
  nav: (m) => m.heading.themes,
  data: ['themes'],
  html,
  markdown,
  csv: [{ file: 'themes.csv', render: renderThemesCsv }],
};

/**
 * Brands and their products: volume, ratings, sentiment, share of voice, top phrases and aspects.
 * Computed by reports/summaries.ts (summarize) through reports/build-report.ts.
 */
import { COLORS, esc, stackedBars } from '../charts.js';
import { renderBrandsCsv } from '../render/csv.js';
import type { ReportData } from '../model.js';
import type { RenderContext } from './context.js';
import { aspectTable, netCell, phrases, stars } from './html-parts.js';
import { aspects, md, table } from './markdown-parts.js';
import type { ReportSection } from './section.js';

function html(r: ReportData, c: RenderContext): string {
  const { m, f, text } = c;
  const sentimentChart = stackedBars({
    title: m.chart.sentimentByBrand,
    text,
    rows: r.brands.map((b) => ({
      label: b.name,
      parts: [
        { name: m.polarity.positive, value: b.sentiment.positive, color: COLORS.positive },
        { name: m.polarity.neutral, value: b.sentiment.neutral, color: COLORS.neutral },
        { name: m.polarity.negative, value: b.sentiment.negative, color: COLORS.negative },
      ],
    })),
  });
  const brandRows = r.brands
    .map(
      (b) =>
        `<tr><td>${esc(b.name)}${b.own ? ` <span class="tag">${esc(m.tag.own)}</span>` : ''}</td><td class="num">${f.num(b.documents)}</td><td class="num">${f.num(b.reviews)}</td><td class="num">${f.num(b.mentions)}</td><td class="num">${stars(c, b.avgRating)}</td><td class="num">${f.num(b.ratingCount)}</td>${netCell(c, b.net)}<td class="num">${f.pct(b.shareOfVoice)}</td></tr>`,
    )
    .join('');
  const brandSections = r.brands
    .map(
      (b) => `<h3>${esc(b.name)}${b.own ? ` <span class="tag">${esc(m.tag.ownBrand)}</span>` : ''}</h3>
<table><thead><tr><th>${esc(m.col.product)}</th><th class="num">${esc(m.col.documents)}</th><th class="num">${esc(m.col.avgRating)}</th><th class="num">${esc(m.col.positive)}</th><th class="num">${esc(m.col.neutral)}</th><th class="num">${esc(m.col.negative)}</th><th class="num">${esc(m.col.net)}</th></tr></thead><tbody>${b.products
        .map(
          (p) =>
            `<tr><td>${esc(p.name)}</td><td class="num">${f.num(p.documents)}</td><td class="num">${stars(c, p.avgRating)}</td><td class="num">${f.num(p.sentiment.positive)}</td><td class="num">${f.num(p.sentiment.neutral)}</td><td class="num">${f.num(p.sentiment.negative)}</td>${netCell(c, p.net)}</tr>`,
        )
        .join('')}</tbody></table>
${phrases(c, b)}${aspectTable(c, b.aspects.slice(0, 8))}`,
    )
    .join('');
  return `<h2 id="brands">${esc(m.heading.brands)}</h2>
<table><thead><tr><th>${esc(m.col.brand)}</th><th class="num">${esc(m.col.documents)}</th><th class="num">${esc(m.col.reviews)}</th><th class="num">${esc(m.col.mentions)}</th><th class="num">${esc(m.col.avgRating)}</th><th class="num">${esc(m.col.ratings)}</th><th class="num">${esc(m.col.netSentiment)}</th><th class="num">${esc(m.col.shareOfVoice)}</th></tr></thead><tbody>${brandRows}</tbody></table>
<p class="muted">${esc(m.note.shareOfVoice(f.num(r.totals.mentions)))}</p>
${sentimentChart}
${brandSections}`;
}

function markdown(r: ReportData, c: RenderContext): string {
  const { m, f } = c;
  const C = m.col;
  const out: string[] = [
    `## ${md(m.heading.brands)}`,
    '',
    table(
      [C.brand, C.own, C.documents, C.reviews, C.mentions, C.avgRating, C.netSentiment, C.shareOfVoice].map(md),
      r.brands.map((b) => [
        b.name,
        b.own ? m.tag.yes : '',
        f.num(b.documents),
        f.num(b.reviews),
        f.num(b.mentions),
        b.avgRating !== undefined ? f.fixed(b.avgRating, 2) : undefined,
        f.signed(b.net),
        f.pct(b.shareOfVoice),
      ]),
    ),
    '',
    md(m.note.shareOfVoice(f.num(r.totals.mentions))),
    '',
  ];
  for (const b of r.brands) {
    out.push(`### ${md(b.name)}`, '');
    out.push(
      table(
        [C.product, C.documents, C.avgRating, C.positive, C.neutral, C.negative, C.net].map(md),
        b.products.map((p) => [
          p.name,
          f.num(p.documents),
          p.avgRating !== undefined ? f.fixed(p.avgRating, 2) : undefined,
          f.num(p.sentiment.positive),
          f.num(p.sentiment.neutral),
          f.num(p.sentiment.negative),
          f.signed(p.net),
        ]),
      ),
      '',
    );
    out.push(`- **${md(m.note.topPositive)}** ${b.topPositive.map((p) => `${md(p.phrase)} (${f.num(p.count)})`).join(m.comma) || '–'}`);
    out.push(`- **${md(m.note.topNegative)}** ${b.topNegative.map((p) => `${md(p.phrase)} (${f.num(p.count)})`).join(m.comma) || '–'}`);
    out.push(`- **${md(C.aspect)}:** ${aspects(c, b.aspects.slice(0, 8))}`, '');
  }
  return out.join('\n');
}

/** Brands and products compared. */
export const brandsSection: ReportSection = {
  id: 'brands',
  nav: (m) => m.heading.brands,
  data: ['brands', 'totals'],
  html,
  markdown,
  csv: [{ file: 'brands.csv', render: renderBrandsCsv }],
};

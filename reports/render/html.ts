/**
 * The HTML report: one self-contained file — inline CSS and SVG charts, no scripts, no network —
 * that reads at a glance, shares as a file, and prints cleanly to PDF.
 */
import { barChart, type ChartText, COLORS, esc, heatmap, lineChart, stackedBars } from '../charts.js';
import { type Formatter, formatterFor } from '../i18n/format.js';
import { aspectName, attributeTypeName, attributeValueName, type Messages, messagesFor } from '../i18n/messages.js';
import type { AspectStanding, PersonaView, Quote, ReportData, ShareCount, Summary } from '../model.js';
import { isWebAddress } from '../../domain/document.js';

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#dde1e8;--bg:#fff;--card:#f7f8fb;--pos:${COLORS.positive};--neg:${COLORS.negative}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",Tahoma,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1080px;margin:0 auto;padding:24px}h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:17px;margin:20px 0 6px}.muted{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:start;vertical-align:top}th{background:var(--card);font-weight:600}
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums}.pos{color:var(--pos)}.neg{color:var(--neg)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}.persona{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0;break-inside:avoid}
.persona h3{margin-top:0}.tag{display:inline-block;background:#e8ecf5;border-radius:10px;padding:1px 8px;margin-block:2px;margin-inline:0 4px;font-size:13px}
blockquote{margin:6px 0;padding:6px 10px;border-inline-start:3px solid #9db0d6;background:#fff}blockquote .src{display:block;color:var(--muted);font-size:12px}
.caveat{background:#fff6e0;border:1px solid #f0d590;border-radius:6px;padding:8px 12px}nav a{margin-inline-end:12px}svg.chart{max-width:100%;height:auto;direction:ltr}
details summary{cursor:pointer;color:var(--muted)}.card{border:1px dashed #b6c2dc;border-radius:6px;padding:8px 10px;background:#fff}
@media print{main{padding:0}h2{break-after:avoid}.persona{page-break-inside:avoid}nav{display:none}a{color:inherit;text-decoration:none}}
`;

/** What every part of the page needs: the catalogue and the number formats of the report's language. */
interface Ctx {
  m: Messages;
  f: Formatter;
}

function netCell(c: Ctx, n: number): string {
  return `<td class="num ${n > 0.05 ? 'pos' : n < -0.05 ? 'neg' : ''}">${c.f.signed(n)}</td>`;
}

function stars(c: Ctx, x: number | undefined): string {
  return x === undefined ? '–' : `${c.f.fixed(x, 2)}★`;
}

function aspectTable(c: Ctx, list: AspectStanding[]): string {
  const { m, f } = c;
  if (!list.length) return `<p class="muted">${esc(m.note.noAspects)}</p>`;
  return `<table><thead><tr><th>${esc(m.col.aspect)}</th><th class="num">${esc(m.col.mentions)}</th><th class="num">${esc(m.col.positive)}</th><th class="num">${esc(m.col.negative)}</th><th class="num">${esc(m.col.net)}</th></tr></thead><tbody>${list
    .map(
      (a) =>
        `<tr><td>${esc(aspectName(m, a.aspect))}</td><td class="num">${f.num(a.mentions)}</td><td class="num">${f.num(a.positive)}</td><td class="num">${f.num(a.negative)}</td>${netCell(c, a.net)}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function phrases(c: Ctx, s: Summary): string {
  const list = (items: { phrase: string; count: number }[], cls: string) =>
    items.length
      ? items.map((p) => `<span class="tag ${cls}">${esc(p.phrase)} <span class="muted">${c.f.num(p.count)}</span></span>`).join('')
      : '<span class="muted">–</span>';
  return `<p><strong>${esc(c.m.note.topPositive)}</strong> ${list(s.topPositive, 'pos')}</p><p><strong>${esc(c.m.note.topNegative)}</strong> ${list(s.topNegative, 'neg')}</p>`;
}

function shares(c: Ctx, list: ShareCount[]): string {
  return list.length
    ? list
        .map(
          (s) =>
            `<span class="tag">${esc(attributeValueName(c.m, s.value))} ${c.f.pct(s.share)} <span class="muted">(${c.f.num(s.support)})</span></span>`,
        )
        .join('')
    : '<span class="muted">–</span>';
}

function quote(c: Ctx, q: Quote, names: Map<string, string>): string {
  const where = [
    q.brand ? (names.get(q.brand) ?? q.brand) : undefined,
    q.product ? (names.get(q.product) ?? q.product) : undefined,
    q.rating !== undefined ? `${c.f.fixed(q.rating, 1)}★` : undefined,
    q.publishedAt ? c.f.date(q.publishedAt) : undefined,
    q.author,
  ]
    .filter(Boolean)
    .join(' · ');
  // A quote keeps its own language and direction whatever the page's; the quotation marks are the page's.
  const lang = q.lang ? ` lang="${esc(q.lang)}"` : '';
  return `<blockquote><q><span${lang} dir="auto">${esc(q.text)}</span></q><span class="src">${esc(q.shows)} — ${esc(where)} — ${isWebAddress(q.url) ? `<a href="${esc(q.url)}">${esc(c.m.persona.source)}</a>` : `${esc(c.m.persona.source)}: ${esc(q.url)}`} <span class="muted">[${esc(q.docId)}]</span></span></blockquote>`;
}

function personaCard(c: Ctx, p: PersonaView, names: Map<string, string>): string {
  const { m, f } = c;
  const P = m.persona;
  const byBrand = Object.entries(p.shareByBrand)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([b, s]) =>
        `<span class="tag">${esc(names.get(b) ?? b)}: ${f.pct(s)} <span class="muted">(${f.num(p.membersByBrand[b] ?? 0)})</span></span>`,
    )
    .join('');
  const aspectList = (list: AspectStanding[]) =>
    list.length
      ? list
          .map(
            (a) =>
              `<span class="tag">${esc(aspectName(m, a.aspect))} ${f.signed(a.net)} <span class="muted">(${f.num(a.mentions)})</span></span>`,
          )
          .join('')
      : '<span class="muted">–</span>';
  const card = p.card;
  const cardRows = [
    card.ageRange ? [P.statedAge, card.ageRange] : undefined,
    card.roles.length ? [P.who, card.roles.join(m.comma)] : undefined,
    card.goals.length ? [P.goals, card.goals.join(m.comma)] : undefined,
    card.pains.length ? [P.pains, card.pains.join(m.comma)] : undefined,
    card.values.length ? [P.values, card.values.join(m.comma)] : undefined,
    card.buying.length ? [P.buying, card.buying.join(m.comma)] : undefined,
    card.channels.length ? [P.channels, card.channels.join(m.comma)] : undefined,
  ].filter((r): r is string[] => !!r);
  const attrs = Object.entries(p.attributes)
    .filter(([, list]) => list.length)
    .map(([t, list]) => `<tr><td>${esc(attributeTypeName(m, t))}</td><td>${shares(c, list)}</td></tr>`)
    .join('');
  return `<section class="persona" id="persona-${esc(p.id)}">
<h3>${esc(p.label)} <span class="muted">— ${esc(P.ofReviewers(f.pct(p.share), f.num(p.size)))}</span></h3>
<p>${esc(p.summary)}</p>
<p><strong>${esc(P.shareOfEachBrand)}</strong> ${byBrand || '<span class="muted">–</span>'}</p>
<div class="grid"><div><p><strong>${esc(P.loves)}</strong> ${aspectList(p.loves)}</p><p><strong>${esc(P.hates)}</strong> ${aspectList(p.hates)}</p>
<p><strong>${esc(P.motives)}</strong> ${shares(c, p.motives)}</p><p><strong>${esc(P.usage)}</strong> ${shares(c, p.usage)}</p>
<p><strong>${esc(P.priceSensitivity)}</strong> ${f.pct(p.priceSensitivity.share)} <span class="muted">(${f.num(p.priceSensitivity.support)})</span> · <strong>${esc(P.loyalty)}</strong> ${shares(c, p.loyalty)}</p>
<p><strong>${esc(P.avgRating)}</strong> ${p.avgRating ? `${f.fixed(p.avgRating.value, 2)}★ <span class="muted">(${esc(P.ratings(f.num(p.avgRating.support)))})</span>` : '–'} · <strong>${esc(P.sentiment)}</strong> <span class="pos">${f.num(p.sentiment.positive)}</span> / ${f.num(p.sentiment.neutral)} / <span class="neg">${f.num(p.sentiment.negative)}</span></p></div>
<div>${cardRows.length ? `<div class="card"><strong>${esc(P.illustrativeCard)}</strong> <span class="muted">${esc(P.statedFactsOnly)}</span><table>${cardRows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table></div>` : ''}</div></div>
${attrs ? `<details><summary>${esc(P.selfDisclosed)}</summary><table>${attrs}</table></details>` : ''}
<h4>${esc(P.whatTheySay)}</h4>${p.quotes.map((q) => quote(c, q, names)).join('') || `<p class="muted">${esc(m.note.noQuotes)}</p>`}
${p.counterEvidence.length ? `<h4>${esc(P.counterEvidence)}</h4>${p.counterEvidence.map((q) => quote(c, q, names)).join('')}` : ''}
${p.marketing.length ? `<h4>${esc(P.marketing)}</h4><ul>${p.marketing.map((r) => `<li>${esc(r.advice)} <span class="muted">— ${esc(r.because)}</span></li>`).join('')}</ul>` : ''}
<details><summary>${esc(P.evidence(f.num(p.evidence.length)))}</summary><p class="muted">${p.evidence.map(esc).join(' ')}</p></details>
</section>`;
}

/** Renders the report as one self-contained HTML page, in the report's language (`report.language`). */
export function renderHtml(r: ReportData, language: string | undefined = r.language): string {
  const m = messagesFor(language);
  const f = formatterFor(m.locale);
  const c: Ctx = { m, f };
  const text: ChartText = {
    num: f.num,
    signed: f.signed,
    net: (n) => m.chart.net(f.signed(n)),
    netOver: (n, k) => m.chart.netOver(f.signed(n), f.num(k)),
    noMentions: m.chart.noMentions,
  };
  const names = new Map<string, string>();
  for (const b of r.brands) {
    names.set(b.id, b.name);
    for (const p of b.products) names.set(p.id, p.name);
  }
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
  const matrix = r.matrix.aspects.length
    ? heatmap({
        title: m.chart.brandAspect,
        text,
        columns: r.matrix.aspects.map((a) => aspectName(m, a)),
        rows: r.matrix.rows.map((row) => ({ label: names.get(row.brand) ?? row.brand, cells: row.cells })),
      })
    : `<p class="muted">${esc(m.note.noAspectsYet)}</p>`;
  const personaShare = r.personas.length
    ? stackedBars({
        title: m.chart.personaShareByBrand,
        text,
        rows: r.brands.map((b) => ({
          label: b.name,
          parts: r.personas.map((p, i) => ({
            name: p.label,
            value: p.membersByBrand[b.id] ?? 0,
            color: COLORS.series[i % COLORS.series.length]!,
          })),
        })),
      })
    : '';
  const change = r.change.changes.length
    ? `<table><thead><tr><th>${esc(m.col.persona)}</th><th>${esc(m.col.change)}</th><th class="num">${esc(m.col.before)}</th><th class="num">${esc(m.col.now)}</th></tr></thead><tbody>${r.change.changes
        .map(
          (ch) =>
            `<tr><td>${esc(ch.label)}</td><td>${esc(m.status[ch.status])}</td><td class="num">${ch.shareBefore !== undefined ? f.pct(ch.shareBefore) : '–'}</td><td class="num">${ch.shareNow !== undefined ? f.pct(ch.shareNow) : '–'}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const themeList = r.themes?.themes ?? [];
  const trendTag = (t: (typeof themeList)[number]) =>
    t.change && t.change.trend !== 'steady'
      ? ` <span class="tag">${esc(m.trend[t.change.trend])} ${f.pct(t.change.before)} → ${f.pct(t.change.after)}, z = ${t.change.z}</span>`
      : '';
  const periods = r.themes?.periods;
  const themes = themeList.length
    ? `${barChart({ title: m.chart.themes, text, labels: themeList.map((t) => t.label), values: themeList.map((t) => t.volume), colors: themeList.map((t) => (t.net > 0.05 ? COLORS.positive : t.net < -0.05 ? COLORS.negative : COLORS.neutral)), notes: themeList.map((t) => text.net(t.net)) })}
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
      }`
    : '';
  const months = r.activity.byMonth.map((x) => x.month);
  const monthLabels = new Map(months.map((x) => [x, f.month(x)]));
  const trend = r.aspectTrend.length
    ? lineChart({
        title: m.chart.aspectTrend,
        text,
        x: months.map((x) => monthLabels.get(x)!),
        series: r.aspectTrend.map((t) => ({
          name: aspectName(m, t.aspect),
          points: t.points.map((p) => ({ x: monthLabels.get(p.month) ?? p.month, y: p.net })),
        })),
      })
    : '';
  const coverage = r.coverage
    .map(
      (s) =>
        `<tr><td>${esc(s.id)}${s.topReviewsOnly ? ` <span class="tag">${esc(m.tag.topReviewsOnly)}</span>` : ''}</td><td>${esc([s.brand && (names.get(s.brand) ?? s.brand), s.product && (names.get(s.product) ?? s.product)].filter(Boolean).join(' / '))}</td><td class="num">${f.num(s.documents)}</td><td class="num">${s.listed !== undefined ? f.num(s.listed) : '–'}</td><td class="num">${s.pages ? `${f.num(s.pages.fetched)} / ${f.num(s.pages.failed)} / ${f.num(s.pages.blocked)}` : '–'}</td><td>${esc(s.status ?? '–')}</td><td>${esc(s.lastRun ? f.dateTime(s.lastRun) : '–')}</td></tr>`,
    )
    .join('');
  const langs = Object.entries(r.totals.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `<span class="tag">${esc(l)} ${f.num(n)}</span>`)
    .join('');
  const H = m.heading;
  return `<!doctype html>
<html lang="${esc(m.lang)}" dir="${m.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(m.report.docTitle(r.project))}</title><style>${CSS}</style></head>
<body><main>
<header><h1>${esc(m.report.title(r.project))}</h1>
<p class="muted">${esc(m.report.generated({ when: f.dateTime(r.generatedAt), documents: f.num(r.totals.documents), reviews: f.num(r.totals.reviews), mentions: f.num(r.totals.mentions), analysed: f.num(r.totals.analysed), analyzer: r.analyzerVersions.join(', ') || '–' }))}</p>
<nav><a href="#brands">${esc(H.brands)}</a><a href="#matrix">${esc(H.keyDriversShort)}</a><a href="#themes">${esc(H.themes)}</a><a href="#personas">${esc(H.personas)}</a><a href="#activity">${esc(H.activity)}</a><a href="#coverage">${esc(H.coverage)}</a></nav></header>
${r.caveats.length ? `<div class="caveat"><strong>${esc(m.report.readWithCare)}</strong><ul>${r.caveats.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>` : ''}
<h2 id="brands">${esc(H.brands)}</h2>
<table><thead><tr><th>${esc(m.col.brand)}</th><th class="num">${esc(m.col.documents)}</th><th class="num">${esc(m.col.reviews)}</th><th class="num">${esc(m.col.mentions)}</th><th class="num">${esc(m.col.avgRating)}</th><th class="num">${esc(m.col.ratings)}</th><th class="num">${esc(m.col.netSentiment)}</th><th class="num">${esc(m.col.shareOfVoice)}</th></tr></thead><tbody>${brandRows}</tbody></table>
<p class="muted">${esc(m.note.shareOfVoice(f.num(r.totals.mentions)))}</p>
${sentimentChart}
${brandSections}
<h2 id="matrix">${esc(H.keyDrivers)}</h2><p class="muted">${esc(m.note.keyDrivers)}</p>${matrix}
${themes ? `<h2 id="themes">${esc(H.themes)}</h2>${themes}` : ''}
<h2 id="personas">${esc(H.personas)}</h2>
<p class="muted">${esc(m.note.personas({ clustered: f.num(r.totals.clustered), members: f.num(r.totals.members), incentivised: f.num(r.totals.excluded.incentivised), duplicate: f.num(r.totals.excluded.duplicate), unsupported: f.num(r.totals.excluded.unsupportedLanguage) }))}</p>
${personaShare}
${r.exclusivePersonas.length ? `<p><strong>${esc(m.note.onlyAtOneBrand)}</strong> ${r.exclusivePersonas.map((e) => `${esc(e.persona)} (${esc(names.get(e.brand) ?? e.brand)})`).join(esc(m.comma))}</p>` : ''}
${r.personas.map((p) => personaCard(c, p, names)).join('') || `<p class="muted">${esc(m.note.noPersona)}</p>`}
${change ? `<h3>${esc(H.change(r.change.previousAt ? f.date(r.change.previousAt) : undefined))}</h3>${change}` : ''}
<h2 id="activity">${esc(H.activity)}</h2>
<div class="grid"><div><h3>${esc(H.byHour)}</h3>${barChart({ title: m.chart.documentsByHour, text, labels: r.activity.byHour.map((_, i) => f.num(i)), values: r.activity.byHour })}</div>
<div><h3>${esc(H.byWeekday)}</h3>${barChart({ title: m.chart.documentsByWeekday, text, labels: f.weekdays, values: r.activity.byWeekday })}</div></div>
<h3>${esc(H.byMonth)}</h3>${barChart({ title: m.chart.documentsByMonth, text, labels: months.map((x) => monthLabels.get(x)!), values: r.activity.byMonth.map((x) => x.documents) })}
${trend ? `<h3>${esc(H.aspectTrend)}</h3>${trend}` : ''}
<h2 id="coverage">${esc(H.coverage)}</h2>
<table><thead><tr><th>${esc(m.col.source)}</th><th>${esc(m.col.brandProduct)}</th><th class="num">${esc(m.col.stored)}</th><th class="num">${esc(m.col.listed)}</th><th class="num">${esc(m.col.pages)}</th><th>${esc(m.col.lastRun)}</th><th>${esc(m.col.when)}</th></tr></thead><tbody>${coverage}</tbody></table>
<p><strong>${esc(m.report.languages)}</strong> ${langs}</p>
<footer class="muted"><p>${esc(m.report.footer)}</p></footer>
</main></body></html>
`;
}

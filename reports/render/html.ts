/**
 * The HTML report: one self-contained file — inline CSS and SVG charts, no scripts, no network —
 * that reads at a glance, shares as a file, and prints cleanly to PDF.
 */
import { barChart, COLORS, esc, heatmap, lineChart, stackedBars } from '../charts.js';
import type { AspectStanding, PersonaView, Quote, ReportData, ShareCount, Summary } from '../model.js';
import { isWebAddress } from '../../domain/document.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#dde1e8;--bg:#fff;--card:#f7f8fb;--pos:${COLORS.positive};--neg:${COLORS.negative}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1080px;margin:0 auto;padding:24px}h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:17px;margin:20px 0 6px}.muted{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}th{background:var(--card);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.pos{color:var(--pos)}.neg{color:var(--neg)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}.persona{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0;break-inside:avoid}
.persona h3{margin-top:0}.tag{display:inline-block;background:#e8ecf5;border-radius:10px;padding:1px 8px;margin:2px 4px 2px 0;font-size:13px}
blockquote{margin:6px 0;padding:6px 10px;border-left:3px solid #9db0d6;background:#fff}blockquote .src{display:block;color:var(--muted);font-size:12px}
.caveat{background:#fff6e0;border:1px solid #f0d590;border-radius:6px;padding:8px 12px}nav a{margin-right:12px}svg.chart{max-width:100%;height:auto}
details summary{cursor:pointer;color:var(--muted)}.card{border:1px dashed #b6c2dc;border-radius:6px;padding:8px 10px;background:#fff}
@media print{main{padding:0}h2{break-after:avoid}.persona{page-break-inside:avoid}nav{display:none}a{color:inherit;text-decoration:none}}
`;

function signed(n: number): string {
  return `${n > 0 ? '+' : ''}${n.toFixed(2)}`;
}

function netCell(n: number): string {
  return `<td class="num ${n > 0.05 ? 'pos' : n < -0.05 ? 'neg' : ''}">${signed(n)}</td>`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function stars(x: number | undefined): string {
  return x === undefined ? '–' : `${x.toFixed(2)}★`;
}

function aspectTable(list: AspectStanding[]): string {
  if (!list.length) return '<p class="muted">No aspects mentioned.</p>';
  return `<table><thead><tr><th>Aspect</th><th class="num">Mentions</th><th class="num">Positive</th><th class="num">Negative</th><th class="num">Net</th></tr></thead><tbody>${list
    .map(
      (a) =>
        `<tr><td>${esc(a.aspect)}</td><td class="num">${a.mentions}</td><td class="num">${a.positive}</td><td class="num">${a.negative}</td>${netCell(a.net)}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function phrases(s: Summary): string {
  const list = (items: { phrase: string; count: number }[], cls: string) =>
    items.length
      ? items.map((p) => `<span class="tag ${cls}">${esc(p.phrase)} <span class="muted">${p.count}</span></span>`).join('')
      : '<span class="muted">–</span>';
  return `<p><strong>Top positive phrases:</strong> ${list(s.topPositive, 'pos')}</p><p><strong>Top negative phrases:</strong> ${list(s.topNegative, 'neg')}</p>`;
}

function shares(list: ShareCount[]): string {
  return list.length
    ? list.map((s) => `<span class="tag">${esc(s.value)} ${pct(s.share)} <span class="muted">(${s.support})</span></span>`).join('')
    : '<span class="muted">–</span>';
}

function quote(q: Quote, names: Map<string, string>): string {
  const where = [
    q.brand ? (names.get(q.brand) ?? q.brand) : undefined,
    q.product ? (names.get(q.product) ?? q.product) : undefined,
    q.rating !== undefined ? `${q.rating}★` : undefined,
    q.publishedAt?.slice(0, 10),
    q.author,
  ]
    .filter(Boolean)
    .join(' · ');
  return `<blockquote>“${esc(q.text)}”<span class="src">${esc(q.shows)} — ${esc(where)} — ${isWebAddress(q.url) ? `<a href="${esc(q.url)}">source</a>` : `source: ${esc(q.url)}`} <span class="muted">[${esc(q.docId)}]</span></span></blockquote>`;
}

function personaCard(p: PersonaView, names: Map<string, string>): string {
  const byBrand = Object.entries(p.shareByBrand)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([b, s]) => `<span class="tag">${esc(names.get(b) ?? b)}: ${pct(s)} <span class="muted">(${p.membersByBrand[b] ?? 0})</span></span>`,
    )
    .join('');
  const aspectList = (list: AspectStanding[]) =>
    list.length
      ? list.map((a) => `<span class="tag">${esc(a.aspect)} ${signed(a.net)} <span class="muted">(${a.mentions})</span></span>`).join('')
      : '<span class="muted">–</span>';
  const card = p.card;
  const cardRows = [
    card.ageRange ? ['Stated age', card.ageRange] : undefined,
    card.roles.length ? ['Who (self-described)', card.roles.join(', ')] : undefined,
    card.goals.length ? ['Goals', card.goals.join(', ')] : undefined,
    card.pains.length ? ['Pains', card.pains.join(', ')] : undefined,
    card.values.length ? ['Values', card.values.join(', ')] : undefined,
    card.buying.length ? ['Buying behaviour', card.buying.join(', ')] : undefined,
    card.channels.length ? ['Channels', card.channels.join(', ')] : undefined,
  ].filter((r): r is string[] => !!r);
  const attrs = Object.entries(p.attributes)
    .filter(([, list]) => list.length)
    .map(([t, list]) => `<tr><td>${esc(t)}</td><td>${shares(list)}</td></tr>`)
    .join('');
  return `<section class="persona" id="persona-${esc(p.id)}">
<h3>${esc(p.label)} <span class="muted">— ${pct(p.share)} of reviewers (${p.size})</span></h3>
<p>${esc(p.summary)}</p>
<p><strong>Share of each brand's reviewers:</strong> ${byBrand || '<span class="muted">–</span>'}</p>
<div class="grid"><div><p><strong>Loves</strong> ${aspectList(p.loves)}</p><p><strong>Hates</strong> ${aspectList(p.hates)}</p>
<p><strong>Motives</strong> ${shares(p.motives)}</p><p><strong>Usage</strong> ${shares(p.usage)}</p>
<p><strong>Price sensitivity</strong> ${pct(p.priceSensitivity.share)} <span class="muted">(${p.priceSensitivity.support})</span> · <strong>Loyalty</strong> ${shares(p.loyalty)}</p>
<p><strong>Average rating</strong> ${p.avgRating ? `${p.avgRating.value.toFixed(2)}★ <span class="muted">(${p.avgRating.support} ratings)</span>` : '–'} · <strong>Sentiment</strong> <span class="pos">${p.sentiment.positive}</span> / ${p.sentiment.neutral} / <span class="neg">${p.sentiment.negative}</span></p></div>
<div>${cardRows.length ? `<div class="card"><strong>Illustrative card</strong> <span class="muted">(stated facts only)</span><table>${cardRows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table></div>` : ''}</div></div>
${attrs ? `<details><summary>Self-disclosed attributes</summary><table>${attrs}</table></details>` : ''}
<h4>What they say</h4>${p.quotes.map((q) => quote(q, names)).join('') || '<p class="muted">No quotes.</p>'}
${p.counterEvidence.length ? `<h4>Counter-evidence</h4>${p.counterEvidence.map((q) => quote(q, names)).join('')}` : ''}
${p.marketing.length ? `<h4>What it means for marketing</h4><ul>${p.marketing.map((m) => `<li>${esc(m.advice)} <span class="muted">— ${esc(m.because)}</span></li>`).join('')}</ul>` : ''}
<details><summary>Evidence: ${p.evidence.length} documents</summary><p class="muted">${p.evidence.map(esc).join(' ')}</p></details>
</section>`;
}

/** Renders the report as one self-contained HTML page. */
export function renderHtml(r: ReportData): string {
  const names = new Map<string, string>();
  for (const b of r.brands) {
    names.set(b.id, b.name);
    for (const p of b.products) names.set(p.id, p.name);
  }
  const sentimentChart = stackedBars({
    title: 'Sentiment by brand',
    rows: r.brands.map((b) => ({
      label: b.name,
      parts: [
        { name: 'positive', value: b.sentiment.positive, color: COLORS.positive },
        { name: 'neutral', value: b.sentiment.neutral, color: COLORS.neutral },
        { name: 'negative', value: b.sentiment.negative, color: COLORS.negative },
      ],
    })),
  });
  const brandRows = r.brands
    .map(
      (b) =>
        `<tr><td>${esc(b.name)}${b.own ? ' <span class="tag">own</span>' : ''}</td><td class="num">${b.documents}</td><td class="num">${b.reviews}</td><td class="num">${b.mentions}</td><td class="num">${stars(b.avgRating)}</td><td class="num">${b.ratingCount}</td>${netCell(b.net)}<td class="num">${pct(b.shareOfVoice)}</td></tr>`,
    )
    .join('');
  const brandSections = r.brands
    .map(
      (b) => `<h3>${esc(b.name)}${b.own ? ' <span class="tag">own brand</span>' : ''}</h3>
<table><thead><tr><th>Product</th><th class="num">Documents</th><th class="num">Avg rating</th><th class="num">Positive</th><th class="num">Neutral</th><th class="num">Negative</th><th class="num">Net</th></tr></thead><tbody>${b.products
        .map(
          (p) =>
            `<tr><td>${esc(p.name)}</td><td class="num">${p.documents}</td><td class="num">${stars(p.avgRating)}</td><td class="num">${p.sentiment.positive}</td><td class="num">${p.sentiment.neutral}</td><td class="num">${p.sentiment.negative}</td>${netCell(p.net)}</tr>`,
        )
        .join('')}</tbody></table>
${phrases(b)}${aspectTable(b.aspects.slice(0, 8))}`,
    )
    .join('');
  const matrix = r.matrix.aspects.length
    ? heatmap({
        title: 'Brand × aspect net sentiment',
        columns: r.matrix.aspects,
        rows: r.matrix.rows.map((row) => ({ label: names.get(row.brand) ?? row.brand, cells: row.cells })),
      })
    : '<p class="muted">No aspects yet.</p>';
  const personaShare = r.personas.length
    ? stackedBars({
        title: 'Persona share by brand',
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
    ? `<table><thead><tr><th>Persona</th><th>Change</th><th class="num">Before</th><th class="num">Now</th></tr></thead><tbody>${r.change.changes
        .map(
          (c) =>
            `<tr><td>${esc(c.label)}</td><td>${esc(c.status)}</td><td class="num">${c.shareBefore !== undefined ? pct(c.shareBefore) : '–'}</td><td class="num">${c.shareNow !== undefined ? pct(c.shareNow) : '–'}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const themeList = r.themes?.themes ?? [];
  const trendTag = (t: (typeof themeList)[number]) =>
    t.change && t.change.trend !== 'steady'
      ? ` <span class="tag">${t.change.trend} ${pct(t.change.before)} → ${pct(t.change.after)}, z = ${t.change.z}</span>`
      : '';
  const themes = themeList.length
    ? `${barChart({ title: 'Documents per theme, coloured by net sentiment', labels: themeList.map((t) => t.label), values: themeList.map((t) => t.volume), colors: themeList.map((t) => (t.net > 0.05 ? COLORS.positive : t.net < -0.05 ? COLORS.negative : COLORS.neutral)), notes: themeList.map((t) => `net ${signed(t.net)}`) })}
<p class="muted">Bar height: documents mentioning the theme; colour: net sentiment (green above +0.05, red below −0.05, grey between). A theme's net sentiment counts documents (positive − negative documents that mention it, over those documents); the key drivers above count mentions, so the two can differ for the same aspect.</p>
<table><thead><tr><th>Theme</th><th>Terms</th><th class="num">Documents</th><th class="num">Share</th><th class="num">Net sentiment (documents)</th><th>By brand (net, documents)</th></tr></thead><tbody>${themeList
        .map(
          (t) =>
            `<tr><td>${esc(t.label)}${t.source === 'discovered' ? ' <span class="tag">discovered</span>' : ''}${trendTag(t)}</td><td>${esc(t.terms.join(', '))}</td><td class="num">${t.volume}</td><td class="num">${pct(t.share)}</td>${netCell(t.net)}<td>${esc(
              Object.entries(t.byBrand)
                .map(([b, sl]) => `${names.get(b) ?? b} ${signed(sl.net)} (${sl.volume})`)
                .join('; '),
            )}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table>${r.themes.periods ? `<p class="muted">Emerging and fading: share of documents ${esc(r.themes.periods.recent.from)}–${esc(r.themes.periods.recent.to)} (${r.themes.periods.recent.documents}) against ${esc(r.themes.periods.previous.from)}–${esc(r.themes.periods.previous.to)} (${r.themes.periods.previous.documents}), two-proportion z-test at p &lt; 0.05.</p>` : '<p class="muted">Too few dated documents in two comparable periods (the last 90 days and the 90 before, or the two halves of a shorter span) to flag emerging themes.</p>'}`
    : '';
  const months = r.activity.byMonth.map((m) => m.month);
  const trend = r.aspectTrend.length
    ? lineChart({
        title: 'Aspect net sentiment by month',
        x: months,
        series: r.aspectTrend.map((t) => ({ name: t.aspect, points: t.points.map((p) => ({ x: p.month, y: p.net })) })),
      })
    : '';
  const coverage = r.coverage
    .map(
      (c) =>
        `<tr><td>${esc(c.id)}${c.topReviewsOnly ? ' <span class="tag">top reviews only</span>' : ''}</td><td>${esc([c.brand && (names.get(c.brand) ?? c.brand), c.product && (names.get(c.product) ?? c.product)].filter(Boolean).join(' / '))}</td><td class="num">${c.documents}</td><td class="num">${c.listed ?? '–'}</td><td class="num">${c.pages ? `${c.pages.fetched} / ${c.pages.failed} / ${c.pages.blocked}` : '–'}</td><td>${esc(c.status ?? '–')}</td><td>${esc(c.lastRun?.slice(0, 16).replace('T', ' ') ?? '–')}</td></tr>`,
    )
    .join('');
  const langs = Object.entries(r.totals.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `<span class="tag">${esc(l)} ${n}</span>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(r.project)} — Review Radar report</title><style>${CSS}</style></head>
<body><main>
<header><h1>${esc(r.project)}: what customers think</h1>
<p class="muted">Review Radar report · generated ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC · ${r.totals.documents} documents (${r.totals.reviews} reviews, ${r.totals.mentions} mentions) · ${r.totals.analysed} analysed · analyzer ${esc(r.analyzerVersions.join(', ') || '–')}</p>
<nav><a href="#brands">Brands</a><a href="#matrix">Key drivers</a><a href="#themes">Themes</a><a href="#personas">Personas</a><a href="#activity">Activity</a><a href="#coverage">Coverage</a></nav></header>
${r.caveats.length ? `<div class="caveat"><strong>Read with care:</strong><ul>${r.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></div>` : ''}
<h2 id="brands">Brands</h2>
<table><thead><tr><th>Brand</th><th class="num">Documents</th><th class="num">Reviews</th><th class="num">Mentions</th><th class="num">Avg rating</th><th class="num">Ratings</th><th class="num">Net sentiment</th><th class="num">Share of voice</th></tr></thead><tbody>${brandRows}</tbody></table>
<p class="muted">Share of voice: the share of all ${r.totals.mentions} mentions that name the brand; a mention naming several brands counts for each, so shares can add up to more than 100%.</p>
${sentimentChart}
${brandSections}
<h2 id="matrix">Key drivers: brand × aspect</h2><p class="muted">Net sentiment (positive − negative mentions, over mentions) with the number of mentions in brackets.</p>${matrix}
${themes ? `<h2 id="themes">Themes</h2>${themes}` : ''}
<h2 id="personas">Personas</h2>
<p class="muted">${r.totals.clustered} of ${r.totals.members} reviewers fall into a persona with enough support. Kept out: ${r.totals.excluded.incentivised} incentivised, ${r.totals.excluded.duplicate} duplicated, ${r.totals.excluded.unsupportedLanguage} unsupported-language documents.</p>
${personaShare}
${r.exclusivePersonas.length ? `<p><strong>Only at one brand:</strong> ${r.exclusivePersonas.map((e) => `${esc(e.persona)} (${esc(names.get(e.brand) ?? e.brand)})`).join(', ')}</p>` : ''}
${r.personas.map((p) => personaCard(p, names)).join('') || '<p class="muted">No persona reached the minimum support.</p>'}
${change ? `<h3>Change since the previous report${r.change.previousAt ? ` (${esc(r.change.previousAt.slice(0, 10))})` : ''}</h3>${change}` : ''}
<h2 id="activity">Activity</h2>
<div class="grid"><div><h3>By hour of day (UTC)</h3>${barChart({ title: 'Documents by hour of day', labels: r.activity.byHour.map((_, i) => String(i)), values: r.activity.byHour })}</div>
<div><h3>By weekday</h3>${barChart({ title: 'Documents by weekday', labels: WEEKDAYS, values: r.activity.byWeekday })}</div></div>
<h3>By month</h3>${barChart({ title: 'Documents by month', labels: months, values: r.activity.byMonth.map((m) => m.documents) })}
${trend ? `<h3>Aspect sentiment over time</h3>${trend}` : ''}
<h2 id="coverage">Coverage</h2>
<table><thead><tr><th>Source</th><th>Brand / product</th><th class="num">Stored</th><th class="num">Listed</th><th class="num">Pages ok / failed / blocked</th><th>Last run</th><th>When</th></tr></thead><tbody>${coverage}</tbody></table>
<p><strong>Languages:</strong> ${langs}</p>
<footer class="muted"><p>Reviewer identities are pseudonymous keys; e-mail addresses and phone numbers are redacted from quotes. Figures carry their support in brackets. Generated by Review Radar.</p></footer>
</main></body></html>
`;
}

/**
 * Personas: attitudinal segments of reviewers with their cards, evidence quotes, brand shares and
 * change since the previous report. Computed by reports/personas/ (buildPersonas, comparePersonas).
 */
import { COLORS, esc, stackedBars } from '../charts.js';
import { aspectName, attributeTypeName } from '../i18n/messages.js';
import { renderPersonasCsv } from '../render/csv.js';
import type { AspectStanding, PersonaView, ReportData } from '../model.js';
import type { RenderContext } from './context.js';
import { quote, shares } from './html-parts.js';
import { aspects, md, shares as shareLine, source, table } from './markdown-parts.js';
import type { ReportSection } from './section.js';

function personaCard(c: RenderContext, p: PersonaView, names: Map<string, string>): string {
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

function personaMarkdown(c: RenderContext, p: PersonaView, names: Map<string, string>): string {
  const { m, f } = c;
  const P = m.persona;
  const lines = [
    `### ${md(p.label)} — ${md(P.ofReviewers(f.pct(p.share), f.num(p.size)))}`,
    '',
    md(p.summary),
    '',
    `- **${md(P.shareOfEachBrand)}** ${
      Object.entries(p.shareByBrand)
        .map(([b, s]) => `${md(names.get(b) ?? b)} ${f.pct(s)} (${f.num(p.membersByBrand[b] ?? 0)})`)
        .join(m.comma) || '–'
    }`,
    `- **${md(P.loves)}:** ${aspects(c, p.loves)}`,
    `- **${md(P.hates)}:** ${aspects(c, p.hates)}`,
    `- **${md(P.motives)}:** ${shareLine(c, p.motives)}`,
    `- **${md(P.usage)}:** ${shareLine(c, p.usage)}`,
    `- **${md(P.priceSensitivity)}:** ${f.pct(p.priceSensitivity.share)} (${f.num(p.priceSensitivity.support)})`,
    `- **${md(P.loyalty)}:** ${shareLine(c, p.loyalty)}`,
    `- **${md(P.channels)}:** ${shareLine(c, p.channels)}`,
    `- **${md(P.avgRating)}:** ${p.avgRating ? `${f.fixed(p.avgRating.value, 2)}★ (${md(P.ratings(f.num(p.avgRating.support)))})` : '–'}`,
    `- **${md(P.sentiment)}:** ${f.num(p.sentiment.positive)} ${md(m.polarity.positive)} / ${f.num(p.sentiment.neutral)} ${md(m.polarity.neutral)} / ${f.num(p.sentiment.negative)} ${md(m.polarity.negative)}`,
  ];
  const attrs = Object.entries(p.attributes).filter(([, l]) => l.length);
  if (attrs.length)
    lines.push(`- **${md(P.selfDisclosed)}:** ${attrs.map(([t, l]) => `${md(attributeTypeName(m, t))}: ${shareLine(c, l)}`).join('; ')}`);
  if (p.card.ageRange) lines.push(`- **${md(P.statedAge)}:** ${md(p.card.ageRange)}`);
  lines.push('', `**${md(P.whatTheySay)}**`, '');
  for (const q of p.quotes)
    lines.push(
      `> “${md(q.text)}”  `,
      `> — ${md(q.shows)}; ${[q.brand && (names.get(q.brand) ?? q.brand), q.product && (names.get(q.product) ?? q.product), q.rating !== undefined ? `${f.fixed(q.rating, 1)}★` : undefined, q.publishedAt ? f.date(q.publishedAt) : undefined].filter(Boolean).map(md).join(m.comma)} (${source(m, q.url)}, ${md(q.docId)})`,
      '',
    );
  if (p.counterEvidence.length) {
    lines.push(`**${md(P.counterEvidence)}**`, '');
    for (const q of p.counterEvidence) lines.push(`> “${md(q.text)}” — ${md(q.shows)} (${source(m, q.url)}, ${md(q.docId)})`, '');
  }
  if (p.marketing.length) {
    lines.push(`**${md(P.marketing)}**`, '');
    for (const r of p.marketing) lines.push(`- ${md(r.advice)} _(${md(r.because)})_`);
    lines.push('');
  }
  lines.push(
    `<details><summary>${md(P.evidence(f.num(p.evidence.length)))}</summary>\n\n${p.evidence.map(md).join(' ')}\n\n</details>`,
    '',
  );
  return lines.join('\n');
}

function html(r: ReportData, c: RenderContext): string {
  const { m, f, text, names } = c;
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
  return `<h2 id="personas">${esc(m.heading.personas)}</h2>
<p class="muted">${esc(m.note.personas({ clustered: f.num(r.totals.clustered), members: f.num(r.totals.members), incentivised: f.num(r.totals.excluded.incentivised), duplicate: f.num(r.totals.excluded.duplicate), unsupported: f.num(r.totals.excluded.unsupportedLanguage) }))}</p>
${personaShare}
${r.exclusivePersonas.length ? `<p><strong>${esc(m.note.onlyAtOneBrand)}</strong> ${r.exclusivePersonas.map((e) => `${esc(e.persona)} (${esc(names.get(e.brand) ?? e.brand)})`).join(esc(m.comma))}</p>` : ''}
${r.personas.map((p) => personaCard(c, p, names)).join('') || `<p class="muted">${esc(m.note.noPersona)}</p>`}
${change ? `<h3>${esc(m.heading.change(r.change.previousAt ? f.date(r.change.previousAt) : undefined))}</h3>${change}` : ''}`;
}

function markdown(r: ReportData, c: RenderContext): string {
  const { m, f, names } = c;
  const C = m.col;
  const out: string[] = [
    `## ${md(m.heading.personas)}`,
    '',
    md(
      m.note.personas({
        clustered: f.num(r.totals.clustered),
        members: f.num(r.totals.members),
        incentivised: f.num(r.totals.excluded.incentivised),
        duplicate: f.num(r.totals.excluded.duplicate),
        unsupported: f.num(r.totals.excluded.unsupportedLanguage),
      }),
    ),
    '',
  ];
  for (const p of r.personas) out.push(personaMarkdown(c, p, names));
  if (r.exclusivePersonas.length)
    out.push(
      `**${md(m.note.onlyAtOneBrand)}** ${r.exclusivePersonas.map((e) => `${md(e.persona)} (${md(names.get(e.brand) ?? e.brand)})`).join(m.comma)}`,
      '',
    );
  if (r.change.changes.length) {
    out.push(`### ${md(m.heading.change(r.change.previousAt ? f.date(r.change.previousAt) : undefined))}`, '');
    out.push(
      table(
        [C.persona, C.change, C.before, C.now].map(md),
        r.change.changes.map((x) => [
          x.label,
          m.status[x.status],
          x.shareBefore !== undefined ? f.pct(x.shareBefore) : '–',
          x.shareNow !== undefined ? f.pct(x.shareNow) : '–',
        ]),
      ),
      '',
    );
  }
  return out.join('\n');
}

/** Personas, their evidence and their change. */
export const personasSection: ReportSection = {
  id: 'personas',
  nav: (m) => m.heading.personas,
  data: ['personas', 'exclusivePersonas', 'change', 'totals'],
  html,
  markdown,
  csv: [{ file: 'personas.csv', render: renderPersonasCsv }],
};

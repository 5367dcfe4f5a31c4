/** The Markdown report: the same content as the HTML page, as tables and lists. */
import type { AspectStanding, PersonaView, ReportData, ShareCount } from '../model.js';
import { isWebAddress } from '../../domain/document.js';

/**
 * Text from reviews, pages and the config as Markdown that shows it as written: no raw HTML, no
 * links, no emphasis made from what a reviewer typed.
 */
function md(text: string | number | undefined): string {
  return String(text ?? '')
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

/** A link to a source: web addresses only; anything else (an imported file's row) is shown as text. */
function source(url: string): string {
  return isWebAddress(url) ? `[source](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)` : `source: ${md(url)}`;
}

/** Markdown this file wrote itself (emphasis), put into a table cell as it is. */
class Raw {
  constructor(readonly text: string) {}
}

function cell(text: string | number | undefined | Raw): string {
  return text instanceof Raw ? text.text : text === undefined ? '–' : md(text);
}

function signed(n: number): string {
  return `${n > 0 ? '+' : ''}${n.toFixed(2)}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function table(head: string[], rows: (string | number | undefined | Raw)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

function aspects(list: AspectStanding[]): string {
  return list.length ? list.map((a) => `${md(a.aspect)} ${signed(a.net)} (${a.mentions})`).join(', ') : '–';
}

function shares(list: ShareCount[]): string {
  return list.length ? list.map((s) => `${md(s.value)} ${pct(s.share)} (${s.support})`).join(', ') : '–';
}

function persona(p: PersonaView, names: Map<string, string>): string {
  const lines = [
    `### ${md(p.label)} — ${pct(p.share)} of reviewers (${p.size})`,
    '',
    md(p.summary),
    '',
    `- **Share of each brand's reviewers:** ${
      Object.entries(p.shareByBrand)
        .map(([b, s]) => `${md(names.get(b) ?? b)} ${pct(s)} (${p.membersByBrand[b] ?? 0})`)
        .join(', ') || '–'
    }`,
    `- **Loves:** ${aspects(p.loves)}`,
    `- **Hates:** ${aspects(p.hates)}`,
    `- **Motives:** ${shares(p.motives)}`,
    `- **Usage:** ${shares(p.usage)}`,
    `- **Price sensitivity:** ${pct(p.priceSensitivity.share)} (${p.priceSensitivity.support})`,
    `- **Loyalty:** ${shares(p.loyalty)}`,
    `- **Channels:** ${shares(p.channels)}`,
    `- **Average rating:** ${p.avgRating ? `${p.avgRating.value.toFixed(2)}★ (${p.avgRating.support} ratings)` : '–'}`,
    `- **Sentiment:** ${p.sentiment.positive} positive / ${p.sentiment.neutral} neutral / ${p.sentiment.negative} negative`,
  ];
  const attrs = Object.entries(p.attributes).filter(([, l]) => l.length);
  if (attrs.length) lines.push(`- **Self-disclosed:** ${attrs.map(([t, l]) => `${md(t)}: ${shares(l)}`).join('; ')}`);
  if (p.card.ageRange) lines.push(`- **Stated age:** ${md(p.card.ageRange)}`);
  lines.push('', '**What they say**', '');
  for (const q of p.quotes)
    lines.push(
      `> “${md(q.text)}”  `,
      `> — ${md(q.shows)}; ${[q.brand && (names.get(q.brand) ?? q.brand), q.product && (names.get(q.product) ?? q.product), q.rating !== undefined ? `${q.rating}★` : undefined, q.publishedAt?.slice(0, 10)].filter(Boolean).map(md).join(', ')} (${source(q.url)}, ${md(q.docId)})`,
      '',
    );
  if (p.counterEvidence.length) {
    lines.push('**Counter-evidence**', '');
    for (const q of p.counterEvidence) lines.push(`> “${md(q.text)}” — ${md(q.shows)} (${source(q.url)}, ${md(q.docId)})`, '');
  }
  if (p.marketing.length) {
    lines.push('**What it means for marketing**', '');
    for (const m of p.marketing) lines.push(`- ${md(m.advice)} _(${md(m.because)})_`);
    lines.push('');
  }
  lines.push(`<details><summary>Evidence: ${p.evidence.length} documents</summary>\n\n${p.evidence.map(md).join(' ')}\n\n</details>`, '');
  return lines.join('\n');
}

/** Renders the report as Markdown. */
export function renderMarkdown(r: ReportData): string {
  const names = new Map<string, string>();
  for (const b of r.brands) {
    names.set(b.id, b.name);
    for (const p of b.products) names.set(p.id, p.name);
  }
  const out: string[] = [
    `# ${md(r.project)}: what customers think`,
    '',
    `Review Radar report, generated ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC — ${r.totals.documents} documents (${r.totals.reviews} reviews, ${r.totals.mentions} mentions), ${r.totals.analysed} analysed.`,
    '',
  ];
  if (r.caveats.length) out.push('**Read with care:**', '', ...r.caveats.map((c) => `- ${md(c)}`), '');
  out.push(
    '## Brands',
    '',
    table(
      ['Brand', 'Own', 'Documents', 'Reviews', 'Mentions', 'Avg rating', 'Net sentiment', 'Share of voice'],
      r.brands.map((b) => [
        b.name,
        b.own ? 'yes' : '',
        b.documents,
        b.reviews,
        b.mentions,
        b.avgRating?.toFixed(2),
        signed(b.net),
        pct(b.shareOfVoice),
      ]),
    ),
    '',
    `Share of voice: the share of all ${r.totals.mentions} mentions that name the brand; a mention naming several brands counts for each, so shares can add up to more than 100%.`,
    '',
  );
  for (const b of r.brands) {
    out.push(`### ${md(b.name)}`, '');
    out.push(
      table(
        ['Product', 'Documents', 'Avg rating', 'Positive', 'Neutral', 'Negative', 'Net'],
        b.products.map((p) => [
          p.name,
          p.documents,
          p.avgRating?.toFixed(2),
          p.sentiment.positive,
          p.sentiment.neutral,
          p.sentiment.negative,
          signed(p.net),
        ]),
      ),
      '',
    );
    out.push(`- **Top positive phrases:** ${b.topPositive.map((p) => `${md(p.phrase)} (${p.count})`).join(', ') || '–'}`);
    out.push(`- **Top negative phrases:** ${b.topNegative.map((p) => `${md(p.phrase)} (${p.count})`).join(', ') || '–'}`);
    out.push(`- **Aspects:** ${aspects(b.aspects.slice(0, 8))}`, '');
  }
  if (r.matrix.aspects.length) {
    out.push(
      '## Key drivers: brand × aspect net sentiment',
      '',
      "Net sentiment of the aspect's mentions (positive − negative mentions, over mentions), with the number of mentions in brackets.",
      '',
    );
    out.push(
      table(
        ['Brand', ...r.matrix.aspects.map(md)],
        r.matrix.rows.map((row) => [
          names.get(row.brand) ?? row.brand,
          ...row.cells.map((c) => (c ? `${signed(c.net)} (${c.mentions})` : '–')),
        ]),
      ),
      '',
    );
  }
  const themeList = r.themes?.themes ?? [];
  if (themeList.length) {
    out.push('## Themes', '');
    out.push(
      table(
        ['Theme', 'Terms', 'Documents', 'Share', 'Net (documents)', 'Trend'],
        themeList.map((t) => [
          t.label + (t.source === 'discovered' ? ' (discovered)' : ''),
          t.terms.join(', '),
          t.volume,
          pct(t.share),
          signed(t.net),
          t.change && t.change.trend !== 'steady'
            ? new Raw(`**${t.change.trend}** ${pct(t.change.before)} → ${pct(t.change.after)} (z = ${t.change.z})`)
            : '',
        ]),
      ),
      '',
    );
    const p = r.themes.periods;
    out.push(
      p
        ? `Trend: share of documents ${p.recent.from}–${p.recent.to} (${p.recent.documents}) against ${p.previous.from}–${p.previous.to} (${p.previous.documents}), two-proportion z-test at p < 0.05.`
        : 'Too few dated documents in two comparable periods (the last 90 days and the 90 before, or the two halves of a shorter span) to flag emerging themes.',
      '',
    );
  }
  out.push('## Personas', '', `${r.totals.clustered} of ${r.totals.members} reviewers fall into a persona with enough support.`, '');
  for (const p of r.personas) out.push(persona(p, names));
  if (r.exclusivePersonas.length)
    out.push(
      `**Only at one brand:** ${r.exclusivePersonas.map((e) => `${md(e.persona)} (${md(names.get(e.brand) ?? e.brand)})`).join(', ')}`,
      '',
    );
  if (r.change.changes.length) {
    out.push('### Change since the previous report', '');
    out.push(
      table(
        ['Persona', 'Change', 'Before', 'Now'],
        r.change.changes.map((c) => [
          c.label,
          c.status,
          c.shareBefore !== undefined ? pct(c.shareBefore) : '–',
          c.shareNow !== undefined ? pct(c.shareNow) : '–',
        ]),
      ),
      '',
    );
  }
  out.push(
    '## Activity',
    '',
    table(['Hour (UTC)', ...r.activity.byHour.map((_, i) => String(i))], [['documents', ...r.activity.byHour]]),
    '',
  );
  out.push(table(['Weekday', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], [['documents', ...r.activity.byWeekday]]), '');
  out.push(
    table(
      ['Month', 'Documents', 'Net sentiment'],
      r.activity.byMonth.map((m) => [m.month, m.documents, signed(m.net)]),
    ),
    '',
  );
  out.push(
    '## Coverage',
    '',
    table(
      ['Source', 'Brand / product', 'Stored', 'Listed', 'Pages ok/failed/blocked', 'Last run'],
      r.coverage.map((c) => [
        c.id + (c.topReviewsOnly ? ' (top reviews only)' : ''),
        [c.brand && (names.get(c.brand) ?? c.brand), c.product && (names.get(c.product) ?? c.product)].filter(Boolean).join(' / '),
        c.documents,
        c.listed,
        c.pages ? `${c.pages.fetched}/${c.pages.failed}/${c.pages.blocked}` : '–',
        c.status,
      ]),
    ),
    '',
  );
  out.push(
    `Languages: ${Object.entries(r.totals.languages)
      .map(([l, n]) => `${md(l)} ${n}`)
      .join(', ')}`,
    '',
  );
  return out.join('\n');
}

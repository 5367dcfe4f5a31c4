/** The Markdown report: the same content as the HTML page, as tables and lists. */
import { type Formatter, formatterFor } from '../i18n/format.js';
import { aspectName, attributeTypeName, attributeValueName, type Messages, messagesFor } from '../i18n/messages.js';
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
function source(m: Messages, url: string): string {
  const word = md(m.persona.source);
  return isWebAddress(url) ? `[${word}](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)` : `${word}: ${md(url)}`;
}

/** Markdown this file wrote itself (emphasis), put into a table cell as it is. */
class Raw {
  constructor(readonly text: string) {}
}

function cell(text: string | number | undefined | Raw): string {
  return text instanceof Raw ? text.text : text === undefined ? '–' : md(text);
}

function table(head: string[], rows: (string | number | undefined | Raw)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

/** The catalogue and number formats of the report's language. */
interface Ctx {
  m: Messages;
  f: Formatter;
}

function aspects(c: Ctx, list: AspectStanding[]): string {
  return list.length
    ? list.map((a) => `${md(aspectName(c.m, a.aspect))} ${c.f.signed(a.net)} (${c.f.num(a.mentions)})`).join(c.m.comma)
    : '–';
}

function shares(c: Ctx, list: ShareCount[]): string {
  return list.length
    ? list.map((s) => `${md(attributeValueName(c.m, s.value))} ${c.f.pct(s.share)} (${c.f.num(s.support)})`).join(c.m.comma)
    : '–';
}

function persona(c: Ctx, p: PersonaView, names: Map<string, string>): string {
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
    `- **${md(P.motives)}:** ${shares(c, p.motives)}`,
    `- **${md(P.usage)}:** ${shares(c, p.usage)}`,
    `- **${md(P.priceSensitivity)}:** ${f.pct(p.priceSensitivity.share)} (${f.num(p.priceSensitivity.support)})`,
    `- **${md(P.loyalty)}:** ${shares(c, p.loyalty)}`,
    `- **${md(P.channels)}:** ${shares(c, p.channels)}`,
    `- **${md(P.avgRating)}:** ${p.avgRating ? `${f.fixed(p.avgRating.value, 2)}★ (${md(P.ratings(f.num(p.avgRating.support)))})` : '–'}`,
    `- **${md(P.sentiment)}:** ${f.num(p.sentiment.positive)} ${md(m.polarity.positive)} / ${f.num(p.sentiment.neutral)} ${md(m.polarity.neutral)} / ${f.num(p.sentiment.negative)} ${md(m.polarity.negative)}`,
  ];
  const attrs = Object.entries(p.attributes).filter(([, l]) => l.length);
  if (attrs.length)
    lines.push(`- **${md(P.selfDisclosed)}:** ${attrs.map(([t, l]) => `${md(attributeTypeName(m, t))}: ${shares(c, l)}`).join('; ')}`);
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

/** Renders the report as Markdown, in the report's language (`report.language`). */
export function renderMarkdown(r: ReportData, language: string | undefined = r.language): string {
  const m = messagesFor(language);
  const f = formatterFor(m.locale);
  const c: Ctx = { m, f };
  const C = m.col;
  const names = new Map<string, string>();
  for (const b of r.brands) {
    names.set(b.id, b.name);
    for (const p of b.products) names.set(p.id, p.name);
  }
  const out: string[] = [
    `# ${md(m.report.title(r.project))}`,
    '',
    `${md(m.report.generated({ when: f.dateTime(r.generatedAt), documents: f.num(r.totals.documents), reviews: f.num(r.totals.reviews), mentions: f.num(r.totals.mentions), analysed: f.num(r.totals.analysed), analyzer: r.analyzerVersions.join(', ') || '–' }))}`,
    '',
  ];
  if (r.caveats.length) out.push(`**${md(m.report.readWithCare)}**`, '', ...r.caveats.map((x) => `- ${md(x)}`), '');
  out.push(
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
  );
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
  if (r.matrix.aspects.length) {
    out.push(`## ${md(m.heading.keyDrivers)}`, '', md(m.note.keyDrivers), '');
    out.push(
      table(
        [md(C.brand), ...r.matrix.aspects.map((a) => md(aspectName(m, a)))],
        r.matrix.rows.map((row) => [
          names.get(row.brand) ?? row.brand,
          ...row.cells.map((x) => (x ? `${f.signed(x.net)} (${f.num(x.mentions)})` : '–')),
        ]),
      ),
      '',
    );
  }
  const themeList = r.themes?.themes ?? [];
  if (themeList.length) {
    out.push(`## ${md(m.heading.themes)}`, '');
    out.push(
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
    );
    const p = r.themes.periods;
    out.push(
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
    );
  }
  out.push(
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
  );
  for (const p of r.personas) out.push(persona(c, p, names));
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
  out.push(
    `## ${md(m.heading.activity)}`,
    '',
    table([md(C.hour), ...r.activity.byHour.map((_, i) => f.num(i))], [[md(C.documents), ...r.activity.byHour.map(f.num)]]),
    '',
  );
  out.push(table([md(C.weekday), ...f.weekdays.map(md)], [[md(C.documents), ...r.activity.byWeekday.map(f.num)]]), '');
  out.push(
    table(
      [C.month, C.documents, C.netSentiment].map(md),
      r.activity.byMonth.map((x) => [f.month(x.month), f.num(x.documents), f.signed(x.net)]),
    ),
    '',
  );
  out.push(
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
  );
  out.push(
    `${md(m.report.languages)} ${Object.entries(r.totals.languages)
      .map(([l, n]) => `${md(l)} ${f.num(n)}`)
      .join(m.comma)}`,
    '',
  );
  return out.join('\n');
}

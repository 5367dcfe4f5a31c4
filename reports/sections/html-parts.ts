/** Pieces of the HTML report that several sections use: cells, tag lists, quotes. All text is escaped. */
import { esc } from '../charts.js';
import { aspectName, attributeValueName } from '../i18n/messages.js';
import type { AspectStanding, Quote, ShareCount, Summary } from '../model.js';
import { isWebAddress } from '../../domain/document.js';
import type { RenderContext } from './context.js';

/** A table cell with a net score, coloured by its sign. */
export function netCell(c: RenderContext, n: number): string {
  return `<td class="num ${n > 0.05 ? 'pos' : n < -0.05 ? 'neg' : ''}">${c.f.signed(n)}</td>`;
}

/** An average rating with a star, or a dash. */
export function stars(c: RenderContext, x: number | undefined): string {
  return x === undefined ? '–' : `${c.f.fixed(x, 2)}★`;
}

/** The table of aspect standings. */
export function aspectTable(c: RenderContext, list: AspectStanding[]): string {
  const { m, f } = c;
  if (!list.length) return `<p class="muted">${esc(m.note.noAspects)}</p>`;
  return `<table><thead><tr><th>${esc(m.col.aspect)}</th><th class="num">${esc(m.col.mentions)}</th><th class="num">${esc(m.col.positive)}</th><th class="num">${esc(m.col.negative)}</th><th class="num">${esc(m.col.net)}</th></tr></thead><tbody>${list
    .map(
      (a) =>
        `<tr><td>${esc(aspectName(m, a.aspect))}</td><td class="num">${f.num(a.mentions)}</td><td class="num">${f.num(a.positive)}</td><td class="num">${f.num(a.negative)}</td>${netCell(c, a.net)}</tr>`,
    )
    .join('')}</tbody></table>`;
}

/** Top positive and negative phrases of a brand or product. */
export function phrases(c: RenderContext, s: Summary): string {
  const list = (items: { phrase: string; count: number }[], cls: string) =>
    items.length
      ? items.map((p) => `<span class="tag ${cls}">${esc(p.phrase)} <span class="muted">${c.f.num(p.count)}</span></span>`).join('')
      : '<span class="muted">–</span>';
  return `<p><strong>${esc(c.m.note.topPositive)}</strong> ${list(s.topPositive, 'pos')}</p><p><strong>${esc(c.m.note.topNegative)}</strong> ${list(s.topNegative, 'neg')}</p>`;
}

/** Attribute values with their shares, as tags. */
export function shares(c: RenderContext, list: ShareCount[]): string {
  return list.length
    ? list
        .map(
          (s) =>
            `<span class="tag">${esc(attributeValueName(c.m, s.value))} ${c.f.pct(s.share)} <span class="muted">(${c.f.num(s.support)})</span></span>`,
        )
        .join('')
    : '<span class="muted">–</span>';
}

/** One quote with where it comes from and a link to its source. */
export function quote(c: RenderContext, q: Quote, names: Map<string, string>): string {
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

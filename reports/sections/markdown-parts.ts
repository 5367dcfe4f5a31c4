/** Pieces of the Markdown report that several sections use. Text from reviews is shown as written, never as Markdown. */
import { aspectName, attributeValueName, type Messages } from '../i18n/messages.js';
import type { AspectStanding, ShareCount } from '../model.js';
import { isWebAddress } from '../../domain/document.js';
import type { RenderContext } from './context.js';

/**
 * Text from reviews, pages and the config as Markdown that shows it as written: no raw HTML, no
 * links, no emphasis made from what a reviewer typed.
 */
export function md(text: string | number | undefined): string {
  return String(text ?? '')
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

/** A link to a source: web addresses only; anything else (an imported file's row) is shown as text. */
export function source(m: Messages, url: string): string {
  const word = md(m.persona.source);
  return isWebAddress(url) ? `[${word}](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)` : `${word}: ${md(url)}`;
}

/** Markdown this file wrote itself (emphasis), put into a table cell as it is. */
export class Raw {
  /** Wraps Markdown written by the renderer itself. */
  constructor(readonly text: string) {}
}

/** A table cell: text escaped, Raw kept as written, a dash for nothing. */
export function cell(text: string | number | undefined | Raw): string {
  return text instanceof Raw ? text.text : text === undefined ? '–' : md(text);
}

/** A Markdown table. */
export function table(head: string[], rows: (string | number | undefined | Raw)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

/** Aspect standings in a line. */
export function aspects(c: RenderContext, list: AspectStanding[]): string {
  return list.length
    ? list.map((a) => `${md(aspectName(c.m, a.aspect))} ${c.f.signed(a.net)} (${c.f.num(a.mentions)})`).join(c.m.comma)
    : '–';
}

/** Attribute values with their shares, in a line. */
export function shares(c: RenderContext, list: ShareCount[]): string {
  return list.length
    ? list.map((s) => `${md(attributeValueName(c.m, s.value))} ${c.f.pct(s.share)} (${c.f.num(s.support)})`).join(c.m.comma)
    : '–';
}

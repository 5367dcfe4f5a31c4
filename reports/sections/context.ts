/** What every report section needs to render itself: the report's language and the names it shows. */
import type { ChartText } from '../charts.js';
import { type Formatter, formatterFor } from '../i18n/format.js';
import { type Messages, messagesFor } from '../i18n/messages.js';
import type { ReportData } from '../model.js';

/** The catalogue and number formats of the report's language, brand and product names, chart wording. */
export interface RenderContext {
  /** Messages of the report's language. */
  m: Messages;
  /** Numbers and dates in the report's language. */
  f: Formatter;
  /** Display name of every brand and product id. */
  names: Map<string, string>;
  /** How charts word their numbers. */
  text: ChartText;
}

/** The render context of a report in `language` (default: the report's own `report.language`). */
export function renderContext(r: ReportData, language: string | undefined = r.language): RenderContext {
  const m = messagesFor(language);
  const f = formatterFor(m.locale);
  const names = new Map<string, string>();
  for (const b of r.brands) {
    names.set(b.id, b.name);
    for (const p of b.products) names.set(p.id, p.name);
  }
  const text: ChartText = {
    num: f.num,
    signed: f.signed,
    net: (n) => m.chart.net(f.signed(n)),
    netOver: (n, k) => m.chart.netOver(f.signed(n), f.num(k)),
    noMentions: m.chart.noMentions,
  };
  return { m, f, names, text };
}

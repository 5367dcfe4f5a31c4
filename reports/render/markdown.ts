/** The Markdown report: the same content as the HTML page, as tables and lists; each section renders itself (reports/sections/). */
import type { ReportData } from '../model.js';
import { renderContext } from '../sections/context.js';
import { REPORT_SECTIONS } from '../sections/index.js';
import { md } from '../sections/markdown-parts.js';

/** Renders the report as Markdown, in the report's language (`report.language`). */
export function renderMarkdown(r: ReportData, language: string | undefined = r.language): string {
  const c = renderContext(r, language);
  const { m, f } = c;
  const out: string[] = [
    `# ${md(m.report.title(r.project))}`,
    '',
    `${md(m.report.generated({ when: f.dateTime(r.generatedAt), documents: f.num(r.totals.documents), reviews: f.num(r.totals.reviews), mentions: f.num(r.totals.mentions), analysed: f.num(r.totals.analysed), analyzer: r.analyzerVersions.join(', ') || '–' }))}`,
    '',
  ];
  if (r.caveats.length) out.push(`**${md(m.report.readWithCare)}**`, '', ...r.caveats.map((x) => `- ${md(x)}`), '');
  for (const s of REPORT_SECTIONS) {
    const text = s.markdown(r, c);
    if (text) out.push(text);
  }
  return out.join('\n');
}

/**
 * The HTML report: one self-contained file — inline CSS and SVG charts, no scripts, no network —
 * that reads at a glance, shares as a file, and prints cleanly to PDF. The page frame is here; each
 * section renders itself (reports/sections/).
 */
import { COLORS, esc } from '../charts.js';
import type { ReportData } from '../model.js';
import { renderContext } from '../sections/context.js';
import { REPORT_SECTIONS } from '../sections/index.js';

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

/** Renders the report as one self-contained HTML page, in the report's language (`report.language`). */
export function renderHtml(r: ReportData, language: string | undefined = r.language): string {
  const c = renderContext(r, language);
  const { m, f } = c;
  const sections = REPORT_SECTIONS.map((s) => ({ s, html: s.html(r, c) })).filter((x) => x.html);
  return `<!doctype html>
<html lang="${esc(m.lang)}" dir="${m.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(m.report.docTitle(r.project))}</title><style>${CSS}</style></head>
<body><main>
<header><h1>${esc(m.report.title(r.project))}</h1>
<p class="muted">${esc(m.report.generated({ when: f.dateTime(r.generatedAt), documents: f.num(r.totals.documents), reviews: f.num(r.totals.reviews), mentions: f.num(r.totals.mentions), analysed: f.num(r.totals.analysed), analyzer: r.analyzerVersions.join(', ') || '–' }))}</p>
<nav>${REPORT_SECTIONS.map((s) => `<a href="#${s.id}">${esc(s.nav(m))}</a>`).join('')}</nav></header>
${r.caveats.length ? `<div class="caveat"><strong>${esc(m.report.readWithCare)}</strong><ul>${r.caveats.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>` : ''}
${sections.map((x) => x.html).join('\n')}
<footer class="muted"><p>${esc(m.report.footer)}</p></footer>
</main></body></html>
`;
}

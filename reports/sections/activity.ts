/** Activity: documents by hour of day, weekday and month, and the aspect trend. Computed by reports/summaries.ts (activity, aspectTrend). */
import { barChart, esc, lineChart } from '../charts.js';
import { aspectName } from '../i18n/messages.js';
import type { ReportData } from '../model.js';
import type { RenderContext } from './context.js';
import { md, table } from './markdown-parts.js';
import type { ReportSection } from './section.js';

function html(r: ReportData, c: RenderContext): string {
  const { m, f, text } = c;
  const H = m.heading;
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
  return `<h2 id="activity">${esc(H.activity)}</h2>
<div class="grid"><div><h3>${esc(H.byHour)}</h3>${barChart({ title: m.chart.documentsByHour, text, labels: r.activity.byHour.map((_, i) => f.num(i)), values: r.activity.byHour })}</div>
<div><h3>${esc(H.byWeekday)}</h3>${barChart({ title: m.chart.documentsByWeekday, text, labels: f.weekdays, values: r.activity.byWeekday })}</div></div>
<h3>${esc(H.byMonth)}</h3>${barChart({ title: m.chart.documentsByMonth, text, labels: months.map((x) => monthLabels.get(x)!), values: r.activity.byMonth.map((x) => x.documents) })}
${trend ? `<h3>${esc(H.aspectTrend)}</h3>${trend}` : ''}`;
}

function markdown(r: ReportData, c: RenderContext): string {
  const { m, f } = c;
  const C = m.col;
  return [
    `## ${md(m.heading.activity)}`,
    '',
    table([md(C.hour), ...r.activity.byHour.map((_, i) => f.num(i))], [[md(C.documents), ...r.activity.byHour.map(f.num)]]),
    '',
    table([md(C.weekday), ...f.weekdays.map(md)], [[md(C.documents), ...r.activity.byWeekday.map(f.num)]]),
    '',
    table(
      [C.month, C.documents, C.netSentiment].map(md),
      r.activity.byMonth.map((x) => [f.month(x.month), f.num(x.documents), f.signed(x.net)]),
    ),
    '',
  ].join('\n');
}

/** When customers write. */
export const activitySection: ReportSection = {
  id: 'activity',
  nav: (m) => m.heading.activity,
  data: ['activity', 'aspectTrend'],
  html,
  markdown,
  csv: [],
};

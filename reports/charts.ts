/**
 * Inline SVG charts for the HTML report: no scripts, no network, readable in print. Each chart is
 * a pure function returning an <svg> string with a <title> for screen readers.
 */

/** Escapes text for XML and HTML. */
export function esc(text: string | number | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Words and number formats of a chart's labels and tooltips, in the report's language (English by default). */
export interface ChartText {
  /** A count or axis figure. */
  num(n: number): string;
  /** A net sentiment figure with its sign: "+0.25". */
  signed(n: number): string;
  /** "net +0.25". */
  net(n: number): string;
  /** "net +0.25 over 12 mentions". */
  netOver(net: number, mentions: number): string;
  /** A heatmap cell without mentions. */
  noMentions: string;
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}`;
const ENGLISH: ChartText = {
  num: (n) => String(n),
  signed,
  net: (n) => `net ${signed(n)}`,
  netOver: (net, mentions) => `net ${net > 0 ? '+' : ''}${net} over ${mentions} mentions`,
  noMentions: 'no mentions',
};

/** Palette: positive, neutral, negative and a series palette. */
export const COLORS = {
  positive: '#2e7d32',
  neutral: '#9e9e9e',
  negative: '#c62828',
  bar: '#3f6fb5',
  series: [
    '#3f6fb5',
    '#e08a1e',
    '#6a4c93',
    '#2a9d8f',
    '#c44569',
    '#7f8c8d',
    '#8c564b',
    '#b5a01f',
    '#17a2c4',
    '#e377c2',
    '#1f3b73',
    '#5c8a3a',
  ],
};

/** A vertical bar chart; `colors` (one per bar) overrides `color`, e.g. to show each bar's net sentiment, and `notes` adds to each bar's tooltip. */
export function barChart(opts: {
  title: string;
  labels: string[];
  values: number[];
  width?: number;
  height?: number;
  color?: string;
  colors?: string[];
  notes?: string[];
  text?: ChartText;
}): string {
  const t = opts.text ?? ENGLISH;
  const w = opts.width ?? 560;
  const h = opts.height ?? 180;
  const pad = { l: 34, r: 8, t: 10, b: 28 };
  const max = Math.max(1, ...opts.values);
  const n = opts.values.length;
  const bw = (w - pad.l - pad.r) / Math.max(1, n);
  const bars = opts.values
    .map((v, i) => {
      const bh = ((h - pad.t - pad.b) * v) / max;
      const x = pad.l + i * bw;
      const y = h - pad.b - bh;
      return `<rect x="${(x + 1).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${opts.colors?.[i] ?? opts.color ?? COLORS.bar}"><title>${esc(opts.labels[i])}: ${t.num(v)}${opts.notes?.[i] ? esc(`, ${opts.notes[i]}`) : ''}</title></rect>`;
    })
    .join('');
  const every = Math.ceil(n / 12);
  const labels = opts.labels
    .map((l, i) =>
      i % every === 0
        ? `<text x="${(pad.l + i * bw + bw / 2).toFixed(1)}" y="${h - 10}" font-size="10" text-anchor="middle">${esc(l)}</text>`
        : '',
    )
    .join('');
  const axis = `<line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#666"/><text x="${pad.l - 4}" y="${pad.t + 8}" font-size="10" text-anchor="end">${t.num(max)}</text><text x="${pad.l - 4}" y="${h - pad.b}" font-size="10" text-anchor="end">${t.num(0)}</text>`;
  return `<svg class="chart" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${esc(opts.title)}</title>${axis}${bars}${labels}</svg>`;
}

/** Horizontal 100% stacked bars (e.g. sentiment per brand). */
export function stackedBars(opts: {
  title: string;
  rows: { label: string; parts: { name: string; value: number; color: string }[] }[];
  width?: number;
  text?: ChartText;
}): string {
  const t = opts.text ?? ENGLISH;
  const w = opts.width ?? 560;
  const rowH = 26;
  const labelW = 150;
  const body = opts.rows
    .map((row, i) => {
      const total = row.parts.reduce((s, p) => s + p.value, 0) || 1;
      let x = labelW;
      const y = i * rowH + 4;
      const segs = row.parts
        .map((p) => {
          const pw = ((w - labelW - 10) * p.value) / total;
          const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${pw.toFixed(1)}" height="${rowH - 8}" fill="${p.color}"><title>${esc(row.label)} — ${esc(p.name)}: ${t.num(p.value)} (${t.num(Math.round((100 * p.value) / total))}%)</title></rect>`;
          x += pw;
          return seg;
        })
        .join('');
      return `<text x="${labelW - 6}" y="${y + rowH / 2}" font-size="12" text-anchor="end">${esc(row.label)}</text>${segs}`;
    })
    .join('');
  // Legend items sized by their labels, wrapping onto further lines as needed.
  const legendParts = opts.rows[0]?.parts ?? [];
  let lx = labelW;
  let ly = opts.rows.length * rowH + 14;
  const items: string[] = [];
  for (const p of legendParts) {
    const itemW = 24 + p.name.length * 6.5;
    if (lx + itemW > w && lx > labelW) {
      lx = labelW;
      ly += 16;
    }
    items.push(
      `<rect x="${lx.toFixed(0)}" y="${ly - 9}" width="10" height="10" fill="${p.color}"/><text x="${(lx + 14).toFixed(0)}" y="${ly}" font-size="11">${esc(p.name)}</text>`,
    );
    lx += itemW;
  }
  const legend = items.join('');
  const h = ly + 8;
  return `<svg class="chart" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${esc(opts.title)}</title>${body}${legend}</svg>`;
}

/** Colour for a net sentiment in [-1, 1]. */
export function netColor(net: number): string {
  const t = Math.max(-1, Math.min(1, net));
  const mix = (a: number, b: number, f: number) => Math.round(a + (b - a) * f);
  // Red (-1) through light grey (0) to green (+1).
  const [r, g, b] = t < 0 ? [mix(238, 198, -t), mix(238, 40, -t), mix(238, 40, -t)] : [mix(238, 46, t), mix(238, 125, t), mix(238, 50, t)];
  return `rgb(${r},${g},${b})`;
}

/** A heatmap of net sentiment (rows × columns), cells labelled with the value and support. */
export function heatmap(opts: {
  title: string;
  columns: string[];
  rows: { label: string; cells: ({ net: number; mentions: number } | null)[] }[];
  text?: ChartText;
}): string {
  const t = opts.text ?? ENGLISH;
  const cellW = 78;
  const cellH = 28;
  const labelW = 150;
  const headH = 64;
  const w = labelW + opts.columns.length * cellW + 4;
  const h = headH + opts.rows.length * cellH + 4;
  const heads = opts.columns
    .map(
      (c, i) => `<text transform="translate(${labelW + i * cellW + cellW / 2},${headH - 6}) rotate(-30)" font-size="11">${esc(c)}</text>`,
    )
    .join('');
  const cells = opts.rows
    .map((row, ri) => {
      const y = headH + ri * cellH;
      const label = `<text x="${labelW - 6}" y="${y + cellH / 2 + 4}" font-size="12" text-anchor="end">${esc(row.label)}</text>`;
      const tds = row.cells
        .map((cell, ci) => {
          const x = labelW + ci * cellW;
          if (!cell)
            return `<rect x="${x}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="#f5f5f5"><title>${esc(row.label)} — ${esc(opts.columns[ci])}: ${esc(t.noMentions)}</title></rect>`;
          const label = `${t.signed(cell.net)} (${t.num(cell.mentions)})`;
          return `<rect x="${x}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="${netColor(cell.net)}"><title>${esc(row.label)} — ${esc(opts.columns[ci])}: ${esc(t.netOver(cell.net, cell.mentions))}</title></rect><text x="${x + cellW / 2 - 1}" y="${y + cellH / 2 + 4}" font-size="11" text-anchor="middle">${esc(label)}</text>`;
        })
        .join('');
      return label + tds;
    })
    .join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${esc(opts.title)}</title>${heads}${cells}</svg>`;
}

/** A line chart of several series over shared x labels, y in [-1, 1]. */
export function lineChart(opts: {
  title: string;
  x: string[];
  series: { name: string; points: { x: string; y: number }[] }[];
  width?: number;
  height?: number;
  text?: ChartText;
}): string {
  const t = opts.text ?? ENGLISH;
  const w = opts.width ?? 560;
  const h = opts.height ?? 200;
  const pad = { l: 34, r: 10, t: 10, b: 40 };
  const xi = new Map(opts.x.map((x, i) => [x, i]));
  const sx = (i: number) => pad.l + (opts.x.length > 1 ? (i * (w - pad.l - pad.r)) / (opts.x.length - 1) : (w - pad.l - pad.r) / 2);
  const sy = (y: number) => pad.t + ((1 - y) * (h - pad.t - pad.b)) / 2;
  const lines = opts.series
    .map((s, si) => {
      const color = COLORS.series[si % COLORS.series.length];
      const pts = s.points.filter((p) => xi.has(p.x)).map((p) => `${sx(xi.get(p.x)!).toFixed(1)},${sy(p.y).toFixed(1)}`);
      const dots = s.points
        .filter((p) => xi.has(p.x))
        .map(
          (p) =>
            `<circle cx="${sx(xi.get(p.x)!).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2.5" fill="${color}"><title>${esc(s.name)} ${esc(p.x)}: ${esc(t.net(p.y))}</title></circle>`,
        )
        .join('');
      return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"/>${dots}<text x="${pad.l + si * 120}" y="${h - 6}" font-size="11" fill="${color}">■ ${esc(s.name)}</text>`;
    })
    .join('');
  const every = Math.ceil(opts.x.length / 8);
  const xl = opts.x
    .map((x, i) =>
      i % every === 0 ? `<text x="${sx(i).toFixed(1)}" y="${h - pad.b + 14}" font-size="10" text-anchor="middle">${esc(x)}</text>` : '',
    )
    .join('');
  const grid = `<line x1="${pad.l}" y1="${sy(0)}" x2="${w - pad.r}" y2="${sy(0)}" stroke="#bbb" stroke-dasharray="3,3"/><text x="${pad.l - 4}" y="${sy(1) + 8}" font-size="10" text-anchor="end">+${t.num(1)}</text><text x="${pad.l - 4}" y="${sy(0) + 3}" font-size="10" text-anchor="end">${t.num(0)}</text><text x="${pad.l - 4}" y="${sy(-1)}" font-size="10" text-anchor="end">−${t.num(1)}</text>`;
  return `<svg class="chart" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${esc(opts.title)}</title>${grid}${lines}${xl}</svg>`;
}

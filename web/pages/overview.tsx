/** The overview: each brand against its competitors, over time, with share of voice and key drivers. */
import type { Overview } from '../overview.js';
import type { PageInfo } from './layout.js';
import { Layout, Notice, pct } from './layout.js';

/** A chart's data, drawn by app.js with Chart.js (series told apart by line pattern and marker, not colour alone). */
export interface ChartSpec {
  /** line or bar. */
  type: 'line' | 'bar';
  /** What the chart shows, for screen readers. */
  title: string;
  /** X labels. */
  labels: string[];
  /** Series. */
  series: { label: string; data: (number | null)[] }[];
  /** Y axis range. */
  min?: number;
  /** Y axis range. */
  max?: number;
  /** Y axis title. */
  yTitle?: string;
}

/** A chart with its numbers in a table beside it. */
export function Chart(props: { spec: ChartSpec }) {
  const { spec } = props;
  return (
    <figure class="chart">
      <figcaption>{spec.title}</figcaption>
      <div class="canvas-box">
        <canvas
          data-chart={JSON.stringify(spec)}
          role="img"
          aria-label={`${spec.title}: chart; the numbers are in the table below`}
        ></canvas>
      </div>
      <details>
        <summary>Show the numbers</summary>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{spec.type === 'bar' ? '' : 'Month'}</th>
                {spec.series.map((s) => (
                  <th scope="col">{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.labels.map((l, i) => (
                <tr>
                  <th scope="row">{l}</th>
                  {spec.series.map((s) => (
                    <td>{s.data[i] ?? '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function monthly(
  o: Overview,
  pick: (m: Overview['brands'][number]['months'][number]) => number | undefined,
): { labels: string[]; series: ChartSpec['series'] } {
  const labels = [...new Set(o.brands.flatMap((b) => b.months.map((m) => m.month)))].sort().slice(-18);
  return {
    labels,
    series: o.brands
      .filter((b) => b.documents > 0)
      .map((b) => {
        const by = new Map(b.months.map((m) => [m.month, m]));
        return { label: `${b.name}${b.own ? ' (own)' : ''}`, data: labels.map((l) => (by.has(l) ? (pick(by.get(l)!) ?? null) : null)) };
      }),
  };
}

/** The overview page. */
export function OverviewPage(props: { info: PageInfo; overview: Overview; builtAt: string }) {
  const o = props.overview;
  const volume = monthly(o, (m) => m.documents);
  const rating = monthly(o, (m) => m.avgRating);
  const net = monthly(o, (m) => m.net);
  return (
    <Layout {...props.info} charts>
      <h1>Overview</h1>
      {o.documents === 0 ? (
        <Notice kind="warn">
          No documents yet. Add brands and sources under <a href="/sources">Sources</a> and run them, or run <code>radar demo</code> first.
        </Notice>
      ) : null}
      <p class="muted">
        {o.documents.toLocaleString('en')} documents, {o.analysed.toLocaleString('en')} analysed · as of{' '}
        {props.builtAt.slice(0, 16).replace('T', ' ')} UTC
      </p>
      <div class="scroll">
        <table class="brands">
          <caption>Brands against each other</caption>
          <thead>
            <tr>
              <th scope="col">Brand</th>
              <th scope="col">Documents</th>
              <th scope="col">Reviews</th>
              <th scope="col">Mentions</th>
              <th scope="col">Share of voice</th>
              <th scope="col">Average rating</th>
              <th scope="col">Positive</th>
              <th scope="col">Negative</th>
              <th scope="col">Net sentiment</th>
            </tr>
          </thead>
          <tbody>
            {o.brands.map((b) => (
              <tr>
                <th scope="row">
                  <a href={`/explorer?brand=${encodeURIComponent(b.id)}`}>{b.name}</a>{' '}
                  {b.own ? <span class="tag">own</span> : <span class="tag alt">competitor</span>}
                </th>
                <td>{b.documents.toLocaleString('en')}</td>
                <td>{b.reviews.toLocaleString('en')}</td>
                <td>{b.mentions.toLocaleString('en')}</td>
                <td>{pct(b.shareOfVoice)}</td>
                <td>{b.avgRating !== undefined ? `${b.avgRating.toFixed(2)} ★ (${b.ratingCount})` : '–'}</td>
                <td>{b.sentiment.positive}</td>
                <td>{b.sentiment.negative}</td>
                <td>{b.net > 0 ? `▲ +${b.net.toFixed(2)}` : b.net < 0 ? `▼ ${b.net.toFixed(2)}` : '● 0.00'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="charts">
        <Chart spec={{ type: 'line', title: 'Documents per month', ...volume, min: 0, yTitle: 'documents' }} />
        <Chart spec={{ type: 'line', title: 'Average rating per month (1–5 stars)', ...rating, min: 1, max: 5, yTitle: 'stars' }} />
        <Chart spec={{ type: 'line', title: 'Net sentiment per month (−1 to +1)', ...net, min: -1, max: 1, yTitle: 'net sentiment' }} />
        <Chart
          spec={{
            type: 'bar',
            title: 'Share of voice (share of all mentions)',
            labels: o.brands.map((b) => b.name),
            series: [{ label: 'share of voice, %', data: o.brands.map((b) => Math.round(b.shareOfVoice * 100)) }],
            min: 0,
            max: 100,
            yTitle: '%',
          }}
        />
      </div>
      <p class="muted">
        Share of voice: the share of all mentions that name the brand; a mention naming several brands counts for each, so shares can add up
        to more than 100%.
      </p>
      <h2>Key drivers</h2>
      <p class="muted">
        Net sentiment of the most talked-about aspects, per brand (▲ better, ▼ worse; mentions in brackets). Select one to read the reviews.
      </p>
      <div class="scroll">
        <table class="drivers">
          <thead>
            <tr>
              <th scope="col">Brand</th>
              {o.drivers.aspects.map((a) => (
                <th scope="col">{a}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {o.drivers.rows.map((row) => (
              <tr>
                <th scope="row">{o.brands.find((b) => b.id === row.brand)?.name ?? row.brand}</th>
                {row.cells.map((cell, i) =>
                  cell ? (
                    <td class={cell.net > 0.1 ? 'good' : cell.net < -0.1 ? 'bad' : ''}>
                      <a href={`/explorer?brand=${encodeURIComponent(row.brand)}&aspect=${encodeURIComponent(o.drivers.aspects[i]!)}`}>
                        {cell.net > 0 ? '▲ +' : cell.net < 0 ? '▼ ' : '● '}
                        {cell.net.toFixed(2)}
                      </a>{' '}
                      <span class="muted">({cell.mentions})</span>
                    </td>
                  ) : (
                    <td class="muted">–</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

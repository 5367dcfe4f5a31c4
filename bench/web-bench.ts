/**
 * Web app benchmark at scale: an embedded store holding N analysed documents (the report
 * benchmark's store: real review texts, analysed once by the real pipeline), served by the web
 * app over HTTP on loopback. Measures, as a browser would ask for them:
 * - the explorer page with two filters (brand, sentiment) and a text query, median of 21 queries;
 * - the same through the JSON API;
 * - the overview page, first answer after the index is built and later ones;
 * beside loading the same rows without filters: building the index (every document and analysis
 * read from the store) and the explorer page with no filter.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../config/load.js';
import type { RadarConfig } from '../config/schema.js';
import { benchConfigYaml, buildReportStore, type ReportFigure } from './report-bench.js';

const WORDS = [
  'fabric',
  'small',
  'color',
  'length',
  'soft',
  'waist',
  'return',
  'cute',
  'price',
  'wash',
  'large',
  'quality',
  'fit',
  'petite',
  'dress',
  'material',
  'sleeves',
  'comfortable',
  'ordered',
  'beautiful',
  'tight',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function timed(url: string): Promise<{ ms: number; body: string }> {
  const t0 = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  if (!r.ok) throw new Error(`${url}: ${r.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - t0, body };
}

/** The web app's figures over `n` analysed documents. */
export async function benchWebApp(n: number, root = resolve(import.meta.dirname, '..', '..')): Promise<ReportFigure[]> {
  const dir = await buildReportStore(n, resolve(root, '..', 'shared'));
  process.env.RADAR_LOG_LEVEL = 'warn';
  const parsed = parseConfig(benchConfigYaml());
  if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  const config = parsed.config;
  config.storage.path = dir;
  const { startWebApp } = await import('../web/server.js');
  const app = await startWebApp({ config, port: 0, host: '127.0.0.1' });
  let closed = false;
  try {
    // The app starts building its index at once; the first request waits for it.
    const t0 = performance.now();
    const first = await timed(`${app.url}/api/project`);
    const index = JSON.parse(first.body) as { documents: number };
    const built = await timed(`${app.url}/api/documents?limit=1`);
    const indexMs = performance.now() - t0;
    const documents = (JSON.parse(built.body) as { total: number }).total;
    const overviewCold = await timed(`${app.url}/`);
    const overviewWarm: number[] = [];
    for (let i = 0; i < 5; i++) overviewWarm.push((await timed(`${app.url}/`)).ms);
    const filtered: number[] = [];
    const api: number[] = [];
    const matches: number[] = [];
    for (const q of WORDS) {
      const query = `brand=northwind&sentiment=negative&q=${encodeURIComponent(q)}`;
      filtered.push((await timed(`${app.url}/explorer?${query}`)).ms);
      const r = await timed(`${app.url}/api/documents?${query}`);
      api.push(r.ms);
      matches.push((JSON.parse(r.body) as { total: number }).total);
    }
    const unfiltered: number[] = [];
    for (let i = 0; i < WORDS.length; i++) unfiltered.push((await timed(`${app.url}/explorer?page=${i + 1}`)).ms);
    const figures: ReportFigure[] = [
      {
        name: `explorer page, 2 filters + text query (${documents} documents)`,
        value: median(filtered),
        unit: 'ms',
        baseline: { name: 'explorer page without filters', value: median(unfiltered) },
        higherIsBetter: false,
        note: `median of ${WORDS.length} queries (brand + sentiment + one word; ${Math.min(...matches)}–${Math.max(...matches)} matches); bar ≤ 300 ms`,
      },
      {
        name: `GET /api/documents, 2 filters + text query (${documents} documents)`,
        value: median(api),
        unit: 'ms',
        baseline: { name: 'explorer page without filters', value: median(unfiltered) },
        higherIsBetter: false,
        note: `median of ${WORDS.length} queries`,
      },
      {
        name: `overview page, first answer after the index is built (${documents} documents)`,
        value: overviewCold.ms,
        unit: 'ms',
        baseline: { name: 'later answers (median of 5)', value: median(overviewWarm) },
        higherIsBetter: false,
        note: 'bar ≤ 1,000 ms',
      },
      {
        name: `loading the same rows without filters: the index (${documents} documents and analyses)`,
        value: indexMs,
        unit: 'ms',
        baseline: { name: 'explorer page without filters', value: median(unfiltered) },
        higherIsBetter: false,
        note: `once per change of the store, in the background; ${index.documents} documents before the build`,
      },
    ];
    await app.close();
    closed = true;
    figures.push(await overviewWork(config, dir));
    return figures;
  } finally {
    if (!closed) await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The overview's own work on a fresh index (the app does it in the background after each build,
 * so the first page after a change usually finds it done): cold, in a process that has not worked
 * out these rows' aspect votes yet, and again.
 */
async function overviewWork(config: RadarConfig, dir: string): Promise<ReportFigure> {
  const { EmbeddedStore } = await import('../storage/embedded/embedded-store.js');
  const { DocumentIndex } = await import('../web/explorer/document-index.js');
  const { buildOverview } = await import('../web/overview.js');
  const { stageLogger } = await import('../log/logger.js');
  const store = await EmbeddedStore.open(dir);
  try {
    const snapshot = await new DocumentIndex(store, () => config.project, stageLogger('bench')).refresh();
    let t0 = performance.now();
    buildOverview(config, snapshot.rows);
    const cold = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      buildOverview(config, snapshot.rows);
      warm.push(performance.now() - t0);
    }
    return {
      name: `overview worked out over ${snapshot.rows.length} documents (cold)`,
      value: cold,
      unit: 'ms',
      baseline: { name: 'again over the same build (median of 3)', value: median(warm) },
      higherIsBetter: false,
      note: 'done in the background after each index build; bar ≤ 1,000 ms for the page',
    };
  } finally {
    await store.close();
  }
}

// `node dist/bench/web-bench.js [N]` runs it alone and writes bench/web-results.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.DOTENV_CONFIG_QUIET ??= 'true';
  const n = Number(process.argv[2] ?? 100_000);
  const root = resolve(import.meta.dirname, '..', '..');
  const started = new Date().toISOString();
  const figures = await benchWebApp(n, root);
  for (const f of figures)
    process.stdout.write(
      `${f.name}: ${f.value.toFixed(1)} ${f.unit} (${f.baseline.name}: ${f.baseline.value.toFixed(1)} ${f.unit}) ${f.note ?? ''}\n`,
    );
  writeFileSync(join(root, 'bench', 'web-results.json'), `${JSON.stringify({ started, documents: n, figures }, null, 2)}\n`);
}

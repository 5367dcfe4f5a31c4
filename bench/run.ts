/**
 * `npm run bench`: the product's speed and memory figures, each beside a baseline measured in the
 * same run on the same input (these machines are noisy: ratios travel, absolute numbers don't).
 *
 * - crawl: pages/s of the whole crawl pipeline (fetch, extract, store) on the demo shop, against a
 *   bare CheerioCrawler that only fetches and parses the same pages;
 * - score: documents/s of the analyzer pipeline against the `sentiment` package and VADER on the same
 *   texts (in process), and `radar score` against a `sentiment` script as whole processes;
 * - languages: the full pipeline on Russian, Chinese and Persian reviews beside English (CPU time);
 * - report: report generation time and peak RSS in a child process, against loading the same rows;
 * - ingest, report-scale, browser: the storage, 100k-document report and browser-memory benches;
 * - queue: service-mode jobs/s through BullMQ with 1 and 2 workers, against direct runs (needs Redis).
 * Writes bench/results.json and bench/RESULTS.md (a run of some parts, `--only=score,…`, writes
 * bench/results-score-….json and bench/RESULTS-score-….md instead).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
process.env.RADAR_LOG_LEVEL ??= 'warn';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHARED = resolve(ROOT, '..', 'shared');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SCALE = Number(args.get('scale') ?? 30);
const SCORE_TEXTS = Number(args.get('texts') ?? 5000);

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  ratio: number;
  note?: string;
}

const figures: Figure[] = [];
function record(f: Omit<Figure, 'ratio'>, higherIsBetter = true): void {
  const ratio = higherIsBetter ? f.value / f.baseline.value : f.baseline.value / f.value;
  figures.push({ ...f, ratio: Math.round(ratio * 100) / 100 });
  process.stderr.write(
    `${f.name}: ${f.value.toFixed(1)} ${f.unit} vs ${f.baseline.name} ${f.baseline.value.toFixed(1)} ${f.unit} (ratio ${ratio.toFixed(2)})\n`,
  );
}

async function benchCrawl(): Promise<{ storeDir: string }> {
  const { startDemoShop } = await import('../demo/shop.js');
  const { starterConfigYaml } = await import('../demo/starter-config.js');
  const { parseConfig, listSources } = await import('../config/load.js');
  const { crawlSource } = await import('../pipeline/crawl.js');
  const { EmbeddedStore } = await import('../storage/embedded/embedded-store.js');
  const { CheerioCrawler } = await import('@crawlee/cheerio');
  const { Configuration } = await import('@crawlee/core');
  const shop = await startDemoShop({ port: 0, scale: SCALE });
  const storeDir = mkdtempSync(join(tmpdir(), 'radar-bench-'));
  try {
    const parsed = parseConfig(starterConfigYaml(shop.url));
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    const config = parsed.config;
    // Same concurrency as the bare crawler: the comparison is about work per page, not politeness.
    config.crawl.concurrency = 20;
    config.crawl.perDomainConcurrency = 20;
    // One crawl over every static review page of the shop (all scaled copies as start URLs) on both
    // sides; each discovers the paginated review pages by following links, as a real crawl does.
    const home = await (await fetch(shop.url)).text();
    const staticProducts = new Set(
      listSources(config)
        .filter((t) => t.source.kind === 'reviews' && t.source.render !== 'browser')
        .map((t) => t.source.urls[0]!),
    );
    const startUrls = [...new Set([...home.matchAll(/href="(\/products\/[^"?#]+)"/g)].map((m) => new URL(m[1]!, shop.url).href))].filter(
      (u) => [...staticProducts].some((base) => u === base || u.startsWith(`${base}--`)),
    );
    const target = {
      source: {
        id: 'bench-all',
        kind: 'reviews' as const,
        urls: startUrls,
        render: 'static' as const,
        maxPages: 100_000,
        profiles: false,
        robots: 'respect' as const,
        topReviewsOnly: false,
      },
      brand: 'bench',
    };
    // Warm-up: one pass of the shop's pages through the server (and the JIT) before anything is timed.
    const { runCrawl } = await import('../crawlers/run-crawl.js');
    await runCrawl({ source: target.source, settings: config.crawl, onPage: async () => ({ allKnown: false }) });

    // Ours and the bare crawler take turns, three runs each; the medians are compared (one run of
    // each swung the ratio between 0.65 and 1.06 on these shared 2-core machines).
    const bareRun = async (): Promise<number> => {
      const cfg = new Configuration({ persistStorage: false });
      let bare = 0;
      const crawler = new CheerioCrawler(
        {
          maxConcurrency: 20,
          requestHandler: async ({ enqueueLinks }) => {
            bare++;
            await enqueueLinks({ selector: 'a[rel="next"], nav a[href*="page="], .pagination a' });
          },
        },
        cfg,
      );
      const t1 = performance.now();
      await crawler.run(startUrls);
      return (bare / (performance.now() - t1)) * 1000;
    };
    const ourRates: number[] = [];
    const bareRates: number[] = [];
    let pages = 0;
    for (let turn = 0; turn < 3; turn++) {
      // The last run's store is kept: the report bench reads it.
      if (turn > 0) rmSync(storeDir, { recursive: true, force: true });
      const store = await EmbeddedStore.open(storeDir);
      const t0 = performance.now();
      const run = await crawlSource(config, store, 'bench-salt', target, { incremental: false });
      ourRates.push((run.stats.pagesFetched / (performance.now() - t0)) * 1000);
      pages = run.stats.pagesFetched;
      await store.close();
      bareRates.push(await bareRun());
    }
    const rates = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    record({
      name: 'crawl pipeline (fetch, extract, store)',
      value: median(ourRates),
      unit: 'pages/s',
      baseline: { name: 'bare CheerioCrawler', value: median(bareRates) },
      note: `${pages} demo pages (scale ${SCALE}); medians of 3 runs in turns (ours ${rates(ourRates)}; bare ${rates(bareRates)})`,
    });
    return { storeDir };
  } finally {
    await shop.close();
  }
}

/** The clothing reviews as texts (title and body), each once. */
function clothingSet(): string[] {
  const file = join(SHARED, 'data/en-clothing-reviews/clothing_reviews.csv');
  if (!existsSync(file)) return [];
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((r) => [r.Title, r['Review Text']].filter(Boolean).join('. ')).filter((t) => t.length > 0);
}

/** n clothing review texts, the set repeated as often as needed. */
function clothingTexts(n: number): string[] {
  const texts = clothingSet();
  if (!texts.length) return [];
  const out: string[] = [];
  while (out.length < n) out.push(...texts.slice(0, n - out.length));
  return out;
}

/** The middle value (the upper one of an even count). */
function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function throughput(fn: (t: string) => unknown, texts: string[]): number {
  for (const t of texts.slice(0, 200)) fn(t); // warm-up
  const t0 = performance.now();
  for (const t of texts) fn(t);
  return (texts.length / (performance.now() - t0)) * 1000;
}

function timeProcess(cmd: string[], input: string): Promise<number> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd[0]!, cmd.slice(1), { stdio: ['pipe', 'ignore', 'inherit'], cwd: ROOT });
    child.on('error', fail);
    child.on('close', () => ok(performance.now() - t0));
    child.stdin.end(input);
  });
}

/**
 * Documents per second of CPU time this process spent (all its threads): on a machine shared with
 * other work, wall time counts the waits for a core too; CPU time does not.
 */
function cpuThroughput(fn: (t: string) => unknown, texts: string[]): number {
  for (const t of texts.slice(0, 200)) fn(t); // warm-up
  const start = process.cpuUsage();
  for (const t of texts) fn(t);
  const used = process.cpuUsage(start);
  return texts.length / ((used.user + used.system) / 1e6);
}

/** The full pipeline on Russian, Chinese and Persian reviews, beside the English figure of the same run (bar: 1,000 docs/s each). */
async function benchLanguages(pipeline: { analyze(text: string, hint?: { lang?: string }): unknown }, english: number): Promise<void> {
  const data = join(SHARED, 'data');
  const { loadChineseHotelReviews, loadPersianSentences, loadRussianReviews } = await import('../analyzers/evaluation/evaluate.js');
  const sets: [string, string, () => { text: string }[], string][] = [
    [
      'Russian',
      'ru',
      () => [...loadRussianReviews(data, 'rest'), ...loadRussianReviews(data, 'car')],
      'SentiRuEval-2015 restaurant and car reviews',
    ],
    ['Chinese', 'zh', () => loadChineseHotelReviews(data), 'ChnSentiCorp hotel reviews'],
    ['Persian', 'fa', () => loadPersianSentences(data), 'SentiPers product-review sentences'],
  ];
  const englishCpu = cpuThroughput((t) => pipeline.analyze(t, { lang: 'en' }), clothingTexts(SCORE_TEXTS));
  for (const [name, lang, load, what] of sets) {
    let texts: string[];
    try {
      texts = load().map((i) => i.text);
    } catch {
      process.stderr.write(`score: ${what} not found under ${data}; skipped\n`);
      continue;
    }
    const chars = Math.round(texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length));
    const cpu = cpuThroughput((t) => pipeline.analyze(t, { lang }), texts);
    record({
      name: `analyzer pipeline, full, ${name} (in process)`,
      value: throughput((t) => pipeline.analyze(t, { lang }), texts),
      unit: 'docs/s',
      baseline: { name: 'English, same run', value: english },
      note: `${texts.length} ${what}, ${chars} characters on average; bar ≥ 1,000 docs/s; per CPU-second: ${Math.round(cpu)} docs/s (English ${Math.round(englishCpu)})`,
    });
  }
}

async function benchScore(): Promise<void> {
  const texts = clothingTexts(SCORE_TEXTS);
  if (!texts.length) {
    process.stderr.write('score: ../shared/data/en-clothing-reviews not found; skipped\n');
    return;
  }
  const { createPipeline } = await import('../analyzers/pipeline.js');
  const Sentiment = (await import('sentiment')).default;
  const vader = (await import('vader-sentiment')).default as { SentimentIntensityAnalyzer: { polarity_scores(t: string): unknown } };
  const pipeline = createPipeline();
  const s = new Sentiment();
  const ours = throughput((t) => pipeline.analyze(t), texts);
  record({
    name: 'analyzer pipeline, full (in process)',
    value: ours,
    unit: 'docs/s',
    baseline: { name: '`sentiment` package', value: throughput((t) => s.analyze(t), texts) },
    note: `${texts.length} clothing reviews`,
  });
  record({
    name: 'analyzer pipeline, full (in process) vs VADER',
    value: ours,
    unit: 'docs/s',
    baseline: { name: 'vader-sentiment', value: throughput((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t), texts) },
  });
  await benchLanguages(pipeline, ours);
  // Whole processes on the set itself (each review once: the JIT's warm-up counts, as it does for a
  // user), the three commands in turns, five runs each; medians compared.
  const set = clothingSet();
  const input = `${set.map((t, i) => JSON.stringify({ id: i, text: t })).join('\n')}\n`;
  const peer = `const S=require('sentiment');const s=new S();const rl=require('readline').createInterface({input:process.stdin});rl.on('line',l=>{const o=JSON.parse(l);process.stdout.write(JSON.stringify({id:o.id,...s.analyze(o.text)})+'\\n')})`;
  const vaderPeer = `const v=require('vader-sentiment');const rl=require('readline').createInterface({input:process.stdin});rl.on('line',l=>{const o=JSON.parse(l);process.stdout.write(JSON.stringify({id:o.id,...v.SentimentIntensityAnalyzer.polarity_scores(o.text)})+'\\n')})`;
  const runs = { radar: [] as number[], sentiment: [] as number[], vader: [] as number[] };
  for (let r = 0; r < 5; r++) {
    runs.radar.push(await timeProcess([process.execPath, 'dist/cli/main.js', 'score'], input));
    runs.vader.push(await timeProcess([process.execPath, '-e', vaderPeer], input));
    runs.sentiment.push(await timeProcess([process.execPath, '-e', peer], input));
  }
  const rate = (ms: number[]) => (set.length / median(ms)) * 1000;
  const seconds = (ms: number[]) => ms.map((m) => (m / 1000).toFixed(2)).join('/');
  const note = `${set.length} clothing reviews, each once; medians of 5 runs in turns (ours ${seconds(runs.radar)} s; VADER ${seconds(runs.vader)} s)`;
  record({
    name: '`radar score` (whole process)',
    value: rate(runs.radar),
    unit: 'docs/s',
    baseline: { name: '`sentiment` JSONL script (whole process)', value: rate(runs.sentiment) },
    note,
  });
  record({
    name: '`radar score` (whole process) vs VADER',
    value: rate(runs.radar),
    unit: 'docs/s',
    baseline: { name: 'vader-sentiment JSONL script (whole process)', value: rate(runs.vader) },
    note,
  });
}

function child(script: string, env: Record<string, string>): Promise<{ ms: number; rssMb: number; documents: number }> {
  return new Promise((ok, fail) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.on('error', fail);
    c.on('close', () => {
      try {
        ok(JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rssMb: number; documents: number });
      } catch (err) {
        fail(new Error(`bench child failed: ${out} ${String(err)}`));
      }
    });
  });
}

async function benchReport(storeDir: string): Promise<void> {
  const common = `
    process.env.DOTENV_CONFIG_QUIET='true';
    const { EmbeddedStore } = await import('${ROOT}/dist/storage/embedded/embedded-store.js');
    const { parseConfig } = await import('${ROOT}/dist/config/load.js');
    const { starterConfigYaml } = await import('${ROOT}/dist/demo/starter-config.js');
    const { analyzeStore } = await import('${ROOT}/dist/pipeline/analyze.js');
    const config = parseConfig(starterConfigYaml('http://127.0.0.1:1')).config;
    config.report.outDir = process.env.OUT;
    // The crawl bench stores every page under one brand, "bench": report on it.
    config.brands.push({ ...config.brands[0], id: 'bench', name: 'Bench', own: false, aliases: [], products: [], sources: [] });
    const store = await EmbeddedStore.open(process.env.STORE);
    if (process.env.ANALYZE) await analyzeStore(config, store);`;
  const out = mkdtempSync(join(tmpdir(), 'radar-bench-report-'));
  await child(`${common}; await store.close(); console.log(JSON.stringify({ms:0,rssMb:0,documents:0}));`, {
    STORE: storeDir,
    OUT: out,
    ANALYZE: '1',
  });
  const report = await child(
    `${common}
    const { reportProject } = await import('${ROOT}/dist/pipeline/report.js');
    const t0 = performance.now();
    const r = await reportProject(config, store, { formats: ['html','md','json','csv'] });
    const ms = performance.now() - t0;
    await store.close();
    console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, documents: r.documents }));`,
    { STORE: storeDir, OUT: out },
  );
  const load = await child(
    `${common}
    const { loadRows } = await import('${ROOT}/dist/pipeline/report.js');
    const t0 = performance.now();
    const rows = await loadRows(config, store);
    const ms = performance.now() - t0;
    await store.close();
    console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, documents: rows.length }));`,
    { STORE: storeDir, OUT: out },
  );
  rmSync(out, { recursive: true, force: true });
  record(
    {
      name: 'report generation (html, md, json, csv)',
      value: report.ms,
      unit: 'ms',
      baseline: { name: 'loading the same rows from the store', value: load.ms },
      note: `${report.documents} documents`,
    },
    false,
  );
  record(
    { name: 'report peak RSS', value: report.rssMb, unit: 'MB', baseline: { name: 'loading the same rows', value: load.rssMb } },
    false,
  );
}

async function benchIngest(): Promise<void> {
  const { benchEmbeddedIngest, benchMongoIngest } = await import('./ingest-bench.js');
  const n = Number(args.get('docs') ?? 200_000);
  const results = await benchEmbeddedIngest(n);
  const uri = process.env.RADAR_MONGODB_URI ?? process.env.RADAR_MONGODB_BENCH_URI ?? process.env.RADAR_TEST_MONGODB_URI;
  if (uri) results.push(...(await benchMongoIngest(uri, Math.min(n, Number(args.get('mongo-docs') ?? 20_000)))));
  else process.stderr.write('ingest: set RADAR_MONGODB_URI to measure the MongoDB store too\n');
  for (const f of results) record(f, f.higherIsBetter);
}

async function benchReportScale(): Promise<void> {
  const { benchReportAtScale } = await import('./report-bench.js');
  for (const f of await benchReportAtScale(Number(args.get('report-docs') ?? 100_000), ROOT)) record(f, f.higherIsBetter);
}

async function benchWeb(): Promise<void> {
  const { benchWebApp } = await import('./web-bench.js');
  for (const f of await benchWebApp(Number(args.get('web-docs') ?? 100_000), ROOT)) record(f, f.higherIsBetter);
}

async function benchBrowser(): Promise<void> {
  const { benchBrowserMemory } = await import('./browser-bench.js');
  for (const f of await benchBrowserMemory(Number(args.get('browser-pages') ?? 200), ROOT)) record(f, f.higherIsBetter);
}

async function benchLanguagesPart(): Promise<void> {
  const { benchLanguages } = await import('./languages-bench.js');
  const figures = await benchLanguages(SHARED);
  const en = figures.find((f) => f.lang === 'en');
  if (!en) {
    process.stderr.write('languages: ../shared/data not found; skipped\n');
    return;
  }
  for (const f of figures.filter((x) => x.lang !== 'en'))
    record({
      name: `analyzer pipeline, full, ${f.lang} (CPU time)`,
      value: f.docsPerSecond,
      unit: 'docs/s',
      baseline: { name: 'the same pipeline on English clothing reviews', value: en.docsPerSecond },
      note: `${f.documents} ${f.set}, ${f.chars} characters on average (English: ${en.chars}); goal ≥ 1,000 docs/s`,
    });
}

async function benchQueue(): Promise<void> {
  const url = process.env.RADAR_REDIS_URL ?? process.env.RADAR_TEST_REDIS_URL;
  if (!url) {
    process.stderr.write('queue: set RADAR_REDIS_URL (npm run bench starts a Redis itself) to measure service mode\n');
    return;
  }
  const { benchQueues } = await import('./queue-bench.js');
  const result = await benchQueues(url);
  for (const f of result.figures) record(f, true);
}

const only = args.get('only')?.split(',');
const want = (part: string) => !only || only.includes(part);
const started = new Date().toISOString();
const { storeDir } = want('crawl') || want('report') ? await benchCrawl() : { storeDir: mkdtempSync(join(tmpdir(), 'radar-bench-none-')) };
if (want('score')) await benchScore();
if (want('languages')) await benchLanguagesPart();
if (want('report') && want('crawl')) await benchReport(storeDir);
rmSync(storeDir, { recursive: true, force: true });
if (want('ingest')) await benchIngest();
if (want('report-scale')) await benchReportScale();
if (want('web')) await benchWeb();
if (want('browser')) await benchBrowser();
if (want('queue')) await benchQueue();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
// A partial run (--only=…) writes files of its own, so the full run's table is not cut down to a part.
const suffix = only ? `-${only.join('-')}` : '';
writeFileSync(join(ROOT, 'bench', `results${suffix}.json`), `${JSON.stringify({ started, machine, scale: SCALE, figures }, null, 2)}\n`);
const md = [
  `# Benchmark results`,
  '',
  `Measured ${started.slice(0, 16).replace('T', ' ')} UTC on ${machine} by \`npm run bench\`. Each figure sits beside a baseline measured in the same run on the same input; the ratio is ours ÷ baseline for rates and baseline ÷ ours for times and memory (above 1 = better than the baseline).`,
  '',
  '| Figure | Ours | Baseline | Ratio | Note |',
  '| --- | --- | --- | --- | --- |',
  ...figures.map(
    (f) =>
      `| ${f.name} | ${f.value.toFixed(1)} ${f.unit} | ${f.baseline.name}: ${f.baseline.value.toFixed(1)} ${f.unit} | ${f.ratio.toFixed(2)} | ${f.note ?? ''} |`,
  ),
  '',
];
writeFileSync(join(ROOT, 'bench', `RESULTS${suffix}.md`), md.join('\n'));
process.stdout.write(md.join('\n'));

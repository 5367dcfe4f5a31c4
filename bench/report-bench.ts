/**
 * Report benchmark at scale: an embedded store holding N analysed documents (real review texts
 * from ../shared/data/en-clothing-reviews, each analysed once by the real pipeline, spread over
 * synthetic reviewers — half with a profile location — brands, products and dates), then `reportProject` in a child process —
 * wall time and peak RSS — beside loading the same rows (the I/O floor) in another child.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Analysis, RadarDocument } from '../domain/types.js';
import { analysisText, createPipeline } from '../analyzers/pipeline.js';
import { buildDocument } from '../domain/document.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';

/** One benchmark figure. */
export interface ReportFigure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  higherIsBetter: boolean;
  note?: string;
}

const BRANDS = ['northwind', 'southpeak', 'eastline'];
const REGIONS = ['Ontario', 'Texas', 'Bavaria', 'Queensland', 'Leinster', 'Lombardy', 'Gelderland', 'Kansai'];
const PRODUCTS = ['dresses', 'knits', 'blouses', 'jeans', 'jackets', 'skirts', 'pants', 'sweaters', 'intimates'];

/** The project file the benchmark reports on. */
export function benchConfigYaml(): string {
  return `project: report-bench
brands:
${BRANDS.map(
  (b, i) =>
    `  - id: ${b}\n    name: ${b[0]!.toUpperCase()}${b.slice(1)}\n    own: ${i === 0}\n    products:\n${PRODUCTS.filter(
      (_, j) => j % 3 === i,
    )
      .map((p) => `      - { id: ${b}-${p}, name: ${p} }`)
      .join('\n')}`,
).join('\n')}
report: { minPersonaSize: 50, minPersonaShare: 0.02 }
`;
}

function texts(root: string): { title: string; body: string; rating: number; department: string }[] {
  const file = join(root, 'data/en-clothing-reviews/clothing_reviews.csv');
  if (!existsSync(file)) throw new Error(`${file} not found: the report benchmark reads real review texts from ../shared/data`);
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows
    .filter((r) => r['Review Text'])
    .map((r) => ({ title: r.Title ?? '', body: r['Review Text']!, rating: Number(r.Rating) || 3, department: r['Department Name'] ?? '' }));
}

/** Fills an embedded store with `n` analysed documents; returns its folder. */
export async function buildReportStore(n: number, shared: string): Promise<string> {
  const corpus = texts(shared);
  const pipeline = createPipeline();
  const dir = mkdtempSync(join(tmpdir(), 'radar-report-bench-'));
  const store = await EmbeddedStore.open(dir);
  const policy = { salt: 'bench', storeAuthorNames: false, redactPII: true };
  const analysed = new Map<number, Omit<Analysis, '_id' | 'docId' | 'contentHash'>>();
  const profiled = new Set<string>();
  const batch = 5000;
  for (let start = 0; start < n; start += batch) {
    const docs: RadarDocument[] = [];
    const analyses: Analysis[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const t = corpus[i % corpus.length]!;
      const brand = BRANDS[i % BRANDS.length]!;
      const product = `${brand}-${PRODUCTS.filter((_, j) => j % 3 === BRANDS.indexOf(brand))[Math.floor(i / 3) % 3]}`;
      const doc = buildDocument(
        {
          kind: 'review',
          origin: 'import',
          sourceId: `bench-${brand}`,
          site: 'bench.example',
          url: `http://bench.example/${product}`,
          siteId: `r${i}`,
          brand,
          product,
          author: `reviewer ${i % Math.ceil(n / 3)}`,
          rating: { value: t.rating, best: 5, worst: 1 },
          title: t.title,
          body: t.body,
          publishedAt: new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % (600 * 24)) * 3_600_000).toISOString(),
          fetchedAt: '2026-01-01T00:00:00.000Z',
        },
        policy,
      );
      let a = analysed.get(i % corpus.length);
      if (!a) {
        const { ...result } = pipeline.analyze(analysisText(doc));
        a = { ...result, version: pipeline.version, analyzedAt: '2026-01-01T00:00:00.000Z' };
        analysed.set(i % corpus.length, a);
      }
      docs.push(doc);
      analyses.push({ ...a, _id: doc._id, docId: doc._id, contentHash: doc.contentHash });
    }
    await store.upsertDocuments(docs);
    await store.putAnalyses(analyses);
    // Half the reviewers have a profile with a location, as a crawl with profiles on leaves them.
    const keys = [...new Set(docs.map((d) => d.authorKey!))].filter((k) => !profiled.has(k));
    for (const k of keys) profiled.add(k);
    await store.upsertAuthors(
      keys
        .filter((_, j) => j % 2 === 0)
        .map((k, j) => ({
          _id: k,
          site: 'bench.example',
          location: `Town ${j % 50}, ${REGIONS[j % REGIONS.length]}`,
          firstSeenAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        })),
    );
  }
  await store.close();
  writeFileSync(join(dir, 'radar.yaml'), benchConfigYaml());
  return dir;
}

function child(
  root: string,
  dir: string,
  what: 'report' | 'load',
): Promise<{ ms: number; rssMb: number; documents: number; personas: number }> {
  const script = `
    process.env.DOTENV_CONFIG_QUIET = 'true';
    process.env.RADAR_LOG_LEVEL = 'warn';
    const { loadConfig } = await import('${root}/dist/config/load.js');
    const { EmbeddedStore } = await import('${root}/dist/storage/embedded/embedded-store.js');
    const { reportProject, loadRows } = await import('${root}/dist/pipeline/report.js');
    const { config } = await loadConfig('${dir}/radar.yaml', {});
    config.report.outDir = '${dir}/out';
    const t0 = performance.now();
    const store = await EmbeddedStore.open('${dir}');
    let documents = 0, personas = 0;
    if ('${what}' === 'report') {
      const r = await reportProject(config, store, { formats: ['html', 'md', 'json', 'csv'] });
      documents = r.documents; personas = r.personas;
    } else {
      documents = (await loadRows(config, store)).length;
    }
    await store.close();
    console.log(JSON.stringify({ ms: performance.now() - t0, rssMb: process.resourceUsage().maxRSS / 1024, documents, personas }));`;
  return new Promise((ok, fail) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.on('close', (code) => {
      try {
        ok(JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rssMb: number; documents: number; personas: number });
      } catch {
        fail(new Error(`report bench child (${what}) failed with code ${code}: ${out}`));
      }
    });
  });
}

/** Report time and peak RSS over `n` analysed documents, beside loading the same rows. */
export async function benchReportAtScale(n: number, root = resolve(import.meta.dirname, '..', '..')): Promise<ReportFigure[]> {
  const dir = await buildReportStore(n, resolve(root, '..', 'shared'));
  try {
    const load = await child(root, dir, 'load');
    const report = await child(root, dir, 'report');
    return [
      {
        name: `report over ${report.documents} analysed documents (html, md, json, csv)`,
        value: report.ms / 1000,
        unit: 's',
        baseline: { name: 'opening the store and loading the same rows', value: load.ms / 1000 },
        higherIsBetter: false,
        note: `${report.personas} personas; bar ≤ 20 s`,
      },
      {
        name: `report peak RSS over ${report.documents} documents`,
        value: report.rssMb,
        unit: 'MB',
        baseline: { name: 'loading the same rows', value: load.rssMb },
        higherIsBetter: false,
        note: 'bar ≤ 2,048 MB',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

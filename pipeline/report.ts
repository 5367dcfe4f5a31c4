/**
 * The report job: reads the project's analysed documents and latest runs from the store, builds
 * the report and persona set, stores the set, and writes the requested formats.
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import { listSources } from '../config/load.js';
import type { Store } from '../storage/store.js';
import type { ReportData, ReportRow } from '../reports/model.js';
import { buildReport, type ReportProject } from '../reports/build-report.js';
import { reportFilesFor, type ReportFormat } from '../reports/render/report-files.js';
import { stageLogger } from '../log/logger.js';
import { regionOf } from '../privacy/generalize.js';
import { type AlertsOutcome, runAlerts } from '../alerts/run-alerts.js';

/** Output formats. */
export type { ReportFormat } from '../reports/render/report-files.js';

/** What the report job wrote. */
export interface ReportOutcome {
  /** Output folder. */
  outDir: string;
  /** Files written (index.html first when written). */
  files: string[];
  /** Documents in the report. */
  documents: number;
  /** Personas reported. */
  personas: number;
  /** The report data. */
  report: ReportData;
  /** What the alert rules found and sent, when rules are configured. */
  alerts?: AlertsOutcome;
}

/** The project facts the report builder needs, from the config. */
export function reportProjectOf(config: RadarConfig): ReportProject {
  return {
    project: config.project,
    brands: config.brands.map((b) => ({
      id: b.id,
      name: b.name,
      own: b.own,
      aliases: b.aliases,
      products: b.products.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases })),
    })),
    sources: listSources(config).map((s) => ({
      id: s.source.id,
      brand: s.brand,
      product: s.product,
      topReviewsOnly: s.source.topReviewsOnly,
    })),
    personas: {
      maxPersonas: config.report.maxPersonas,
      minSize: config.report.minPersonaSize,
      minShare: config.report.minPersonaShare,
      showNames: config.privacy.storeAuthorNames,
    },
    language: config.report.language,
  };
}

/**
 * Reads the rows of the project's brands: documents (duplicates excluded) joined with analyses and
 * with the region of their author's profile location (generalised: the report never sees more).
 */
export async function loadRows(config: RadarConfig, store: Store): Promise<ReportRow[]> {
  const brandIds = new Set(config.brands.map((b) => b.id));
  const rows: ReportRow[] = [];
  const regions = new Map<string, string | undefined>();
  let batch: ReportRow[] = [];
  const flush = async () => {
    const analyses = new Map((await store.getAnalyses(batch.map((r) => r.doc._id))).map((a) => [a.docId, a]));
    const keys = [...new Set(batch.map((r) => r.doc.authorKey).filter((k): k is string => !!k && !regions.has(k)))];
    for (const author of keys.length ? await store.getAuthors(keys) : []) regions.set(author._id, regionOf(author.location));
    for (const k of keys) if (!regions.has(k)) regions.set(k, undefined);
    for (const r of batch) {
      const a = analyses.get(r.doc._id);
      // An analysis of an older text is stale: the report shows the document as not analysed.
      if (a && a.contentHash === r.doc.contentHash) r.analysis = a;
      const region = r.doc.authorKey ? regions.get(r.doc.authorKey) : undefined;
      if (region) r.region = region;
      rows.push(r);
    }
    batch = [];
  };
  for await (const doc of store.findDocuments({}, { sort: '_id' })) {
    const about = [doc.brand, ...(doc.brands ?? [])].some((b) => b && brandIds.has(b));
    if (!about) continue;
    batch.push({ doc });
    if (batch.length >= 1000) await flush();
  }
  if (batch.length) await flush();
  return rows;
}

/** Builds and writes the project's report. */
export async function reportProject(
  config: RadarConfig,
  store: Store,
  options: { formats?: ReportFormat[]; outDir?: string; log?: Logger; alerts?: boolean } = {},
): Promise<ReportOutcome> {
  const log = options.log ?? stageLogger('report');
  const formats = options.formats ?? (config.report.formats as ReportFormat[]);
  const outDir = resolve(options.outDir ?? config.report.outDir);
  const rows = await loadRows(config, store);
  const [previous] = await store.latestPersonaSets(config.project, 1);
  const runs = await store.listRuns({ limit: 1000 });
  const now = new Date().toISOString();
  const { report, personaSet } = buildReport({
    project: reportProjectOf(config),
    rows,
    runs,
    previous,
    now,
    personaSetId: `${config.project}-${now.replace(/[-:.TZ]/g, '').slice(0, 14)}`,
  });
  await store.savePersonaSet(personaSet);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, content: string) => {
    const file = join(outDir, name);
    await writeFile(file, content);
    files.push(file);
  };
  for (const file of reportFilesFor(formats)) await write(file.name, file.render(report, rows));
  if (formats.includes('pdf')) {
    const { htmlToPdf } = await import('../reports/render/pdf.js');
    const file = join(outDir, 'report.pdf');
    await htmlToPdf(join(outDir, 'index.html'), file, config.crawl);
    files.push(file);
  }
  await rememberReportFolder(store, outDir);
  log.info({ outDir, documents: rows.length, personas: report.personas.length }, 'report written');
  // Alerts follow the report they read; they never fail it (runAlerts does not throw, and bounds its deliveries).
  const alerts =
    options.alerts === false ? undefined : await runAlerts(config, store, { report, rows, runs }, log.child({ stage: 'alerts' }));
  return { outDir, files, documents: rows.length, personas: report.personas.length, report, ...(alerts ? { alerts } : {}) };
}

/** Meta key listing the folders reports were written to (`radar forget` cleans them all). */
const REPORT_FOLDERS = 'reportFolders';

/** A folder a report was written to, and the machine that wrote it. */
interface ReportFolder {
  dir: string;
  host: string;
}

async function listedFolders(store: Store): Promise<ReportFolder[]> {
  let listed: unknown = [];
  try {
    listed = JSON.parse((await store.getMeta(REPORT_FOLDERS)) ?? '[]');
  } catch {
    listed = [];
  }
  if (!Array.isArray(listed)) return [];
  // Earlier versions kept bare paths, written on this machine.
  return listed
    .map((d: unknown) => (typeof d === 'string' ? { dir: d, host: hostname() } : d))
    .filter((d): d is ReportFolder => !!d && typeof (d as ReportFolder).dir === 'string' && typeof (d as ReportFolder).host === 'string');
}

/**
 * The folders reports were written to: those on this machine that still exist (the configured one
 * first), and those written on other machines (service mode: a worker's own disk), which only that
 * machine can clean.
 */
export async function reportFolders(store: Store, configured: string): Promise<{ here: string[]; elsewhere: ReportFolder[] }> {
  const listed = await listedFolders(store);
  const here = [...new Set([configured, ...listed.filter((f) => f.host === hostname()).map((f) => f.dir)])].filter((d) => existsSync(d));
  return { here, elsewhere: listed.filter((f) => f.host !== hostname()) };
}

async function rememberReportFolder(store: Store, outDir: string): Promise<void> {
  const listed = await listedFolders(store);
  const me = hostname();
  // The newest first, a bounded list; folders of this machine that no longer exist drop out,
  // other machines' folders stay (only they can tell).
  const next = [{ dir: outDir, host: me }, ...listed.filter((f) => !(f.host === me && (f.dir === outDir || !existsSync(f.dir))))];
  await store.setMeta(REPORT_FOLDERS, JSON.stringify(next.slice(0, 200)));
}

/**
 * Crawls started from the web app ("run now", or a schedule firing inside `radar serve`). Without
 * Redis they run in this process, one at a time, through the same pipeline steps as `radar crawl`,
 * `radar analyze` and `radar report`, with their progress kept for the live view. With Redis a run
 * is a crawl job on the project's queue, taken by any `radar worker` (which saves the run's
 * progress in the shared store every few seconds).
 */
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { CrawlRun } from '../domain/types.js';
import type { Store } from '../storage/store.js';
import type { ReportFormat } from '../pipeline/report.js';
import { listSources } from '../config/load.js';
import type { RadarQueues } from '../jobs/queues.js';
import { answered } from './service-timeout.js';

/** What the live view shows of a run started here. */
export interface RunProgress {
  /** Id of this request (the crawl run's id once it has one, or the queue's job id). */
  key: string;
  /** Source id. */
  sourceId: string;
  /** Who started it. */
  trigger: 'run-now' | 'schedule';
  /** Where it stands. */
  phase: 'queued' | 'crawling' | 'analysing' | 'reporting' | 'done' | 'failed';
  /** When it was asked for. */
  requestedAt: string;
  /** Crawl run id, once the crawl started. */
  runId?: string;
  /** Pages whose documents were stored so far. */
  pagesStored: number;
  /** Most pages the source allows. */
  maxPages: number;
  /** Documents found so far. */
  documentsFound: number;
  /** New documents so far. */
  documentsNew: number;
  /** Why it failed. */
  error?: string;
  /** When it ended. */
  finishedAt?: string;
  /** Queue job id (service mode). */
  jobId?: string;
}

/** Runs crawls for the web app. */
export interface Runner {
  /** "local" (in this process) or "queue" (BullMQ workers). */
  readonly mode: 'local' | 'queue';
  /** Starts (or joins, when one is already waiting or running) a crawl of a source. */
  start(config: RadarConfig, sourceId: string, trigger: RunProgress['trigger'], options?: { full?: boolean }): Promise<RunProgress>;
  /** Runs started here, newest first (finished ones for a while). */
  recent(): RunProgress[];
  /** Analyses what is new and rebuilds the report now (in these formats; default: the project's). */
  report(config: RadarConfig, formats?: ReportFormat[]): Promise<void>;
  /** Waits for the run in progress, if any. */
  close(): Promise<void>;
}

/** The pipeline steps, loaded on first use (the crawler alone takes seconds to load). */
async function steps() {
  const [{ crawlSource }, { analyzeStore }, { reportProject }, { resolveSalt }] = await Promise.all([
    import('../pipeline/crawl.js'),
    import('../pipeline/analyze.js'),
    import('../pipeline/report.js'),
    import('../pipeline/salt.js'),
  ]);
  return { crawlSource, analyzeStore, reportProject, resolveSalt };
}

/** How many finished runs the live view keeps. */
const KEEP = 50;

/** Crawls in this process, one at a time: crawl, then analyse what it stored, then the report. */
export class LocalRunner implements Runner {
  readonly mode = 'local' as const;
  private readonly runs: RunProgress[] = [];
  private chain: Promise<void> = Promise.resolve();
  private closing = false;
  /** Stops the crawl in progress when the app shuts down (its run is then closed as interrupted). */
  private readonly stop = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    /** Called when a run stored or removed something; resolves once the app shows it. */
    private readonly onStored: () => Promise<unknown>,
  ) {}

  async start(
    config: RadarConfig,
    sourceId: string,
    trigger: RunProgress['trigger'],
    options: { full?: boolean } = {},
  ): Promise<RunProgress> {
    const target = listSources(config).find((t) => t.source.id === sourceId);
    if (!target) throw new Error(`no source "${sourceId}"`);
    const waiting = this.runs.find((r) => r.sourceId === sourceId && (r.phase === 'queued' || r.phase === 'crawling'));
    if (waiting) return waiting;
    const progress = queued(this.runs, `local-${Date.now().toString(36)}-${sourceId}`, sourceId, trigger, target.source.maxPages);
    this.chain = this.chain.then(() => (this.closing ? undefined : this.execute(config, progress, options.full ?? false)));
    return progress;
  }

  private async execute(config: RadarConfig, progress: RunProgress, full: boolean): Promise<void> {
    const log = this.log.child({ source: progress.sourceId });
    const target = listSources(config).find((t) => t.source.id === progress.sourceId)!;
    // The crawl step knows nothing of the live view: a store that watches its writes tells it.
    const watched = new Proxy(this.store, {
      get: (store, prop) => {
        if (prop === 'upsertDocuments') {
          return async (...args: Parameters<Store['upsertDocuments']>) => {
            const result = await store.upsertDocuments(...args);
            progress.pagesStored++;
            progress.documentsFound += args[0].length;
            progress.documentsNew += result.inserted.length;
            return result;
          };
        }
        if (prop === 'saveRun') {
          return async (run: CrawlRun) => {
            if (run.sourceId === progress.sourceId && run.status === 'running') progress.runId ??= run._id;
            return store.saveRun(run);
          };
        }
        const value = Reflect.get(store, prop, store) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(store) : value;
      },
    });
    // The pipeline steps load the crawler, the analyzers and the report builder: only once needed.
    const { crawlSource, analyzeStore, reportProject, resolveSalt } = await steps();
    try {
      progress.phase = 'crawling';
      const salt = await resolveSalt(config, this.store);
      const run = await crawlSource(config, watched, salt, target, {
        incremental: !full,
        closeStaleRuns: this.store.kind === 'embedded',
        log,
      });
      progress.runId = run._id;
      progress.documentsFound = run.stats.documentsFound;
      progress.documentsNew = run.stats.documentsNew;
      if (run.stats.documentsNew + run.stats.documentsUpdated > 0) {
        progress.phase = 'analysing';
        await analyzeStore(config, this.store, { query: { sourceId: target.source.id }, log });
        progress.phase = 'reporting';
        await reportProject(config, this.store, { log });
      }
      // "Done" means the explorer shows what the run stored.
      await this.onStored();
      progress.phase = run.status === 'failed' ? 'failed' : 'done';
      if (run.status === 'failed') progress.error = run.errors[0]?.message ?? 'the crawl failed';
    } catch (err) {
      progress.phase = 'failed';
      progress.error = (err as Error).message;
      log.warn({ err: (err as Error).message }, 'run failed');
      await this.onStored().catch(() => undefined);
    } finally {
      progress.finishedAt = new Date().toISOString();
    }
  }

  recent(): RunProgress[] {
    return this.runs;
  }

  async report(config: RadarConfig, formats?: ReportFormat[]): Promise<void> {
    const done = this.chain.then(async () => {
      const { analyzeStore, reportProject } = await steps();
      await analyzeStore(config, this.store, { log: this.log });
      await reportProject(config, this.store, { log: this.log, formats });
      await this.onStored();
    });
    this.chain = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stop.abort();
    await this.chain.catch(() => undefined);
  }
}

/** Crawls as jobs on the project's queues (service mode). */
export class QueueRunner implements Runner {
  readonly mode = 'queue' as const;
  private readonly runs: RunProgress[] = [];

  constructor(private readonly queues: RadarQueues) {}

  async start(
    config: RadarConfig,
    sourceId: string,
    trigger: RunProgress['trigger'],
    options: { full?: boolean } = {},
  ): Promise<RunProgress> {
    const target = listSources(config).find((t) => t.source.id === sourceId);
    if (!target) throw new Error(`no source "${sourceId}"`);
    const { addCrawlJob } = await import('../jobs/queues.js');
    const jobId = await answered(addCrawlJob(this.queues, { project: config.project, sourceId, trigger: 'api', full: !!options.full }));
    const progress = queued(this.runs, `job-${jobId}`, sourceId, trigger, target.source.maxPages, jobId);
    return progress;
  }

  recent(): RunProgress[] {
    return this.runs;
  }

  async report(config: RadarConfig, _formats?: ReportFormat[]): Promise<void> {
    // A report job writes the project's formats (report.formats), on the worker that takes it.
    const { requestReport } = await import('../jobs/queues.js');
    await answered(requestReport(this.queues, config.project, 0));
  }

  async close(): Promise<void> {}
}

/** A run just asked for, put first in the recent runs (which keep the last KEEP). */
function queued(
  runs: RunProgress[],
  key: string,
  sourceId: string,
  trigger: RunProgress['trigger'],
  maxPages: number,
  jobId?: string,
): RunProgress {
  const progress: RunProgress = {
    key,
    ...(jobId === undefined ? {} : { jobId }),
    sourceId,
    trigger,
    phase: 'queued',
    requestedAt: new Date().toISOString(),
    pagesStored: 0,
    maxPages,
    documentsFound: 0,
    documentsNew: 0,
  };
  runs.unshift(progress);
  runs.splice(KEEP);
  return progress;
}

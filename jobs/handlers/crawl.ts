/**
 * The crawl job of service mode: crawls one configured source into the shared store and, when it
 * stored or changed documents, chains an analyze job for exactly those.
 *
 * - Crawls that may start Chromium (render "browser" or "auto") run in a child process per job, so a
 *   worker's memory stays bounded however many pages a browser renders; static crawls run in place.
 * - Every fetch takes a lease from the Redis-backed per-host limit shared by all workers.
 * - A retried or stall-recovered job pages through everything: its earlier attempt may have stored
 *   the first pages before dying, and an incremental crawl would stop there and lose the rest.
 * - Errors that a retry cannot fix (the source left radar.yaml, a page that cannot be parsed, HTTP
 *   404s) fail at once with UnrecoverableError; everything else is retried with backoff.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import type { ResolvedSource } from '../../config/load.js';
import { listSources } from '../../config/load.js';
import type { RadarConfig, SourceConfig } from '../../config/schema.js';
import type { CrawlRun } from '../../domain/types.js';
import { type ErrorKind, InterruptedError, isRetryableKind, RadarError } from '../../domain/errors.js';
import { crawlSource } from '../../pipeline/crawl.js';
import { resolveSalt } from '../../pipeline/salt.js';
import { trackChanges } from '../../pipeline/track-changes.js';
import { DomainLimit, domainLimitOptions } from '../domain-limit.js';
import { addAnalyzeJob, requestReport, type CrawlJobData, type QueueSettings } from '../queues.js';
import type { IsolateMode, JobContext } from '../job-context.js';
import { rootLogger } from '../../log/logger.js';

/** Most document ids an analyze job carries; beyond that it analyses the whole source. */
const MAX_IDS_PER_ANALYZE = 5_000;
/** Heap cap of a crawl child process, in MB. */
const CHILD_HEAP_MB = 1_024;

/** What a crawl job returns (kept as the job's result). */
export interface CrawlJobResult {
  /** Crawl-run id in the store (`radar runs`). */
  runId: string;
  /** Run status. */
  status: CrawlRun['status'];
  /** Pages fetched. */
  pages: number;
  /** Documents found, new and updated. */
  documents: { found: number; new: number; updated: number };
  /** Whether the crawl ran in a child process. */
  isolated: boolean;
  /** Whether it paged through everything (retries, recoveries, --full). */
  full: boolean;
  /** The analyze job chained for its documents, if any. */
  analyzeJobId?: string;
}

/** A crawl request sent to the child process. */
export interface ChildRequest {
  /** The project config (environment overrides applied). */
  config: RadarConfig;
  /** The source. */
  target: ResolvedSource;
  /** Stop at the first page of known reviews. */
  incremental: boolean;
  /** Mark this source's runs left "running" as failed (a recovering job: see crawlSource). */
  closeStaleRuns?: boolean;
  /** Redis for the shared domain limit. */
  queue: Pick<QueueSettings, 'redisUrl' | 'prefix'>;
}

/** The child's answer. */
export type ChildReply =
  | { ok: true; run: CrawlRun; changed: string[] }
  | { ok: false; error: { name: string; message: string; kind: ErrorKind; unrecoverable: boolean } };

/** Whether an error is one a retry cannot fix: decided by its kind, set where it happened. */
export function isPermanent(err: unknown): boolean {
  return err instanceof UnrecoverableError || (err instanceof RadarError && !isRetryableKind(err.kind));
}

/** Whether a crawl of a source runs in a child process. */
export function shouldIsolate(mode: IsolateMode, render: SourceConfig['render']): boolean {
  return mode === 'always' || (mode === 'browser' && render !== 'static');
}

/** What a finished crawl run means for the job: done, worth a retry, or not. */
export function crawlVerdict(run: CrawlRun, kind: SourceConfig['kind']): { ok: true } | { retry: string } | { unrecoverable: string } {
  const firstErrors = run.errors
    .slice(0, 3)
    .map((e) => `${e.url}: ${e.message}`)
    .join('; ');
  if (run.status === 'failed') {
    // Every page failed for a reason another attempt cannot fix (a 404, an oversized page). A run
    // stored before errors had kinds counts as worth a retry.
    const permanent = run.errors.length > 0 && run.errors.every((e) => e.kind !== undefined && !isRetryableKind(e.kind));
    const message = `every page of source "${run.sourceId}" failed (${firstErrors || 'no detail'})`;
    return permanent ? { unrecoverable: `${message}; fix the source's URLs in radar.yaml` } : { retry: message };
  }
  const s = run.stats;
  if (kind === 'reviews' && s.documentsFound === 0 && s.pagesFetched > 0 && s.pagesFailed + s.pagesBlocked === 0) {
    return {
      unrecoverable: `no reviews found on ${s.pagesFetched} page(s) of source "${run.sourceId}": the pages could not be parsed; preview with \`radar crawl --url URL --dry-run\` and add a CSS recipe to the source if needed`,
    };
  }
  return { ok: true };
}

/** The compiled child entry. Under vitest this module runs from source, so the child runs the build in dist/ (test/global-setup.ts compiles it). */
function childScript(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? resolve(dirname(here), '..', '..', 'dist', 'jobs', 'handlers', 'crawl-child.js')
    : join(dirname(here), 'crawl-child.js');
}

/** Runs one crawl in a child process; the child is killed when `signal` aborts. */
export function crawlInChild(request: ChildRequest, signal?: AbortSignal): Promise<{ run: CrawlRun; changed: string[] }> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(childScript(), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [`--max-old-space-size=${CHILD_HEAP_MB}`],
      env: { ...process.env, RADAR_LOG_LEVEL: process.env.RADAR_LOG_LEVEL ?? String(rootLogger().level) },
    });
    let settled = false;
    const kill = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', kill, { once: true });
    child.on('message', (reply: ChildReply) => {
      settled = true;
      if (reply.ok) resolvePromise({ run: reply.run, changed: reply.changed });
      else {
        const err = reply.error.unrecoverable
          ? new UnrecoverableError(reply.error.message)
          : reply.error.kind === 'interrupted'
            ? new InterruptedError(reply.error.message)
            : new Error(reply.error.message);
        reject(err);
      }
    });
    child.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    child.on('exit', (code, sig) => {
      signal?.removeEventListener('abort', kill);
      if (!settled)
        reject(
          new Error(`the crawl process of source "${request.target.source.id}" ended (${sig ?? `exit code ${code}`}) before finishing`),
        );
      settled = true;
    });
    child.send(request);
  });
}

/** Whether the newest analyze job of a source that ended, ended failed (among the queue's kept jobs). */
async function analysisMissed(queues: JobContext['queues'], sourceId: string): Promise<boolean> {
  const [failed, completed] = await Promise.all([queues.analyze.getFailed(0, 199), queues.analyze.getCompleted(0, 199)]);
  const last = (jobs: Job[]) =>
    Math.max(0, ...jobs.filter((j) => (j.data as { sourceId?: string }).sourceId === sourceId).map((j) => j.finishedOn ?? 0));
  const lastFailed = last(failed);
  return lastFailed > 0 && lastFailed >= last(completed);
}

/** The crawl job handler. */
export async function crawlJob(job: Job<CrawlJobData>, ctx: JobContext): Promise<CrawlJobResult> {
  const config = await ctx.config();
  if (job.data.project !== config.project) {
    throw new UnrecoverableError(
      `this job belongs to project "${job.data.project}" but the worker's radar.yaml is project "${config.project}"`,
    );
  }
  const target = listSources(config).find((t) => t.source.id === job.data.sourceId);
  if (!target) {
    throw new UnrecoverableError(
      `source "${job.data.sourceId}" is not in radar.yaml (removed or renamed?); run \`radar schedule sync\` to drop its schedule`,
    );
  }
  const recovering = job.attemptsStarted > 1 || job.attemptsMade > 0 || (job.stalledCounter ?? 0) > 0;
  const incremental = !job.data.full && !recovering;
  const isolated = shouldIsolate(ctx.isolate, target.source.render);
  const log = ctx.log.child({ source: target.source.id });
  if (recovering)
    log.info({ attempt: job.attemptsStarted }, 'crawl resumed after a failure or a crashed worker: paging through everything');

  let run: CrawlRun;
  let changed: string[];
  try {
    if (isolated) {
      ({ run, changed } = await crawlInChild(
        {
          config,
          target,
          incremental,
          closeStaleRuns: recovering,
          queue: { redisUrl: ctx.settings.redisUrl, prefix: ctx.settings.prefix },
        },
        ctx.signal,
      ));
    } else {
      const limit = new DomainLimit(ctx.redis, { ...domainLimitOptions(ctx.settings.prefix, config.crawl), log });
      const tracked = trackChanges(ctx.store);
      const salt = await resolveSalt(config, ctx.store);
      run = await crawlSource(config, tracked.store, salt, target, {
        incremental,
        closeStaleRuns: recovering,
        log,
        signal: ctx.signal,
        acquireLease: (url) => limit.acquire(url),
      });
      changed = [...tracked.changed];
    }
  } catch (err) {
    if (isPermanent(err) && !(err instanceof UnrecoverableError)) throw new UnrecoverableError((err as Error).message);
    throw err;
  }

  const verdict = crawlVerdict(run, target.source.kind);
  // Documents stored before a failure still deserve analysis, so chain first, then fail.
  let analyzeJobId: string | undefined;
  // An analysis of this source that failed for good (the store was away longer than its retries)
  // left documents unanalysed that no later crawl would ask for: this crawl asks for the whole source.
  const missed =
    changed.length === 0 && !recovering && run.stats.documentsFound > 0 && (await analysisMissed(ctx.queues, target.source.id));
  if (missed) log.info('an earlier analysis of this source failed: analysing the whole source');
  if (changed.length > 0 || (recovering && run.stats.documentsFound > 0) || missed) {
    analyzeJobId = await addAnalyzeJob(ctx.queues, {
      project: config.project,
      sourceId: target.source.id,
      // After a recovery the earlier attempt's documents are "unchanged" now: analyse the whole source (current analyses are skipped).
      docIds: recovering || missed || changed.length > MAX_IDS_PER_ANALYZE ? undefined : changed,
      crawlJobId: job.id,
    });
  }
  // A source that came back empty or failing stores nothing to analyse, yet its health alert needs a report run.
  if (
    !analyzeJobId &&
    (run.status !== 'ok' || run.stats.documentsFound === 0) &&
    config.alerts.rules.some((r) => r.type === 'source-health')
  ) {
    await requestReport(ctx.queues, config.project, ctx.reportDelayMs);
  }
  if ('unrecoverable' in verdict) throw new UnrecoverableError(verdict.unrecoverable);
  if ('retry' in verdict) throw new Error(verdict.retry);
  return {
    runId: run._id,
    status: run.status,
    pages: run.stats.pagesFetched,
    documents: { found: run.stats.documentsFound, new: run.stats.documentsNew, updated: run.stats.documentsUpdated },
    isolated,
    full: !incremental,
    analyzeJobId,
  };
}

/**
 * The BullMQ queues of service mode: their names, the job data each carries, the Redis connections
 * (a patient one for workers, a fail-fast one for CLI commands) and the job options every producer
 * uses, so `schedule sync`, `schedule run-now` and chained jobs add jobs alike.
 *
 * Queues are per project (`<project>.crawl`, `<project>.analyze`, `<project>.report`) under the
 * configured key prefix, so two projects on one Redis never take each other's jobs.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { Queue, type JobsOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import { ConfigError, RadarError } from '../domain/errors.js';
import { stageLogger } from '../log/logger.js';

/** The kinds of job, in pipeline order; each has its own queue. */
export const JOB_KINDS = ['crawl', 'analyze', 'report', 'retention'] as const;

/** A kind of job (and the short name of its queue). */
export type JobKind = (typeof JOB_KINDS)[number];

/** Data of a crawl job: one configured source. */
export interface CrawlJobData {
  /** Project the source belongs to (checked against the worker's radar.yaml). */
  project: string;
  /** Source id in radar.yaml. */
  sourceId: string;
  /** Who asked: a schedule, `schedule run-now`, or a test or benchmark. */
  trigger: 'schedule' | 'run-now' | 'api';
  /** Page through everything instead of stopping at the first page of known reviews. */
  full?: boolean;
}

/** Data of an analyze job: the documents a crawl stored or changed. */
export interface AnalyzeJobData {
  /** Project. */
  project: string;
  /** Source whose documents to analyse. */
  sourceId: string;
  /** Only these documents; absent means every document of the source that needs it. */
  docIds?: string[];
  /** The crawl job that produced them, for tracing. */
  crawlJobId?: string;
}

/** Data of a report job. */
export interface ReportJobData {
  /** Project whose report to regenerate. */
  project: string;
  /** Only deliver the alerts that are due (a digest time came, a retry is due); the report is left as it is. */
  alertsOnly?: boolean;
}

/** Data of a retention job: sweep documents past `privacy.retentionDays` (a scheduled job). */
export interface RetentionJobData {
  /** Project whose store to sweep. */
  project: string;
}

/** Job data by kind. */
export interface JobDataOf {
  /** Crawl. */
  crawl: CrawlJobData;
  /** Analyze. */
  analyze: AnalyzeJobData;
  /** Report. */
  report: ReportJobData;
  /** Retention sweep. */
  retention: RetentionJobData;
}

/** Where the queues live: Redis URL, key prefix and the project they belong to. */
export interface QueueSettings {
  /** Redis URL. */
  redisUrl: string;
  /** Key prefix of every BullMQ key (and of the domain limits). */
  prefix: string;
  /** Project name (namespaces the queues). */
  project: string;
}

/** Keeps Redis from growing without bound while `radar jobs` still has a week of history. */
const KEEP = { removeOnComplete: { age: 7 * 86_400, count: 1_000 }, removeOnFail: { age: 30 * 86_400, count: 5_000 } };

/** Job options of each kind: attempts and exponential backoff sized to what a retry waits for. */
export const JOB_OPTIONS: Record<JobKind, JobsOptions> = {
  // A site that is down is usually down for minutes, not seconds.
  crawl: { attempts: 4, backoff: { type: 'exponential', delay: 60_000 }, ...KEEP },
  // Analysis and reports fail only when the store does: retried for about ten minutes (5 s, 10 s, …
  // 320 s), and a later crawl of the source asks again for an analysis that failed for good.
  analyze: { attempts: 8, backoff: { type: 'exponential', delay: 5_000 }, ...KEEP },
  report: { attempts: 6, backoff: { type: 'exponential', delay: 15_000 }, ...KEEP },
  // A sweep that fails is tried again within the hour; the next scheduled one comes anyway.
  retention: { attempts: 4, backoff: { type: 'exponential', delay: 60_000 }, ...KEEP },
};

/** The queue settings of a project; throws ConfigError (exit 78) when no Redis URL is configured. */
export function queueSettings(config: Pick<RadarConfig, 'queue' | 'project'>, file?: string): QueueSettings {
  const redisUrl = config.queue.redisUrl;
  if (!redisUrl) {
    throw new ConfigError(
      ['queue.redisUrl: service mode needs Redis; set RADAR_REDIS_URL (e.g. redis://127.0.0.1:6379) or queue.redisUrl'],
      file,
    );
  }
  if (!/^rediss?:\/\//i.test(redisUrl) || !URL.canParse(redisUrl)) {
    throw new ConfigError([`queue.redisUrl: "${redactUrl(redisUrl)}" is not a redis:// or rediss:// URL`], file);
  }
  return { redisUrl, prefix: config.queue.prefix, project: config.project };
}

/** The queue name of a kind for a project, e.g. `radar.crawl` (BullMQ forbids ":" in names). */
export function queueName(project: string, kind: JobKind): string {
  const slug = legacySlug(project);
  // A name the slug does not keep as it is ("Shop Radar", "Кофейня") gets a hash of the exact name:
  // two projects whose slugs meet ("shop-radar") must not share queues and schedules.
  const exact = slug === project ? slug : `${slug}-${createHash('sha256').update(project).digest('hex').slice(0, 8)}`;
  return `${exact}.${kind}`;
}

function legacySlug(project: string): string {
  return (
    project
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'radar'
  );
}

/** The queue name earlier versions used (the slug alone), when it differs from the one used now. */
export function legacyQueueName(project: string, kind: JobKind): string | undefined {
  const old = `${legacySlug(project)}.${kind}`;
  return old === queueName(project, kind) ? undefined : old;
}

/** A Redis URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/** Reconnect delay after `times` failed attempts: exponential from 250 ms to 10 s, with jitter. */
export function reconnectDelayMs(times: number): number {
  const exp = Math.min(10_000, 250 * 2 ** Math.max(0, times - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * A connection for long-running services (workers, `radar serve`): commands wait while Redis is away
 * (`maxRetriesPerRequest: null`, which BullMQ workers require) and the client reconnects with
 * backoff, saying so in the log once per outage and again when Redis is back.
 */
export function serviceConnection(url: string, log: Logger = stageLogger('queue')): Redis {
  const conn = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectTimeout: 5_000,
    retryStrategy: reconnectDelayMs,
  });
  watchConnection(conn, url, log);
  return conn;
}

/** Logs a connection's outages and recoveries (ioredis emits an error per failed attempt: said once). */
export function watchConnection(conn: Redis, url: string, log: Logger): void {
  let down = false;
  let lastError = '';
  conn.on('error', (err: Error) => {
    lastError = (err as NodeJS.ErrnoException).code ?? err.message;
  });
  conn.on('reconnecting', (delay: number) => {
    if (!down)
      log.warn({ redis: redactUrl(url), err: lastError || undefined, retryInMs: delay }, 'Redis unreachable; reconnecting with backoff');
    else log.debug({ retryInMs: delay }, 'Redis still unreachable; reconnecting');
    down = true;
  });
  conn.on('ready', () => {
    if (down) log.info({ redis: redactUrl(url) }, 'Redis connection restored');
    down = false;
  });
}

/**
 * A connection for one-shot commands: connects within `timeoutMs` or throws a RadarError naming the
 * address (never the password) and what to do, instead of retrying forever.
 */
export async function commandConnection(url: string, timeoutMs = 3_000): Promise<Redis> {
  const conn = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    // Fail fast: a command that cannot reach Redis should say so, not hang.
    retryStrategy: (times) => (times > 2 ? null : 200),
  });
  let lastError = '';
  conn.on('error', (err: Error) => {
    lastError = (err as NodeJS.ErrnoException).code ?? err.message;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      conn.connect().then(() => conn.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return conn;
  } catch (err) {
    conn.disconnect();
    const why = lastError || (err as Error).message;
    throw new RadarError(`cannot reach Redis at ${redactUrl(url)} (${why}); start Redis or point RADAR_REDIS_URL / queue.redisUrl at it`);
  } finally {
    clearTimeout(timer);
  }
}

/** One queue per kind, sharing a connection. */
export type RadarQueues = Record<JobKind, Queue>;

/** Opens the three queues of a project on a connection (closing them leaves the connection open). */
export function openQueues(conn: Redis, settings: QueueSettings, log: Logger = stageLogger('queue')): RadarQueues {
  const make = (kind: JobKind) => {
    const queue = new Queue(queueName(settings.project, kind), { connection: conn, prefix: settings.prefix });
    // Without a listener BullMQ prints every connection error to the console as a raw stack trace
    // (dozens a minute while Redis is away); the connection already says so once, in the log.
    queue.on('error', (err: Error) => {
      if (conn.status === 'ready') log.error({ queue: kind, err: err.message }, 'queue error');
      else log.debug({ queue: kind, err: err.message }, 'queue error while Redis is away');
    });
    return queue;
  };
  return { crawl: make('crawl'), analyze: make('analyze'), report: make('report'), retention: make('retention') };
}

/** Closes queues (not their shared connection). */
export async function closeQueues(queues: RadarQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** Adds a crawl job for a source now. */
export async function addCrawlJob(queues: RadarQueues, data: CrawlJobData, opts: JobsOptions = {}): Promise<string> {
  const job = await queues.crawl.add('crawl', data, { ...JOB_OPTIONS.crawl, ...opts });
  return job.id!;
}

/** Adds an analyze job. */
export async function addAnalyzeJob(queues: RadarQueues, data: AnalyzeJobData, opts: JobsOptions = {}): Promise<string> {
  const job = await queues.analyze.add('analyze', data, { ...JOB_OPTIONS.analyze, ...opts });
  return job.id!;
}

/**
 * Asks for the project's report to be regenerated once the burst of work settles: one delayed job
 * per project whose start moves back `delayMs` with every request (debounce); a request that
 * arrives while the report is being built queues exactly one more run, so no analysis is left out.
 */
export async function requestReport(queues: RadarQueues, project: string, delayMs: number): Promise<void> {
  await queues.report.add('report', { project } satisfies ReportJobData, {
    ...JOB_OPTIONS.report,
    delay: delayMs,
    deduplication: { id: `report-${project}`, keepLastIfActive: true, reschedule: true },
  });
}

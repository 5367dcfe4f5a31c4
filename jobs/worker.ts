/**
 * A service-mode worker: one BullMQ Worker per queue it serves (crawl, analyze, report), each
 * looking its handler up in the registry, all sharing one Redis connection and one store.
 *
 * - Crash safety comes from BullMQ's job locks: a worker that dies (even `kill -9`) stops renewing
 *   them, and any other worker's stalled checker moves its jobs back to wait within about
 *   `lockDuration + 2 × stalledInterval`. Crawls are idempotent upserts, so a re-run stores nothing twice.
 * - `stop(graceMs)` takes no new jobs, lets running ones finish for `graceMs`, then gives the rest
 *   back to the queue (moved to wait, attempts untouched) so another worker starts them at once.
 * - Redis outages: the connection reconnects with backoff and logs the outage and the recovery.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, WaitingError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import { ConfigError, errorKind } from '../domain/errors.js';
import { stageLogger } from '../log/logger.js';
import { JOB_HANDLERS } from './registry.js';
import {
  closeQueues,
  JOB_KINDS,
  openQueues,
  queueName,
  serviceConnection,
  type JobKind,
  type QueueSettings,
  type RadarQueues,
} from './queues.js';
import type { IsolateMode, JobContext } from './job-context.js';

/** Options of a worker. */
export interface RadarWorkerOptions {
  /** Redis URL, key prefix, project. */
  settings: QueueSettings;
  /** The shared store (the caller opens and closes it). */
  store: Store;
  /** Reads the project's config; called per job so edits to radar.yaml apply without a restart. */
  loadConfig(): Promise<RadarConfig>;
  /** Queues to take jobs from (default: all three). */
  kinds?: JobKind[];
  /** Jobs run at once per queue (default 2). */
  concurrency?: number;
  /** How long a report waits for a burst of analyses to settle, in ms (default 60 s). */
  reportDelayMs?: number;
  /** How long a job's lock lives without renewal, in ms (default 30 s): how soon a dead worker's jobs are noticed. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs, in ms (default 30 s). */
  stalledIntervalMs?: number;
  /** How many times a job may be recovered from a dead worker before it fails (default 2). */
  maxStalledCount?: number;
  /** Which crawls run in a child process (default: those that may start a browser). */
  isolate?: IsolateMode;
  /** Name recorded on the jobs it processes (default host:pid). */
  name?: string;
  /** Logger. */
  log?: Logger;
}

/** A running worker. */
export class RadarWorker {
  /** The BullMQ workers, by queue. */
  readonly workers: Partial<Record<JobKind, Worker>> = {};
  private stopping?: Promise<{ released: number }>;
  private readonly running = new Map<string, { kind: JobKind; job: Job }>();

  private constructor(
    /** The worker's Redis connection. */
    readonly redis: Redis,
    /** The project's queues (for chained jobs). */
    readonly queues: RadarQueues,
    private readonly log: Logger,
  ) {}

  /** Starts taking jobs from the chosen queues. */
  static async start(options: RadarWorkerOptions): Promise<RadarWorker> {
    const log = options.log ?? stageLogger('worker');
    const kinds = options.kinds ?? [...JOB_KINDS];
    const redis = serviceConnection(options.settings.redisUrl, log);
    const queues = openQueues(redis, options.settings);
    const self = new RadarWorker(redis, queues, log);
    const name = options.name ?? `${hostname()}:${process.pid}`;
    const loadConfig = async () => {
      try {
        return await options.loadConfig();
      } catch (err) {
        // A broken radar.yaml will not mend itself between retries.
        if (err instanceof ConfigError) throw new UnrecoverableError(err.message);
        throw err;
      }
    };
    // Jobs whose lock was lost: their work is stopped, and they are not moved back by hand.
    const lost = new Set<string>();
    for (const kind of kinds) {
      const handler = JOB_HANDLERS[kind] as (job: Job, ctx: JobContext) => Promise<unknown>;
      // Three declared parameters: BullMQ passes an abort signal only to processors that take one.
      const processor = async (job: Job, token: string | undefined, signal: AbortSignal | undefined) => {
        const jobLog = log.child({ queue: kind, job: job.id });
        const ctx: JobContext = {
          config: loadConfig,
          store: options.store,
          queues,
          settings: options.settings,
          redis,
          reportDelayMs: options.reportDelayMs ?? 60_000,
          isolate: options.isolate ?? 'browser',
          signal,
          log: jobLog,
        };
        jobLog.info({ source: (job.data as { sourceId?: string }).sourceId, attempt: job.attemptsStarted }, 'job started');
        self.running.set(`${kind}:${job.id}`, { kind, job });
        try {
          const work = handler(job, ctx).catch(async (err: unknown) => {
            // Ctrl-C stops a crawl where it is (Crawlee listens for SIGINT too): give the job back,
            // as on SIGTERM, so that another attempt pages through everything.
            if (errorKind(err) !== 'interrupted') throw err;
            await job.moveToWait(token);
            jobLog.warn('crawl interrupted (SIGINT): job given back to the queue for another worker');
            throw new WaitingError();
          });
          if (!signal) return await work;
          const released = new Promise<never>((_, reject) => {
            signal.addEventListener('abort', () => reject(new ReleaseSignal()), { once: true });
          });
          try {
            return await Promise.race([work, released]);
          } catch (err) {
            if (!(err instanceof ReleaseSignal)) throw err;
            // Shutdown outlasted the grace period, or the job's lock was lost: stop its work and
            // give the job back instead of failing it (with the lock lost, the queue already has).
            work.catch(() => undefined);
            if (lost.has(String(job.id))) {
              lost.delete(String(job.id));
              jobLog.warn('stopped a job whose lock was lost (Redis away too long): the queue gives it to a worker again');
            } else {
              await job.moveToWait(token);
              jobLog.warn('job given back to the queue for another worker (shutdown)');
            }
            throw new WaitingError();
          }
        } finally {
          self.running.delete(`${kind}:${job.id}`);
        }
      };
      const worker = new Worker(queueName(options.settings.project, kind), processor, {
        connection: redis,
        prefix: options.settings.prefix,
        concurrency: options.concurrency ?? 2,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        maxStalledCount: options.maxStalledCount ?? 2,
        name,
      });
      worker.on('completed', (job) => log.info({ queue: kind, job: job.id }, 'job completed'));
      worker.on('failed', (job, err) => {
        const final =
          !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError || err.name === 'UnrecoverableError';
        log.warn(
          { queue: kind, job: job?.id, attempt: job?.attemptsMade, err: err.message },
          final ? 'job failed' : 'job failed; will retry with backoff',
        );
      });
      // A job whose lock could not be renewed (Redis away longer than the lock) counts as stalled and
      // is started again, here or elsewhere: the work still running for it must stop, or the same
      // crawl runs twice at once.
      worker.on('lockRenewalFailed', (jobIds: string[]) => {
        for (const id of jobIds) {
          lost.add(String(id));
          worker.cancelJob(id, 'lock lost');
        }
      });
      worker.on('stalled', (jobId) =>
        log.warn({ queue: kind, job: jobId }, 'job stalled (its worker died or froze); moved back to wait for another worker'),
      );
      // Connection errors are already reported once per outage by the connection itself.
      worker.on('error', (err) => {
        if (redis.status === 'ready') log.error({ queue: kind, err: err.message }, 'worker error');
        else log.debug({ queue: kind, err: err.message }, 'worker error while Redis is away');
      });
      self.workers[kind] = worker;
    }
    await Promise.all(Object.values(self.workers).map((w) => w.waitUntilReady()));
    log.info({ queues: kinds, concurrency: options.concurrency ?? 2, name }, 'worker ready');
    return self;
  }

  /** Jobs running now. */
  get activeJobs(): number {
    return this.running.size;
  }

  /**
   * Stops: no new jobs; running jobs get `graceMs` to finish, then are given back to the queue.
   * Resolves once every connection is closed, with how many jobs were given back.
   */
  stop(graceMs = 10_000): Promise<{ released: number }> {
    this.stopping ??= (async () => {
      const workers = Object.values(this.workers);
      this.log.info({ running: this.running.size, graceMs }, 'stopping: taking no new jobs');
      const closing = Promise.all(workers.map((w) => w.close()));
      let released = 0;
      const finished = await Promise.race([closing.then(() => true), sleep(graceMs).then(() => false)]);
      if (!finished) {
        released = this.running.size;
        this.log.warn({ jobs: [...this.running.keys()] }, 'grace period over: giving running jobs back to the queue');
        for (const w of workers) w.cancelAllJobs('worker shutting down');
        await Promise.race([closing, sleep(5_000)]);
      }
      await closeQueues(this.queues).catch(() => undefined);
      await Promise.race([this.redis.quit().catch(() => undefined), sleep(1_000)]);
      this.redis.disconnect();
      this.log.info({ released }, 'worker stopped');
      return { released };
    })();
    return this.stopping;
  }
}

/** Thrown into a processor when its job must be given back on shutdown. */
class ReleaseSignal extends Error {
  override name = 'ReleaseSignal';
}

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms).unref());
}

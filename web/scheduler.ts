/**
 * Crawl schedules for the web app. Without Redis they fire inside `radar serve` (croner, one job
 * per scheduled source, in the source's time zone); with Redis they are the project's BullMQ job
 * schedulers, synced whenever the project changes — the same ones `radar schedule sync` keeps.
 * Either way the schedules page lists each with its next run.
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import { listSources } from '../config/load.js';
import type { RadarQueues } from '../jobs/queues.js';
import type { Runner } from './runner.js';
import { answered } from './service-timeout.js';

/** A source's schedule as the schedules page shows it. */
export interface ScheduleView {
  /** Source id. */
  sourceId: string;
  /** Brand id of the source. */
  brand?: string;
  /** Product id of the source. */
  product?: string;
  /** Cron expression, when scheduled. */
  cron?: string;
  /** Time zone it is read in. */
  timezone: string;
  /** Paused: kept, but fires nothing. */
  paused: boolean;
  /** Next run (ISO 8601, UTC), when it will fire. */
  next?: string;
}

/** Keeps the schedules of the current project. */
export interface Scheduler {
  /** "in-process" (croner) or "bullmq". */
  readonly mode: 'in-process' | 'bullmq';
  /** Makes the schedules those of `config`. */
  sync(config: RadarConfig): Promise<void>;
  /** Every source with its schedule and next run. */
  list(config: RadarConfig): Promise<ScheduleView[]>;
  /** Stops firing. */
  close(): void;
}

function views(config: RadarConfig, next: (sourceId: string) => string | undefined): ScheduleView[] {
  return listSources(config).map((t) => ({
    sourceId: t.source.id,
    ...(t.brand ? { brand: t.brand } : {}),
    ...(t.product ? { product: t.product } : {}),
    ...(t.source.schedule ? { cron: t.source.schedule } : {}),
    timezone: t.source.timezone ?? 'UTC',
    paused: !!t.source.paused,
    ...(t.source.schedule && !t.source.paused && next(t.source.id) ? { next: next(t.source.id) } : {}),
  }));
}

/** Schedules that fire in this process (no Redis). */
export class InProcessScheduler implements Scheduler {
  readonly mode = 'in-process' as const;
  private jobs = new Map<string, { cron: Cron; key: string }>();
  private config?: RadarConfig;

  constructor(
    private readonly runner: Runner,
    private readonly log: Logger,
  ) {}

  async sync(config: RadarConfig): Promise<void> {
    this.config = config;
    const wanted = new Map<string, { pattern: string; tz: string }>();
    for (const t of listSources(config)) {
      if (t.source.schedule && !t.source.paused) wanted.set(t.source.id, { pattern: t.source.schedule, tz: t.source.timezone ?? 'UTC' });
    }
    for (const [id, job] of this.jobs) {
      const w = wanted.get(id);
      if (!w || job.key !== `${w.pattern}|${w.tz}`) {
        job.cron.stop();
        this.jobs.delete(id);
      }
    }
    for (const [id, w] of wanted) {
      if (this.jobs.has(id)) continue;
      // protect: a crawl still running when its next time comes is not started twice.
      const cron = new Cron(w.pattern, { timezone: w.tz, protect: true, name: `radar-${id}` }, () => {
        const current = this.config;
        if (!current) return;
        this.runner
          .start(current, id, 'schedule')
          .catch((err: unknown) => this.log.warn({ source: id, err: (err as Error).message }, 'scheduled crawl not started'));
      });
      this.jobs.set(id, { cron, key: `${w.pattern}|${w.tz}` });
    }
    this.log.info({ schedules: this.jobs.size }, 'schedules set (in this process)');
  }

  async list(config: RadarConfig): Promise<ScheduleView[]> {
    return views(config, (id) => this.jobs.get(id)?.cron.nextRun()?.toISOString());
  }

  close(): void {
    for (const job of this.jobs.values()) job.cron.stop();
    this.jobs.clear();
  }
}

/** Schedules as BullMQ job schedulers (service mode): workers anywhere take the crawls. */
export class QueueScheduler implements Scheduler {
  readonly mode = 'bullmq' as const;

  constructor(private readonly queues: RadarQueues) {}

  async sync(config: RadarConfig): Promise<void> {
    const { syncSchedules } = await import('../jobs/schedules.js');
    await answered(syncSchedules(this.queues, config));
  }

  async list(config: RadarConfig): Promise<ScheduleView[]> {
    const { listSchedules } = await import('../jobs/schedules.js');
    const stored = await answered(listSchedules(this.queues, config));
    const next = new Map(stored.filter((s) => s.sourceId && s.next).map((s) => [s.sourceId!, s.next!]));
    return views(config, (id) => next.get(id));
  }

  close(): void {}
}

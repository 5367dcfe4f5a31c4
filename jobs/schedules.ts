/**
 * Crawl schedules: the config's `schedule` (cron) + `timezone` per source become BullMQ job
 * schedulers with a stable id per source, so `radar schedule sync` is safe to run on every deploy —
 * unchanged schedules stay as they are, changed ones are updated in place, and schedulers whose
 * source left the config (or lost its schedule) are removed.
 */
import type { RadarConfig } from '../config/schema.js';
import { listSources } from '../config/load.js';
import { Queue } from 'bullmq';
import { JOB_OPTIONS, legacyQueueName, type CrawlJobData, type RadarQueues } from './queues.js';

/** The scheduler id of a source (stable across deploys; the queue is already per project). */
export function schedulerId(sourceId: string): string {
  return `source:${sourceId}`;
}

/** The schedule a source asks for. */
export interface WantedSchedule {
  /** Scheduler id. */
  id: string;
  /** Source id. */
  sourceId: string;
  /** Cron expression. */
  pattern: string;
  /** IANA time zone (UTC when the source names none). */
  tz: string;
}

/** A scheduler as stored in Redis, with its next run. */
export interface ScheduleEntry {
  /** Scheduler id. */
  id: string;
  /** Source id, when the scheduler is one of ours. */
  sourceId?: string;
  /** Cron expression. */
  pattern?: string;
  /** Time zone. */
  tz?: string;
  /** Next run (ISO 8601, UTC), if one is planned. */
  next?: string;
  /** The scheduler differs from radar.yaml: "in sync", "changed in radar.yaml", "not in radar.yaml" or "not synced". */
  status: 'in sync' | 'changed' | 'not in config' | 'not synced';
}

/** What a sync did. */
export interface SyncOutcome {
  /** Scheduler ids created. */
  added: string[];
  /** Scheduler ids whose cron or time zone changed. */
  updated: string[];
  /** Scheduler ids already as configured (upserted again, harmlessly). */
  unchanged: string[];
  /** Scheduler ids removed because their source no longer has a schedule. */
  removed: string[];
}

/** The schedules the config asks for, one per scheduled source. */
export function wantedSchedules(config: RadarConfig): WantedSchedule[] {
  return listSources(config)
    .filter((t) => t.source.schedule && !t.source.paused)
    .map((t) => ({ id: schedulerId(t.source.id), sourceId: t.source.id, pattern: t.source.schedule!, tz: t.source.timezone ?? 'UTC' }));
}

/** Turns the config's schedules into job schedulers and removes the ones no longer configured. */
export async function syncSchedules(queues: RadarQueues, config: RadarConfig): Promise<SyncOutcome> {
  const wanted = wantedSchedules(config);
  const existing = new Map((await queues.crawl.getJobSchedulers(0, -1, true)).map((s) => [s.key, s]));
  const outcome: SyncOutcome = { added: [], updated: [], unchanged: [], removed: [] };
  for (const w of wanted) {
    const prev = existing.get(w.id);
    const data: CrawlJobData = { project: config.project, sourceId: w.sourceId, trigger: 'schedule' };
    await queues.crawl.upsertJobScheduler(w.id, { pattern: w.pattern, tz: w.tz }, { name: 'crawl', data, opts: JOB_OPTIONS.crawl });
    if (!prev) outcome.added.push(w.id);
    else if (prev.pattern !== w.pattern || (prev.tz ?? 'UTC') !== w.tz) outcome.updated.push(w.id);
    else outcome.unchanged.push(w.id);
  }
  const keep = new Set(wanted.map((w) => w.id));
  for (const id of existing.keys()) {
    if (keep.has(id)) continue;
    await queues.crawl.removeJobScheduler(id);
    outcome.removed.push(id);
  }
  await dropLegacySchedules(queues, config);
  await syncRetentionSchedule(queues, config);
  return outcome;
}

/** Id of the retention sweep's job scheduler. */
export const RETENTION_SCHEDULER = 'retention';
/** How often the retention sweep runs in service mode. */
export const RETENTION_EVERY_MS = 6 * 3_600_000;

/**
 * The retention sweep as a scheduled job: present (every six hours) while `privacy.retentionDays`
 * is set, gone when it is not. Safe to call on every start.
 */
export async function syncRetentionSchedule(queues: RadarQueues, config: RadarConfig): Promise<'scheduled' | 'removed' | 'none'> {
  if (config.privacy.retentionDays) {
    await queues.retention.upsertJobScheduler(
      RETENTION_SCHEDULER,
      { every: RETENTION_EVERY_MS },
      { name: 'retention', data: { project: config.project }, opts: JOB_OPTIONS.retention },
    );
    return 'scheduled';
  }
  return (await queues.retention.removeJobScheduler(RETENTION_SCHEDULER)) ? 'removed' : 'none';
}

/**
 * Earlier versions named a project's queues by a slug that two projects could share ("Shop Radar",
 * "shop-radar"); schedules made then would keep queueing crawls that no worker takes. This project's
 * own schedulers there (their jobs name the project) are removed; another project's are left alone.
 */
async function dropLegacySchedules(queues: RadarQueues, config: RadarConfig): Promise<void> {
  const legacy = legacyQueueName(config.project, 'crawl');
  if (!legacy) return;
  const old = new Queue(legacy, { connection: queues.crawl.opts.connection, prefix: queues.crawl.opts.prefix });
  old.on('error', () => undefined);
  try {
    for (const s of await old.getJobSchedulers(0, -1, true)) {
      if ((s.template?.data as Partial<CrawlJobData> | undefined)?.project === config.project) await old.removeJobScheduler(s.key);
    }
  } finally {
    await old.close();
  }
}

/** Every scheduler in Redis and every configured schedule, with next runs and how they differ. */
export async function listSchedules(queues: RadarQueues, config?: RadarConfig): Promise<ScheduleEntry[]> {
  const stored = await queues.crawl.getJobSchedulers(0, -1, true);
  const wanted = new Map((config ? wantedSchedules(config) : []).map((w) => [w.id, w]));
  const out: ScheduleEntry[] = stored.map((s) => {
    const w = wanted.get(s.key);
    const data = s.template?.data as Partial<CrawlJobData> | undefined;
    const status: ScheduleEntry['status'] = !config
      ? 'in sync'
      : !w
        ? 'not in config'
        : w.pattern !== s.pattern || w.tz !== (s.tz ?? 'UTC')
          ? 'changed'
          : 'in sync';
    return {
      id: s.key,
      sourceId: data?.sourceId ?? w?.sourceId,
      pattern: s.pattern ?? undefined,
      tz: s.tz ?? undefined,
      next: s.next ? new Date(s.next).toISOString() : undefined,
      status,
    };
  });
  for (const w of wanted.values()) {
    if (!stored.some((s) => s.key === w.id))
      out.push({ id: w.id, sourceId: w.sourceId, pattern: w.pattern, tz: w.tz, status: 'not synced' });
  }
  return out.sort((a, b) => (a.next ?? '9').localeCompare(b.next ?? '9') || a.id.localeCompare(b.id));
}

/** A next-run time as the schedule's own zone reads it, e.g. "2026-03-02 06:00 Europe/Berlin". */
export function localTime(iso: string, tz = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${tz}`;
}

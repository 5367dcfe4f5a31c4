/**
 * Reading the queues for operators (`radar jobs`, `radar serve`): counts per state and the recent
 * jobs of each queue, failed ones with the reason they failed.
 */
import type { Job } from 'bullmq';
import { JOB_KINDS, type JobKind, type RadarQueues } from './queues.js';

/** Job states an operator looks at. */
export const JOB_STATES = ['active', 'waiting', 'delayed', 'prioritized', 'completed', 'failed'] as const;

/** A job state. */
export type JobState = (typeof JOB_STATES)[number];

/** One job as `radar jobs` shows it. */
export interface JobSummary {
  /** Queue kind. */
  queue: JobKind;
  /** Job id. */
  id: string;
  /** State. */
  state: JobState;
  /** Source id (crawl and analyze jobs). */
  sourceId?: string;
  /** Attempts made / allowed. */
  attempts: { made: number; allowed: number };
  /** When it was added (ISO 8601). */
  addedAt: string;
  /** When it finished (ISO 8601), if it did. */
  finishedAt?: string;
  /** Why it failed (failed jobs, and jobs waiting for a retry). */
  reason?: string;
  /** The worker that took it last. */
  worker?: string;
  /** What it returned (completed jobs). */
  result?: unknown;
}

/** Counts per state, per queue. */
export type QueueCounts = Record<JobKind, Record<JobState, number>>;

/** Counts every queue's jobs by state. */
export async function queueCounts(queues: RadarQueues): Promise<QueueCounts> {
  const out = {} as QueueCounts;
  for (const kind of JOB_KINDS) out[kind] = (await queues[kind].getJobCounts(...JOB_STATES)) as Record<JobState, number>;
  return out;
}

function summarize(kind: JobKind, state: JobState, job: Job): JobSummary {
  const data = (job.data ?? {}) as { sourceId?: string };
  return {
    queue: kind,
    id: String(job.id),
    state,
    sourceId: data.sourceId,
    attempts: { made: job.attemptsMade, allowed: job.opts.attempts ?? 1 },
    addedAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
    reason: job.failedReason || undefined,
    worker: job.processedBy,
    result: state === 'completed' ? job.returnvalue : undefined,
  };
}

/** The most recent jobs (newest first) of the chosen queues and states. */
export async function recentJobs(
  queues: RadarQueues,
  options: { kinds?: JobKind[]; states?: JobState[]; limit?: number } = {},
): Promise<JobSummary[]> {
  const limit = options.limit ?? 20;
  const out: JobSummary[] = [];
  for (const kind of options.kinds ?? JOB_KINDS) {
    for (const state of options.states ?? JOB_STATES) {
      const jobs = await queues[kind].getJobs([state], 0, limit - 1, false);
      for (const job of jobs) if (job) out.push(summarize(kind, state, job));
    }
  }
  const when = (j: JobSummary) => j.finishedAt ?? j.addedAt;
  return out.sort((a, b) => when(b).localeCompare(when(a))).slice(0, limit);
}

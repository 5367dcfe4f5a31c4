/**
 * The retention job of service mode: a job scheduler (see jobs/schedules.ts) runs it every six hours
 * while `privacy.retentionDays` is set, so documents past the limit are deleted once per period
 * however many workers run — with their analyses, orphaned profiles and persona quotes.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { sweepRetention } from '../../pipeline/retention.js';
import type { JobContext } from '../job-context.js';
import type { RetentionJobData } from '../queues.js';

/** What a retention job returns. */
export interface RetentionJobResult {
  /** Documents deleted. */
  removed: number;
  /** The limit applied, in days (absent: none is configured, nothing was deleted). */
  days?: number;
}

/** The retention job handler. */
export async function retentionJob(job: Job<RetentionJobData>, ctx: JobContext): Promise<RetentionJobResult> {
  const config = await ctx.config();
  if (job.data.project !== config.project) {
    throw new UnrecoverableError(
      `this job belongs to project "${job.data.project}" but the worker's radar.yaml is project "${config.project}"`,
    );
  }
  const removed = await sweepRetention(config, ctx.store);
  return { removed, days: config.privacy.retentionDays };
}

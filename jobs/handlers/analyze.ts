/**
 * The analyze job of service mode: analyses the documents a crawl job stored or changed (or, after a
 * recovery, every document of the source that needs it), then asks for the project's report —
 * debounced, so a burst of analyses ends in one report.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { analyzeStore, type AnalyzeOutcome } from '../../pipeline/analyze.js';
import { requestReport, type AnalyzeJobData } from '../queues.js';
import type { JobContext } from '../job-context.js';

/** The analyze job handler. */
export async function analyzeJob(job: Job<AnalyzeJobData>, ctx: JobContext): Promise<AnalyzeOutcome> {
  const config = await ctx.config();
  if (job.data.project !== config.project) {
    throw new UnrecoverableError(
      `this job belongs to project "${job.data.project}" but the worker's radar.yaml is project "${config.project}"`,
    );
  }
  const query = job.data.docIds ? { ids: job.data.docIds } : { sourceId: job.data.sourceId };
  const outcome = await analyzeStore(config, ctx.store, { query, log: ctx.log.child({ source: job.data.sourceId }) });
  await requestReport(ctx.queues, config.project, ctx.reportDelayMs);
  return outcome;
}

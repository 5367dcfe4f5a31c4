/**
 * The explicit record of job name → handler. A worker looks handlers up here and nowhere else, so
 * what a queue's jobs do is readable in one place.
 */
import type { JobKind } from './queues.js';
import type { JobHandler } from './job-context.js';
import { crawlJob } from './handlers/crawl.js';
import { analyzeJob } from './handlers/analyze.js';
import { reportJob } from './handlers/report.js';
import { retentionJob } from './handlers/retention.js';

/** Every job kind and its handler. */
export const JOB_HANDLERS: { [K in JobKind]: JobHandler<K> } = {
  crawl: crawlJob,
  analyze: analyzeJob,
  report: reportJob,
  retention: retentionJob,
};

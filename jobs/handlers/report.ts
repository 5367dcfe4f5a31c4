/**
 * The report job of service mode: rebuilds the project's personas and rewrites its report files
 * (report.outDir, relative to the worker's working directory — `radar serve` shows them).
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { reportProject } from '../../pipeline/report.js';
import type { ReportJobData } from '../queues.js';
import type { JobContext } from '../job-context.js';

/** What a report job returns (the report itself stays in the files and the store). */
export interface ReportJobResult {
  /** Output folder. */
  outDir: string;
  /** Files written. */
  files: string[];
  /** Documents in the report. */
  documents: number;
  /** Personas reported. */
  personas: number;
}

/** The report job handler. */
export async function reportJob(job: Job<ReportJobData>, ctx: JobContext): Promise<ReportJobResult> {
  const config = await ctx.config();
  if (job.data.project !== config.project) {
    throw new UnrecoverableError(
      `this job belongs to project "${job.data.project}" but the worker's radar.yaml is project "${config.project}"`,
    );
  }
  const { outDir, files, documents, personas } = await reportProject(config, ctx.store, { log: ctx.log });
  return { outDir, files, documents, personas };
}

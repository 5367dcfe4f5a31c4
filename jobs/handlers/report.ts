/**
 * The report job of service mode: rebuilds the project's personas and rewrites its report files
 * (report.outDir, relative to the worker's working directory — `radar serve` shows them); the
 * alert rules run after it (pipeline/report.ts). When an alert is due later — a daily or weekly
 * digest with findings waiting, a delivery to retry — a delayed alerts-only job is queued for that
 * time, so digests and retries go out without waiting for the next crawl.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { reportProject } from '../../pipeline/report.js';
import { nextAlertWake } from '../../alerts/compose.js';
import { sendDueAlerts } from '../../alerts/run-alerts.js';
import { JOB_OPTIONS, type ReportJobData } from '../queues.js';
import type { JobContext } from '../job-context.js';
import type { RadarConfig } from '../../config/schema.js';

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

/** What an alerts-only job returns. */
export interface AlertsJobResult {
  /** Messages composed. */
  composed: number;
  /** Messages sent. */
  sent: number;
  /** Messages to retry. */
  retrying: number;
  /** Messages failed for good. */
  failed: number;
}

/** Queues an alerts-only job for the next time an alert is due, if one is (one job per second: requests for the same time coalesce). */
async function scheduleAlertWake(config: RadarConfig, ctx: JobContext): Promise<void> {
  if (!config.alerts.rules.length) return;
  try {
    const wake = await nextAlertWake(config, ctx.store);
    if (!wake) return;
    const second = Math.ceil(Math.max(Date.parse(wake), Date.now() + 1_000) / 1_000);
    await ctx.queues.report.add('report', { project: config.project, alertsOnly: true } satisfies ReportJobData, {
      ...JOB_OPTIONS.report,
      delay: Math.max(0, second * 1_000 - Date.now()),
      jobId: `alerts-${second}`,
    });
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'could not schedule the next alert delivery; the next report delivers it');
  }
}

/** The report job handler. */
export async function reportJob(job: Job<ReportJobData>, ctx: JobContext): Promise<ReportJobResult | AlertsJobResult> {
  const config = await ctx.config();
  if (job.data.project !== config.project) {
    throw new UnrecoverableError(
      `this job belongs to project "${job.data.project}" but the worker's radar.yaml is project "${config.project}"`,
    );
  }
  if (job.data.alertsOnly) {
    const { composed, delivery } = await sendDueAlerts(config, ctx.store, ctx.log.child({ stage: 'alerts' }));
    await scheduleAlertWake(config, ctx);
    return { composed, sent: delivery.sent, retrying: delivery.retrying, failed: delivery.failed };
  }
  const { outDir, files, documents, personas } = await reportProject(config, ctx.store, { log: ctx.log });
  await scheduleAlertWake(config, ctx);
  return { outDir, files, documents, personas };
}

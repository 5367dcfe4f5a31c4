/**
 * What a job handler gets from the worker that runs it: the project's current config, the shared
 * store, the queues to chain further jobs onto, and the worker's settings.
 */
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import type { JobDataOf, JobKind, QueueSettings, RadarQueues } from './queues.js';

/** Which crawls run in a child process of their own: browser-capable ones (default), all, or none. */
export type IsolateMode = 'browser' | 'always' | 'never';

/** The context of one job run. */
export interface JobContext {
  /** The project's config as it is now (re-read per job); throws UnrecoverableError when it is invalid. */
  config(): Promise<RadarConfig>;
  /** The shared store (MongoDB in service mode). */
  store: Store;
  /** The project's queues, for chained jobs. */
  queues: RadarQueues;
  /** Redis URL, key prefix and project. */
  settings: QueueSettings;
  /** The worker's Redis connection (domain limits). */
  redis: Redis;
  /** How long a report waits for the burst of analyses to settle, in ms. */
  reportDelayMs: number;
  /** Which crawls run in a child process. */
  isolate: IsolateMode;
  /** Aborted when the worker shuts down and the job must be given back. */
  signal?: AbortSignal;
  /** Logger of the job. */
  log: Logger;
}

/** Handles one kind of job; its return value is stored as the job's result. */
export type JobHandler<K extends JobKind> = (job: Job<JobDataOf[K]>, ctx: JobContext) => Promise<unknown>;

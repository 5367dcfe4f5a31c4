/**
 * What every route of the web app works with: the store, the project, the explorer index, the
 * runner and scheduler (in this process, or BullMQ in service mode), and access control.
 */
import type { Logger } from 'pino';
import type { Store } from '../storage/store.js';
import type { RadarQueues } from '../jobs/queues.js';
import type { Access, AuthVariables } from './auth.js';
import type { DocumentIndex } from './explorer/document-index.js';
import type { Project } from './project.js';
import type { Runner } from './runner.js';
import type { Scheduler } from './scheduler.js';

/** The app's shared parts. */
export interface AppContext {
  /** The store (wrapped: the app's own writes refresh the index). */
  store: Store;
  /** The project configuration. */
  project: Project;
  /** The explorer's index of analysed documents. */
  index: DocumentIndex;
  /** Starts crawls. */
  runner: Runner;
  /** Keeps schedules. */
  scheduler: Scheduler;
  /** The project's queues, in service mode (Redis). */
  queues?: RadarQueues;
  /** Access control. */
  access: Access;
  /** Logger. */
  log: Logger;
}

/** The Hono environment of the app's routes. */
export interface AppEnv {
  /** Per-request variables. */
  Variables: AuthVariables;
}

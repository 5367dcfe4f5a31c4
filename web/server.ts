/**
 * Starting `radar serve`: opens the store, wires the project, the explorer index, the runner and
 * the scheduler (in this process without Redis; BullMQ with it), builds the app and listens.
 * Without a token it binds to loopback only; anything else needs RADAR_TOKEN.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import { UsageError } from '../domain/errors.js';
import { stageLogger } from '../log/logger.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import type { RadarQueues } from '../jobs/queues.js';
import { Access } from './auth.js';
import type { AppContext } from './app-context.js';
import { createApp } from './app.js';
import { DocumentIndex } from './explorer/document-index.js';
import { overviewOf } from './insights.js';
import { Project } from './project.js';
import { LocalRunner, QueueRunner, type Runner } from './runner.js';
import { InProcessScheduler, QueueScheduler, type Scheduler } from './scheduler.js';
import { hostPolicy, isLoopbackName } from './security.js';

/** Options of the web app. */
export interface WebAppOptions {
  /** The configuration to start from (the store's, when it holds one, is read again at once). */
  config: RadarConfig;
  /** The local radar.yaml: its configuration and text, until the first change is stored. */
  local?: { config: RadarConfig; yaml: string; path: string };
  /** Address to bind (default 0.0.0.0 with a token, 127.0.0.1 without). */
  host?: string;
  /** Port (0 picks a free one). */
  port: number;
  /** Editor token (RADAR_TOKEN). */
  editorToken?: string;
  /** Viewer token (RADAR_VIEWER_TOKEN). */
  viewerToken?: string;
  /** Further host names the server answers for (RADAR_ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** Logger. */
  log?: Logger;
}

/** A running web app. */
export interface WebApp {
  /** Base URL. */
  url: string;
  /** Bound port. */
  port: number;
  /** "local" (no Redis) or "queue". */
  mode: Runner['mode'];
  /** Stops serving, lets a running crawl finish, closes the store and queues. */
  close(): Promise<void>;
}

const WRITES = new Set(['upsertDocuments', 'putAnalyses', 'savePersonaSet', 'forgetAuthor', 'deleteDocumentsBefore', 'pruneOrphans']);

/** The store, telling the index whenever this process changes what it shows. */
function watchedStore(store: Store, changed: () => void): Store {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const fn = (value as (...a: unknown[]) => unknown).bind(target);
      if (!WRITES.has(String(prop))) return fn;
      return async (...args: unknown[]) => {
        const result = await fn(...args);
        changed();
        return result;
      };
    },
  });
}

/** Starts the web app. */
export async function startWebApp(options: WebAppOptions): Promise<WebApp> {
  const log = options.log ?? stageLogger('serve');
  const token = options.editorToken || undefined;
  if (options.viewerToken && !token) throw new UsageError('RADAR_VIEWER_TOKEN needs RADAR_TOKEN (the editor token) as well');
  const host = options.host ?? (token ? '0.0.0.0' : '127.0.0.1');
  if (!token && !isLoopbackName(host.replace(/^\[|\]$/g, '')))
    throw new UsageError(
      `--host ${host}: set RADAR_TOKEN to serve beyond this machine; without a token radar serve binds to 127.0.0.1 only`,
    );
  const { config } = options;
  const raw = await openStore({
    mongodbUri: config.storage.mongodbUri,
    database: config.storage.database,
    path: config.storage.path,
    retentionDays: config.privacy.retentionDays,
  });
  let index: DocumentIndex | undefined;
  const store = watchedStore(raw, () => index?.invalidate());
  let queues: RadarQueues | undefined;
  let disconnect = () => {};
  try {
    const project = new Project(
      store,
      options.local ? { config: options.local.config, yaml: options.local.yaml, path: options.local.path } : { config },
    );
    // The overview of each build is worked out as soon as it is built, not when someone first asks.
    index = new DocumentIndex(
      store,
      () => project.name(),
      log.child({ part: 'index' }),
      (snapshot) => {
        project
          .current()
          .then((state) => overviewOf(state.config, snapshot))
          .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'overview not prepared'));
      },
    );
    let runner: Runner;
    let scheduler: Scheduler;
    if (config.queue.redisUrl) {
      const { queueSettings, commandConnection, serviceConnection, openQueues } = await import('../jobs/queues.js');
      const settings = queueSettings(config);
      (await commandConnection(settings.redisUrl)).disconnect();
      const conn = serviceConnection(settings.redisUrl, log);
      queues = openQueues(conn, settings, log);
      disconnect = () => conn.disconnect();
      runner = new QueueRunner(queues);
      scheduler = new QueueScheduler(queues);
    } else {
      runner = new LocalRunner(store, log.child({ part: 'run' }), () => index!.caughtUp());
      scheduler = new InProcessScheduler(runner, log.child({ part: 'schedule' }));
    }
    project.onChange((state) => {
      scheduler.sync(state.config).catch((err: unknown) => log.warn({ err: (err as Error).message }, 'schedules not synced'));
      index?.invalidate();
    });
    await project.current();
    // `radar config apply` (or another radar serve) may change the project in a shared store: look
    // now and then, so schedules follow even when nobody has a page open.
    const projectWatch = setInterval(() => {
      project.current().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'project not read'));
    }, 30_000);
    projectWatch.unref();
    // Workers on other machines write to a shared store: watch it for their changes.
    if (store.kind === 'mongodb' || queues) index.watch();
    const access = new Access({ editorToken: token, viewerToken: options.viewerToken || undefined });
    const app: AppContext = { store, project, index, runner, scheduler, queues, access, log };
    const web = createApp(app, { allowedHost: hostPolicy(host, options.allowedHosts ?? []) });
    const server: ServerType = await new Promise((ok, fail) => {
      const s = serve({ fetch: web.fetch, port: options.port, hostname: host }, () => ok(s));
      s.once('error', fail);
    });
    // The first page should not wait for the whole store to be read.
    index.refresh().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'explorer index not built'));
    const address = server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${address.port}`,
      port: address.port,
      mode: runner.mode,
      close: async () => {
        await new Promise<void>((ok) => {
          (server as import('node:http').Server).closeAllConnections?.();
          server.close(() => ok());
        });
        clearInterval(projectWatch);
        scheduler.close();
        index?.close();
        await runner.close();
        if (queues) {
          const { closeQueues } = await import('../jobs/queues.js');
          await closeQueues(queues).catch(() => undefined);
        }
        disconnect();
        await raw.close();
      },
    };
  } catch (err) {
    disconnect();
    await raw.close();
    throw err;
  }
}

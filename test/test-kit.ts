/**
 * Helpers for the service-mode integration tests: a project folder with a radar.yaml pointing at a
 * test site, a random queue prefix and MongoDB database per test, real `radar` processes to start
 * and kill, and the clean-up (queues obliterated, database dropped, domain-limit keys deleted).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import type { RadarConfig } from '../config/schema.js';
import { parseConfig } from '../config/load.js';
import { JOB_KINDS, openQueues, type QueueSettings, type RadarQueues } from '../jobs/queues.js';

/** A source of a test project. */
export interface TestSource {
  /** Source id. */
  id: string;
  /** Start URL. */
  url: string;
  /** Render mode (default static: fast, no Chromium). */
  render?: 'static' | 'browser' | 'auto';
  /** Cron schedule. */
  schedule?: string;
  /** Time zone. */
  timezone?: string;
  /** Most pages. */
  maxPages?: number;
}

/** A test project on disk. */
export interface TestProject {
  /** Working directory (holds radar.yaml and the report folder). */
  dir: string;
  /** The radar.yaml path. */
  configPath: string;
  /** The parsed config. */
  config: RadarConfig;
  /** Queue settings (random prefix). */
  settings: QueueSettings;
  /** MongoDB database name (random). */
  database: string;
}

/** A short random name. */
export function randomId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Writes a project with one product per source under one brand. */
export function writeProject(options: {
  redisUrl: string;
  mongoUri: string;
  sources: TestSource[];
  crawl?: Record<string, unknown>;
  dir?: string;
  prefix?: string;
  database?: string;
}): TestProject {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'radar-svc-'));
  const prefix = options.prefix ?? randomId('rt');
  const database = options.database ?? randomId('radar_svc');
  const raw = {
    project: 'svc-test',
    brands: [
      {
        id: 'acme',
        name: 'Acme',
        own: true,
        products: options.sources.map((s) => ({
          id: `p-${s.id}`,
          name: `Product ${s.id}`,
          sources: [
            {
              id: s.id,
              urls: [s.url],
              render: s.render ?? 'static',
              maxPages: s.maxPages ?? 50,
              ...(s.schedule ? { schedule: s.schedule } : {}),
              ...(s.timezone ? { timezone: s.timezone } : {}),
            },
          ],
        })),
      },
    ],
    storage: { mongodbUri: options.mongoUri, database },
    queue: { redisUrl: options.redisUrl, prefix },
    crawl: { maxRetries: 0, timeoutSecs: 10, ...options.crawl },
    report: { outDir: 'radar-report', formats: ['html', 'json'] },
  };
  const text = stringify(raw);
  const configPath = join(dir, 'radar.yaml');
  writeFileSync(configPath, text);
  const parsed = parseConfig(text, configPath);
  if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  return {
    dir,
    configPath,
    config: parsed.config,
    settings: { redisUrl: options.redisUrl, prefix, project: parsed.config.project },
    database,
  };
}

/** Removes everything a test project left in Redis and MongoDB. */
export async function cleanProject(project: TestProject, mongoUri?: string): Promise<void> {
  const redis = new Redis(project.settings.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const queues = openQueues(redis, project.settings);
    for (const kind of JOB_KINDS) await queues[kind].obliterate({ force: true });
    await Promise.all(Object.values(queues).map((q) => q.close()));
    const keys = await redis.keys(`${project.settings.prefix}:domain:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
  if (!mongoUri) return;
  const mongo = await MongoClient.connect(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await mongo.db(project.database).dropDatabase();
  } finally {
    await mongo.close();
  }
}

/** Opens the project's queues on a fresh connection; `close` releases both. */
export function projectQueues(project: TestProject): { queues: RadarQueues; close(): Promise<void> } {
  const redis = new Redis(project.settings.redisUrl, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, project.settings);
  return {
    queues,
    close: async () => {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      redis.disconnect();
    },
  };
}

/** A `radar` process running in the background. */
export interface RadarProcess {
  /** The child process. */
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves once stderr matches `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once it ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `radar ARGS` (the compiled CLI) in `cwd` without waiting for it to end. */
export function startRadar(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): RadarProcess {
  const child = spawn(process.execPath, [resolve('dist/cli/main.js'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, RADAR_LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const waiters: { pattern: RegExp; ok: () => void }[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    for (const w of [...waiters]) {
      if (w.pattern.test(err)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.ok();
      }
    }
  });
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  return {
    child,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((ok, reject) => {
        if (pattern.test(err)) return ok();
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern} in radar's stderr:\n${err.slice(-3000)}`)),
          timeoutMs,
        );
        waiters.push({ pattern, ok: () => (clearTimeout(timer), ok()) });
      }),
  };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

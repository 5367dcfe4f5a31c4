/**
 * What every command gets: global options, output streams, and helpers that load the project file
 * and open the store the same way everywhere.
 */
import type { Writable } from 'node:stream';
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import { ConfigError, UsageError } from '../domain/errors.js';

/** Global options and I/O of one CLI invocation. */
export interface CliContext {
  /** --config PATH, if given. */
  configPath?: string;
  /** --verbose. */
  verbose: boolean;
  /** --quiet. */
  quiet: boolean;
  /** Where results go (JSONL, reports' paths). */
  stdout: Writable;
  /** Where messages for the user go. */
  stderr: Writable;
}

/** Prints a message for the user on stderr, unless --quiet. */
export function say(ctx: CliContext, message: string): void {
  if (!ctx.quiet) ctx.stderr.write(`${message}\n`);
}

/**
 * Loads the project: radar.yaml, validated (ConfigError, exit 78, with every problem), and — when
 * the store holds a project configuration (saved by the web app, `radar config apply` or `radar
 * demo`) — that one, with the file's connection settings. Without a radar.yaml, the store's
 * configuration alone (in the default store) will do.
 */
export async function loadProject(ctx: CliContext): Promise<{ config: RadarConfig; path: string; origin: 'file' | 'store' }> {
  const { loadConfig } = await import('../config/load.js');
  const result = await loadConfig(ctx.configPath);
  const missing = 'errors' in result && !ctx.configPath && result.errors.length === 1 && /: not found;/.test(result.errors[0]!);
  if ('errors' in result && !missing) throw new ConfigError(result.errors, result.path);
  const local = 'config' in result ? result.config : undefined;
  const stored = await peekStoredConfig(local);
  const { storedGoverns } = await import('../pipeline/project-config.js');
  if (stored && storedGoverns(stored, !!local)) {
    const { effectiveConfig } = await import('../pipeline/project-config.js');
    const config = effectiveConfig(stored, local);
    if (local && differs(local, config))
      say(
        ctx,
        `radar: ${result.path} differs from the project configuration kept in the store (revision ${stored.revision}, saved by ${stored.savedBy} at ${stored.savedAt}), which is the one used: make the file the project's with radar config apply ${result.path}, or get the store's with radar config export --out ${result.path}`,
      );
    return { config, path: result.path, origin: 'store' };
  }
  if ('errors' in result) throw new ConfigError(result.errors, result.path);
  return { ...result, origin: 'file' };
}

/** Whether two configurations ask for different projects (connection settings aside). */
function differs(a: RadarConfig, b: RadarConfig): boolean {
  const strip = ({ storage: _s, queue: _q, $schema: _schema, ...rest }: RadarConfig) => JSON.stringify(rest);
  return strip(a) !== strip(b);
}

/**
 * The project configuration held by the store, when there is a store and it holds one. An embedded
 * store is opened only when its folder exists (nothing is created); a store that cannot be opened
 * now (another process holds the embedded store, MongoDB is down) leaves the file in charge, with
 * a warning, and the command meets the same problem when it opens the store itself.
 */
async function peekStoredConfig(local: RadarConfig | undefined) {
  const { existsSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const uri = process.env.RADAR_MONGODB_URI || local?.storage.mongodbUri;
  const path = local?.storage.path ?? '.radar';
  if (!uri && !existsSync(join(resolve(path), 'meta.snapshot.jsonl')) && !existsSync(join(resolve(path), 'meta.journal.jsonl')))
    return undefined;
  const { openStore } = await import('../storage/open-store.js');
  const { readStoredConfig } = await import('../pipeline/project-config.js');
  let store: Store;
  try {
    store = await openStore({ mongodbUri: uri, database: local?.storage.database, path });
  } catch (err) {
    const { stageLogger } = await import('../log/logger.js');
    stageLogger('config').warn({ err: (err as Error).message }, 'could not read the configuration kept in the store; using radar.yaml');
    return undefined;
  }
  try {
    return await readStoredConfig(store);
  } finally {
    await store.close();
  }
}

/** How a command uses the store. */
export interface StoreUse {
  /**
   * The command only reads what crawls and imports stored: an embedded store that is not there is
   * then a mistake (a misspelt storage.path, the wrong folder), not a new empty store to report on.
   */
  existing?: boolean;
  /**
   * The command writes (crawl, import, analyze, report, demo, worker): documents past
   * `privacy.retentionDays` are deleted first, and what was deleted is told to this context.
   * Read-only commands leave it unset and never delete anything.
   */
  retention?: CliContext;
}

/**
 * For commands that write (crawl, import, analyze, report, demo, worker): `withStore` that first
 * deletes documents past `privacy.retentionDays` and tells the user what it deleted.
 */
export function withWritableStore<T>(
  ctx: CliContext,
  config: RadarConfig,
  fn: (store: Store) => Promise<T>,
  options: Omit<StoreUse, 'retention'> = {},
): Promise<T> {
  return withStore(config, fn, { ...options, retention: ctx });
}

/** Opens the configured store, runs `fn`, and always closes the store. */
export async function withStore<T>(config: RadarConfig, fn: (store: Store) => Promise<T>, options: StoreUse = {}): Promise<T> {
  if (options.existing && !config.storage.mongodbUri) {
    const { existsSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const dir = resolve(config.storage.path);
    if (!existsSync(dir))
      throw new UsageError(
        `no store at ${dir}: check storage.path in radar.yaml (or the folder you run radar in), or run radar crawl or radar import first`,
      );
  }
  const { openStore, storeSettings } = await import('../storage/open-store.js');
  const store = await openStore(storeSettings(config));
  try {
    if (options.retention) {
      const { sweepRetention } = await import('../pipeline/retention.js');
      const removed = await sweepRetention(config, store);
      if (removed)
        say(
          options.retention,
          `retention: ${removed} document${removed === 1 ? '' : 's'} first stored more than ${config.privacy.retentionDays} days ago deleted (privacy.retentionDays)`,
        );
    }
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A whole number option from `min` to `max`, or a UsageError naming the flag. */
export function wholeNumber(value: unknown, flag: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (typeof value === 'boolean' || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `${flag} ${String(value)}: expected a whole number of at least ${min}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max.toLocaleString('en-US')}` : ''}`,
    );
  return n;
}

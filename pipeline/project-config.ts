/**
 * The project configuration kept in the store, so a change made in the web app reaches every
 * worker on every machine without copying files. The store holds the YAML text itself (comments
 * and order kept, edited through the `yaml` Document API), one revision per change; `radar config
 * apply radar.yaml` puts a file there and `radar config export` gives it back, so radar.yaml stays
 * usable as code. How to reach the store and the queues (`storage`, `queue`) always comes from the
 * local radar.yaml and the environment: a stored copy cannot say where it is stored.
 */
import { ConfigError, RadarError } from '../domain/errors.js';
import { applyEnv, parseConfig } from '../config/load.js';
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';

/** Meta key prefix of the stored revisions (`config:000042`). */
const PREFIX = 'config:';

/** Revisions kept in the store (older ones are removed as new ones arrive). */
const KEEP = 20;

/** One stored revision of the project configuration. */
export interface StoredConfig {
  /** Revision number, from 1; every save adds one. */
  revision: number;
  /** The YAML text, as applied or as the web app left it. */
  yaml: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** Who saved it: "radar config apply", "web app (editor)", "radar demo"… */
  savedBy: string;
}

/** Who `radar demo` saves its project as. */
export const DEMO_SAVER = 'radar demo';

/**
 * Whether the stored configuration is the project's: always, except the demo's own project, which
 * only stands in while there is no radar.yaml (so `radar serve` after `radar demo` shows the demo,
 * and a radar.yaml written afterwards — `radar init`, then edited — is the project as it says).
 */
export function storedGoverns(stored: StoredConfig | undefined, hasLocalFile: boolean): boolean {
  return !!stored && !(stored.savedBy === DEMO_SAVER && hasLocalFile);
}

/** Another change was saved since the one this edit started from. */
export class ConfigConflictError extends RadarError {
  override name = 'ConfigConflictError';
}

const keyOf = (revision: number) => `${PREFIX}${String(revision).padStart(6, '0')}`;

/** The latest stored configuration, or undefined when the store holds none. */
export async function readStoredConfig(store: Store): Promise<StoredConfig | undefined> {
  const all = await store.listMeta(PREFIX);
  const latest = [...all.keys()].sort().at(-1);
  if (!latest) return undefined;
  try {
    return JSON.parse(all.get(latest)!) as StoredConfig;
  } catch {
    throw new ConfigError(
      [`${latest}: the stored configuration is unreadable; apply radar.yaml again with radar config apply`],
      'the store',
    );
  }
}

/**
 * Validates `yaml` with the same schema as radar.yaml and stores it as the next revision. With
 * `expectedRevision`, refuses (ConfigConflictError) when someone saved another revision meanwhile;
 * two savers racing for the same revision number cannot both win (`claimMeta`).
 */
export async function saveStoredConfig(
  store: Store,
  yaml: string,
  options: { savedBy: string; expectedRevision?: number; file?: string },
): Promise<{ stored: StoredConfig; config: RadarConfig }> {
  const parsed = parseConfig(yaml, options.file ?? 'configuration');
  if ('errors' in parsed) throw new ConfigError(parsed.errors, options.file);
  const current = await readStoredConfig(store);
  const base = current?.revision ?? 0;
  if (options.expectedRevision !== undefined && options.expectedRevision !== base)
    throw new ConfigConflictError(
      `the configuration was changed (revision ${base}, saved by ${current?.savedBy ?? 'nobody'} at ${current?.savedAt ?? '–'}) since revision ${options.expectedRevision} was read; reload and make the change again`,
    );
  const stored: StoredConfig = { revision: base + 1, yaml, savedAt: new Date().toISOString(), savedBy: options.savedBy };
  const won = await store.claimMeta(keyOf(stored.revision), JSON.stringify(stored));
  if (won !== JSON.stringify(stored))
    throw new ConfigConflictError(`another change was saved as revision ${stored.revision} at the same moment; reload and try again`);
  const old = [...(await store.listMeta(PREFIX)).keys()].sort().slice(0, -KEEP);
  for (const key of old) await store.deleteMeta(key);
  return { stored, config: parsed.config };
}

/**
 * The configuration commands run with: the stored project (brands, sources, schedules, settings)
 * with the local file's connection settings (`storage`, `queue`), then the environment overrides.
 */
export function effectiveConfig(stored: StoredConfig, local: RadarConfig | undefined, env: NodeJS.ProcessEnv = process.env): RadarConfig {
  const parsed = parseConfig(stored.yaml, `the stored configuration (revision ${stored.revision})`);
  if ('errors' in parsed) throw new ConfigError(parsed.errors, `the store (revision ${stored.revision})`);
  const config = parsed.config;
  if (local) {
    config.storage = structuredClone(local.storage);
    config.queue = structuredClone(local.queue);
  }
  return applyEnv(config, env);
}

/**
 * Choosing the store: MongoDB when RADAR_MONGODB_URI (or `storage.mongodbUri`) is set, otherwise
 * the embedded store under `.radar/` in the working directory.
 */
import type { RadarConfig } from '../config/schema.js';
import type { Store } from './store.js';

/** Where to store, as read from the config and environment. */
export interface StoreSettings {
  /** MongoDB connection string; unset means the embedded store. */
  mongodbUri?: string;
  /** MongoDB database name. */
  database?: string;
  /** Folder of the embedded store. */
  path?: string;
  /** Retention in days (TTL index on MongoDB). */
  retentionDays?: number;
  /** How long one MongoDB reply may take, in seconds, before the operation fails. */
  timeoutSecs?: number;
}

/** The store settings of a project. */
export function storeSettings(config: Pick<RadarConfig, 'storage' | 'privacy'>): StoreSettings {
  return {
    mongodbUri: config.storage.mongodbUri,
    database: config.storage.database,
    path: config.storage.path,
    retentionDays: config.privacy.retentionDays,
    timeoutSecs: config.storage.timeoutSecs,
  };
}

/** Opens the configured store. The environment wins over the settings. */
export async function openStore(settings: StoreSettings = {}, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const uri = env.RADAR_MONGODB_URI || settings.mongodbUri;
  if (uri) {
    const { MongoStore } = await import('./mongo-store.js');
    return MongoStore.open(uri, {
      database: settings.database ?? 'radar',
      retentionDays: settings.retentionDays,
      ...(settings.timeoutSecs !== undefined ? { replyTimeoutMs: settings.timeoutSecs * 1000 } : {}),
    });
  }
  const { EmbeddedStore } = await import('./embedded/embedded-store.js');
  return EmbeddedStore.open(settings.path ?? '.radar');
}

/**
 * The author-key salt: from the config or RADAR_AUTHOR_SALT when set; otherwise one generated at
 * first use and kept in the store, so keys stay stable for the installation without configuration.
 */
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import { newSalt } from '../privacy/author-key.js';

/** The salt to build author keys with. */
export async function resolveSalt(config: Pick<RadarConfig, 'privacy'>, store: Store): Promise<string> {
  if (config.privacy.authorSalt) return config.privacy.authorSalt;
  const stored = await store.getMeta('authorSalt');
  if (stored) return stored;
  // Workers starting together on a new database must agree on one salt, or their keys would differ.
  return store.claimMeta('authorSalt', newSalt());
}

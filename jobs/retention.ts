/**
 * Retention: documents older than `privacy.retentionDays` (since first stored) are deleted with
 * their analyses. MongoDB also has a TTL index; this sweep runs on both stores whenever a command
 * opens the store, so the embedded store honours the limit too.
 */
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import { stageLogger } from '../log/logger.js';

/** Deletes documents past retention; returns how many. */
export async function sweepRetention(config: Pick<RadarConfig, 'privacy'>, store: Store, now = new Date()): Promise<number> {
  const days = config.privacy.retentionDays;
  if (!days) return 0;
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const removed = await store.deleteDocumentsBefore(cutoff);
  if (removed) stageLogger('retention').info({ removed, cutoff, days }, 'documents past retention deleted');
  return removed;
}

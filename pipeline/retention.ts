/**
 * Retention: documents older than `privacy.retentionDays` (since first stored) are deleted with
 * their analyses, reviewer profiles with no document left and persona quotes of deleted documents. MongoDB also has a TTL index; this sweep runs on both stores whenever a command
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
  // Also after MongoDB's TTL index removed documents on its own: profiles of reviewers with nothing
  // left, and persona quotes of documents that are gone, go too. A profile is kept as long as a
  // document would be: one fetched within the period stays (a crawl would only fetch it again).
  const pruned = await store.pruneOrphans(cutoff);
  if (removed || pruned.authors || pruned.personaSets)
    stageLogger('retention').info({ removed, cutoff, days, ...pruned }, 'documents past retention deleted');
  return removed;
}

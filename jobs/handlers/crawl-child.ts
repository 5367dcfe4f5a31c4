/**
 * The child process of an isolated crawl job (see crawl-job.ts): receives one crawl request over
 * IPC, crawls into the shared store with the shared domain limit, answers with the run and the ids
 * it stored or changed, and exits — taking Chromium and every page it rendered with it.
 *
 * It exits as soon as its parent goes away (a worker killed with `kill -9`), so no crawl outlives
 * the worker that owned its job; the job itself is then recovered by another worker.
 */
import type { Redis } from 'ioredis';
import type { Store } from '../../storage/store.js';
import type { ChildReply, ChildRequest } from './crawl.js';
import { stageLogger } from '../../log/logger.js';
import { errorKind } from '../../domain/errors.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
process.on('disconnect', () => process.exit(70));

const log = stageLogger('crawl-child');

async function crawl(request: ChildRequest): Promise<ChildReply> {
  const { openStore, storeSettings } = await import('../../storage/open-store.js');
  const { crawlSource } = await import('../../pipeline/crawl.js');
  const { resolveSalt } = await import('../../pipeline/salt.js');
  const { trackChanges } = await import('../../pipeline/track-changes.js');
  const { DomainLimit, domainLimitOptions } = await import('../domain-limit.js');
  const { serviceConnection } = await import('../queues.js');
  const { isPermanent } = await import('./crawl.js');
  const { config, target } = request;
  let store: Store | undefined;
  let redis: Redis | undefined;
  try {
    store = await openStore(storeSettings(config));
    redis = serviceConnection(request.queue.redisUrl, log);
    const limit = new DomainLimit(redis, domainLimitOptions(request.queue.prefix, config.crawl));
    const tracked = trackChanges(store);
    const salt = await resolveSalt(config, store);
    const run = await crawlSource(config, tracked.store, salt, target, {
      incremental: request.incremental,
      closeStaleRuns: request.closeStaleRuns,
      acquireLease: (url) => limit.acquire(url),
    });
    return { ok: true, run, changed: [...tracked.changed] };
  } catch (err) {
    const e = err as Error;
    return { ok: false, error: { name: e.name, message: e.message, kind: errorKind(err), unrecoverable: isPermanent(err) } };
  } finally {
    await store?.close().catch(() => undefined);
    redis?.disconnect();
  }
}

process.once('message', (request: ChildRequest) => {
  void crawl(request).then((reply) => {
    process.send?.(reply, () => process.exit(0));
  });
});

/**
 * Wraps a store so a crawl job learns which documents it inserted or changed (the crawl run only
 * counts them), without the crawl code knowing about jobs.
 */
import type { Store } from '../storage/store.js';

/** A store that records the ids every upsert inserted or updated. */
export interface TrackedStore {
  /** The wrapped store; use it in place of the original. */
  store: Store;
  /** Ids inserted or updated through it. */
  changed: Set<string>;
}

/** Wraps `store`; every other method passes straight through. */
export function trackChanges(store: Store): TrackedStore {
  const changed = new Set<string>();
  const wrapped = new Proxy(store, {
    get(target, prop) {
      if (prop === 'upsertDocuments') {
        return async (...args: Parameters<Store['upsertDocuments']>) => {
          const result = await target.upsertDocuments(...args);
          for (const id of result.inserted) changed.add(id);
          for (const id of result.updated) changed.add(id);
          return result;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, changed };
}

/**
 * Where each item came from — the strategy that found it and its CSS or JSON path — kept beside
 * the items rather than in them, so items stay what they are (the fields a document is built
 * from) and `radar crawl --explain` can still say where each one was read.
 */
import type { ExtractedItem, ItemOrigin } from './types.js';

const origins = new WeakMap<ExtractedItem, ItemOrigin>();

/** Records where an item came from; what is already known is kept (the first strategy wins). */
export function noteOrigin(item: ExtractedItem, origin: ItemOrigin | undefined): void {
  if (!origin) return;
  const known = origins.get(item);
  if (!known) {
    origins.set(item, { ...origin });
    return;
  }
  // Most notes repeat what is known (each merge notes it again): only a new fact makes a new record.
  for (const key in origin)
    if (known[key as keyof ItemOrigin] === undefined) {
      origins.set(item, { ...origin, ...known });
      return;
    }
}

/** Where an item came from, when it was recorded. */
export function originOf(item: ExtractedItem): ItemOrigin | undefined {
  return origins.get(item);
}

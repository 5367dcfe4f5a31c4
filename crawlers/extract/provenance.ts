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
  origins.set(item, known ? { ...origin, ...known } : { ...origin });
}

/** Where an item came from, when it was recorded. */
export function originOf(item: ExtractedItem): ItemOrigin | undefined {
  return origins.get(item);
}

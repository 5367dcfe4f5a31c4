/**
 * Where each item came from — the strategy that found it and its CSS or JSON path — kept with the
 * item under a private key that no listing of its fields shows (not JSON, not a spread copy, not
 * `Object.keys`), so items stay what they are (the fields a document is built from) and
 * `radar crawl --explain` can still say where each one was read. A side table (a WeakMap) said the
 * same, but cost more than the items themselves on a page of tens of thousands of posts.
 */
import type { ExtractedItem, ItemOrigin } from './types.js';

const ORIGIN: unique symbol = Symbol('item origin');

type WithOrigin = ExtractedItem & { [ORIGIN]?: ItemOrigin };

/** Records where an item came from; what is already known is kept (the first strategy wins). */
export function noteOrigin(item: ExtractedItem, origin: ItemOrigin | undefined): void {
  if (!origin) return;
  const known = (item as WithOrigin)[ORIGIN];
  if (!known) {
    Object.defineProperty(item, ORIGIN, { value: { ...origin }, writable: true, configurable: true, enumerable: false });
    return;
  }
  // Most notes repeat what is known (each merge notes it again): only a new fact makes a new record.
  for (const key in origin)
    if (known[key as keyof ItemOrigin] === undefined) {
      (item as WithOrigin)[ORIGIN] = { ...origin, ...known };
      return;
    }
}

/** Where an item came from, when it was recorded. */
export function originOf(item: ExtractedItem): ItemOrigin | undefined {
  return (item as WithOrigin)[ORIGIN];
}

/**
 * The held-out split shared by model training and `radar validate`: a labelled item is held out
 * when a stable hash of its set name and text falls in the last fifth. Training scripts must skip
 * held-out items; validation reports figures on held-out items only, so every published figure is
 * on text the shipped model never saw. Eval-only sets (see ../shared/data/README.md) are never
 * trained on at all; for them the split only fixes which items tuning may look at (none).
 */

/** FNV-1a 32-bit hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Number of buckets; bucket 0 is held out (20%). */
export const SPLIT_BUCKETS = 5;

/** Whether an item of `set` (e.g. "uci/yelp", "clothing") is held out from training. */
export function isHeldOut(set: string, text: string): boolean {
  return fnv1a(`${set}\u0000${text}`) % SPLIT_BUCKETS === 0;
}

/**
 * The store-wide lock alert composition runs under: a report job and a delivery job of service
 * mode (or two workers) composing at once could each put the same finding in a digest of its own.
 * A meta record claimed once; one left by a dead process is taken over after STALE_MS.
 */
import { hostname } from 'node:os';
import type { Store } from '../storage/store.js';

const LOCK = 'lock:alerts';
const STALE_MS = 2 * 60_000;

/** Runs `fn` under the alerts lock, waiting up to `waitMs` for it; resolves to undefined when another holder kept it that long. */
export async function withAlertLock<T>(store: Store, fn: () => Promise<T>, waitMs = 30_000): Promise<T | undefined> {
  const token = `${hostname()}:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const held = await store.claimMeta(LOCK, token);
    if (held === token) break;
    if (!(Date.now() - Number(held.split(':')[2]) < STALE_MS)) {
      await store.deleteMeta(LOCK, held);
      continue;
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((ok) => setTimeout(ok, 100 + Math.random() * 200));
  }
  try {
    return await fn();
  } finally {
    await store.deleteMeta(LOCK, token).catch(() => undefined);
  }
}

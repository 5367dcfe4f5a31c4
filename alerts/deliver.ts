/**
 * Delivering the outbox: every due message (pending, due for a retry, or held by a sender whose
 * lease ran out) is claimed — one sender at a time, across processes — built, sent through its
 * channel within the delivery timeout, and marked sent, or retried later with exponential backoff,
 * or failed once its attempts are spent; the reason stays on the message for `radar alerts list`.
 * The whole pass stops at its time budget: what is left waits for the next one. Nothing here throws
 * for a delivery that fails.
 */
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { AlertMessage } from '../domain/alerts.js';
import { isClaimable } from '../storage/alert-claim.js';
import type { Store } from '../storage/store.js';
import { sendThrough } from './channels/send.js';
import { buildPayload } from './payload.js';

/** Longest wait between two attempts. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

/** What a delivery pass did. */
export interface DeliveryOutcome {
  /** Messages delivered. */
  sent: number;
  /** Messages that failed this time and will be retried. */
  retrying: number;
  /** Messages that failed for good (attempts spent). */
  failed: number;
  /** Due messages left for a later pass (time budget spent). */
  left: number;
}

/** When the attempt after `attempts` failed ones is due. */
export function retryAt(now: number, attempts: number, backoffSecs: number): string {
  return new Date(now + Math.min(MAX_BACKOFF_MS, backoffSecs * 1000 * 2 ** Math.max(0, attempts - 1))).toISOString();
}

/** Runs `work` but gives up waiting after `ms` (a channel that ignores its own timeouts cannot hold the job). */
function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`delivery took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Sends one claimed message; returns the outcome to record. */
async function attempt(config: RadarConfig, store: Store, m: AlertMessage): Promise<{ ok: true } | { ok: false; reason: string }> {
  const channel = config.alerts.channels.find((c) => c.id === m.channel);
  if (!channel) return { ok: false, reason: `channel "${m.channel}" is no longer in radar.yaml (alerts.channels)` };
  const timeoutMs = config.alerts.delivery.timeoutSecs * 1000;
  try {
    const payload = await buildPayload(config, store, m);
    await bounded(sendThrough(channel, payload, timeoutMs, config.crawl.userAgent), timeoutMs + 5_000);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** Delivers one message now if nobody else holds it; says what happened (undefined: someone else had it). */
export async function deliverMessage(
  config: RadarConfig,
  store: Store,
  id: string,
  log: Logger,
): Promise<'sent' | 'retrying' | 'failed' | undefined> {
  const { timeoutSecs, maxAttempts, backoffSecs } = config.alerts.delivery;
  const lease = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2)}`;
  const now = Date.now();
  const claimed = await store.claimAlertMessage(id, {
    now: new Date(now).toISOString(),
    lease,
    // Long enough for the send and its bound; a sender that died is taken over after it.
    leaseUntil: new Date(now + (timeoutSecs + 5) * 1000 + 60_000).toISOString(),
  });
  if (!claimed) return undefined;
  const result = await attempt(config, store, claimed);
  const attempts = claimed.attempts + 1;
  const done = new Date().toISOString();
  if (result.ok) {
    await store.finishAlertMessage(id, lease, { status: 'sent', attempts, nextAttemptAt: done, sentAt: done });
    log.info({ message: id, channel: claimed.channel, attempts }, 'alert sent');
    return 'sent';
  }
  // A test is a one-off: its outcome is what the user asked to see, not something to retry for hours.
  const final = attempts >= maxAttempts || !!claimed.test;
  await store.finishAlertMessage(id, lease, {
    status: final ? 'failed' : 'retry',
    attempts,
    nextAttemptAt: final ? done : retryAt(Date.now(), attempts, backoffSecs),
    lastError: result.reason,
  });
  log.warn(
    { message: id, channel: claimed.channel, attempts, reason: result.reason, final },
    final ? 'alert delivery failed for good' : 'alert delivery failed; will retry',
  );
  return final ? 'failed' : 'retrying';
}

/** Delivers every due message, oldest first, within the configured time budget. */
export async function deliverDue(
  config: RadarConfig,
  store: Store,
  log: Logger,
  budgetMs = config.alerts.delivery.budgetSecs * 1000,
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0, left: 0 };
  const deadline = Date.now() + budgetMs;
  const now = new Date().toISOString();
  const due = (await store.listAlertMessages({ status: ['pending', 'retry', 'sending'] }))
    .filter((m) => isClaimable(m, now))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1));
  for (const [i, m] of due.entries()) {
    if (Date.now() >= deadline) {
      outcome.left = due.length - i;
      log.info({ left: outcome.left }, 'alert delivery budget spent; the rest goes out next time');
      break;
    }
    const result = await deliverMessage(config, store, m._id, log);
    if (result) outcome[result]++;
  }
  return outcome;
}

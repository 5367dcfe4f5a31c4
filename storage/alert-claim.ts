/**
 * When a sender may take an outbox message, for both stores: a due message nobody holds, or one
 * whose sender's lease ran out (it died mid-send).
 */
import type { AlertMessage } from '../domain/alerts.js';

/** Whether a sender may take the message at `now` (ISO 8601). */
export function isClaimable(m: AlertMessage, now: string): boolean {
  if (m.status === 'pending' || m.status === 'retry') return m.nextAttemptAt <= now;
  return m.status === 'sending' && (m.leaseUntil ?? '') < now;
}

/**
 * The message's state as one string: racing senders that read the same state compete for the same
 * claim record, and the unique insert of that record lets exactly one of them win.
 */
export function claimKey(m: AlertMessage): string {
  return `${m._id}|${m.status}|${m.attempts}|${m.nextAttemptAt}|${m.leaseUntil ?? ''}`;
}

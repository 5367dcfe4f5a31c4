/**
 * The alert history as the CLI (`radar alerts list`) and the web app show it: outbox messages,
 * newest first, each with its findings' titles, its status, attempts and the reason of the last
 * failure; and the findings still waiting for their digest.
 */
import type { AlertMessage, AlertMessageStatus, AlertRecord } from '../domain/alerts.js';
import type { Store } from '../storage/store.js';

/** An outbox message with the titles of its findings. */
export interface HistoryEntry {
  /** The message (status, attempts, lastError, nextAttemptAt, sentAt…). */
  message: AlertMessage;
  /** Its findings (kind, title, severity, when found); for samples, the sample. */
  findings: Pick<AlertRecord, '_id' | 'kind' | 'title' | 'severity' | 'createdAt'>[];
}

/** What to list. */
export interface HistoryQuery {
  /** One rule only. */
  rule?: string;
  /** Only messages in these states. */
  status?: AlertMessageStatus[];
  /** Most messages (default 50). */
  limit?: number;
}

/** The alert history: messages newest first, and findings waiting for their digest. */
export async function alertHistory(store: Store, query: HistoryQuery = {}): Promise<{ messages: HistoryEntry[]; waiting: AlertRecord[] }> {
  const messages = await store.listAlertMessages({ rule: query.rule, status: query.status, limit: query.limit ?? 50 });
  const ids = [...new Set(messages.flatMap((m) => (m.sample ? [] : m.alertIds)))];
  const records = new Map((ids.length ? await store.listAlerts({ ids }) : []).map((r) => [r._id, r]));
  const pick = (r: AlertRecord) => ({ _id: r._id, kind: r.kind, title: r.title, severity: r.severity, createdAt: r.createdAt });
  return {
    messages: messages.map((message) => ({
      message,
      findings: (message.sample ?? message.alertIds.map((id) => records.get(id)).filter((r): r is AlertRecord => !!r)).map(pick),
    })),
    waiting: await store.listAlerts({ rule: query.rule, batched: false }),
  };
}

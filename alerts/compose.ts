/**
 * Composing outbox messages from recorded findings: per rule, the findings not yet in a batch that
 * are due — all of them for "immediate" (one message each) and "run" (one digest), those found
 * before the last digest time for "daily" and "weekly" — go into one batch, and the batch into one
 * message per channel of the rule. Batch and message ids are hashes of the findings they carry, so
 * composing the same findings twice (a retried job) adds nothing; a message stored just before a
 * crash whose findings were not yet marked is adopted, not duplicated.
 */
import { createHash } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import type { AlertRuleConfig } from '../config/alerts-schema.js';
import type { RadarConfig } from '../config/schema.js';
import type { AlertMessage, AlertRecord } from '../domain/alerts.js';
import type { Store } from '../storage/store.js';
import { withAlertLock } from './lock.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The cron expression of a rule's digest time, for daily and weekly digests. */
function digestCron(rule: AlertRuleConfig): string | undefined {
  if (rule.digest !== 'daily' && rule.digest !== 'weekly') return undefined;
  const [hh, mm] = rule.at.split(':').map(Number);
  return `${mm} ${hh} * * ${rule.digest === 'weekly' ? DAYS.indexOf(rule.day) : '*'}`;
}

/** The latest digest time at or before `now` (ISO 8601), for daily and weekly rules. */
export function lastDigestTime(rule: AlertRuleConfig, now: string): string | undefined {
  const expr = digestCron(rule);
  if (!expr) return undefined;
  // One millisecond on, so a digest time of exactly `now` counts as passed.
  const at = new Date(Date.parse(now) + 1);
  return CronExpressionParser.parse(expr, { currentDate: at, tz: rule.timezone }).prev().toISOString() ?? undefined;
}

/** The next digest time after `now` (ISO 8601), for daily and weekly rules. */
export function nextDigestTime(rule: AlertRuleConfig, now: string): string | undefined {
  const expr = digestCron(rule);
  if (!expr) return undefined;
  return (
    CronExpressionParser.parse(expr, { currentDate: new Date(now), tz: rule.timezone })
      .next()
      .toISOString() ?? undefined
  );
}

/** The findings of a rule that are due to go out now, grouped into batches (oldest first). Pure. */
export function dueBatches(rule: AlertRuleConfig, waiting: AlertRecord[], now: string): AlertRecord[][] {
  const last = lastDigestTime(rule, now);
  const due = waiting
    .filter((a) => last === undefined || a.createdAt < last)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1));
  if (!due.length) return [];
  return rule.digest === 'immediate' ? due.map((a) => [a]) : [due];
}

/** The id of the batch of these findings. */
export function batchId(ruleId: string, alertIds: string[]): string {
  return `${ruleId}-${createHash('sha256')
    .update([...alertIds].sort().join('\n'))
    .digest('hex')
    .slice(0, 20)}`;
}

/** Composes the due messages of every rule; returns the messages it added. */
export async function composeMessages(config: RadarConfig, store: Store, now = new Date().toISOString()): Promise<AlertMessage[]> {
  const added = await withAlertLock(store, async () => {
    const out: AlertMessage[] = [];
    for (const rule of config.alerts.rules) {
      let waiting = await store.listAlerts({ rule: rule.id, batched: false });
      if (!waiting.length) continue;
      // Messages stored before a crash that came before their findings were marked.
      const carrying = await store.listAlertMessages({ alertIds: waiting.map((a) => a._id) });
      if (carrying.length) {
        for (const m of carrying) await store.batchAlerts(m.alertIds, m.batch);
        const adopted = new Set(carrying.flatMap((m) => m.alertIds));
        waiting = waiting.filter((a) => !adopted.has(a._id));
      }
      for (const batch of dueBatches(rule, waiting, now)) {
        const ids = batch.map((a) => a._id);
        const id = batchId(rule.id, ids);
        const messages: AlertMessage[] = rule.channels.map((channel) => ({
          _id: `${id}.${channel}`,
          rule: rule.id,
          channel,
          batch: id,
          alertIds: ids,
          status: 'pending',
          createdAt: now,
          attempts: 0,
          nextAttemptAt: now,
        }));
        const stored = new Set(await store.addAlertMessages(messages));
        await store.batchAlerts(ids, id);
        out.push(...messages.filter((m) => stored.has(m._id)));
      }
    }
    return out;
  });
  return added ?? [];
}

/** When something alert-related is next due (a retry, a lease that runs out, a digest with findings waiting), if anything is. */
export async function nextAlertWake(config: RadarConfig, store: Store, now = new Date().toISOString()): Promise<string | undefined> {
  const times: string[] = [];
  for (const m of await store.listAlertMessages({ status: ['pending', 'retry', 'sending'] })) {
    times.push(m.status === 'sending' ? (m.leaseUntil ?? now) : m.nextAttemptAt);
  }
  for (const rule of config.alerts.rules) {
    const next = nextDigestTime(rule, now);
    if (next && (await store.listAlerts({ rule: rule.id, batched: false, limit: 1 })).length) times.push(next);
  }
  // ISO 8601 times in UTC sort as text.
  return times.sort()[0];
}

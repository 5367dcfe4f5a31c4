/**
 * The alert step that follows every report (one-shot and service mode alike) — and, for the
 * source-health rules, every one-shot crawl: evaluate the rules, compose the due digests, deliver
 * the outbox within its time budget. It never throws: a broken rule, a dead SMTP server or
 * webhook, even a store error here is logged and left for the next run, and the report or crawl
 * it follows stands.
 */
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import { composeMessages } from './compose.js';
import { type DeliveryOutcome, deliverDue } from './deliver.js';
import { type AlertData, evaluateRules, evaluateSourceHealth, type RuleOutcome } from './evaluate.js';

/** What the alert step did. */
export interface AlertsOutcome {
  /** Per rule: findings recorded (or why it could not be evaluated). */
  rules: RuleOutcome[];
  /** Messages composed. */
  composed: number;
  /** What delivery did. */
  delivery: DeliveryOutcome;
  /** Why the step stopped early, when it did. */
  error?: string;
}

const NOTHING: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0, left: 0 };

/** Composes and delivers what is due (digests whose time came, retries): `radar alerts send` and service mode's wake-ups. */
export async function sendDueAlerts(
  config: RadarConfig,
  store: Store,
  log: Logger,
): Promise<{ composed: number; delivery: DeliveryOutcome }> {
  const composed = await composeMessages(config, store);
  const delivery = await deliverDue(config, store, log);
  return { composed: composed.length, delivery };
}

/** Evaluates, composes and delivers after a report; never throws. */
export async function runAlerts(config: RadarConfig, store: Store, data: AlertData, log: Logger): Promise<AlertsOutcome | undefined> {
  if (!config.alerts.rules.length) return undefined;
  return guarded(() => evaluateRules(config, store, data, log), config, store, log);
}

/** After a one-shot crawl: the source-health rules over the runs, then composition and delivery; never throws. */
export async function runSourceHealthAlerts(config: RadarConfig, store: Store, log: Logger): Promise<AlertsOutcome | undefined> {
  if (!config.alerts.rules.some((r) => r.type === 'source-health')) return undefined;
  return guarded(async () => evaluateSourceHealth(config, store, await store.listRuns({ limit: 1000 }), log), config, store, log);
}

async function guarded(evaluate: () => Promise<RuleOutcome[]>, config: RadarConfig, store: Store, log: Logger): Promise<AlertsOutcome> {
  const outcome: AlertsOutcome = { rules: [], composed: 0, delivery: NOTHING };
  try {
    outcome.rules = await evaluate();
    const sent = await sendDueAlerts(config, store, log);
    outcome.composed = sent.composed;
    outcome.delivery = sent.delivery;
  } catch (err) {
    outcome.error = (err as Error).message;
    log.warn({ err: outcome.error }, 'alerts could not be processed; the crawl or report stands, and alerts are tried again next run');
  }
  return outcome;
}

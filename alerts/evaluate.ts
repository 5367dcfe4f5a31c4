/**
 * Evaluating the rules after a report: each rule's pure function proposes findings, its stored
 * state turns conditions into episodes, and the findings are recorded in the store under their
 * idempotency keys — a finding already recorded (the same review, a condition still holding, a
 * retried job) is not recorded again, so it is never sent twice. One rule failing does not stop
 * the others.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { AlertRuleConfig } from '../config/alerts-schema.js';
import type { RadarConfig } from '../config/schema.js';
import type { AlertRecord } from '../domain/alerts.js';
import type { CrawlRun } from '../domain/types.js';
import type { ReportData, ReportRow } from '../reports/model.js';
import type { Store } from '../storage/store.js';
import { applyRuleState, loadRuleState, saveRuleState } from './rule-state.js';
import { ruleFindings } from './rules/index.js';

/** The data rules are evaluated over. */
export interface AlertData {
  /** The report just built. */
  report: ReportData;
  /** Its rows. */
  rows: ReportRow[];
  /** Crawl runs, newest first. */
  runs: CrawlRun[];
}

/** What the evaluation of one rule did. */
export interface RuleOutcome {
  /** Rule id. */
  rule: string;
  /** Findings recorded for the first time. */
  recorded: number;
  /** Why the rule could not be evaluated, when it could not. */
  error?: string;
}

/** The idempotency key of a finding of a rule: stable across runs, processes and retries. */
export function alertRecordId(ruleId: string, key: string): string {
  return `${ruleId}:${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

/** Evaluates one rule and records its new findings. */
export async function evaluateRule(
  rule: AlertRuleConfig,
  config: RadarConfig,
  store: Store,
  data: AlertData,
  now: string,
): Promise<AlertRecord[]> {
  const stored = await loadRuleState(store, rule.id);
  const candidates = ruleFindings(rule, { config, ...data, since: stored?.since ?? now });
  const { findings, state } = applyRuleState(candidates, stored, now);
  const records: AlertRecord[] = findings.map((f) => ({
    ...f,
    _id: alertRecordId(rule.id, f.key),
    rule: rule.id,
    ruleType: rule.type,
    createdAt: now,
  }));
  // Findings first, state after: a crash in between leaves the old state, whose keys are the same next time.
  const inserted = new Set(await store.addAlerts(records));
  await saveRuleState(store, rule.id, state);
  return records.filter((r) => inserted.has(r._id));
}

/** Evaluates every configured rule; a rule that fails is logged and reported, the rest go on. */
export async function evaluateRules(
  config: RadarConfig,
  store: Store,
  data: AlertData,
  log: Logger,
  now = new Date().toISOString(),
): Promise<RuleOutcome[]> {
  const out: RuleOutcome[] = [];
  for (const rule of config.alerts.rules) {
    try {
      const recorded = await evaluateRule(rule, config, store, data, now);
      out.push({ rule: rule.id, recorded: recorded.length });
      if (recorded.length) log.info({ rule: rule.id, findings: recorded.length }, 'new alert findings');
    } catch (err) {
      log.warn({ rule: rule.id, err: (err as Error).message }, 'alert rule could not be evaluated');
      out.push({ rule: rule.id, recorded: 0, error: (err as Error).message });
    }
  }
  return out;
}

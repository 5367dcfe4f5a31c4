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
import type { Candidate } from './rules/rule-input.js';
import { sourceHealthFindings } from './rules/source-health.js';

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

/** Evaluates one rule — `propose` gives its candidates from the time it began — and records its new findings. */
export async function evaluateRule(
  rule: AlertRuleConfig,
  store: Store,
  propose: (since: string) => Candidate[],
  now: string,
): Promise<AlertRecord[]> {
  const stored = await loadRuleState(store, rule.id);
  const { findings, state } = applyRuleState(propose(stored?.since ?? now), stored, now);
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

async function evaluateEach(
  rules: AlertRuleConfig[],
  store: Store,
  propose: (rule: AlertRuleConfig, since: string) => Candidate[],
  log: Logger,
  now: string,
): Promise<RuleOutcome[]> {
  const out: RuleOutcome[] = [];
  for (const rule of rules) {
    try {
      const recorded = await evaluateRule(rule, store, (since) => propose(rule, since), now);
      out.push({ rule: rule.id, recorded: recorded.length });
      if (recorded.length) log.info({ rule: rule.id, findings: recorded.length }, 'new alert findings');
    } catch (err) {
      log.warn({ rule: rule.id, err: (err as Error).message }, 'alert rule could not be evaluated');
      out.push({ rule: rule.id, recorded: 0, error: (err as Error).message });
    }
  }
  return out;
}

/** Evaluates every configured rule over a report; a rule that fails is logged and reported, the rest go on. */
export async function evaluateRules(
  config: RadarConfig,
  store: Store,
  data: AlertData,
  log: Logger,
  now = new Date().toISOString(),
): Promise<RuleOutcome[]> {
  return evaluateEach(config.alerts.rules, store, (rule, since) => ruleFindings(rule, { config, ...data, since }), log, now);
}

/**
 * Evaluates the source-health rules alone, from the crawl runs: right after `radar crawl`, whose
 * failure (exit 1) stops `radar crawl && radar analyze && radar report` before the report.
 */
export async function evaluateSourceHealth(
  config: RadarConfig,
  store: Store,
  runs: CrawlRun[],
  log: Logger,
  now = new Date().toISOString(),
): Promise<RuleOutcome[]> {
  const rules = config.alerts.rules.filter((r) => r.type === 'source-health');
  return evaluateEach(
    rules,
    store,
    (rule, _since) => (rule.type === 'source-health' ? sourceHealthFindings(rule, { config, runs }) : []),
    log,
    now,
  );
}

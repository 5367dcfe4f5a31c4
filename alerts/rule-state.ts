/**
 * What a rule remembers between evaluations: when it was first evaluated (documents stored before
 * are not news), and which conditions held last time with their episode number. A condition is
 * reported when it starts holding, under the key `condition#episode`: while it keeps holding
 * nothing new is sent, and when it stops and later comes back it is a new episode. The keys are
 * worked out from the state stored before the evaluation, so a retried job that already recorded
 * its findings records the same keys again — and the store keeps each key once.
 */
import type { AlertFinding } from '../domain/alerts.js';
import type { Store } from '../storage/store.js';
import type { Candidate } from './rules/rule-input.js';

/** A rule's memory. */
export interface RuleState {
  /** When the rule was first evaluated (ISO 8601). */
  since: string;
  /** Conditions that held at the last evaluation → their episode number. */
  active: Record<string, number>;
  /** Conditions ever seen → the number of their last episode. */
  episodes: Record<string, number>;
}

/** The findings to record from a rule's candidates, and the state to store after recording them. Pure. */
export function applyRuleState(
  candidates: Candidate[],
  stored: RuleState | undefined,
  now: string,
): { findings: AlertFinding[]; state: RuleState } {
  const first = !stored;
  const before = stored ?? { since: now, active: {}, episodes: {} };
  const state: RuleState = { since: before.since, active: {}, episodes: { ...before.episodes } };
  const findings: AlertFinding[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const { condition, ...finding } = c;
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    if (!condition) {
      findings.push(finding);
      continue;
    }
    const running = before.active[c.key];
    if (running !== undefined) {
      state.active[c.key] = running;
      continue;
    }
    const episode = (before.episodes[c.key] ?? 0) + 1;
    state.active[c.key] = episode;
    state.episodes[c.key] = episode;
    // Who is ahead at the first evaluation is the baseline, not a crossing.
    if (first && condition === 'crossing') continue;
    findings.push({ ...finding, key: `${c.key}#${episode}` });
  }
  return { findings, state };
}

const KEY = 'alerts:rule:';

/** Reads a rule's stored state (undefined before its first evaluation). */
export async function loadRuleState(store: Store, ruleId: string): Promise<RuleState | undefined> {
  const raw = await store.getMeta(`${KEY}${ruleId}`);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as RuleState;
    if (typeof parsed.since === 'string' && parsed.active && parsed.episodes) return parsed;
  } catch {
    /* reported below */
  }
  throw new Error(`the stored state of alert rule "${ruleId}" (meta "${KEY}${ruleId}") is unreadable; delete it to start the rule afresh`);
}

/** Stores a rule's state. */
export async function saveRuleState(store: Store, ruleId: string, state: RuleState): Promise<void> {
  await store.setMeta(`${KEY}${ruleId}`, JSON.stringify(state));
}

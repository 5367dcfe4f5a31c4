import { describe, expect, it } from 'vitest';
import type { Candidate } from './rules/rule-input.js';
import { applyRuleState } from './rule-state.js';

const finding = (key: string, condition?: Candidate['condition']): Candidate => ({
  key,
  kind: 'source-empty',
  title: key,
  detail: '',
  severity: 'warning',
  docIds: [],
  view: { page: 'sources', filters: {} },
  ...(condition ? { condition } : {}),
});

describe('rule state', () => {
  it('reports a condition when it starts holding, not while it holds, and as a new episode when it comes back', () => {
    const t = (d: number) => `2026-03-0${d}T00:00:00.000Z`;
    const first = applyRuleState([finding('empty:shop', 'state')], undefined, t(1));
    expect(first.findings.map((f) => f.key)).toEqual(['empty:shop#1']);
    expect(first.state.since).toBe(t(1));
    const still = applyRuleState([finding('empty:shop', 'state')], first.state, t(2));
    expect(still.findings).toEqual([]);
    const healed = applyRuleState([], still.state, t(3));
    expect(healed.findings).toEqual([]);
    expect(healed.state.active).toEqual({});
    const again = applyRuleState([finding('empty:shop', 'state')], healed.state, t(4));
    expect(again.findings.map((f) => f.key)).toEqual(['empty:shop#2']);
    expect(again.state.since).toBe(t(1));
  });

  it('keeps the keys of an evaluation that is retried before its state was saved', () => {
    const before = applyRuleState([finding('empty:shop', 'state')], undefined, '2026-03-01T00:00:00.000Z').state;
    const later = [finding('empty:shop', 'state'), finding('blocked:forum', 'state')];
    const a = applyRuleState(later, before, '2026-03-02T00:00:00.000Z');
    const b = applyRuleState(later, before, '2026-03-02T00:05:00.000Z');
    expect(a.findings.map((f) => f.key)).toEqual(['blocked:forum#1']);
    expect(b.findings.map((f) => f.key)).toEqual(a.findings.map((f) => f.key));
  });

  it('takes who is ahead at the first evaluation as the baseline of a crossing, and reports later crossings', () => {
    const first = applyRuleState([finding('rating-ahead:b:a', 'crossing')], undefined, '2026-03-01T00:00:00.000Z');
    expect(first.findings).toEqual([]);
    const behind = applyRuleState([], first.state, '2026-03-02T00:00:00.000Z');
    const ahead = applyRuleState([finding('rating-ahead:b:a', 'crossing')], behind.state, '2026-03-03T00:00:00.000Z');
    expect(ahead.findings.map((f) => f.key)).toEqual(['rating-ahead:b:a#2']);
  });

  it('passes events through under their own key, once per evaluation', () => {
    const { findings } = applyRuleState(
      [finding('review:1'), finding('review:1'), finding('review:2')],
      undefined,
      '2026-03-01T00:00:00.000Z',
    );
    expect(findings.map((f) => f.key)).toEqual(['review:1', 'review:2']);
  });
});

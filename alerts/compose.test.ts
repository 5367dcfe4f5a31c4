import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../domain/alerts.js';
import { fixtureConfig } from '../test/alert-fixtures.js';
import { batchId, dueBatches, lastDigestTime, nextDigestTime } from './compose.js';

const config = fixtureConfig(`alerts:
  channels: [{ id: hook, type: webhook, url: "http://127.0.0.1:9/hook" }]
  rules:
    - { id: now, type: reviews, channels: [hook], digest: immediate }
    - { id: run, type: reviews, channels: [hook] }
    - { id: daily, type: reviews, channels: [hook], digest: daily, at: "09:00", timezone: Europe/Berlin }
    - { id: weekly, type: reviews, channels: [hook], digest: weekly, day: friday, at: "17:30" }
`);
const [immediate, run, daily, weekly] = config.alerts.rules as [never, never, never, never];

const found = (id: string, createdAt: string): AlertRecord => ({
  _id: id,
  rule: 'r',
  ruleType: 'reviews',
  createdAt,
  key: id,
  kind: 'low-rating-review',
  title: id,
  detail: '',
  severity: 'warning',
  docIds: [],
  view: { page: 'reviews', filters: {} },
});

describe('digest timing', () => {
  it('reads the digest time in the rule’s time zone', () => {
    // 09:00 in Berlin is 08:00 UTC in winter.
    expect(lastDigestTime(daily, '2026-01-15T08:30:00.000Z')).toBe('2026-01-15T08:00:00.000Z');
    expect(lastDigestTime(daily, '2026-01-15T07:59:00.000Z')).toBe('2026-01-14T08:00:00.000Z');
    expect(lastDigestTime(daily, '2026-01-15T08:00:00.000Z')).toBe('2026-01-15T08:00:00.000Z');
    expect(nextDigestTime(daily, '2026-01-15T08:30:00.000Z')).toBe('2026-01-16T08:00:00.000Z');
    // 2026-01-16 is a Friday.
    expect(lastDigestTime(weekly, '2026-01-20T00:00:00.000Z')).toBe('2026-01-16T17:30:00.000Z');
    expect(lastDigestTime(run, '2026-01-20T00:00:00.000Z')).toBeUndefined();
  });

  it('sends per run all waiting findings in one digest, immediately one message each, and daily only what came before the digest time', () => {
    const waiting = [
      found('b', '2026-01-15T08:10:00.000Z'),
      found('a', '2026-01-15T07:00:00.000Z'),
      found('c', '2026-01-14T12:00:00.000Z'),
    ];
    const now = '2026-01-15T08:30:00.000Z';
    expect(dueBatches(run, waiting, now).map((b) => b.map((f) => f._id))).toEqual([['c', 'a', 'b']]);
    expect(dueBatches(immediate, waiting, now).map((b) => b.map((f) => f._id))).toEqual([['c'], ['a'], ['b']]);
    expect(dueBatches(daily, waiting, now).map((b) => b.map((f) => f._id))).toEqual([['c', 'a']]);
    // Before the day's digest time, only what came before yesterday's is due (nothing here).
    expect(dueBatches(daily, waiting, '2026-01-15T07:30:00.000Z')).toEqual([]);
    expect(
      dueBatches(daily, [...waiting, found('d', '2026-01-14T06:00:00.000Z')], '2026-01-15T07:30:00.000Z').map((b) => b.map((f) => f._id)),
    ).toEqual([['d']]);
  });

  it('names a batch by its findings, whatever their order', () => {
    expect(batchId('run', ['x', 'y'])).toBe(batchId('run', ['y', 'x']));
    expect(batchId('run', ['x', 'y'])).not.toBe(batchId('run', ['x', 'z']));
  });
});

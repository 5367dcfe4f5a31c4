import { describe, expect, it } from 'vitest';
import { hashSample, MIN_STABILITY, segment } from './cluster.js';
import { prng } from './fixture-rows.js';
import type { SparseRow } from './nmf.js';

/** Members of `groups` planted attitude groups (disjoint feature blocks), plus members who show nothing. */
function population(groups: number, perGroup: number, silent: number): { rows: SparseRow[]; truth: number[]; keys: string[] } {
  const rnd = prng(11);
  const width = 4;
  const rows: SparseRow[] = [];
  const truth: number[] = [];
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < perGroup; i++) {
      const dense: number[] = new Array<number>(groups * width).fill(0);
      for (let j = 0; j < width; j++) if (rnd() < 0.5) dense[g * width + j] = 0.5 + rnd();
      if (!dense.some((v) => v !== 0)) dense[g * width + Math.floor(rnd() * width)] = 1;
      const norm = Math.hypot(...dense);
      const idx = dense.map((v, j) => (v > 0 ? j : -1)).filter((j) => j >= 0);
      rows.push({ idx, val: idx.map((j) => dense[j]! / norm) });
      truth.push(g);
    }
  }
  for (let i = 0; i < silent; i++) {
    rows.push({ idx: [], val: [] });
    truth.push(-1);
  }
  return { rows, truth, keys: rows.map((_, i) => `member-${i}`) };
}

describe('segmentation', () => {
  it('never mixes planted groups in one persona, covers every group, and leaves silent members out', () => {
    // Within a planted group members show random halves of its features, so a group may come back
    // as more than one persona (each a steady sub-pattern); what must not happen is a persona that
    // mixes groups, a group with no persona, or a persona for members who said nothing.
    const { rows, truth, keys } = population(4, 50, 10);
    const seg = segment(rows, keys, 16, { maxK: 8, minSize: 10 });
    expect(seg.parts.length).toBeGreaterThanOrEqual(4);
    for (const s of seg.stability) expect(s).toBeGreaterThanOrEqual(MIN_STABILITY);
    expect(seg.unassigned.noSignal).toBe(10);
    const covered = new Set<number>();
    for (let p = 0; p < seg.parts.length; p++) {
      const members = truth.filter((_, i) => seg.assignments[i] === p);
      const counts = [0, 1, 2, 3].map((g) => members.filter((t) => t === g).length);
      const top = Math.max(...counts);
      covered.add(counts.indexOf(top));
      expect(top / members.length).toBeGreaterThanOrEqual(0.95);
    }
    expect([...covered].sort()).toEqual([0, 1, 2, 3]);
    expect(seg.assignments.filter((a, i) => truth[i] === -1 && a >= 0)).toEqual([]);
  });

  it('reports nothing when there are too few members for a persona of the minimum size', () => {
    const { rows, keys } = population(2, 4, 0);
    const seg = segment(rows, keys, 8, { maxK: 8, minSize: 10 });
    expect(seg.parts).toEqual([]);
    expect(seg.assignments.every((a) => a === -1)).toBe(true);
  });

  it('samples by key, so 10% more members leave most of the sample in place', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `reviewer-${i}`);
    const more = [...keys, ...Array.from({ length: 500 }, (_, i) => `newcomer-${i}`)];
    const before = new Set(hashSample(keys, 1000).map((i) => keys[i]));
    const after = hashSample(more, 1000).map((i) => more[i]!);
    expect(after.filter((k) => before.has(k)).length).toBeGreaterThanOrEqual(880);
  });
});

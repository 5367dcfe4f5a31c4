import { describe, expect, it } from 'vitest';
import { prng } from './fixture-rows.js';
import { fitNmf, project, symmetricEigen, type SparseRow } from './nmf.js';

/** Rows drawn from `groups` disjoint blocks of `width` features each, unit length, with a little cross-talk. */
function planted(groups: number, width: number, perGroup: number, seed = 1): { rows: SparseRow[]; truth: number[] } {
  const rnd = prng(seed);
  const rows: SparseRow[] = [];
  const truth: number[] = [];
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < perGroup; i++) {
      const dense: number[] = new Array<number>(groups * width).fill(0);
      for (let j = 0; j < width; j++) if (rnd() < 0.6) dense[g * width + j] = 0.5 + rnd();
      if (!dense.some((v) => v !== 0)) dense[g * width] = 1;
      if (rnd() < 0.3) dense[Math.floor(rnd() * groups * width)]! += 0.3;
      const norm = Math.hypot(...dense);
      const idx = dense.map((v, j) => (v > 0 ? j : -1)).filter((j) => j >= 0);
      rows.push({ idx, val: idx.map((j) => dense[j]! / norm) });
      truth.push(g);
    }
  }
  return { rows, truth };
}

describe('NMF', () => {
  it('decomposes a symmetric matrix exactly', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 5],
    ]);
    expect(values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 3, 1]);
    expect(Math.abs(vectors[1]![0]!)).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it('recovers planted attitude profiles, one part per group', () => {
    const { rows, truth } = planted(4, 5, 40);
    const fit = fitNmf(rows, 20, 4);
    const labels = fit.loadings.map((w) => w.indexOf(Math.max(...w)));
    // Each part puts nearly all its weight on one block, and each group loads on its own part.
    const blockOf = fit.parts.map((h) => {
      const mass = [0, 1, 2, 3].map((g) => h.slice(g * 5, g * 5 + 5).reduce((a, b) => a + b * b, 0));
      expect(Math.max(...mass)).toBeGreaterThan(0.9);
      return mass.indexOf(Math.max(...mass));
    });
    expect(new Set(blockOf).size).toBe(4);
    const correct = labels.filter((l, i) => blockOf[l] === truth[i]).length;
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.97);
  });

  it('is deterministic: no seed, the same rows give the same parts', () => {
    const { rows } = planted(3, 4, 30, 9);
    expect(fitNmf(rows, 12, 3).parts).toEqual(fitNmf(rows, 12, 3).parts);
  });

  it('projects a new row onto fixed parts with non-negative loadings', () => {
    const { rows } = planted(3, 4, 30, 3);
    const { parts } = fitNmf(rows, 12, 3);
    const idx = parts[1]!.map((v, j) => (v > 0 ? j : -1)).filter((j) => j >= 0);
    const w = project({ idx, val: idx.map((j) => parts[1]![j]!) }, parts);
    expect([...w].every((x) => x >= 0)).toBe(true);
    expect(w[1]).toBeCloseTo(1, 3);
  });
});

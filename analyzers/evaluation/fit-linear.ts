/**
 * Fits the English model's two heads on hashed features: P, a logistic regression (positive vs
 * negative), and Q, a softmax regression (negative / neutral / positive), both L2-regularised, by
 * AdaGrad over the examples in an order fixed by a seeded generator. No clock, no unseeded random
 * numbers and a fixed order of float operations: the same examples give the same weights, bit for
 * bit.
 */
import { BUCKETS, DENSE_FEATURES } from '../sentiment/features.js';

/** One training example. */
export interface TrainingRow {
  /** Buckets of its n-grams, each once. */
  rows: Int32Array;
  /** Dense features. */
  dense: Float64Array;
  /** Class index (0 negative, 1 neutral, 2 positive). */
  y: number;
  /** Its weight for head P (0: P does not read it, e.g. a neutral item). */
  wP: number;
  /** Its weight for head Q. */
  wQ: number;
}

/** Settings of a fit. */
export interface FitSettings {
  /** L2 strength of head P. */
  lambdaP: number;
  /** L2 strength of head Q. */
  lambdaQ: number;
  /** Passes over the examples. */
  epochs: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 strength of the dense weights, as a share of the head's (default 1). */
  denseShare?: number;
}

/** Fitted weights. */
export interface FittedHeads {
  /** Head P's bias. */
  pBias: number;
  /** Head P's dense weights. */
  pDense: Float64Array;
  /** Head Q's bias per class. */
  qBias: Float64Array;
  /** 3 × D, class-major. */
  qDense: Float64Array;
  /** BUCKETS × 4: per bucket P's weight, then Q's per class. */
  sparse: Float64Array;
}

const D = DENSE_FEATURES.length;

/** A small seeded generator (xorshift32) for the example order. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** The order of the examples in each pass: a Fisher–Yates shuffle by the seeded generator. */
function order(n: number, next: () => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = next() % (i + 1);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx;
}

/** Fits both heads. */
export function fitHeads(examples: readonly TrainingRow[], s: FitSettings): FittedHeads {
  const w: FittedHeads = {
    pBias: 0,
    pDense: new Float64Array(D),
    qBias: new Float64Array(3),
    qDense: new Float64Array(3 * D),
    sparse: new Float64Array(BUCKETS * 4),
  };
  // AdaGrad's sums of squared gradients, per weight.
  const gSparse = new Float64Array(BUCKETS * 4);
  const gPDense = new Float64Array(D);
  const gQDense = new Float64Array(3 * D);
  const gQBias = new Float64Array(3);
  let gPBias = 0;
  const eps = 1e-8;
  const rate = s.rate;
  const next = xorshift(0x5eed);
  const denseP = s.lambdaP * (s.denseShare ?? 1);
  const denseQ = s.lambdaQ * (s.denseShare ?? 1);
  const z = new Float64Array(3);
  const err = new Float64Array(3);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    const idx = order(examples.length, next);
    for (let n = 0; n < idx.length; n++) {
      const e = examples[idx[n]!]!;
      const rows = e.rows;
      const x = e.dense;
      if (e.wP > 0) {
        let logit = w.pBias;
        for (let i = 0; i < D; i++) logit += w.pDense[i]! * x[i]!;
        for (let k = 0; k < rows.length; k++) logit += w.sparse[rows[k]! << 2]!;
        const p = 1 / (1 + Math.exp(-logit));
        const g = (p - (e.y === 2 ? 1 : 0)) * e.wP;
        gPBias += g * g;
        w.pBias -= (rate * g) / Math.sqrt(gPBias + eps);
        for (let i = 0; i < D; i++) {
          if (x[i] === 0) continue;
          const gi = g * x[i]! + denseP * w.pDense[i]!;
          gPDense[i]! += gi * gi;
          w.pDense[i]! -= (rate * gi) / Math.sqrt(gPDense[i]! + eps);
        }
        for (let k = 0; k < rows.length; k++) {
          const r = rows[k]! << 2;
          const gi = g + s.lambdaP * w.sparse[r]!;
          gSparse[r]! += gi * gi;
          w.sparse[r]! -= (rate * gi) / Math.sqrt(gSparse[r]! + eps);
        }
      }
      if (e.wQ > 0) {
        let max = -Infinity;
        for (let c = 0; c < 3; c++) {
          let v = w.qBias[c]!;
          for (let i = 0; i < D; i++) v += w.qDense[c * D + i]! * x[i]!;
          for (let k = 0; k < rows.length; k++) v += w.sparse[(rows[k]! << 2) + 1 + c]!;
          z[c] = v;
          if (v > max) max = v;
        }
        let sum = 0;
        for (let c = 0; c < 3; c++) {
          z[c] = Math.exp(z[c]! - max);
          sum += z[c]!;
        }
        for (let c = 0; c < 3; c++) err[c] = (z[c]! / sum - (e.y === c ? 1 : 0)) * e.wQ;
        for (let c = 0; c < 3; c++) {
          const g = err[c]!;
          gQBias[c]! += g * g;
          w.qBias[c]! -= (rate * g) / Math.sqrt(gQBias[c]! + eps);
          for (let i = 0; i < D; i++) {
            if (x[i] === 0) continue;
            const j = c * D + i;
            const gi = g * x[i]! + denseQ * w.qDense[j]!;
            gQDense[j]! += gi * gi;
            w.qDense[j]! -= (rate * gi) / Math.sqrt(gQDense[j]! + eps);
          }
          for (let k = 0; k < rows.length; k++) {
            const r = (rows[k]! << 2) + 1 + c;
            const gi = g + s.lambdaQ * w.sparse[r]!;
            gSparse[r]! += gi * gi;
            w.sparse[r]! -= (rate * gi) / Math.sqrt(gSparse[r]! + eps);
          }
        }
      }
    }
  }
  return w;
}

/** P's log-odds and Q's most likely class for one example, with fitted weights. */
export function predictRow(w: FittedHeads, e: Pick<TrainingRow, 'rows' | 'dense'>): { logit: number; label: number } {
  let logit = w.pBias;
  for (let i = 0; i < D; i++) logit += w.pDense[i]! * e.dense[i]!;
  for (let k = 0; k < e.rows.length; k++) logit += w.sparse[e.rows[k]! << 2]!;
  let best = 0;
  let bestZ = -Infinity;
  for (let c = 0; c < 3; c++) {
    let v = w.qBias[c]!;
    for (let i = 0; i < D; i++) v += w.qDense[c * D + i]! * e.dense[i]!;
    for (let k = 0; k < e.rows.length; k++) v += w.sparse[(e.rows[k]! << 2) + 1 + c]!;
    if (v > bestZ) {
      bestZ = v;
      best = c;
    }
  }
  return { logit, label: best };
}

/**
 * Segmentation: non-negative matrix factorisation of the member × attitude matrix, the number of
 * personas chosen by how well each persona survives resampling, and every member assigned to the
 * persona whose attitude profile explains them best — or to none.
 *
 * Why this shape: members write one to three short texts, so their vectors are sparse. NMF reads
 * them as mixtures of a few attitude profiles (parts), which gives interpretable personas; on the
 * demo it recovers the written attitude groups better and far more stably than k-means (see
 * bench/personas-bench.ts and the tests). The fit is deterministic (NNDSVD start, fixed update
 * order), runs on a deterministic sample chosen by member key (so adding data changes the sample
 * only by what was added), and k is the one that yields the most personas that keep their members
 * when 10% of the sample is left out (Hennig's cluster-wise Jaccard stability).
 */
import { fitNmf, gramEigen, partsGram, project, rowCosine, type Eigen, type SparseRow } from './nmf.js';

/** Stability figures of one tried number of parts. */
export interface TriedK {
  /** Number of parts. */
  k: number;
  /** Personas that are both stable and large enough. */
  stable: number;
  /** Mean persona stability (Jaccard with its best match in resampled fits), weighted by size. */
  stability: number;
  /** Each part's stability and its size in the sample, largest first. */
  parts: { size: number; stability: number }[];
}

/** Why members fit no persona. */
export interface Unassigned {
  /** Showed no attitude the feature space holds (e.g. only "love it"). */
  noSignal: number;
  /** Their attitudes fit no reported persona well enough. */
  weakFit: number;
  /** Resampled fits disagree on their persona: they sit between personas. */
  ambiguous: number;
}

/** The outcome of segmentation. */
export interface Segmentation {
  /** Persona index of each row, or -1 for none. */
  assignments: number[];
  /** Attitude profile (unit-length part) of each persona. */
  parts: number[][];
  /** Stability of each persona (Jaccard over resampled fits). */
  stability: number[];
  /** How well each assigned row fits its persona (cosine with its part); 0 for unassigned rows. */
  fit: number[];
  /** Parts in the chosen factorisation (before unstable or small ones were dropped). */
  k: number;
  /** What each tried k gave. */
  tried: TriedK[];
  /** Rows left out, by reason. */
  unassigned: Unassigned;
  /** Rows in the sample the model was fitted on. */
  sampleSize: number;
}

/** Options of segmentation. */
export interface SegmentOptions {
  /** Most parts to try. */
  maxK: number;
  /** Most personas to report (the largest stable parts); defaults to maxK. */
  maxPersonas?: number;
  /** Fewest members a persona needs (over all rows). */
  minSize: number;
  /** Most rows to fit on; the rest are assigned to the fitted parts. */
  sampleSize?: number;
  /** Resampling rounds per k. */
  rounds?: number;
  /** Share of the sample each round keeps. */
  keepShare?: number;
  /** Least Jaccard stability of a reported persona. */
  minStability?: number;
  /** Least cosine between a member and their persona's profile. */
  minFit?: number;
  /** Least share of resampled fits that must put a member in the same persona. */
  minAgreement?: number;
}

/** Least Jaccard stability of a reported persona (Hennig 2007: above 0.75 a cluster is stable, at 0.6 it is a pattern, below 0.5 it dissolves). */
export const MIN_STABILITY = 0.6;
/** Least cosine between a member's attitudes and their persona's profile. */
export const MIN_FIT = 0.3;
/** Least share of resampled fits that must agree on a member's persona. */
export const MIN_AGREEMENT = 0.6;

/**
 * A stable 32-bit hash of a string, for sampling by member key: FNV-1a, then MurmurHash3's
 * finaliser so that keys differing only in their last characters spread over the whole range.
 */
export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The `max` keys with the lowest hashes: a sample that adding data changes only by what was added. */
export function hashSample(keys: string[], max: number): number[] {
  const order = keys.map((k, i) => ({ i, h: hashKey(k) })).sort((a, b) => a.h - b.h || a.i - b.i);
  return order
    .slice(0, max)
    .map((o) => o.i)
    .sort((a, b) => a - b);
}

/** The part a row loads on most (-1 when it loads on none). */
function strongest(w: Float64Array): number {
  let best = -1;
  let value = 1e-9;
  for (let a = 0; a < w.length; a++) {
    if (w[a]! > value) {
      value = w[a]!;
      best = a;
    }
  }
  return best;
}

/** Labels rows by their strongest part. */
export function labelRows(rows: SparseRow[], parts: number[][]): number[] {
  const gram = partsGram(parts);
  return rows.map((r) => strongest(project(r, parts, gram)));
}

/** For each cluster of `a`, the Jaccard index with its best-matching cluster of `b`. */
export function clusterJaccard(a: number[], b: number[], k: number): number[] {
  const sizeA = new Map<number, number>();
  const sizeB = new Map<number, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    sizeA.set(a[i]!, (sizeA.get(a[i]!) ?? 0) + 1);
    sizeB.set(b[i]!, (sizeB.get(b[i]!) ?? 0) + 1);
    const key = `${a[i]}:${b[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  const out = new Array<number>(k).fill(0);
  for (const [key, n] of both) {
    const [ca, cb] = key.split(':').map(Number) as [number, number];
    if (ca < 0 || cb < 0) continue;
    const j = n / (sizeA.get(ca)! + sizeB.get(cb)! - n);
    if (j > out[ca]!) out[ca] = j;
  }
  return out;
}

/** Share of items two labelings put in matching groups (groups matched one-to-one, greedily by overlap). */
export function agreement(a: (number | string)[], b: (number | string)[]): number {
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length; i++) pairs.set(`${a[i]}\u0000${b[i]}`, (pairs.get(`${a[i]}\u0000${b[i]}`) ?? 0) + 1);
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  let matched = 0;
  for (const [key, n] of [...pairs.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    const [ca, cb] = key.split('\u0000') as [string, string];
    if (usedA.has(ca) || usedB.has(cb)) continue;
    usedA.add(ca);
    usedB.add(cb);
    matched += n;
  }
  return a.length ? matched / a.length : 1;
}

interface Resample {
  rows: SparseRow[];
  eigen: Eigen;
}

/** A tried factorisation and how its parts fared under resampling. */
interface Candidate {
  k: number;
  parts: number[][];
  stability: number[];
  keep: boolean[];
  /** Parts of each resampled fit, and which full part each of them matches best (-1: none). */
  others: { parts: number[][]; match: number[] }[];
  /** Members of the sample per part. */
  sizes: number[];
}

/** For each part of `b`, the part of `a` it overlaps most (Jaccard), or -1. */
function matchParts(a: number[], b: number[], kb: number): number[] {
  const sizeA = new Map<number, number>();
  const sizeB = new Map<number, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    sizeA.set(a[i]!, (sizeA.get(a[i]!) ?? 0) + 1);
    sizeB.set(b[i]!, (sizeB.get(b[i]!) ?? 0) + 1);
    both.set(`${a[i]}:${b[i]}`, (both.get(`${a[i]}:${b[i]}`) ?? 0) + 1);
  }
  const best = new Array<number>(kb).fill(-1);
  const score = new Array<number>(kb).fill(0);
  for (const [key, n] of [...both.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const [ca, cb] = key.split(':').map(Number) as [number, number];
    if (ca < 0 || cb < 0) continue;
    const j = n / (sizeA.get(ca)! + sizeB.get(cb)! - n);
    if (j > score[cb]!) {
      score[cb] = j;
      best[cb] = ca;
    }
  }
  return best;
}

/** Segments rows (unit-length attitude vectors; empty rows show no attitude). Deterministic. */
export function segment(rows: SparseRow[], keys: string[], d: number, options: SegmentOptions): Segmentation {
  const minStability = options.minStability ?? MIN_STABILITY;
  const minFit = options.minFit ?? MIN_FIT;
  const minAgreement = options.minAgreement ?? MIN_AGREEMENT;
  const active = rows.map((_r, i) => i).filter((i) => rows[i]!.idx.length > 0);
  const noSignal = rows.length - active.length;
  if (active.length < options.minSize || d === 0) {
    return {
      assignments: rows.map(() => -1),
      parts: [],
      stability: [],
      fit: rows.map(() => 0),
      k: 0,
      tried: [],
      unassigned: { noSignal, weakFit: active.length, ambiguous: 0 },
      sampleSize: 0,
    };
  }

  const sampleIdx = hashSample(
    active.map((i) => keys[i]!),
    options.sampleSize ?? 2000,
  ).map((j) => active[j]!);
  const sample = sampleIdx.map((i) => rows[i]!);
  const sampleKeys = sampleIdx.map((i) => keys[i]!);
  const scale = sample.length / active.length;
  const minSample = Math.max(2, Math.ceil(options.minSize * scale));
  const maxK = Math.max(1, Math.min(options.maxK, Math.floor(sample.length / minSample)));
  const eigen = gramEigen(sample, d);

  const tried: TriedK[] = [];
  let chosen: Candidate | undefined;
  if (maxK < 2) {
    // Too few members for two personas: one persona of everyone whose attitudes it explains.
    chosen = { k: 1, parts: fitNmf(sample, d, 1, { eigen }).parts, stability: [1], keep: [true], others: [], sizes: [sample.length] };
  } else {
    const rounds = options.rounds ?? 5;
    const keepShare = options.keepShare ?? 0.9;
    const resamples: Resample[] = [];
    for (let r = 1; r <= rounds; r++) {
      const sub = sample.filter((_, j) => hashKey(`${sampleKeys[j]}#${r}`) / 2 ** 32 < keepShare);
      resamples.push({ rows: sub, eigen: gramEigen(sub, d) });
    }
    for (let k = 2; k <= maxK; k++) {
      const fit = fitNmf(sample, d, k, { eigen });
      const labels = labelRows(sample, fit.parts);
      const sizes = new Array<number>(k).fill(0);
      for (const l of labels) if (l >= 0) sizes[l]!++;
      const stability = new Array<number>(k).fill(0);
      const others: Candidate['others'] = [];
      for (const rs of resamples) {
        const other = fitNmf(rs.rows, d, k, { eigen: rs.eigen });
        // Everyone in the sample, labelled by the fit that did not see 10% of them: this is what
        // adding data does to the personas.
        const otherLabels = labelRows(sample, other.parts);
        const j = clusterJaccard(labels, otherLabels, k);
        for (let a = 0; a < k; a++) stability[a]! += j[a]! / resamples.length;
        others.push({ parts: other.parts, match: matchParts(labels, otherLabels, k) });
      }
      const keep = sizes.map((s, a) => s >= minSample && stability[a]! >= minStability);
      const total = sizes.reduce((x, y) => x + y, 0) || 1;
      const stable = keep.filter(Boolean).length;
      tried.push({
        k,
        stable,
        stability: round(sizes.reduce((s, n, a) => s + (n * stability[a]!) / total, 0)),
        parts: sizes.map((size, a) => ({ size, stability: round(stability[a]!) })).sort((x, y) => y.size - x.size),
      });
      // Most stable personas wins. On a tie, more parts: the same stable personas, with the members
      // that fit none of them held in parts of their own (and left out) rather than blurring them.
      if (!chosen || stable >= chosen.keep.filter(Boolean).length) chosen = { k, parts: fit.parts, stability, keep, others, sizes };
    }
  }

  // The stable, supported parts are the personas (the largest, when more qualify than the report
  // may show). Everyone is assigned to one they fit, or none; a persona that ends up too small over
  // the whole population is dropped and its members assigned again.
  const sizes = chosen!.sizes;
  let kept = chosen!.parts
    .map((_, a) => a)
    .filter((a) => chosen!.keep[a])
    .sort((a, b) => sizes[b]! - sizes[a]! || a - b)
    .slice(0, options.maxPersonas ?? options.maxK)
    .sort((a, b) => a - b);
  for (;;) {
    const result = assignAll(rows, chosen!, kept, minFit, minAgreement);
    const sizes = new Array<number>(kept.length).fill(0);
    for (const a of result.assignments) if (a >= 0) sizes[a]!++;
    if (sizes.some((s) => s < options.minSize)) {
      kept = kept.filter((_, i) => sizes[i]! >= options.minSize);
      continue;
    }
    return {
      assignments: result.assignments,
      parts: kept.map((a) => chosen!.parts[a]!),
      stability: kept.map((a) => round(chosen!.stability[a]!)),
      fit: result.fit,
      k: chosen!.k,
      tried,
      unassigned: { noSignal, weakFit: result.weakFit, ambiguous: result.ambiguous },
      sampleSize: sample.length,
    };
  }
}

/**
 * Each row's persona among the kept parts: its strongest part, if it fits that part at least
 * `minFit` and the resampled fits mostly agree (a member the fits disagree on sits between
 * personas; leaving them out is what keeps personas steady when data is added).
 */
function assignAll(
  rows: SparseRow[],
  c: Candidate,
  kept: number[],
  minFit: number,
  minAgreement: number,
): { assignments: number[]; fit: number[]; weakFit: number; ambiguous: number } {
  const parts = kept.map((a) => c.parts[a]!);
  const gram = partsGram(parts);
  const otherGrams = c.others.map((o) => partsGram(o.parts));
  const assignments: number[] = [];
  const fit: number[] = [];
  let weakFit = 0;
  let ambiguous = 0;
  for (const r of rows) {
    if (!r.idx.length) {
      assignments.push(-1);
      fit.push(0);
      continue;
    }
    const i = parts.length ? strongest(project(r, parts, gram)) : -1;
    const cos = i >= 0 ? rowCosine(r, parts[i]!) : 0;
    if (i < 0 || cos < minFit) {
      weakFit++;
      assignments.push(-1);
      fit.push(0);
      continue;
    }
    if (c.others.length) {
      let votes = 0;
      c.others.forEach((o, t) => {
        const b = strongest(project(r, o.parts, otherGrams[t]));
        if (b >= 0 && o.match[b] === kept[i]) votes++;
      });
      if (votes / c.others.length < minAgreement) {
        ambiguous++;
        assignments.push(-1);
        fit.push(0);
        continue;
      }
    }
    assignments.push(i);
    fit.push(round(cos));
  }
  return { assignments, fit, weakFit, ambiguous };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

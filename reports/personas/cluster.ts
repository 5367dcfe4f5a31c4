/**
 * Deterministic clustering: k-means (k-means++ with fixed seeds, best of several starts), the
 * number of clusters chosen by the mean silhouette on a deterministic sample, then the chosen
 * centroids refined on everyone. The same input always gives the same clusters.
 */
import { kmeans } from 'ml-kmeans';

/** A clustering of points. */
export interface Clustering {
  /** Cluster index of each point. */
  assignments: number[];
  /** Centroids. */
  centroids: number[][];
  /** Mean silhouette of the chosen k (on the sample). */
  silhouette: number;
  /** Silhouette and stability per tried k. */
  tried: { k: number; silhouette: number; stability: number }[];
}

function dist2(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += d * d;
  }
  return s;
}

/** Every n-th point, so a sample is the same on every run. */
export function strideSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}

function bestOf(points: number[][], k: number, starts: number): { clusters: number[]; centroids: number[][]; sse: number } {
  let best: { clusters: number[]; centroids: number[][]; sse: number } | undefined;
  for (let seed = 1; seed <= starts; seed++) {
    const r = kmeans(points, k, { seed, initialization: 'kmeans++', maxIterations: 100 });
    let sse = 0;
    for (let i = 0; i < points.length; i++) sse += dist2(points[i]!, r.centroids[r.clusters[i]!]!);
    if (!best || sse < best.sse - 1e-9) best = { clusters: r.clusters, centroids: r.centroids, sse };
  }
  return best!;
}

/** Mean silhouette of an assignment. */
export function silhouette(points: number[][], clusters: number[], k: number): number {
  if (k < 2 || points.length < 3) return 0;
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (let j = 0; j < points.length; j++) {
      if (i === j) continue;
      sums[clusters[j]!]! += Math.sqrt(dist2(points[i]!, points[j]!));
      counts[clusters[j]!]!++;
    }
    const own = clusters[i]!;
    if (counts[own] === 0) continue; // a singleton contributes 0
    const a = sums[own]! / counts[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]) b = Math.min(b, sums[c]! / counts[c]!);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / points.length;
}

/** Assigns each point to its nearest centroid, then refines centroids (Lloyd steps) on all points. */
function refine(points: number[][], centroids: number[][], iterations = 20): { assignments: number[]; centroids: number[][] } {
  let cs = centroids.map((c) => [...c]);
  let assignments = new Array<number>(points.length).fill(0);
  for (let it = 0; it < iterations; it++) {
    let changed = false;
    for (let i = 0; i < points.length; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < cs.length; c++) {
        const d = dist2(points[i]!, cs[c]!);
        if (d < bestD - 1e-12) {
          bestD = d;
          best = c;
        }
      }
      if (assignments[i] !== best || it === 0) changed = changed || assignments[i] !== best;
      assignments[i] = best;
    }
    const sums = cs.map((c) => new Array<number>(c.length).fill(0));
    const counts = new Array<number>(cs.length).fill(0);
    for (let i = 0; i < points.length; i++) {
      const c = assignments[i]!;
      counts[c]!++;
      const p = points[i]!;
      for (let d = 0; d < p.length; d++) sums[c]![d]! += p[d]!;
    }
    cs = cs.map((c, ci) => (counts[ci] ? sums[ci]!.map((s) => s / counts[ci]!) : c));
    if (!changed && it > 0) break;
  }
  return { assignments, centroids: cs };
}

/** Share of points that two labelings put in matching clusters (clusters matched greedily by overlap). */
export function agreement(a: number[], b: number[]): number {
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length; i++) pairs.set(`${a[i]}:${b[i]}`, (pairs.get(`${a[i]}:${b[i]}`) ?? 0) + 1);
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  let matched = 0;
  for (const [key, n] of [...pairs.entries()].sort((x, y) => y[1] - x[1])) {
    const [ca, cb] = key.split(':') as [string, string];
    if (usedA.has(ca) || usedB.has(cb)) continue;
    usedA.add(ca);
    usedB.add(cb);
    matched += n;
  }
  return a.length ? matched / a.length : 1;
}

function nearest(p: number[], centroids: number[][]): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const d = dist2(p, centroids[c]!);
    if (d < bestD - 1e-12) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** How well a k-clustering survives resampling: mean agreement over deterministic 85% subsamples. */
export function stability(points: number[][], k: number, reference: number[], rounds = 4, starts = 2): number {
  let total = 0;
  for (let r = 1; r <= rounds; r++) {
    // Deterministic subsample: drop every point whose index hashes into the round's 15%.
    const sub = points.filter((_, i) => ((i * 2654435761 + r * 40503) >>> 0) % 100 >= 15);
    if (sub.length < k * 2) return 0;
    const fit = bestOf(sub, k, starts);
    total += agreement(reference, points.map((p) => nearest(p, fit.centroids)));
  }
  return total / rounds;
}

/** Least stability a k must show to be chosen. */
export const MIN_STABILITY = 0.8;

/** Clusters points, choosing k in [2, maxK] by silhouette among stable k (or 1 cluster when too few points). */
export function clusterPoints(points: number[][], options: { maxK: number; minSize: number; sampleSize?: number; starts?: number }): Clustering {
  const n = points.length;
  const maxK = Math.min(options.maxK, Math.floor(n / Math.max(1, options.minSize)));
  if (n === 0) return { assignments: [], centroids: [], silhouette: 0, tried: [] };
  if (maxK < 2) {
    const mean = points[0]!.map((_, d) => points.reduce((s, p) => s + p[d]!, 0) / n);
    return { assignments: new Array<number>(n).fill(0), centroids: [mean], silhouette: 0, tried: [] };
  }
  const sample = strideSample(points, options.sampleSize ?? 1500);
  const tried: { k: number; silhouette: number; stability: number }[] = [];
  const fits: { k: number; silhouette: number; stability: number; centroids: number[][] }[] = [];
  for (let k = 2; k <= maxK; k++) {
    const r = bestOf(sample, k, options.starts ?? 8);
    const s = silhouette(sample, r.clusters, k);
    const st = stability(sample, k, r.clusters);
    tried.push({ k, silhouette: Math.round(s * 1000) / 1000, stability: Math.round(st * 1000) / 1000 });
    fits.push({ k, silhouette: s, stability: st, centroids: r.centroids });
  }
  // Among the k whose clusters survive resampling, the best silhouette wins (a larger k must be
  // clearly better: fewer, broader personas read better); with none stable, the most stable k.
  const stable = fits.filter((f) => f.stability >= MIN_STABILITY);
  let best: (typeof fits)[number] | undefined;
  for (const f of stable.length ? stable : [...fits].sort((a, b) => b.stability - a.stability).slice(0, 1)) {
    if (!best || f.silhouette > best.silhouette + 0.01) best = f;
  }
  const refined = refine(points, best!.centroids);
  return { assignments: refined.assignments, centroids: refined.centroids, silhouette: best!.silhouette, tried };
}

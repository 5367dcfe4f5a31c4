/**
 * Non-negative matrix factorisation for sparse member × attitude matrices, as the APG persona
 * system factorises interaction data: X ≈ W·H, each row of H an attitude profile ("part") and each
 * row of W how much of each part a member shows. Deterministic by construction: NNDSVD
 * initialisation (from the data's singular vectors, no random seed) and HALS updates in a fixed
 * order, so the same rows always give the same parts.
 */

/** A sparse, non-negative row: ascending column indices and their values. */
export interface SparseRow {
  /** Column indices. */
  idx: number[];
  /** Values (same length as idx). */
  val: number[];
}

/** A fitted factorisation. */
export interface NmfFit {
  /** Parts: k rows of d non-negative weights, each of unit length (zero rows for unused parts). */
  parts: number[][];
  /** Loadings: n rows of k (row i belongs to input row i). */
  loadings: Float64Array[];
  /** Iterations run. */
  iterations: number;
}

/** Eigen-decomposition of a symmetric matrix. */
export interface Eigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** Unit eigenvectors in the same order. */
  vectors: number[][];
}

function dotDense(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function dotSparse(row: SparseRow, dense: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < row.idx.length; t++) s += row.val[t]! * dense[row.idx[t]!]!;
  return s;
}

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix (d ≲ 200): exact and deterministic. */
export function symmetricEigen(matrix: number[][]): Eigen {
  const n = matrix.length;
  const a = matrix.map((r) => [...r]);
  const v: number[][] = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const scale = a.reduce((s, r, i) => s + Math.abs(r[i]!), 0) || 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i]![j]! ** 2;
    if (off <= 1e-24 * scale * scale) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((x, y) => a[y]![y]! - a[x]![x]! || x - y);
  return { values: order.map((i) => a[i]![i]!), vectors: order.map((i) => v.map((r) => r[i]!)) };
}

/** The d × d Gram matrix XᵀX of sparse rows, and its eigen-decomposition (X's right singular vectors). */
export function gramEigen(rows: SparseRow[], d: number): Eigen {
  const g = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const r of rows) {
    for (let s = 0; s < r.idx.length; s++) {
      const gi = g[r.idx[s]!]!;
      const vs = r.val[s]!;
      for (let t = 0; t < r.idx.length; t++) gi[r.idx[t]!]! += vs * r.val[t]!;
    }
  }
  return symmetricEigen(g);
}

/**
 * NNDSVD (Boutsidis & Gallopoulos 2008): each singular pair split into its positive and negative
 * parts, the larger kept. Sign flips of a singular pair give the same result, so it is deterministic.
 */
export function nndsvd(rows: SparseRow[], k: number, eigen: Eigen): { loadings: Float64Array[]; parts: number[][] } {
  const n = rows.length;
  const d = eigen.vectors[0]?.length ?? 0;
  const loadings = rows.map(() => new Float64Array(k));
  const parts = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const norm = (x: ArrayLike<number>) => Math.sqrt(dotDense(x, x));
  for (let j = 0; j < k; j++) {
    const value = eigen.values[j] ?? 0;
    if (!(value > 1e-12)) continue;
    const sigma = Math.sqrt(value);
    const vec = eigen.vectors[j]!;
    const u = rows.map((r) => dotSparse(r, vec) / sigma);
    let uu: number[];
    let vv: number[];
    let weight: number;
    if (j === 0) {
      uu = u.map(Math.abs);
      vv = vec.map(Math.abs);
      weight = 1;
    } else {
      const up = u.map((x) => Math.max(x, 0));
      const un = u.map((x) => Math.max(-x, 0));
      const vp = vec.map((x) => Math.max(x, 0));
      const vn = vec.map((x) => Math.max(-x, 0));
      const mp = norm(up) * norm(vp);
      const mn = norm(un) * norm(vn);
      const [a, b, m] = mp >= mn ? [up, vp, mp] : [un, vn, mn];
      const na = norm(a) || 1;
      const nb = norm(b) || 1;
      uu = a.map((x) => x / na);
      vv = b.map((x) => x / nb);
      weight = m;
    }
    const f = Math.sqrt(sigma * weight);
    for (let i = 0; i < n; i++) loadings[i]![j] = f * uu[i]!;
    for (let t = 0; t < d; t++) parts[j]![t] = f * vv[t]!;
  }
  return { loadings, parts };
}

/**
 * Fits X ≈ W·H by HALS (hierarchical alternating least squares), from NNDSVD. Stops when the
 * relative improvement of the fit falls below `tol`. Parts are returned at unit length.
 */
export function fitNmf(
  rows: SparseRow[],
  d: number,
  k: number,
  options: { eigen?: Eigen; maxIterations?: number; tol?: number } = {},
): NmfFit {
  const n = rows.length;
  const eigen = options.eigen ?? gramEigen(rows, d);
  const { loadings: w, parts: h } = nndsvd(rows, k, eigen);
  const maxIterations = options.maxIterations ?? 300;
  const tol = options.tol ?? 1e-5;
  let xx = 0;
  for (const r of rows) xx += dotDense(r.val, r.val);
  let previous = Infinity;
  let it = 0;
  const xht = rows.map(() => new Float64Array(k));
  for (; it < maxIterations; it++) {
    // Loadings, member by member: coordinate descent on each row given the parts.
    const hht = h.map((a) => h.map((b) => dotDense(a, b)));
    for (let i = 0; i < n; i++) {
      const xh = xht[i]!;
      for (let a = 0; a < k; a++) xh[a] = dotSparse(rows[i]!, h[a]!);
      const wi = w[i]!;
      for (let a = 0; a < k; a++) {
        const haa = hht[a]![a]!;
        if (haa <= 1e-12) {
          wi[a] = 0;
          continue;
        }
        let s = xh[a]!;
        for (let b = 0; b < k; b++) if (b !== a) s -= hht[a]![b]! * wi[b]!;
        wi[a] = Math.max(0, s / haa);
      }
    }
    // Parts, one at a time, given the loadings.
    const wtw = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const wtx = Array.from({ length: k }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const r = rows[i]!;
      for (let a = 0; a < k; a++) {
        const wa = wi[a]!;
        if (wa === 0) continue;
        for (let b = 0; b < k; b++) wtw[a]![b]! += wa * wi[b]!;
        const row = wtx[a]!;
        for (let t = 0; t < r.idx.length; t++) row[r.idx[t]!]! += wa * r.val[t]!;
      }
    }
    for (let a = 0; a < k; a++) {
      const waa = wtw[a]![a]!;
      const ha = h[a]!;
      if (waa <= 1e-12) {
        ha.fill(0);
        continue;
      }
      for (let j = 0; j < d; j++) {
        let s = wtx[a]![j]!;
        for (let b = 0; b < k; b++) if (b !== a) s -= wtw[a]![b]! * h[b]![j]!;
        ha[j] = Math.max(0, s / waa);
      }
    }
    // ‖X − WH‖² = ‖X‖² − 2·tr(WᵀXHᵀ) + tr(WᵀW·HHᵀ), without forming WH.
    let cross = 0;
    for (let a = 0; a < k; a++) cross += dotDense(wtx[a]!, h[a]!);
    let quad = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) quad += wtw[a]![b]! * dotDense(h[a]!, h[b]!);
    const err = Math.max(0, xx - 2 * cross + quad);
    if (previous - err <= tol * Math.max(xx, 1e-12)) {
      it++;
      break;
    }
    previous = err;
  }
  for (let a = 0; a < k; a++) {
    const s = Math.sqrt(dotDense(h[a]!, h[a]!));
    if (s <= 1e-12) {
      h[a]!.fill(0);
      for (const wi of w) wi[a] = 0;
      continue;
    }
    for (let j = 0; j < d; j++) h[a]![j]! /= s;
    for (const wi of w) wi[a]! *= s;
  }
  return { parts: h, loadings: w, iterations: it };
}

/** Precomputed Gram matrix of parts, shared by every projection onto them. */
export function partsGram(parts: number[][]): number[][] {
  return parts.map((a) => parts.map((b) => dotDense(a, b)));
}

/** The non-negative loadings of one row on fixed parts (NNLS by coordinate descent, to 1e-7). */
export function project(row: SparseRow, parts: number[][], gram: number[][] = partsGram(parts), sweeps = 40): Float64Array {
  const k = parts.length;
  const xh = new Float64Array(k);
  for (let a = 0; a < k; a++) xh[a] = dotSparse(row, parts[a]!);
  const w = new Float64Array(k);
  for (let s = 0; s < sweeps; s++) {
    let change = 0;
    for (let a = 0; a < k; a++) {
      const ga = gram[a]!;
      const gaa = ga[a]!;
      if (gaa <= 1e-12) continue;
      let t = xh[a]!;
      for (let b = 0; b < k; b++) if (b !== a) t -= ga[b]! * w[b]!;
      const next = t > 0 ? t / gaa : 0;
      const delta = next - w[a]!;
      if (delta > change) change = delta;
      else if (-delta > change) change = -delta;
      w[a] = next;
    }
    if (change < 1e-7) break;
  }
  return w;
}

/** Cosine of a sparse row with a dense unit vector (rows are unit length already). */
export function rowCosine(row: SparseRow, unit: number[]): number {
  return dotSparse(row, unit);
}

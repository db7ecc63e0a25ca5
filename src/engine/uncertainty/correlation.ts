/**
 * Correlation matrices for correlated uncertain inputs (MODEL.md section 9): checks, the nearest
 * correlation matrix when a requested one is not positive semi-definite, Cholesky factors, and rank
 * (Spearman) correlation of samples. Matrices are arrays of rows (number[][]), small (one row per
 * uncertain assumption), so plain O(n³) algorithms are used.
 */
import { invalid, type Problem } from '../text';

export type Matrix = number[][];

export const identity = (n: number): Matrix => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** What is wrong with a requested correlation matrix as typed (not square, diagonal ≠ 1, asymmetric, outside [−1, 1]). */
export function correlationProblems(m: Matrix, labels: readonly string[]): Problem[] {
  const n = labels.length;
  const problems: Problem[] = [];
  if (m.length !== n || m.some((r) => r.length !== n)) return [{ code: 'inconsistent', key: 'correlation', detail: 'correlationShape', args: { n } }];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = m[i][j];
      const key = `correlation ${labels[i]} × ${labels[j]}`;
      if (!Number.isFinite(v) || v < -1 || v > 1) problems.push({ code: 'outOfRange', key, value: v, min: -1, max: 1 });
      else if (i === j && v !== 1) problems.push({ code: 'outOfRange', key, value: v, min: 1, max: 1 });
      else if (j > i && Math.abs(v - m[j][i]) > 1e-12) problems.push({ code: 'inconsistent', key, value: v, detail: 'correlationSymmetric', args: { other: m[j][i] } });
    }
  }
  return problems;
}

/** The lower Cholesky factor L (A = L·Lᵀ), or undefined when A is not positive definite (to `tolerance`). */
export function cholesky(a: Matrix, tolerance = 1e-12): Matrix | undefined {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > tolerance)) return undefined;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: Matrix } {
  const n = a.length;
  const m = a.map((r) => [...r]);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p], mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k], mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((r, i) => r[i]), vectors: v };
}

/** The projection onto positive semi-definite matrices: negative eigenvalues set to 0. */
function projectPsd(a: Matrix): Matrix {
  const { values, vectors } = symmetricEigen(a);
  const n = a.length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(0, values[k]);
    if (lambda === 0) continue;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i][j] += lambda * vectors[i][k] * vectors[j][k];
  }
  return out;
}

export interface NearestCorrelation {
  matrix: Matrix;
  /** True when the requested matrix was not positive semi-definite and `matrix` is its repair. */
  repaired: boolean;
  /** Largest change of any entry (0 when not repaired). */
  largestChange: number;
  iterations: number;
}

/** Smallest eigenvalue allowed in a repaired matrix, so its Cholesky factor exists and is well conditioned. */
const EIGEN_FLOOR = 1e-8;

/**
 * The correlation matrix nearest to `a` in the Frobenius norm (Higham 2002, "Computing the nearest
 * correlation matrix", IMA J. Numer. Anal. 22: alternating projections onto the PSD cone and the
 * unit-diagonal matrices, with Dykstra's correction). `a` is returned as it is when it already has a
 * Cholesky factor. The result is nudged to a smallest eigenvalue of EIGEN_FLOOR so it can be factored.
 */
export function nearestCorrelation(a: Matrix, tolerance = 1e-10, maxIterations = 1000): NearestCorrelation {
  const n = a.length;
  if (cholesky(a, 1e-10)) return { matrix: a.map((r) => [...r]), repaired: false, largestChange: 0, iterations: 0 };
  let y = a.map((r) => [...r]);
  let ds: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const r = y.map((row, i) => row.map((v, j) => v - ds[i][j]));
    const x = projectPsd(r);
    ds = x.map((row, i) => row.map((v, j) => v - r[i][j]));
    const next = x.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
    let change = 0, size = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { change += (next[i][j] - y[i][j]) ** 2; size += next[i][j] ** 2; }
    y = next;
    if (Math.sqrt(change) <= tolerance * Math.sqrt(size)) break;
  }
  // Lift the smallest eigenvalue to the floor and rescale to a unit diagonal.
  const { values, vectors } = symmetricEigen(y);
  const lifted: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(EIGEN_FLOOR, values[k]);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lifted[i][j] += lambda * vectors[i][k] * vectors[j][k];
  }
  const d = lifted.map((r, i) => Math.sqrt(r[i]));
  const matrix = lifted.map((r, i) => r.map((v, j) => (i === j ? 1 : v / (d[i] * d[j]))));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) matrix[i][j] = matrix[j][i];
  let largestChange = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) largestChange = Math.max(largestChange, Math.abs(matrix[i][j] - a[i][j]));
  return { matrix, repaired: true, largestChange, iterations };
}

/** Ranks 1 … n of `x` (ties get their average rank), as doubles. */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i] - x[j]);
  const r = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]] = rank;
    i = j + 1;
  }
  return r;
}

/** Pearson correlation of two equal-length samples; 0 when either is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length) throw invalid({ code: 'inconsistent', key: 'correlation samples', value: y.length, min: n, max: n });
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman's rank correlation (Pearson on average ranks). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}

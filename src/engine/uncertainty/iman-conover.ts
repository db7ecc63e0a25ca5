/**
 * Rank correlation among sampled inputs by Iman and Conover's method ("A distribution-free approach
 * to inducing rank correlation among input variables", Commun. Statist. B 11(3), 1982).
 *
 * The sample of each input is only re-paired across trials, never changed: every column keeps exactly
 * the values it had (so a Latin hypercube keeps one value per stratum, and every marginal is what its
 * distribution says). Steps, for the n × D columns being correlated:
 * 1. scores: van der Waerden scores Φ⁻¹(i / (n + 1)), i = 1 … n, in a random order per column
 *    (Fisher–Yates from the top, from the one `random` stream, column after column);
 * 2. E = the scores' Pearson correlation, F its Cholesky factor; C* = the target for the scores,
 *    2·sin(π·ρ/6) of each requested rank correlation ρ (the normal-scores Pearson correlation whose
 *    Spearman correlation is ρ), repaired to the nearest correlation matrix if that breaks positive
 *    definiteness, and P its Cholesky factor;
 * 3. T = S·F⁻ᵀ·Pᵀ has Pearson correlation exactly C*;
 * 4. each input column is re-ordered so that its ranks are those of T's column.
 * The achieved rank correlations are close to the requested ones (within about 1/√n).
 */
import { cholesky, nearestCorrelation, type Matrix } from './correlation';
import { normalQuantile } from '../math';

/** Solves L·x = b for lower-triangular L, in place on b. */
function forwardSolve(l: Matrix, b: Float64Array): void {
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * b[k];
    b[i] = s / l[i][i];
  }
}

/** The scores' target: Pearson correlation of normal scores giving rank correlation ρ. */
export const scoreCorrelation = (rho: number): number => 2 * Math.sin((Math.PI * rho) / 6);

/**
 * Re-pairs `columns` (each of length n; changed in place) so their rank correlation approaches
 * `target` (a positive definite correlation matrix, one row per column).
 */
export function imanConover(columns: Float64Array[], target: Matrix, random: { next(): number }): void {
  const d = columns.length;
  if (d < 2) return;
  const n = columns[0].length;
  if (n < d + 1) return; // too few trials to correlate: left independent
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = normalQuantile((i + 1) / (n + 1));
  let ss = 0;
  for (let i = 0; i < n; i++) ss += base[i] * base[i];
  const scale = 1 / Math.sqrt(ss / n); // unit variance; the mean is 0 by symmetry
  const scores = columns.map(() => {
    const s = Float64Array.from(base, (v) => v * scale);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      const t = s[i]; s[i] = s[j]; s[j] = t;
    }
    return s;
  });
  const e: Matrix = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => {
    if (a === b) return 1;
    let sum = 0;
    const x = scores[a], y = scores[b];
    for (let i = 0; i < n; i++) sum += x[i] * y[i];
    return sum / n;
  }));
  const f = cholesky(e, 1e-12);
  const wanted = nearestCorrelation(target.map((r, a) => r.map((v, b) => (a === b ? 1 : scoreCorrelation(v))))).matrix;
  const p = cholesky(wanted, 0);
  if (!f || !p) return;
  // Row by row: t = P · F⁻¹ · s (s the trial's scores as a column vector).
  const t = columns.map(() => new Float64Array(n));
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) row[a] = scores[a][i];
    forwardSolve(f, row);
    for (let a = 0; a < d; a++) {
      let sum = 0;
      for (let b = 0; b <= a; b++) sum += p[a][b] * row[b];
      t[a][i] = sum;
    }
  }
  const order = new Int32Array(n);
  const sorted = new Float64Array(n);
  for (let a = 0; a < d; a++) {
    sorted.set(columns[a]);
    sorted.sort();
    for (let i = 0; i < n; i++) order[i] = i;
    const ta = t[a];
    order.sort((x, y) => ta[x] - ta[y] || x - y);
    for (let r = 0; r < n; r++) columns[a][order[r]] = sorted[r];
  }
}

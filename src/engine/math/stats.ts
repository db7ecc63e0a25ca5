/**
 * Summary statistics for simulation output. Inputs are never mutated: quantiles sort one copy.
 *
 * Definitions
 * - Sums are Neumaier-compensated (error independent of n to first order).
 * - `sd` is the sample standard deviation (divisor n − 1, Excel STDEV.S), computed in two passes
 *   with the usual correction term; one value gives sd 0 (Excel would give #DIV/0!).
 * - `quantile(values, p)` is Excel PERCENTILE.INC (Hyndman & Fan type 7, R's default): sort to
 *   x[0] ≤ … ≤ x[n−1], h = (n − 1)·p, i = ⌊h⌋, q = x[i] + (h − i)·(x[i+1] − x[i]).
 */
import { invalid } from '../text';

type Values = Float64Array | readonly number[];

const abs = Math.abs; // a local binding: `Math` is a slow global lookup in sandboxed runtimes

function checkValues(values: Values, key: string): void {
  if (values.length === 0) throw invalid({ code: 'emptyData', key });
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw invalid({ code: 'notANumber', key, value: values[i], detail: 'item', args: { index: i + 1 } });
  }
}

/** Neumaier's compensated sum. */
export function sum(values: Values): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = s + x;
    if (abs(s) >= abs(x)) c += (s - t) + x;
    else c += (x - t) + s;
    s = t;
  }
  return s + c;
}

function minMax(values: Values): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

function meanWithin(values: Values, lo: number, hi: number): number {
  const m = sum(values) / values.length;
  // Rounding may put the mean a hair outside [min, max] (e.g. a constant): pull it back.
  return Math.min(hi, Math.max(lo, m));
}

/** Arithmetic mean (compensated sum / n). A constant's mean is exactly that constant. */
export function mean(values: Values): number {
  checkValues(values, 'values');
  const [lo, hi] = minMax(values);
  return meanWithin(values, lo, hi);
}

/** Sample sd (n − 1) around a given mean: spread.ts shares it, so both give the same digits. */
export function sdAround(values: Values, m: number): number {
  const n = values.length;
  if (n < 2) return 0;
  let s2 = 0, c2 = 0, s1 = 0, c1 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    // Neumaier for Σd and Σd² (inlined: this runs on every trial of every metric).
    let t = s1 + d;
    if (abs(s1) >= abs(d)) c1 += (s1 - t) + d; else c1 += (d - t) + s1;
    s1 = t;
    const d2 = d * d;
    t = s2 + d2;
    if (s2 >= d2) c2 += (s2 - t) + d2; else c2 += (d2 - t) + s2;
    s2 = t;
  }
  const sumD = s1 + c1;
  const ss = s2 + c2 - (sumD * sumD) / n;
  return ss > 0 ? Math.sqrt(ss / (n - 1)) : 0;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function standardDeviation(values: Values): number {
  checkValues(values, 'values');
  const [lo, hi] = minMax(values);
  return lo === hi ? 0 : sdAround(values, meanWithin(values, lo, hi));
}

/** A sorted copy (ascending). */
export function sortedCopy(values: Values): Float64Array {
  const copy = Float64Array.from(values as ArrayLike<number>);
  copy.sort();
  return copy;
}

function checkP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw invalid({ code: 'outOfRange', key: 'percentile', value: p, min: 0, max: 1 });
}

/** PERCENTILE.INC of values already sorted ascending. */
export function quantileSorted(sorted: Float64Array | readonly number[], p: number): number {
  checkP(p);
  const n = sorted.length;
  if (n === 0) throw invalid({ code: 'emptyData', key: 'values' });
  const h = (n - 1) * p;
  const i = Math.floor(h);
  if (i >= n - 1) return sorted[n - 1];
  const lo = sorted[i];
  const hi = sorted[i + 1];
  const f = h - i;
  return f === 0 || lo === hi ? lo : lo + f * (hi - lo);
}

/** Excel PERCENTILE.INC (type 7): linear interpolation between order statistics. */
export function quantile(values: Values, p: number): number {
  checkP(p);
  checkValues(values, 'values');
  return quantileSorted(sortedCopy(values), p);
}

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  /** The requested `percentiles`, in their order, as PERCENTILE.INC values. */
  percentiles: number[];
  quantiles: number[];
}

export const DEFAULT_PERCENTILES: readonly number[] = [0.05, 0.1, 0.5, 0.9, 0.95];

/**
 * Mean, sample sd, min, max, P5/P10/P50/P90/P95 (always) and the quantiles at `percentiles`
 * (PERCENTILE.INC). One sort of one copy; the input is untouched.
 */
export function summarize(values: Values, percentiles: readonly number[] = DEFAULT_PERCENTILES): Summary {
  checkValues(values, 'values');
  percentiles.forEach(checkP);
  const sorted = sortedCopy(values);
  const n = sorted.length;
  const min = sorted[0];
  const max = sorted[n - 1];
  const m = meanWithin(values, min, max);
  const q = (p: number) => quantileSorted(sorted, p);
  return {
    n,
    mean: m,
    sd: min === max ? 0 : sdAround(values, m),
    min,
    max,
    p5: q(0.05),
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
    percentiles: [...percentiles],
    quantiles: percentiles.map(q),
  };
}

export interface Histogram {
  /** bins + 1 increasing edges; bin i is [edges[i], edges[i+1]), the last bin also holds edges[bins]. */
  edges: number[];
  counts: number[];
  /** Values below edges[0] / above edges[bins] (only when a `range` narrower than the data is given). */
  below: number;
  above: number;
}

/**
 * Equal-width histogram with `bins` bins over `range` (default: [min, max] of the data). When the
 * range is a single value v (e.g. a constant sample) it becomes [v − 0.5, v + 0.5] so every edge is
 * distinct. NaN and infinite ranges are rejected.
 */
export function histogram(values: Values, bins = 20, range?: readonly [number, number]): Histogram {
  checkValues(values, 'values');
  if (!Number.isInteger(bins) || bins < 1 || bins > 10000) {
    throw invalid({ code: 'outOfRange', key: 'bins', value: bins, min: 1, max: 10000 });
  }
  let [lo, hi] = range ?? minMax(values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw invalid({ code: 'inconsistent', key: 'range', detail: 'histogramRange', args: { lo, hi } });
  }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const width = (hi - lo) / bins;
  const edges: number[] = [];
  for (let i = 0; i < bins; i++) edges.push(lo + i * width);
  edges.push(hi);
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (x < lo) { below++; continue; }
    if (x > hi) { above++; continue; }
    let i = Math.min(bins - 1, Math.floor((x - lo) / width));
    // Agree exactly with the published edges despite rounding in the division.
    while (i > 0 && x < edges[i]) i--;
    while (i < bins - 1 && x >= edges[i + 1]) i++;
    counts[i]++;
  }
  return { edges, counts, below, above };
}

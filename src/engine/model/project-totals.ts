/**
 * The rates of a projection's period (NRR, GRR, logo churn, annualised) and the total column
 * (project.ts): shared by each segment's loop (project-segment.ts) and the totals.
 */
import { M, METRIC_COUNT, type Metric } from './metrics';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { max, pow } = Math;

/** NRR and GRR of a period, annualised so that quarterly and monthly rows read like annual ones. */
export function setRetentionRates(data: Float64Array, nrrAt: number, grrAt: number, arrBegin: number, expansion: number, contraction: number, churned: number, ppy: number): void {
  if (!(arrBegin > 0)) {
    data[nrrAt] = 0;
    data[grrAt] = 0;
    return;
  }
  const gross = max(0, (arrBegin - contraction - churned) / arrBegin);
  const net = max(0, (arrBegin + expansion - contraction - churned) / arrBegin);
  data[nrrAt] = ppy === 1 ? net : pow(net, ppy);
  data[grrAt] = ppy === 1 ? gross : pow(gross, ppy);
}

/** Logo churn of a period, annualised. */
export function annualChurnRate(churned: number, customersBegin: number, ppy: number): number {
  if (!(customersBegin > 0)) return 0;
  return ppy === 1 ? churned / customersBegin : 1 - pow(1 - churned / customersBegin, ppy);
}

/**
 * The total column: flows and stocks add up across segments; retention rates are recomputed. With
 * `only` (totalsOf), just those metrics' totals: the others keep whatever the buffer held.
 */
export function sumSegments(data: Float64Array, nSeg: number, P: number, ppy: number, only?: Int32Array): void {
  const stride = METRIC_COUNT * P;
  const total = nSeg * stride;
  if (only === undefined) {
    // Every metric in one pass, rates too (a loop per metric is mostly loop overhead at ten
    // periods); the rates are then overwritten below.
    sumRange(data, nSeg, stride, 0, stride);
  } else {
    let rates = false;
    for (let k = 0; k < only.length; k++) {
      const m = only[k];
      if (m === M.nrr || m === M.grr || m === M.churnRate) rates = true;
      else sumRange(data, nSeg, stride, m * P, (m + 1) * P);
    }
    if (!rates) return;
  }
  for (let t = 0; t < P; t++) {
    const at = total + t;
    setRetentionRates(data, at + M.nrr * P, at + M.grr * P, data[at + M.arrBegin * P], data[at + M.expansionArr * P],
      data[at + M.contractionArr * P], data[at + M.churnedArr * P], ppy);
    data[at + M.churnRate * P] = annualChurnRate(data[at + M.churnedCustomers * P], data[at + M.customersBegin * P], ppy);
  }
}

/**
 * Entries [from, to) of the total column, each the sum of the segments' entries in segment order from
 * 0, as repeated += into a cleared row would (0 + a + b + c is ((0 + a) + b) + c): written out for up
 * to four segments, a loop per entry costs three times as much.
 */
function sumRange(data: Float64Array, nSeg: number, stride: number, from: number, to: number): void {
  const total = nSeg * stride;
  const s1 = stride, s2 = 2 * stride, s3 = 3 * stride;
  if (nSeg === 1) for (let i = from; i < to; i++) data[total + i] = 0 + data[i];
  else if (nSeg === 2) for (let i = from; i < to; i++) data[total + i] = 0 + data[i] + data[s1 + i];
  else if (nSeg === 3) for (let i = from; i < to; i++) data[total + i] = 0 + data[i] + data[s1 + i] + data[s2 + i];
  else if (nSeg === 4) for (let i = from; i < to; i++) data[total + i] = 0 + data[i] + data[s1 + i] + data[s2 + i] + data[s3 + i];
  else {
    for (let i = from; i < to; i++) {
      let sum = 0;
      for (let s = 0; s < nSeg; s++) sum += data[s * stride + i];
      data[total + i] = sum;
    }
  }
}

/** What a rate's total is recomputed from (the loop above). */
const RATE_INPUTS: readonly Metric[] = ['arrBegin', 'expansionArr', 'contractionArr', 'churnedArr', 'churnedCustomers', 'customersBegin'];

/**
 * The `only` of sumSegments for a caller that reads the totals of `metrics` alone: those metrics, and
 * what a rate among them is recomputed from.
 */
export function totalsOf(metrics: readonly Metric[]): Int32Array {
  const needed = new Set<number>(metrics.map((m) => M[m]));
  if (metrics.some((m) => m === 'nrr' || m === 'grr' || m === 'churnRate')) for (const m of RATE_INPUTS) needed.add(M[m]);
  return Int32Array.from([...needed].sort((a, b) => a - b));
}

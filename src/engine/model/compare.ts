import { presentValue } from './discount';
import { ExactSum } from '../math';
import type { Metric } from './metrics';
import type { Projection } from './project';
import type { ScenarioSettings } from './catalogue';

/** Everything MODEL.md section 7 asks of one proposed plan against the baseline. Periods are 1-based. */
export interface Comparison {
  /** First period from which cumulative revenue of the proposal stays at or above the baseline's; null = never. */
  crossoverPeriod: number | null;
  /** The same on cumulative contribution. */
  breakevenPeriod: number | null;
  /** Sum of the negative contribution deltas before break-even (all periods when it never breaks even); ≤ 0. */
  shortTermSacrifice: number;
  /** Present value of the contribution delta over the horizon. */
  npvDelta: number;
  customerEquityBaseline: number;
  customerEquityProposed: number;
  customerEquityDelta: number;
  /** Share of each plan's customer equity that is the present value of its terminal value (the run-off beyond the horizon). */
  terminalShareBaseline: number;
  terminalShareProposed: number;
  /** Present value of the contribution delta inside tenureYears (the tenure view; set it beside customerEquityDelta). */
  tenureNpvDelta: number;
  year1RevenueDelta: number;
  finalYearRevenueDelta: number;
  year1CompCostDelta: number;
  finalYearCompCostDelta: number;
}

export function deltaSeries(baseline: Projection, proposed: Projection, metric: Metric, segment?: number): Float64Array {
  const a = baseline.series(metric, segment ?? baseline.totalIndex);
  const b = proposed.series(metric, segment ?? proposed.totalIndex);
  const out = new Float64Array(a.length);
  for (let t = 0; t < a.length; t++) out[t] = b[t] - a[t];
  return out;
}

export function cumulative(series: ArrayLike<number>): Float64Array {
  const out = new Float64Array(series.length);
  let sum = 0;
  for (let t = 0; t < series.length; t++) out[t] = sum += series[t];
  return out;
}

/**
 * 1-based period from which `proposed` stays at or above `baseline` to the end; null when the last
 * period is below. With `cumulative`, running totals are compared, exactly: the floating-point totals
 * decide wherever their rounding error bound cannot flip the comparison, and an exact sum
 * (exact-sum.ts) decides the rest (ties, totals past 1e308, a 1 lost beside 1e16).
 */
export function crossoverPeriod(baseline: ArrayLike<number>, proposed: ArrayLike<number>, useCumulative = false): number | null {
  const n = Math.min(baseline.length, proposed.length);
  let from: number | null = null;
  if (!useCumulative) {
    for (let t = 0; t < n; t++) {
      if (proposed[t] >= baseline[t]) from ??= t + 1;
      else from = null;
    }
    return from;
  }
  let sumA = 0, sumB = 0, magnitude = 0;
  // Infinite values have no exact sum: from the first one on, the floating-point totals decide.
  let finite = true;
  const exact = new ExactSum();
  for (let t = 0; t < n; t++) {
    const a = baseline[t], b = proposed[t];
    sumA += a;
    sumB += b;
    magnitude += Math.abs(a) + Math.abs(b);
    finite &&= Number.isFinite(a) && Number.isFinite(b);
    let atOrAbove = sumB >= sumA;
    if (finite) {
      if (a !== b) {
        exact.add(b);
        exact.add(-a);
      }
      // Each total is off by at most (t + 1) units of 2^-53 of the magnitudes summed (and the difference by one more).
      const diff = sumB - sumA;
      const bound = (t + 3) * 2 ** -52 * magnitude;
      if (!(Number.isFinite(diff) && Math.abs(diff) > bound)) atOrAbove = exact.sign() >= 0;
    }
    if (atOrAbove) from ??= t + 1;
    else from = null;
  }
  return from;
}

export function customerEquity(p: Projection, settings: ScenarioSettings): number {
  const endOfPeriod = settings.discountTiming === 1;
  const pv = presentValue(p.series('contribution'), settings.discountRate, p.periodsPerYear, endOfPeriod);
  return pv + terminalValuePv(p, settings);
}

/** The terminal value discounted to today. */
export function terminalValuePv(p: Projection, settings: ScenarioSettings): number {
  return p.terminalValue[p.totalIndex] * Math.pow(1 + settings.discountRate, -settings.horizonYears);
}

/** Share of customer equity that lies beyond the horizon (the terminal value's PV over customer equity); 0 when equity is 0. */
export function terminalValueShare(p: Projection, settings: ScenarioSettings): number {
  const equity = customerEquity(p, settings);
  return equity !== 0 ? terminalValuePv(p, settings) / equity : 0;
}

function yearSum(series: ArrayLike<number>, year: number, ppy: number): number {
  let sum = 0;
  for (let t = year * ppy; t < (year + 1) * ppy; t++) sum += series[t];
  return sum;
}

export function compare(baseline: Projection, proposed: Projection, settings: ScenarioSettings): Comparison {
  const ppy = baseline.periodsPerYear;
  const endOfPeriod = settings.discountTiming === 1;
  const contributionDelta = deltaSeries(baseline, proposed, 'contribution');
  const breakevenPeriod = crossoverPeriod(baseline.series('contribution'), proposed.series('contribution'), true);
  let shortTermSacrifice = 0;
  const before = breakevenPeriod === null ? contributionDelta.length : breakevenPeriod - 1;
  for (let t = 0; t < before; t++) if (contributionDelta[t] < 0) shortTermSacrifice += contributionDelta[t];
  const npvDelta = presentValue(contributionDelta, settings.discountRate, ppy, endOfPeriod);
  const tenurePeriods = Math.min(contributionDelta.length, settings.tenureYears * ppy);
  const tenureNpvDelta = presentValue(contributionDelta, settings.discountRate, ppy, endOfPeriod, tenurePeriods);
  const equityBaseline = customerEquity(baseline, settings);
  const equityProposed = customerEquity(proposed, settings);
  const revenueDelta = deltaSeries(baseline, proposed, 'revenue');
  const compDelta = deltaSeries(baseline, proposed, 'compCost');
  const lastYear = settings.horizonYears - 1;
  return {
    crossoverPeriod: crossoverPeriod(baseline.series('revenue'), proposed.series('revenue'), true),
    breakevenPeriod,
    shortTermSacrifice,
    npvDelta,
    customerEquityBaseline: equityBaseline,
    customerEquityProposed: equityProposed,
    customerEquityDelta: equityProposed - equityBaseline,
    terminalShareBaseline: equityBaseline !== 0 ? terminalValuePv(baseline, settings) / equityBaseline : 0,
    terminalShareProposed: equityProposed !== 0 ? terminalValuePv(proposed, settings) / equityProposed : 0,
    tenureNpvDelta,
    year1RevenueDelta: yearSum(revenueDelta, 0, ppy),
    finalYearRevenueDelta: yearSum(revenueDelta, lastYear, ppy),
    year1CompCostDelta: yearSum(compDelta, 0, ppy),
    finalYearCompCostDelta: yearSum(compDelta, lastYear, ppy),
  };
}

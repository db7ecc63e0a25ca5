/**
 * Monte Carlo standard errors (MODEL.md section 9, convergence): how far a reported mean or
 * probability may be from what infinitely many trials would give.
 *
 * - a mean of n trials: s / √n, s the sample standard deviation;
 * - a probability p (a share of trials): √(p·(1 − p) / n), and never below 1 / (2n) so a share of
 *   exactly 0 or 1 is not reported as certain: with n trials a probability is only known to about 1/n.
 *
 * These are the formulas of independent draws. Latin hypercube sampling and Iman–Conover pairing
 * change the draws' dependence; for the monotone outputs of this model LHS reduces the true error, so
 * the figures are then upper bounds.
 *
 * A tolerance stops a run early: `probability` (absolute, e.g. 0.005 = half a percentage point) bounds
 * the error of every probability, `relativeMean` (e.g. 0.02) the error of every mean as a share of the
 * mean's size (a mean of 0 only stops the run once its error is 0).
 */
import type { OutcomeErrors, PlanTrials, Tolerance } from './montecarlo-types';

/** Mean and its standard error over the first n values. */
export function meanAndError(values: ArrayLike<number>, n = values.length): { mean: number; se: number } {
  if (n === 0) return { mean: NaN, se: NaN };
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i];
  m /= n;
  if (n < 2) return { mean: m, se: NaN };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return { mean: m, se: Math.sqrt(ss / (n - 1) / n) };
}

/** The standard error of a share p of n trials (at least 1 / (2n): see the module comment). */
export function shareError(p: number, n: number): number {
  return Math.max(Math.sqrt((p * (1 - p)) / n), 1 / (2 * n));
}

function shareAbove(values: ArrayLike<number>, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (values[i] > 0) k++;
  return k / n;
}

interface Measured {
  means: { mean: number; se: number }[];
  shares: { p: number; se: number }[];
}

function measure(o: PlanTrials, n: number, tenurePeriods: number): Measured {
  let within = 0;
  for (let i = 0; i < n; i++) if (o.breakevenPeriod[i] > 0 && o.breakevenPeriod[i] <= tenurePeriods) within++;
  const shares = [shareAbove(o.npvDelta, n), shareAbove(o.customerEquityDelta, n), within / n].map((p) => ({ p, se: shareError(p, n) }));
  const means = [o.npvDelta, o.customerEquityDelta, o.tenureNpvDelta, o.shortTermSacrifice].map((v) => meanAndError(v, n));
  return { means, shares };
}

/** The standard errors over the first n trials of one plan. */
export function outcomeErrors(o: PlanTrials, n: number, tenurePeriods: number): OutcomeErrors {
  const { means, shares } = measure(o, n, tenurePeriods);
  return {
    npvDeltaMean: means[0].se, customerEquityDeltaMean: means[1].se, tenureNpvDeltaMean: means[2].se, shortTermSacrificeMean: means[3].se,
    pWinNpv: shares[0].se, pWinEquity: shares[1].se, pBreakevenWithinTenure: shares[2].se,
  };
}

/** Whether every standard error over the first n trials is within the tolerance. */
export function converged(outcomes: readonly PlanTrials[], baselineEquity: Float64Array, n: number, tenurePeriods: number, tol: Tolerance): boolean {
  if (tol.probability === undefined && tol.relativeMean === undefined) return false;
  const base = meanAndError(baselineEquity, n);
  if (tol.relativeMean !== undefined && !(base.se <= tol.relativeMean * Math.abs(base.mean))) return false;
  for (const o of outcomes) {
    const { means, shares } = measure(o, n, tenurePeriods);
    if (tol.probability !== undefined && shares.some((s) => !(s.se <= tol.probability!))) return false;
    if (tol.relativeMean !== undefined && means.some((m) => !(m.se <= tol.relativeMean! * Math.abs(m.mean)))) return false;
  }
  return true;
}

/**
 * The standard error of the p-quantile of a sample, distribution-free: half the distance between the
 * order statistics at ranks n·p ± √(n·p·(1 − p)) (the binomial interval of the rank, about ±1 sd).
 */
export function quantileError(values: ArrayLike<number>, p: number): number {
  const n = values.length;
  if (n < 2) return NaN;
  const sorted = Float64Array.from(values).sort();
  const d = Math.sqrt(n * p * (1 - p));
  const at = (r: number) => sorted[Math.min(n - 1, Math.max(0, Math.round(r)))];
  return (at(n * p + d - 1) - at(n * p - d - 1)) / 2;
}

import { sbgMaximumLikelihood } from '../retention';
import type { Ledger } from './ledger';

/**
 * The cohorts a ledger implies and the sBG fit across them (MODEL.md section 3 and 10).
 * A cohort is the customers who first appear in one period after the ledger's first (customers on the
 * books in period 0 joined at a time the ledger does not show, so they are left out of the fit). A
 * customer faces renewal decision k at tenure k years; its first spell (up to its first absence, so a
 * reactivation starts no new life) ends with churn at decision t when it lasted more than t − 1 years
 * and at most t. Decision k is seen only when the ledger runs k years past the customer's first period;
 * a customer not seen to churn by its last visible decision counts as still active there (censored).
 * The likelihood pools every cohort: Σ_t lost_t · log P(T = t) + Σ_t censored_t · log S(t).
 */
export interface CohortData {
  /** lost[t − 1]: customers lost at decision t. */
  lost: number[];
  /** censored[t]: customers seen through t decisions and still active then. */
  censored: number[];
  /** Customers in the fit (at least one visible decision). */
  customers: number;
  /** Customers who first appear in period 0 (tenure unknown): not in the fit. */
  leftOut: number;
}

export interface CohortRow {
  /** Period index and label of the cohort's first period. */
  period: number;
  label: string;
  size: number;
  /** survivors[k − 1]: still in their first spell after decision k; only decisions the ledger shows. */
  survivors: number[];
}

/** Length (periods) of customer c's first spell, and its first period. */
function firstSpell(ledger: Ledger, c: number): { start: number; length: number } {
  const { offsets, entryPeriod } = ledger;
  const first = offsets[c];
  let i = first;
  while (i + 1 < offsets[c + 1] && entryPeriod[i + 1] === entryPeriod[i] + 1) i++;
  return { start: entryPeriod[first], length: entryPeriod[i] - entryPeriod[first] + 1 };
}

/** Customers of a segment (index, or all when undefined) who first appear in 1 … lastPeriod. */
function* customersOf(ledger: Ledger, segment: number | undefined): Generator<number> {
  for (let c = 0; c < ledger.customers.length; c++) {
    if (ledger.offsets[c] === ledger.offsets[c + 1]) continue;
    if (segment === undefined || ledger.customerSegment[c] === segment) yield c;
  }
}

/** Survivor data for the fit, seen as of `lastPeriod` (a back-test's cut-off; the last period by default). */
export function cohortData(ledger: Ledger, segment?: number, lastPeriod = ledger.periods - 1): CohortData {
  const ppy = ledger.periodsPerYear;
  const lost: number[] = [];
  const censored: number[] = [];
  let customers = 0;
  let leftOut = 0;
  for (const c of customersOf(ledger, segment)) {
    const { start, length } = firstSpell(ledger, c);
    if (start > lastPeriod) continue;
    if (start === 0) {
      leftOut++;
      continue;
    }
    const visible = Math.floor((lastPeriod - start) / ppy);
    if (visible < 1) continue;
    customers++;
    const churnSeen = start + length <= lastPeriod;
    const decision = Math.ceil(length / ppy);
    if (churnSeen && decision <= visible) {
      while (lost.length < decision) lost.push(0);
      lost[decision - 1]++;
    } else {
      while (censored.length <= visible) censored.push(0);
      censored[visible]++;
    }
  }
  return { lost, censored, customers, leftOut };
}

/** The pooled log-likelihood of `data` at α, β. */
export function cohortLogLikelihood(alpha: number, beta: number, data: CohortData): number {
  const horizon = Math.max(data.lost.length, data.censored.length - 1);
  const logAlpha = Math.log(alpha);
  let logSurvival = 0;
  let total = 0;
  for (let t = 1; t <= horizon; t++) {
    const logDenominator = Math.log(alpha + beta + (t - 1));
    const lost = data.lost[t - 1] ?? 0;
    if (lost > 0) total += lost * (logSurvival + logAlpha - logDenominator);
    logSurvival += Math.log(beta + (t - 1)) - logDenominator;
    const censored = data.censored[t] ?? 0;
    if (censored > 0) total += censored * logSurvival;
  }
  return total;
}

export interface CohortFit {
  alpha: number;
  beta: number;
  /** Standard errors from the observed information (inverse Hessian of −log L); NaN when it is not positive definite. */
  alphaSe: number;
  betaSe: number;
  /** Correlation of the two estimates (NaN with the standard errors). */
  correlation: number;
  logLikelihood: number;
  customers: number;
  lost: number;
}

/**
 * α, β by maximum likelihood over every cohort of the segment, or undefined when no customer has a
 * visible decision or none was lost (then the data cannot say where churn lies).
 */
export function fitCohorts(data: CohortData): CohortFit | undefined {
  const lost = data.lost.reduce((a, b) => a + b, 0);
  if (data.customers === 0 || lost === 0 || lost === data.customers) return undefined;
  const fit = sbgMaximumLikelihood((a, b) => cohortLogLikelihood(a, b, data), 'sbg');
  // Observed information in (log α, log β) by central differences; at the optimum, the inverse maps to
  // (α, β) through the Jacobian diag(α, β), which is the delta method and exact to first order.
  const f = (x: number, y: number) => cohortLogLikelihood(Math.exp(x), Math.exp(y), data);
  const x = Math.log(fit.alpha);
  const y = Math.log(fit.beta);
  const h = 1e-3;
  const f0 = f(x, y);
  const hxx = -(f(x + h, y) - 2 * f0 + f(x - h, y)) / (h * h);
  const hyy = -(f(x, y + h) - 2 * f0 + f(x, y - h)) / (h * h);
  const hxy = -(f(x + h, y + h) - f(x + h, y - h) - f(x - h, y + h) + f(x - h, y - h)) / (4 * h * h);
  const det = hxx * hyy - hxy * hxy;
  const positive = hxx > 0 && det > 0;
  const varX = positive ? hyy / det : NaN;
  const varY = positive ? hxx / det : NaN;
  return {
    alpha: fit.alpha, beta: fit.beta, alphaSe: fit.alpha * Math.sqrt(varX), betaSe: fit.beta * Math.sqrt(varY),
    correlation: positive ? -hxy / det / Math.sqrt(varX * varY) : NaN,
    logLikelihood: fit.logLikelihood, customers: data.customers, lost,
  };
}

/** The cohort table: one row per first period, survivors after each renewal decision the ledger shows. */
export function cohortTable(ledger: Ledger, segment?: number): CohortRow[] {
  const ppy = ledger.periodsPerYear;
  const last = ledger.periods - 1;
  const rows = new Map<number, CohortRow>();
  for (const c of customersOf(ledger, segment)) {
    const { start, length } = firstSpell(ledger, c);
    if (start === 0) continue;
    let row = rows.get(start);
    if (!row) {
      const visible = Math.floor((last - start) / ppy);
      rows.set(start, (row = { period: start, label: ledger.labels[start], size: 0, survivors: new Array<number>(visible).fill(0) }));
    }
    row.size++;
    for (let k = 1; k <= row.survivors.length; k++) if (length > k * ppy) row.survivors[k - 1]++;
  }
  return [...rows.values()].sort((a, b) => a.period - b.period);
}

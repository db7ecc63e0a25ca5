import { NELDER_MEAD_F_TOLERANCE, nelderMead, type SimplexResult } from '../math';
import { invalid } from '../text';

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to project
 * customer retention"; 2010, "Customer-base valuation in a contractual setting"). Each customer churns
 * at every renewal opportunity with her own probability θ ~ Beta(α, β); across the cohort the share that
 * renews at opportunity t rises with t, because the churn-prone leave first:
 *   r(t) = (β + t − 1)/(α + β + t − 1),  S(t) = Π_{k=1..t} r(k),  P(T = t) = S(t − 1) · (1 − r(t)).
 */

// Bound once: under jest, modules run in a vm context where each lookup of the global Math is ~100×
// slower; a million-term series took 6.6 s there instead of 40 ms.
const { abs, exp, log, max, min } = Math;

export const SBG_MIN_PARAMETER = 1e-4;
export const SBG_MAX_PARAMETER = 1e4;
/** Far beyond any contract history; keeps the O(t) survival product quick. */
export const SBG_MAX_PERIOD = 1_000_000;
/**
 * d = 0 would leave the undiscounted expected lifetime, which is infinite for α ≤ 1; and near d = 0 the
 * series needs about 44/d terms, so the floor is 0.01 % a period (about 440,000 terms at worst).
 */
export const SBG_MIN_DISCOUNT_RATE = 1e-4;

/** Probability that a customer still active at renewal opportunity t (t ≥ 1) renews. */
export function sbgRetention(alpha: number, beta: number, t: number): number {
  checkShape(alpha, beta);
  checkWhole('t', t, 1, SBG_MAX_PERIOD);
  const renewalsSoFar = t - 1; // added as a whole: (β + t) − 1 would round a tiny β away
  return (beta + renewalsSoFar) / (alpha + beta + renewalsSoFar);
}

/** Probability that a new customer churns exactly at renewal opportunity t (t ≥ 1). */
export function sbgChurnProbability(alpha: number, beta: number, t: number): number {
  checkShape(alpha, beta);
  checkWhole('t', t, 1, SBG_MAX_PERIOD);
  return (survivalProduct(alpha, beta, t - 1) * alpha) / (alpha + beta + (t - 1));
}

/** Probability that a new customer is still active after t renewal opportunities; S(0) = 1. */
export function sbgSurvival(alpha: number, beta: number, t: number): number {
  checkShape(alpha, beta);
  checkWhole('t', t, 0, SBG_MAX_PERIOD);
  return survivalProduct(alpha, beta, t);
}

/**
 * The running product of retention rates. Every factor lies in (0, 1), so the product loses at most
 * about t rounding errors (1e-10 relative at t = 10^6), where log-gamma differences of large
 * arguments would cancel badly.
 */
function survivalProduct(alpha: number, beta: number, t: number): number {
  let survival = 1;
  for (let k = 0; k < t; k++) survival *= (beta + k) / (alpha + beta + k); // r(k + 1)
  return survival;
}

// ---------------------------------------------------------------------------------------------------
// Fitting α and β to a cohort's survivor counts

export interface SbgFit {
  alpha: number;
  beta: number;
  logLikelihood: number;
  /** Nelder–Mead iterations over all starts and restarts (a diagnostic, not a quality measure). */
  iterations: number;
}

/**
 * Log-likelihood of survivor counts [n0, n1, …, nT]: the n_{t−1} − n_t customers lost in period t
 * contribute log P(T = t) each, the n_T still active log S(T). Worked in logs so that no product
 * underflows at extreme parameters; empty periods are skipped (0 · log P would be 0 · −∞ at a bound).
 */
export function sbgLogLikelihood(alpha: number, beta: number, survivors: readonly number[]): number {
  checkShape(alpha, beta);
  checkSurvivors(survivors);
  return logLikelihood(alpha, beta, survivors);
}

function logLikelihood(alpha: number, beta: number, survivors: readonly number[]): number {
  const logAlpha = log(alpha);
  let logSurvival = 0;
  let total = 0;
  for (let t = 1; t < survivors.length; t++) {
    const logDenominator = log(alpha + beta + (t - 1));
    const churned = survivors[t - 1] - survivors[t];
    if (churned > 0) total += churned * (logSurvival + logAlpha - logDenominator);
    logSurvival += log(beta + (t - 1)) - logDenominator;
  }
  const stillActive = survivors[survivors.length - 1];
  return stillActive > 0 ? total + stillActive * logSurvival : total;
}

const LOG_MIN = log(SBG_MIN_PARAMETER);
const LOG_MAX = log(SBG_MAX_PARAMETER);
/** Starting points for log α and log β (α, β from 0.14 to 20); the search itself roams the whole box. */
const START_GRID = [-2, -1, 0, 1, 2, 3];
const STARTS_REFINED = 3;
const MAX_RESTARTS = 8;

/**
 * Maximum-likelihood α and β for a cohort's survivor counts [n0, n1, n2, …] (n0 the cohort size, n_t the
 * customers still active after t periods; shares such as 100, 63.1, 46.8 work too). Optimises over
 * log α and log β, bounded to [1e-4, 1e4], with Nelder–Mead from the best points of a fixed grid, so the
 * result is deterministic. When the data cannot tell the parameters apart (no churn at all, everybody
 * lost at once, a single period) the answer lies on a bound or a ridge: finite, but read it with care.
 */
export function sbgFit(survivors: readonly number[]): SbgFit {
  checkSurvivors(survivors);
  return sbgMaximumLikelihood((alpha, beta) => logLikelihood(alpha, beta, survivors), 'survivors');
}

/**
 * The search behind sbgFit, for any sBG log-likelihood (the calibration pools many cohorts, each
 * observed for its own number of renewals): maximises `logLik` over log α and log β in [1e-4, 1e4],
 * deterministic; `key` names the data in a notConverged problem.
 */
export function sbgMaximumLikelihood(logLik: (alpha: number, beta: number) => number, key: string): SbgFit {
  const objective = (x: readonly number[]): number => {
    const logAlpha = clamp(x[0], LOG_MIN, LOG_MAX);
    const logBeta = clamp(x[1], LOG_MIN, LOG_MAX);
    const value = -logLik(exp(logAlpha), exp(logBeta));
    // Outside the box the clamped value is flat; a gentle penalty points the simplex back inside.
    const outside = (x[0] - logAlpha) ** 2 + (x[1] - logBeta) ** 2;
    return value + outside * (1 + abs(value));
  };

  const grid: { x: number[]; value: number }[] = [];
  for (const a of START_GRID) for (const b of START_GRID) grid.push({ x: [a, b], value: objective([a, b]) });
  grid.sort((p, q) => p.value - q.value); // stable sort: ties keep grid order, so the result is deterministic

  let best: SimplexResult | undefined;
  let iterations = 0;
  for (const start of grid.slice(0, STARTS_REFINED)) {
    let result = nelderMead(objective, start.x);
    iterations += result.iterations;
    // Restart from the optimum with a fresh simplex: Nelder–Mead can stall on a collapsed simplex.
    for (let restart = 0; restart < MAX_RESTARTS; restart++) {
      const again = nelderMead(objective, result.x);
      iterations += again.iterations;
      const improved = result.value - again.value > NELDER_MEAD_F_TOLERANCE * (1 + abs(result.value));
      // A restart that converges without doing better confirms the point it started from.
      result = again.value <= result.value ? again : { ...result, converged: result.converged || again.converged };
      if (!improved) break;
    }
    if (!best || result.value < best.value) best = result;
  }
  if (!best || !best.converged) {
    throw invalid({ code: 'notConverged', key, detail: 'iterations', args: { count: iterations } });
  }
  // exp(log(1e4)) is 1e4 plus a rounding error: clamp again so the bounds hold exactly.
  const alpha = clamp(exp(best.x[0]), SBG_MIN_PARAMETER, SBG_MAX_PARAMETER);
  const beta = clamp(exp(best.x[1]), SBG_MIN_PARAMETER, SBG_MAX_PARAMETER);
  return { alpha, beta, logLikelihood: logLik(alpha, beta), iterations };
}

function checkSurvivors(survivors: readonly number[]): void {
  if (!Array.isArray(survivors) || survivors.length === 0) {
    throw invalid({ code: 'emptyData', key: 'survivors', detail: 'cohortAndCounts' });
  }
  survivors.forEach((n, t) => {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid({ code: 'notANumber', key: `survivors[${t}]`, value: n });
    if (n < 0) throw invalid({ code: 'outOfRange', key: `survivors[${t}]`, value: n, min: 0 });
  });
  if (survivors.length < 2) {
    throw invalid({ code: 'tooFewPoints', key: 'survivors', detail: 'cohortAndOneCount' });
  }
  if (survivors[0] === 0) throw invalid({ code: 'emptyData', key: 'survivors[0]', detail: 'emptyCohort' });
  for (let t = 1; t < survivors.length; t++) {
    if (survivors[t] > survivors[t - 1]) throw invalid({ code: 'nonMonotone', key: `survivors[${t}]`, value: survivors[t] });
  }
}

// ---------------------------------------------------------------------------------------------------
// Discounted expected (residual) lifetime

const HYP2F1_TOLERANCE = 1e-15;
/** Enough for any α, β at the lowest discount rate allowed (about 440,000 terms at d = 1e-4). */
const HYP2F1_MAX_TERMS = 1_000_000;

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) z^k for |z| < 1.
 * The series is summed (with Neumaier compensation) until the tail is below 1e-15 of the sum. The tail
 * after term k is bounded by term·m/(1 − m) with m = max(|ratio_k|, |z|): the term ratio tends to z and,
 * once it is monotone (from the start when a = 1 and b, c > 0, the sBG case, since it is then
 * z·(b+k)/(c+k); in general once k exceeds |a| + |b| + |c|), no later ratio exceeds m. Near z = 1 this
 * needs about 44/(1 − z) terms; past the cap the answer is reported as not converged.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  for (const [key, value] of [['a', a], ['b', b], ['c', c], ['z', z]] as const) {
    if (!Number.isFinite(value)) throw invalid({ code: 'notANumber', key, value });
  }
  if (!(abs(z) < 1)) throw invalid({ code: 'outOfRange', key: 'z', value: z, min: -1, max: 1 });
  if (c <= 0 && Number.isInteger(c)) throw invalid({ code: 'notAllowed', key: 'c', value: c, suggestion: 'any number but 0, −1, −2, …' });

  const ratioMonotone = (a === 1 && b > 0 && c > 0) || (b === 1 && a > 0 && c > 0);
  const monotoneFrom = ratioMonotone ? 0 : abs(a) + abs(b) + abs(c);
  let term = 1;
  let sum = 1;
  let compensation = 0;
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    if (term === 0) return sum + compensation; // a or b is a non-positive integer: the series ends
    const next = sum + term;
    compensation += abs(sum) >= abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    const bound = max(abs(ratio), abs(z));
    if (k >= monotoneFrom && bound < 1 && (abs(term) * bound) / (1 - bound) <= HYP2F1_TOLERANCE * abs(sum + compensation)) {
      return sum + compensation;
    }
  }
  throw invalid({ code: 'notConverged', key: 'hyp2f1', detail: 'seriesTerms', args: { z, terms: HYP2F1_MAX_TERMS } });
}

/**
 * Discounted expected lifetime of a new customer, in periods: DEL = Σ_{t≥0} S(t)/(1+d)^t
 * = ₂F₁(1, β; α+β; 1/(1+d)), since S(t) = (β)_t/(α+β)_t. The first period counts in full (payment now),
 * so a CLV is margin × DEL.
 */
export function sbgDEL(alpha: number, beta: number, discountRate: number): number {
  checkShape(alpha, beta);
  checkDiscountRate(discountRate);
  return hyp2f1(1, beta, alpha + beta, 1 / (1 + discountRate));
}

/**
 * Discounted expected residual lifetime of a customer who has renewed `renewals` times (0 during the
 * first contract period), valued just before the next renewal decision, opportunity n = renewals + 1
 * (Fader & Hardie 2010): DERL = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)).
 *
 * Why: S(n+k)/S(n−1) = r(n)·Π_{j=n+1..n+k} r(j) = r(n)·(β+n)_k/(α+β+n)_k, so the formula equals
 * Σ_{t≥n} [S(t)/S(n−1)] / (1+d)^(t−n): the payment at the renewal about to happen is not discounted
 * (it arrives now, if she renews), the next one a period later, and so on. Hence, too, DEL = 1 + DERL(0)/(1+d).
 */
export function sbgDERL(alpha: number, beta: number, discountRate: number, renewals: number): number {
  checkShape(alpha, beta);
  checkDiscountRate(discountRate);
  checkWhole('renewals', renewals, 0, SBG_MAX_PERIOD);
  const n = renewals + 1;
  return ((beta + renewals) / (alpha + beta + renewals)) * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
}

// ---------------------------------------------------------------------------------------------------

function checkShape(alpha: number, beta: number): void {
  for (const [key, value] of [['alpha', alpha], ['beta', beta]] as const) {
    const range = { min: SBG_MIN_PARAMETER, max: SBG_MAX_PARAMETER };
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid({ code: 'notANumber', key, value, ...range });
    if (value < SBG_MIN_PARAMETER || value > SBG_MAX_PARAMETER) throw invalid({ code: 'outOfRange', key, value, ...range });
  }
}

function checkWhole(key: string, value: number, lowest: number, highest: number): void {
  const range = { min: lowest, max: highest };
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid({ code: 'notANumber', key, value, ...range });
  if (value < lowest || value > highest) throw invalid({ code: 'outOfRange', key, value, ...range });
  if (!Number.isInteger(value)) throw invalid({ code: 'notInteger', key, value, ...range });
}

function checkDiscountRate(discountRate: number): void {
  const range = { min: SBG_MIN_DISCOUNT_RATE, max: 1 };
  if (typeof discountRate !== 'number' || !Number.isFinite(discountRate)) {
    throw invalid({ code: 'notANumber', key: 'discountRate', value: discountRate, ...range });
  }
  if (discountRate < SBG_MIN_DISCOUNT_RATE || discountRate > 1) throw invalid({ code: 'outOfRange', key: 'discountRate', value: discountRate, ...range });
}

function clamp(x: number, lo: number, hi: number): number {
  return min(hi, max(lo, x));
}

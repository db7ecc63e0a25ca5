import { invalid } from '../text';

/** When the first margin arrives: today, or one year from now after the first renewal. */
export type ClvTiming = 'now' | 'afterRenewal';

export const MAX_CLV_YEARS = 200;

/**
 * Customer lifetime value under a constant yearly retention r, margin m per year and discount rate i.
 *
 * - timing 'now': the first margin arrives today (t = 0), the k-th later one only if the customer
 *   renewed k times: Σ_k m·q^k with q = r/(1+i). Infinite horizon: m(1+i)/(1+i−r).
 * - timing 'afterRenewal' (Gupta & Lehmann): the first margin arrives after the first renewal, one year
 *   from now: Σ_{k≥1} m·q^k. Infinite horizon: m·r/(1+i−r).
 *
 * With `years` the sum stops after that many margins (k = 0..years−1 for 'now', k = 1..years for
 * 'afterRenewal'); a retention of 1 is then allowed, since the sum stays finite.
 */
export function clvConstantRetention(
  margin: number,
  retention: number,
  discountRate: number,
  years?: number,
  timing: ClvTiming = 'now',
): number {
  checkFinite('margin', margin);
  checkFinite('retention', retention);
  checkFinite('discountRate', discountRate);
  if (retention < 0 || retention > 1) throw invalid({ code: 'outOfRange', key: 'retention', value: retention, min: 0, max: 1 });
  if (discountRate < 0 || discountRate > 1) throw invalid({ code: 'outOfRange', key: 'discountRate', value: discountRate, min: 0, max: 1 });
  if (timing !== 'now' && timing !== 'afterRenewal') {
    throw invalid({ code: 'notAllowed', key: 'timing', value: timing, suggestion: 'now, afterRenewal' });
  }

  if (years === undefined) {
    // A customer who always renews would be worth an unbounded sum (or a perpetuity that assumes the
    // relationship never ends), so an open-ended CLV needs some churn.
    if (retention === 1) {
      throw invalid({ code: 'inconsistent', key: 'retention', value: retention,
        detail: 'retentionOfOne' });
    }
    const denominator = 1 - retention + discountRate; // 1 − r first: exact, so a tiny i is not rounded away
    return timing === 'now' ? (margin * (1 + discountRate)) / denominator : (margin * retention) / denominator;
  }

  checkFinite('years', years);
  if (years < 1 || years > MAX_CLV_YEARS) throw invalid({ code: 'outOfRange', key: 'years', value: years, min: 1, max: MAX_CLV_YEARS });
  if (!Number.isInteger(years)) throw invalid({ code: 'notInteger', key: 'years', value: years, min: 1, max: MAX_CLV_YEARS });

  const sumFromZero = geometricSum(retention, discountRate, years); // Σ_{k=0}^{years−1} q^k
  if (timing === 'now') return margin * sumFromZero;
  return (margin * retention * sumFromZero) / (1 + discountRate); // Σ_{k=1}^{years} q^k = q · Σ_{k=0}^{years−1} q^k
}

/**
 * Σ_{k=0}^{n−1} q^k with q = r/(1+i), as (1 − q^n)/(1 − q). Both parts are formed without cancellation
 * (expm1/log1p, and 1 − q = (1−r+i)/(1+i) with 1 − r exact), so the sum stays accurate when q is within rounding of 1.
 */
function geometricSum(retention: number, discountRate: number, n: number): number {
  const oneMinusQ = (1 - retention + discountRate) / (1 + discountRate);
  if (oneMinusQ === 0) return n; // r = 1 and i = 0: every term is 1
  const logQ = Math.log1p(retention - 1) - Math.log1p(discountRate); // −∞ when r = 0, and then q^n = 0
  return -Math.expm1(n * logQ) / oneMinusQ;
}

function checkFinite(key: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid({ code: 'notANumber', key, value });
}

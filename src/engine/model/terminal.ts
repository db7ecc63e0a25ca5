import { ceilingAtMid, sbgOpportunityHazard, sbgRenewalSurvival, sbgSpanSurvival } from './churn';
import type { RunOffBook } from './run-off-book';
import { flatRunOffs, RUN_OFF_YEARS, runOffCosts, withTail } from './terminal-flat';

export { RUN_OFF_YEARS } from './terminal-flat';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { pow, sqrt } = Math;

export type { RunOffBook } from './run-off-book';


/**
 * Terminal value, as of the horizon (undiscounted to today): the discounted contribution of the book on
 * hand at the horizon, run off with no new customers under the plan's fully adopted behaviour, in
 * yearly steps that apply the projection's own rules (flat churn or each tenure cohort on its sBG
 * curve, contraction, expansion under its ceiling, renewal commission on what renews), for
 * RUN_OFF_YEARS years; then a geometric tail at the last year's ratio of contribution to the one
 * before (none when that ratio is not in (0, 1)). Costs come from the horizon's last year of the
 * projection, per customer-year (cost to serve, contacts, service pay, prevention, people cost) and
 * per ARR renewed or expanded (commission rates, quota pay included), so every pay line of the plan
 * follows the book into the run-off.
 */
export function terminalValue(
  book: RunOffBook, data: Float64Array, segmentStart: number, P: number, ppy: number, discountRate: number, endOfPeriod: boolean,
): number {
  if (!runOffCosts(book, data, segmentStart, P, ppy, oneCost, 0)) return 0;
  if (book.nextOpportunity !== null) return sbgRunOff(book, oneCost[0], oneCost[1], oneCost[2], discountRate, endOfPeriod);
  oneBook[0] = book;
  flatRunOffs(oneBook, 1, oneCost, discountRate, endOfPeriod, oneValue);
  return oneValue[0];
}
const oneBook: RunOffBook[] = [];
const oneCost = new Float64Array(3);
const oneValue = new Float64Array(1);

/** Under sBG each pool runs off on its own curve: the starting base by tenure, the others one opportunity a year. */
function sbgRunOff(book: RunOffBook, cost: number, renewalRate: number, expansionRate: number, discountRate: number, endOfPeriod: boolean): number {
  const pools = book.n.length;
  const n = new Float64Array(pools + 1);
  const a = new Float64Array(pools + 1);
  const opportunity = new Float64Array(pools + 1);
  n.set(book.n);
  a.set(book.a);
  opportunity.set(book.nextOpportunity!);
  let count = pools;
  let pendingGood = book.pendingGood;
  let pendingBad = book.pendingBad;
  const termSurvival = sbgRenewalSurvival(book.alpha, book.beta, 1, book.termYears, book.pressure);
  const halfContraction = 1 - sqrt(1 - book.contraction);
  const yearFactor = 1 / (1 + discountRate);
  let discount = pow(1 + discountRate, endOfPeriod ? -1 : -0.5);

  let value = 0, previous = 0, last = 0;
  for (let y = 0; y < RUN_OFF_YEARS; y++) {
    let customersBegin = pendingGood + pendingBad;
    let arrBegin = customersBegin * book.arpa0;
    for (let j = 0; j < count; j++) {
      customersBegin += n[j];
      arrBegin += a[j];
    }
    if (!(customersBegin > 0)) break;
    const expansion = book.expansion * ceilingAtMid(book.walletMultiple, book.arpa0, arrBegin / customersBegin, book.expansion, book.contraction, 1);
    let customersEnd = 0, arrEnd = 0, renewedA = 0, expansionA = 0;
    const midGrowth = sqrt((1 - book.contraction) * (1 + expansion));
    for (let j = 0; j < count; j++) {
      // A year holds one renewal opportunity of every pool (renewals of the starting base spread over it).
      const survival = j === 0 ? sbgSpanSurvival(book.alpha, book.beta, book.startTenure + y, 1, book.pressure)
        : 1 - sbgOpportunityHazard(book.alpha, book.beta, opportunity[j]++, book.pressure);
      const staying = a[j] * survival;
      const kept = staying * (1 - book.contraction);
      renewedA += staying * midGrowth / book.termYears;
      expansionA += kept * expansion;
      n[j] *= survival;
      a[j] = kept * (1 + expansion);
      customersEnd += n[j];
      arrEnd += a[j];
    }
    if (pendingGood + pendingBad > 0) {
      const survivors = pendingGood * termSurvival + pendingBad * (1 - book.misSoldChurn);
      const staying = survivors * book.arpa0;
      const kept = staying * (1 - halfContraction);
      const grown = kept * (sqrt(1 + expansion) - 1);
      renewedA += staying;
      expansionA += grown;
      n[count] = survivors;
      a[count] = kept + grown;
      opportunity[count] = book.termYears + 1;
      count++;
      customersEnd += survivors;
      arrEnd += kept + grown;
      pendingGood = 0;
      pendingBad = 0;
    }
    const contribution = book.grossMargin * (arrBegin + arrEnd) / 2 - cost * (customersBegin + customersEnd) / 2
      - renewalRate * renewedA - expansionRate * expansionA;
    previous = last;
    last = contribution * discount;
    value += last;
    discount *= yearFactor;
  }
  return withTail(value, previous, last);
}

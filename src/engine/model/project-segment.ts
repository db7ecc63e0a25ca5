/**
 * One segment of a projection over the horizon (project.ts), and the segments summed into the total
 * column. Split from project.ts so that each file of the projection stays small. A little over 300
 * lines: the period loop is one function on purpose (the projection's hot path, bench/kernel.ts's
 * yardstick), and splitting its state across calls would cost the speed issue 14 measures.
 */
import type { BehaviourValues, PlanValues, ScenarioSettings, SegmentValues } from './catalogue';
import { renewedShareAverage, serviceChurn, serviceChurnAtStart, unresolvedShare } from './behaviour';
import { ceilingAtMid, periodStep, phasedChurn, sbgRenewalSurvival, sbgSpanSurvival } from './churn';
import { M, METRIC_COUNT } from './metrics';
import { annualChurnRate, setRetentionRates } from './project-totals';
import { B } from './project-behaviour';
import type { RunOffBook } from './run-off-book';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { expm1, floor, log1p, max, min, pow, sqrt } = Math;

const EMPTY = new Float64Array(0);

/** Scratch space reused across calls: a Monte Carlo run projects hundreds of thousands of times. */
let scratch = new Float64Array(4096);
function scratchOf(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size * 2);
  return scratch;
}

/** A book to fill in (projectSegment overwrites every field): the projector keeps one per segment. */
export function emptyRunOffBook(): RunOffBook {
  return {
    n: EMPTY, a: EMPTY, nextOpportunity: null, bookCustomers: 0, bookArr: 0, startTenure: 0, pendingGood: 0, pendingBad: 0,
    churn: 0, pressure: 1, alpha: 0, beta: 0, termYears: 1, expansion: 0, contraction: 0, arpa0: 0, walletMultiple: 0,
    grossMargin: 0, misSoldChurn: 0,
  };
}

/** Contacts per customer a year once prevention has cut them by `factor` (never below the floor, unless already under it). */
function contactsAt(v: SegmentValues, b: BehaviourValues, factor: number): number {
  return v.contactsPerCustomer > b.minContacts ? max(b.minContacts, v.contactsPerCustomer * factor) : v.contactsPerCustomer;
}

/** Detractors counted as a union: a customer is one detractor however many reasons it has. */
function detractorUnion(churn: number, misSold: number, unresolvedDetractor: number): number {
  return 1 - (1 - churn) * (1 - misSold) * (1 - unresolvedDetractor);
}

/** Share of customers made detractors by unresolved contacts in a year: 1 − (1 − u·p)^contacts. */
function unresolvedDetractors(contacts: number, unresolved: number, b: BehaviourValues): number {
  return -expm1(contacts * detractorLog(unresolved, b));
}

/** ln(1 − u·p_detractor): the part of unresolvedDetractors that depends on the period only. */
function detractorLog(unresolved: number, b: BehaviourValues): number {
  return log1p(-min(1, unresolved * b.pDetractorIfUnresolved));
}

/** ln(1 − u·p·(1 − save)): the part of serviceChurn (behaviour.ts) that depends on the period only, the same expression. */
function serviceChurnLog(unresolved: number, b: BehaviourValues): number {
  return log1p(-unresolved * b.pChurnIfUnresolved * (1 - b.saveRate));
}

/**
 * The per-period logarithms of serviceChurn and unresolvedDetractors, at logs[t] and logs[P + t]:
 * the same for every segment, so taken once a period instead of once a segment and period.
 */
export function periodLogs(logs: Float64Array, path: Float64Array, P: number, b: BehaviourValues): void {
  for (let t = 0; t < P; t++) {
    const unresolved = path[B.unresolved * P + t];
    logs[t] = serviceChurnLog(unresolved, b);
    logs[P + t] = detractorLog(unresolved, b);
  }
}

/**
 * One segment over the horizon. Customers sit in two places: cohorts still in their first contract
 * term (no churn, expansion or contraction until they first renew; mis-sold customers live only here)
 * and the established book. With a flat churn the book is one pool; with an sBG curve it is a list of
 * cohorts by tenure, because the renewal probability depends on tenure. Fills `book` with the book
 * at the horizon for the run-off (terminal.ts).
 */
export function projectSegment(
  data: Float64Array, s: number, P: number, dt: number, settings: ScenarioSettings, v: SegmentValues,
  b: BehaviourValues, baseline: PlanValues, plan: PlanValues, path: Float64Array, adopted: Float64Array, logs: Float64Array, weight: number,
  firstRenewalChurnArr: Float64Array | undefined, book: RunOffBook,
): void {
  const segmentStart = s * METRIC_COUNT * P;
  const ppy = settings.periodsPerYear;
  const termPeriods = v.contractTermYears * ppy;
  const useSbg = v.sbgAlpha > 0 && v.sbgBeta > 0;
  const alpha = v.sbgAlpha;
  const beta = v.sbgBeta;

  // Baseline split of churn into a sales part and a service part (MODEL.md section 5).
  const c0 = v.churn;
  const service0 = serviceChurnAtStart(v, b, baseline);
  const sales0 = max(0, c0 - service0);
  const unresolved0 = unresolvedShare(b.resolveEffortShare, 1, baseline, b);
  const newShare = v.newCustomers + v.customers > 0 ? v.newCustomers / (v.newCustomers + v.customers) : 0;
  const detractors0 = detractorUnion(c0, b.misSoldShare * newShare, unresolvedDetractors(v.contactsPerCustomer, unresolved0, b));
  const contractionStep = 1 - pow(1 - v.contraction, dt);
  const contractionHalf = 1 - sqrt(1 - contractionStep);

  // State. Pending cohorts (first contract term): a ring indexed by acquisition period mod termPeriods.
  // The book: pool 0 is the starting base, whose renewals are spread evenly over the term, so it churns
  // a little every period. Customers who have renewed churn only when they renew again: under flat churn
  // they sit in a ring by renewal phase (pool 1 + period mod termPeriods), under sBG in one pool per
  // acquisition period (their renewal count sets their churn). Annual and monthly runs then count the
  // same contracts (MODEL.md section 6, contract timing).
  const maxPools = useSbg ? P + 1 : termPeriods + 1;
  const work = scratchOf(2 * termPeriods + 3 * maxPools);
  const pendingGood = 0;
  const pendingBad = termPeriods;
  const bookN = 2 * termPeriods;
  const bookA = bookN + maxPools;
  const bookAcq = bookA + maxPools;
  work.fill(0, 0, 2 * termPeriods + 3 * maxPools);
  work[bookN] = v.customers;
  work[bookA] = v.customers * v.arpa;
  let pools = useSbg ? 1 : maxPools;
  let misSoldOnBooks = 0;
  let startCycleSurvival = 1;
  let phase = -1;

  for (let t = 0; t < P; t++) {
    const t0 = t * dt;
    const unresolved = path[B.unresolved * P + t];
    const misSold = path[B.misSold * P + t];

    // Churn pressure this period relative to the baseline: the starting base moves to it as its
    // contracts renew (phasedChurn); a contract renewing now faces it in full.
    const contacts = contactsAt(v, b, path[B.contactsFactor * P + t]);
    const churnNow = max(0, sales0 * path[B.salesChurnFactor * P + t] + -expm1(contacts * logs[t]) + path[B.handoffChurn * P + t]);
    const renewed = renewedShareAverage(t0, t0 + dt, v.contractTermYears);
    const flatChurn = phasedChurn(c0, churnNow, renewed);
    const renewingChurn = min(0.99, churnNow);
    // Only the sBG curves scale by pressure.
    const pressure = useSbg && c0 > 0 ? flatChurn / c0 : 1;
    const renewingPressure = useSbg && c0 > 0 ? renewingChurn / c0 : 1;
    const flatStep = periodStep(flatChurn, dt);
    const renewalSurvival = v.contractTermYears === 1 ? 1 - renewingChurn : pow(1 - renewingChurn, v.contractTermYears);

    // Word of mouth: fewer detractors weighs more than more promoters (LSE 2005).
    const promoters = unresolved0 < 1 ? min(1, b.promoterShare * (1 - unresolved) / (1 - unresolved0)) : b.promoterShare;
    const detractors = detractorUnion(flatChurn, misSold * newShare, -expm1(contacts * logs[P + t]));
    const wordOfMouth = max(0, 1 + b.womPositive * (promoters - b.promoterShare) - b.womNegative * (detractors - detractors0));

    let customersBegin = 0;
    let arrBegin = 0;
    for (let j = 0; j < pools; j++) {
      customersBegin += work[bookN + j];
      arrBegin += work[bookA + j];
    }
    for (let k = 0; k < termPeriods; k++) {
      const n = work[pendingGood + k] + work[pendingBad + k];
      customersBegin += n;
      arrBegin += n * v.arpa;
    }
    const misSoldBegin = misSoldOnBooks;

    // Expansion fades as ARR per account nears the segment's wallet (the ceiling), read at mid-period.
    const expansionBase = v.expansion * path[B.expansionFactor * P + t];
    const expansionRate = customersBegin > 0
      ? expansionBase * ceilingAtMid(v.walletMultiple, v.arpa, arrBegin / customersBegin, expansionBase, v.contraction, dt)
      : expansionBase;
    const expansionStep = dt === 1 ? expansionRate : pow(1 + expansionRate, dt) - 1;

    let churnedN = 0, churnedA = 0, contractionA = 0, expansionA = 0, renewedA = 0, clawbacks = 0;
    // Renewals are spread over the period: a renewing contract carries half a period of growth.
    const midGrowth = sqrt((1 - contractionStep) * (1 + expansionStep));

    // 1. The book: churn where contracts renew, then contraction and expansion of what stays. Renewal
    //    commission is paid on the ARR that renews, net of the churn that falls on it.
    phase = phase + 1 === termPeriods ? 0 : phase + 1; // t mod termPeriods
    for (let j = 0; j < pools; j++) {
      const n = work[bookN + j];
      const a = work[bookA + j];
      let survival = 1;
      if (j === 0) {
        // The starting base renews dt/term of its contracts a period, each at its ARR gross of the
        // churn the pool has taken since the term began (churn falls on contracts at renewal).
        if (phase === 0) startCycleSurvival = 1;
        survival = useSbg ? sbgSpanSurvival(alpha, beta, t0 + v.baseTenureYears, dt, pressure) : 1 - flatStep;
        const yearSurvival = useSbg ? (dt === 1 ? survival : pow(survival, ppy)) : 1 - flatChurn;
        const termSurvival = v.contractTermYears === 1 ? yearSurvival : pow(yearSurvival, v.contractTermYears);
        // Dividing by 1 and multiplying by 1 change nothing (IEEE 754 is exact there), so they are skipped.
        let renewing = startCycleSurvival === 1 ? a : a / startCycleSurvival;
        renewing = renewing * midGrowth * termSurvival;
        if (dt !== 1) renewing *= dt;
        renewedA += v.contractTermYears === 1 ? renewing : renewing / v.contractTermYears;
        startCycleSurvival *= survival;
      } else if (useSbg) {
        const age = t - work[bookAcq + j];
        if (age % termPeriods === 0) {
          survival = sbgRenewalSurvival(alpha, beta, age / termPeriods, v.contractTermYears, renewingPressure);
          renewedA += a * midGrowth * survival;
        }
      } else if (j === 1 + phase) {
        survival = renewalSurvival;
        renewedA += a * midGrowth * survival;
      }
      const staying = a * survival;
      const contraction = staying * contractionStep;
      const expansion = (staying - contraction) * expansionStep;
      churnedN += n * (1 - survival);
      churnedA += a - staying;
      contractionA += contraction;
      expansionA += expansion;
      work[bookN + j] = n * survival;
      work[bookA + j] = staying - contraction + expansion;
    }

    // 2. Cohorts reaching their first renewal: mis-sold ones leave at misSoldChurn, the rest at the
    //    churn of the term; clawbacks on the leavers; survivors join the book mid-period (they have just
    //    renewed: half a period of contraction and expansion, no more churn until they renew again).
    if (t >= termPeriods) {
      const good = work[pendingGood + phase];
      const bad = work[pendingBad + phase];
      const goodSurvival = useSbg ? sbgRenewalSurvival(alpha, beta, 1, v.contractTermYears, renewingPressure) : renewalSurvival;
      const leavers = good * (1 - goodSurvival) + bad * b.misSoldChurn;
      const survivors = good + bad - leavers;
      churnedN += leavers;
      churnedA += leavers * v.arpa;
      clawbacks += leavers * v.arpa * plan.commissionNew * plan.clawback;
      if (firstRenewalChurnArr) firstRenewalChurnArr[s * P + t] = leavers * v.arpa;
      misSoldOnBooks -= bad;
      const staying = survivors * v.arpa;
      const contraction = staying * contractionHalf;
      const expansion = (staying - contraction) * (sqrt(1 + expansionStep) - 1);
      contractionA += contraction;
      expansionA += expansion;
      renewedA += staying;
      const into = useSbg ? pools++ : 1 + phase;
      if (useSbg) work[bookAcq + into] = t - termPeriods;
      work[bookN + into] += survivors;
      work[bookA + into] += staying - contraction + expansion;
      work[pendingGood + phase] = 0;
      work[pendingBad + phase] = 0;
    }

    // 3. New customers arrive and wait for their first renewal.
    const newN = v.newCustomers * path[B.acquisitionFactor * P + t] * wordOfMouth * dt;
    work[pendingGood + phase] += newN * (1 - misSold);
    work[pendingBad + phase] += newN * misSold;
    misSoldOnBooks += newN * misSold;
    const newA = newN * v.arpa;

    const customersEnd = customersBegin + newN - churnedN;
    const arrEnd = arrBegin + newA + expansionA - contractionA - churnedA;
    const avgCustomers = (customersBegin + customersEnd) / 2;
    const revenue = (arrBegin + arrEnd) / 2 * dt;
    const contactCount = contacts * dt * (avgCustomers + b.misSoldContactUplift * (misSoldBegin + misSoldOnBooks) / 2);
    // A human contact costs more the more it is truly resolved, plus agent assist; automated ones their own rate.
    const contactUnitCost = (1 - plan.automationShare) * (v.costPerContact * path[B.resolveCostFactor * P + t] + b.assistCostPerContact * plan.agentAssist)
      + plan.automationShare * b.costPerAutomatedContact;
    const contactCost = contactCount * contactUnitCost;
    const grossProfit = revenue * v.grossMargin - v.costToServe * avgCustomers * dt - contactCost;
    const commissionNew = plan.commissionNew * newA;
    const commissionRenewal = plan.commissionRenewal * renewedA;
    const commissionExpansion = plan.commissionExpansion * expansionA;
    const serviceBonus = plan.serviceBonusPool * dt * weight;
    const compCost = commissionNew + commissionRenewal + commissionExpansion - clawbacks + serviceBonus;
    const peopleCost = path[B.peopleCost * P + t] * dt * weight;
    const acquisitionSpend = newN * v.acquisitionCost;
    const preventionSpend = plan.preventionBudget * dt * weight;
    const at = segmentStart + t;
    const rescuedRate = min(1, contacts * b.pChurnIfUnresolved * (1 - unresolved * (1 - b.saveRate)));

    data[at + M.customers * P] = customersEnd;
    data[at + M.newCustomers * P] = newN;
    data[at + M.churnedCustomers * P] = churnedN;
    data[at + M.arr * P] = arrEnd;
    data[at + M.newArr * P] = newA;
    data[at + M.expansionArr * P] = expansionA;
    data[at + M.contractionArr * P] = contractionA;
    data[at + M.churnedArr * P] = churnedA;
    data[at + M.revenue * P] = revenue;
    data[at + M.grossProfit * P] = grossProfit;
    data[at + M.compCost * P] = compCost;
    data[at + M.contribution * P] = grossProfit - compCost - peopleCost - acquisitionSpend - preventionSpend;
    data[at + M.commissionNew * P] = commissionNew;
    data[at + M.commissionRenewal * P] = commissionRenewal;
    data[at + M.commissionExpansion * P] = commissionExpansion;
    data[at + M.clawbacks * P] = clawbacks;
    data[at + M.serviceBonus * P] = serviceBonus;
    data[at + M.acquisitionSpend * P] = acquisitionSpend;
    data[at + M.preventionSpend * P] = preventionSpend;
    data[at + M.contacts * P] = contactCount;
    data[at + M.contactCost * P] = contactCost;
    data[at + M.rescuedArr * P] = arrBegin * rescuedRate * dt;
    data[at + M.contactsPrevented * P] = (v.contactsPerCustomer - contacts) * dt * avgCustomers;
    data[at + M.misSoldNew * P] = newN * misSold;
    data[at + M.arrBegin * P] = arrBegin;
    data[at + M.customersBegin * P] = customersBegin;
    data[at + M.renewedArr * P] = renewedA;
    data[at + M.churnedCustomersFromBase * P] = churnedN;
    data[at + M.churnRate * P] = annualChurnRate(churnedN, customersBegin, ppy);
    data[at + M.peopleCost * P] = peopleCost;
    setRetentionRates(data, at + M.nrr * P, at + M.grr * P, arrBegin, expansionA, contractionA, churnedA, ppy);
  }

  // The book at the horizon, to run off under the fully adopted behaviour.
  const finalContacts = contactsAt(v, b, adopted[B.contactsFactor]);
  const finalChurn = min(0.99, max(0, sales0 * adopted[B.salesChurnFactor] + serviceChurn(finalContacts, adopted[B.unresolved], b) + adopted[B.handoffChurn]));
  let pendingGoodAtEnd = 0, pendingBadAtEnd = 0;
  for (let k = 0; k < termPeriods; k++) {
    pendingGoodAtEnd += work[pendingGood + k];
    pendingBadAtEnd += work[pendingBad + k];
  }
  const nextOpportunity = useSbg ? new Float64Array(pools) : EMPTY;
  if (useSbg) {
    // Years of renewal opportunities a cohort has faced at the horizon: whole terms since it was acquired.
    for (let j = 1; j < pools; j++) nextOpportunity[j] = floor((P - 1 - work[bookAcq + j]) / termPeriods) * v.contractTermYears + 1;
  }
  let bookCustomers = 0, bookArr = 0;
  for (let j = 0; j < pools; j++) {
    bookCustomers += work[bookN + j];
    bookArr += work[bookA + j];
  }
  book.n = useSbg ? work.slice(bookN, bookN + pools) : EMPTY;
  book.a = useSbg ? work.slice(bookA, bookA + pools) : EMPTY;
  book.nextOpportunity = useSbg ? nextOpportunity : null;
  book.bookCustomers = bookCustomers;
  book.bookArr = bookArr;
  book.startTenure = settings.horizonYears + v.baseTenureYears;
  book.pendingGood = pendingGoodAtEnd;
  book.pendingBad = pendingBadAtEnd;
  book.churn = finalChurn;
  book.pressure = c0 > 0 ? finalChurn / c0 : 1;
  book.alpha = alpha;
  book.beta = beta;
  book.termYears = v.contractTermYears;
  book.expansion = v.expansion * adopted[B.expansionFactor];
  book.contraction = v.contraction;
  book.arpa0 = v.arpa;
  book.walletMultiple = v.walletMultiple;
  book.grossMargin = v.grossMargin;
  book.misSoldChurn = b.misSoldChurn;
}

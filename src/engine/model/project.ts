import type { BehaviourValues, PlanValues, ScenarioSettings, SegmentValues } from './catalogue';
import {
  adoptionAverage, baselineFlows, planBehaviour, renewedShareAverage, resolveCostFactor, serviceChurn,
  serviceChurnAtStart, unresolvedShare, type PlanBehaviour,
} from './behaviour';
import { ceilingAtMid, periodStep, phasedChurn, sbgRenewalSurvival, sbgSpanSurvival } from './churn';
import { M, METRIC_COUNT, type Metric } from './metrics';
import type { Scenario } from './scenario';
import { terminalValue, type RunOffBook } from './terminal';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { expm1, floor, log1p, max, min, pow, sqrt } = Math;

/** Behaviour of one plan per period, shared by every segment (the plan is company-wide). */
export const BEHAVIOUR_SERIES = [
  'effortAcquire', 'effortRetain', 'effortExpand', 'resolveShare', 'unresolved', 'misSold', 'adoption',
  'acquisitionFactor', 'salesChurnFactor', 'expansionFactor', 'contactsFactor',
  'salesLevel', 'serviceLevel', 'salesAttrition', 'serviceAttrition', 'handoffChurn', 'resolveCostFactor', 'peopleCost',
] as const;
export type BehaviourSeries = (typeof BEHAVIOUR_SERIES)[number];
const B = {
  effortAcquire: 0, effortRetain: 1, effortExpand: 2, resolveShare: 3, unresolved: 4, misSold: 5, adoption: 6,
  acquisitionFactor: 7, salesChurnFactor: 8, expansionFactor: 9, contactsFactor: 10,
  salesLevel: 11, serviceLevel: 12, salesAttrition: 13, serviceAttrition: 14, handoffChurn: 15, resolveCostFactor: 16, peopleCost: 17,
} as const;
const SERIES_COUNT = BEHAVIOUR_SERIES.length;

/**
 * The result of projecting one plan: every metric per period, per segment and in total (the total is
 * stored as one more segment, at index `segmentNames.length`), plus the terminal value of the book.
 */
export class Projection {
  constructor(
    readonly periodsPerYear: number,
    readonly periods: number,
    readonly segmentNames: readonly string[],
    readonly data: Float64Array,
    readonly behaviour: Float64Array,
    /** Value of the book on hand at the horizon run off (terminal.ts), per segment then total (undiscounted, as of the horizon). */
    readonly terminalValue: Float64Array,
  ) {}

  get totalIndex(): number {
    return this.segmentNames.length;
  }

  /** One metric for one period (0-based); the total unless a segment index is given. */
  value(metric: Metric, period: number, segment = this.segmentNames.length): number {
    return this.data[(segment * METRIC_COUNT + M[metric]) * this.periods + period];
  }

  /** A view (not a copy) of one metric over all periods. */
  series(metric: Metric, segment = this.segmentNames.length): Float64Array {
    const start = (segment * METRIC_COUNT + M[metric]) * this.periods;
    return this.data.subarray(start, start + this.periods);
  }

  behaviourSeries(name: BehaviourSeries): Float64Array {
    return this.behaviour.subarray(B[name] * this.periods, (B[name] + 1) * this.periods);
  }
}

const EMPTY = new Float64Array(0);

/** Scratch space reused across calls: a Monte Carlo run projects hundreds of thousands of times. */
let scratch = new Float64Array(4096);
function scratchOf(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size * 2);
  return scratch;
}

export function projectScenarioPlan(s: Scenario, plan: PlanValues): Projection {
  return project(s.settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour, s.baseline.values, plan);
}

/**
 * What a plan with a quota layer (quota-project.ts) adds to a projection. Flat plans pass none, so
 * their loop is exactly the one below.
 */
export interface ProjectionHook {
  /** The long-run behaviour to move toward, instead of planBehaviour(plan, baseline, b). */
  target?: PlanBehaviour;
  /** Filled with the ARR of the customers who leave at their first renewal, at [segment·periods + period]. */
  firstRenewalChurnArr?: Float64Array;
  /** Adds pay the loop does not know to each segment's rows, after the loop and before totals and terminal values. */
  addPay?(data: Float64Array, periods: number, segments: number): void;
}

/**
 * Projects one plan against the baseline plan's behaviour (MODEL.md sections 5 and 6, version 2).
 * Inputs must already be valid (validateScenario): this function is the hot loop and checks nothing.
 */
export function project(
  settings: ScenarioSettings,
  segmentNames: readonly string[],
  segments: readonly SegmentValues[],
  b: BehaviourValues,
  baseline: PlanValues,
  plan: PlanValues,
  hook?: ProjectionHook,
): Projection {
  const ppy = settings.periodsPerYear;
  const P = settings.horizonYears * ppy;
  const dt = 1 / ppy;
  const nSeg = segments.length;
  const data = new Float64Array((nSeg + 1) * METRIC_COUNT * P);
  const target = hook?.target ?? planBehaviour(plan, baseline, b, baselineFlows(segments));
  const behaviour = new Float64Array(SERIES_COUNT * P);
  const adopted = new Float64Array(SERIES_COUNT);
  behaviourPath(behaviour, adopted, b, plan, target, P, dt);
  const terminal = new Float64Array(nSeg + 1);
  const books: RunOffBook[] = [];

  let totalStart = 0;
  for (const seg of segments) totalStart += seg.customers;
  for (let s = 0; s < nSeg; s++) {
    const weight = totalStart > 0 ? segments[s].customers / totalStart : 1 / nSeg;
    books.push(projectSegment(data, s, P, dt, settings, segments[s], b, baseline, plan, behaviour, adopted, weight, hook?.firstRenewalChurnArr));
  }
  // Pay the loop does not know (quota layer) follows the book into the run-off, so it is added first.
  hook?.addPay?.(data, P, nSeg);
  for (let s = 0; s < nSeg; s++) {
    terminal[s] = terminalValue(books[s], data, s * METRIC_COUNT * P, P, ppy, settings.discountRate, settings.discountTiming === 1);
    terminal[nSeg] += terminal[s];
  }
  sumSegments(data, nSeg, P, ppy);
  return new Projection(ppy, P, segmentNames, data, behaviour, terminal);
}

/**
 * The behaviour path of a plan, per period (adoption moves each quantity from the baseline's value to
 * the plan's), and in `adopted` the same quantities fully adopted (for the run-off of the horizon-end
 * book; its contacts factor is the last period's).
 */
function behaviourPath(out: Float64Array, adopted: Float64Array, b: BehaviourValues, plan: PlanValues, target: PlanBehaviour, P: number, dt: number): void {
  // Prevention cuts contacts per customer by budget/costPerPoint percent a year, compounding.
  const preventionFactor = 1 - min(0.99, plan.preventionBudget / b.preventionCostPerPoint / 100);
  for (let t = 0; t <= P; t++) {
    // t = P is the fully adopted row, written to `adopted` (its contacts factor is the last period's).
    const last = t === P;
    const a = last ? 1 : adoptionAverage(t * dt, (t + 1) * dt, b.adoptionHalfLife);
    const acquire = b.effortAcquire + (target.sales[0] - b.effortAcquire) * a;
    const retain = b.effortRetain + (target.sales[1] - b.effortRetain) * a;
    const expand = b.effortExpand + (target.sales[2] - b.effortExpand) * a;
    const resolve = b.resolveEffortShare + (target.resolveShare - b.resolveEffortShare) * a;
    const salesLevel = 1 + (target.salesLevel - 1) * a;
    const serviceLevel = 1 + (target.serviceLevel - 1) * a;
    const salesAttrition = b.salesAttrition + (target.salesAttrition - b.salesAttrition) * a;
    const serviceAttrition = b.serviceAttrition + (target.serviceAttrition - b.serviceAttrition) * a;
    const row = (series: number) => (last ? -1 : series * P + t);
    const values = SCRATCH_ROW;
    values[B.effortAcquire] = acquire;
    values[B.effortRetain] = retain;
    values[B.effortExpand] = expand;
    values[B.resolveShare] = resolve;
    values[B.unresolved] = unresolvedShare(resolve, serviceLevel, plan, b);
    values[B.misSold] = b.misSoldShare + (target.misSold - b.misSoldShare) * a;
    values[B.adoption] = a;
    // Outcomes respond to absolute effort (share × level) against the baseline share, with diminishing returns.
    values[B.acquisitionFactor] = effortFactor(acquire * salesLevel / b.effortAcquire, b.elasticityAcquire);
    values[B.salesChurnFactor] = effortFactor(retain * salesLevel / b.effortRetain, -b.elasticityRetain);
    values[B.expansionFactor] = effortFactor(expand * salesLevel / b.effortExpand, b.elasticityExpand);
    values[B.contactsFactor] = last ? out[B.contactsFactor * P + P - 1] : pow(preventionFactor, (t + 0.5) * dt);
    values[B.salesLevel] = salesLevel;
    values[B.serviceLevel] = serviceLevel;
    values[B.salesAttrition] = salesAttrition;
    values[B.serviceAttrition] = serviceAttrition;
    values[B.handoffChurn] = (salesAttrition - b.salesAttrition) * b.handoffChurn;
    values[B.resolveCostFactor] = resolveCostFactor(resolve, b);
    // People cost a year, company-wide: each leaver costs replacementCost × target pay.
    values[B.peopleCost] = b.replacementCost * (salesAttrition * target.salesPayroll + serviceAttrition * target.servicePayroll);
    if (last) adopted.set(values);
    else for (let k = 0; k < SERIES_COUNT; k++) out[row(k)] = values[k];
  }
}
const SCRATCH_ROW = new Float64Array(SERIES_COUNT);

/** (effort ratio)^elasticity, exactly 1 when effort is the baseline's. */
function effortFactor(ratio: number, elasticity: number): number {
  return ratio === 1 ? 1 : pow(ratio, elasticity);
}

/** Detractors counted as a union: a customer is one detractor however many reasons it has. */
function detractorUnion(churn: number, misSold: number, unresolvedDetractor: number): number {
  return 1 - (1 - churn) * (1 - misSold) * (1 - unresolvedDetractor);
}

/** Share of customers made detractors by unresolved contacts in a year: 1 − (1 − u·p)^contacts. */
function unresolvedDetractors(contacts: number, unresolved: number, b: BehaviourValues): number {
  return -expm1(contacts * log1p(-min(1, unresolved * b.pDetractorIfUnresolved)));
}

/**
 * One segment over the horizon. Customers sit in two places: cohorts still in their first contract
 * term (no churn, expansion or contraction until they first renew; mis-sold customers live only here)
 * and the established book. With a flat churn the book is one pool; with an sBG curve it is a list of
 * cohorts by tenure, because the renewal probability depends on tenure. Returns the book at the
 * horizon for the run-off (terminal.ts).
 */
function projectSegment(
  data: Float64Array, s: number, P: number, dt: number, settings: ScenarioSettings, v: SegmentValues,
  b: BehaviourValues, baseline: PlanValues, plan: PlanValues, path: Float64Array, adopted: Float64Array, weight: number,
  firstRenewalChurnArr: Float64Array | undefined,
): RunOffBook {
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
  const contactsAt = (factor: number) => (v.contactsPerCustomer > b.minContacts ? max(b.minContacts, v.contactsPerCustomer * factor) : v.contactsPerCustomer);

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

  for (let t = 0; t < P; t++) {
    const t0 = t * dt;
    const unresolved = path[B.unresolved * P + t];
    const misSold = path[B.misSold * P + t];

    // Churn pressure this period relative to the baseline: the starting base moves to it as its
    // contracts renew (phasedChurn); a contract renewing now faces it in full.
    const contacts = contactsAt(path[B.contactsFactor * P + t]);
    const churnNow = max(0, sales0 * path[B.salesChurnFactor * P + t] + serviceChurn(contacts, unresolved, b) + path[B.handoffChurn * P + t]);
    const renewed = renewedShareAverage(t0, t0 + dt, v.contractTermYears);
    const flatChurn = phasedChurn(c0, churnNow, renewed);
    const renewingChurn = min(0.99, churnNow);
    const pressure = c0 > 0 ? flatChurn / c0 : 1;
    const renewingPressure = c0 > 0 ? renewingChurn / c0 : 1;
    const flatStep = periodStep(flatChurn, dt);
    const renewalSurvival = pow(1 - renewingChurn, v.contractTermYears);

    // Word of mouth: fewer detractors weighs more than more promoters (LSE 2005).
    const promoters = unresolved0 < 1 ? min(1, b.promoterShare * (1 - unresolved) / (1 - unresolved0)) : b.promoterShare;
    const detractors = detractorUnion(flatChurn, misSold * newShare, unresolvedDetractors(contacts, unresolved, b));
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
    const phase = t % termPeriods;
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
        renewedA += (a / startCycleSurvival) * midGrowth * termSurvival * dt / v.contractTermYears;
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
  const finalContacts = contactsAt(adopted[B.contactsFactor]);
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
  return {
    n: useSbg ? work.slice(bookN, bookN + pools) : EMPTY,
    a: useSbg ? work.slice(bookA, bookA + pools) : EMPTY,
    nextOpportunity: useSbg ? nextOpportunity : null,
    bookCustomers, bookArr,
    startTenure: settings.horizonYears + v.baseTenureYears,
    pendingGood: pendingGoodAtEnd,
    pendingBad: pendingBadAtEnd,
    churn: finalChurn,
    pressure: c0 > 0 ? finalChurn / c0 : 1,
    alpha, beta,
    termYears: v.contractTermYears,
    expansion: v.expansion * adopted[B.expansionFactor],
    contraction: v.contraction,
    arpa0: v.arpa,
    walletMultiple: v.walletMultiple,
    grossMargin: v.grossMargin,
    misSoldChurn: b.misSoldChurn,
  };
}

/** NRR and GRR of a period, annualised so that quarterly and monthly rows read like annual ones. */
function setRetentionRates(data: Float64Array, nrrAt: number, grrAt: number, arrBegin: number, expansion: number, contraction: number, churned: number, ppy: number): void {
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
function annualChurnRate(churned: number, customersBegin: number, ppy: number): number {
  if (!(customersBegin > 0)) return 0;
  return ppy === 1 ? churned / customersBegin : 1 - pow(1 - churned / customersBegin, ppy);
}

/** The total column: flows and stocks add up across segments; retention rates are recomputed. */
function sumSegments(data: Float64Array, nSeg: number, P: number, ppy: number): void {
  const total = nSeg * METRIC_COUNT * P;
  for (let s = 0; s < nSeg; s++) {
    const base = s * METRIC_COUNT * P;
    for (let i = 0; i < METRIC_COUNT * P; i++) data[total + i] += data[base + i];
  }
  for (let t = 0; t < P; t++) {
    const at = total + t;
    setRetentionRates(data, at + M.nrr * P, at + M.grr * P, data[at + M.arrBegin * P], data[at + M.expansionArr * P],
      data[at + M.contractionArr * P], data[at + M.churnedArr * P], ppy);
    data[at + M.churnRate * P] = annualChurnRate(data[at + M.churnedCustomers * P], data[at + M.customersBegin * P], ppy);
  }
}

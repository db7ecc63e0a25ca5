/* Frozen copy of model version 1 (the projection before issue 11), kept only so `npm run bench` can set its time beside version 2. Not used by the product. */
import type { BehaviourValues, PlanValues, ScenarioSettings, SegmentValues } from '../../src/engine/model/catalogue';
import {
  adoptionAverage, planBehaviour, renewedShareAverage, salesBaseline, serviceChurn, serviceChurnAtStart, unresolvedShare,
  type PlanBehaviour,
} from './behaviour';
import { M, METRIC_COUNT, type Metric } from './metrics';
import type { Scenario } from '../../src/engine/model/scenario';

/** Behaviour of one plan per period, shared by every segment (the plan is company-wide). */
export const BEHAVIOUR_SERIES = [
  'effortAcquire', 'effortRetain', 'effortExpand', 'resolveShare', 'unresolved', 'misSold', 'adoption',
  'acquisitionFactor', 'salesChurnFactor', 'expansionFactor', 'contactsFactor',
] as const;
export type BehaviourSeries = (typeof BEHAVIOUR_SERIES)[number];
const B = {
  effortAcquire: 0, effortRetain: 1, effortExpand: 2, resolveShare: 3, unresolved: 4, misSold: 5, adoption: 6,
  acquisitionFactor: 7, salesChurnFactor: 8, expansionFactor: 9, contactsFactor: 10,
} as const;

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
    /** Residual value of the customers still on the books at the horizon, per segment then total (undiscounted, as of the horizon). */
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
 * Projects one plan against the baseline plan's behaviour (MODEL.md sections 5 and 6). Inputs must
 * already be valid (validateScenario): this function is the hot loop and checks nothing.
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
  const behaviour = behaviourPath(b, baseline, plan, P, dt, hook?.target);
  const terminal = new Float64Array(nSeg + 1);

  let totalStart = 0;
  for (const seg of segments) totalStart += seg.customers;
  for (let s = 0; s < nSeg; s++) {
    const weight = totalStart > 0 ? segments[s].customers / totalStart : 1 / nSeg;
    terminal[s] = projectSegment(data, s, P, dt, settings, segments[s], b, baseline, plan, behaviour, weight, hook?.firstRenewalChurnArr);
    terminal[nSeg] += terminal[s];
  }
  if (hook?.addPay) {
    // Pay for keeping customers enters the terminal value, so it is recomputed with the added pay.
    hook.addPay(data, P, nSeg);
    terminal[nSeg] = 0;
    for (let s = 0; s < nSeg; s++) {
      terminal[s] = terminalValue(data, s * METRIC_COUNT * P, P, ppy, settings.discountRate);
      terminal[nSeg] += terminal[s];
    }
  }
  sumSegments(data, nSeg, P, ppy);
  return new Projection(ppy, P, segmentNames, data, behaviour, terminal);
}

function behaviourPath(b: BehaviourValues, baseline: PlanValues, plan: PlanValues, P: number, dt: number, given?: PlanBehaviour): Float64Array {
  const out = new Float64Array(BEHAVIOUR_SERIES.length * P);
  const target = given ?? planBehaviour(plan, baseline, b);
  // Prevention cuts contacts per customer by budget/costPerPoint percent a year, compounding.
  const preventionFactor = 1 - Math.min(0.99, plan.preventionBudget / b.preventionCostPerPoint / 100);
  const start = salesBaseline(b);
  for (let t = 0; t < P; t++) {
    const a = adoptionAverage(t * dt, (t + 1) * dt, b.adoptionHalfLife);
    for (let i = 0; i < 3; i++) out[i * P + t] = start[i] + (target.sales[i] - start[i]) * a;
    const resolve = b.resolveEffortShare + (target.resolveShare - b.resolveEffortShare) * a;
    out[B.resolveShare * P + t] = resolve;
    out[B.unresolved * P + t] = unresolvedShare(resolve, plan, b);
    out[B.misSold * P + t] = b.misSoldShare + (target.misSold - b.misSoldShare) * a;
    out[B.adoption * P + t] = a;
    // Outcome responses with diminishing returns, the same for every segment: computed once here.
    out[B.acquisitionFactor * P + t] = Math.pow(out[t] / start[0], b.elasticityAcquire);
    out[B.salesChurnFactor * P + t] = Math.pow(out[P + t] / start[1], -b.elasticityRetain);
    out[B.expansionFactor * P + t] = Math.pow(out[2 * P + t] / start[2], b.elasticityExpand);
    out[B.contactsFactor * P + t] = Math.pow(preventionFactor, (t + 0.5) * dt);
  }
  return out;
}

/**
 * One segment over the horizon. Customers sit in two places: cohorts still in their first contract
 * term (no churn, expansion or contraction until they first renew; mis-sold customers live only here)
 * and the established book. With a flat churn the book is one pool; with an sBG curve it is a list of
 * cohorts by tenure, because the renewal probability depends on tenure. Returns the terminal value.
 */
function projectSegment(
  data: Float64Array, s: number, P: number, dt: number, settings: ScenarioSettings, v: SegmentValues,
  b: BehaviourValues, baseline: PlanValues, plan: PlanValues, path: Float64Array, weight: number,
  firstRenewalChurnArr: Float64Array | undefined,
): number {
  const segmentStart = s * METRIC_COUNT * P;
  const ppy = settings.periodsPerYear;
  const termPeriods = v.contractTermYears * ppy;
  const useSbg = v.sbgAlpha > 0 && v.sbgBeta > 0;
  const alpha = v.sbgAlpha;
  const beta = v.sbgBeta;

  // Baseline split of churn into a sales part and a service part (MODEL.md section 5).
  const c0 = v.churn;
  const service0 = serviceChurnAtStart(v, b, baseline);
  const sales0 = Math.max(0, c0 - service0);
  const unresolved0 = unresolvedShare(b.resolveEffortShare, baseline, b);
  const newShare = v.newCustomers + v.customers > 0 ? v.newCustomers / (v.newCustomers + v.customers) : 0;
  const detractors0 = c0 + b.misSoldShare * newShare + Math.min(1, v.contactsPerCustomer * unresolved0 * b.pDetractorIfUnresolved);
  const contractionStep = 1 - Math.pow(1 - v.contraction, dt);
  const contactUnitCost = (1 - plan.automationShare) * v.costPerContact + plan.automationShare * b.costPerAutomatedContact;

  // State. Pending cohorts: a ring indexed by acquisition period mod termPeriods.
  const work = scratchOf(2 * termPeriods + 2 * (P + 1));
  const pendingGood = 0;
  const pendingBad = termPeriods;
  const bookN = 2 * termPeriods;
  const bookA = bookN + P + 1;
  const bookOrigin: number[] = [-v.baseTenureYears];
  work.fill(0, 0, 2 * termPeriods + 2 * (P + 1));
  work[bookN] = v.customers;
  work[bookA] = v.customers * v.arpa;
  let cohorts = 1;
  let misSoldOnBooks = 0;
  let lastRetention = 1 - c0;

  for (let t = 0; t < P; t++) {
    const t0 = t * dt;
    const mid = t0 + dt / 2;
    const unresolved = path[B.unresolved * P + t];
    const misSold = path[B.misSold * P + t];

    // Churn pressure this period relative to the baseline, phased in as contracts renew.
    const contacts = v.contactsPerCustomer > b.minContacts
      ? Math.max(b.minContacts, v.contactsPerCustomer * path[B.contactsFactor * P + t])
      : v.contactsPerCustomer;
    const churnNow = sales0 * path[B.salesChurnFactor * P + t] + serviceChurn(contacts, unresolved, b);
    const renewed = renewedShareAverage(t0, t0 + dt, v.contractTermYears);
    const flatChurn = phasedChurn(c0, churnNow, renewed);
    const pressure = c0 > 0 ? flatChurn / c0 : 1;

    const expansionRate = v.expansion * path[B.expansionFactor * P + t];
    const expansionStep = dt === 1 ? expansionRate : Math.pow(1 + expansionRate, dt) - 1;
    const flatStep = dt === 1 ? flatChurn : 1 - Math.pow(1 - flatChurn, dt);

    // Word of mouth: fewer detractors weighs more than more promoters (LSE 2005).
    const promoters = unresolved0 < 1 ? Math.min(1, b.promoterShare * (1 - unresolved) / (1 - unresolved0)) : b.promoterShare;
    const detractors = flatChurn + misSold * newShare + Math.min(1, contacts * unresolved * b.pDetractorIfUnresolved);
    const wordOfMouth = Math.max(0, 1 + b.womPositive * (promoters - b.promoterShare) - b.womNegative * (detractors - detractors0));

    let customersBegin = 0;
    let arrBegin = 0;
    for (let j = 0; j < cohorts; j++) {
      customersBegin += work[bookN + j];
      arrBegin += work[bookA + j];
    }
    for (let k = 0; k < termPeriods; k++) {
      const n = work[pendingGood + k] + work[pendingBad + k];
      customersBegin += n;
      arrBegin += n * v.arpa;
    }
    const misSoldBegin = misSoldOnBooks;

    let churnedN = 0, churnedA = 0, contractionA = 0, expansionA = 0, renewedA = 0, clawbacks = 0, churnedFromBook = 0;

    // 1. The established book: churn, then contraction and expansion of what stays.
    for (let j = 0; j < cohorts; j++) {
      const q = useSbg ? periodStep(sbgHazard(alpha, beta, mid - bookOrigin[j], pressure), dt) : flatStep;
      const n = work[bookN + j];
      const a = work[bookA + j];
      const staying = a * (1 - q);
      const contraction = staying * contractionStep;
      const expansion = (staying - contraction) * expansionStep;
      churnedN += n * q;
      churnedFromBook += n * q;
      churnedA += a * q;
      contractionA += contraction;
      expansionA += expansion;
      renewedA += staying * dt / v.contractTermYears;
      work[bookN + j] = n * (1 - q);
      work[bookA + j] = staying - contraction + expansion;
    }

    // 2. Cohorts reaching their first renewal: mis-sold ones leave at misSoldChurn, the rest at the
    //    churn accumulated over the term; clawbacks on the leavers; survivors join the book mid-period.
    if (t >= termPeriods) {
      const slot = t % termPeriods;
      const good = work[pendingGood + slot];
      const bad = work[pendingBad + slot];
      const goodSurvival = useSbg ? sbgTermSurvival(alpha, beta, v.contractTermYears, pressure) : Math.pow(1 - flatChurn, v.contractTermYears);
      const leavers = good * (1 - goodSurvival) + bad * b.misSoldChurn;
      const survivors = good + bad - leavers;
      churnedN += leavers;
      churnedA += leavers * v.arpa;
      clawbacks += leavers * v.arpa * plan.commissionNew * plan.clawback;
      if (firstRenewalChurnArr) firstRenewalChurnArr[s * P + t] = leavers * v.arpa;
      misSoldOnBooks -= bad;
      // Half a period on the book for the survivors.
      const q = useSbg ? periodStep(sbgHazard(alpha, beta, v.contractTermYears + dt / 4, pressure), dt) : flatStep;
      const qHalf = 1 - Math.sqrt(1 - q);
      const staying = survivors * v.arpa * (1 - qHalf);
      const contraction = staying * (1 - Math.sqrt(1 - contractionStep));
      const expansion = (staying - contraction) * (Math.sqrt(1 + expansionStep) - 1);
      churnedN += survivors * qHalf;
      churnedA += survivors * v.arpa * qHalf;
      contractionA += contraction;
      expansionA += expansion;
      renewedA += survivors * v.arpa;
      if (useSbg) {
        bookOrigin.push(t0 + dt / 2 - v.contractTermYears);
        work[bookN + cohorts] = survivors * (1 - qHalf);
        work[bookA + cohorts] = staying - contraction + expansion;
        cohorts++;
      } else {
        work[bookN] += survivors * (1 - qHalf);
        work[bookA] += staying - contraction + expansion;
      }
      work[pendingGood + slot] = 0;
      work[pendingBad + slot] = 0;
    }

    // 3. New customers arrive and wait for their first renewal.
    const newN = v.newCustomers * path[B.acquisitionFactor * P + t] * wordOfMouth * dt;
    const slot = t % termPeriods;
    work[pendingGood + slot] += newN * (1 - misSold);
    work[pendingBad + slot] += newN * misSold;
    misSoldOnBooks += newN * misSold;
    const newA = newN * v.arpa;

    const customersEnd = customersBegin + newN - churnedN;
    const arrEnd = arrBegin + newA + expansionA - contractionA - churnedA;
    const avgCustomers = (customersBegin + customersEnd) / 2;
    const revenue = (arrBegin + arrEnd) / 2 * dt;
    const contactCount = contacts * dt * (avgCustomers + b.misSoldContactUplift * (misSoldBegin + misSoldOnBooks) / 2);
    const contactCost = contactCount * contactUnitCost;
    const grossProfit = revenue * v.grossMargin - v.costToServe * avgCustomers * dt - contactCost;
    const commissionNew = plan.commissionNew * newA;
    const commissionRenewal = plan.commissionRenewal * renewedA;
    const commissionExpansion = plan.commissionExpansion * expansionA;
    const serviceBonus = plan.serviceBonusPool * dt * weight;
    const compCost = commissionNew + commissionRenewal + commissionExpansion - clawbacks + serviceBonus;
    const acquisitionSpend = newN * v.acquisitionCost;
    const preventionSpend = plan.preventionBudget * dt * weight;
    const at = segmentStart + t;
    const rescuedRate = Math.min(1, contacts * b.pChurnIfUnresolved * (1 - unresolved * (1 - b.saveRate)));

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
    data[at + M.contribution * P] = grossProfit - compCost - acquisitionSpend - preventionSpend;
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
    setRetentionRates(data, at + M.nrr * P, at + M.grr * P, arrBegin, expansionA, contractionA, churnedA, ppy);
    lastRetention = customersBegin > 0 ? 1 - churnedN / customersBegin : lastRetention;
    void churnedFromBook;
  }
  return terminalValue(data, segmentStart, P, ppy, settings.discountRate);
}

/** NRR and GRR of a period, annualised so that quarterly and monthly rows read like annual ones. */
function setRetentionRates(data: Float64Array, nrrAt: number, grrAt: number, arrBegin: number, expansion: number, contraction: number, churned: number, ppy: number): void {
  if (!(arrBegin > 0)) {
    data[nrrAt] = 0;
    data[grrAt] = 0;
    return;
  }
  const gross = Math.max(0, (arrBegin - contraction - churned) / arrBegin);
  const net = Math.max(0, (arrBegin + expansion - contraction - churned) / arrBegin);
  data[nrrAt] = ppy === 1 ? net : Math.pow(net, ppy);
  data[grrAt] = ppy === 1 ? gross : Math.pow(gross, ppy);
}

/** Logo churn of a period, annualised. */
function annualChurnRate(churned: number, customersBegin: number, ppy: number): number {
  if (!(customersBegin > 0)) return 0;
  return ppy === 1 ? churned / customersBegin : 1 - Math.pow(1 - churned / customersBegin, ppy);
}

/**
 * The annual churn in force while a share `renewed` of the book has renewed under the plan: the
 * baseline churn c0 moves to the plan's churn (capped at 0.99) linearly in the hazard −ln(1 − c),
 * not in c. `renewed` is an average over the period, and averaging is exact only for a quantity the
 * period's survival depends on linearly: the hazard is one, so a yearly run and twelve monthly runs
 * lose the same customers; blending c itself would make yearly runs lose fewer when churn rises.
 */
export function phasedChurn(c0: number, churnNow: number, renewed: number): number {
  const after = Math.min(0.99, churnNow);
  if (renewed >= 1) return after;
  return 1 - Math.pow(1 - c0, 1 - renewed) * Math.pow(1 - after, renewed);
}

/** Churn over one period of length dt (years) from an annual churn probability, converted exactly. */
function periodStep(annual: number, dt: number): number {
  return dt === 1 ? annual : 1 - Math.pow(1 - annual, dt);
}

/** Annual churn of a cohort of the given tenure (years) on the sBG curve, scaled by the plan's churn pressure. */
function sbgHazard(alpha: number, beta: number, tenure: number, pressure: number): number {
  const opportunity = Math.floor(Math.max(0, tenure)) + 1;
  const renewal = (beta + opportunity - 1) / (alpha + beta + opportunity - 1);
  return Math.min(0.99, (1 - renewal) * pressure);
}

/** Probability that a new customer survives its first `term` yearly renewal opportunities on the sBG curve. */
function sbgTermSurvival(alpha: number, beta: number, term: number, pressure: number): number {
  let survival = 1;
  for (let k = 1; k <= term; k++) survival *= 1 - sbgHazard(alpha, beta, k - 1, pressure);
  return survival;
}

/**
 * Value, as of the horizon, of the customers still on the books: the last year's margin per customer
 * after the costs of keeping them (renewal and expansion commissions, service bonus, prevention),
 * received from the next renewal on at the last year's logo retention r: m·r/(1+i−r) (Gupta & Lehmann).
 * Margins are held flat: a conservative choice, so expansion beyond the horizon is not counted.
 */
function terminalValue(data: Float64Array, segmentStart: number, P: number, ppy: number, discountRate: number): number {
  const row = (metric: number) => segmentStart + metric * P;
  const first = Math.max(0, P - ppy);
  let margin = 0, customerYears = 0, churned = 0, opening = 0;
  for (let t = first; t < P; t++) {
    const at = segmentStart + t;
    margin += data[at + M.grossProfit * P] - data[at + M.commissionRenewal * P] - data[at + M.commissionExpansion * P]
      - data[at + M.serviceBonus * P] - data[at + M.preventionSpend * P];
    customerYears += (data[at + M.customersBegin * P] + data[at + M.customers * P]) / 2 / ppy;
    churned += data[at + M.churnedCustomers * P];
  }
  opening = data[row(M.customersBegin) + first];
  const customersAtEnd = data[row(M.customers) + P - 1];
  if (!(customerYears > 0) || !(opening > 0)) return 0;
  const retention = Math.min(0.99, Math.max(0, 1 - churned / opening));
  const marginPerCustomer = margin / customerYears;
  return customersAtEnd * marginPerCustomer * retention / (1 + discountRate - retention);
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

import { defaultsOf, type BehaviourValues, type PlanValues, type SegmentValues } from './catalogue';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { exp, expm1, log1p, max, min, pow } = Math;

/**
 * Section 5 of MODEL.md (version 2): pay moves effort between activities (shares) and sets how much
 * effort people give and whether they stay (level, attrition).
 *
 * Attraction form. s_i = f + (1 − n·f)·b'_i·p_i^ε / Σ b'_j·p_j^ε with the *free* share
 * b'_i = (b_i − f)/(1 − n·f), so identical plans give s_i = f + b_i − f. In floating point that sum
 * rounds (0.5 comes back as 0.49999999999999994), so when pay changes nothing (every pull 1, or ε = 0)
 * the baseline shares are returned as they are: s = b exactly.
 */
export function attractionShares(baseline: readonly number[], pulls: readonly number[], epsilon: number, floor: number): number[] {
  const n = baseline.length;
  let unchanged = true;
  for (let i = 0; i < n; i++) if (pulls[i] !== 1) unchanged = false;
  if (epsilon === 0 || unchanged) return baseline.slice();
  const free = 1 - n * floor;
  let total = 0;
  const shares = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const freeShare = (baseline[i] - floor) / free;
    shares[i] = freeShare * pow(pulls[i], epsilon);
    total += shares[i];
  }
  // Every pull is above 0 when λ > 0; with λ = 0 and every rate 0 only the floors remain, spread as the baseline was.
  if (!(total > 0)) return baseline.slice();
  for (let i = 0; i < n; i++) shares[i] = floor + free * (shares[i] / total);
  return shares;
}

/** The long-run behaviour a plan induces once fully adopted, relative to the baseline plan. */
export interface PlanBehaviour {
  /** Effort shares on acquire, retain, expand. */
  sales: [number, number, number];
  /** Share of service effort spent truly resolving. */
  resolveShare: number;
  /** Share of new customers mis-sold. */
  misSold: number;
  /** Effort level of sales and of service relative to the baseline (1 = today), ramp loss included. */
  salesLevel: number;
  serviceLevel: number;
  /** Annual attrition of each workforce. */
  salesAttrition: number;
  serviceAttrition: number;
  /** Target pay of each workforce a year, in money (derived: the baseline's variable pay ÷ its variable share, scaled by T). */
  salesPayroll: number;
  servicePayroll: number;
}

export function salesBaseline(b: BehaviourValues): [number, number, number] {
  return [b.effortAcquire, b.effortRetain, b.effortExpand];
}

/**
 * c/c⁰, or 1 when the baseline puts nothing on it. Validation keeps flat baselines above 0; a baseline
 * paid on quotas can, in extreme cases, pay nothing at the margin (everyone far past the cap), and
 * then a plan is taken to change nothing there rather than infinitely much.
 */
function relative(w: number, w0: number): number {
  return w0 > 0 ? w / w0 : 1;
}

/** Pull of an activity, p = (c/c⁰ + λ)/(1 + λ): salary, management and the work pull λ of today's commission even at zero. */
export function pull(ratio: number, lambda: number): number {
  return ratio === 1 ? 1 : (ratio + lambda) / (1 + lambda);
}

/** Commission-rate ratios c_i/c_i⁰ (for a plan paid on quotas, of its effective marginal rates: see quota-project.ts). */
export function salesIntensityRatios(plan: PlanValues, baseline: PlanValues): [number, number, number] {
  return [
    relative(plan.commissionNew, baseline.commissionNew),
    relative(plan.commissionRenewal, baseline.commissionRenewal),
    relative(plan.commissionExpansion, baseline.commissionExpansion),
  ];
}

/**
 * The baseline's year-1 flows each commission is paid on, from the starting book (all segments): new
 * ARR, ARR renewing in the year (net of the year's churn), expansion ARR; and the share of new ARR that
 * leaves at its first renewal (for the expected clawback). Expected variable pay V is priced on these
 * for both plans, so V/V⁰ measures the pay, not the outcomes it buys.
 */
export interface BaselineFlows {
  newArr: number;
  renewedArr: number;
  expansionArr: number;
  /** ARR-weighted first-renewal churn of good (not mis-sold) new customers. */
  firstRenewalChurn: number;
}

export function baselineFlows(segments: readonly SegmentValues[]): BaselineFlows {
  let newArr = 0, renewedArr = 0, expansionArr = 0, leaving = 0;
  for (const v of segments) {
    const book = v.customers * v.arpa;
    const n = v.newCustomers * v.arpa;
    newArr += n;
    renewedArr += book * (1 - v.churn) / v.contractTermYears;
    expansionArr += book * (1 - v.churn) * (1 - v.contraction) * v.expansion;
    leaving += n * (1 - pow(1 - v.churn, v.contractTermYears));
  }
  return { newArr, renewedArr, expansionArr, firstRenewalChurn: newArr > 0 ? leaving / newArr : 0 };
}

let cachedDefaultFlows: BaselineFlows | undefined;
function defaultFlows(): BaselineFlows {
  return (cachedDefaultFlows ??= baselineFlows([defaultsOf('segment')]));
}

/** Share of new customers mis-sold: μ = clamp(μ⁰·(p_acq^γ·k^δ)^ε, μ_min, 0.9), k the clawback relief. */
export function misSoldShare(plan: PlanValues, baseline: PlanValues, b: BehaviourValues, acquirePull: number): number {
  const q = b.misSoldChurn;
  const relief = relative(1 - plan.clawback * q, 1 - baseline.clawback * q);
  const pressure = pow(acquirePull, b.overSellingElasticity) * pow(relief, b.clawbackElasticity);
  const floor = min(b.misSoldFloor, b.misSoldShare); // the baseline itself is never pushed up to the floor
  if (pressure === 1 || b.responsiveness === 0) return b.misSoldShare;
  return min(0.9, max(floor, b.misSoldShare * pow(pressure, b.responsiveness)));
}

/** Expected variable sales pay a year at the baseline's flows, V = Σ c_i·F_i⁰ − expected clawback. */
export function expectedSalesPay(plan: PlanValues, flows: BaselineFlows, misSold: number, b: BehaviourValues): number {
  const clawedShare = (1 - misSold) * flows.firstRenewalChurn + misSold * b.misSoldChurn;
  return plan.commissionNew * flows.newArr * (1 - plan.clawback * clawedShare)
    + plan.commissionRenewal * flows.renewedArr + plan.commissionExpansion * flows.expansionArr;
}

const MAX_PAY_RATIO = 1e12;

/** What pay does to one workforce: level of effort before ramp loss, attrition, target pay in money. */
export interface Workforce {
  level: number;
  attrition: number;
  payroll: number;
}

/**
 * One workforce against its baseline variable pay V⁰: effort level ((V/V⁰ + λ)/(1 + λ))^η, target
 * pay T = (1 − v) + v·V/V⁰, attrition min(0.9, a⁰·T^(−κ)) and target pay in money T·V⁰/v.
 */
export function workforce(pay: number, pay0: number, variableShare: number, attrition0: number, b: BehaviourValues): Workforce {
  // Capped so that a baseline paying next to nothing (a denormal pool) cannot overflow into ∞·0.
  const ratio = min(MAX_PAY_RATIO, relative(pay, pay0));
  const level = ratio === 1 ? 1 : pow(pull(ratio, b.nonCashPull), b.effortElasticity);
  const target = 1 - variableShare + variableShare * ratio;
  const attrition = ratio === 1 ? attrition0 : min(0.9, attrition0 * pow(target, -b.attritionElasticity));
  // T·V⁰/v, written as base pay plus variable pay so that it stays finite when V⁰ is tiny.
  const payroll = pay0 > 0 ? (1 - variableShare) * pay0 / variableShare + min(pay, MAX_PAY_RATIO * pay0) : 0;
  return { level, attrition, payroll };
}

/** Effort left while new hires ramp: L·(1 − (a − a⁰)·rampLoss). */
export function withRampLoss(level: number, attrition: number, attrition0: number, b: BehaviourValues): number {
  return level * (1 - (attrition - attrition0) * b.rampLoss);
}

/**
 * The long-run behaviour of `plan` against `baseline`. `flows` prices expected pay (V/V⁰, which sets the
 * effort level and attrition; the shares do not depend on it): the projection passes its segments'
 * flows; a caller without segments gets those of one catalogue-default segment.
 */
export function planBehaviour(plan: PlanValues, baseline: PlanValues, b: BehaviourValues, flows: BaselineFlows = defaultFlows()): PlanBehaviour {
  const lambda = b.nonCashPull;
  const ratios = salesIntensityRatios(plan, baseline);
  const pulls = [pull(ratios[0], lambda), pull(ratios[1], lambda), pull(ratios[2], lambda)];
  const sales = attractionShares(salesBaseline(b), pulls, b.responsiveness, b.effortFloor) as [number, number, number];
  // Service effort splits between resolving (paid through outcomeWeight) and closing (the rest).
  const servicePulls = [pull(relative(plan.outcomeWeight, baseline.outcomeWeight), lambda),
    pull(relative(1 - plan.outcomeWeight, 1 - baseline.outcomeWeight), lambda)];
  const resolveShare = attractionShares([b.resolveEffortShare, 1 - b.resolveEffortShare], servicePulls, b.responsiveness, b.effortFloor)[0];
  const misSold = misSoldShare(plan, baseline, b, pulls[0]);
  const pay = expectedSalesPay(plan, flows, misSold, b);
  const pay0 = expectedSalesPay(baseline, flows, b.misSoldShare, b);
  const salesForce = workforce(pay, pay0, b.salesVariableShare, b.salesAttrition, b);
  const serviceForce = workforce(plan.serviceBonusPool, baseline.serviceBonusPool, b.serviceVariableShare, b.serviceAttrition, b);
  return {
    sales, resolveShare, misSold,
    salesLevel: withRampLoss(salesForce.level, salesForce.attrition, b.salesAttrition, b),
    serviceLevel: withRampLoss(serviceForce.level, serviceForce.attrition, b.serviceAttrition, b),
    salesAttrition: salesForce.attrition,
    serviceAttrition: serviceForce.attrition,
    salesPayroll: salesForce.payroll,
    servicePayroll: serviceForce.payroll,
  };
}

/** Resolution rate of human-handled contacts for a resolving share and service effort level, with agent assist. */
export function humanResolution(resolveShare: number, serviceLevel: number, plan: PlanValues, b: BehaviourValues): number {
  const effort = resolveShare * serviceLevel / b.resolveEffortShare;
  const own = effort === 1 ? b.resolutionRate : min(0.99, b.resolutionRate * pow(effort, b.elasticityResolution));
  return own + plan.agentAssist * (1 - own);
}

/** Share of all contacts left unresolved: human contacts and automated ones. */
export function unresolvedShare(resolveShare: number, serviceLevel: number, plan: PlanValues, b: BehaviourValues): number {
  const human = humanResolution(resolveShare, serviceLevel, plan, b);
  return (1 - plan.automationShare) * (1 - human) + plan.automationShare * (1 - b.automationResolution);
}

/** Annual churn caused by unresolved contacts (after saves), as a probability: 1 − (1 − u·p·(1 − save))^contacts. */
export function serviceChurn(contactsPerCustomer: number, unresolved: number, b: BehaviourValues): number {
  return -expm1(contactsPerCustomer * log1p(-unresolved * b.pChurnIfUnresolved * (1 - b.saveRate)));
}

/** The service part of the entered churn, under the baseline plan at the start. */
export function serviceChurnAtStart(seg: SegmentValues, b: BehaviourValues, baseline: PlanValues): number {
  return serviceChurn(seg.contactsPerCustomer, unresolvedShare(b.resolveEffortShare, 1, baseline, b), b);
}

/**
 * Cost of a contact handled by a person, relative to costPerContact: resolving takes time,
 * (s_res/s_res⁰)^φ; agent assist adds its own cost per contact.
 */
export function resolveCostFactor(resolveShare: number, b: BehaviourValues): number {
  const ratio = resolveShare / b.resolveEffortShare;
  return ratio === 1 ? 1 : pow(ratio, b.resolveCostElasticity);
}

/**
 * Share of the move to the new behaviour reached, averaged over the period [t0, t1] (years since the
 * plan starts): 1 − 2^(−t/h) averaged exactly, so annual and monthly runs see the same path.
 */
export function adoptionAverage(t0: number, t1: number, halfLife: number): number {
  if (!(halfLife > 1e-9)) return 1; // instant adoption (and no overflow of ln2/halfLife)
  const k = Math.LN2 / halfLife;
  return 1 - (exp(-k * t0) - exp(-k * t1)) / (k * (t1 - t0));
}

/**
 * Share of the base whose contract has renewed since the plan started, averaged over [t0, t1]:
 * renewals are spread evenly over the contract term, so the share rises linearly to 1 at `term`.
 */
export function renewedShareAverage(t0: number, t1: number, term: number): number {
  if (t0 >= term) return 1;
  return (renewedShareIntegral(t1, term) - renewedShareIntegral(t0, term)) / (t1 - t0);
}

/** ∫₀ᵗ min(1, τ/term) dτ. */
function renewedShareIntegral(t: number, term: number): number {
  return t <= term ? (t * t) / (2 * term) : term / 2 + (t - term);
}

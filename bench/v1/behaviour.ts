/* Frozen copy of model version 1 (the projection before issue 11), kept only so `npm run bench` can set its time beside version 2. Not used by the product. */
import type { BehaviourValues, PlanValues, SegmentValues } from '../../src/engine/model/catalogue';

/**
 * Section 5 of MODEL.md: how pay moves effort. Effort is reallocated, not created.
 *
 * Attraction form. MODEL.md writes s_i = f_i + (1 − Σf)·b_i·x_i / Σ b_j·x_j with x_i = (w_i/w_i⁰)^ε,
 * and requires s = b for identical plans. That holds only if the b inside the fraction is the *free*
 * share b'_i = (b_i − f_i)/(1 − Σf), so that is what we use: identical plans give s_i = f_i + b_i − f_i.
 * In floating point that sum rounds (0.5 comes back as 0.49999999999999994), so when pay changes
 * nothing (every ratio 1, or ε = 0) the baseline shares are returned as they are: s = b exactly, and
 * the baseline's projection never drifts from its inputs (MODEL.md sections 5 and 10).
 */
export function attractionShares(baseline: readonly number[], ratios: readonly number[], epsilon: number, floor: number): number[] {
  if (epsilon === 0 || ratios.every((r) => r === 1)) return baseline.slice();
  const n = baseline.length;
  const free = 1 - n * floor;
  let total = 0;
  const weights = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const freeShare = (baseline[i] - floor) / free;
    weights[i] = freeShare * Math.pow(ratios[i], epsilon);
    total += weights[i];
  }
  // All intensities zero (every proposed rate 0): only the floors remain, spread as the baseline was.
  if (!(total > 0)) return baseline.map((b) => b);
  return weights.map((w) => floor + free * (w / total));
}

/** The long-run behaviour a plan induces once fully adopted, relative to the baseline plan. */
export interface PlanBehaviour {
  /** Effort shares on acquire, retain, expand. */
  sales: [number, number, number];
  /** Share of service effort spent truly resolving. */
  resolveShare: number;
  /** Share of new customers mis-sold. */
  misSold: number;
}

export function salesBaseline(b: BehaviourValues): [number, number, number] {
  return [b.effortAcquire, b.effortRetain, b.effortExpand];
}

/**
 * w/w⁰, or 1 when the baseline puts nothing on it. Validation keeps flat baselines above 0; a baseline
 * paid on quotas can, in extreme cases, pay nothing at the margin (everyone far past the cap), and
 * then a plan is taken to change nothing there rather than infinitely much.
 */
function relative(w: number, w0: number): number {
  return w0 > 0 ? w / w0 : 1;
}

/**
 * Incentive intensity ratios w_i/w_i⁰. The ARR flow each activity earns on is the baseline's for both
 * plans, so it cancels and the ratio is the ratio of commission rates (for a plan paid on quotas, of
 * its effective rates: see quota-project.ts).
 */
export function salesIntensityRatios(plan: PlanValues, baseline: PlanValues): [number, number, number] {
  return [
    relative(plan.commissionNew, baseline.commissionNew),
    relative(plan.commissionRenewal, baseline.commissionRenewal),
    relative(plan.commissionExpansion, baseline.commissionExpansion),
  ];
}

export function planBehaviour(plan: PlanValues, baseline: PlanValues, b: BehaviourValues): PlanBehaviour {
  const ratios = salesIntensityRatios(plan, baseline);
  const sales = attractionShares(salesBaseline(b), ratios, b.responsiveness, b.effortFloor) as [number, number, number];
  // Service effort splits between resolving (paid through outcomeWeight) and closing (the rest).
  const serviceRatios = [relative(plan.outcomeWeight, baseline.outcomeWeight), relative(1 - plan.outcomeWeight, 1 - baseline.outcomeWeight)];
  const resolveShare = attractionShares([b.resolveEffortShare, 1 - b.resolveEffortShare], serviceRatios, b.responsiveness, b.effortFloor)[0];
  // Over-selling, relative to the baseline plan's own clawback so that identical plans give μ⁰ exactly.
  // Mis-selling is a response to pay like any other, so γ and δ act per unit of responsiveness:
  // with ε = 0 pay changes nothing but its own cost (MODEL.md section 10).
  const clawbackRelief = relative(1 - plan.clawback, 1 - baseline.clawback);
  const pressure = Math.pow(ratios[0], b.overSellingElasticity) * Math.pow(clawbackRelief, b.clawbackElasticity);
  const misSold = Math.min(0.9, b.misSoldShare * Math.pow(pressure, b.responsiveness));
  return { sales, resolveShare, misSold };
}

/** Resolution rate of human-handled contacts for a given resolving share, with agent assist. */
export function humanResolution(resolveShare: number, plan: PlanValues, b: BehaviourValues): number {
  const own = Math.min(0.99, b.resolutionRate * Math.pow(resolveShare / b.resolveEffortShare, b.elasticityResolution));
  return own + plan.agentAssist * (1 - own);
}

/** Share of all contacts left unresolved: human contacts and automated ones. */
export function unresolvedShare(resolveShare: number, plan: PlanValues, b: BehaviourValues): number {
  const human = humanResolution(resolveShare, plan, b);
  return (1 - plan.automationShare) * (1 - human) + plan.automationShare * (1 - b.automationResolution);
}

/** Annual churn caused by unresolved contacts (after saves). */
export function serviceChurn(contactsPerCustomer: number, unresolved: number, b: BehaviourValues): number {
  return contactsPerCustomer * unresolved * b.pChurnIfUnresolved * (1 - b.saveRate);
}

/** The service part of the entered churn, under the baseline plan at the start. */
export function serviceChurnAtStart(seg: SegmentValues, b: BehaviourValues, baseline: PlanValues): number {
  return serviceChurn(seg.contactsPerCustomer, unresolvedShare(b.resolveEffortShare, baseline, b), b);
}

/**
 * Share of the move to the new behaviour reached, averaged over the period [t0, t1] (years since the
 * plan starts): 1 − 2^(−t/h) averaged exactly, so annual and monthly runs see the same path.
 */
export function adoptionAverage(t0: number, t1: number, halfLife: number): number {
  if (!(halfLife > 1e-9)) return 1; // instant adoption (and no overflow of ln2/halfLife)
  const k = Math.LN2 / halfLife;
  return 1 - (Math.exp(-k * t0) - Math.exp(-k * t1)) / (k * (t1 - t0));
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

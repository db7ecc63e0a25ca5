/**
 * The behaviour path of one plan, per period (project.ts): shared by every segment, because the plan
 * is company-wide. Split from project.ts so that each file of the projection stays small.
 */
import type { BehaviourValues, PlanValues } from './catalogue';
import { resolveCostFactor, unresolvedShare, type PlanBehaviour } from './behaviour';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { exp, min, pow } = Math;

/** Behaviour of one plan per period, shared by every segment (the plan is company-wide). */
export const BEHAVIOUR_SERIES = [
  'effortAcquire', 'effortRetain', 'effortExpand', 'resolveShare', 'unresolved', 'misSold', 'adoption',
  'acquisitionFactor', 'salesChurnFactor', 'expansionFactor', 'contactsFactor',
  'salesLevel', 'serviceLevel', 'salesAttrition', 'serviceAttrition', 'handoffChurn', 'resolveCostFactor', 'peopleCost',
] as const;
export type BehaviourSeries = (typeof BEHAVIOUR_SERIES)[number];

/** Series name → row of the behaviour array (a literal, so that V8 keeps it a fast-property object). */
export const B = {
  effortAcquire: 0, effortRetain: 1, effortExpand: 2, resolveShare: 3, unresolved: 4, misSold: 5, adoption: 6,
  acquisitionFactor: 7, salesChurnFactor: 8, expansionFactor: 9, contactsFactor: 10,
  salesLevel: 11, serviceLevel: 12, salesAttrition: 13, serviceAttrition: 14, handoffChurn: 15, resolveCostFactor: 16, peopleCost: 17,
} as const;
export const SERIES_COUNT = BEHAVIOUR_SERIES.length;

/** (effort ratio)^elasticity, exactly 1 when effort is the baseline's. */
function effortFactor(ratio: number, elasticity: number): number {
  return ratio === 1 ? 1 : pow(ratio, elasticity);
}

/**
 * The behaviour path of a plan, per period (adoption moves each quantity from the baseline's value to
 * the plan's), into out[series · P + t]; and in `adopted` the same quantities fully adopted (for the
 * run-off of the horizon-end book; its contacts factor is the last period's). Writes every entry of
 * both, so buffers can be reused without clearing.
 */
export function behaviourPath(out: Float64Array, adopted: Float64Array, b: BehaviourValues, plan: PlanValues, target: PlanBehaviour, P: number, dt: number): void {
  // Prevention cuts contacts per customer by budget/costPerPoint percent a year, compounding.
  const preventionFactor = 1 - min(0.99, plan.preventionBudget / b.preventionCostPerPoint / 100);
  const targetAcquire = target.sales[0], targetRetain = target.sales[1], targetExpand = target.sales[2];
  // behaviour.ts adoptionAverage, with each period's exp(−k·t1) kept as the next period's exp(−k·t0)
  // (the same number: t1 of period t and t0 of period t + 1 are both (t + 1)·dt).
  const instant = !(b.adoptionHalfLife > 1e-9);
  const k = Math.LN2 / b.adoptionHalfLife;
  let startDecay = instant ? 1 : exp(-k * 0);
  for (let t = 0; t <= P; t++) {
    // t = P is the fully adopted row, written to `adopted` (its contacts factor is the last period's).
    const last = t === P;
    const row = last ? adopted : out;
    const stride = last ? 1 : P;
    const at = last ? 0 : t;
    let a = 1;
    if (!last && !instant) {
      const t0 = t * dt, t1 = (t + 1) * dt;
      const endDecay = exp(-k * t1);
      a = 1 - (startDecay - endDecay) / (k * (t1 - t0));
      startDecay = endDecay;
    }
    const acquire = b.effortAcquire + (targetAcquire - b.effortAcquire) * a;
    const retain = b.effortRetain + (targetRetain - b.effortRetain) * a;
    const expand = b.effortExpand + (targetExpand - b.effortExpand) * a;
    const resolve = b.resolveEffortShare + (target.resolveShare - b.resolveEffortShare) * a;
    const salesLevel = 1 + (target.salesLevel - 1) * a;
    const serviceLevel = 1 + (target.serviceLevel - 1) * a;
    const salesAttrition = b.salesAttrition + (target.salesAttrition - b.salesAttrition) * a;
    const serviceAttrition = b.serviceAttrition + (target.serviceAttrition - b.serviceAttrition) * a;
    row[B.effortAcquire * stride + at] = acquire;
    row[B.effortRetain * stride + at] = retain;
    row[B.effortExpand * stride + at] = expand;
    row[B.resolveShare * stride + at] = resolve;
    row[B.unresolved * stride + at] = unresolvedShare(resolve, serviceLevel, plan, b);
    row[B.misSold * stride + at] = b.misSoldShare + (target.misSold - b.misSoldShare) * a;
    row[B.adoption * stride + at] = a;
    // Outcomes respond to absolute effort (share × level) against the baseline share, with diminishing returns.
    row[B.acquisitionFactor * stride + at] = effortFactor(acquire * salesLevel / b.effortAcquire, b.elasticityAcquire);
    row[B.salesChurnFactor * stride + at] = effortFactor(retain * salesLevel / b.effortRetain, -b.elasticityRetain);
    row[B.expansionFactor * stride + at] = effortFactor(expand * salesLevel / b.effortExpand, b.elasticityExpand);
    // 1 to any (finite) power is 1: no prevention budget, no pow.
    row[B.contactsFactor * stride + at] = last ? out[B.contactsFactor * P + P - 1] : preventionFactor === 1 ? 1 : pow(preventionFactor, (t + 0.5) * dt);
    row[B.salesLevel * stride + at] = salesLevel;
    row[B.serviceLevel * stride + at] = serviceLevel;
    row[B.salesAttrition * stride + at] = salesAttrition;
    row[B.serviceAttrition * stride + at] = serviceAttrition;
    row[B.handoffChurn * stride + at] = (salesAttrition - b.salesAttrition) * b.handoffChurn;
    row[B.resolveCostFactor * stride + at] = resolveCostFactor(resolve, b);
    // People cost a year, company-wide: each leaver costs replacementCost × target pay.
    row[B.peopleCost * stride + at] = b.replacementCost * (salesAttrition * target.salesPayroll + serviceAttrition * target.servicePayroll);
  }
}

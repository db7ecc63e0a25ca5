import { type PlanValues, type SegmentValues, compare, type Comparison, project, type Projection, type Scenario } from '../model';
import type { Problem } from '../text';
import { projectWithQuotas, planUsesQuotas, rolesOf, roleKey } from '../quota';
import { assertValidScenario } from './validate';

export interface ScenarioResult {
  baseline: Projection;
  proposed: Projection[];
  comparisons: Comparison[];
}

/** Projects one plan of a scenario; plans with roles (or against a baseline with roles) go through the quota layer. */
export function projectPlan(s: Scenario, plan: PlanValues): Projection {
  if (planUsesQuotas(plan) || planUsesQuotas(s.baseline.values)) return projectWithQuotas(s, plan);
  const names = new Array<string>(s.segments.length);
  const values = new Array<SegmentValues>(s.segments.length);
  for (let i = 0; i < s.segments.length; i++) {
    names[i] = s.segments[i].name;
    values[i] = s.segments[i].values;
  }
  return project(s.settings, names, values, s.behaviour, s.baseline.values, plan);
}

/** Validates, then projects the baseline and every proposed plan and compares each with the baseline. */
export function runScenario(s: Scenario): ScenarioResult {
  assertValidScenario(s);
  return projectScenario(s);
}

/** runScenario for a scenario its caller has validated: projects the baseline and every proposed plan, compares each with the baseline. */
export function projectScenario(s: Scenario): ScenarioResult {
  const baseline = projectPlan(s, s.baseline.values);
  const proposed = s.proposed.map((p) => projectPlan(s, p.values));
  return { baseline, proposed, comparisons: proposed.map((p) => compare(baseline, p, s.settings)) };
}

const SCALED_KEYS = ['commissionNew', 'commissionRenewal', 'commissionExpansion', 'serviceBonusPool'] as const;

/**
 * The plan with its variable pay scaled: commission rates and the service bonus pool, and each role's
 * target variable pay (base salary kept, so on-target earnings and the variable share both move).
 */
export function scalePlan(plan: PlanValues, factor: number): PlanValues {
  const out = { ...plan };
  for (const key of SCALED_KEYS) out[key] = plan[key] * factor;
  const values = out as Record<string, number>;
  for (const role of rolesOf(plan)) {
    const base = role.values.ote * (1 - role.values.variableShare);
    const variable = role.values.ote * role.values.variableShare * factor;
    values[roleKey(role.id, 'ote')] = base + variable;
    values[roleKey(role.id, 'variableShare')] = base + variable > 0 ? variable / (base + variable) : role.values.variableShare;
  }
  return out;
}

function yearOneCompCost(p: Projection): number {
  let sum = 0;
  for (let t = 0; t < p.periodsPerYear; t++) sum += p.value('compCost', t);
  return sum;
}

/** What budgetNeutralPlan found: the scaled plan and its factor, or why no factor matches the budget. */
export interface BudgetNeutral {
  plan: PlanValues;
  factor: number;
  /**
   * Set when no factor can make the plan cost what the baseline costs in year 1 (it pays no variable
   * pay, or too little for any factor up to MAX_BUDGET_FACTOR): `plan` is then the plan as given and
   * `factor` 1, and a caller must say so rather than show them as budget neutral. Its key is "proposed":
   * callers name the plan.
   */
  problem?: Problem;
}

/** The largest factor budgetNeutralPlan tries (2^20: a plan paying a millionth of the baseline). */
export const MAX_BUDGET_FACTOR = 2 ** 20;

/**
 * Budget neutral: the factor on the proposed plan's commission rates and service bonus pool that makes
 * its year-1 comp cost equal the baseline's. Effort shares do not change with a common factor (the
 * attraction form is scale-free) but over-selling does, so the factor is found by bisection. A plan
 * that costs more than the baseline even with no variable pay gets factor 0 (the cheapest it can be).
 */
export function budgetNeutralPlan(s: Scenario, plan: PlanValues): BudgetNeutral {
  const target = yearOneCompCost(projectPlan(s, s.baseline.values));
  const costAt = (f: number) => yearOneCompCost(projectPlan(s, scalePlan(plan, f)));
  let lo = 0;
  let hi = 1;
  let costHi = costAt(hi);
  while (costHi < target && hi < MAX_BUDGET_FACTOR) costHi = costAt((hi *= 2));
  const costLo = costAt(lo);
  if (costLo > target) return { plan: scalePlan(plan, 0), factor: 0 };
  if (costHi < target) {
    const facts = { cost: Math.round(costHi), target: Math.round(target), factor: hi };
    const paysNothing = costHi === costLo;
    return { plan, factor: 1, problem: { code: 'inconsistent', key: 'proposed', detail: paysNothing ? 'budgetNoVariablePay' : 'budgetUnreachable', args: facts } };
  }
  for (let i = 0; i < 80 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (costAt(mid) < target) lo = mid;
    else hi = mid;
  }
  const factor = (lo + hi) / 2;
  return { plan: scalePlan(plan, factor), factor };
}

/**
 * The optimiser (MODEL.md section 9): the proposed-plan rates that maximise an objective, subject to
 * bounds on each rate and a compensation budget, found by boxsearch.ts (deterministic).
 *
 * - Decision rates: commissionNew, commissionRenewal, commissionExpansion, clawback, outcomeWeight.
 *   A rate with bounds varies within them; a rate without (or with min = max) stays at the starting
 *   plan's value (the baseline plan by default), as do the plan's other keys (bonus pool, prevention…).
 * - Objectives: customer equity of the plan (default: the same optimum as the largest customer-equity
 *   delta), NPV of its contribution over the horizon, or ARR at the end of the final year.
 * - Budgets: year-1 compensation cost, or compensation cost as a share of revenue over the horizon
 *   (Σ comp cost / Σ revenue), no higher than a limit (default: the baseline plan's own figure); or none.
 *   Infeasible points are pulled toward the cheapest rates the bounds allow (commissions at their
 *   minimum, clawback at its maximum).
 */
import {
  findSpec, type PlanValues, compare, customerEquity, type Comparison, presentValue, type Projection,
  type Scenario, runWork, runWorkInSlices, type Progress, type SliceOptions, type Work,
} from '../model';
import { maximizeInBox, type BoxOptimum } from './boxsearch';
import { invalid, ModelError, type Problem } from '../text';
import { projectPlan, assertValidScenario } from '../scenario';

export const DECISION_KEYS = ['commissionNew', 'commissionRenewal', 'commissionExpansion', 'clawback', 'outcomeWeight'] as const;
export type DecisionKey = (typeof DECISION_KEYS)[number];
export type Objective = 'customerEquity' | 'npv' | 'finalYearArr';
export const OBJECTIVES: readonly Objective[] = ['customerEquity', 'npv', 'finalYearArr'];
export type BudgetKind = 'year1CompCost' | 'compCostShare';
export const BUDGET_KINDS: readonly BudgetKind[] = ['year1CompCost', 'compCostShare'];

export type Budget = { kind: 'none' } | { kind: BudgetKind; limit?: number };

export interface OptimizeOptions {
  bounds: Partial<Record<DecisionKey, { min: number; max: number }>>;
  objective?: Objective;
  /** Default: year-1 comp cost no higher than the baseline plan's. */
  budget?: Budget;
  /** The plan whose other values the optimum keeps (default the baseline plan). */
  start?: PlanValues;
}

export interface OptimizeResult {
  plan: PlanValues;
  objective: Objective;
  value: number;
  /** The objective under the baseline plan, for comparison. */
  baselineValue: number;
  budget?: { kind: BudgetKind; limit: number; used: number; binding: boolean };
  /** Rates at a bound of their range (within 1e-6 of its width). */
  binding: { key: DecisionKey; at: 'lower' | 'upper' }[];
  /** Rates that did not vary (no bounds, or min = max). */
  fixed: DecisionKey[];
  projection: Projection;
  comparison: Comparison;
  evaluations: number;
}

export function objectiveValue(p: Projection, s: Scenario, objective: Objective): number {
  switch (objective) {
    case 'customerEquity': return customerEquity(p, s.settings);
    case 'npv': return presentValue(p.series('contribution'), s.settings.discountRate, p.periodsPerYear, s.settings.discountTiming === 1);
    case 'finalYearArr': return p.value('arr', p.periods - 1);
  }
}

export function budgetValue(p: Projection, kind: BudgetKind): number {
  const comp = p.series('compCost');
  if (kind === 'year1CompCost') {
    let sum = 0;
    for (let t = 0; t < p.periodsPerYear; t++) sum += comp[t];
    return sum;
  }
  const revenue = p.series('revenue');
  let c = 0, r = 0;
  for (let t = 0; t < p.periods; t++) {
    c += comp[t];
    r += revenue[t];
  }
  return r > 0 ? c / r : c > 0 ? Number.MAX_VALUE : 0;
}

function totalOf(series: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 0; t < series.length; t++) sum += series[t];
  return sum;
}

function boundsProblems(bounds: OptimizeOptions['bounds']): Problem[] {
  const problems: Problem[] = [];
  for (const [key, b] of Object.entries(bounds)) {
    const spec = findSpec(key);
    if (!spec || !(DECISION_KEYS as readonly string[]).includes(key)) {
      problems.push({ code: 'notAllowed', key: 'bounds', value: key, suggestion: DECISION_KEYS.join(', ') });
      continue;
    }
    for (const [end, v] of [['min', b!.min], ['max', b!.max]] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ code: 'notANumber', key: `bounds.${key}.${end}`, value: v, min: spec.min, max: spec.max });
      else if (v < spec.min || v > spec.max) problems.push({ code: 'outOfRange', key: `bounds.${key}.${end}`, value: v, min: spec.min, max: spec.max });
    }
    if (b!.min > b!.max) problems.push({ code: 'inconsistent', key: `bounds.${key}`, value: b!.min, detail: 'minAboveMax', args: { min: b!.min, max: b!.max } });
  }
  return problems;
}

interface OptimizeSetup {
  work: Work<OptimizeResult>;
}

function prepare(s: Scenario, o: OptimizeOptions): OptimizeSetup {
  assertValidScenario(s);
  const problems = boundsProblems(o.bounds);
  if (problems.length) throw new ModelError('invalid', problems);
  const objective = o.objective ?? 'customerEquity';
  if (!OBJECTIVES.includes(objective)) throw invalid({ code: 'notAllowed', key: 'objective', value: objective, suggestion: OBJECTIVES.join(', ') });
  const budget = o.budget ?? { kind: 'year1CompCost' };
  if (budget.kind !== 'none' && !BUDGET_KINDS.includes(budget.kind)) {
    throw invalid({ code: 'notAllowed', key: 'budget', value: budget.kind, suggestion: ['none', ...BUDGET_KINDS].join(', ') });
  }
  const start = { ...(o.start ?? s.baseline.values) };
  const baseline = projectPlan(s, s.baseline.values);
  // A share of no revenue is no number: say so rather than search against a sentinel (and report it as a budget).
  if (budget.kind === 'compCostShare' && !(totalOf(baseline.series('revenue')) > 0)) {
    throw invalid({ code: 'inconsistent', key: 'budget', value: 'comp_cost_share', detail: 'shareWithoutRevenue' });
  }
  const limit = budget.kind === 'none' ? undefined : budget.limit ?? budgetValue(baseline, budget.kind);
  if (limit !== undefined && !Number.isFinite(limit)) throw invalid({ code: 'notANumber', key: 'budget', value: limit });
  const lower = DECISION_KEYS.map((k) => o.bounds[k]?.min ?? start[k]);
  const upper = DECISION_KEYS.map((k) => o.bounds[k]?.max ?? start[k]);
  const planAt = (x: readonly number[]): PlanValues => {
    const plan = { ...start };
    DECISION_KEYS.forEach((k, i) => { plan[k] = x[i]; });
    return plan;
  };
  const evaluate = (x: readonly number[]) => {
    const p = projectPlan(s, planAt(x));
    return { objective: objectiveValue(p, s, objective), cost: budget.kind === 'none' ? 0 : budgetValue(p, budget.kind) };
  };
  // Cheapest rates: commissions at their minimum, clawback at its maximum; outcomeWeight costs nothing directly.
  const cheapest = (x: readonly number[]) => [lower[0], lower[1], lower[2], upper[3], x[4]];
  function* steps(): Work<OptimizeResult> {
    const best: BoxOptimum = yield* maximizeInBox({ lower, upper, evaluate, limit, cheapest });
    const plan = planAt(best.x);
    const projection = projectPlan(s, plan);
    return {
      plan, objective, value: best.objective, baselineValue: objectiveValue(baseline, s, objective),
      ...(limit === undefined || budget.kind === 'none' ? {} : { budget: { kind: budget.kind, limit, used: best.cost, binding: best.budgetBinding } }),
      binding: DECISION_KEYS.flatMap((key, i): OptimizeResult['binding'] => (best.atLower[i] ? [{ key, at: 'lower' }] : best.atUpper[i] ? [{ key, at: 'upper' }] : [])),
      fixed: DECISION_KEYS.filter((_, i) => !(upper[i] > lower[i])),
      projection,
      comparison: compare(baseline, projection, s.settings),
      evaluations: best.evaluations,
    };
  }
  return { work: steps() };
}

/** The optimiser as a generator (one unit per projection), for a caller that drives it (work.ts). Checks eagerly. */
export function optimizeWork(s: Scenario, options: OptimizeOptions): Work<OptimizeResult> {
  return prepare(s, options).work;
}

export function optimizePlan(s: Scenario, options: OptimizeOptions & Progress): OptimizeResult {
  return runWork(prepare(s, options).work, Infinity, { checkEvery: 100, ...options }, 'projections');
}

export function optimizePlanAsync(s: Scenario, options: OptimizeOptions & SliceOptions): Promise<OptimizeResult> {
  return runWorkInSlices(prepare(s, options).work, Infinity, { sliceUnits: 100, ...options }, 'projections');
}

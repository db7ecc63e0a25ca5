/**
 * The optimiser finds optima known in closed form, never returns a plan over budget, says which
 * constraints bind, and gives the same answer every time.
 */
import {
  budgetValue, customerEquity, defaultScenario, describeProblem, isCancellation, maximizeInBox, ModelError, objectiveValue,
  optimizePlan, optimizePlanAsync, projectPlan, runWork, type BoxProblem, type OptimizeOptions, type PlanValues,
} from '../../src/engine';

const solve = (p: BoxProblem) => runWork(maximizeInBox(p), Infinity);

describe('maximizeInBox (the search itself)', () => {
  it('finds an interior maximum', () => {
    const r = solve({ lower: [0, 0, 0], upper: [1, 1, 1], evaluate: ([x, y, z]) => ({ objective: -((x - 0.3) ** 2) - (y - 0.7) ** 2 - (z - 0.2) ** 2, cost: 0 }) });
    r.x.forEach((v, i) => expect(v).toBeCloseTo([0.3, 0.7, 0.2][i], 6));
    expect([...r.atLower, ...r.atUpper].some(Boolean)).toBe(false);
  });

  it('stops at a bound and says so', () => {
    const r = solve({ lower: [0, 0], upper: [1, 1], evaluate: ([x, y]) => ({ objective: -((x - 1.5) ** 2) - (y - 0.5) ** 2, cost: 0 }) });
    expect(r.x[0]).toBe(1);
    expect(r.x[1]).toBeCloseTo(0.5, 6);
    expect(r.atUpper).toEqual([true, false]);
  });

  it('meets a budget at the closed-form point: max −(x−0.8)² − (y−0.6)² with x + y ≤ 1 is (0.6, 0.4)', () => {
    // Lagrange: 2(0.8 − x) = 2(0.6 − y) = λ and x + y = 1 give x = 0.6, y = 0.4.
    const r = solve({ lower: [0, 0], upper: [1, 1], limit: 1,
      evaluate: ([x, y]) => ({ objective: -((x - 0.8) ** 2) - (y - 0.6) ** 2, cost: x + y }) });
    expect(r.x[0]).toBeCloseTo(0.6, 5);
    expect(r.x[1]).toBeCloseTo(0.4, 5);
    expect(r.cost).toBeLessThanOrEqual(1);
    expect(r.budgetBinding).toBe(true);
  });

  it('solves a fractional knapsack in five variables (best value per unit of cost first)', () => {
    // Values 5, 4, 3, 2, 1 per unit, costs 1, 2, 1, 4, 1: ratios 5, 2, 3, 0.5, 1. Budget 3: x0 = 1 (cost 1),
    // x2 = 1 (cost 1), then x1 = 0.5 (cost 1). Objective 5 + 3 + 2 = 10.
    const value = [5, 4, 3, 2, 1];
    const cost = [1, 2, 1, 4, 1];
    const r = solve({ lower: [0, 0, 0, 0, 0], upper: [1, 1, 1, 1, 1], limit: 3,
      evaluate: (x) => ({ objective: x.reduce((s, v, i) => s + value[i] * v, 0), cost: x.reduce((s, v, i) => s + cost[i] * v, 0) }) });
    expect(r.objective).toBeCloseTo(10, 4);
    r.x.forEach((v, i) => expect(v).toBeCloseTo([1, 0.5, 1, 0, 0][i], 3));
    expect(r.cost).toBeLessThanOrEqual(3);
  });

  it('says when even the cheapest point is over budget', () => {
    expect(() => solve({ lower: [1], upper: [2], limit: 0.5, evaluate: ([x]) => ({ objective: x, cost: x }) }))
      .toThrow(expect.objectContaining({ problems: [{ code: 'infeasible', key: 'budget', value: 0.5, min: 1 }] }));
  });
});

const ALL_BOUNDS: OptimizeOptions['bounds'] = {
  commissionNew: { min: 0.04, max: 0.14 },
  commissionRenewal: { min: 0.01, max: 0.08 },
  commissionExpansion: { min: 0.03, max: 0.12 },
  clawback: { min: 0, max: 0.7 },
  outcomeWeight: { min: 0.1, max: 0.9 },
};

describe('optimizePlan', () => {
  it('with ε = 0 (pay changes nothing but its cost) picks the cheapest rates the bounds allow: a closed-form corner', () => {
    // Behaviour, customers and revenue are the same under every plan, so customer equity falls with
    // each commission rate and rises with clawback: the optimum is the cheapest corner.
    const s = defaultScenario();
    Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
    const { outcomeWeight: _, ...bounds } = ALL_BOUNDS;
    const r = optimizePlan(s, { bounds });
    expect([r.plan.commissionNew, r.plan.commissionRenewal, r.plan.commissionExpansion, r.plan.clawback]).toEqual([0.04, 0.01, 0.03, 0.7]);
    expect(r.binding).toEqual([
      { key: 'commissionNew', at: 'lower' }, { key: 'commissionRenewal', at: 'lower' }, { key: 'commissionExpansion', at: 'lower' }, { key: 'clawback', at: 'upper' },
    ]);
    expect(r.fixed).toEqual(['outcomeWeight']);
    const corner: PlanValues = { ...s.baseline.values, commissionNew: 0.04, commissionRenewal: 0.01, commissionExpansion: 0.03, clawback: 0.7 };
    expect(r.value).toBe(customerEquity(projectPlan(s, corner), s.settings));
    expect(r.budget!.binding).toBe(false);
    expect(r.budget!.used).toBeLessThan(r.budget!.limit);
  });

  it('never returns a plan over budget, and no feasible grid point beats it', () => {
    const s = defaultScenario();
    const baseline = projectPlan(s, s.baseline.values);
    const limit = 0.75 * budgetValue(baseline, 'year1CompCost'); // tighter than the unconstrained optimum (about 0.79)
    const bounds = { commissionNew: ALL_BOUNDS.commissionNew, commissionRenewal: ALL_BOUNDS.commissionRenewal, commissionExpansion: ALL_BOUNDS.commissionExpansion };
    const r = optimizePlan(s, { bounds, objective: 'finalYearArr', budget: { kind: 'year1CompCost', limit } });
    expect(r.budget!.used).toBeLessThanOrEqual(limit);
    expect(r.budget!.binding).toBe(true);
    expect(budgetValue(r.projection, 'year1CompCost')).toBe(r.budget!.used);
    expect(r.value).toBe(objectiveValue(r.projection, s, 'finalYearArr'));
    const steps = [0, 0.2, 0.4, 0.6, 0.8, 1];
    for (const a of steps) for (const b of steps) for (const c of steps) {
      const plan = { ...s.baseline.values,
        commissionNew: 0.04 + a * 0.1, commissionRenewal: 0.01 + b * 0.07, commissionExpansion: 0.03 + c * 0.09 };
      const p = projectPlan(s, plan);
      if (budgetValue(p, 'year1CompCost') <= limit) expect(objectiveValue(p, s, 'finalYearArr')).toBeLessThanOrEqual(r.value * (1 + 1e-9));
    }
  });

  it('reports a binding budget: the share of revenue spent on pay at its limit', () => {
    const s = defaultScenario();
    const r = optimizePlan(s, { bounds: ALL_BOUNDS, objective: 'npv', budget: { kind: 'compCostShare', limit: 0.035 } });
    expect(r.budget).toMatchObject({ kind: 'compCostShare', limit: 0.035, binding: true });
    expect(r.budget!.used).toBeLessThanOrEqual(0.035);
    expect(r.budget!.used).toBeGreaterThan(0.035 * (1 - 1e-6));
  });

  it('is deterministic: the same inputs give the same plan, evaluation for evaluation', () => {
    const s = defaultScenario();
    const a = optimizePlan(s, { bounds: ALL_BOUNDS });
    const b = optimizePlan(s, { bounds: ALL_BOUNDS });
    expect(b.plan).toEqual(a.plan);
    expect(b.evaluations).toBe(a.evaluations);
    expect(a.value).toBeGreaterThanOrEqual(a.baselineValue);
    expect(a.comparison.customerEquityProposed).toBe(a.value);
  });

  it('checks every bound at once, naming the key, the value and the range', () => {
    const s = defaultScenario();
    try {
      optimizePlan(s, { bounds: { commissionNew: { min: 0.2, max: 0.1 }, clawback: { min: 0, max: 1.5 }, churn: { min: 0, max: 1 } } as never });
      throw new Error('no error');
    } catch (e) {
      expect((e as ModelError).problems.map((p) => describeProblem(p))).toEqual([
        'bounds.commissionNew: min 0.2 > max 0.1',
        'bounds.clawback.max: 1.5 is outside the valid range 0 – 1',
        'bounds: churn is not allowed; use one of commissionNew, commissionRenewal, commissionExpansion, clawback, outcomeWeight',
      ]);
    }
  });

  it('says when the budget cannot be met within the bounds', () => {
    const s = defaultScenario();
    try {
      optimizePlan(s, { bounds: { commissionNew: { min: 0.09, max: 0.1 } }, budget: { kind: 'year1CompCost', limit: 100_000 } });
      throw new Error('no error');
    } catch (e) {
      expect(describeProblem((e as ModelError).problems[0])).toMatch(/^budget: 100000 cannot be met within the bounds; the lowest reachable is 9\d{5}\.\d+$/);
      expect(describeProblem((e as ModelError).problems[0], 'es')).toMatch(/^budget: 100000 no se puede cumplir dentro de los límites/);
    }
  });

  it('can be cancelled', async () => {
    const s = defaultScenario();
    expect(() => optimizePlan(s, { bounds: ALL_BOUNDS, checkEvery: 50, isCancelled: () => true })).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'cancelled', value: 50 })] }));
    await optimizePlanAsync(s, { bounds: ALL_BOUNDS, pause: () => Promise.resolve(), isCancelled: () => true })
      .then(() => { throw new Error('not cancelled'); }, (e) => expect(isCancellation(e)).toBe(true));
  });
});

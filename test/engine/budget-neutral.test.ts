import fc from 'fast-check';
import {
  baselineFlows, budgetNeutralPlan, defaultScenario, describeProblem, MAX_BUDGET_FACTOR, planBehaviour as planBehaviourWith, projectPlan, scalePlan,
  type BehaviourValues, type PlanValues, type Projection, type Scenario,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/** run.ts budgetNeutralPlan: scale the proposal's pay until its year-1 comp cost is the baseline's. */

function planBehaviour(plan: PlanValues, baseline: PlanValues, b: BehaviourValues, s: Scenario = defaultScenario()) {
  return planBehaviourWith(plan, baseline, b, baselineFlows(s.segments.map((g) => g.values)));
}

function yearOneCompCost(p: Projection): number {
  let sum = 0;
  for (let t = 0; t < p.periodsPerYear; t++) sum += p.value('compCost', t);
  return sum;
}

describe('budgetNeutralPlan', () => {
  it('makes the proposal cost in year 1 what the baseline costs, to 1e-6 relative (property)', () => {
    const violations: string[] = [];
    // Annual and quarterly runs (monthly ones cost 3× as much per bisection step and add nothing here).
    fc.assert(fc.property(scenarioArbitrary({ periodsPerYear: fc.constantFrom(1, 4) }), (s) => {
      const target = yearOneCompCost(projectPlan(s, s.baseline.values));
      const { plan, factor } = budgetNeutralPlan(s, s.proposed[0].values);
      const cost = yearOneCompCost(projectPlan(s, plan));
      if (!(Math.abs(cost - target) <= 1e-6 * Math.max(Math.abs(target), 1))) {
        violations.push(`factor ${factor}: year-1 comp cost ${cost}, baseline ${target} (${s.settings.periodsPerYear} periods a year)`);
      }
    }), { numRuns: 20 }); // each run projects about 80 times (bisection)
    expect(violations).toEqual([]);
  });

  it('scales commission rates and the service bonus pool by the factor, and nothing else', () => {
    const s = defaultScenario();
    const proposed = s.proposed[0].values;
    const { plan, factor } = budgetNeutralPlan(s, proposed);
    expect(plan).toEqual({
      ...proposed,
      commissionNew: proposed.commissionNew * factor,
      commissionRenewal: proposed.commissionRenewal * factor,
      commissionExpansion: proposed.commissionExpansion * factor,
      serviceBonusPool: proposed.serviceBonusPool * factor,
    });
    expect(plan).toEqual(scalePlan(proposed, factor));
  });

  it('leaves the baseline plan as it is (factor 1)', () => {
    const s = defaultScenario();
    expect(budgetNeutralPlan(s, s.baseline.values).factor).toBeCloseTo(1, 9);
  });

  it('scales a plan that costs more down and one that costs less up', () => {
    const s = defaultScenario();
    const dearer = { ...s.baseline.values, commissionRenewal: 0.06 };
    const cheaper = { ...s.baseline.values, commissionNew: 0.05 };
    expect(budgetNeutralPlan(s, dearer).factor).toBeLessThan(1);
    expect(budgetNeutralPlan(s, cheaper).factor).toBeGreaterThan(1);
  });

  // Version 2: the pull (c/c⁰ + λ)/(1 + λ) keeps λ of it whatever the pay, so a common factor moves
  // effort only where λ > 0 (toward the activities whose rate rose most); with λ = 0 the form is scale-free.
  it('leaves effort shares where they were with no non-cash pull, since a common factor on every rate moves no effort', () => {
    const violations: string[] = [];
    fc.assert(fc.property(scenarioArbitrary(), fc.double({ min: 0.01, max: 100, noNaN: true }), (s, factor) => {
      s.behaviour.nonCashPull = 0;
      const plan: PlanValues = s.proposed[0].values;
      const before = planBehaviour(plan, s.baseline.values, s.behaviour, s);
      const after = planBehaviour(scalePlan(plan, factor), s.baseline.values, s.behaviour, s);
      const moved = Math.max(...before.sales.map((x, i) => Math.abs(x - after.sales[i])), Math.abs(before.resolveShare - after.resolveShare));
      if (moved > 1e-12) violations.push(`factor ${factor}: ${before.sales} → ${after.sales}`);
    }), { numRuns: 200 });
    expect(violations).toEqual([]);
  });

  it('does change mis-selling, which follows the level of pay on new deals, not its mix', () => {
    const s = defaultScenario();
    const plan = s.proposed[0].values;
    expect(planBehaviour(scalePlan(plan, 2), s.baseline.values, s.behaviour).misSold)
      .toBeGreaterThan(planBehaviour(plan, s.baseline.values, s.behaviour).misSold);
  });

  it('sums the four quarters of year 1 in a quarterly run', () => {
    const s = defaultScenario();
    s.settings.periodsPerYear = 4;
    const { plan } = budgetNeutralPlan(s, s.proposed[0].values);
    const quarters = projectPlan(s, plan);
    const baseline = projectPlan(s, s.baseline.values);
    expect(yearOneCompCost(quarters) / yearOneCompCost(baseline)).toBeCloseTo(1, 6);
    expect(quarters.value('compCost', 0)).not.toBeCloseTo(yearOneCompCost(baseline), 0); // not one quarter alone
  });

  it('says that no factor matches when the proposal pays no variable pay, instead of returning a factor of a million', () => {
    const s = defaultScenario();
    const none = { ...s.proposed[0].values, commissionNew: 0, commissionRenewal: 0, commissionExpansion: 0, serviceBonusPool: 0 };
    const target = Math.round(yearOneCompCost(projectPlan(s, s.baseline.values)));
    const r = budgetNeutralPlan(s, none);
    // The plan comes back as given (factor 1), flagged: a caller must not show it as budget neutral.
    expect(r.plan).toEqual(none);
    expect(r.factor).toBe(1);
    expect(r.problem).toEqual({ code: 'inconsistent', key: 'proposed', detail: 'budgetNoVariablePay', args: { cost: 0, target, factor: MAX_BUDGET_FACTOR } });
    expect(describeProblem(r.problem!)).toBe(`proposed: pays no commission or service bonus, so no factor on them changes its year-1 comp cost (0; the baseline's is ${target})`);
    expect(describeProblem(r.problem!, 'es')).toBe(`proposed: no paga comisiones ni bono de soporte, así que ningún factor sobre ellos cambia su coste de retribución del año 1 (0; el de la base es ${target})`);
  });

  it('says that no factor matches when even 2^20 times the proposal\'s pay costs less than the baseline', () => {
    const s = defaultScenario();
    const tiny = { ...s.proposed[0].values, commissionNew: 0, commissionRenewal: 1e-9, commissionExpansion: 0, serviceBonusPool: 0 };
    const r = budgetNeutralPlan(s, tiny);
    const cost = Math.round(yearOneCompCost(projectPlan(s, scalePlan(tiny, MAX_BUDGET_FACTOR))));
    const target = Math.round(yearOneCompCost(projectPlan(s, s.baseline.values)));
    expect(cost).toBeLessThan(target);
    expect(r).toEqual({ plan: tiny, factor: 1, problem: { code: 'inconsistent', key: 'proposed', detail: 'budgetUnreachable', args: { cost, target, factor: MAX_BUDGET_FACTOR } } });
    expect(describeProblem(r.problem!)).toBe(`proposed: no factor on its variable pay brings its year-1 comp cost to the baseline's (${target}): scaled × 1048576 it costs ${cost}`);
    expect(describeProblem(r.problem!, 'es')).toBe(`proposed: ningún factor sobre su retribución variable lleva su coste de retribución del año 1 al de la base (${target}): escalado × 1048576 cuesta ${cost}`);
  });

  it('flags no problem whenever a factor is found (property)', () => {
    fc.assert(fc.property(scenarioArbitrary({ periodsPerYear: fc.constant(1) }), (s) => {
      const r = budgetNeutralPlan(s, s.proposed[0].values);
      expect(r.problem === undefined || r.factor === 1).toBe(true);
      if (r.problem === undefined) expect(r.factor).toBeLessThan(MAX_BUDGET_FACTOR);
    }), { numRuns: 10 });
  });
});

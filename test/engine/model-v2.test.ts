import fc from 'fast-check';
import {
  attractionShares, baselineFlows, compare, customerEquity, defaultScenario, modelChangedSince, optimizePlan, planBehaviour, presentValue,
  projectPlan, runScenario, sbgSpanSurvival, scalePlan, SCENARIO_SCHEMA_VERSION, scenarioFromJson, scenarioToJson, yearly,
  type PlanValues, type Scenario,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/**
 * Model version 2 (MODEL.md sections 5, 6, 9 and 11): the four engine defects an independent
 * re-implementation found, each with the test that failed before the fix, and section 11's invariants.
 */

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

function withPpy(s: Scenario, ppy: number): Scenario {
  return { ...s, settings: { ...s.settings, periodsPerYear: ppy } };
}

function yearEnd(s: Scenario, plan: PlanValues, year: number) {
  return yearly(projectPlan(s, plan))[year];
}

describe('engine defects (a)–(d)', () => {
  it('(a) pays renewal commission on the ARR that renews in annual, quarterly and monthly runs alike', () => {
    // Before: NPV of the change 2.17M annual against 1.87M monthly on the default scenario (14 % apart).
    const s = defaultScenario();
    const npv = [1, 4, 12].map((ppy) => runScenario(withPpy(s, ppy)).comparisons[0].npvDelta);
    expect(relative(npv[2], npv[0])).toBeLessThan(0.02);
    expect(relative(npv[1], npv[0])).toBeLessThan(0.02);
    const renewal = [1, 12].map((ppy) => yearly(projectPlan(withPpy(s, ppy), s.proposed[0].values)).map((y) => y.commissionRenewal));
    renewal[0].forEach((annual, y) => expect(relative(renewal[1][y], annual)).toBeLessThan(0.01));
  });

  it('(b) gives new customers no churn before their first renewal nor right after it: the exact contract count', () => {
    // Every contract can end only at a renewal. With the baseline plan, 500 customers, 10 % churn and 120
    // new a year (nobody mis-sold), year y ends with 500·0.9^y + 120·Σ_{j<y} 0.9^j customers, whatever
    // the period length. Before: −2.4 % at year 5 in annual runs.
    const s = defaultScenario();
    s.behaviour.misSoldShare = 0;
    for (const ppy of [1, 4, 12]) {
      const years = yearly(projectPlan(withPpy(s, ppy), s.baseline.values));
      years.forEach((y, k) => {
        let exact = 500 * 0.9 ** (k + 1);
        for (let j = 0; j <= k; j++) exact += 120 * 0.9 ** j;
        expect(relative(y.customers, exact)).toBeLessThan(1e-9);
      });
    }
  });

  it('(c) under sBG, a starting tenure that is not a whole number of years gives the same year-end ARR annually and monthly', () => {
    // Before: 9.5 % apart at tenure 2.5; floor(mid − origin) put 0.6 % of monthly cohort-months on the wrong tenure.
    for (const tenure of [0.3, 2.5, 3, 7.75]) {
      const s = defaultScenario();
      Object.assign(s.segments[0].values, { sbgAlpha: 0.9, sbgBeta: 3.1, baseTenureYears: tenure });
      for (const plan of [s.baseline.values, s.proposed[0].values]) {
        const annual = yearEnd(s, plan, 4);
        const monthly = yearEnd(withPpy(s, 12), plan, 4);
        expect(relative(monthly.arr, annual.arr)).toBeLessThan(0.01);
        expect(relative(monthly.customers, annual.customers)).toBeLessThan(0.01);
      }
    }
  });

  it('(c) keeps each piece of a tenure span on its own renewal opportunity: twelve monthly steps equal one annual step (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), (alpha, beta, x, pressure) => {
        let months = 1;
        // Tenures computed the way the projection does, t·dt − origin, with their rounding.
        for (let m = 0; m < 12; m++) months *= sbgSpanSurvival(alpha, beta, (m / 12 + x) - 0, 1 / 12, pressure);
        expect(months).toBeCloseTo(sbgSpanSurvival(alpha, beta, x, 1, pressure), 12);
      }), { numRuns: 300 });
  });

  it('(d) reports an optimum at a bound at the bound itself, listed as binding, never as 1e-12', () => {
    // With ε = η = κ = 0 pay buys nothing, so every commission goes to its lower bound, 0.
    const s = defaultScenario();
    Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
    const b = s.baseline.values;
    const bounds = {
      commissionNew: { min: 0, max: 3 * b.commissionNew },
      commissionRenewal: { min: 0, max: 3 * b.commissionRenewal },
      commissionExpansion: { min: 0, max: 3 * b.commissionExpansion },
    };
    const r = optimizePlan(s, { bounds, budget: { kind: 'none' } });
    expect([r.plan.commissionNew, r.plan.commissionRenewal, r.plan.commissionExpansion]).toEqual([0, 0, 0]);
    expect(r.binding).toEqual([
      { key: 'commissionNew', at: 'lower' }, { key: 'commissionRenewal', at: 'lower' }, { key: 'commissionExpansion', at: 'lower' },
    ]);
  });

  it('(d) with version 2 the bounds 0 to 3× today\'s rates are usable: the default optimum pays, and says which rates sit at a bound', () => {
    const s = defaultScenario();
    const b = s.baseline.values;
    const bounds = {
      commissionNew: { min: 0, max: 3 * b.commissionNew },
      commissionRenewal: { min: 0, max: 3 * b.commissionRenewal },
      commissionExpansion: { min: 0, max: 3 * b.commissionExpansion },
    };
    const r = optimizePlan(s, { bounds, objective: 'npv', budget: { kind: 'none' } });
    // Version 1 paid about 1e-12 on everything: pay had no price in effort or people. Version 2 pays.
    expect(r.plan.commissionRenewal + r.plan.commissionExpansion).toBeGreaterThan(0.05);
    expect(r.comparison.npvDelta).toBeGreaterThan(0);
    // Every rate the report calls interior is inside its bounds by more than the tolerance.
    for (const key of ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const) {
      const at = r.binding.find((x) => x.key === key)?.at;
      if (at === 'lower') expect(r.plan[key]).toBe(0);
      else if (at === 'upper') expect(r.plan[key]).toBe(bounds[key].max);
      else expect(r.plan[key] > 1e-6 * bounds[key].max && r.plan[key] < bounds[key].max * (1 - 1e-6)).toBe(true);
    }
  });
});

describe('MODEL.md section 11 invariants (version 2)', () => {
  const s = defaultScenario();
  const base = projectPlan(s, s.baseline.values);
  const npvOfScale = (k: number) => compare(base, projectPlan(s, scalePlan(s.baseline.values, k)), s.settings).npvDelta;

  it('scaling every rate of the baseline plan by k has an interior best k for the NPV of the change', () => {
    const grid = Array.from({ length: 13 }, (_, i) => i * 0.25); // 0 … 3
    const npv = grid.map(npvOfScale);
    const best = grid[npv.indexOf(Math.max(...npv))];
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(3);
    expect(npvOfScale(0)).toBeLessThan(0);
    expect(npvOfScale(2)).toBeLessThan(0);
  });

  it('cutting every rate to zero lowers customer equity', () => {
    const zero = projectPlan(s, scalePlan(s.baseline.values, 0));
    expect(customerEquity(zero, s.settings)).toBeLessThan(customerEquity(base, s.settings));
  });

  it('no pull or share jumps as a rate goes to 0 (property)', () => {
    const flows = baselineFlows(s.segments.map((g) => g.values));
    fc.assert(fc.property(fc.constantFrom('commissionNew', 'commissionRenewal', 'commissionExpansion', 'outcomeWeight'),
      fc.double({ min: 1e-12, max: 1e-9, noNaN: true }), (key, tiny) => {
        const at = (v: number) => planBehaviour({ ...s.proposed[0].values, [key]: v }, s.baseline.values, s.behaviour, flows);
        const a = at(0);
        const b = at(tiny);
        const gaps = [...a.sales.map((x, i) => x - b.sales[i]), a.resolveShare - b.resolveShare, a.misSold - b.misSold, a.salesLevel - b.salesLevel];
        expect(Math.max(...gaps.map(Math.abs))).toBeLessThan(1e-6);
      }), { numRuns: 100 });
    // Attraction itself has no jump at zero once λ > 0 keeps every pull above 0.
    expect(attractionShares([0.7, 0.15, 0.15], [1 / 3, 1, 1], 0.6, 0.02)[0]).toBeGreaterThan(0.5);
  });

  it('no lever improves outcomes for free: resolving costs handle time, assist its price, prevention its budget, pay its amount (property)', () => {
    type Lever = (p: PlanValues) => PlanValues;
    const levers: Record<string, Lever> = {
      resolve: (p) => ({ ...p, outcomeWeight: Math.min(1, p.outcomeWeight + 0.3) }),
      assist: (p) => ({ ...p, agentAssist: Math.min(1, p.agentAssist + 0.3) }),
      prevention: (p) => ({ ...p, preventionBudget: p.preventionBudget + 200_000 }),
      pay: (p) => scalePlan(p, 1.5),
    };
    const violations: string[] = [];
    fc.assert(fc.property(scenarioArbitrary(), fc.constantFrom(...Object.keys(levers)), (sc, name) => {
      const plan = sc.baseline.values;
      const before = yearly(projectPlan(sc, plan));
      const after = yearly(projectPlan(sc, levers[name](plan)));
      const total = (ys: typeof before, f: (y: (typeof before)[number]) => number) => ys.reduce((sum, y) => sum + f(y), 0);
      const better = total(after, (y) => y.churnedCustomers) < total(before, (y) => y.churnedCustomers) - 1e-9
        || total(after, (y) => y.newCustomers) > total(before, (y) => y.newCustomers) + 1e-9;
      if (!better) return;
      const cost = (ys: typeof before) => total(ys, (y) => y.contactCost / Math.max(1e-12, y.contacts)) * 1e-9
        + total(ys, (y) => y.preventionSpend + y.compCost);
      const unitCost = (ys: typeof before) => total(ys, (y) => (y.contacts > 0 ? y.contactCost / y.contacts : 0));
      const paid = unitCost(after) > unitCost(before) + 1e-12 || cost(after) > cost(before) + 1e-9;
      if (!paid) violations.push(`${name} improved outcomes for free`);
    }), { numRuns: 150 });
    expect(violations).toEqual([]);
  });

  it('period granularity: annual, quarterly and monthly agree on ARR and customers within 1 %, on NPV of the change within 2 % (flat and sBG)', () => {
    const variants: [string, (s: Scenario) => void][] = [
      ['flat', () => undefined],
      ['sBG, tenure 2.5', (x) => Object.assign(x.segments[0].values, { sbgAlpha: 0.7, sbgBeta: 2.5, baseTenureYears: 2.5 })],
      ['sBG, tenure 0.3, 10 years', (x) => { Object.assign(x.segments[0].values, { sbgAlpha: 1.2, sbgBeta: 4, baseTenureYears: 0.3 }); x.settings.horizonYears = 10; }],
      ['two-year contracts', (x) => { x.segments[0].values.contractTermYears = 2; }],
    ];
    for (const [name, change] of variants) {
      const sc = defaultScenario();
      change(sc);
      const runs = [1, 4, 12].map((ppy) => runScenario(withPpy(sc, ppy)));
      for (const r of runs.slice(1)) {
        const years = [yearly(runs[0].proposed[0]), yearly(r.proposed[0])];
        years[0].forEach((y, k) => {
          if (relative(years[1][k].arr, y.arr) >= 0.01 || relative(years[1][k].customers, y.customers) >= 0.01) throw new Error(`${name}, year ${k + 1}`);
        });
        if (relative(r.comparisons[0].npvDelta, runs[0].comparisons[0].npvDelta) >= 0.02) throw new Error(`${name}: NPV of the change`);
      }
    }
  });

  it('terminal value: extending the horizon moves horizon PV + terminal value by under 1 % for a steady-state book', () => {
    // A book with no new customers and no fixed costs (every cost per customer or per ARR), flat and sBG.
    for (const sbg of [false, true]) {
      const sc = defaultScenario();
      Object.assign(sc.segments[0].values, { newCustomers: 0 }, sbg ? { sbgAlpha: 0.7, sbgBeta: 2.5, baseTenureYears: 2 } : {});
      Object.assign(sc.behaviour, { replacementCost: 0 });
      for (const p of [sc.baseline, ...sc.proposed]) p.values.serviceBonusPool = 0;
      for (const ppy of [1, 12]) {
        const equity = (h: number) => {
          const x = { ...sc, settings: { ...sc.settings, horizonYears: h, periodsPerYear: ppy } };
          const r = runScenario(x);
          return [customerEquity(r.baseline, x.settings), customerEquity(r.proposed[0], x.settings)];
        };
        const at5 = equity(5);
        for (const h of [6, 8, 10]) equity(h).forEach((v, i) => expect(relative(v, at5[i])).toBeLessThan(0.01));
      }
    }
  });

  it('reports the terminal value\'s share of customer equity, between 0 and 1 for a profitable book', () => {
    const r = runScenario(s);
    const c = r.comparisons[0];
    const pv = presentValue(r.baseline.series('contribution'), 0.1, 1, false);
    expect(c.terminalShareBaseline).toBeCloseTo(1 - pv / c.customerEquityBaseline, 12);
    expect(c.terminalShareBaseline).toBeGreaterThan(0);
    expect(c.terminalShareBaseline).toBeLessThan(1);
  });
});

describe('scenarios saved under model version 1', () => {
  it('load into version 2: the new keys take their defaults, and the file says the model changed', () => {
    // A version-1 file (schema 1) knows none of model 2's keys; the reader fills them from the catalogue.
    const v1 = scenarioToJson(defaultScenario());
    v1.schemaVersion = 1;
    for (const key of ['nonCashPull', 'effortElasticity', 'salesAttrition', 'attritionElasticity', 'replacementCost', 'misSoldFloor', 'assistCostPerContact']) {
      delete (v1.behaviour as Record<string, number>)[key];
    }
    delete (v1.segments![0].values as Record<string, number>).walletMultiple;
    const s = scenarioFromJson(v1);
    expect(s.behaviour.nonCashPull).toBe(0.5);
    expect(s.behaviour.effortElasticity).toBe(0.3);
    expect(s.behaviour.replacementCost).toBe(0.5);
    expect(s.segments[0].values.walletMultiple).toBe(4);
    expect(modelChangedSince(v1)).toBe(true);
    expect(modelChangedSince({})).toBe(true);
    expect(modelChangedSince({ schemaVersion: 2 })).toBe(true);
    expect(modelChangedSince(scenarioToJson(s))).toBe(false);
    expect(scenarioToJson(s).schemaVersion).toBe(SCENARIO_SCHEMA_VERSION);
  });
});

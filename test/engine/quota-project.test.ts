import fc from 'fast-check';
import {
  budgetNeutralPlan, compare, defaultScenario, deltaSeries, expectedPayout, METRICS, projectPlan, quotaReport, rolesOf,
  runScenario, shareAtOrAboveQuota, targetPay, curveOf, yearly,
  type Metric, type PlanValues, type Projection, type Scenario,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';
import { flatEquivalent, largestYearlyOutcome, quotaLayer, withQuotaKeys } from './quota-arbitraries';

/** MODEL.md section 8 through the projection: what a quota layer does to behaviour, pay and money. */

/** Where two projections differ by more than `tolerance` relative (every metric, segment and period). */
function differences(a: Projection, b: Projection, tolerance: number): string[] {
  const out: string[] = [];
  for (let seg = 0; seg <= a.totalIndex; seg++) {
    for (const m of METRICS) {
      for (let t = 0; t < a.periods; t++) {
        const [x, y] = [a.value(m, t, seg), b.value(m, t, seg)];
        if (Math.abs(x - y) > tolerance * Math.max(1, Math.abs(x))) out.push(`${m} segment ${seg} period ${t + 1}: ${x} vs ${y}`);
      }
    }
  }
  for (let i = 0; i < a.terminalValue.length; i++) {
    const [x, y] = [a.terminalValue[i], b.terminalValue[i]];
    if (Math.abs(x - y) > tolerance * Math.max(1, Math.abs(x))) out.push(`terminal value ${i}: ${x} vs ${y}`);
  }
  return out;
}

describe('a plan with one role whose weights match flat rates', () => {
  it('reproduces the flat-rate projection of the default scenario, year by year', () => {
    const s = defaultScenario();
    const flat = s.proposed[0].values;
    const equivalent = flatEquivalent(flat, largestYearlyOutcome(projectPlan(s, flat)));
    expect(differences(projectPlan(s, flat), projectPlan(s, equivalent), 1e-12)).toEqual([]);
  });

  it('reproduces it for random scenarios, periods and plans, as the proposal and as the baseline (property)', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      const flat = s.proposed[0].values;
      const scale = Math.max(largestYearlyOutcome(projectPlan(s, flat)), largestYearlyOutcome(projectPlan(s, s.baseline.values)));
      expect(differences(projectPlan(s, flat), projectPlan(s, flatEquivalent(flat, scale)), 1e-9)).toEqual([]);
      // The baseline paid on quotas: the flat proposal responds to it as to the flat baseline.
      const quotaBaseline: Scenario = { ...s, baseline: { name: 'quota', values: flatEquivalent(s.baseline.values, scale) } };
      expect(differences(projectPlan(s, flat), projectPlan(quotaBaseline, flat), 1e-9)).toEqual([]);
    }), { numRuns: 60 });
  });
});

describe('a plan with a quota layer', () => {
  const arbitrary = fc.tuple(scenarioArbitrary({ periodsPerYear: fc.constantFrom(1, 4) }), quotaLayer);

  it('keeps MODEL.md section 6: comp cost is the sum of its lines, contribution what is left (property)', () => {
    fc.assert(fc.property(arbitrary, ([s, layer]) => {
      const p = projectPlan(s, withQuotaKeys(s.proposed[0].values, layer));
      const bad: string[] = [];
      for (let seg = 0; seg <= p.totalIndex; seg++) {
        for (let t = 0; t < p.periods; t++) {
          const v = (m: Metric) => p.value(m, t, seg);
          const lines = v('commissionNew') + v('commissionRenewal') + v('commissionExpansion') - v('clawbacks') + v('serviceBonus');
          if (Math.abs(v('compCost') - lines) > 1e-9 * Math.max(1, Math.abs(lines))) bad.push(`comp cost ${seg}/${t}`);
          const left = v('grossProfit') - v('compCost') - v('peopleCost') - v('acquisitionSpend') - v('preventionSpend');
          if (Math.abs(v('contribution') - left) > 1e-9 * Math.max(1, Math.abs(left))) bad.push(`contribution ${seg}/${t}`);
          for (const m of METRICS) if (!Number.isFinite(v(m))) bad.push(`${m} ${seg}/${t} is ${v(m)}`);
        }
      }
      expect(bad).toEqual([]);
    }), { numRuns: 80 });
  });

  it('pays each role, year by year, what the closed form says for its expected attainment (property)', () => {
    fc.assert(fc.property(arbitrary, ([s, layer]) => {
      const plan = withQuotaKeys(s.proposed[0].values, layer);
      const p = projectPlan(s, plan);
      const report = quotaReport(p)!;
      const roles = rolesOf(plan);
      const years = yearly(p);
      report.roles.forEach((r, i) => r.years.forEach((y, k) => {
        for (const c of y.components) {
          const values = roles[i].components[c.component]!;
          expect(c.expectedAttainment).toBeCloseTo(c.outcome / (roles[i].values.headcount * values.quota), 12);
          expect(c.payout).toBeCloseTo(roles[i].values.headcount * targetPay(roles[i], values) * expectedPayout(curveOf(values), c.expectedAttainment, s.behaviour.attainmentCV), 6);
          expect(c.atOrAboveQuota).toBe(shareAtOrAboveQuota(c.expectedAttainment, s.behaviour.attainmentCV));
        }
        expect(y.variablePay).toBeCloseTo(y.payout - y.clawback, 6);
        expect(y.variablePayShareOfRevenue).toBeCloseTo(y.variablePay / years[k].revenue, 12);
      }));
      report.years.forEach((y, k) => expect(y.compCostShareOfRevenue).toBeCloseTo(years[k].compCost / years[k].revenue, 12));
    }), { numRuns: 60 });
  });

  it('with ε = η = κ = 0 changes no flow and adds its variable pay, and only that, to comp cost (property)', () => {
    fc.assert(fc.property(arbitrary, ([s, layer]) => {
      Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
      const flat = yearly(projectPlan(s, s.proposed[0].values));
      const p = projectPlan(s, withQuotaKeys(s.proposed[0].values, layer));
      yearly(p).forEach((y, k) => {
        for (const m of ['customers', 'arr', 'revenue', 'grossProfit'] as const) expect(y[m]).toBe(flat[k][m]);
        const added = y.compCost - flat[k].compCost;
        expect(Math.abs(added - quotaReport(p)!.years[k].variablePay)).toBeLessThanOrEqual(1e-9 * Math.max(1, y.compCost));
      });
    }), { numRuns: 40 });
  });

  it('against itself gives exactly zero deltas and the baseline effort shares', () => {
    fc.assert(fc.property(arbitrary, ([s, layer]) => {
      const baseline = withQuotaKeys(s.baseline.values, layer);
      const q: Scenario = { ...s, baseline: { name: 'quota', values: baseline } };
      const a = projectPlan(q, baseline);
      const b = projectPlan(q, { ...baseline });
      for (const m of METRICS) expect(Array.from(deltaSeries(a, b, m)).every((d) => d === 0)).toBe(true);
      for (const [series, share] of [['effortAcquire', s.behaviour.effortAcquire], ['effortRetain', s.behaviour.effortRetain]] as const) {
        for (const v of b.behaviourSeries(series)) expect(v).toBeCloseTo(share, 14);
      }
    }), { numRuns: 40 });
  });
});

describe('incentives at the margin move effort', () => {
  const s = defaultScenario();
  const plan = (curve: Record<string, number>): PlanValues => withQuotaKeys(s.baseline.values, {
    'ae.headcount': 10, 'ae.ote': 120_000, 'ae.variableShare': 0.5, 'ae.newArr.quota': 288_000, ...curve,
  });
  const acquire = (p: PlanValues) => projectPlan(s, p).behaviourSeries('effortAcquire')[2];

  it('an accelerator above quota raises effort on new deals; a cap at 100 % lowers it', () => {
    const linear = acquire(plan({}));
    expect(acquire(plan({ 'ae.newArr.accelerator': 2 }))).toBeGreaterThan(linear);
    expect(acquire(plan({ 'ae.newArr.cap': 1 }))).toBeLessThan(linear);
  });

  it('reports the effective rate: target/quota × slope', () => {
    // Target pay 60,000 over a quota of 288,000 pays 0.2083 per unit of new ARR, except above the default
    // cap of 3: the baseline's 2.88 M of new ARR is exactly the 10 reps' quota (ā = 1), and with cv 0.35
    // the slope is E[A/ā; A < 3] = Φ(d(3) − σ) = Φ((ln 3 + σ²/2)/σ − σ) = Φ(3.0617) = 0.99890.
    const report = quotaReport(projectPlan(s, plan({})))!;
    expect(report.incentives[0]).toMatchObject({ role: 'ae', component: 'newArr' });
    expect(report.incentives[0].expectedAttainment).toBeCloseTo(1, 12);
    expect(report.incentives[0].slope).toBeCloseTo(0.998900, 6);
    expect(report.incentives[0].rate).toBeCloseTo((60_000 / 288_000) * 0.998900, 6);
    expect(report.effective.commissionNew).toBeCloseTo(s.baseline.values.commissionNew + report.incentives[0].rate, 12);
  });
});

describe('budget neutral with roles', () => {
  it('scales target variable pay until year-1 comp cost matches the baseline, keeping base salaries', () => {
    const s = defaultScenario();
    const proposal = withQuotaKeys(s.proposed[0].values, {
      'am.headcount': 6, 'am.ote': 140_000, 'am.variableShare': 0.4,
      'am.renewal.weight': 0.7, 'am.renewal.quota': 1_800_000, 'am.expansion.weight': 0.3, 'am.expansion.quota': 250_000, 'am.expansion.accelerator': 2,
    });
    const { plan, factor } = budgetNeutralPlan(s, proposal);
    const yearOne = (p: PlanValues) => yearly(projectPlan(s, p))[0].compCost;
    expect(yearOne(plan)).toBeCloseTo(yearOne(s.baseline.values), 2);
    const [before] = rolesOf(proposal);
    const [after] = rolesOf(plan);
    expect(after.values.ote * (1 - after.values.variableShare)).toBeCloseTo(before.values.ote * (1 - before.values.variableShare), 6);
    expect(after.values.ote * after.values.variableShare).toBeCloseTo(before.values.ote * before.values.variableShare * factor, 6);
  });
});

describe('the comparison', () => {
  it('runs a validated scenario whose proposal pays on quotas, and compares it with the baseline', () => {
    const s = defaultScenario();
    s.proposed[0].values = withQuotaKeys(s.proposed[0].values, { 'ae.headcount': 8, 'ae.ote': 150_000, 'ae.newArr.quota': 400_000, 'ae.newArr.threshold': 0.5 });
    const r = runScenario(s);
    expect(quotaReport(r.proposed[0])!.roles.map((x) => x.id)).toEqual(['ae']);
    expect(quotaReport(r.baseline)).toBeUndefined();
    expect(compare(r.baseline, r.proposed[0], s.settings).year1CompCostDelta).toBeCloseTo(yearly(r.proposed[0])[0].compCost - yearly(r.baseline)[0].compCost, 6);
  });
});

describe('effort level, attrition and people cost of a quota plan (MODEL.md sections 5 and 8)', () => {
  // Today's new-deal commission (10 % of 2.88M new ARR a year) paid instead to 4 executives with 288,000
  // of target variable pay between them. With a quota of 360,000 each they attain about 200 % and a cap
  // at 100 % pays them their full target: the same pay as today, but nothing at the margin.
  const s = defaultScenario();
  const today = s.baseline.values;
  const role = (quota: number, cap: number) => withQuotaKeys({ ...today, commissionNew: 0 }, {
    'ae.headcount': 4, 'ae.ote': 144_000, 'ae.variableShare': 0.5, 'ae.newArr.quota': quota, 'ae.newArr.cap': cap,
  });

  it('follow expected pay, not the marginal rate: a capped curve that pays in full keeps effort and people', () => {
    // Before: the marginal rate (0.27 %) × new ARR stood for the executives' pay, so effort fell 16 % and
    // sales attrition rose from 25 % to 37 % although they were paid as much as today.
    const capped = projectPlan(s, role(360_000, 1));
    const target = capped.behaviourSeries('salesAttrition');
    expect(quotaReport(capped)!.effective.commissionNew).toBeLessThan(0.01); // little pull toward new deals at the margin
    expect(yearly(capped)[0].commissionNew).toBeCloseTo(288_000, -4); // and yet paid about as today
    target.forEach((a) => expect(Math.abs(a - s.behaviour.salesAttrition)).toBeLessThan(0.005));
    capped.behaviourSeries('salesLevel').forEach((level) => expect(Math.abs(level - 1)).toBeLessThan(0.005));
  });

  it('a curve paying half its target lowers the effort level and raises attrition as halving the flat commission does', () => {
    // Linear curve (cap 100), target pay halved: expected pay as with commissionNew at 5 %.
    const halfPaid = projectPlan(s, withQuotaKeys({ ...today, commissionNew: 0 }, {
      'ae.headcount': 4, 'ae.ote': 72_000, 'ae.variableShare': 0.5, 'ae.newArr.quota': 720_000, 'ae.newArr.cap': 100,
    }));
    const flatHalf = projectPlan(s, { ...today, commissionNew: 0.05 });
    for (const series of ['salesLevel', 'salesAttrition', 'peopleCost'] as const) {
      const [a, b] = [halfPaid.behaviourSeries(series), flatHalf.behaviourSeries(series)];
      a.forEach((x, t) => expect(x).toBeCloseTo(b[t], 6));
    }
  });
});

import fc from 'fast-check';
import {
  compare, customerEquity, deltaSeries, METRICS, presentValue, projectPlan, runScenario, yearly,
  type Metric, type Projection, type Scenario,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/** MODEL.md section 10: every invariant as a property over random valid scenarios. */
const runs = { numRuns: 200 };

describe('MODEL.md section 10 invariants', () => {
  it('the baseline plan against itself gives exactly zero deltas and baseline behaviour', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      const a = projectPlan(s, s.baseline.values);
      const b = projectPlan(s, { ...s.baseline.values });
      for (const m of METRICS) expect(Array.from(deltaSeries(a, b, m)).every((d) => d === 0)).toBe(true);
      expect(Array.from(b.behaviourSeries('effortAcquire'))).toEqual(new Array(b.periods).fill(s.behaviour.effortAcquire));
      expect(Array.from(b.behaviourSeries('effortRetain'))).toEqual(new Array(b.periods).fill(s.behaviour.effortRetain));
      expect(Array.from(b.behaviourSeries('resolveShare'))).toEqual(new Array(b.periods).fill(s.behaviour.resolveEffortShare));
      const c = compare(a, b, s.settings);
      expect([c.npvDelta, c.customerEquityDelta, c.shortTermSacrifice, c.tenureNpvDelta]).toEqual([0, 0, 0, 0]);
      expect(c.crossoverPeriod).toBe(1);
    }), runs);
  });

  it('with ε = η = κ = 0, a plan that changes only pay changes nothing but compensation cost', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
      // Only pay keys differ; operational levers (automation, assist, prevention) are the baseline's.
      const pay = { ...s.baseline.values, ...pick(s.proposed[0].values, ['commissionNew', 'commissionRenewal', 'commissionExpansion', 'clawback', 'outcomeWeight', 'serviceBonusPool']) };
      const a = projectPlan(s, s.baseline.values);
      const b = projectPlan(s, pay);
      for (const m of ['customers', 'arr', 'newCustomers', 'churnedArr', 'expansionArr', 'revenue', 'grossProfit', 'contactCost'] as const) {
        expect(Array.from(deltaSeries(a, b, m)).every((d) => d === 0)).toBe(true);
      }
    }), runs);
  });

  it('ARR and customer identities hold every period; nothing negative; every output finite', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      const r = runScenario(s);
      // One expect per projection: jest's expect is slow enough that thousands per run make shrinking take minutes.
      for (const p of [r.baseline, ...r.proposed]) expect(identityViolations(p)).toEqual([]);
    }), runs);
  });

  // Under an sBG curve `churn` is only the reference that splits sales from service churn, so the
  // property is about flat churn.
  it('raising churn never raises customer equity when every customer is profitable', () => {
    fc.assert(fc.property(scenarioArbitrary({ flatOnly: true }), fc.double({ min: 0.001, max: 0.1, noNaN: true }), (s, bump) => {
      const higher = withSegments(s, (v) => ({ ...v, churn: Math.min(0.95, v.churn + bump) }));
      fc.pre(profitablePerCustomer(s) && profitablePerCustomer(higher));
      for (const plan of [s.baseline.values, s.proposed[0].values]) {
        const before = customerEquity(projectPlan(s, plan), s.settings);
        const after = customerEquity(projectPlan(higher, plan), higher.settings);
        expect(after).toBeLessThanOrEqual(before + 1e-6 * Math.abs(before));
      }
    }), runs);
  });

  it('raising the discount rate never raises the present value of a positive stream', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 120 }),
      fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.constantFrom(1, 4, 12), fc.boolean(),
      (stream, rate, bump, ppy, end) => {
        expect(presentValue(stream, rate + bump, ppy, end)).toBeLessThanOrEqual(presentValue(stream, rate, ppy, end) * (1 + 1e-12));
      }));
  });

  // "Flat-rate": flat churn. A steep sBG curve read at mid-period tenure is coarser in annual steps.
  it('annual, quarterly and monthly runs of a flat-rate scenario agree on year-end ARR within 1 %', () => {
    fc.assert(fc.property(scenarioArbitrary({ periodsPerYear: fc.constant(1), flatOnly: true }), (s) => {
      const at = (ppy: number) => {
        const copy: Scenario = { ...s, settings: { ...s.settings, periodsPerYear: ppy } };
        return [yearly(projectPlan(copy, copy.baseline.values)), yearly(projectPlan(copy, copy.proposed[0].values))];
      };
      const annual = at(1);
      for (const ppy of [4, 12]) {
        const other = at(ppy);
        for (let plan = 0; plan < 2; plan++) {
          annual[plan].forEach((row, y) => {
            const arr = other[plan][y].arr;
            expect(Math.abs(arr - row.arr)).toBeLessThanOrEqual(0.01 * Math.max(row.arr, 1));
          });
        }
      }
    }), { numRuns: 40 });
  });
});

const MAY_BE_NEGATIVE = new Set(['grossProfit', 'contribution', 'compCost', 'contactsPrevented']);

/** Where a projection breaks MODEL.md section 6: the identities to the cent (relative for huge books), signs, finiteness. */
function identityViolations(p: Projection): string[] {
  const out: string[] = [];
  const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));
  for (let seg = 0; seg <= p.totalIndex; seg++) {
    for (let t = 0; t < p.periods; t++) {
      const v = (m: Metric) => p.value(m, t, seg);
      const where = `segment ${seg}, period ${t + 1}`;
      const arrEnd = v('arrBegin') + v('newArr') + v('expansionArr') - v('contractionArr') - v('churnedArr');
      if (Math.abs(v('arr') - arrEnd) > Math.min(0.005, 1e-12 * v('arr')) + 1e-9 * Math.max(1, v('arr'))) out.push(`${where}: ARR identity off by ${v('arr') - arrEnd}`);
      const customersEnd = v('customersBegin') + v('newCustomers') - v('churnedCustomers');
      if (!close(v('customers'), customersEnd, v('customers'))) out.push(`${where}: customer identity off by ${v('customers') - customersEnd}`);
      if (t > 0 && !close(v('arrBegin'), p.value('arr', t - 1, seg), v('arrBegin'))) out.push(`${where}: opening ARR is not last closing ARR`);
      if (t > 0 && !close(v('customersBegin'), p.value('customers', t - 1, seg), v('customersBegin'))) out.push(`${where}: opening customers are not last closing customers`);
      for (const m of METRICS) {
        if (!Number.isFinite(v(m))) out.push(`${where}: ${m} is ${v(m)}`);
        else if (v(m) < 0 && !MAY_BE_NEGATIVE.has(m)) out.push(`${where}: ${m} is negative (${v(m)})`);
      }
    }
  }
  if (!Number.isFinite(p.terminalValue[p.totalIndex])) out.push(`terminal value is ${p.terminalValue[p.totalIndex]}`);
  return out;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

function withSegments(s: Scenario, f: (v: Scenario['segments'][number]['values']) => Scenario['segments'][number]['values']): Scenario {
  return { ...s, segments: s.segments.map((g) => ({ name: g.name, values: f(g.values) })) };
}

/**
 * Every customer brings more margin than it costs to keep, under both plans, in every period, its
 * share of the fixed costs (service bonus pool, prevention budget) included: the terminal value
 * spreads those over the customers left, so losing a customer who does not cover them raises equity.
 */
function profitablePerCustomer(s: Scenario): boolean {
  const fixed = Math.max(...[s.baseline, ...s.proposed].map((p) => p.values.serviceBonusPool + p.values.preventionBudget));
  const fewestCustomers = s.segments.reduce((n, { values: v }) => n + v.customers * Math.pow(1 - Math.min(0.95, v.churn + 0.1), s.settings.horizonYears + 1), 0);
  const fixedPerCustomer = fixed / Math.max(fewestCustomers, 1e-9);
  return s.segments.every(({ values: v }) => {
    const keepCost = v.costToServe + v.contactsPerCustomer * 1.5 * v.costPerContact + v.arpa * 0.3 + fixedPerCustomer;
    return v.arpa * v.grossMargin > keepCost + 1;
  });
}

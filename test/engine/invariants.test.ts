import fc from 'fast-check';
import {
  compare, customerEquity, deltaSeries, METRICS, presentValue, projectPlan, runScenario, yearly, type Scenario,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/** MODEL.md section 10: every invariant as a property over random valid scenarios. */
const runs = { numRuns: 60 };

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

  it('with responsiveness 0, a plan that changes only pay changes nothing but compensation cost', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      s.behaviour.responsiveness = 0;
      // Only pay keys differ; operational levers (automation, assist, prevention) are the baseline's.
      const pay = { ...s.baseline.values, ...pick(s.proposed[0].values, ['commissionNew', 'commissionRenewal', 'commissionExpansion', 'clawback', 'outcomeWeight', 'serviceBonusPool']) };
      const a = projectPlan(s, s.baseline.values);
      const b = projectPlan(s, pay);
      for (const m of ['customers', 'arr', 'newCustomers', 'churnedArr', 'expansionArr', 'revenue', 'grossProfit'] as const) {
        expect(Array.from(deltaSeries(a, b, m)).every((d) => d === 0)).toBe(true);
      }
    }), runs);
  });

  it('ARR and customer identities hold every period; nothing negative; every output finite', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      const r = runScenario(s);
      for (const p of [r.baseline, ...r.proposed]) {
        for (let seg = 0; seg <= p.totalIndex; seg++) {
          for (let t = 0; t < p.periods; t++) {
            const v = (m: (typeof METRICS)[number]) => p.value(m, t, seg);
            const arrEnd = v('arrBegin') + v('newArr') + v('expansionArr') - v('contractionArr') - v('churnedArr');
            expect(Math.abs(v('arr') - arrEnd)).toBeLessThanOrEqual(1e-9 * Math.max(1, v('arr')) + 0.005);
            const customersEnd = v('customersBegin') + v('newCustomers') - v('churnedCustomers');
            expect(Math.abs(v('customers') - customersEnd)).toBeLessThanOrEqual(1e-9 * Math.max(1, v('customers')));
            if (t > 0) expect(v('arrBegin')).toBeCloseTo(p.value('arr', t - 1, seg), 6);
            for (const m of METRICS) {
              expect(Number.isFinite(v(m))).toBe(true);
              if (!['grossProfit', 'contribution', 'compCost', 'contactsPrevented'].includes(m)) expect(v(m)).toBeGreaterThanOrEqual(0);
            }
          }
        }
        expect(Number.isFinite(p.terminalValue[p.totalIndex])).toBe(true);
      }
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

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

function withSegments(s: Scenario, f: (v: Scenario['segments'][number]['values']) => Scenario['segments'][number]['values']): Scenario {
  return { ...s, segments: s.segments.map((g) => ({ name: g.name, values: f(g.values) })) };
}

/** Every customer brings more margin than it costs to keep, under both plans, in every period. */
function profitablePerCustomer(s: Scenario): boolean {
  return s.segments.every(({ values: v }) => {
    const keepCost = v.costToServe + v.contactsPerCustomer * 1.5 * v.costPerContact + v.arpa * 0.3;
    return v.arpa * v.grossMargin > keepCost + 1;
  });
}

/**
 * CEQ.ATTRIBUTION on key/value ranges as Excel passes them: one row per lever, unchanged levers 0, the
 * contributions adding up to the change CEQ.SUMMARY reports, and a bad metric named in the error.
 */
import { compare, defaultScenario, levers, projectPlan } from '../../src/engine';
import { attribution } from '../../src/functions/attribution';

const s = defaultScenario();
const assumptions = [['horizonYears', 5], ['customers', 500]];
const baseline = [['commissionNew', 0.1], ['commissionRenewal', 0.02]];
// The VP's question: new business 10 % → 6 %, renewals 2 % → 4 %.
const proposed = [['commissionNew', 0.06], ['commissionRenewal', 0.04]];

function expected(metric: 'customerEquityDelta' | 'npvDelta'): number {
  const plan = { ...s.baseline.values, commissionNew: 0.06, commissionRenewal: 0.04 };
  return compare(projectPlan(s, s.baseline.values), projectPlan(s, plan), s.settings)[metric];
}

describe('CEQ.ATTRIBUTION', () => {
  it('spills one row per lever and a total equal to the change in customer equity', () => {
    const rows = attribution(assumptions, baseline, proposed);
    expect(rows[0]).toEqual(['lever', 'baseline', 'proposed', 'contribution']);
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(levers().map((l) => l.id));
    const total = rows[rows.length - 1];
    expect(total[0]).toBe('total');
    expect(total[3]).toBeCloseTo(expected('customerEquityDelta'), 6);
    const sum = rows.slice(1, -1).reduce((acc, r) => acc + (r[3] as number), 0);
    expect(sum).toBeCloseTo(total[3] as number, 4);
    const byLever = new Map(rows.slice(1, -1).map((r) => [r[0], r]));
    expect(byLever.get('commissionNew')!.slice(1, 3)).toEqual([0.1, 0.06]);
    expect(byLever.get('clawback')![3]).toBe(0);
    expect(byLever.get('quotaDesign')!.slice(1)).toEqual(['', '', 0]);
  });

  it('splits the NPV when asked, by name with or without _delta', () => {
    const a = attribution(assumptions, baseline, proposed, 'npv');
    const b = attribution(assumptions, baseline, proposed, 'npv_delta');
    expect(a).toEqual(b);
    expect(a[a.length - 1][3]).toBeCloseTo(expected('npvDelta'), 6);
  });

  it('names a metric it does not know and suggests the nearest', () => {
    expect(() => attribution(assumptions, baseline, proposed, 'nvp')).toThrow(/metric "nvp".*npv/);
  });

  it('names the plan argument of an out-of-range value', () => {
    expect(() => attribution(assumptions, baseline, [['clawback', 1.5]])).toThrow(/proposed_plan.clawback/);
  });
});

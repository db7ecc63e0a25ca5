import fc from 'fast-check';
import {
  compare, crossoverPeriod, cumulative, customerEquity, defaultScenario, deltaSeries, M, METRIC_COUNT, presentValue,
  projectPlan, Projection, BEHAVIOUR_SERIES, type Metric, type ScenarioSettings,
} from '../../src/engine';

/** MODEL.md section 7 on streams simple enough to check by eye. Periods are 1-based in the results. */

/** A one-segment projection whose total carries the given series (everything else 0). */
function projectionOf(series: Partial<Record<Metric, number[]>>, periodsPerYear = 1, terminalValue = 0): Projection {
  const periods = Object.values(series)[0]!.length;
  const data = new Float64Array(2 * METRIC_COUNT * periods);
  for (const [metric, values] of Object.entries(series) as [Metric, number[]][]) {
    for (const segment of [0, 1]) data.set(values, (segment * METRIC_COUNT + M[metric]) * periods);
  }
  return new Projection(periodsPerYear, periods, ['Only'], data, new Float64Array(BEHAVIOUR_SERIES.length * periods), Float64Array.of(terminalValue, terminalValue));
}

function settingsOf(horizonYears: number, periodsPerYear = 1, overrides: Partial<ScenarioSettings> = {}): ScenarioSettings {
  return { horizonYears, periodsPerYear, discountRate: 0.1, tenureYears: 4, discountTiming: 0, ...overrides };
}

/** A stream of contribution (and revenue and comp cost) with everything else 0. */
const stream = (contribution: number[], extra: Partial<Record<Metric, number[]>> = {}, ppy = 1, terminal = 0) =>
  projectionOf({ contribution, revenue: contribution.map(() => 0), compCost: contribution.map(() => 0), ...extra }, ppy, terminal);

describe('crossoverPeriod', () => {
  const cases: [string, number[], number[], boolean, number | null][] = [
    // description, baseline, proposed, cumulative, expected
    ['equal streams cross at once (ties count as at or above)', [1, 2, 3], [1, 2, 3], false, 1],
    ['a proposal below at first and above from period 2', [10, 10, 10], [5, 10, 12], false, 2],
    ['the same on running totals, which never catch up', [10, 10, 10], [5, 10, 12], true, null],
    ['a proposal that dips again counts only from its last rise', [10, 10, 10, 10], [5, 12, 8, 12], false, 4],
    ['a proposal below in the last period never crosses', [10, 10, 10], [12, 12, 8], false, null],
    ['running totals cross later than the periods do, a tie included', [10, 10, 10, 10], [4, 12, 14, 14], true, 3],
    ['running totals that cross, fall back and cross again count from the last crossing', [10, 10, 10], [12, 5, 14], true, 3],
    ['running totals that stay above from the start', [10, 10, 10], [11, 9, 10], true, 1],
    ['no periods: nothing crosses', [], [], false, null],
  ];
  it.each(cases)('%s', (_, baseline, proposed, useCumulative, expected) => {
    expect(crossoverPeriod(baseline, proposed, useCumulative)).toBe(expected);
  });

  it('compares only the periods both streams have', () => {
    expect(crossoverPeriod([10, 10, 10], [5, 12], false)).toBe(2);
  });

  it('is the first period of the final run at or above the baseline (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { maxLength: 12 }), fc.boolean(), (pairs, useCumulative) => {
      const a = pairs.map(([x]) => x);
      const b = pairs.map(([, y]) => y);
      const [ca, cb] = useCumulative ? [Array.from(cumulative(a)), Array.from(cumulative(b))] : [a, b];
      let expected: number | null = null;
      for (let t = ca.length - 1; t >= 0 && cb[t] >= ca[t]; t--) expected = t + 1;
      expect(crossoverPeriod(a, b, useCumulative)).toBe(expected);
    }));
  });
});

describe('compare', () => {
  it('breaks even when cumulative contribution catches up, after a sacrifice of the negative deltas', () => {
    // Deltas −20, −10, +20, +30: running −20, −30, −10, +20 → break-even in period 4; the sacrifice is
    // −20 − 10 = −30 (period 3's gain does not offset it).
    const c = compare(stream([100, 100, 100, 100]), stream([80, 90, 120, 130]), settingsOf(4));
    expect(c.breakevenPeriod).toBe(4);
    expect(c.shortTermSacrifice).toBe(-30);
  });

  it('counts no sacrifice after break-even', () => {
    // Deltas −10, +30, −5: running −10, +20, +15 → break-even in period 2; period 3's −5 is later.
    const c = compare(stream([10, 10, 10]), stream([0, 40, 5]), settingsOf(3));
    expect(c.breakevenPeriod).toBe(2);
    expect(c.shortTermSacrifice).toBe(-10);
  });

  it('counts every negative delta as sacrifice when the proposal never breaks even', () => {
    // Deltas −10, +10, −20, −1: running −10, 0, −20, −21 → never; sacrifice −10 − 20 − 1 = −31.
    const c = compare(stream([100, 100, 100, 100]), stream([90, 110, 80, 99]), settingsOf(4));
    expect(c.breakevenPeriod).toBeNull();
    expect(c.shortTermSacrifice).toBe(-31);
  });

  it('has no sacrifice when the proposal is ahead from the first period', () => {
    const c = compare(stream([10, 10]), stream([12, 9]), settingsOf(2));
    expect(c.breakevenPeriod).toBe(1);
    expect(c.shortTermSacrifice).toBe(0);
  });

  it('crosses over on cumulative revenue, separately from break-even', () => {
    const c = compare(stream([10, 10, 10], { revenue: [100, 100, 100] }), stream([10, 10, 10], { revenue: [90, 105, 106] }), settingsOf(3));
    expect(c.crossoverPeriod).toBe(3); // running revenue 90, 195, 301 against 100, 200, 300
    expect(c.breakevenPeriod).toBe(1);
  });

  it('values the change as the present value of the contribution deltas, at mid-period or end of period', () => {
    // Deltas −20, −10, +20, +30 at 10 %: mid-period Σ d_t / 1.1^(t − ½), end of period Σ d_t / 1.1^t.
    const [base, proposed] = [stream([100, 100, 100, 100]), stream([80, 90, 120, 130])];
    const deltas = [-20, -10, 20, 30];
    const mid = deltas.reduce((s, d, t) => s + d / 1.1 ** (t + 0.5), 0);
    const end = deltas.reduce((s, d, t) => s + d / 1.1 ** (t + 1), 0);
    expect(compare(base, proposed, settingsOf(4)).npvDelta).toBeCloseTo(mid, 10);
    expect(compare(base, proposed, settingsOf(4, 1, { discountTiming: 1 })).npvDelta).toBeCloseTo(end, 10);
  });

  it('gives the tenure view: the NPV of the deltas inside tenureYears only', () => {
    // Tenure 2 years: −20/1.1^0.5 − 10/1.1^1.5, the later gains fall outside the executive's tenure.
    const [base, proposed] = [stream([100, 100, 100, 100]), stream([80, 90, 120, 130])];
    const c = compare(base, proposed, settingsOf(4, 1, { tenureYears: 2 }));
    expect(c.tenureNpvDelta).toBeCloseTo(-20 / 1.1 ** 0.5 - 10 / 1.1 ** 1.5, 10);
    // A tenure beyond the horizon sees the whole horizon.
    expect(compare(base, proposed, settingsOf(4, 1, { tenureYears: 10 })).tenureNpvDelta).toBe(compare(base, proposed, settingsOf(4)).npvDelta);
  });

  it('adds the terminal value, discounted from the horizon, to customer equity', () => {
    // Contribution 100 for two years and a terminal value of 1,000 as of the end of year 2:
    // 100/1.1^0.5 + 100/1.1^1.5 + 1,000/1.1².
    const p = stream([100, 100], {}, 1, 1000);
    const equity = 100 / 1.1 ** 0.5 + 100 / 1.1 ** 1.5 + 1000 / 1.1 ** 2;
    expect(customerEquity(p, settingsOf(2))).toBeCloseTo(equity, 10);
    const c = compare(stream([100, 100], {}, 1, 800), p, settingsOf(2));
    expect(c.customerEquityProposed).toBeCloseTo(equity, 10);
    expect(c.customerEquityDelta).toBeCloseTo(200 / 1.1 ** 2, 10); // only the terminal values differ
    expect(c.npvDelta).toBe(0);
  });

  it('sums the four quarters of the first and last year for the yearly deltas of a quarterly run', () => {
    const base = stream(new Array(8).fill(0), { revenue: [10, 10, 10, 10, 20, 20, 20, 20], compCost: [1, 1, 1, 1, 2, 2, 2, 2] }, 4);
    const proposed = stream(new Array(8).fill(0), { revenue: [9, 9, 10, 11, 22, 23, 24, 25], compCost: [2, 2, 2, 2, 1, 1, 1, 1] }, 4);
    const c = compare(base, proposed, settingsOf(2, 4));
    expect(c.year1RevenueDelta).toBe(-1 - 1 + 0 + 1);
    expect(c.finalYearRevenueDelta).toBe(2 + 3 + 4 + 5);
    expect(c.year1CompCostDelta).toBe(4);
    expect(c.finalYearCompCostDelta).toBe(-4);
  });

  it('discounts quarterly deltas quarter by quarter and reads the tenure in years', () => {
    const base = stream(new Array(8).fill(0), {}, 4);
    const proposed = stream([4, 4, 4, 4, 8, 8, 8, 8], {}, 4);
    const c = compare(base, proposed, settingsOf(2, 4, { tenureYears: 1 }));
    const quarters = [4, 4, 4, 4, 8, 8, 8, 8].map((d, q) => d * 1.1 ** -((q + 0.5) / 4));
    expect(c.npvDelta).toBeCloseTo(quarters.reduce((a, b) => a + b, 0), 10);
    expect(c.tenureNpvDelta).toBeCloseTo(quarters.slice(0, 4).reduce((a, b) => a + b, 0), 10);
  });

  it('agrees with its parts on a real projection: deltas, cumulative, present value', () => {
    const s = defaultScenario();
    const base = projectPlan(s, s.baseline.values);
    const proposed = projectPlan(s, s.proposed[0].values);
    const c = compare(base, proposed, s.settings);
    const deltas = deltaSeries(base, proposed, 'contribution');
    expect(c.npvDelta).toBeCloseTo(presentValue(deltas, s.settings.discountRate, 1, false), 6);
    expect(c.breakevenPeriod).toBe(crossoverPeriod(cumulative(base.series('contribution')), cumulative(proposed.series('contribution'))));
    expect(c.customerEquityDelta).toBeCloseTo(customerEquity(proposed, s.settings) - customerEquity(base, s.settings), 6);
    expect(c.shortTermSacrifice).toBeLessThanOrEqual(0);
  });
});

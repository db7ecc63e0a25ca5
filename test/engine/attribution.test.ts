import fc from 'fast-check';
import {
  attribute, ATTRIBUTION_METRICS, compare, defaultScenario, levers, mixPlan, projectPlan, QUOTA_LEVER, shapley,
  type PlanValues, type Scenario,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';
import { quotaLayer, withQuotaKeys } from './quota-arbitraries';

/** Lever attribution: Shapley values over the plan's levers (attribution.ts). */

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));

describe('shapley on games with known values', () => {
  it('splits an additive game into its parts', () => {
    const parts = [3, -2, 7.5];
    const values = shapley(3, (mask) => parts.reduce((sum, p, i) => (mask & (1 << i) ? sum + p : sum), 0));
    values.forEach((v, i) => expect(v).toBeCloseTo(parts[i], 12));
  });

  it('splits a pure interaction equally: worth 6 only when both players join', () => {
    expect(shapley(2, (mask) => (mask === 3 ? 6 : 0))).toEqual([3, 3]);
  });

  it('gives a glove game 1/6 and 2/3 by hand: one left glove (player 0), two right gloves (1 and 2)', () => {
    // A pair is worth 1; coalitions {0,1}, {0,2} and {0,1,2} are worth 1. Player 0 is pivotal in 4 of 6 orders.
    const values = shapley(3, (mask) => ((mask & 1) && (mask & 6) ? 1 : 0));
    expect(values[0]).toBeCloseTo(2 / 3, 12);
    expect(values[1]).toBeCloseTo(1 / 6, 12);
    expect(values[2]).toBeCloseTo(1 / 6, 12);
  });

  const game = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.tuple(fc.constant(n), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 << n, maxLength: 1 << n })));

  it('is efficient: the values add up to the grand coalition’s worth', () => {
    fc.assert(fc.property(game, ([n, worths]) => {
      const v = (mask: number) => (mask === 0 ? 0 : worths[mask]);
      const sum = shapley(n, v).reduce((a, b) => a + b, 0);
      expect(close(sum, v((1 << n) - 1), 1e6 * (1 << n))).toBe(true);
    }));
  });

  it('is symmetric: two players who add the same to every coalition get the same', () => {
    fc.assert(fc.property(game, ([n, worths]) => {
      fc.pre(n >= 2);
      // Make players 0 and 1 interchangeable: a coalition's worth depends only on how many of them it holds.
      const canonical = (mask: number) => {
        const both = mask & 3;
        return both === 2 ? (mask & ~3) | 1 : mask;
      };
      const v = (mask: number) => (mask === 0 ? 0 : canonical(mask) === 0 ? 0 : worths[canonical(mask)]);
      const values = shapley(n, v);
      expect(close(values[0], values[1], 1e6 * (1 << n))).toBe(true);
    }));
  });

  it('gives a player who never changes a worth exactly 0', () => {
    fc.assert(fc.property(game, ([n, worths]) => {
      const dummy = n - 1;
      const v = (mask: number) => { const m = mask & ~(1 << dummy); return m === 0 ? 0 : worths[m]; };
      expect(shapley(n, v)[dummy]).toBe(0);
    }));
  });
});

function scenarioWith(proposed: Partial<PlanValues>): Scenario {
  const s = defaultScenario();
  s.proposed = [{ name: 'P', values: { ...s.baseline.values, ...proposed } }];
  return s;
}

describe('attribute on the model', () => {
  it('puts the whole change on the one lever that moved (the VP’s question: new business 10 % → 6 %)', () => {
    const s = scenarioWith({ commissionNew: 0.06 });
    const a = attribute(s, s.proposed[0].values);
    const c = compare(projectPlan(s, s.baseline.values), projectPlan(s, s.proposed[0].values), s.settings);
    for (const metric of ATTRIBUTION_METRICS) expect(a.total[metric]).toBe(c[metric]);
    const moved = a.levers.filter((l) => l.changed);
    expect(moved.map((l) => l.lever.id)).toEqual(['commissionNew']);
    expect(moved[0].contribution.customerEquityDelta).toBe(a.total.customerEquityDelta);
    for (const l of a.levers.filter((x) => !x.changed)) expect(l.contribution.npvDelta).toBe(0);
  });

  it('says no change for identical plans: every contribution and the total are exactly 0', () => {
    const s = scenarioWith({});
    const a = attribute(s, s.proposed[0].values);
    for (const metric of ATTRIBUTION_METRICS) expect(a.total[metric]).toBe(0);
    expect(a.levers.every((l) => !l.changed && l.contribution.customerEquityDelta === 0)).toBe(true);
  });

  it('is efficient on random scenarios and gives unchanged levers exactly 0', () => {
    const keys = levers().map((l) => l.id).filter((id) => id !== QUOTA_LEVER);
    fc.assert(fc.property(scenarioArbitrary({ periodsPerYear: fc.constant(1) }), fc.subarray(keys), (s, kept) => {
      // Levers in `kept` keep the baseline's value: they must get exactly 0.
      const proposed = { ...s.proposed[0].values };
      for (const k of kept) (proposed as Record<string, number>)[k] = (s.baseline.values as Record<string, number>)[k];
      const a = attribute(s, proposed);
      for (const metric of ATTRIBUTION_METRICS) {
        const sum = a.levers.reduce((acc, l) => acc + l.contribution[metric], 0);
        expect(close(sum, a.total[metric], Math.abs(a.total[metric]) + a.levers.reduce((m, l) => m + Math.abs(l.contribution[metric]), 0))).toBe(true);
      }
      for (const l of a.levers) if (kept.includes(l.lever.id)) expect(l.contribution.customerEquityDelta).toBe(0);
    }), { numRuns: 25 });
  });

  it('treats a whole quota layer as one lever and stays efficient', () => {
    fc.assert(fc.property(quotaLayer, (layer) => {
      const s = defaultScenario();
      const proposed = withQuotaKeys({ ...s.baseline.values, commissionNew: 0.06, commissionRenewal: 0.04 }, layer);
      const a = attribute(s, proposed);
      const quota = a.levers.find((l) => l.lever.id === QUOTA_LEVER)!;
      expect(quota.changed).toBe(true);
      expect(a.levers.filter((l) => l.changed).map((l) => l.lever.id)).toEqual(['commissionNew', 'commissionRenewal', QUOTA_LEVER]);
      const sum = a.levers.reduce((acc, l) => acc + l.contribution.npvDelta, 0);
      expect(close(sum, a.total.npvDelta, a.levers.reduce((m, l) => m + Math.abs(l.contribution.npvDelta), Math.abs(a.total.npvDelta)))).toBe(true);
    }), { numRuns: 10 });
  });

  it('mixes plans lever by lever: the quota lever moves every role key together', () => {
    const base = { ...defaultScenario().baseline.values, 'ae.headcount': 5, 'ae.ote': 100_000 } as PlanValues;
    const proposed = { ...defaultScenario().baseline.values, commissionNew: 0.06, 'ae.headcount': 8, 'csm.headcount': 3 } as PlanValues;
    expect(mixPlan(base, proposed, ['commissionNew'])).toEqual({ ...base, commissionNew: 0.06 });
    const quota = mixPlan(base, proposed, [QUOTA_LEVER]) as Record<string, number>;
    expect(quota.commissionNew).toBe(base.commissionNew);
    expect(quota['ae.headcount']).toBe(8);
    expect(quota['ae.ote']).toBeUndefined();
    expect(quota['csm.headcount']).toBe(3);
  });
});

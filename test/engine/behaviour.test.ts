import fc from 'fast-check';
import {
  adoptionAverage, attractionShares, baselineFlows, defaultScenario, humanResolution, phasedChurn, planBehaviour as planBehaviourWith, projectPlan,
  renewedShareAverage, salesBaseline, serviceChurn, unresolvedShare, validateScenario, yearly,
  type BehaviourSeries, type BehaviourValues, type PlanValues,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/** MODEL.md section 5: how pay moves effort, and the timing of that move. */

const defaults = defaultScenario();
const behaviour: BehaviourValues = defaults.behaviour;
const baselinePlan: PlanValues = defaults.baseline.values;
const flows = baselineFlows(defaults.segments.map((g) => g.values));
const planBehaviour = (plan: PlanValues, base: PlanValues, b: BehaviourValues) => planBehaviourWith(plan, base, b, flows);

/** Simpson's rule with n (even) intervals: the independent check of the closed-form averages. */
function averageByIntegration(f: (t: number) => number, t0: number, t1: number, n = 2000): number {
  const h = (t1 - t0) / n;
  let sum = f(t0) + f(t1);
  for (let k = 1; k < n; k++) sum += (k % 2 ? 4 : 2) * f(t0 + k * h);
  return (sum * h) / 3 / (t1 - t0);
}

/** Random baseline shares on n activities, each at least the floor, adding up to 1, with that floor. */
function sharesWithFloor(n: number): fc.Arbitrary<{ shares: number[]; floor: number }> {
  return fc.record({
    floor: fc.double({ min: 0, max: 0.3, noNaN: true }),
    raw: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
  }).map(({ floor, raw }) => {
    const f = Math.min(floor, 0.9 / n); // leave room for the free part
    const total = raw.reduce((a, b) => a + b, 0);
    return { floor: f, shares: raw.map((r) => f + ((1 - n * f) * r) / total) };
  });
}

const ratio = fc.double({ min: 0, max: 20, noNaN: true });
const epsilon = fc.double({ min: 0, max: 2, noNaN: true });

describe('attraction shares', () => {
  it('give the baseline shares, to rounding, when the plan is the baseline (every intensity ratio 1)', () => {
    fc.assert(fc.property(sharesWithFloor(3), epsilon, ({ shares, floor }, eps) => {
      const s = attractionShares(shares, [1, 1, 1], eps, floor);
      expect(Math.max(...s.map((x, i) => Math.abs(x - shares[i])))).toBeLessThanOrEqual(1e-15);
    }));
  });

  it('give the baseline shares exactly for the catalogue defaults, so the baseline path never drifts', () => {
    expect(attractionShares(salesBaseline(behaviour), [1, 1, 1], behaviour.responsiveness, behaviour.effortFloor)).toEqual([0.7, 0.15, 0.15]);
    expect(planBehaviour(baselinePlan, baselinePlan, behaviour)).toMatchObject({ sales: [0.7, 0.15, 0.15], resolveShare: 0.5, misSold: 0.08,
      salesLevel: 1, serviceLevel: 1, salesAttrition: 0.25, serviceAttrition: 0.35 });
  });

  // MODEL.md section 5 requires s = b *exactly* for identical plans (and for ε = 0), and section 10 that
  // the baseline's behaviour shares equal the baseline shares. Recomputed as floor + free·(w/Σw), the
  // shares round (effort 0.5/0.3/0.2 with floor 0.02 came back as 0.49999999999999994), so
  // attractionShares returns the baseline shares as they are when pay changes nothing.
  it('give exactly the baseline shares for identical plans and for ε = 0, whatever the baseline shares', () => {
    const s = defaultScenario();
    Object.assign(s.behaviour, { effortAcquire: 0.5, effortRetain: 0.3, effortExpand: 0.2, resolveEffortShare: 0.3 });
    expect(planBehaviour(s.baseline.values, s.baseline.values, s.behaviour)).toMatchObject({ sales: [0.5, 0.3, 0.2], resolveShare: 0.3, misSold: 0.08, salesLevel: 1, serviceLevel: 1 });
    expect(attractionShares([0.5, 0.3, 0.2], [3, 0.5, 1], 0, 0.02)).toEqual([0.5, 0.3, 0.2]);
    const p = projectPlan(s, s.baseline.values);
    expect([...p.behaviourSeries('effortAcquire'), ...p.behaviourSeries('resolveShare')]).toEqual([...new Array(5).fill(0.5), ...new Array(5).fill(0.3)]);
  });

  it('keep the baseline projection\'s behaviour path bit for bit at any baseline shares, and any plan\'s at ε = 0 (property)', () => {
    const shares = sharesWithFloor(3).chain(({ shares: b, floor }) => fc.record({
      b: fc.constant(b), floor: fc.constant(floor),
      resolve: fc.double({ min: Math.max(0.01, floor), max: Math.min(0.99, 1 - floor), noNaN: true }),
    }));
    const violations: string[] = [];
    fc.assert(fc.property(scenarioArbitrary(), shares, fc.boolean(), (s, { b, floor, resolve }, still: boolean) => {
      Object.assign(s.behaviour, { effortAcquire: b[0], effortRetain: b[1], effortExpand: b[2], effortFloor: floor, resolveEffortShare: resolve });
      fc.pre(b.every((x) => x > 0) && validateScenario(s).length === 0);
      if (still) Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
      // The baseline against itself, or (ε = 0) the proposed plan: either way pay moves nothing.
      const p = projectPlan(s, still ? s.proposed[0].values : s.baseline.values);
      const expected: [BehaviourSeries, number][] = [['effortAcquire', b[0]], ['effortRetain', b[1]], ['effortExpand', b[2]], ['resolveShare', resolve],
        ['acquisitionFactor', 1], ['salesChurnFactor', 1], ['expansionFactor', 1], ['salesLevel', 1], ['serviceLevel', 1], ['handoffChurn', 0]];
      for (const [name, value] of expected) {
        const series = Array.from(p.behaviourSeries(name));
        if (series.some((x) => x !== value)) violations.push(`${name}: ${series} ≠ ${value} (b=${b}, floor ${floor}, ε=${s.behaviour.responsiveness})`);
      }
    }), { numRuns: 150 });
    expect(violations).toEqual([]);
  });

  it('ignore pay altogether, to rounding, when responsiveness ε is 0, even a rate cut to nothing', () => {
    fc.assert(fc.property(sharesWithFloor(3), fc.array(ratio, { minLength: 3, maxLength: 3 }), ({ shares, floor }, ratios) => {
      const s = attractionShares(shares, ratios, 0, floor);
      expect(Math.max(...s.map((x, i) => Math.abs(x - shares[i])))).toBeLessThanOrEqual(1e-15);
    }));
  });

  it('always add up to 1 and keep every activity at or above its floor', () => {
    const violations: string[] = [];
    fc.assert(fc.property(sharesWithFloor(3), fc.array(ratio, { minLength: 3, maxLength: 3 }), epsilon, ({ shares, floor }, ratios, eps) => {
      const s = attractionShares(shares, ratios, eps, floor);
      const total = s.reduce((a, b) => a + b, 0);
      if (Math.abs(total - 1) > 1e-12 || s.some((x) => x < floor - 1e-15 || !Number.isFinite(x))) {
        violations.push(`b=${shares} f=${floor} ratios=${ratios} ε=${eps} → ${s}`);
      }
    }), { numRuns: 500 });
    expect(violations).toEqual([]);
  });

  it('keep only the floors spread as the baseline was when every proposed rate is 0', () => {
    expect(attractionShares([0.7, 0.15, 0.15], [0, 0, 0], 0.6, 0.02)).toEqual([0.7, 0.15, 0.15]);
  });

  it('follow the attraction formula worked by hand', () => {
    // b = (0.7, 0.15, 0.15), floor 0.02: free shares b' = (0.68, 0.13, 0.13)/0.94. Doubling the renewal
    // rate at ε = 1 doubles the retain weight: weights 0.68, 0.26, 0.13 (over 0.94), total 1.07/0.94.
    // s = 0.02 + 0.94 · weight/total: 0.02 + 0.94·0.68/1.07, 0.02 + 0.94·0.26/1.07, 0.02 + 0.94·0.13/1.07.
    const s = attractionShares([0.7, 0.15, 0.15], [1, 2, 1], 1, 0.02);
    [0.02 + (0.94 * 0.68) / 1.07, 0.02 + (0.94 * 0.26) / 1.07, 0.02 + (0.94 * 0.13) / 1.07].forEach((x, i) => expect(s[i]).toBeCloseTo(x, 14));
  });

  it('never lower an activity when its pay rises, nor raise the others', () => {
    const violations: string[] = [];
    fc.assert(fc.property(sharesWithFloor(3), fc.array(ratio, { minLength: 3, maxLength: 3 }), epsilon, fc.nat(2), fc.double({ min: 1, max: 10, noNaN: true }),
      ({ shares, floor }, ratios, eps, i, raise) => {
        const before = attractionShares(shares, ratios, eps, floor);
        const raised = ratios.slice();
        raised[i] *= raise;
        const after = attractionShares(shares, raised, eps, floor);
        if (after[i] < before[i] - 1e-12) violations.push(`activity ${i} fell: ${before} → ${after}`);
        for (let j = 0; j < 3; j++) if (j !== i && after[j] > before[j] + 1e-12) violations.push(`activity ${j} rose when ${i} was raised: ${before} → ${after}`);
      }), { numRuns: 500 });
    expect(violations).toEqual([]);
  });

  it('never lower the retain share when the renewal commission rises, nor the acquire or expand share for theirs', () => {
    const keys = ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const;
    const violations: string[] = [];
    fc.assert(fc.property(fc.nat(2), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), epsilon, (i, r1, r2, eps) => {
      const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const b = { ...behaviour, responsiveness: eps };
      const share = (rate: number) => planBehaviour({ ...defaults.proposed[0].values, [keys[i]]: rate }, baselinePlan, b).sales[i];
      if (share(hi) < share(lo) - 1e-12) violations.push(`${keys[i]} ${lo} → ${hi} at ε ${eps}: ${share(lo)} → ${share(hi)}`);
    }), { numRuns: 300 });
    expect(violations).toEqual([]);
  });

  it('do not change when every rate is scaled by the same factor (the form is scale-free)', () => {
    fc.assert(fc.property(sharesWithFloor(3), fc.array(fc.double({ min: 0.01, max: 20, noNaN: true }), { minLength: 3, maxLength: 3 }), epsilon,
      fc.double({ min: 0.01, max: 100, noNaN: true }), ({ shares, floor }, ratios, eps, k) => {
        const a = attractionShares(shares, ratios, eps, floor);
        const b = attractionShares(shares, ratios.map((r) => r * k), eps, floor);
        expect(Math.max(...a.map((x, i) => Math.abs(x - b[i])))).toBeLessThanOrEqual(1e-12);
      }));
  });
});

describe('the service resolve share', () => {
  const withWeight = (outcomeWeight: number, b: BehaviourValues = behaviour) =>
    planBehaviour({ ...baselinePlan, outcomeWeight }, baselinePlan, b).resolveShare;

  it('is the baseline share for the baseline weight, and rises with the outcome weight', () => {
    expect(withWeight(baselinePlan.outcomeWeight)).toBe(behaviour.resolveEffortShare);
    const violations: string[] = [];
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), epsilon, (w1, w2, eps) => {
      const [lo, hi] = w1 <= w2 ? [w1, w2] : [w2, w1];
      const b = { ...behaviour, responsiveness: eps };
      if (withWeight(hi, b) < withWeight(lo, b) - 1e-12) violations.push(`weight ${lo} → ${withWeight(lo, b)}, ${hi} → ${withWeight(hi, b)} at ε ${eps}`);
    }), { numRuns: 300 });
    expect(violations).toEqual([]);
  });

  it('stays inside the floors even when everything is paid on outcomes', () => {
    expect(withWeight(1)).toBeLessThanOrEqual(1 - behaviour.effortFloor);
    expect(withWeight(0)).toBeGreaterThanOrEqual(behaviour.effortFloor);
    expect(withWeight(1)).toBeGreaterThan(0.5);
  });

  it('ignores the weight when responsiveness is 0', () => {
    expect(withWeight(0.9, { ...behaviour, responsiveness: 0 })).toBe(behaviour.resolveEffortShare);
  });

  it('sets the human resolution rate with diminishing returns, plus agent assist on the gap', () => {
    // ρ = min(0.99, 0.7 · (s/0.5)^0.5): at s = 0.5 it is 0.7; at s = 0.72 it is 0.7·√1.44 = 0.84.
    expect(humanResolution(0.5, 1, baselinePlan, behaviour)).toBe(0.7);
    expect(humanResolution(0.72, 1, baselinePlan, behaviour)).toBeCloseTo(0.84, 14);
    // Version 2: on absolute effort, share × level: at s = 0.5 and level 1.44 it is 0.84 as well.
    expect(humanResolution(0.5, 1.44, baselinePlan, behaviour)).toBeCloseTo(0.84, 14);
    expect(humanResolution(0.99, 1, baselinePlan, { ...behaviour, resolutionRate: 0.9 })).toBe(0.99); // capped
    // Agent assist closes half the gap: 0.7 + 0.5 · 0.3 = 0.85.
    expect(humanResolution(0.5, 1, { ...baselinePlan, agentAssist: 0.5 }, behaviour)).toBeCloseTo(0.85, 14);
  });

  it('leaves unresolved contacts from people and from automation, and those drive service churn', () => {
    // 85 % human at 70 % resolved, 15 % automated at 45 %: unresolved 0.85·0.3 + 0.15·0.55 = 0.3375;
    // Each contact loses the customer with probability 0.3375 · 6 % churn if unresolved · (1 − 25 % saved)
    // = 0.0151875; over 4 contacts a year (version 2: a probability, not a sum) 1 − 0.9848125^4 = 0.05938…
    expect(unresolvedShare(0.5, 1, baselinePlan, behaviour)).toBeCloseTo(0.3375, 15);
    expect(serviceChurn(4, 0.3375, behaviour)).toBeCloseTo(1 - 0.9848125 ** 4, 15);
    expect(serviceChurn(4, 0.3375, behaviour)).toBeCloseTo(0.05938, 5);
  });

  it('shows both sides of automation: deflecting is cheaper per contact and loses more customers, assisting the reverse', () => {
    const s = defaultScenario();
    const base = yearly(projectPlan(s, s.baseline.values))[2];
    const deflect = yearly(projectPlan(s, { ...s.baseline.values, automationShare: 0.5 }))[2];
    const augment = yearly(projectPlan(s, { ...s.baseline.values, agentAssist: 0.5 }))[2];
    expect(deflect.contactCost / deflect.contacts).toBeLessThan(base.contactCost / base.contacts);
    expect(deflect.churnedCustomers).toBeGreaterThan(base.churnedCustomers);
    expect(augment.churnedCustomers).toBeLessThan(base.churnedCustomers);
  });
});

describe('mis-selling', () => {
  const misSold = (plan: Partial<PlanValues>, b: Partial<BehaviourValues> = {}) =>
    planBehaviour({ ...baselinePlan, ...plan }, baselinePlan, { ...behaviour, ...b }).misSold;

  it('is the baseline share under the baseline plan, and whatever the pay when responsiveness is 0', () => {
    expect(misSold({})).toBe(behaviour.misSoldShare);
    expect(misSold({ commissionNew: 0.3, clawback: 0.5 }, { responsiveness: 0 })).toBe(behaviour.misSoldShare);
  });

  it('follows μ⁰ · (p^γ · k^δ)^ε with the pull p and the clawback term k, worked by hand', () => {
    // Commission on new ARR doubled: pull p = (2 + 0.5)/1.5 = 5/3. Half clawed back against none:
    // k = (1 − 0.5 · 0.55)/(1 − 0) = 0.725. γ 0.7, δ 1, ε 0.6: 0.08 · ((5/3)^0.7 · 0.725)^0.6 = 0.0859…
    expect(misSold({ commissionNew: 0.2, clawback: 0.5 })).toBeCloseTo(0.08 * ((5 / 3) ** 0.7 * 0.725) ** 0.6, 15);
    // No commission on new ARR at all still leaves a third of the pull (λ = 0.5): 0.08 · (1/3)^(0.7·0.6).
    expect(misSold({ commissionNew: 0 })).toBeCloseTo(0.08 * (1 / 3) ** 0.42, 15);
  });

  it('grows with pay on new deals and falls with the clawback, never beyond 90 %', () => {
    const violations: string[] = [];
    const rate = fc.double({ min: 0.001, max: 1, noNaN: true });
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(fc.property(rate, rate, share, share, fc.double({ min: 0.01, max: 2, noNaN: true }), (r1, r2, c1, c2, eps) => {
      const [lowPay, highPay] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const [lowBack, highBack] = c1 <= c2 ? [c1, c2] : [c2, c1];
      const b = { responsiveness: eps };
      if (misSold({ commissionNew: highPay, clawback: lowBack }, b) < misSold({ commissionNew: lowPay, clawback: lowBack }, b)) violations.push(`pay ${lowPay} → ${highPay}`);
      if (misSold({ commissionNew: lowPay, clawback: highBack }, b) > misSold({ commissionNew: lowPay, clawback: lowBack }, b)) violations.push(`clawback ${lowBack} → ${highBack}`);
      if (misSold({ commissionNew: highPay, clawback: 0 }, { responsiveness: eps, misSoldShare: 0.9 }) > 0.9) violations.push('above 90 %');
    }), { numRuns: 300 });
    expect(violations).toEqual([]);
    // A full clawback deters mis-selling but does not abolish it: never below misSoldFloor (1 %).
    expect(misSold({ commissionNew: 0, clawback: 1 }, { misSoldChurn: 1, responsiveness: 2 })).toBe(0.01);
    expect(misSold({ commissionNew: 0.1, clawback: 1 })).toBeGreaterThan(0.01);
  });
});

describe('adoption over time', () => {
  const exactShare = (h: number) => (t: number) => 1 - 2 ** (-t / h);

  it('moves 45.9 %, 86.5 % and 96.6 % of the way in years 1, 2 and 3 with a half-year half-life', () => {
    // k = ln 2 / 0.5; year average 1 − (e^(−k·t0) − e^(−k·t1))/k: 1 − 0.75/k, 1 − 0.1875/k, 1 − 0.046875/k.
    const k = Math.LN2 / 0.5;
    const years = [0, 1, 2].map((y) => adoptionAverage(y, y + 1, 0.5));
    expect(years.map((a) => +(a * 100).toFixed(1))).toEqual([45.9, 86.5, 96.6]);
    [1 - 0.75 / k, 1 - 0.1875 / k, 1 - 0.046875 / k].forEach((a, i) => expect(years[i]).toBeCloseTo(a, 14));
  });

  it('equals the average of 1 − 2^(−t/h) over the period, by numerical integration', () => {
    const violations: string[] = [];
    fc.assert(fc.property(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 1 / 12, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }),
      (t0, dt, h) => {
        const exact = averageByIntegration(exactShare(h), t0, t0 + dt);
        const closed = adoptionAverage(t0, t0 + dt, h);
        if (Math.abs(closed - exact) > 1e-9) violations.push(`[${t0}, ${t0 + dt}] h=${h}: ${closed} vs ${exact}`);
      }), { numRuns: 300 });
    expect(violations).toEqual([]);
  });

  it('gives the same year whether averaged once or as twelve months', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 29 }), fc.double({ min: 0.01, max: 10, noNaN: true }), (year, h) => {
      let months = 0;
      for (let m = 0; m < 12; m++) months += adoptionAverage(year + m / 12, year + (m + 1) / 12, h) / 12;
      expect(months).toBeCloseTo(adoptionAverage(year, year + 1, h), 12);
    }));
  });

  it('is complete at once when the half-life is 0', () => {
    expect(adoptionAverage(0, 1, 0)).toBe(1);
    expect(adoptionAverage(0, 1 / 12, 0)).toBe(1);
  });
});

describe('the renewed share of the book', () => {
  it('rises linearly to 1 over the contract term, averaged over each period', () => {
    // One-year term: half the book has renewed on average in year 1, all of it afterwards.
    expect(renewedShareAverage(0, 1, 1)).toBe(0.5);
    expect(renewedShareAverage(1, 2, 1)).toBe(1);
    // Two-year term: t/2 averages 1/4 in year 1 and 3/4 in year 2.
    expect(renewedShareAverage(0, 1, 2)).toBe(0.25);
    expect(renewedShareAverage(1, 2, 2)).toBe(0.75);
    expect(renewedShareAverage(2, 3, 2)).toBe(1);
    // First quarter of a one-year term: t averages 1/8.
    expect(renewedShareAverage(0, 0.25, 1)).toBe(0.125);
    // A period across the end of the term: ∫ from 0.5 to 1 of t (0.375) plus 0.5 of full renewal.
    expect(renewedShareAverage(0.5, 1.5, 1)).toBe(0.875);
  });

  it('equals the average of min(1, t/term) by numerical integration', () => {
    const violations: string[] = [];
    fc.assert(fc.property(fc.double({ min: 0, max: 8, noNaN: true }), fc.double({ min: 1 / 12, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5 }),
      (t0, dt, term) => {
        const exact = averageByIntegration((t) => Math.min(1, t / term), t0, t0 + dt);
        const closed = renewedShareAverage(t0, t0 + dt, term);
        // Simpson's rule loses accuracy at the kink where the term ends, hence 1e-6.
        if (Math.abs(closed - exact) > 1e-6) violations.push(`[${t0}, ${t0 + dt}] term ${term}: ${closed} vs ${exact}`);
      }), { numRuns: 300 });
    expect(violations).toEqual([]);
  });
});

describe('phased churn', () => {
  const churn = fc.double({ min: 0, max: 0.95, noNaN: true });
  const share = fc.double({ min: 0, max: 1, noNaN: true });

  it('is the baseline churn before any contract renews and the plan churn once all have', () => {
    fc.assert(fc.property(churn, churn, (c0, now) => {
      expect(phasedChurn(c0, now, 0)).toBeCloseTo(c0, 14);
      expect(phasedChurn(c0, now, 1)).toBe(now);
    }));
    expect(phasedChurn(0.1, 1.5, 1)).toBe(0.99); // the plan's churn is capped below 1
  });

  it('blends in the hazard −ln(1 − c), worked by hand', () => {
    // Half renewed from 10 % toward 30 %: survival 0.9^0.5 · 0.7^0.5 = √0.63, so churn 1 − √0.63 ≈ 20.6 %, not 20 %.
    expect(phasedChurn(0.1, 0.3, 0.5)).toBeCloseTo(1 - Math.sqrt(0.63), 15);
  });

  it('moves monotonically from the baseline churn toward the plan churn as more of the book renews', () => {
    const violations: string[] = [];
    fc.assert(fc.property(churn, churn, share, share, (c0, now, r1, r2) => {
      const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const a = phasedChurn(c0, now, lo);
      const b = phasedChurn(c0, now, hi);
      if (now >= c0 ? b < a - 1e-15 : b > a + 1e-15) violations.push(`c0 ${c0} → ${now}: R ${lo} gives ${a}, R ${hi} gives ${b}`);
      if (a < Math.min(c0, now) - 1e-15 || a > Math.max(c0, now) + 1e-15) violations.push(`c0 ${c0} → ${now}: R ${lo} gives ${a}, outside both`);
    }), { numRuns: 500 });
    expect(violations).toEqual([]);
  });

  it('loses the same customers in one yearly step as in twelve monthly steps while the plan churn is constant', () => {
    // Survival over a period is (1 − c0)^(dt·(1 − R)) · (1 − c)^(dt·R): log-linear in R, so averaging R
    // over the year first (one step) or month by month (twelve steps) must agree.
    const violations: string[] = [];
    fc.assert(fc.property(churn, churn, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), (c0, now, term, year) => {
      const yearly = 1 - phasedChurn(c0, now, renewedShareAverage(year, year + 1, term));
      let monthly = 1;
      for (let m = 0; m < 12; m++) {
        monthly *= Math.pow(1 - phasedChurn(c0, now, renewedShareAverage(year + m / 12, year + (m + 1) / 12, term)), 1 / 12);
      }
      if (Math.abs(yearly - monthly) > 1e-12) violations.push(`c0 ${c0}, c ${now}, term ${term}, year ${year + 1}: ${yearly} vs ${monthly}`);
    }), { numRuns: 300 });
    expect(violations).toEqual([]);
  });
});

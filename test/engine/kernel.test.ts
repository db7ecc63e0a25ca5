/**
 * The bench's bare loop (bench/kernel.ts) is the yardstick of issue 14's speed target only if it does
 * the engine's arithmetic: its contribution and terminal value must equal the engine's in the case it
 * covers (flat churn, annual, one-year contracts, no quota layer). Agreement only: nothing is timed.
 */
import fc from 'fast-check';
import { projectPlan, validateScenario, type PlanValues, type Scenario } from '../../src/engine';
import { createKernel } from '../../bench/kernel';
import { scenario as benchScenario } from '../../bench/montecarlo.bench';
import { scenarioArbitrary } from './arbitraries';

/** Largest difference, relative to the size of the amounts it comes from (a contribution near 0 is a difference of large amounts). */
function worstDifference(s: Scenario, plan: PlanValues): number {
  const P = s.settings.horizonYears;
  const kernel = createKernel(s.segments.length, P);
  kernel.run(s, plan);
  const engine = projectPlan(s, plan);
  let worst = 0;
  for (let g = 0; g <= s.segments.length; g++) {
    let horizon = 0;
    for (let t = 0; t < P; t++) {
      const want = engine.value('contribution', t, g);
      const scale = Math.max(1, Math.abs(want), engine.value('revenue', t, g), engine.value('compCost', t, g));
      worst = Math.max(worst, Math.abs(kernel.contribution[g * P + t] - want) / scale);
      horizon += scale;
    }
    const want = engine.terminalValue[g];
    worst = Math.max(worst, Math.abs(kernel.terminal[g] - want) / Math.max(1, Math.abs(want), horizon));
  }
  return worst;
}

function annualOneYearFlat(s: Scenario): Scenario {
  for (const g of s.segments) g.values.contractTermYears = 1;
  return s;
}

describe('the bench kernel computes what the engine computes', () => {
  test('on the Monte Carlo bench scenario, both plans, to 1e-12', () => {
    const s = benchScenario();
    expect(worstDifference(s, s.baseline.values)).toBeLessThan(1e-12);
    expect(worstDifference(s, s.proposed[0].values)).toBeLessThan(1e-12);
  });

  test('with every lever moved: prevention, agent assist, no service bonus, instant adoption', () => {
    const s = benchScenario();
    Object.assign(s.proposed[0].values, { preventionBudget: 200_000, agentAssist: 0.4, serviceBonusPool: 0, automationShare: 0.5 });
    s.behaviour.adoptionHalfLife = 0;
    s.settings.discountTiming = 1;
    expect(validateScenario(s)).toEqual([]);
    expect(worstDifference(s, s.proposed[0].values)).toBeLessThan(1e-12);
  });

  test('on random annual flat scenarios with one-year contracts, to 1e-9', () => {
    const scenarios = scenarioArbitrary({ periodsPerYear: fc.constant(1), flatOnly: true })
      .map(annualOneYearFlat)
      .filter((s) => validateScenario(s).length === 0);
    fc.assert(fc.property(scenarios, (s) => {
      expect(worstDifference(s, s.baseline.values)).toBeLessThan(1e-9);
      expect(worstDifference(s, s.proposed[0].values)).toBeLessThan(1e-9);
    }), { numRuns: 200 });
  });
});

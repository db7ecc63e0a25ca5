import fc from 'fast-check';
import { checkScenario, glassBoxScenarios } from './glass-box';

/**
 * MODEL.md section 10 on random valid scenarios (flat and sBG segments, 1–3 segments, one or two
 * proposed plans, both discount timings), one property per granularity so each is always covered.
 */
describe('the plain-formula model equals the engine on random scenarios', () => {
  it.each([[1, 'annual', 14], [4, 'quarterly', 10], [12, 'monthly', 6]] as const)('%s periods a year (%s)', (ppy, _, runs) => {
    let sbg = 0;
    fc.assert(fc.property(glassBoxScenarios(ppy), (s) => {
      expect(s.settings.periodsPerYear).toBe(ppy);
      if (s.segments.some((g) => g.values.sbgAlpha > 0 && g.values.sbgBeta > 0)) sbg++;
      expect(checkScenario(s).failures).toEqual([]);
    }), { numRuns: runs });
    // The seeded cases include segments on the sBG curve, not only flat churn.
    expect(sbg).toBeGreaterThan(0);
  });
});

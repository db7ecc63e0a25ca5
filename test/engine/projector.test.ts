import fc from 'fast-check';
import { METRICS, Projector, projectPlan, type Metric } from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/**
 * A Projector told which totals its caller reads (a Monte Carlo trial: contribution, revenue and the
 * metrics it keeps per period) computes those and skips the rest of the total column: what it does
 * compute must be what projectPlan computes, to the bit, rates included (they are recomputed from
 * other totals, which it must then compute too), whatever the buffers held from the plan before.
 */
describe('a projector that totals only some metrics', () => {
  it('gives exactly projectPlan\'s totals of those metrics, segment rows and terminal values', () => {
    fc.assert(fc.property(
      scenarioArbitrary({ flatOnly: true }), fc.subarray([...METRICS], { minLength: 1, maxLength: 6 }),
      (s, metrics: Metric[]) => {
        const projector = new Projector(true, metrics);
        // The proposed plan first, so the buffers hold another projection's totals when the baseline is projected.
        projector.project(s, s.proposed[0].values);
        const p = projector.project(s, s.baseline.values);
        const full = projectPlan(s, s.baseline.values);
        for (const m of metrics) {
          for (let t = 0; t < full.periods; t++) expect(p.value(m, t)).toBe(full.value(m, t));
          for (let g = 0; g < s.segments.length; g++) expect(Array.from(p.series(m, g))).toEqual(Array.from(full.series(m, g)));
        }
        expect(Array.from(p.terminalValue)).toEqual(Array.from(full.terminalValue));
      }), { numRuns: 150 });
  });

  it('totals every metric when told none, as projectPlan does', () => {
    fc.assert(fc.property(scenarioArbitrary({ flatOnly: true }), (s) => {
      const p = new Projector(true).project(s, s.proposed[0].values);
      expect(Array.from(p.data)).toEqual(Array.from(projectPlan(s, s.proposed[0].values).data));
    }), { numRuns: 60 });
  });
});

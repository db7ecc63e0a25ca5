/**
 * What the runner draws and how it summarises them. distributions.test.ts already checks each kind's
 * untruncated moments from raw samplers; here each kind is truncated to a key's valid range and drawn
 * through the runner's own sub-streams (plain and Latin hypercube), and the column statistics (found
 * by selection, not sorting) equal stats.ts's.
 */
import fc from 'fast-check';
import {
  defaultScenario, findSpec, percentilesInPlace, quantile, runMonteCarlo, selectInPlace, spreadOf, summarize, truncatedSampler,
  type DistributionSpec,
} from '../../src/engine';

/** Mean and sd of a truncated distribution: ∫₀¹ Q(u) du by the midpoint rule on 100,000 nodes. */
function truncatedMoments(spec: DistributionSpec, lo: number, hi: number): { mean: number; sd: number } {
  const q = truncatedSampler(spec, lo, hi);
  const n = 100_000;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = q.quantile((i + 0.5) / n);
    s1 += x;
    s2 += x * x;
  }
  const mean = s1 / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean) };
}

/** Each kind on a key whose valid range cuts it (the truncation shows in the moments). */
const CASES: [string, DistributionSpec][] = [
  ['saveRate', { kind: 'triangular', min: -0.2, mode: 0.3, max: 0.6 }],
  ['resolutionRate', { kind: 'pert', min: 0.5, mode: 0.9, max: 1.2 }],
  ['womNegative', { kind: 'uniform', min: -1, max: 2 }],
  ['pChurnIfUnresolved', { kind: 'normal', mean: 0.02, sd: 0.02 }],
  ['responsiveness', { kind: 'lognormal', mean: 0.8, sd: 0.8 }],
];

describe('draws through the runner, truncated to the key\'s valid range', () => {
  it.each(CASES)('%s ~ %j: mean within 5 standard errors, sd within 6 %, every draw in range (plain and LHS)', (key, spec) => {
    const { min, max } = findSpec(key)!;
    const want = truncatedMoments(spec, min, max);
    const table = [{ key, distribution: spec }];
    for (const latinHypercube of [false, true]) {
      const r = runMonteCarlo(defaultScenario(), table, { trials: 4000, seed: 2024, latinHypercube, kinds: [] });
      const x = r.inputs[0];
      const s = summarize(x);
      expect(s.min).toBeGreaterThanOrEqual(min);
      expect(s.max).toBeLessThanOrEqual(max);
      const tolerance = latinHypercube ? want.sd / x.length : (5 * want.sd) / Math.sqrt(x.length);
      expect(r.redrawn).toBe(0);
      expect(Math.abs(s.mean - want.mean)).toBeLessThan(tolerance);
      expect(Math.abs(s.sd - want.sd)).toBeLessThan(0.06 * want.sd);
    }
  });
});

describe('spreadOf', () => {
  const column = fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(0, 1, -1, 5)), { minLength: 1, maxLength: 300 })
    .map((a) => Float64Array.from(a));

  it('equals stats.ts summarize exactly, ties and repeats included (property)', () => {
    fc.assert(fc.property(column, (values) => {
      const copy = Float64Array.from(values);
      const got = spreadOf(values, new Float64Array(values.length + 3));
      const want = summarize(values);
      expect(values).toEqual(copy); // not modified
      for (const key of ['n', 'mean', 'sd', 'min', 'max', 'p5', 'p10', 'p50', 'p90', 'p95'] as const) expect(got[key]).toBe(want[key]);
    }), { numRuns: 300 });
  });

  it('selects the k-th smallest of adversarial inputs (sorted, reversed, constant, organ pipe)', () => {
    const n = 5000;
    const inputs = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      new Float64Array(n).fill(3),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    ];
    for (const a of inputs) {
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, 1, 250, n / 2, n - 2, n - 1]) {
        const work = Float64Array.from(a);
        selectInPlace(work, k);
        expect(work[k]).toBe(sorted[k]);
      }
      expect(percentilesInPlace(Float64Array.from(a), [0.05, 0.5, 0.95])).toEqual([0.05, 0.5, 0.95].map((p) => quantile(a, p)));
    }
  });
});

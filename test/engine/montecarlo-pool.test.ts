/**
 * A run split over a pool gives the single-threaded run's numbers bit for bit, whatever the pool size
 * (1, 2, 4 in-process workers finishing in scrambled order), with LHS, correlation and a tolerance;
 * standard errors match their formulas; a tolerance stops at a checkpoint.
 */
import {
  CHECKPOINT_TRIALS, defaultScenario, defaultSegment, runMonteCarlo, runPart, runPooled, shareError,
  type MonteCarloOptions, type PartRunner, type Scenario, type UncertaintyRow,
} from '../../src/engine';

function scenario(): Scenario {
  const s = defaultScenario();
  s.settings.horizonYears = 4;
  s.segments = [defaultSegment('SMB'), defaultSegment('Enterprise')];
  s.segments[1].values.arpa = 90_000;
  return s;
}

const ROWS: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.4 } },
  { key: 'churn', segment: 'SMB', distribution: { kind: 'normal', mean: 0.1, sd: 0.03 } },
  { key: 'newCustomers', distribution: { kind: 'triangular', min: 80, mode: 120, max: 150 } },
  { key: 'discountRate', distribution: { kind: 'uniform', min: 0.07, max: 0.13 } },
];

/** In-process workers that answer in an order set by `delays` (microtask turns), not the order asked. */
function pool(size: number, s: Scenario, options: MonteCarloOptions): PartRunner[] {
  let calls = 0;
  return Array.from({ length: size }, () => ({
    run: async (from: number, to: number) => {
      const turns = (calls++ * 7) % 5;
      for (let i = 0; i < turns; i++) await Promise.resolve();
      return runPart(s, ROWS, options, from, to);
    },
  }));
}

const CASES: [string, MonteCarloOptions][] = [
  ['plain', { trials: 2300, seed: 11 }],
  ['LHS and correlation', { trials: 2300, seed: 12, latinHypercube: true, correlation: { keys: ['responsiveness', 'newCustomers'], matrix: [[1, 0.5], [0.5, 1]] } }],
];

describe.each(CASES)('pooled run, %s', (_name, options) => {
  const s = scenario();
  const single = runMonteCarlo(s, ROWS, options);

  it.each([1, 2, 4])('%i workers give the same result bit for bit', async (size) => {
    const pooled = await runPooled(s, ROWS, options, pool(size, s, options));
    expect(pooled).toEqual(single);
    // toEqual compares typed arrays element by element with Object.is: -0, NaN and every bit count.
    expect(Buffer.from(pooled.plans[0].trials.customerEquityDelta.buffer).equals(Buffer.from(single.plans[0].trials.customerEquityDelta.buffer))).toBe(true);
  });
});

describe('standard errors and a tolerance', () => {
  const s = scenario();

  it('reports sd/√n for means and √(p(1−p)/n) for probabilities', () => {
    const r = runMonteCarlo(s, ROWS, { trials: 1500, seed: 5, kinds: [] });
    const o = r.plans[0];
    expect(o.errors.customerEquityDeltaMean).toBeCloseTo(o.customerEquityDelta.sd / Math.sqrt(1500), 6);
    expect(o.errors.npvDeltaMean).toBeCloseTo(o.npvDelta.sd / Math.sqrt(1500), 6);
    expect(o.errors.pWinNpv).toBeCloseTo(shareError(o.pWinNpv, 1500), 12);
    expect(shareError(1, 1000)).toBe(1 / 2000); // a share of 1 is never reported as exact
    expect(r.baselineEquityError).toBeCloseTo(r.baselineEquitySpread.sd / Math.sqrt(1500), 6);
  });

  it('stops at the first checkpoint within the tolerance, the same in a pool of 3', async () => {
    const options: MonteCarloOptions = { trials: 20_000, seed: 5, kinds: [], tolerance: { probability: 0.0005 } };
    const r = runMonteCarlo(s, ROWS, options);
    expect(r.requestedTrials).toBe(20_000);
    expect(r.converged).toBe(true);
    expect(r.trials % CHECKPOINT_TRIALS).toBe(0);
    expect(r.trials).toBeLessThan(20_000);
    expect(r.plans[0].errors.pWinNpv).toBeLessThanOrEqual(0.0005);
    // One checkpoint earlier was not yet within it.
    const before = runMonteCarlo(s, ROWS, { ...options, trials: r.trials - CHECKPOINT_TRIALS, tolerance: undefined });
    const e = before.plans[0].errors;
    expect(Math.max(e.pWinEquity, e.pWinNpv, e.pBreakevenWithinTenure)).toBeGreaterThan(0.0005);
    const pooled = await runPooled(s, ROWS, options, pool(3, s, options));
    expect(pooled).toEqual(r);
  });
});

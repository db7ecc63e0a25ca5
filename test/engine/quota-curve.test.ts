import fc from 'fast-check';
import {
  attainmentBands, attainmentDensity, expectedPayout, expectedPayoutSlope, lognormalSigma, payout, shareAtOrAboveQuota, type PayoutCurve,
} from '../../src/engine';

/** MODEL.md section 8: payout curves and their expectation over a lognormal spread of attainment. */

const LINEAR: PayoutCurve = { threshold: 0, decelerator: 1, accelerator: 1, cap: Infinity };

/**
 * The independent check: E[f(A)] for A = ā·exp(σZ − σ²/2), Z standard normal, by composite Simpson in z
 * between the curve's kinks (the integrand is smooth between them), over z in [−12, 12]. `kinks` are
 * attainments where f bends or jumps.
 */
function integrate(f: (a: number) => number, mean: number, cv: number, kinks: number[]): number {
  const sigma = lognormalSigma(cv);
  const attainment = (z: number) => mean * Math.exp(sigma * z - (sigma * sigma) / 2);
  const zOf = (a: number) => (Math.log(a / mean) + (sigma * sigma) / 2) / sigma;
  const cuts = [-12, ...kinks.filter((a) => a > 0 && Number.isFinite(a)).map(zOf).filter((z) => z > -12 && z < 12).sort((x, y) => x - y), 12];
  const g = (z: number) => (f(attainment(z)) * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI);
  let sum = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [lo, hi] = [cuts[k], cuts[k + 1]];
    const n = 2000;
    const h = (hi - lo) / n;
    // Open at the ends (a jump sits on a cut): evaluate just inside.
    let part = g(lo + 1e-12) + g(hi - 1e-12);
    for (let i = 1; i < n; i++) part += (i % 2 ? 4 : 2) * g(lo + i * h);
    sum += (part * h) / 3;
  }
  return sum;
}

const kinksOf = (c: PayoutCurve) => [c.threshold, c.decelerator > 0 ? 1 - 1 / c.decelerator : 0, 1, c.accelerator > 0 ? 1 + (c.cap - 1) / c.accelerator : Infinity];

const curve: fc.Arbitrary<PayoutCurve> = fc.record({
  threshold: fc.double({ min: 0, max: 1, noNaN: true }),
  decelerator: fc.double({ min: 0, max: 10, noNaN: true }),
  accelerator: fc.double({ min: 0, max: 10, noNaN: true }),
  cap: fc.double({ min: 1, max: 100, noNaN: true }),
});
const mean = fc.double({ min: 0.05, max: 5, noNaN: true });
const cv = fc.double({ min: 0.02, max: 2, noNaN: true });

describe('the payout curve', () => {
  it('pays nothing below the threshold, attainment one for one up to quota, then the accelerator up to the cap', () => {
    const c: PayoutCurve = { threshold: 0.5, decelerator: 1, accelerator: 2, cap: 2.5 };
    const expected = [0, 0, 0.5, 0.8, 1, 1.2, 2.5, 2.5, 2.5];
    [0, 0.49, 0.5, 0.8, 1, 1.1, 1.75, 1.9, 5].forEach((a, i) => expect(payout(a, c)).toBeCloseTo(expected[i], 14));
  });

  it('with a decelerator pays less below quota, from where the line reaches 0 (a ramp from the threshold at 1/(1 − threshold))', () => {
    expect(payout(0.8, { threshold: 0, decelerator: 2, accelerator: 1, cap: 3 })).toBeCloseTo(0.6, 15);
    expect(payout(0.45, { threshold: 0, decelerator: 2, accelerator: 1, cap: 3 })).toBe(0);
    const ramp: PayoutCurve = { threshold: 0.6, decelerator: 1 / 0.4, accelerator: 1, cap: 3 };
    expect(payout(0.6, ramp)).toBeCloseTo(0, 15);
    expect(payout(0.8, ramp)).toBeCloseTo(0.5, 15);
  });

  it('never exceeds its cap and never falls as attainment rises', () => {
    fc.assert(fc.property(curve, fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (c, a, b) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      expect(payout(hi, c)).toBeLessThanOrEqual(c.cap);
      expect(payout(lo, c)).toBeGreaterThanOrEqual(0);
      expect(payout(lo, c)).toBeLessThanOrEqual(payout(hi, c));
    }));
  });
});

describe('expected payout over the spread of attainment', () => {
  it('with no threshold, accelerator or cap is the expected attainment itself', () => {
    fc.assert(fc.property(mean, cv, (m, v) => {
      expect(Math.abs(expectedPayout(LINEAR, m, v) - m)).toBeLessThanOrEqual(1e-12 * m);
    }));
  });

  it('matches a numerical integration to 1e-9 of target (the requirement is 1e-6 of the payout)', () => {
    fc.assert(fc.property(curve, mean, cv, (c, m, v) => {
      const exact = integrate((a) => payout(a, c), m, v, kinksOf(c));
      expect(Math.abs(expectedPayout(c, m, v) - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, exact));
    }), { numRuns: 300 });
  });

  it('is worked by hand for a 50 % threshold, accelerator 2 and cap 3 at 100 % expected attainment, cv 0.35', () => {
    // σ = √ln(1 + 0.35²) = 0.339951, d(x) = (ln x + σ²/2)/σ: d(0.5) = −1.868986, d(1) = 0.169975, d(2) = 2.208935.
    // The curve pays A on [0.5, 1), 2A − 1 on [1, 2) and 3 from 2 (where 2A − 1 reaches the cap):
    //   E[A; 0.5 ≤ A < 1]     = Φ(d(1) − σ) − Φ(d(0.5) − σ)               = 0.432516 − 0.013590 = 0.418926
    //   E[2A − 1; 1 ≤ A < 2]  = 2(Φ(d(2) − σ) − Φ(d(1) − σ)) − (Φ(d(2)) − Φ(d(1)))
    //                         = 2(0.969187 − 0.432516) − (0.986410 − 0.567484) = 0.654416
    //   3·P(A ≥ 2)            = 3(1 − 0.986410)                            = 0.040770
    // 1.114112 in all: the accelerator pays the reps above quota more than the threshold takes from those below.
    const c: PayoutCurve = { threshold: 0.5, decelerator: 1, accelerator: 2, cap: 3 };
    expect(expectedPayout(c, 1, 0.35)).toBeCloseTo(1.114112, 5);
    const exact = integrate((a) => (a < 0.5 ? 0 : a < 1 ? a : Math.min(3, 2 * a - 1)), 1, 0.35, [0.5, 1, 2]);
    expect(expectedPayout(c, 1, 0.35)).toBeCloseTo(exact, 10);
  });

  it('never exceeds the cap and rises with the expected attainment', () => {
    fc.assert(fc.property(curve, mean, mean, cv, (c, a, b, v) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      expect(expectedPayout(c, hi, v)).toBeLessThanOrEqual(c.cap * (1 + 1e-12));
      expect(expectedPayout(c, lo, v)).toBeLessThanOrEqual(expectedPayout(c, hi, v) + 1e-12);
    }));
  });

  it('without spread is the curve at the expected attainment', () => {
    fc.assert(fc.property(curve, mean, (c, m) => {
      expect(expectedPayout(c, m, 0)).toBe(payout(m, c));
    }));
  });
});

describe('the slope that moves effort', () => {
  it('is the derivative of the expected payout in the expected attainment, jump at the threshold included', () => {
    fc.assert(fc.property(curve, mean, fc.double({ min: 0.05, max: 2, noNaN: true }), (c, m, v) => {
      const h = 1e-5 * m;
      const numeric = (expectedPayout(c, m + h, v) - expectedPayout(c, m - h, v)) / (2 * h);
      expect(Math.abs(expectedPayoutSlope(c, m, v) - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
    }), { numRuns: 300 });
  });

  it('is exactly 1 for the linear curve, and 0 for a curve capped at 100 % with everyone far past quota', () => {
    expect(expectedPayoutSlope(LINEAR, 1.3, 0.35)).toBe(1);
    expect(expectedPayoutSlope({ threshold: 0, decelerator: 1, accelerator: 1, cap: 1 }, 20, 0.1)).toBeLessThan(1e-12);
  });
});

describe('the spread of attainment', () => {
  it('puts 43.3 % of reps at or above quota when the expected attainment is 100 % and cv 0.35', () => {
    // A lognormal with mean 1 has median exp(−σ²/2) < 1: P(A ≥ 1) = Φ(−σ/2), σ = 0.33995.
    expect(shareAtOrAboveQuota(1, 0.35)).toBeCloseTo(0.432517, 6);
    expect(shareAtOrAboveQuota(0.9, 0)).toBe(0);
    expect(shareAtOrAboveQuota(1, 0)).toBe(1);
  });

  it('has a density that integrates to each band\'s share', () => {
    fc.assert(fc.property(mean, fc.double({ min: 0.05, max: 1.5, noNaN: true }), (m, v) => {
      // Simpson over attainment from 0 to the median, against the share of reps below the median.
      const median = m / Math.sqrt(1 + v * v);
      const n = 20_000;
      const h = median / n;
      let sum = attainmentDensity(1e-300, m, v) + attainmentDensity(median, m, v);
      for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * attainmentDensity(i * h, m, v);
      expect((sum * h) / 3).toBeCloseTo(attainmentBands(m, v, [median])[0], 6);
      expect(attainmentBands(m, v, [median])[0]).toBeCloseTo(0.5, 12);
    }), { numRuns: 30 });
  });

  it('splits the reps into bands that add up to 1 and match a numerical integration', () => {
    fc.assert(fc.property(mean, cv, fc.uniqueArray(fc.double({ min: 0.05, max: 4, noNaN: true }), { minLength: 1, maxLength: 6 }), (m, v, raw) => {
      const edges = [...raw].sort((a, b) => a - b);
      const shares = attainmentBands(m, v, edges);
      expect(shares).toHaveLength(edges.length + 1);
      expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      const bounds = [0, ...edges, Infinity];
      shares.forEach((share, k) => {
        const exact = integrate((a) => (a >= bounds[k] && a < bounds[k + 1] ? 1 : 0), m, v, edges);
        expect(Math.abs(share - exact)).toBeLessThan(1e-9);
      });
      expect(shareAtOrAboveQuota(m, v)).toBeCloseTo(1 - attainmentBands(m, v, [1])[0], 14);
    }), { numRuns: 100 });
  });
});

import fc from 'fast-check';
import {
  distributionMoments,
  distributionQuantile,
  pertShape,
  truncatedSampler,
  validateDistribution,
  type DistributionSpec,
} from '../../src/engine/uncertainty/distributions';
import { incompleteBeta, incompleteBetaInverse, lnGamma } from '../../src/engine/math/beta';
import { ModelError } from '../../src/engine/text/errors';
import { latinHypercube } from '../../src/engine/uncertainty/lhs';
import { describeProblem, describeProblems } from '../../src/engine/text/messages';
import { createRandom } from '../../src/engine/math/random';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);

describe('lnGamma', () => {
  it('matches high-precision values to 1e-14 relative', () => {
    const cases: [number, number][] = [
      [0.1, 2.252712651734205902], [0.5, 0.5723649429247000871], [1.5, -0.1207822376352452223],
      [2.5, 0.2846828704729191596], [3, 0.6931471805599453094], [4.2, 2.048555636960590042],
      [5, 3.178053830347945620], [6, 4.787491742782045994], [7.5, 7.534364236758732955],
      [10, 12.80182748008146961], [30, 71.25703896716800901], [100, 359.1342053695753988],
      [1e-5, 11.51291969289582563],
    ];
    for (const [x, v] of cases) expect(rel(lnGamma(x), v)).toBeLessThan(1e-14);
    expect(Math.abs(lnGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(lnGamma(2))).toBeLessThan(1e-15);
  });
});

describe('incompleteBeta', () => {
  it('gives I_0.5(2, 3) = 0.6875', () => {
    expect(Math.abs(incompleteBeta(0.5, 2, 3) - 0.6875)).toBeLessThan(1e-15);
  });

  it('gives I_x(1, 1) = x, I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    for (let x = 0; x <= 1; x += 0.0625) {
      expect(Math.abs(incompleteBeta(x, 1, 1) - x)).toBeLessThan(1e-15);
      expect(rel(incompleteBeta(x, 2.7, 1), x ** 2.7) || 0).toBeLessThan(1e-13);
      expect(Math.abs(incompleteBeta(x, 1, 3.3) - (1 - (1 - x) ** 3.3))).toBeLessThan(4e-15);
    }
  });

  it('gives I_x(½, ½) = (2/π)·asin(√x)', () => {
    for (const x of [1e-6, 0.01, 0.2, 0.5, 0.77, 0.999]) {
      expect(rel(incompleteBeta(x, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(x)))).toBeLessThan(1e-13);
    }
  });

  it('matches the binomial tail for integer shapes', () => {
    const choose = (n: number, k: number) => { let c = 1; for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i; return c; };
    for (const [a, b] of [[1, 5], [2, 3], [3, 3], [5, 1], [4, 7], [2, 9]]) {
      for (const x of [0.01, 0.1, 0.35, 0.5, 0.8, 0.97]) {
        const n = a + b - 1;
        let tail = 0;
        for (let j = a; j <= n; j++) tail += choose(n, j) * x ** j * (1 - x) ** (n - j);
        expect(rel(incompleteBeta(x, a, b), tail)).toBeLessThan(1e-13);
      }
    }
  });

  it('matches high-precision values (mpmath) in both tails to 1e-13 relative', () => {
    // [x, a, b, I_x(a, b), 1 − I_x(a, b)]
    const cases: [number, number, number, number, number][] = [
      [0.3, 2.4, 3.6, 0.32899503851977621036, 0.67100496148022378964],
      [0.9, 1.2, 4.8, 0.99997622268236056452, 0.000023777317639435483221],
      [1e-4, 3, 3, 9.9985000600000014374e-12, 0.99999999999000149994],
      [0.999, 5, 1.3, 0.99909469922351343762, 0.00090530077648656238346],
      [0.7, 10, 20, 0.99998285808282691033, 0.00001714191717308967034],
      [0.05, 0.3, 7, 0.74928028224375188029, 0.25071971775624811971],
      [0.6, 4.6, 1.4, 0.1591899949227090441, 0.8408100050772909559],
      [1e-8, 1.5, 4.5, 7.7606980144587125358e-12, 0.99999999999223930199],
    ];
    for (const [x, a, b, lower, upper] of cases) {
      expect(rel(incompleteBeta(x, a, b), lower)).toBeLessThan(1e-13);
      // The upper tail via symmetry, I_{1−x}(b, a) (1 − x is exact here or close enough).
      expect(rel(incompleteBeta(1 - x, b, a), upper)).toBeLessThan(1e-12);
    }
  });

  it('is 0 below 0 and 1 above 1, and rejects non-positive shapes', () => {
    expect(incompleteBeta(-0.5, 2, 3)).toBe(0);
    expect(incompleteBeta(1.5, 2, 3)).toBe(1);
    expect(() => incompleteBeta(0.5, 0, 3)).toThrow(ModelError);
    expect(() => incompleteBeta(0.5, 2, -1)).toThrow(ModelError);
  });
});

/** The root of I_x(a, b) = p lies within `ulps` ulps of x (allowing 1e-13 relative error in I itself). */
function rootWithinUlps(x: number, p: number, a: number, b: number, ulps: number): boolean {
  const h = ulps * Number.EPSILON * x;
  const tolerance = 1e-13 * Math.min(p, 1 - p);
  return incompleteBeta(x - h, a, b) <= p + tolerance && incompleteBeta(x + h, a, b) >= p - tolerance;
}

describe('incompleteBetaInverse', () => {
  const shapes: [number, number][] = [[1, 1], [1, 5], [5, 1], [2.2, 3.8], [3, 3], [1.04, 4.96], [0.5, 0.5], [0.3, 7], [10, 20], [4.6, 1.4]];

  it('round-trips p → x → p to 1e-13 relative, deep into both tails, up to the resolution of x', () => {
    for (const [a, b] of shapes) {
      for (const p of [1e-12, 1e-6, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1 - 1e-6]) {
        const x = incompleteBetaInverse(p, a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        // Where the CDF is steep next to 1 (a, b < 1) one ulp of x moves I by more than 1e-13·(1 − p):
        // there the root must lie within 4 ulps of x.
        const close = Math.abs(incompleteBeta(x, a, b) - p) < 1e-13 * Math.min(p, 1 - p) + 4e-16;
        expect(close || rootWithinUlps(x, p, a, b, 4)).toBe(true);
      }
    }
  });

  it('round-trips x → p → x wherever p keeps the information (min(p, 1 − p) > 1e-4)', () => {
    for (const [a, b] of shapes) {
      for (const x of [0.01, 0.2, 0.5, 0.8, 0.99]) {
        const p = incompleteBeta(x, a, b);
        if (Math.min(p, 1 - p) > 1e-4) expect(Math.abs(incompleteBetaInverse(p, a, b) - x)).toBeLessThan(1e-12);
      }
    }
  });

  it('is 0 at p = 0, 1 at p = 1 and increasing in between', () => {
    expect(incompleteBetaInverse(0, 2, 3)).toBe(0);
    expect(incompleteBetaInverse(1, 2, 3)).toBe(1);
    let prev = 0;
    for (let p = 0.001; p < 1; p += 0.001) {
      const x = incompleteBetaInverse(p, 2.2, 3.8);
      expect(x).toBeGreaterThan(prev);
      prev = x;
    }
  });

  it('is within a few ulps of the exact root for random shapes and probabilities (property)', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.2, max: 30, noNaN: true }), fc.double({ min: 0.2, max: 30, noNaN: true }),
      fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }),
      (a, b, p) => rootWithinUlps(incompleteBetaInverse(p, a, b), p, a, b, 8)), { numRuns: 1000 });
  });
});

interface Case { spec: DistributionSpec; kurtosis: number }

const CASES: Case[] = [
  { spec: { kind: 'triangular', min: 0.02, mode: 0.05, max: 0.15 }, kurtosis: 2.4 },
  { spec: { kind: 'triangular', min: 0, mode: 0, max: 1 }, kurtosis: 2.4 },
  { spec: { kind: 'pert', min: 0, mode: 3, max: 10 }, kurtosis: 3 },
  { spec: { kind: 'pert', min: 0.1, mode: 0.1, max: 0.6 }, kurtosis: 3.5 },
  { spec: { kind: 'pert', min: -5, mode: 4.5, max: 5 }, kurtosis: 3.5 },
  { spec: { kind: 'uniform', min: 0.2, max: 0.8 }, kurtosis: 1.8 },
  { spec: { kind: 'normal', mean: 0.3, sd: 0.05 }, kurtosis: 3 },
  { spec: { kind: 'lognormal', mean: 2, sd: 1 }, kurtosis: 8.1 },
];

function checkMoments(values: Float64Array, spec: DistributionSpec, kurtosis: number, meanTolerance?: number): void {
  const n = values.length;
  let s = 0;
  for (const v of values) s += v;
  const m = s / n;
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const want = distributionMoments(spec);
  // 5 standard errors: SE(mean) = σ/√n, SE(sd) ≈ σ·√((κ − 1)/(4n)).
  expect(Math.abs(m - want.mean)).toBeLessThan(meanTolerance ?? (5 * want.sd) / Math.sqrt(n));
  expect(Math.abs(sd - want.sd)).toBeLessThan(5 * want.sd * Math.sqrt((kurtosis - 1) / (4 * n)));
}

describe('distributionMoments', () => {
  it('gives the closed forms', () => {
    expect(distributionMoments({ kind: 'triangular', min: 0, mode: 2, max: 10 })).toEqual({ mean: 4, sd: Math.sqrt(84 / 18) });
    const pert = distributionMoments({ kind: 'pert', min: 0, mode: 3, max: 10 });
    expect(pert.mean).toBeCloseTo((0 + 4 * 3 + 10) / 6, 14);
    const { alpha, beta } = pertShape(0, 3, 10);
    expect([alpha, beta]).toEqual([2.2, 3.8]);
    expect(pert.sd).toBeCloseTo(10 * Math.sqrt((alpha * beta) / (36 * 7)), 14);
    expect(distributionMoments({ kind: 'uniform', min: 1, max: 4 })).toEqual({ mean: 2.5, sd: 3 / Math.sqrt(12) });
    expect(distributionMoments({ kind: 'normal', mean: 1, sd: 2 })).toEqual({ mean: 1, sd: 2 });
    expect(distributionMoments({ kind: 'lognormal', mean: 1, sd: 2 })).toEqual({ mean: 1, sd: 2 });
  });
});

describe('sampling by inverse CDF', () => {
  it.each(CASES.map((c) => [c.spec.kind, JSON.stringify(c.spec), c] as const))(
    'draws %s %s with mean and sd within 5 standard errors of the closed form over 200,000 draws',
    (_kind, _json, { spec, kurtosis }) => {
      const sampler = truncatedSampler(spec);
      const r = createRandom(20240601);
      const n = 200_000;
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = sampler.quantile(r.next());
      checkMoments(values, spec, kurtosis);
    });

  it.each(CASES.map((c) => [c.spec.kind, JSON.stringify(c.spec), c] as const))(
    'draws %s %s through a Latin hypercube with a mean error far below plain sampling',
    (_kind, _json, { spec, kurtosis }) => {
      const n = 20_000;
      const [u] = latinHypercube(n, 1, createRandom(5));
      const sampler = truncatedSampler(spec);
      const values = u.map((x) => sampler.quantile(x));
      checkMoments(values, spec, kurtosis, (0.5 * distributionMoments(spec).sd) / Math.sqrt(n));
    });

  it('gives the hand-computed triangular quantiles', () => {
    const t: DistributionSpec = { kind: 'triangular', min: 0, mode: 2, max: 10 };
    expect(distributionQuantile(t, 0.1)).toBeCloseTo(Math.sqrt(2), 14);
    expect(distributionQuantile(t, 0.2)).toBeCloseTo(2, 14);
    expect(distributionQuantile(t, 0.9)).toBeCloseTo(10 - Math.sqrt(8), 14);
    expect(distributionQuantile(t, 0)).toBe(0);
    expect(distributionQuantile(t, 1)).toBe(10);
  });

  it('gives PERT quantiles matching high-precision values (mpmath) to 1e-13', () => {
    const p: DistributionSpec = { kind: 'pert', min: 0, mode: 3, max: 10 };
    expect(rel(distributionQuantile(p, 0.1), 1.3619996256367142902)).toBeLessThan(1e-13);
    expect(rel(distributionQuantile(p, 0.5), 3.5099948494911801778)).toBeLessThan(1e-13);
    expect(rel(distributionQuantile(p, 0.9), 6.2075448566512014641)).toBeLessThan(1e-13);
    expect(rel(distributionQuantile(p, 1e-6), 0.0064258123907625457816)).toBeLessThan(1e-12);
  });

  it('inverts the PERT CDF to 1e-14 everywhere, including at and next to the lookup nodes', () => {
    for (const spec of [{ min: 0, mode: 3, max: 10 }, { min: 1, mode: 1, max: 2 }, { min: -1, mode: 1, max: 1 }, { min: 0, mode: 0.5, max: 1 }]) {
      const s = truncatedSampler({ kind: 'pert', ...spec });
      const { alpha, beta } = pertShape(spec.min, spec.mode, spec.max);
      const w = spec.max - spec.min;
      let prev = -Infinity;
      for (let i = 1; i < 256; i++) {
        for (const u of [i / 256 - 1e-9, i / 256, i / 256 + 1e-9]) {
          const x = s.quantile(u);
          expect(x).toBeGreaterThanOrEqual(prev);
          prev = x;
          expect(Math.abs(incompleteBeta((x - spec.min) / w, alpha, beta) - u)).toBeLessThan(1e-14);
        }
      }
      for (const u of [2 ** -53, 1e-12, 1e-5, 1 - 1e-5, 1 - 2 ** -53]) {
        const x = s.quantile(u);
        expect(Math.abs(incompleteBeta((x - spec.min) / w, alpha, beta) - u)).toBeLessThan(1e-13 * Math.min(u, 1 - u) + 4e-16);
      }
    }
  });

  it('gives normal and lognormal quantiles matching SciPy', () => {
    expect(distributionQuantile({ kind: 'normal', mean: 5, sd: 2 }, 0.1)).toBeCloseTo(2.4368968689107, 10);
    const ln: DistributionSpec = { kind: 'lognormal', mean: 2, sd: 1.5 };
    expect(rel(distributionQuantile(ln, 0.1), 0.6796798875252422)).toBeLessThan(1e-12);
    expect(rel(distributionQuantile(ln, 0.5), 1.6)).toBeLessThan(1e-12);
    expect(rel(distributionQuantile(ln, 0.9), 3.766478966033735)).toBeLessThan(1e-12);
  });
});

describe('truncation', () => {
  it('matches SciPy truncnorm for a normal cut at 0 and 1', () => {
    const spec: DistributionSpec = { kind: 'normal', mean: 0.05, sd: 0.1 };
    expect(rel(distributionQuantile(spec, 0.1, 0, 1), 0.018843030670828598)).toBeLessThan(1e-10);
    expect(rel(distributionQuantile(spec, 0.5, 0, 1), 0.08968711750895447)).toBeLessThan(1e-10);
    expect(rel(distributionQuantile(spec, 0.9, 0, 1), 0.19821796784409074)).toBeLessThan(1e-10);
  });

  it('keeps precision in a far upper tail (normal truncated to [4, ∞))', () => {
    const spec: DistributionSpec = { kind: 'normal', mean: 0, sd: 1 };
    expect(rel(distributionQuantile(spec, 0.1, 4), 4.024864068665168)).toBeLessThan(1e-9);
    expect(rel(distributionQuantile(spec, 0.5, 4), 4.161104278597881)).toBeLessThan(1e-9);
    expect(rel(distributionQuantile(spec, 0.9, 4), 4.514913939175694)).toBeLessThan(1e-9);
    expect(truncatedSampler(spec, 4).mass).toBeCloseTo(3.167124183311986e-5, 15);
  });

  it('matches SciPy for a lognormal truncated to [0, 3]', () => {
    const spec: DistributionSpec = { kind: 'lognormal', mean: 2, sd: 1.5 };
    expect(rel(distributionQuantile(spec, 0.1, 0, 3), 0.6332893452449855)).toBeLessThan(1e-10);
    expect(rel(distributionQuantile(spec, 0.5, 0, 3), 1.3822206014940934)).toBeLessThan(1e-10);
    expect(rel(distributionQuantile(spec, 0.9, 0, 3), 2.479376936624037)).toBeLessThan(1e-10);
    expect(truncatedSampler(spec, 0, 3).mass).toBeCloseTo(0.8266384475742053, 12);
  });

  it('does nothing when the valid range covers the support', () => {
    const spec: DistributionSpec = { kind: 'pert', min: 0.1, mode: 0.2, max: 0.5 };
    for (const u of [0.01, 0.3, 0.77]) expect(distributionQuantile(spec, u, 0, 1)).toBe(distributionQuantile(spec, u));
    expect(truncatedSampler(spec, 0, 1)).toMatchObject({ lo: 0.1, hi: 0.5, mass: 1 });
  });

  it('keeps samples inside [lo, hi] for every kind', () => {
    const r = createRandom(77);
    const cases: [DistributionSpec, number, number][] = [
      [{ kind: 'normal', mean: 0.05, sd: 0.1 }, 0, 0.95],
      [{ kind: 'normal', mean: 0.9, sd: 0.2 }, 0, 0.95],
      [{ kind: 'lognormal', mean: 0.5, sd: 0.8 }, 0.05, 1],
      [{ kind: 'triangular', min: -0.2, mode: 0.1, max: 0.4 }, 0, 0.3],
      [{ kind: 'pert', min: -1, mode: 0.5, max: 3 }, 0, 1],
      [{ kind: 'uniform', min: -1, max: 0.5 }, 0, 1],
    ];
    for (const [spec, lo, hi] of cases) {
      const s = truncatedSampler(spec, lo, hi);
      let outside = 0;
      for (let i = 0; i < 20_000; i++) {
        const x = s.quantile(r.next());
        if (!(x >= lo && x <= hi)) outside++;
      }
      for (const u of [0, 2 ** -53, 0.5, 1 - 2 ** -53, 1]) {
        const x = s.quantile(u);
        if (!(x >= lo && x <= hi)) outside++;
      }
      expect(outside).toBe(0);
    }
  });

  it('keeps samples inside [lo, hi] and monotone in u for random specs (property)', () => {
    const spec = fc.oneof(
      fc.tuple(fc.constantFrom('triangular', 'pert'), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }))
        .map(([kind, min, t, w]) => ({ kind, min, mode: min + t * w, max: min + w }) as DistributionSpec),
      fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }))
        .map(([min, w]) => ({ kind: 'uniform', min, max: min + w }) as DistributionSpec),
      fc.tuple(fc.constantFrom('normal', 'lognormal'), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }))
        .map(([kind, mean, sd]) => ({ kind, mean, sd }) as DistributionSpec),
    );
    fc.assert(fc.property(spec, fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 20 }),
      (s, lo, width, us) => {
        const hi = lo + width;
        if (validateDistribution('x', s, lo, hi).length > 0) return true;
        const sampler = truncatedSampler(s, lo, hi);
        const sorted = [...us].sort((a, b) => a - b);
        let prev = -Infinity;
        for (const u of sorted) {
          const x = sampler.quantile(u);
          // Monotone up to rounding: the lower- and upper-tail forms meet at p = ½.
          if (!(x >= lo && x <= hi && x >= prev - 1e-12 * Math.max(Math.abs(prev), width))) return false;
          prev = x;
        }
        return true;
      }), { numRuns: 500 });
  });

  it('returns the point when the valid range is a single point inside the support', () => {
    const s = truncatedSampler({ kind: 'normal', mean: 0, sd: 1 }, 0.3, 0.3);
    expect(s.quantile(0.1)).toBe(0.3);
    expect(s.quantile(0.9)).toBe(0.3);
  });
});

describe('validateDistribution', () => {
  const messages = (key: string, spec: unknown, lo?: number, hi?: number) =>
    validateDistribution(key, spec as DistributionSpec, lo, hi).map((p) => describeProblem(p));

  it('accepts valid distributions', () => {
    for (const { spec } of CASES) expect(validateDistribution('churn', spec, -100, 100)).toEqual([]);
    expect(validateDistribution('churn', { kind: 'pert', min: 0, mode: 0, max: 1 })).toEqual([]);
  });

  it('says min must be below max, naming the key', () => {
    expect(messages('churn', { kind: 'triangular', min: 0.3, mode: 0.2, max: 0.1 })).toEqual(['churn: triangular: min 0.3 ≥ max 0.1']);
    expect(messages('arpa', { kind: 'uniform', min: 5, max: 5 })).toEqual(['arpa: uniform: min 5 ≥ max 5']);
  });

  it('says the mode must lie between min and max', () => {
    expect(messages('churn', { kind: 'pert', min: 0.1, mode: 0.5, max: 0.3 })).toEqual(['churn: pert: mode 0.5 ∉ [0.1, 0.3]']);
  });

  it('says sd must be above 0 and a lognormal mean above 0, reporting every problem at once', () => {
    expect(messages('responsiveness', { kind: 'normal', mean: 1, sd: 0 })).toEqual(['responsiveness: normal: sd 0 ≤ 0']);
    expect(messages('arpa', { kind: 'lognormal', mean: -1, sd: -2 })).toEqual(['arpa: lognormal: mean -1 ≤ 0', 'arpa: lognormal: sd -2 ≤ 0']);
  });

  it('says which parameter is not a number', () => {
    expect(messages('churn', { kind: 'pert', min: 0, mode: NaN, max: 'x' })).toEqual([
      'churn.mode: "NaN" is not a number', 'churn.max: "x" is not a number',
    ]);
    expect(messages('churn', { kind: 'normal', mean: 0.1 })).toEqual(['churn.sd: "(blank)" is not a number']);
  });

  it('names the allowed kinds for an unknown kind', () => {
    expect(messages('churn', { kind: 'beta', min: 0, max: 1 })).toEqual([
      'churn: beta is not allowed; use one of triangular, pert, uniform, normal, lognormal',
    ]);
  });

  it('says when the distribution misses the valid range', () => {
    expect(messages('churn', { kind: 'uniform', min: 1, max: 2 }, 0, 0.95)).toEqual(['churn: uniform: [1, 2] ∩ [0, 0.95] = ∅']);
    expect(messages('churn', { kind: 'triangular', min: -1, mode: -0.5, max: 0 }, 0, 0.95)).toEqual(['churn: triangular: [-1, 0] ∩ [0, 0.95] = ∅']);
    expect(messages('churn', { kind: 'lognormal', mean: 1, sd: 1 }, -1, 0)).toEqual(['churn: lognormal: [0, ∞] ∩ [-1, 0] = ∅']);
    expect(messages('churn', { kind: 'normal', mean: 10, sd: 1 }, 0, 0.95)).toEqual(['churn: normal: P(X ∈ [0, 0.95]) = 7.15e-20 < 0.000001']);
  });

  it('says when the valid range itself is empty', () => {
    expect(messages('churn', { kind: 'normal', mean: 0, sd: 1 }, 1, 0)).toEqual(['churn: [1, 0] = ∅']);
  });

  it('speaks Spanish through the same problems', () => {
    const problems = validateDistribution('churn', { kind: 'normal', mean: 0.1, sd: Infinity } as DistributionSpec);
    expect(describeProblems(problems, 'es')).toBe('churn.sd: "Infinity" no es un número');
  });

  it('makes truncatedSampler and distributionQuantile throw a ModelError with every problem', () => {
    let error: unknown;
    try { truncatedSampler({ kind: 'lognormal', mean: 0, sd: 0 }, 0, 1, 'arpa'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe('invalid');
    expect((error as ModelError).problems.map((p) => p.key)).toEqual(['arpa', 'arpa']);
    expect(() => distributionQuantile({ kind: 'normal', mean: 0, sd: 1 }, 1.2)).toThrow(ModelError);
  });
});

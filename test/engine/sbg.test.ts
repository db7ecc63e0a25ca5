import fc from 'fast-check';
import { ModelError } from '../../src/engine/text/errors';
import { describeProblem } from '../../src/engine/text/messages';
import {
  hyp2f1, sbgChurnProbability, sbgDEL, sbgDERL, sbgFit, sbgLogLikelihood, sbgRetention, sbgSurvival,
} from '../../src/engine/retention/sbg';

/** Runs `f`, expects a ModelError and returns the English text of its first problem. */
function problemText(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return describeProblem((e as ModelError).problems[0]);
  }
  throw new Error('expected a ModelError');
}

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance);
}

/** Expected survivors of an sBG cohort: n0 · S(t), t = 0..periods. */
function expectedSurvivors(alpha: number, beta: number, n0: number, periods: number): number[] {
  return Array.from({ length: periods + 1 }, (_, t) => n0 * sbgSurvival(alpha, beta, t));
}

/**
 * Σ_{t≥n} [S(t)/S(n−1)] / (1+d)^(t−n), term by term until the terms vanish: what a customer just before
 * renewal decision n is expected to be worth per unit margin, the renewal about to happen paid now.
 */
function residualLifetimeByBruteForce(alpha: number, beta: number, d: number, n: number): number {
  let sum = 0;
  let conditionalSurvival = 1;
  for (let t = n; ; t++) {
    conditionalSurvival *= (beta + t - 1) / (alpha + beta + t - 1);
    const term = conditionalSurvival / (1 + d) ** (t - n);
    sum += term;
    if (term < 1e-18 * sum) return sum;
  }
}

const shape = fc.double({ min: 0.05, max: 50, noNaN: true });

describe('sBG retention, churn and survival', () => {
  // α = 1, β = 2 by hand: r(t) = (t+1)/(t+2), so r(1) = 2/3, r(2) = 3/4, r(3) = 4/5;
  // S(3) = 2/3 · 3/4 · 4/5 = 2/5 (in general S(t) = 2/(t+2) when α = 1, β = 2);
  // P(T=1) = 1/3, P(T=2) = 2/3 · 1/4 = 1/6, P(T=3) = 1/2 · 1/5 = 1/10.
  it('gives the renewal rates, churn probabilities and survival worked out by hand', () => {
    expect([1, 2, 3].map((t) => sbgRetention(1, 2, t))).toEqual([2 / 3, 3 / 4, 4 / 5]);
    expect(sbgSurvival(1, 2, 0)).toBe(1);
    expect(sbgSurvival(1, 2, 3)).toBeCloseTo(2 / 5, 15);
    expect([1, 2, 3].map((t) => sbgChurnProbability(1, 2, t))).toEqual([1 / 3, 1 / 6, 1 / 10].map((p) => expect.closeTo(p, 15)));
  });

  it('keeps a tiny β intact at the first renewal rather than rounding it through β + 1', () => {
    expect(sbgRetention(1e-4, 1e-4, 1)).toBe(0.5);
    expect(sbgChurnProbability(1e-4, 3e-4, 1)).toBeCloseTo(0.25, 15);
  });

  it('keeps survival accurate a thousand periods out', () => {
    expectRelativelyClose(sbgSurvival(1, 2, 1000), 2 / 1002, 1e-12);
  });

  it('accounts for every customer: those lost by period t plus those still active make the cohort', () => {
    fc.assert(fc.property(shape, shape, fc.integer({ min: 0, max: 60 }), (a, b, t) => {
      let lost = 0;
      for (let k = 1; k <= t; k++) lost += sbgChurnProbability(a, b, k);
      expect(lost + sbgSurvival(a, b, t)).toBeCloseTo(1, 12);
    }));
  });

  it('never lets survival rise or the renewal rate fall as tenure grows', () => {
    fc.assert(fc.property(shape, shape, fc.integer({ min: 1, max: 500 }), (a, b, t) => {
      expect(sbgSurvival(a, b, t)).toBeLessThanOrEqual(sbgSurvival(a, b, t - 1));
      expect(sbgRetention(a, b, t + 1)).toBeGreaterThanOrEqual(sbgRetention(a, b, t));
    }));
  });
});

describe('sbgLogLikelihood', () => {
  it('scores survivors [10, 7, 5] at α = 1, β = 2 as worked out by hand', () => {
    // 3 lost in period 1 at P = 1/3, 2 lost in period 2 at P = 1/6, 5 still active at S(2) = 1/2.
    const byHand = 3 * Math.log(1 / 3) + 2 * Math.log(1 / 6) + 5 * Math.log(1 / 2);
    expect(sbgLogLikelihood(1, 2, [10, 7, 5])).toBeCloseTo(byHand, 12);
  });
});

describe('sbgFit', () => {
  // Fader & Hardie (2007), "How to project customer retention", Table 1 and section 4: survivors per 1,000
  // over years 0–7. They report α = 0.704, β = 1.182, LL = −1680.3 for the regular customers and
  // α = 0.668, β = 3.806, LL = −1611.2 for the high-end ones.
  const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
  const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

  it("reproduces Fader and Hardie's fit for the regular customers", () => {
    const fit = sbgFit(regular);
    expect(fit.alpha).toBeCloseTo(0.704, 3);
    expect(fit.beta).toBeCloseTo(1.182, 3);
    expect(fit.logLikelihood).toBeCloseTo(-1680.3, 1);
  });

  it("reproduces Fader and Hardie's fit for the high-end customers", () => {
    const fit = sbgFit(highEnd);
    expect(fit.alpha).toBeCloseTo(0.668, 3);
    expect(fit.beta).toBeCloseTo(3.806, 3);
    expect(fit.logLikelihood).toBeCloseTo(-1611.2, 1);
  });

  it('finds a maximum: nudging either parameter lowers the likelihood', () => {
    const fit = sbgFit(regular);
    for (const [da, db] of [[1.001, 1], [0.999, 1], [1, 1.001], [1, 0.999], [1.001, 1.001], [0.999, 0.999]]) {
      expect(sbgLogLikelihood(fit.alpha * da, fit.beta * db, regular)).toBeLessThan(fit.logLikelihood);
    }
  });

  it('gives the same parameters for shares as for counts, since the likelihood only scales', () => {
    const counts = sbgFit(regular);
    const shares = sbgFit(regular.map((n) => n / 10)); // 100, 63.1, 46.8, …
    expectRelativelyClose(shares.alpha, counts.alpha, 1e-6);
    expectRelativelyClose(shares.beta, counts.beta, 1e-6);
    expectRelativelyClose(shares.logLikelihood, counts.logLikelihood / 10, 1e-9);
  });

  it('gives the same answer every time', () => {
    expect(sbgFit([10, 8, 7, 7])).toEqual(sbgFit([10, 8, 7, 7]));
  });

  it('recovers α and β from survivor counts the sBG itself would produce', () => {
    const parameter = fc.double({ min: 0.2, max: 20, noNaN: true });
    fc.assert(fc.property(parameter, parameter, fc.integer({ min: 8, max: 12 }), (a, b, periods) => {
      const fit = sbgFit(expectedSurvivors(a, b, 10_000, periods));
      expectRelativelyClose(fit.alpha, a, 1e-3);
      expectRelativelyClose(fit.beta, b, 1e-3);
    }), { numRuns: 40 });
  });

  it('returns finite values inside the bounds for small and degenerate cohorts', () => {
    const cohorts = [
      [10, 8, 7, 7],
      [10, 5], // one period: only α/(α+β) is identified, the fit lands somewhere on that ridge
      [10, 10, 10], // nobody churns: β/α runs to the bound
      [10, 0], // everybody churns at once: α/β runs to the bound
      [5, 4, 3, 2, 1, 0], // churn rising with tenure, which the sBG cannot do: the nearest is a flat rate
      [1, 0.5],
      [29, 21, 21], // best fit at α = 1e-4: once failed to converge when (β + t) − 1 rounded a tiny β
    ];
    for (const survivors of cohorts) {
      const fit = sbgFit(survivors);
      for (const value of [fit.alpha, fit.beta]) {
        expect(value).toBeGreaterThanOrEqual(1e-4);
        expect(value).toBeLessThanOrEqual(1e4);
      }
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    }
    expect(sbgFit([10, 5]).alpha / sbgFit([10, 5]).beta).toBeCloseTo(1, 6); // P(T=1) = α/(α+β) = 1/2
  });

  it('returns finite values for any small cohort whose counts never rise', () => {
    const cohort = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }))
      .map(([n0, losses]) => losses.reduce((counts, loss) => [...counts, Math.max(0, counts[counts.length - 1] - loss)], [n0]));
    fc.assert(fc.property(cohort, (survivors) => {
      const fit = sbgFit(survivors);
      expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta) && Number.isFinite(fit.logLikelihood)).toBe(true);
      expect(fit.logLikelihood).toBeLessThanOrEqual(0);
    }), { numRuns: 40 });
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z;  ₂F₁(½, ½; 3/2; z²) = arcsin(z)/z;  ₂F₁(a, b; b; z) = (1 − z)^−a
    expectRelativelyClose(hyp2f1(1, 1, 2, 0.5), 2 * Math.log(2), 1e-14);
    expectRelativelyClose(hyp2f1(1, 1, 2, 0.999), -Math.log(0.001) / 0.999, 1e-13);
    expectRelativelyClose(hyp2f1(0.5, 0.5, 1.5, 0.25), Math.asin(0.5) / 0.5, 1e-14);
    expectRelativelyClose(hyp2f1(2.5, 3, 3, -0.7), 1.7 ** -2.5, 1e-14);
  });

  it('ends the series when a is a negative whole number', () => {
    // ₂F₁(−3, 2; 1; 0.7) = 1 − 3·2·0.7 + 9·0.49 − 4·0.343 = −0.162
    expect(hyp2f1(-3, 2, 1, 0.7)).toBeCloseTo(-0.162, 14);
  });

  it('matches values computed with mpmath at 30 digits', () => {
    expectRelativelyClose(hyp2f1(2, 3, 4, -0.9), 0.370273408154428953967828390497, 1e-14);
    expectRelativelyClose(hyp2f1(2.5, -1.3, 0.7, 0.95), 0.233353049411012336664036596664, 1e-13);
    expectRelativelyClose(hyp2f1(-2.5, 4.2, -1.5, 0.6), -24.2020012320390204533265794296, 1e-13);
  });
});

describe('sbgDEL and sbgDERL', () => {
  it('gives the expected lifetime worked out by hand for α = 1, β = 2 at d = 100 %', () => {
    // S(t) = 2/(t+2), z = 1/2: Σ 2 z^t/(t+2) = (2/z²) Σ_{j≥2} z^j/j = 8 (ln 2 − 1/2) = 1.5451774…
    expectRelativelyClose(sbgDEL(1, 2, 1), 8 * (Math.log(2) - 0.5), 1e-14);
  });

  it("values Fader and Hardie's 2007 segments at a 10 % discount rate as mpmath does", () => {
    // mpmath hyp2f1(1, β, α+β, 1/1.1) at 30 digits; a CLV is margin × DEL.
    expectRelativelyClose(sbgDEL(0.704, 1.182, 0.1), 3.6951474055745740929, 1e-13);
    expectRelativelyClose(sbgDEL(0.668, 3.806, 0.1), 5.9225964076127633362, 1e-13);
    expectRelativelyClose(sbgDERL(0.704, 1.182, 0.1, 4), 5.8944228598441600446, 1e-13);
  });

  it('agrees with the residual lifetime summed term by term', () => {
    fc.assert(fc.property(shape, shape, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 0, max: 50 }), (a, b, d, renewals) => {
      expectRelativelyClose(sbgDERL(a, b, d, renewals), residualLifetimeByBruteForce(a, b, d, renewals + 1), 1e-12);
    }), { numRuns: 50 });
  });

  it('splits a new customer into the first period now plus her residual lifetime a period later', () => {
    fc.assert(fc.property(shape, shape, fc.double({ min: 0.001, max: 1, noNaN: true }), (a, b, d) => {
      expectRelativelyClose(sbgDEL(a, b, d), 1 + sbgDERL(a, b, d, 0) / (1 + d), 1e-12);
    }), { numRuns: 50 });
  });

  it('gives longer residual lifetimes to customers who have renewed more often', () => {
    fc.assert(fc.property(shape, shape, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }), (a, b, d, renewals) => {
      expect(sbgDERL(a, b, d, renewals + 1)).toBeGreaterThanOrEqual(sbgDERL(a, b, d, renewals) * (1 - 1e-12));
    }), { numRuns: 50 });
  });

  it('approaches (1 + d)/d for a customer who has renewed so often that she almost surely stays', () => {
    expect(sbgDERL(1, 2, 0.1, 1_000_000)).toBeCloseTo(11, 3);
  });

  it('still converges at the lowest discount rate allowed', () => {
    // About 35/d terms; mpmath with z = 1/1.0001 rounded to a double gives 2053.86082450813271687…
    expectRelativelyClose(sbgDEL(0.1, 0.1, 1e-4), 2053.86082450813271687121909768, 1e-13);
  });
});

describe('sBG functions reject', () => {
  it('α or β that is outside 1e-4 to 1e4 or not a number, naming which', () => {
    expect(problemText(() => sbgRetention(0, 1, 1))).toBe('alpha: 0 is outside the valid range 0.0001 – 10000');
    expect(problemText(() => sbgSurvival(1, 2e4, 1))).toBe('beta: 20000 is outside the valid range 0.0001 – 10000');
    expect(problemText(() => sbgDEL(1, NaN, 0.1))).toBe('beta: "NaN" is not a number; valid range 0.0001 – 10000');
  });

  it('a renewal opportunity before the first or not whole', () => {
    expect(problemText(() => sbgRetention(1, 2, 0))).toBe('t: 0 is outside the valid range 1 – 1000000');
    expect(problemText(() => sbgChurnProbability(1, 2, 2.5))).toBe('t: 2.5 must be a whole number in 1 – 1000000');
    expect(problemText(() => sbgSurvival(1, 2, -1))).toBe('t: -1 is outside the valid range 0 – 1000000');
  });

  it('a discount rate below 0.01 % or above 100 %, and renewals that are not whole', () => {
    expect(problemText(() => sbgDEL(1, 2, 0))).toBe('discountRate: 0 is outside the valid range 0.0001 – 1');
    expect(problemText(() => sbgDERL(1, 2, 1.5, 0))).toBe('discountRate: 1.5 is outside the valid range 0.0001 – 1');
    expect(problemText(() => sbgDERL(1, 2, 0.1, 1.5))).toBe('renewals: 1.5 must be a whole number in 0 – 1000000');
  });

  it('hypergeometric arguments outside the series or where it is undefined, and a series too slow to converge', () => {
    expect(problemText(() => hyp2f1(1, 1, 2, 1))).toBe('z: 1 is outside the valid range -1 – 1');
    expect(problemText(() => hyp2f1(1, 1, -2, 0.5))).toBe('c: -2 is not allowed; use one of any number but 0, −1, −2, …');
    expect(problemText(() => hyp2f1(1, 1, 1.5, 1 - 1e-9))).toContain('hyp2f1: the fit did not converge');
  });

  it('survivor counts that are missing, too few or not numbers', () => {
    expect(problemText(() => sbgFit([]))).toBe('survivors: no data (give the cohort size and later survivor counts)');
    expect(problemText(() => sbgFit([100]))).toBe('survivors: too few data points (need the cohort size and at least one later count)');
    expect(problemText(() => sbgFit([100, NaN]))).toBe('survivors[1]: "NaN" is not a number');
  });

  it('survivor counts that are negative, that start from an empty cohort or that rise', () => {
    expect(problemText(() => sbgFit([100, 80, -5]))).toBe('survivors[2]: -5 is outside the valid range 0 – ∞');
    expect(problemText(() => sbgFit([0, 0, 0]))).toBe('survivors[0]: no data (the cohort has no customers)');
    const rising = problemText(() => sbgFit([100, 80, 70, 75.5]));
    expect(rising).toContain('survivors[3]');
    expect(rising).toContain('75.5');
    expect(rising).toBe('survivors[3]: survivor counts must never rise, but 75.5 does');
  });
});

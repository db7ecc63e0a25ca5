import fc from 'fast-check';
import { clvConstantRetention } from '../../src/engine/retention/clv';
import { ModelError } from '../../src/engine/text/errors';
import { describeProblem } from '../../src/engine/text/messages';

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

/** The definition itself, term by term: margins k = first..last, each kept with r^k and discounted (1+i)^k. */
function bruteForce(margin: number, r: number, i: number, first: number, last: number): number {
  let sum = 0;
  for (let k = first; k <= last; k++) sum += (margin * r ** k) / (1 + i) ** k;
  return sum;
}

/** |actual − expected| within `tolerance` of |expected| (absolute below 1, where values are small). */
function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const retention = fc.double({ min: 0, max: 0.99, noNaN: true });
const discount = fc.double({ min: 0, max: 1, noNaN: true });
const margin = fc.double({ min: 1, max: 1e6, noNaN: true });

describe('clvConstantRetention over an infinite horizon', () => {
  it('values a first margin received now at m(1+i)/(1+i−r)', () => {
    // m = 100, r = 0.8, i = 0.1: 100 · 1.1 / (1.1 − 0.8) = 110 / 0.3 = 366.67
    expect(clvConstantRetention(100, 0.8, 0.1)).toBeCloseTo(366.6667, 4);
  });

  it('values a first margin received after one renewal at m·r/(1+i−r), as Gupta and Lehmann do', () => {
    // 100 · 0.8 / 0.3 = 80 / 0.3 = 266.67
    expect(clvConstantRetention(100, 0.8, 0.1, undefined, 'afterRenewal')).toBeCloseTo(266.6667, 4);
  });

  it('is worth just the first margin when nobody renews, and nothing if that margin needed a renewal', () => {
    expect(clvConstantRetention(100, 0, 0.1)).toBeCloseTo(100, 12);
    expect(clvConstantRetention(100, 0, 0.1, undefined, 'afterRenewal')).toBe(0);
  });

  it('passes a negative margin straight through, since the value is linear in the margin', () => {
    expect(clvConstantRetention(-50, 0.8, 0.1)).toBeCloseTo(-183.3333, 4);
  });

  it('never rises when retention falls, for a positive margin', () => {
    fc.assert(fc.property(margin, retention, retention, discount, (m, r1, r2, i) => {
      const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
      expect(clvConstantRetention(m, low, i)).toBeLessThanOrEqual(clvConstantRetention(m, high, i) * (1 + 1e-12));
      expect(clvConstantRetention(m, low, i, undefined, 'afterRenewal'))
        .toBeLessThanOrEqual(clvConstantRetention(m, high, i, undefined, 'afterRenewal') * (1 + 1e-12));
    }));
  });

  it('never rises when the discount rate rises, for a positive margin', () => {
    fc.assert(fc.property(margin, retention, discount, discount, (m, r, i1, i2) => {
      const [low, high] = i1 <= i2 ? [i1, i2] : [i2, i1];
      expect(clvConstantRetention(m, r, high)).toBeLessThanOrEqual(clvConstantRetention(m, r, low) * (1 + 1e-12));
      expect(clvConstantRetention(m, r, high, undefined, 'afterRenewal'))
        .toBeLessThanOrEqual(clvConstantRetention(m, r, low, undefined, 'afterRenewal') * (1 + 1e-12));
    }));
  });

  it('values the after-renewal stream as the now stream shifted one renewal and one year: times r/(1+i)', () => {
    fc.assert(fc.property(margin, retention, discount, (m, r, i) => {
      const now = clvConstantRetention(m, r, i);
      expectClose(clvConstantRetention(m, r, i, undefined, 'afterRenewal'), (now * r) / (1 + i));
    }));
  });
});

describe('clvConstantRetention over a finite number of years', () => {
  it('sums three margins from now by hand', () => {
    // 100 + 100·0.8/1.1 + 100·0.64/1.21 = 100 + 72.7273 + 52.8926 = 225.6198
    expect(clvConstantRetention(100, 0.8, 0.1, 3)).toBeCloseTo(225.6198, 4);
  });

  it('sums three margins after renewal by hand', () => {
    // 100·0.8/1.1 + 100·0.64/1.21 + 100·0.512/1.331 = 72.7273 + 52.8926 + 38.4673 = 164.0872
    expect(clvConstantRetention(100, 0.8, 0.1, 3, 'afterRenewal')).toBeCloseTo(164.0872, 4);
  });

  it('allows a retention of 1, which then just discounts a level stream', () => {
    // 100 · (1 + 1/1.1 + 1/1.21) = 273.5537; with no discounting, five margins are 500 either way.
    expect(clvConstantRetention(100, 1, 0.1, 3)).toBeCloseTo(273.5537, 4);
    expect(clvConstantRetention(100, 1, 0, 5)).toBe(500);
    expect(clvConstantRetention(100, 1, 0, 5, 'afterRenewal')).toBe(500);
  });

  it('matches the term-by-term sum for any inputs', () => {
    fc.assert(fc.property(margin, fc.double({ min: 0, max: 1, noNaN: true }), discount, fc.integer({ min: 1, max: 200 }), (m, r, i, n) => {
      expectClose(clvConstantRetention(m, r, i, n), bruteForce(m, r, i, 0, n - 1), 1e-11);
      expectClose(clvConstantRetention(m, r, i, n, 'afterRenewal'), bruteForce(m, r, i, 1, n), 1e-11);
    }));
  });

  it('stays accurate when the retention is within rounding of 1 and nothing is discounted', () => {
    // q = 1 − 1e-12: the sum is 100 − 1e-12 · (0 + 1 + … + 99) = 100 − 4.95e-9, lost if formed as (1 − q^n)/(1 − q)
    const r = 1 - 1e-12;
    expect(clvConstantRetention(1, r, 0, 100)).toBeCloseTo(100 - 4.95e-9, 12);
  });

  it('converges to the infinite-horizon value as the years grow', () => {
    // The tail beyond 200 years is q^200 = (0.8/1.1)^200 ≈ 2e-28 of the total.
    expectClose(clvConstantRetention(100, 0.8, 0.1, 200), clvConstantRetention(100, 0.8, 0.1), 1e-14);
    expectClose(clvConstantRetention(100, 0.8, 0.1, 200, 'afterRenewal'), clvConstantRetention(100, 0.8, 0.1, undefined, 'afterRenewal'), 1e-14);
    expect(clvConstantRetention(100, 0.8, 0.1, 10)).toBeLessThan(clvConstantRetention(100, 0.8, 0.1, 20));
  });

  it('grows with every extra year and stays below the infinite-horizon value, for a positive margin', () => {
    fc.assert(fc.property(margin, retention, discount, fc.integer({ min: 1, max: 199 }), (m, r, i, n) => {
      const shorter = clvConstantRetention(m, r, i, n);
      const longer = clvConstantRetention(m, r, i, n + 1);
      expect(longer).toBeGreaterThanOrEqual(shorter);
      expect(longer).toBeLessThanOrEqual(clvConstantRetention(m, r, i) * (1 + 1e-12));
    }));
  });
});

describe('clvConstantRetention rejects', () => {
  it('a margin that is not a number', () => {
    expect(problemText(() => clvConstantRetention(NaN, 0.8, 0.1))).toBe('margin: "NaN" is not a number');
  });

  it('a retention outside 0 to 1', () => {
    expect(problemText(() => clvConstantRetention(100, 1.2, 0.1))).toBe('retention: 1.2 is outside the valid range 0 – 1');
    expect(problemText(() => clvConstantRetention(100, -0.1, 0.1, 5))).toBe('retention: -0.1 is outside the valid range 0 – 1');
  });

  it('a retention of 1 over an infinite horizon, since that customer never leaves', () => {
    expect(problemText(() => clvConstantRetention(100, 1, 0))).toBe('retention: a retention of 1 needs a finite number of years');
    expect(problemText(() => clvConstantRetention(100, 1, 0.1))).toContain('finite number of years');
  });

  it('a discount rate outside 0 to 1', () => {
    expect(problemText(() => clvConstantRetention(100, 0.8, 1.5))).toBe('discountRate: 1.5 is outside the valid range 0 – 1');
    expect(problemText(() => clvConstantRetention(100, 0.8, Infinity))).toBe('discountRate: "Infinity" is not a number');
  });

  it('years below 1, above 200 or not whole', () => {
    expect(problemText(() => clvConstantRetention(100, 0.8, 0.1, 0))).toBe('years: 0 is outside the valid range 1 – 200');
    expect(problemText(() => clvConstantRetention(100, 0.8, 0.1, 201))).toBe('years: 201 is outside the valid range 1 – 200');
    expect(problemText(() => clvConstantRetention(100, 0.8, 0.1, 2.5))).toBe('years: 2.5 must be a whole number in 1 – 200');
    expect(problemText(() => clvConstantRetention(100, 0.8, 0.1, NaN))).toBe('years: "NaN" is not a number');
  });

  it('a timing other than now or afterRenewal', () => {
    const timing = 'later' as unknown as 'now';
    expect(problemText(() => clvConstantRetention(100, 0.8, 0.1, undefined, timing))).toBe('timing: later is not allowed; use one of now, afterRenewal');
  });
});

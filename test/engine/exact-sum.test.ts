/**
 * Exact running totals (src/engine/math/exact-sum.ts) and the cumulative crossover built on them
 * (compare.ts crossoverPeriod), against BigInt arithmetic: every finite double is an integer
 * multiple of 2^-1074, so BigInt sums of those integers are exact.
 */
import fc from 'fast-check';
import { crossoverPeriod } from '../../src/engine';
import { ExactSum } from '../../src/engine/math/exact-sum';
import { BY_ID } from '../../src/functions/functions';

/** x · 2^1074 as a BigInt (exact). */
function scaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return x < 0 ? -magnitude : magnitude;
}

const sign = (n: bigint) => (n > 0n ? 1 : n < 0n ? -1 : 0);

function referenceCrossover(baseline: number[], proposed: number[]): number | null {
  let total = 0n;
  let from: number | null = null;
  for (let t = 0; t < baseline.length; t++) {
    total += scaled(proposed[t]) - scaled(baseline[t]);
    if (total >= 0n) from ??= t + 1;
    else from = null;
  }
  return from;
}

/** Doubles of every size, with ties and cancellations likely: huge, tiny, subnormal, and copies of each other. */
const double = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 1e16, -1e16, 1, -1, 0, 2 ** -1022, 0.1, -0.1),
  fc.integer({ min: -1000, max: 1000 }),
);

describe('an exact running total', () => {
  it('has the sign of the exact sum of any doubles', () => {
    fc.assert(fc.property(fc.array(double, { maxLength: 40 }), (xs) => {
      const sum = new ExactSum();
      for (const x of xs) sum.add(x);
      expect(sum.sign()).toBe(sign(xs.reduce((s, x) => s + scaled(x), 0n)));
    }), { numRuns: 2000 });
  });

  it('sees a 1 beside 1e16 and a cancellation of the largest doubles', () => {
    const sum = new ExactSum();
    for (const x of [1e16, 1, -1e16]) sum.add(x);
    expect(sum.sign()).toBe(1);
    const big = new ExactSum();
    for (const x of [Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, -Number.MAX_VALUE, -5e-324]) big.add(x);
    expect(big.sign()).toBe(-1);
  });
});

describe('the cumulative crossover', () => {
  it('is the exact answer for any series, however large or close the totals', () => {
    const pair = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.array(double, { minLength: n, maxLength: n }), fc.array(double, { minLength: n, maxLength: n })));
    fc.assert(fc.property(pair, fc.boolean(), ([baseline, proposed], copy) => {
      // Half the cases share most values, so running totals tie often.
      const p = copy ? baseline.map((x, i) => (i % 3 === 0 ? proposed[i] : x)) : proposed;
      expect(crossoverPeriod(baseline, p, true)).toBe(referenceCrossover(baseline, p));
    }), { numRuns: 2000 });
  });

  it('CEQ.CROSSOVER on running totals past 1e308 says 3 (the floating-point totals overflowed and said 4)', () => {
    const crossover = BY_ID['CROSSOVER'] as (...args: unknown[]) => number;
    expect(crossover([[1e308], [1e308], [-1e308], [-1e308]], [[-1e308], [1e308], [1e308], [1e308]], true)).toBe(3);
    // 1e16 + 1 + 1 + 1 rounds back to 1e16 at every step: in floating point 1e16 + 2 stays ahead.
    expect(crossoverPeriod([1e16, 1, 1, 1], [1e16 + 2, 0, 0, 0], true)).toBeNull();
    expect(crossoverPeriod([1e16, 1, 1], [1e16 + 2, 0, 0], true)).toBe(1);
  });
});

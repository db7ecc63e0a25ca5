import { histogram, mean, quantile, quantileSorted, standardDeviation, sum, summarize } from '../../src/engine/math/stats';
import { createRandom } from '../../src/engine/math/random';
import { ModelError } from '../../src/engine/text/errors';

describe('sum', () => {
  it('compensates for cancellation (Neumaier)', () => {
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    expect(sum(new Array(10).fill(0.1))).toBe(1);
  });

  it('is 0 for no values', () => {
    expect(sum([])).toBe(0);
  });
});

describe('mean and standardDeviation', () => {
  it('match hand values', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Excel STDEV.S(2,4,4,4,5,5,7,9) = 2.1380899352994
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.1380899352994, 12);
  });

  it('are accurate with a large offset', () => {
    const values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(mean(values)).toBe(1e9 + 10);
    expect(standardDeviation(values)).toBeCloseTo(Math.sqrt(30), 9);
  });

  it('give sd 0 for a single value', () => {
    expect(standardDeviation([3])).toBe(0);
  });

  it('reject empty and NaN input', () => {
    expect(() => mean([])).toThrow(ModelError);
    expect(() => standardDeviation([1, NaN])).toThrow(ModelError);
  });
});

describe('quantile (Excel PERCENTILE.INC, type 7)', () => {
  it('matches Excel on small hand examples', () => {
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 14);
    expect(quantile([4, 3, 2, 1], 0.1)).toBeCloseTo(1.3, 14);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 14);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    // PERCENTILE.INC({15,20,35,40,50}, 0.4) = 29
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
    expect(quantile([7], 0.3)).toBe(7);
  });

  it('does not mutate its input', () => {
    const values = [3, 1, 2];
    const typed = Float64Array.from([3, 1, 2]);
    quantile(values, 0.5);
    summarize(typed);
    expect(values).toEqual([3, 1, 2]);
    expect(Array.from(typed)).toEqual([3, 1, 2]);
  });

  it('is monotone in p and stays between min and max', () => {
    const r = createRandom(4);
    const values = Array.from({ length: 101 }, () => r.next() * 10 - 5);
    const sorted = Float64Array.from(values).sort();
    let prev = -Infinity;
    for (let p = 0; p <= 1; p += 0.01) {
      const q = quantileSorted(sorted, p);
      expect(q).toBeGreaterThanOrEqual(prev);
      expect(q).toBeGreaterThanOrEqual(sorted[0]);
      expect(q).toBeLessThanOrEqual(sorted[100]);
      prev = q;
    }
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(ModelError);
    expect(() => quantile([1, 2], -0.1)).toThrow(ModelError);
    expect(() => quantile([], 0.5)).toThrow(ModelError);
  });
});

describe('summarize', () => {
  it('of a constant is that constant with sd 0', () => {
    for (const c of [0.1, -3.7, 1e12 / 3]) {
      const s = summarize(new Array(1001).fill(c));
      for (const v of [s.mean, s.min, s.max, s.p5, s.p10, s.p50, s.p90, s.p95]) expect(v).toBe(c);
      expect(s.sd).toBe(0);
    }
  });

  it('of 1 … 101 gives the order statistics', () => {
    const values = Array.from({ length: 101 }, (_, i) => i + 1);
    const s = summarize(values);
    expect(s).toMatchObject({ n: 101, mean: 51, min: 1, max: 101, p5: 6, p10: 11, p50: 51, p90: 91, p95: 96 });
    expect(s.sd).toBeCloseTo(Math.sqrt((101 * 102) / 12), 12);
    expect(s.percentiles).toEqual([0.05, 0.1, 0.5, 0.9, 0.95]);
    expect(s.quantiles).toEqual([6, 11, 51, 91, 96]);
  });

  it('reports any requested percentiles in order', () => {
    const s = summarize([1, 2, 3, 4], [0.1, 0.25]);
    expect(s.quantiles[0]).toBeCloseTo(1.3, 14);
    expect(s.quantiles[1]).toBeCloseTo(1.75, 14);
  });
});

describe('histogram', () => {
  it('counts every value once into equal-width bins with the maximum in the last bin', () => {
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([2, 2, 2, 2, 3]);
  });

  it('agrees with its edges for random data', () => {
    const r = createRandom(12);
    const values = Array.from({ length: 10_000 }, () => r.next() * 0.3 - 0.1);
    const h = histogram(values, 37);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    for (let i = 0; i < 37; i++) {
      const expected = values.filter((v) => v >= h.edges[i] && (v < h.edges[i + 1] || (i === 36 && v <= h.edges[37]))).length;
      expect(h.counts[i]).toBe(expected);
    }
  });

  it('gives a constant one unit-wide range and counts values outside a given range separately', () => {
    const c = histogram([2, 2, 2], 2);
    expect(c.edges).toEqual([1.5, 2, 2.5]);
    expect(c.counts).toEqual([0, 3]);
    const h = histogram([-1, 0, 0.5, 1, 2], 2, [0, 1]);
    expect(h.counts).toEqual([1, 2]);
    expect([h.below, h.above]).toEqual([1, 1]);
  });

  it('rejects bad bins and ranges', () => {
    expect(() => histogram([1, 2], 0)).toThrow(ModelError);
    expect(() => histogram([1, 2], 2, [1, 0])).toThrow(ModelError);
  });
});

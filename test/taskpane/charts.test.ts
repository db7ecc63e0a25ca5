/** The chart scales: round ticks that cover the data, labels that never crowd, paths that skip gaps. */
import fc from 'fast-check';
import { bandPath, extent, labelEvery, linear, linePath, niceTicks, tickStep } from '../../src/taskpane/charts/scale';

describe('niceTicks', () => {
  it('covers the data with round steps and includes zero', () => {
    expect(niceTicks({ min: -385_455, max: 59_700_000 }, 5)).toEqual({
      domain: { min: -20_000_000, max: 60_000_000 }, ticks: [-20_000_000, 0, 20_000_000, 40_000_000, 60_000_000],
    });
    expect(niceTicks({ min: 0, max: 1 }, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('always covers the data (with zero, as the charts draw it) in round steps (property)', () => {
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 2, max: 8 }),
      (a, b, count) => {
        const d = extent([a, b]);
        const min = d.min;
        const span = d.max - d.min;
        const { domain, ticks } = niceTicks(d, count);
        const step = tickStep(span, count);
        // Covered up to float noise (a millionth of a step: far below a pixel).
        expect(domain.min).toBeLessThanOrEqual(min + step * 1e-6);
        expect(domain.max).toBeGreaterThanOrEqual(min + span - step * 1e-6);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length - 1).toBeLessThanOrEqual(count * 2 + 1);
        const unit = step / Math.pow(10, Math.floor(Math.log10(step)));
        expect([1, 2, 2.5, 5, 10].some((u) => Math.abs(unit - u) < 1e-9)).toBe(true);
      }));
  });
});

describe('extent', () => {
  it('includes zero unless told not to, skips non-finite values, never returns an empty domain', () => {
    expect(extent([5, 7, NaN, Infinity])).toEqual({ min: 0, max: 7 });
    expect(extent([5, 7], false)).toEqual({ min: 5, max: 7 });
    expect(extent([])).toEqual({ min: 0, max: 1 });
    expect(extent([3, 3], false)).toEqual({ min: 0, max: 6 });
  });
});

describe('labelEvery', () => {
  it('keeps the first and last labels and thins evenly', () => {
    expect(labelEvery(10, 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(labelEvery(84, 6)).toEqual([0, 17, 34, 51, 68, 83]);
    expect(labelEvery(10, 7)).toEqual([0, 2, 4, 6, 9]); // not 8 and 9 side by side
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 30 }), (n, max) => {
      const idx = labelEvery(n, max);
      expect(idx[0]).toBe(0);
      expect(idx[idx.length - 1]).toBe(n - 1);
      expect(idx.length).toBeLessThanOrEqual(Math.max(max, 2));
    }));
  });
});

describe('paths', () => {
  it('maps a domain linearly, y growing upward', () => {
    const y = linear({ min: -10, max: 30 }, 200, 0);
    expect(y(-10)).toBe(200);
    expect(y(30)).toBe(0);
    expect(y(0)).toBe(150);
  });

  it('breaks a line where a value is missing', () => {
    expect(linePath([0, 10, 20, 30], [5, NaN, 7, 8])).toBe('M0.0,5.0M20.0,7.0L30.0,8.0');
  });

  it('closes a band along the upper line and back along the lower', () => {
    expect(bandPath([0, 10], [5, 6], [1, 2])).toBe('M0.0,1.0L10.0,2.0L10.0,6.0L0.0,5.0Z');
  });
});

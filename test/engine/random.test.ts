import { createRandom, fnv1a32, mix32, seedWord } from '../../src/engine/math/random';
import { ModelError } from '../../src/engine/text/errors';

const draw = (r: { next(): number }, n: number) => Array.from({ length: n }, () => r.next());

describe('createRandom', () => {
  it('gives the pinned first outputs for seed 42 (checked against an independent Python implementation)', () => {
    const r = createRandom(42);
    expect(r.key).toEqual([0x20e44818, 0x0895a923, 0x1339a01f]);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([0x74cd2e33, 0x906dcbd8, 0x930a6b08, 0xf7067866]);
    expect(draw(createRandom(42), 5)).toEqual([
      0.45625580197834015, 0.5743777299663794, 0.8310974191195585, 0.4117096836213029, 0.46123044147122727,
    ]);
  });

  it('pins negative, beyond-32-bit and string seeds', () => {
    expect(seedWord(-1)).toBe(0x9e3779b8);
    expect(draw(createRandom(-1), 2)).toEqual([0.8726666192019782, 0.11842458203202344]);
    expect(seedWord(2 ** 40 + 5)).toBe(0x3779b905);
    expect(draw(createRandom(2 ** 40 + 5), 2)).toEqual([0.44664966932149885, 0.7830896847197021]);
    const text = 'Customer Equity Planner ñ €😀';
    expect(fnv1a32(text)).toBe(0x712ddde1);
    expect(draw(createRandom(text), 2)).toEqual([0.6899821432741094, 0.03246089644267636]);
  });

  it('hashes strings with standard 32-bit FNV-1a over UTF-8', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('maps every seed in [0, 2^32) to itself before expansion', () => {
    for (const s of [0, 1, 42, 2 ** 31, 2 ** 32 - 1]) expect(seedWord(s)).toBe(s);
  });

  it('gives the same stream for the same seed', () => {
    expect(draw(createRandom(123456789), 1000)).toEqual(draw(createRandom(123456789), 1000));
    expect(draw(createRandom('plan A'), 100)).toEqual(draw(createRandom('plan A'), 100));
  });

  it('gives different streams for different seeds', () => {
    const a = draw(createRandom(1), 100);
    const b = draw(createRandom(2), 100);
    const c = draw(createRandom('1'), 100);
    expect(a.filter((x, i) => x === b[i]).length).toBe(0);
    expect(a.filter((x, i) => x === c[i]).length).toBe(0);
  });

  it('never returns exactly 0 or 1 and stays in (0, 1)', () => {
    const r = createRandom(7);
    let outside = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const u = r.next();
      if (!(u > 0 && u < 1)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('has uniform mean, variance and decile counts over 200,000 draws', () => {
    const r = createRandom(2024);
    const n = 200_000;
    const counts = new Array(10).fill(0);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      s += u;
      s2 += u * u;
      counts[Math.floor(u * 10)]++;
    }
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    const chi2 = counts.reduce((acc, c) => acc + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9); // χ²(9) 99.9th percentile
  });

  it('has no visible correlation between consecutive draws', () => {
    const r = createRandom(99);
    const n = 100_000;
    let prev = r.next();
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sxy += (prev - 0.5) * (u - 0.5);
      prev = u;
    }
    const corr = sxy / n / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('rejects seeds that are not safe integers or strings', () => {
    expect(() => createRandom(1.5)).toThrow(ModelError);
    expect(() => createRandom(NaN)).toThrow(ModelError);
    expect(() => createRandom(2 ** 60)).toThrow(ModelError);
  });
});

describe('fork', () => {
  it('reproduces sub-stream k on its own, however far the parent has been drawn', () => {
    const parent = createRandom(42);
    const early = draw(parent.fork(7), 20);
    draw(parent, 1000);
    const late = draw(parent.fork(7), 20);
    expect(late).toEqual(early);
    expect(early.slice(0, 2)).toEqual([0.34300276926428397, 0.4308481702426906]);
  });

  it('does not disturb the parent stream', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    a.fork(3).next();
    expect(draw(a, 10)).toEqual(draw(b, 10));
  });

  it('gives different streams for different indices, different seeds and the parent', () => {
    const root = createRandom(42);
    const firsts = new Set<number>();
    for (let k = 0; k < 10_000; k++) firsts.add(root.fork(k).next());
    expect(firsts.size).toBe(10_000);
    const parentFirst = createRandom(42).next();
    expect(firsts.has(parentFirst)).toBe(false);
    expect(createRandom(43).fork(7).next()).not.toBe(createRandom(42).fork(7).next());
  });

  it('forks of forks are reproducible and distinct', () => {
    const x = draw(createRandom('run').fork(1).fork(2), 5);
    expect(draw(createRandom('run').fork(1).fork(2), 5)).toEqual(x);
    expect(draw(createRandom('run').fork(2).fork(1), 5)).not.toEqual(x);
  });

  it('sub-streams are uncorrelated with their neighbours', () => {
    const root = createRandom(8);
    const n = 20_000;
    let sxy = 0;
    for (let k = 0; k < n; k++) sxy += (root.fork(k).next() - 0.5) * (root.fork(k + 1).next() - 0.5);
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(5 / Math.sqrt(n));
  });

  it('rejects indices that are not integers in [0, 2^32)', () => {
    const r = createRandom(1);
    expect(() => r.fork(-1)).toThrow(ModelError);
    expect(() => r.fork(0.5)).toThrow(ModelError);
    expect(() => r.fork(2 ** 32)).toThrow(ModelError);
    expect(() => r.fork(2 ** 32 - 1)).not.toThrow();
  });
});

describe('mix32', () => {
  it('is a bijection on a sample of 32-bit words (no collisions among 100,000 inputs)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(mix32(Math.imul(i, 0x9e3779b1)) >>> 0);
    expect(seen.size).toBe(100_000);
  });
});

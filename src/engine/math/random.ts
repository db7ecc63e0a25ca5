/**
 * Seeded pseudo-random numbers that are bit-identical on every platform.
 *
 * Only 32-bit integer operations (`Math.imul`, `+ … | 0`, shifts, `>>> 0`) and exact double arithmetic
 * are used, so any engine (or any other language) following the description below reproduces the
 * stream exactly.
 *
 * Algorithm
 * ---------
 * 1. Seed → 32-bit word `s`:
 *    - a number must be an integer (any safe integer, negative allowed). Write it as a 64-bit two's
 *      complement value with low word `lo` and high word `hi`; `s = lo XOR imul(hi, 0x9E3779B9)`.
 *      So every integer in [0, 2^32) is its own `s`.
 *    - a string is hashed with 32-bit FNV-1a over its UTF-8 bytes (offset basis 0x811C9DC5, prime
 *      0x01000193): `h = 0x811C9DC5; for each byte: h = imul(h XOR byte, 0x01000193)`; `s = h`.
 * 2. Key: three 32-bit words k0, k1, k2 = the first three outputs of splitmix32 started at `s`, where
 *    splitmix32 is `state += 0x9E3779B9; return mix32(state)` and
 *    `mix32(z) = (z ^= z >>> 16, z = imul(z, 0x21F0AAAD), z ^= z >>> 15, z = imul(z, 0x735A2D97), z ^ z >>> 15)`.
 *    (mix32 is a bijection of 32-bit words.)
 * 3. Generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 32-bit version, from
 *    PractRand) with a = k0, b = k1, c = k2, counter = 1, the first 12 outputs discarded. One step:
 *    `t = a + b + counter; counter += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t;
 *    return t` (all mod 2^32).
 * 4. Uniform: two consecutive 32-bit outputs x, y give the 52-bit integer
 *    `k = (x >>> 6) · 2^26 + (y >>> 6)` and `u = (k + 0.5) / 2^52`, exactly representable, so
 *    u ∈ [2^-53, 1 − 2^-53]: never 0, never 1.
 * 5. Sub-streams: `fork(i)` (i an integer in [0, 2^32)) depends only on the parent's key and i, never
 *    on how far the parent has been drawn. The child key is
 *    `k'_j = mix32(k_j XOR mix32(i + (j + 1) · 0x9E3779B9))` for j = 0, 1, 2 (mod 2^32), then step 3.
 *    For a fixed parent each k'_j is a bijection of i, so distinct indices never share a key.
 *
 * Pinned values (seed 42): s = 42; key = 0x20E44818, 0x0895A923, 0x1339A01F; first 32-bit outputs
 * after the discards: 0x74CD2E33, 0x906DCBD8, 0x930A6B08, 0xF7067866; first uniforms from a fresh
 * source: 0.45625580197834015, 0.5743777299663794, 0.8310974191195585, 0.4117096836213029,
 * 0.46123044147122727; `fork(7)` of seed 42 starts 0.34300276926428397, 0.4308481702426906.
 * These were checked against an independent Python implementation and are pinned in
 * test/engine/random.test.ts.
 */
import { invalid } from '../text';

export interface RandomSource {
  /** Uniform in (0, 1): never exactly 0 or 1, 52 random bits. Consumes two 32-bit outputs. */
  next(): number;
  /** The next raw 32-bit output, an integer in [0, 2^32). */
  nextUint32(): number;
  /**
   * An independent sub-stream numbered `index` (an integer in [0, 2^32)). It depends only on this
   * source's seed (and fork path), not on how many numbers were drawn, so trial k of a run seeded
   * with `createRandom(seed).fork(k)` can be reproduced on its own.
   */
  fork(index: number): RandomSource;
}

const GOLDEN = 0x9e3779b9 | 0;
const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_52 = 1 / 4503599627370496;

/** The splitmix32 output function: a bijection of 32-bit words (returned as a signed int32). */
export function mix32(z: number): number {
  z |= 0;
  z ^= z >>> 16;
  z = Math.imul(z, 0x21f0aaad);
  z ^= z >>> 15;
  z = Math.imul(z, 0x735a2d97);
  return z ^ (z >>> 15);
}

/** 32-bit FNV-1a over the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5 | 0;
  const byte = (b: number) => { h = Math.imul(h ^ b, 0x01000193); };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // Combine a surrogate pair into one code point; a lone surrogate is encoded as U+FFFD.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) { cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00); i++; }
      else cp = 0xfffd;
    } else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) byte(cp);
    else if (cp < 0x800) { byte(0xc0 | (cp >> 6)); byte(0x80 | (cp & 63)); }
    else if (cp < 0x10000) { byte(0xe0 | (cp >> 12)); byte(0x80 | ((cp >> 6) & 63)); byte(0x80 | (cp & 63)); }
    else { byte(0xf0 | (cp >> 18)); byte(0x80 | ((cp >> 12) & 63)); byte(0x80 | ((cp >> 6) & 63)); byte(0x80 | (cp & 63)); }
  }
  return h >>> 0;
}

/** The 32-bit word a seed reduces to (step 1 above), as an unsigned integer. */
export function seedWord(seed: number | string): number {
  if (typeof seed === 'string') return fnv1a32(seed);
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw invalid({ code: 'notInteger', key: 'seed', value: seed, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  }
  // Two's complement 64-bit split, exact for safe integers: lo = seed mod 2^32, hi = floor(seed / 2^32) mod 2^32.
  const hiFloor = Math.floor(seed / TWO_POW_32);
  const lo = (seed - hiFloor * TWO_POW_32) | 0;
  const hi = hiFloor | 0; // ToInt32 reduces mod 2^32 exactly (|hiFloor| < 2^21)
  return (lo ^ Math.imul(hi, GOLDEN)) >>> 0;
}

class Sfc32 implements RandomSource {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(private readonly k0: number, private readonly k1: number, private readonly k2: number) {
    this.a = k0 | 0;
    this.b = k1 | 0;
    this.c = k2 | 0;
    for (let i = 0; i < 12; i++) this.step();
  }

  /** One sfc32 step, as a signed int32. */
  private step(): number {
    const a = this.a, b = this.b, c = this.c;
    const t = (((a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  nextUint32(): number {
    return this.step() >>> 0;
  }

  next(): number {
    const x = this.step() >>> 6;
    const y = this.step() >>> 6;
    return (x * TWO_POW_26 + y + 0.5) * TWO_POW_MINUS_52;
  }

  fork(index: number): RandomSource {
    if (!Number.isInteger(index) || index < 0 || index >= TWO_POW_32) {
      throw invalid({ code: 'outOfRange', key: 'fork index', value: index, min: 0, max: TWO_POW_32 - 1 });
    }
    const i = index | 0;
    return new Sfc32(
      mix32(this.k0 ^ mix32((i + GOLDEN) | 0)),
      mix32(this.k1 ^ mix32((i + Math.imul(2, GOLDEN)) | 0)),
      mix32(this.k2 ^ mix32((i + Math.imul(3, GOLDEN)) | 0)),
    );
  }

  /** The three key words (unsigned), for documentation and tests. */
  get key(): [number, number, number] {
    return [this.k0 >>> 0, this.k1 >>> 0, this.k2 >>> 0];
  }
}

/** A seeded generator (see the module comment for the exact algorithm). */
export function createRandom(seed: number | string): RandomSource & { readonly key: [number, number, number] } {
  let state = seedWord(seed) | 0;
  const splitmix = () => { state = (state + GOLDEN) | 0; return mix32(state); };
  const k0 = splitmix();
  const k1 = splitmix();
  const k2 = splitmix();
  return new Sfc32(k0, k1, k2);
}

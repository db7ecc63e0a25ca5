/**
 * An exact running sum of doubles, for deciding the sign of a total that floating point cannot
 * (1e308 + 1e308 overflows; 1e16 + 1 − 1e16 loses the 1). Every finite double is an integer multiple
 * of 2^-1074, so the sum is kept as a fixed-point integer in limbs of 26 bits: each double adds at
 * most three limb pieces below 2^26, so no limb leaves the safe-integer range for millions of terms.
 * No BigInt: Excel's older JavaScript runtimes lack it.
 */

const LIMB_BITS = 26;
const LIMB = 2 ** LIMB_BITS;
/** Bit 0 is 2^-1074; the largest double ends below bit 2098; room above for carries and the sign. */
const LIMBS = Math.ceil((1074 + 1024 + 40) / LIMB_BITS);
/** Terms before limbs must be normalised (each adds below 2^26 to a limb, which stays below 2^53). */
const TERMS_BEFORE_CARRY = 2 ** 20;

const view = new DataView(new ArrayBuffer(8));

export class ExactSum {
  private readonly limbs = new Float64Array(LIMBS);
  private terms = 0;

  /** Adds a finite double exactly (non-finite values are refused: they have no exact sum). */
  add(x: number): void {
    if (x === 0) return;
    if (!Number.isFinite(x)) throw new RangeError('ExactSum takes finite numbers only');
    view.setFloat64(0, x);
    const high = view.getUint32(0);
    const biased = (high >>> 20) & 0x7ff;
    const fraction = (high & 0xfffff) * 2 ** 32 + view.getUint32(4);
    // x = ±mantissa · 2^(bit − 1074), mantissa < 2^53.
    const mantissa = biased === 0 ? fraction : fraction + 2 ** 52;
    const bit = biased === 0 ? 0 : biased - 1;
    const sign = x < 0 ? -1 : 1;
    let limb = Math.floor(bit / LIMB_BITS);
    const shift = bit - limb * LIMB_BITS;
    // The first piece fills the limb above `shift`; the rest goes 26 bits at a time.
    const firstBits = LIMB_BITS - shift;
    const first = mantissa % 2 ** firstBits;
    this.limbs[limb] += sign * first * 2 ** shift;
    let rest = (mantissa - first) / 2 ** firstBits;
    while (rest > 0) {
      limb++;
      const piece = rest % LIMB;
      this.limbs[limb] += sign * piece;
      rest = (rest - piece) / LIMB;
    }
    if (++this.terms >= TERMS_BEFORE_CARRY) this.carry();
  }

  /** -1, 0 or 1: the sign of the exact sum. */
  sign(): number {
    this.carry();
    // After carrying every limb but the top one is in [0, 2^26): the top one carries the sign.
    const top = this.limbs[LIMBS - 1];
    if (top !== 0) return Math.sign(top);
    for (let i = LIMBS - 2; i >= 0; i--) if (this.limbs[i] !== 0) return 1;
    return 0;
  }

  private carry(): void {
    const limbs = this.limbs;
    for (let i = 0; i < LIMBS - 1; i++) {
      const c = Math.floor(limbs[i] / LIMB);
      if (c !== 0) {
        limbs[i] -= c * LIMB;
        limbs[i + 1] += c;
      }
    }
    this.terms = 0;
  }
}

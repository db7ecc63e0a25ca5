/**
 * Latin hypercube sampling on the unit cube.
 *
 * For each dimension d = 0, 1, … (in order), using the one `random` stream:
 * 1. a permutation π of 0 … trials−1 by Fisher–Yates, from the top: for i = trials−1 down to 1,
 *    j = ⌊next() · (i + 1)⌋, swap π[i] and π[j] (trials − 1 draws);
 * 2. for t = 0 … trials−1: u[d][t] = (π[t] + next()) / trials (trials draws), kept strictly inside
 *    its stratum [π[t]/trials, (π[t]+1)/trials) and inside (0, 1).
 * So each of the `trials` equal strata holds exactly one value per dimension, and dimensions are
 * paired at random. Feed u through an inverse CDF (distributions.ts) to get the samples.
 */
import { invalid } from '../text';

/** The largest double below x (x > 0 finite). */
function below(x: number): number {
  // x·(1 − 2^-53) can round back to x; step down through the representation instead.
  const f = new Float64Array([x]);
  const bits = new BigUint64Array(f.buffer);
  bits[0] -= 1n;
  return f[0];
}

const floor = Math.floor; // local: `Math` is a slow global lookup in sandboxed runtimes

export const MAX_LHS_CELLS = 50_000_000;

export function latinHypercube(trials: number, dimensions: number, random: { next(): number }): Float64Array[] {
  if (!Number.isInteger(trials) || trials < 1) throw invalid({ code: 'outOfRange', key: 'trials', value: trials, min: 1 });
  if (!Number.isInteger(dimensions) || dimensions < 0) throw invalid({ code: 'outOfRange', key: 'dimensions', value: dimensions, min: 0 });
  if (trials * dimensions > MAX_LHS_CELLS) {
    throw invalid({ code: 'tooLarge', key: 'trials × dimensions', value: trials * dimensions, max: MAX_LHS_CELLS });
  }
  const perm = new Int32Array(trials);
  const out: Float64Array[] = [];
  for (let d = 0; d < dimensions; d++) {
    for (let i = 0; i < trials; i++) perm[i] = i;
    for (let i = trials - 1; i > 0; i--) {
      const j = floor(random.next() * (i + 1));
      const tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    const column = new Float64Array(trials);
    for (let t = 0; t < trials; t++) {
      const k = perm[t];
      const v = (k + random.next()) / trials;
      const top = (k + 1) / trials;
      column[t] = v < top ? v : below(top);
    }
    out.push(column);
  }
  return out;
}

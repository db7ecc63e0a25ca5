import { normalCdf, normalPdf } from '../math';

/**
 * Payout curves and what they pay across a team (MODEL.md section 8), in closed form.
 *
 * A curve maps attainment a (1 = quota) to the share of target paid:
 *   a below the threshold         → 0
 *   threshold ≤ a < 1 (quota)     → 1 − decelerator·(1 − a), never below 0 (decelerator 1: a itself)
 *   a ≥ 1                         → 1 + accelerator·(a − 1), never above the cap
 * It is piecewise linear, with one jump where payment starts. Attainment across the people of a role
 * is lognormal with mean ā (the expected attainment) and coefficient of variation cv, so every
 * expectation is a sum over the pieces of two lognormal partial expectations:
 *   P(A < x) = Φ(d(x)),   E[A; A < x] = ā·Φ(d(x) − σ),   d(x) = (ln(x/ā) + σ²/2)/σ,   σ² = ln(1 + cv²).
 * No sampling, no quadrature: the only error is the normal CDF's (about 1e-15).
 */
export interface PayoutCurve {
  /** Attainment below which nothing is paid, 0 to 1. */
  threshold: number;
  /** Slope below quota, ≥ 0. */
  decelerator: number;
  /** Slope above quota, ≥ 0. */
  accelerator: number;
  /** Most paid, as a share of target, ≥ 1. */
  cap: number;
}

/** A stretch of the curve where it pays intercept + slope·a, for from ≤ a < to. */
interface Piece {
  from: number;
  to: number;
  intercept: number;
  slope: number;
}

/** Where payment starts: the threshold, or later when the decelerator reaches 0 first. */
function paysFrom(c: PayoutCurve): number {
  return c.decelerator > 0 ? Math.max(c.threshold, 1 - 1 / c.decelerator) : c.threshold;
}

/** Attainment at which the cap binds (Infinity when it never does). */
function capFrom(c: PayoutCurve): number {
  return c.accelerator > 0 ? 1 + (c.cap - 1) / c.accelerator : Infinity;
}

function pieces(c: PayoutCurve): Piece[] {
  const start = paysFrom(c);
  const capAt = capFrom(c);
  const out: Piece[] = [];
  if (start < 1) out.push({ from: start, to: 1, intercept: 1 - c.decelerator, slope: c.decelerator });
  if (capAt > 1) out.push({ from: 1, to: capAt, intercept: 1 - c.accelerator, slope: c.accelerator });
  if (capAt < Infinity) out.push({ from: capAt, to: Infinity, intercept: c.cap, slope: 0 });
  return out;
}

/** Share of target paid at attainment `a`. */
export function payout(a: number, c: PayoutCurve): number {
  if (!(a >= paysFrom(c))) return 0;
  if (a < 1) return Math.max(0, 1 - c.decelerator * (1 - a));
  return Math.min(c.cap, 1 + c.accelerator * (a - 1));
}

/** σ of ln A for a coefficient of variation. */
export function lognormalSigma(cv: number): number {
  return Math.sqrt(Math.log1p(cv * cv));
}

/** Φ, with the ends of the curve (attainment 0 and ∞) answered without a series. */
function phi(x: number): number {
  return x === Infinity ? 1 : x === -Infinity ? 0 : normalCdf(x);
}

/** The lognormal spread of attainment: P(A < x) and E[A; A < x]/ā as functions of x. */
class Spread {
  constructor(readonly mean: number, readonly sigma: number) {}

  d(x: number): number {
    if (x <= 0) return -Infinity;
    if (x === Infinity) return Infinity;
    return (Math.log(x / this.mean) + this.sigma * this.sigma / 2) / this.sigma;
  }

  /** P(lo ≤ A < hi) for d(lo), d(hi), accurate in either tail. */
  static mass(dLo: number, dHi: number): number {
    return dLo > 0 ? phi(-dLo) - phi(-dHi) : phi(dHi) - phi(dLo);
  }
}

/** True when there is no spread to integrate over: every person attains ā exactly. */
function degenerate(mean: number, sigma: number): boolean {
  return !(sigma > 0) || !(mean > 0);
}

/**
 * Expected payout, as a share of target, of people whose attainment is lognormal with mean `mean`
 * and coefficient of variation `cv`. With no threshold, accelerator 1, decelerator 1 and no cap it is
 * `mean` itself.
 */
export function expectedPayout(c: PayoutCurve, mean: number, cv: number): number {
  const sigma = lognormalSigma(cv);
  if (degenerate(mean, sigma)) return payout(Math.max(0, mean), c);
  const spread = new Spread(mean, sigma);
  // P(A ≥ x) and E[A; A ≥ x]/ā at each end of each piece; a piece starts where the last one ended, so
  // each end is computed once (a Monte Carlo run of a quota plan evaluates this thousands of times).
  let sum = 0;
  let end = NaN, above = 0, aboveWeighted = 0;
  for (const p of pieces(c)) {
    if (p.from !== end) {
      const d = spread.d(p.from);
      [above, aboveWeighted] = [phi(-d), phi(sigma - d)];
    }
    const d = spread.d(p.to);
    const [aboveTo, aboveWeightedTo] = [phi(-d), phi(sigma - d)];
    sum += p.intercept * (above - aboveTo) + p.slope * mean * (aboveWeighted - aboveWeightedTo);
    [end, above, aboveWeighted] = [p.to, aboveTo, aboveWeightedTo];
  }
  return sum;
}

/**
 * d(expected payout)/d(mean): how much more the team earns, as a share of target, per point of
 * expected attainment. This is the incentive at the margin that moves effort (MODEL.md section 5).
 * It is the slope of each piece weighted by E[A/ā] on it, plus the jump where payment starts times
 * the density there. With no spread it is the slope of the curve at `mean`.
 */
export function expectedPayoutSlope(c: PayoutCurve, mean: number, cv: number): number {
  const sigma = lognormalSigma(cv);
  if (degenerate(mean, sigma)) {
    const a = Math.max(0, mean);
    return pieces(c).find((p) => a >= p.from && a < p.to)?.slope ?? 0;
  }
  const spread = new Spread(mean, sigma);
  let sum = 0;
  for (const p of pieces(c)) {
    if (p.slope !== 0) sum += p.slope * Spread.mass(spread.d(p.from) - sigma, spread.d(p.to) - sigma);
  }
  const start = paysFrom(c);
  if (start > 0) {
    const jump = payout(start, c);
    sum += (jump * normalPdf(spread.d(start))) / (sigma * mean);
  }
  return sum;
}

/** Share of people at or above quota. */
export function shareAtOrAboveQuota(mean: number, cv: number): number {
  const sigma = lognormalSigma(cv);
  if (degenerate(mean, sigma)) return mean >= 1 ? 1 : 0;
  return normalCdf(-new Spread(mean, sigma).d(1));
}

/** Density of attainment at `a` across the people of a role (for a chart of the spread under a curve). */
export function attainmentDensity(a: number, mean: number, cv: number): number {
  const sigma = lognormalSigma(cv);
  if (degenerate(mean, sigma) || !(a > 0)) return 0;
  return normalPdf(new Spread(mean, sigma).d(a)) / (a * sigma);
}

/** The attainment bands CEQ.ATTAINMENT reports when none are given: below 50 %, 50–75 %, … 150 % and above. */
export const DEFAULT_ATTAINMENT_BANDS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5];

/**
 * Share of people in each attainment band: below edges[0], between consecutive edges, and at or above
 * the last edge (edges.length + 1 shares adding up to 1). Edges must be positive and ascending.
 */
export function attainmentBands(mean: number, cv: number, edges: readonly number[]): number[] {
  const sigma = lognormalSigma(cv);
  const bounds = [0, ...edges, Infinity];
  const out: number[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [lo, hi] = [bounds[k], bounds[k + 1]];
    if (degenerate(mean, sigma)) {
      const a = Math.max(0, mean);
      out.push(a >= lo && a < hi ? 1 : 0);
    } else {
      const spread = new Spread(mean, sigma);
      out.push(Spread.mass(spread.d(lo), spread.d(hi)));
    }
  }
  return out;
}

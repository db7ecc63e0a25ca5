/**
 * The beta function family, for the PERT distribution (uncertainty/distributions.ts) and anything else
 * that needs it: ln Γ, ln B, the regularised incomplete beta I_x(a, b) and its inverse, and a fast
 * repeated inverse for one (a, b). Numerics only; no model knowledge.
 */
import { ModelError } from '../text';

// Local bindings: in sandboxed runtimes (Jest's vm, some add-in hosts) every `Math.…` is a slow
// global lookup; these hot paths call them millions of times.
const { abs, exp, floor, log, log1p, sqrt } = Math;
const finite = Number.isFinite;

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.91893853320467274178;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
    return log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_2PI + (z + 0.5) * log(t) - t + log(s);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

const CF_EPS = 2.3e-16; // about one ulp either side of 1
const CF_TINY = 1e-300;
const CF_MAX_ITERATIONS = 1000;

/**
 * Continued fraction for I_x(a, b) (Numerical Recipes §6.4, evaluated by the modified Lentz method);
 * converges fast for x < (a + 1)/(a + b + 2).
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (abs(del - 1) <= CF_EPS) break;
  }
  return h;
}

/** I_x(a, b) given ln B(a, b); no argument checks (hot path). */
export function incBeta(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Beta(a, b) density given ln B(a, b). */
export function betaDensity(x: number, a: number, b: number, lnB: number): number {
  return exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lnB);
}

function checkShape(a: number, b: number): void {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new ModelError('invalid', [{ code: 'outOfRange', key: 'beta shape', value: !(a > 0) ? a : b, min: 0 }]);
  }
}

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and
 * x in [0, 1] (clamped outside). Relative accuracy about 1e-14 for moderate a, b.
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (Number.isNaN(x)) return NaN;
  return incBeta(x, a, b, lnBeta(a, b));
}

/**
 * Newton's method stops once a step is at most `tau`·min(x, 1 − x): the next error is then about
 * |f''/2f'|·step² ≤ (|a − 1| + |b − 1|)·tau²/2 relative, so tau = 1e-8/√(|a − 1| + |b − 1|) leaves
 * an error below 1e-16 (for PERT |α − 1| + |β − 1| = 4 always).
 */
function newtonTolerance(a: number, b: number): number {
  return 1e-8 / sqrt(Math.max(1, abs(a - 1) + abs(b - 1)));
}

/**
 * Solves I_x(a, b) = p for x in the bracket [lo, hi] (which must contain the root), starting at x0:
 * Newton steps, replaced by bisection whenever a step would leave the shrinking bracket.
 */
function solveBeta(p: number, a: number, b: number, lnB: number, lo: number, hi: number, x0: number, tau: number): number {
  let x = x0 > lo && x0 < hi ? x0 : 0.5 * (lo + hi);
  for (let it = 0; it < 200; it++) {
    const f = incBeta(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x; else hi = x;
    const step = f / betaDensity(x, a, b, lnB);
    let xn = x - step;
    if (abs(step) <= tau * (x < 0.5 ? x : 1 - x)) return xn < lo ? lo : xn > hi ? hi : xn;
    if (!(xn > lo && xn < hi)) xn = 0.5 * (lo + hi);
    if (hi - lo <= 2e-16 * hi) return xn;
    x = xn;
  }
  return x;
}

/** Starting point in the far tails: I_x(a, b) ≈ x^a / (a·B(a, b)) as x → 0. */
function lowerTailGuess(p: number, a: number, lnB: number): number {
  return exp((log(p * a) + lnB) / a);
}

/**
 * Inverse of the regularised incomplete beta function: the x in [0, 1] with I_x(a, b) = p.
 * Safeguarded Newton (bisection fallback) in whichever tail p is small in; accurate to a few ulps
 * of x (of 1 − x in the upper tail).
 */
export function incompleteBetaInverse(p: number, a: number, b: number): number {
  checkShape(a, b);
  if (Number.isNaN(p)) return NaN;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnB = lnBeta(a, b);
  const tau = newtonTolerance(a, b);
  const split = a > 1 && b > 1 ? (a - 1) / (a + b - 2) : a / (a + b);
  if (p <= incBeta(split, a, b, lnB)) {
    return solveBeta(p, a, b, lnB, 0, split, Math.min(lowerTailGuess(p, a, lnB), split), tau);
  }
  const q = 1 - p;
  return 1 - solveBeta(q, b, a, lnB, 0, 1 - split, Math.min(lowerTailGuess(q, b, lnB), 1 - split), tau);
}

/**
 * Fast repeated inverse of I_x(a, b) for one (a, b). A table of exact quantiles Q and slopes
 * dQ/dp = 1/density at p = i/256 brackets each root and gives a cubic Hermite starting point
 * (about 1e-9 off in the body), so safeguarded Newton usually needs one evaluation of I_x, two in
 * the tails. Same accuracy as incompleteBetaInverse; allocation-free per call; the table costs
 * about 0.5 ms to build.
 */
export class BetaQuantile {
  private static readonly N = 256;
  private readonly lnB: number;
  private readonly tau: number;
  private readonly q: Float64Array;
  /** Slope dQ/dp times 1/N (0 where infinite: the end nodes use the tail guess instead). */
  private readonly m: Float64Array;

  constructor(private readonly a: number, private readonly b: number) {
    this.lnB = lnBeta(a, b);
    this.tau = newtonTolerance(a, b);
    const n = BetaQuantile.N;
    const q = new Float64Array(n + 1);
    const m = new Float64Array(n + 1);
    q[n] = 1;
    for (let i = 1; i < n; i++) {
      q[i] = Math.max(q[i - 1], incompleteBetaInverse(i / n, a, b));
      const slope = 1 / (n * betaDensity(q[i], a, b, this.lnB));
      m[i] = finite(slope) ? slope : 0;
    }
    this.q = q;
    this.m = m;
  }

  /** x with I_x(a, b) = p, for p in [0, 1]. */
  quantile(p: number): number {
    if (!(p > 0)) return 0;
    if (p >= 1) return 1;
    const n = BetaQuantile.N;
    const t = p * n;
    const i = floor(t);
    const q = this.q;
    const lo = q[i];
    const hi = q[i + 1];
    const s = t - i;
    if (s === 0) return lo;
    let guess: number;
    if (i === 0) guess = lowerTailGuess(p, this.a, this.lnB);
    else if (i === n - 1) guess = 1 - lowerTailGuess(1 - p, this.b, this.lnB);
    else {
      const s2 = s * s;
      const s3 = s2 * s;
      guess = (2 * s3 - 3 * s2 + 1) * lo + (s3 - 2 * s2 + s) * this.m[i] + (3 * s2 - 2 * s3) * hi + (s3 - s2) * this.m[i + 1];
    }
    return solveBeta(p, this.a, this.b, this.lnB, lo, hi, guess, this.tau);
  }
}

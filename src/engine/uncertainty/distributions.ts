/**
 * Distributions an uncertain assumption may carry, each with an inverse CDF, so that a sample is
 * `quantile(u)` of a uniform u: plain Monte Carlo, Latin hypercube (lhs.ts) and truncation to the
 * assumption's valid range all go through the same path.
 *
 * - triangular(min, mode, max)
 * - pert(min, mode, max): min + (max − min)·Beta(α, β), α = 1 + 4(mode − min)/(max − min),
 *   β = 1 + 4(max − mode)/(max − min); mean (min + 4·mode + max)/6.
 * - uniform(min, max)
 * - normal(mean, sd)
 * - lognormal(mean, sd): mean and sd of the variable itself (not of its log):
 *   σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2, X = exp(μ + σ·Z).
 *
 * Truncation to [lo, hi]: u ↦ F⁻¹(F(lo) + u·(F(hi) − F(lo))), computed in upper-tail form
 * (S = 1 − F) whenever that probability is above ½, so both tails keep their precision.
 *
 * Reproducibility: the uniforms are bit-identical everywhere (random.ts); the transformed values use
 * Math.exp/log/sqrt and agree across JavaScript engines to the last bit or two.
 */
import { ModelError, type Problem } from '../text';
import { normalCdf, normalQuantile } from '../math';

export type DistributionSpec =
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'pert'; min: number; mode: number; max: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mean: number; sd: number };

export type DistributionKind = DistributionSpec['kind'];

export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ['triangular', 'pert', 'uniform', 'normal', 'lognormal'];

/** The parameters each kind needs, in the order they are usually written. */
export const DISTRIBUTION_PARAMETERS: Readonly<Record<DistributionKind, readonly string[]>> = {
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
};

/**
 * A truncated distribution smaller than this share of probability inside the valid range is
 * rejected: it almost surely means wrong units (churn 5 instead of 0.05), and its samples would
 * pile up at one end.
 */
export const MIN_TRUNCATED_MASS = 1e-6;

// Local bindings: in sandboxed runtimes (Jest's vm, some add-in hosts) every `Math.…` is a slow
// global lookup; these hot paths call them millions of times.
const { abs, exp, floor, log, log1p, sqrt } = Math;
const finite = Number.isFinite;

// ── Special functions ───────────────────────────────────────────────────────────────────────────

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
function incBeta(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Beta(a, b) density given ln B(a, b). */
function betaDensity(x: number, a: number, b: number, lnB: number): number {
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
class BetaQuantile {
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

// ── The distributions ───────────────────────────────────────────────────────────────────────────

/** A distribution with accurate lower and upper tails. */
interface Dist {
  readonly lower: number;
  readonly upper: number;
  /** P(X ≤ x) */
  cdf(x: number): number;
  /** P(X > x), computed directly (not as 1 − cdf) */
  sf(x: number): number;
  /** x with cdf(x) = p */
  quantile(p: number): number;
  /** x with sf(x) = q */
  quantileUpper(q: number): number;
}

function uniformDist(a: number, b: number): Dist {
  const w = b - a;
  return {
    lower: a,
    upper: b,
    cdf: (x) => (x <= a ? 0 : x >= b ? 1 : (x - a) / w),
    sf: (x) => (x <= a ? 1 : x >= b ? 0 : (b - x) / w),
    quantile: (p) => { const x = a + p * w; return p <= 0 ? a : x >= b ? b : x; },
    quantileUpper: (q) => { const x = b - q * w; return q <= 0 ? b : x <= a ? a : x; },
  };
}

function triangularDist(a: number, c: number, b: number): Dist {
  const w = b - a;
  const left = c - a;
  const right = b - c;
  const fc = left / w;
  return {
    lower: a,
    upper: b,
    cdf: (x) => (x <= a ? 0 : x >= b ? 1 : x <= c ? ((x - a) * (x - a)) / (w * left) : 1 - ((b - x) * (b - x)) / (w * right)),
    sf: (x) => (x <= a ? 1 : x >= b ? 0 : x >= c ? ((b - x) * (b - x)) / (w * right) : 1 - ((x - a) * (x - a)) / (w * left)),
    quantile: (p) => {
      if (p <= 0) return a;
      if (p >= 1) return b;
      // Right of the mode, b − √((1−p)·w·right) loses every digit when 1 − p rounds to 1 (a mode a
      // hair above min); the same value as a + w·(left + right·p)/(w + √((1−p)·w·right)) does not.
      const x = p < fc ? a + sqrt(p * w * left) : a + (w * (left + right * p)) / (w + sqrt((1 - p) * w * right));
      return x < a ? a : x > b ? b : x;
    },
    quantileUpper: (q) => {
      if (q <= 0) return b;
      if (q >= 1) return a;
      const x = q < 1 - fc ? b - sqrt(q * w * right) : a + sqrt((1 - q) * w * left);
      return x < a ? a : x > b ? b : x;
    },
  };
}

export function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  const w = max - min;
  return { alpha: 1 + (4 * (mode - min)) / w, beta: 1 + (4 * (max - mode)) / w };
}

function pertDist(min: number, mode: number, max: number): Dist {
  const w = max - min;
  const { alpha, beta } = pertShape(min, mode, max);
  const lnB = lnBeta(alpha, beta);
  let lowerQ: BetaQuantile | undefined;
  let upperQ: BetaQuantile | undefined;
  return {
    lower: min,
    upper: max,
    cdf: (x) => incBeta((x - min) / w, alpha, beta, lnB),
    sf: (x) => incBeta((max - x) / w, beta, alpha, lnB),
    quantile: (p) => {
      lowerQ ??= new BetaQuantile(alpha, beta);
      const x = min + w * lowerQ.quantile(p);
      return x > max ? max : x;
    },
    quantileUpper: (q) => {
      upperQ ??= new BetaQuantile(beta, alpha);
      const x = max - w * upperQ.quantile(q);
      return x < min ? min : x;
    },
  };
}

function normalDist(mean: number, sd: number): Dist {
  return {
    lower: -Infinity,
    upper: Infinity,
    cdf: (x) => (x === -Infinity ? 0 : x === Infinity ? 1 : normalCdf((x - mean) / sd)),
    sf: (x) => (x === -Infinity ? 1 : x === Infinity ? 0 : normalCdf((mean - x) / sd)),
    quantile: (p) => (p <= 0 ? -Infinity : p >= 1 ? Infinity : mean + sd * normalQuantile(p)),
    quantileUpper: (q) => (q <= 0 ? Infinity : q >= 1 ? -Infinity : mean - sd * normalQuantile(q)),
  };
}

/** μ and σ of ln X for a lognormal X with the given mean and sd. */
export function lognormalLogParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const r = sd / mean;
  const s2 = log1p(r * r);
  return { mu: log(mean) - s2 / 2, sigma: sqrt(s2) };
}

function lognormalDist(mean: number, sd: number): Dist {
  const { mu, sigma } = lognormalLogParameters(mean, sd);
  return {
    lower: 0,
    upper: Infinity,
    cdf: (x) => (x <= 0 ? 0 : x === Infinity ? 1 : normalCdf((log(x) - mu) / sigma)),
    sf: (x) => (x <= 0 ? 1 : x === Infinity ? 0 : normalCdf((mu - log(x)) / sigma)),
    quantile: (p) => (p <= 0 ? 0 : p >= 1 ? Infinity : exp(mu + sigma * normalQuantile(p))),
    quantileUpper: (q) => (q <= 0 ? Infinity : q >= 1 ? 0 : exp(mu - sigma * normalQuantile(q))),
  };
}

function makeDist(spec: DistributionSpec): Dist {
  switch (spec.kind) {
    case 'triangular': return triangularDist(spec.min, spec.mode, spec.max);
    case 'pert': return pertDist(spec.min, spec.mode, spec.max);
    case 'uniform': return uniformDist(spec.min, spec.max);
    case 'normal': return normalDist(spec.mean, spec.sd);
    case 'lognormal': return lognormalDist(spec.mean, spec.sd);
  }
}

// ── Validation ──────────────────────────────────────────────────────────────────────────────────

/**
 * Every problem with `spec` as the distribution of assumption `key` whose valid range is [lo, hi]
 * (default: the whole line). Checks: a known kind; every parameter a finite number; min < max and
 * min ≤ mode ≤ max; sd > 0; lognormal mean > 0; lo ≤ hi; the distribution putting at least
 * MIN_TRUNCATED_MASS of its probability inside [lo, hi]. Details use notation, not words, so they
 * read the same in every language (messages.ts shows them after the key).
 */
export function validateDistribution(key: string, spec: DistributionSpec, lo = -Infinity, hi = Infinity): Problem[] {
  const problems: Problem[] = [];
  const kind = (spec as { kind?: unknown } | null | undefined)?.kind;
  if (typeof kind !== 'string' || !(DISTRIBUTION_KINDS as readonly string[]).includes(kind)) {
    return [{ code: 'notAllowed', key, value: kind as string | undefined, suggestion: DISTRIBUTION_KINDS.join(', ') }];
  }
  const params = spec as unknown as Record<string, unknown>;
  for (const name of DISTRIBUTION_PARAMETERS[spec.kind]) {
    const v = params[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push({ code: 'notANumber', key: `${key}.${name}`, value: v });
    }
  }
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) {
    problems.push({ code: 'badDistribution', key, min: lo, max: hi, detail: 'emptyInterval' });
  }
  if (problems.length > 0) return problems;
  const where = spec.kind;
  switch (spec.kind) {
    case 'triangular':
    case 'pert':
      if (!(spec.min < spec.max)) {
        problems.push({ code: 'badDistribution', key, value: spec.min, detail: 'minNotBelowMax', args: { kind: where, min: spec.min, max: spec.max } });
      } else if (!(spec.mode >= spec.min && spec.mode <= spec.max)) {
        problems.push({ code: 'badDistribution', key, value: spec.mode,
          detail: 'modeOutside', args: { kind: where, mode: spec.mode, min: spec.min, max: spec.max } });
      }
      break;
    case 'uniform':
      if (!(spec.min < spec.max)) {
        problems.push({ code: 'badDistribution', key, value: spec.min, detail: 'minNotBelowMax', args: { kind: where, min: spec.min, max: spec.max } });
      }
      break;
    case 'lognormal':
      if (!(spec.mean > 0)) problems.push({ code: 'badDistribution', key, value: spec.mean, detail: 'notPositive', args: { kind: where, parameter: 'mean' } });
      if (!(spec.sd > 0)) problems.push({ code: 'badDistribution', key, value: spec.sd, detail: 'notPositive', args: { kind: where, parameter: 'sd' } });
      break;
    case 'normal':
      if (!(spec.sd > 0)) problems.push({ code: 'badDistribution', key, value: spec.sd, detail: 'notPositive', args: { kind: where, parameter: 'sd' } });
      break;
  }
  if (problems.length > 0) return problems;
  const d = makeDist(spec);
  const L = Math.max(lo, d.lower);
  const H = Math.min(hi, d.upper);
  if (L > H || (L === H && lo !== hi)) {
    problems.push({ code: 'badDistribution', key, min: lo, max: hi, detail: 'missesRange', args: { kind: where, lower: d.lower, upper: d.upper } });
  } else if (lo !== hi) {
    const mass = truncatedMass(d, L, H);
    if (!(mass >= MIN_TRUNCATED_MASS)) {
      problems.push({ code: 'badDistribution', key, min: lo, max: hi, value: mass,
        detail: 'tooLittleMass', args: { kind: where, mass: +mass.toPrecision(3), least: MIN_TRUNCATED_MASS } });
    }
  }
  return problems;
}

/** P(L ≤ X ≤ H), from whichever tail keeps the precision. */
function truncatedMass(d: Dist, L: number, H: number): number {
  const fLo = d.cdf(L);
  return fLo <= 0.5 ? d.cdf(H) - fLo : d.sf(L) - d.sf(H);
}

// ── Sampling ────────────────────────────────────────────────────────────────────────────────────

export interface TruncatedSampler {
  /** Maps u in (0, 1) (also [0, 1]) to a value in [lo, hi]; monotone; allocation-free. */
  quantile(u: number): number;
  /** The effective range: [lo, hi] intersected with the distribution's support. */
  readonly lo: number;
  readonly hi: number;
  /** Probability the untruncated distribution puts inside [lo, hi]. */
  readonly mass: number;
}

/**
 * The distribution truncated to [lo, hi] (default: untruncated), as an inverse CDF of a uniform.
 * Throws a ModelError ('invalid') listing every problem validateDistribution finds.
 */
export function truncatedSampler(spec: DistributionSpec, lo = -Infinity, hi = Infinity, key = 'distribution'): TruncatedSampler {
  const problems = validateDistribution(key, spec, lo, hi);
  if (problems.length > 0) throw new ModelError('invalid', problems);
  const d = makeDist(spec);
  const L = Math.max(lo, d.lower);
  const H = Math.min(hi, d.upper);
  if (L === H) return { lo: L, hi: H, mass: 0, quantile: () => L };
  // p = F(L) + u·mass; for p > ½ use the upper-tail form 1 − p = S(H) + (1 − u)·mass, so neither tail
  // loses precision (1 − u is exact for the uniforms random.ts makes) and p never rounds to 1.
  const fLo = d.cdf(L);
  const sHi = d.sf(H);
  const mass = truncatedMass(d, L, H);
  return {
    lo: L,
    hi: H,
    mass,
    quantile: (u) => {
      // The ends are the ends: rounding in F(L) must not put u = 0 a hair inside or outside [L, H].
      if (u <= 0) return L;
      if (u >= 1) return H;
      const p = fLo + u * mass;
      const x = p <= 0.5 ? d.quantile(p) : d.quantileUpper(sHi + (1 - u) * mass);
      return x < L ? L : x > H ? H : x;
    },
  };
}

/**
 * The p-quantile (p in [0, 1]) of the distribution truncated to [lo, hi]: e.g. P10 and P90 for the
 * tornado. Throws like truncatedSampler.
 */
export function distributionQuantile(spec: DistributionSpec, p: number, lo = -Infinity, hi = Infinity, key = 'distribution'): number {
  if (!(p >= 0 && p <= 1)) throw new ModelError('invalid', [{ code: 'outOfRange', key: 'percentile', value: p, min: 0, max: 1 }]);
  return truncatedSampler(spec, lo, hi, key).quantile(p);
}

export interface Moments {
  mean: number;
  sd: number;
}

/** Mean and standard deviation of the untruncated distribution (closed forms). */
export function distributionMoments(spec: DistributionSpec): Moments {
  switch (spec.kind) {
    case 'triangular': {
      const { min: a, mode: c, max: b } = spec;
      return { mean: (a + b + c) / 3, sd: sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18) };
    }
    case 'pert': {
      const { min, mode, max } = spec;
      const { alpha, beta } = pertShape(min, mode, max);
      const w = max - min;
      const s = alpha + beta; // = 6
      return { mean: (min + 4 * mode + max) / 6, sd: w * sqrt((alpha * beta) / (s * s * (s + 1))) };
    }
    case 'uniform':
      return { mean: (spec.min + spec.max) / 2, sd: (spec.max - spec.min) / sqrt(12) };
    case 'normal':
    case 'lognormal':
      return { mean: spec.mean, sd: spec.sd };
  }
}

/**
 * Distributions an uncertain assumption may carry, each with an inverse CDF, so that a sample is
 * `quantile(u)` of a uniform u: plain Monte Carlo, Latin hypercube (lhs.ts) and truncation to the
 * assumption's valid range all go through the same path.
 *
 * - triangular(min, mode, max)
 * - pert(min, mode, max): min + (max − min)·Beta(α, β), α = 1 + 4(mode − min)/(max − min),
 *   β = 1 + 4(max − mode)/(max − min); mean (min + 4·mode + max)/6 (the beta functions: math/beta.ts).
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
 *
 * A little over 300 lines on purpose: the five kinds, their validation, moments and the truncated
 * sampler all work on the private Dist shape (cdf, sf and both quantiles); split, it would become
 * public API. The beta functions behind PERT are math/beta.ts.
 */
import { ModelError, type Problem } from '../text';
import { BetaQuantile, incBeta, lnBeta, normalCdf, normalQuantile } from '../math';

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
const { exp, log, log1p, sqrt } = Math;

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

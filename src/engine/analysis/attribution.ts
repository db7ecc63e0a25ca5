/**
 * Lever attribution: how much of the change from the baseline plan to a proposed plan each lever of the
 * plan brings, as exact Shapley values. A lever is one flat plan key of the catalogue (each commission,
 * clawback, outcome weight, bonus pool, prevention, automation, agent assist, and any plan key added
 * later) or the whole quota layer ("quota design": every role and component key together, since one
 * role's fields only mean something together).
 *
 * Shapley values are path-independent: the model is not additive (a clawback is worth more when the
 * new-business commission is high), so "change one lever after another" gives answers that depend on
 * the order. Averaging each lever's marginal effect over every order is exact for up to MAX_LEVERS
 * changed levers (2^n projections, each subset projected once); unchanged levers are left out of the
 * game, so they get exactly 0.
 */
import { specsOf, type PlanValues, type Text, compare, type Comparison, type Scenario } from '../model';
import { invalid } from '../text';
import { isQuotaKeyName } from '../quota';
import { projectPlan, assertValidScenario } from '../scenario';

/** The comparison figures an attribution can decompose (each a proposed-minus-baseline change). */
export const ATTRIBUTION_METRICS = [
  'customerEquityDelta', 'npvDelta', 'tenureNpvDelta', 'year1CompCostDelta', 'year1RevenueDelta', 'finalYearRevenueDelta',
] as const satisfies readonly (keyof Comparison)[];
export type AttributionMetric = (typeof ATTRIBUTION_METRICS)[number];

/** The id of the lever that holds every quota key. */
export const QUOTA_LEVER = 'quotaDesign';
const QUOTA_LABEL: Text = { en: 'Quota design', es: 'Diseño de cuotas' };

/** The most changed levers attributed exactly (2^12 = 4096 projections). */
export const MAX_LEVERS = 12;

export interface Lever {
  /** A flat plan key, or QUOTA_LEVER. */
  id: string;
  label: Text;
}

/** Every lever a plan has, in catalogue order, quota design last. */
export function levers(): Lever[] {
  return [...specsOf('plan').map((s) => ({ id: s.key, label: s.label })), { id: QUOTA_LEVER, label: QUOTA_LABEL }];
}

function quotaPart(plan: PlanValues): [string, number][] {
  return Object.entries(plan).filter(([k]) => isQuotaKeyName(k));
}

/** Whether a lever holds the same values in both plans. */
export function leverUnchanged(id: string, baseline: PlanValues, proposed: PlanValues): boolean {
  if (id !== QUOTA_LEVER) return (baseline as Record<string, number>)[id] === (proposed as Record<string, number>)[id];
  const a = quotaPart(baseline);
  const b = new Map(quotaPart(proposed));
  return a.length === b.size && a.every(([k, v]) => b.get(k) === v);
}

/** The baseline plan with the levers in `from` taken from the proposed plan. */
export function mixPlan(baseline: PlanValues, proposed: PlanValues, from: readonly string[]): PlanValues {
  const out: Record<string, number> = {};
  const quotaFromProposed = from.includes(QUOTA_LEVER);
  for (const [k, v] of Object.entries(baseline)) if (!isQuotaKeyName(k) || !quotaFromProposed) out[k] = v;
  for (const id of from) {
    if (id !== QUOTA_LEVER) out[id] = (proposed as Record<string, number>)[id];
  }
  if (quotaFromProposed) for (const [k, v] of quotaPart(proposed)) out[k] = v;
  return out as PlanValues;
}

/**
 * Exact Shapley values of an n-player game given by `worth(mask)` (bit i set: player i in the
 * coalition). worth is called once per coalition (2^n calls). The weight of a coalition S without i
 * is |S|! (n − |S| − 1)! / n!.
 */
export function shapley(n: number, worth: (mask: number) => number): number[] {
  const size = 1 << n;
  const v = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) v[mask] = worth(mask);
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial[k] = factorial[k - 1] * k;
  const weight = (s: number) => (factorial[s] * factorial[n - s - 1]) / factorial[n];
  const bits = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) bits[mask] = bits[mask >> 1] + (mask & 1);
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    let sum = 0;
    for (let mask = 0; mask < size; mask++) if (!(mask & bit)) sum += weight(bits[mask]) * (v[mask | bit] - v[mask]);
    out[i] = sum;
  }
  return out;
}

export interface LeverShare {
  lever: Lever;
  changed: boolean;
  /** Shapley contribution per metric (0 for an unchanged lever). */
  contribution: Record<AttributionMetric, number>;
}

export interface Attribution {
  levers: LeverShare[];
  /** The whole change per metric (the contributions add up to it). */
  total: Record<AttributionMetric, number>;
}

const zeros = (): Record<AttributionMetric, number> =>
  Object.fromEntries(ATTRIBUTION_METRICS.map((m) => [m, 0])) as Record<AttributionMetric, number>;

/**
 * Decomposes the change from the scenario's baseline to `proposed` (a plan of the same scenario) by
 * lever, for every metric at once. Projections are always made against the scenario's baseline plan
 * (behaviour responds to pay relative to today's plan), as the Results screen's are.
 */
export function attribute(s: Scenario, proposed: PlanValues): Attribution {
  assertValidScenario({ ...s, proposed: [{ name: 'proposed', values: proposed }] });
  const all = levers();
  const changed = all.filter((l) => !leverUnchanged(l.id, s.baseline.values, proposed));
  if (changed.length > MAX_LEVERS) {
    throw invalid({ code: 'tooLarge', key: 'proposed', value: changed.length, min: 0, max: MAX_LEVERS });
  }
  const base = projectPlan(s, s.baseline.values);
  const n = changed.length;
  // Every coalition is projected once and compared once; each metric reads the same cache.
  const cache = new Map<number, Comparison>();
  const comparisonOf = (mask: number): Comparison => {
    let c = cache.get(mask);
    if (!c) {
      const ids = changed.filter((_, i) => mask & (1 << i)).map((l) => l.id);
      c = compare(base, projectPlan(s, mixPlan(s.baseline.values, proposed, ids)), s.settings);
      cache.set(mask, c);
    }
    return c;
  };
  const total = zeros();
  const perLever = new Map<string, Record<AttributionMetric, number>>();
  for (const l of changed) perLever.set(l.id, zeros());
  const full = (1 << n) - 1;
  for (const metric of ATTRIBUTION_METRICS) {
    const values = shapley(n, (mask) => (mask === 0 ? 0 : comparisonOf(mask)[metric]));
    values.forEach((v, i) => (perLever.get(changed[i].id)![metric] = v));
    total[metric] = n === 0 ? 0 : comparisonOf(full)[metric];
  }
  return {
    total,
    levers: all.map((lever) => ({ lever, changed: perLever.has(lever.id), contribution: perLever.get(lever.id) ?? zeros() })),
  };
}

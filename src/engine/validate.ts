import { ALL_KEYS, findSpec, specsOf, type PlanValues, type Scope, type ValueSpec } from './catalogue';
import type { Problem } from './errors';
import { ModelError } from './errors';
import type { Scenario } from './scenario';
import { serviceChurnAtStart } from './behaviour';
import { findQuotaKey, isQuotaKeyName, quotaKeys, rolesOf, type Role } from './quota-plan';

/** Checks one value against its catalogue row; `label` is how the problem names it (e.g. "Enterprise.churn"). */
export function checkValue(spec: ValueSpec, value: unknown, label: string = spec.key): Problem | undefined {
  const range = { min: spec.min, max: spec.max };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'notANumber', key: label, value, ...range };
  if (spec.allowed && !spec.allowed.includes(value)) {
    return { code: 'notAllowed', key: label, value, suggestion: spec.allowed.join(', ') };
  }
  if (value < spec.min || value > spec.max) return { code: 'outOfRange', key: label, value, ...range };
  if (spec.integer && !Number.isInteger(value)) return { code: 'notInteger', key: label, value, ...range };
  return undefined;
}

function checkRecord(scope: Scope, values: Record<string, unknown>, prefix: string, out: Problem[]): void {
  for (const spec of specsOf(scope)) {
    const problem = checkValue(spec, values[spec.key], prefix + spec.key);
    if (problem) out.push(problem);
  }
  for (const key of Object.keys(values)) {
    if (scope === 'plan' && isQuotaKeyName(key)) continue; // checked by quotaProblems
    if (!findSpec(key) || findSpec(key)!.scope !== scope) out.push(unknownKeyProblem(prefix + key, key));
  }
}

let planKeyNames: readonly string[] | undefined;
/** The names a plan may hold: its flat keys and every quota key ("did you mean" looks among them). */
export function planKeyCandidates(): readonly string[] {
  return (planKeyNames ??= [...specsOf('plan').map((s) => s.key), ...quotaKeys().map((k) => k.name)]);
}

/**
 * Every problem of a plan's quota layer (MODEL.md section 8): unknown keys with a suggestion, values
 * outside their range, a role without components, a component without its quota, weights of a role
 * that do not add up to 1. `prefix` names the plan ("baseline.", "proposed2.").
 */
export function quotaProblems(plan: PlanValues, prefix: string): Problem[] {
  const out: Problem[] = [];
  const bad = new Set<string>();
  const values = plan as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    if (!isQuotaKeyName(name)) continue;
    const key = findQuotaKey(name);
    const problem = key ? checkValue(key.spec, values[name], prefix + name) : unknownKeyProblem(prefix + name, name, planKeyCandidates());
    if (problem) {
      out.push(problem);
      bad.add(name);
    }
  }
  for (const role of rolesOf(plan)) roleProblems(role, values, bad, prefix, out);
  return out;
}

function roleProblems(role: Role, values: Record<string, unknown>, bad: Set<string>, prefix: string, out: Problem[]): void {
  const components = Object.keys(role.components) as (keyof Role['components'])[];
  if (components.length === 0) {
    out.push({ code: 'missing', key: `${prefix}${role.id}.<component>.quota` });
    return;
  }
  let sum = 0;
  for (const c of components) {
    if (values[`${role.id}.${c}.quota`] === undefined) out.push({ code: 'missing', key: `${prefix}${role.id}.${c}.quota` });
    sum += role.components[c]!.weight;
  }
  const weights = components.map((c) => `${role.id}.${c}.weight`);
  if (Math.abs(sum - 1) > 1e-9 && !weights.some((w) => bad.has(w))) {
    out.push({ code: 'weightsSum', key: prefix + weights.join('+'), value: sum });
  }
}

export function unknownKeyProblem(label: string, key: string, candidates?: readonly string[]): Problem {
  return { code: 'unknownKey', key: label, suggestion: nearestKey(key, candidates) };
}

/** Levenshtein distance, case-insensitive: small enough for a 60-key catalogue. */
function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The catalogue key a mistyped key most likely meant, or undefined when nothing is close. */
export function nearestKey(key: string, candidates: readonly string[] = ALL_KEYS): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const tolerance = Math.max(2, Math.floor(key.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/**
 * Every problem in a scenario at once: ranges first, then the cross-field rules the equations need.
 * Returns an empty list for a valid scenario.
 */
export function validateScenario(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  checkRecord('scenario', s.settings, '', problems);
  checkRecord('behaviour', s.behaviour, '', problems);
  if (s.segments.length === 0) problems.push({ code: 'missing', key: 'segments', detail: 'at least one segment' });
  const names = new Set<string>();
  for (const seg of s.segments) {
    if (names.has(seg.name)) problems.push({ code: 'inconsistent', key: seg.name, detail: 'segment names must be unique' });
    names.add(seg.name);
    checkRecord('segment', seg.values, s.segments.length > 1 ? `${seg.name}.` : '', problems);
  }
  checkRecord('plan', s.baseline.values, 'baseline.', problems);
  problems.push(...quotaProblems(s.baseline.values, 'baseline.'));
  s.proposed.forEach((p, i) => {
    const prefix = s.proposed.length > 1 ? `proposed${i + 1}.` : 'proposed.';
    checkRecord('plan', p.values, prefix, problems);
    problems.push(...quotaProblems(p.values, prefix));
  });
  if (problems.length === 0) crossFieldProblems(s, problems);
  return problems;
}

function crossFieldProblems(s: Scenario, out: Problem[]): void {
  const b = s.behaviour;
  const effortSum = b.effortAcquire + b.effortRetain + b.effortExpand;
  if (Math.abs(effortSum - 1) > 1e-9) {
    out.push({ code: 'inconsistent', key: 'effortAcquire+effortRetain+effortExpand', value: effortSum,
      detail: `the three effort shares must add up to 1, not ${+effortSum.toFixed(6)}` });
  }
  for (const key of ['effortAcquire', 'effortRetain', 'effortExpand'] as const) {
    if (b[key] < b.effortFloor || b[key] <= 0) {
      out.push({ code: 'inconsistent', key, value: b[key], detail: `must be above 0 and at least effortFloor (${b.effortFloor})` });
    }
  }
  for (const key of ['resolveEffortShare'] as const) {
    if (b[key] < b.effortFloor || 1 - b[key] < b.effortFloor) {
      out.push({ code: 'inconsistent', key, value: b[key], detail: `must leave at least effortFloor (${b.effortFloor}) on each side` });
    }
  }
  const base = s.baseline.values;
  const paidOnQuota = componentsPaid(base);
  for (const key of ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const) {
    if (base[key] <= 0 && !paidOnQuota.has(key)) {
      out.push({ code: 'inconsistent', key: `baseline.${key}`, value: base[key],
        detail: 'the baseline rate must be above 0: effort responds to each plan relative to the baseline' });
    }
  }
  if (base.outcomeWeight <= 0 || base.outcomeWeight >= 1) {
    out.push({ code: 'inconsistent', key: 'baseline.outcomeWeight', value: base.outcomeWeight,
      detail: 'the baseline weight must be strictly between 0 and 1' });
  }
  if (base.clawback >= 1) {
    out.push({ code: 'inconsistent', key: 'baseline.clawback', value: base.clawback, detail: 'the baseline clawback must be below 1' });
  }
  for (const seg of s.segments) {
    const v = seg.values;
    const prefix = s.segments.length > 1 ? `${seg.name}.` : '';
    if ((v.sbgAlpha > 0) !== (v.sbgBeta > 0)) {
      out.push({ code: 'inconsistent', key: `${prefix}sbgAlpha/sbgBeta`, detail: 'set both sBG parameters above 0, or both to 0 for flat churn' });
    }
    const serviceChurn = serviceChurnAtStart(v, s.behaviour, base);
    if (serviceChurn > v.churn + 1e-12) {
      out.push({ code: 'inconsistent', key: `${prefix}churn`, value: v.churn,
        detail: `service-driven churn under the baseline (${+serviceChurn.toFixed(4)}) exceeds total churn; lower contactsPerCustomer or pChurnIfUnresolved, or raise churn` });
    }
  }
}

const ACTIVITY_OF = { newArr: 'commissionNew', renewal: 'commissionRenewal', expansion: 'commissionExpansion', service: 'outcomeWeight' } as const;

/**
 * The flat keys a plan's quota layer stands in for: a baseline that pays a role on new ARR needs no
 * commission on new ARR for effort to respond relative to it (MODEL.md section 5).
 */
function componentsPaid(plan: PlanValues): Set<string> {
  const out = new Set<string>();
  for (const role of rolesOf(plan)) {
    for (const [id, c] of Object.entries(role.components)) {
      if (role.values.ote * role.values.variableShare * c!.weight > 0) out.add(ACTIVITY_OF[id as keyof typeof ACTIVITY_OF]);
    }
  }
  return out;
}

export function assertValidScenario(s: Scenario): void {
  const problems = validateScenario(s);
  if (problems.length) throw new ModelError('invalid', problems);
}

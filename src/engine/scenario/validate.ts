import { ALL_KEYS, findSpec, specsOf, type PlanValues, type Scope, type ValueSpec, type Scenario, serviceChurnAtStart } from '../model';
import { type Problem, ModelError } from '../text';
import { findQuotaKey, isQuotaKeyName, planUsesQuotas, quotaKeys, rolesOf, type Role } from '../quota';

/** Checks one value against its catalogue row; `label` is how the problem names it (e.g. "Enterprise.churn"). */
export function checkValue(spec: ValueSpec, value: unknown, label: string = spec.key): Problem | undefined {
  // Problems are built only when there is one: every cell of a sheet validates every value.
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'notANumber', key: label, value, min: spec.min, max: spec.max };
  if (spec.allowed && !spec.allowed.includes(value)) {
    return { code: 'notAllowed', key: label, value, suggestion: spec.allowed.join(', ') };
  }
  if (value < spec.min || value > spec.max) return { code: 'outOfRange', key: label, value, min: spec.min, max: spec.max };
  if (spec.integer && !Number.isInteger(value)) return { code: 'notInteger', key: label, value, min: spec.min, max: spec.max };
  return undefined;
}

function checkRecord(scope: Scope, values: Record<string, unknown>, prefix: string, out: Problem[]): void {
  for (const spec of specsOf(scope)) {
    // The label is built only for a problem: a sheet of cells validates every value of every call.
    const problem = checkValue(spec, values[spec.key]);
    if (problem) out.push(prefix ? { ...problem, key: prefix + spec.key } : problem);
  }
  for (const key of Object.keys(values)) {
    if (scope === 'plan' && isQuotaKeyName(key)) continue; // checked by quotaProblems
    if (findSpec(key)?.scope !== scope) out.push(misplacedOrUnknown(prefix + key, key, scope));
  }
}

/**
 * A key that is not one of `scope`'s: a real key in the wrong place says where it belongs ("churn"
 * among the scenario settings belongs with the segment values); any other gets a "did you mean".
 */
export function misplacedOrUnknown(label: string, key: string, scope: Scope): Problem {
  const home = findSpec(key)?.scope ?? (isQuotaKeyName(key) && findQuotaKey(key) ? 'plan' : undefined);
  if (home && home !== scope) return { code: 'inconsistent', key: label, detail: 'belongsWith', args: { scope: home, found: scope } };
  return unknownKeyProblem(label, key);
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
  if (!planUsesQuotas(plan)) return []; // a flat plan: nothing to check, nothing to build
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

/** Levenshtein distance of two lower-cased texts: small enough for a 60-key catalogue. */
function editDistance(a: string, b: string): number {
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

/**
 * The catalogue key a mistyped key most likely meant, or undefined when nothing is close. A candidate
 * whose length differs from the key's by more than the tolerance (or than the best distance so far)
 * cannot win, so it is skipped unmeasured: a 32,767-character cell costs no more than a short one.
 */
export function nearestKey(key: string, candidates: readonly string[] = ALL_KEYS): string | undefined {
  const typed = key.toLowerCase();
  const tolerance = Math.max(2, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const candidate = c.toLowerCase();
    const gap = Math.abs(typed.length - candidate.length);
    if (gap > tolerance || gap >= bestDistance) continue;
    const d = editDistance(typed, candidate);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= tolerance ? best : undefined;
}

/**
 * Every problem in a scenario at once: ranges first, then the cross-field rules the equations need.
 * A rule runs whenever its own inputs are valid numbers, whatever else is wrong, so a churn out of
 * range and a baseline clawback of 1 are reported together. Returns an empty list for a valid scenario.
 */
export function validateScenario(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  checkRecord('scenario', s.settings, '', problems);
  checkRecord('behaviour', s.behaviour, '', problems);
  if (s.segments.length === 0) problems.push({ code: 'missing', key: 'segments', detail: 'atLeastOneSegment' });
  const names = new Set<string>();
  for (const seg of s.segments) {
    if (names.has(seg.name)) problems.push({ code: 'inconsistent', key: seg.name, detail: 'uniqueSegmentNames' });
    names.add(seg.name);
    checkRecord('segment', seg.values, s.segments.length > 1 ? `${seg.name}.` : '', problems);
  }
  checkRecord('plan', s.baseline.values, 'baseline.', problems);
  const baselineQuota = quotaProblems(s.baseline.values, 'baseline.');
  problems.push(...baselineQuota);
  s.proposed.forEach((p, i) => {
    const prefix = s.proposed.length > 1 ? `proposed${i + 1}.` : 'proposed.';
    checkRecord('plan', p.values, prefix, problems);
    problems.push(...quotaProblems(p.values, prefix));
  });
  crossFieldProblems(s, baselineQuota.length === 0, problems);
  return problems;
}

/**
 * What validateScenario adds to a value-by-value check: the segment list (one at least, names unique),
 * the quota layer and the cross-field rules. For a caller that has already checked every value against
 * its catalogue row and holds only catalogue keys (the custom functions' parser does, cell by cell,
 * naming the cell), so the ranges are not checked twice for every cell of a sheet.
 */
export function relationProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  if (s.segments.length === 0) problems.push({ code: 'missing', key: 'segments', detail: 'atLeastOneSegment' });
  const names = new Set<string>();
  for (const seg of s.segments) {
    if (names.has(seg.name)) problems.push({ code: 'inconsistent', key: seg.name, detail: 'uniqueSegmentNames' });
    names.add(seg.name);
  }
  const baselineQuota = quotaProblems(s.baseline.values, 'baseline.');
  problems.push(...baselineQuota);
  s.proposed.forEach((p, i) => problems.push(...quotaProblems(p.values, s.proposed.length > 1 ? `proposed${i + 1}.` : 'proposed.')));
  crossFieldProblems(s, baselineQuota.length === 0, problems);
  return problems;
}

/** True when `key` holds a valid value for its catalogue row. */
function validKey(values: object, key: string): boolean {
  return checkValue(findSpec(key)!, (values as Record<string, unknown>)[key]) === undefined;
}

/** True when every key of `keys` does (a plain loop: every cell of a sheet runs these rules). */
function valid(values: object, keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (!validKey(values, keys[i])) return false;
  return true;
}

const EFFORT_KEYS = ['effortAcquire', 'effortRetain', 'effortExpand'] as const;
/** What the service-driven churn under the baseline reads (behaviour.ts serviceChurnAtStart). */
const SERVICE_BEHAVIOUR = ['resolveEffortShare', 'resolutionRate', 'elasticityResolution', 'automationResolution', 'pChurnIfUnresolved', 'saveRate'] as const;
const SERVICE_PLAN = ['agentAssist', 'automationShare'] as const;
const SERVICE_SEGMENT = ['contactsPerCustomer', 'churn'] as const;

function crossFieldProblems(s: Scenario, baselineQuotaValid: boolean, out: Problem[]): void {
  const b = s.behaviour;
  if (valid(b, EFFORT_KEYS)) {
    const effortSum = b.effortAcquire + b.effortRetain + b.effortExpand;
    if (Math.abs(effortSum - 1) > 1e-9) {
      out.push({ code: 'inconsistent', key: 'effortAcquire+effortRetain+effortExpand', value: effortSum, detail: 'effortSum' });
    }
  }
  const floorValid = validKey(b, 'effortFloor');
  for (const key of EFFORT_KEYS) {
    if (floorValid && validKey(b, key) && (b[key] < b.effortFloor || b[key] <= 0)) out.push(effortFloorProblem(key, b[key], b.effortFloor));
  }
  if (floorValid && validKey(b, 'resolveEffortShare') && (b.resolveEffortShare < b.effortFloor || 1 - b.resolveEffortShare < b.effortFloor)) {
    out.push(resolveFloorProblem(b.resolveEffortShare, b.effortFloor));
  }
  const base = s.baseline.values;
  const paidOnQuota = componentsPaid(base);
  for (const key of ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const) {
    if (baselineQuotaValid && validKey(base, key) && base[key] <= 0 && !paidOnQuota.has(key)) {
      out.push({ code: 'inconsistent', key: `baseline.${key}`, value: base[key], detail: 'baselineRate' });
    }
  }
  if (validKey(base, 'outcomeWeight') && (base.outcomeWeight <= 0 || base.outcomeWeight >= 1)) {
    out.push({ code: 'inconsistent', key: 'baseline.outcomeWeight', value: base.outcomeWeight, min: 0, max: 1, detail: 'baselineOutcomeWeight' });
  }
  if (validKey(base, 'clawback') && base.clawback >= 1) {
    out.push({ code: 'inconsistent', key: 'baseline.clawback', value: base.clawback, detail: 'baselineClawback' });
  }
  const serviceInputsValid = valid(b, SERVICE_BEHAVIOUR) && valid(base, SERVICE_PLAN);
  for (const seg of s.segments) {
    const v = seg.values;
    const prefix = s.segments.length > 1 ? `${seg.name}.` : '';
    if (valid(v, ['sbgAlpha', 'sbgBeta']) && (v.sbgAlpha > 0) !== (v.sbgBeta > 0)) out.push(sbgPairProblem(prefix, v.sbgAlpha, v.sbgBeta));
    if (!serviceInputsValid || !valid(v, SERVICE_SEGMENT)) continue;
    const serviceChurn = serviceChurnAtStart(v, s.behaviour, base);
    if (serviceChurn > v.churn + 1e-12) out.push(serviceChurnProblem(prefix, v.churn, serviceChurn));
  }
}

/*
 * The cross-field problems, built in one place: validation reports them, and a Monte Carlo trial whose
 * draws break a rule (uncertainty.ts trialInconsistency) names the rule with the same facts.
 */

/** An effort share below the floor (or at 0): the floor is the least it may be. */
export function effortFloorProblem(key: string, value: number, floor: number): Problem {
  return { code: 'inconsistent', key, value, min: floor, detail: 'effortFloor' };
}

/** The service resolve share must leave the floor on both resolving and closing: its range is [floor, 1 − floor]. */
export function resolveFloorProblem(value: number, floor: number): Problem {
  return { code: 'inconsistent', key: 'resolveEffortShare', value, min: floor, max: 1 - floor, detail: 'resolveFloor' };
}

/** One sBG parameter set and the other not; `prefix` names the segment ("SMB." or ""). */
export function sbgPairProblem(prefix: string, alpha: number, beta: number): Problem {
  return { code: 'inconsistent', key: `${prefix}sbgAlpha/sbgBeta`, detail: 'sbgPair', args: { alpha, beta } };
}

/** Churn below its service-driven part under the baseline, which is the least churn may be. */
export function serviceChurnProblem(prefix: string, churn: number, serviceChurn: number): Problem {
  return { code: 'inconsistent', key: `${prefix}churn`, value: churn, min: serviceChurn, detail: 'serviceChurn' };
}

const ACTIVITY_OF = { newArr: 'commissionNew', renewal: 'commissionRenewal', expansion: 'commissionExpansion', service: 'outcomeWeight' } as const;

/**
 * The flat keys a plan's quota layer stands in for: a baseline that pays a role on new ARR needs no
 * commission on new ARR for effort to respond relative to it (MODEL.md section 5).
 */
function componentsPaid(plan: PlanValues): Set<string> {
  const out = new Set<string>();
  if (!planUsesQuotas(plan)) return out;
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

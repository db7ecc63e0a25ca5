import { ALL_KEYS, findSpec, specsOf, type AssumptionSpec, type Scope } from './catalogue';
import type { Problem } from './errors';
import { ModelError } from './errors';
import type { Scenario } from './scenario';
import { serviceChurnAtStart } from './behaviour';

/** Checks one value against its catalogue row; `label` is how the problem names it (e.g. "Enterprise.churn"). */
export function checkValue(spec: AssumptionSpec, value: unknown, label: string = spec.key): Problem | undefined {
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
    if (!findSpec(key) || findSpec(key)!.scope !== scope) out.push(unknownKeyProblem(prefix + key, key));
  }
}

export function unknownKeyProblem(label: string, key: string): Problem {
  return { code: 'unknownKey', key: label, suggestion: nearestKey(key) };
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
  s.proposed.forEach((p, i) => checkRecord('plan', p.values, s.proposed.length > 1 ? `proposed${i + 1}.` : 'proposed.', problems));
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
  for (const key of ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const) {
    if (base[key] <= 0) {
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

export function assertValidScenario(s: Scenario): void {
  const problems = validateScenario(s);
  if (problems.length) throw new ModelError('invalid', problems);
}

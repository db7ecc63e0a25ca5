import { defaultsOf, findSpec, type Scope } from './catalogue';
import type { Problem } from './errors';
import { ModelError } from './errors';
import type { NamedPlan, Scenario, Segment } from './scenario';
import { isQuotaKeyName, planUsesQuotas } from './quota-plan';
import { unknownKeyProblem, validateScenario } from './validate';

/**
 * The stored form of a scenario (examples/*.json, saved scenarios, the export CLI). Values may be
 * partial: missing keys take catalogue defaults. `schemaVersion` lets later versions migrate old files.
 *
 * Versions: 1 = flat plans. 2 = plans may hold quota keys (`ae.headcount`, `ae.newArr.quota`, …, see
 * quota-plan.ts) among their values. A file is written with the lowest version that can read it, so a
 * scenario without roles still opens in an add-in that knows only version 1, and one with roles is
 * refused there as "saved by a newer version" instead of failing on unknown keys. Reading a version-1
 * file needs no migration: every version-1 file is a valid version-2 file.
 */
export const SCENARIO_SCHEMA_VERSION = 2;
const FLAT_PLANS_VERSION = 1;

export interface ScenarioJson {
  schemaVersion?: number;
  name?: string;
  description?: string;
  settings?: Record<string, number>;
  segments?: { name: string; values?: Record<string, number> }[];
  behaviour?: Record<string, number>;
  baseline?: { name?: string; values?: Record<string, number> };
  proposed?: { name?: string; values?: Record<string, number> }[];
}

function withDefaults(scope: Scope, values: Record<string, unknown> | undefined, prefix: string, problems: Problem[]): Record<string, number> {
  const out: Record<string, number> = { ...defaultsOf(scope) };
  for (const [key, value] of Object.entries(values ?? {})) {
    const spec = findSpec(key);
    if (scope === 'plan' && isQuotaKeyName(key)) out[key] = value as number; // checked with the plan by validateScenario
    else if (!spec || spec.scope !== scope) problems.push(unknownKeyProblem(prefix + key, key));
    else out[key] = value as number;
  }
  return out;
}

/** Reads a stored scenario, filling defaults; throws a ModelError listing every problem. */
export function scenarioFromJson(json: ScenarioJson): Scenario {
  const problems: Problem[] = [];
  if (json.schemaVersion !== undefined && json.schemaVersion > SCENARIO_SCHEMA_VERSION) {
    throw new ModelError('invalid', [{ code: 'tooLarge', key: 'schemaVersion', value: json.schemaVersion, max: SCENARIO_SCHEMA_VERSION,
      detail: 'saved by a newer version of the add-in' }]);
  }
  const segments: Segment[] = (json.segments?.length ? json.segments : [{ name: 'Mid-market' }]).map((g) => ({
    name: g.name,
    values: withDefaults('segment', g.values, `${g.name}.`, problems) as Segment['values'],
  }));
  const plan = (p: ScenarioJson['baseline'], fallback: string, prefix: string): NamedPlan => ({
    name: p?.name ?? fallback,
    values: withDefaults('plan', p?.values, prefix, problems) as NamedPlan['values'],
  });
  const scenario: Scenario = {
    name: json.name ?? 'Scenario',
    settings: withDefaults('scenario', json.settings, '', problems) as Scenario['settings'],
    segments,
    behaviour: withDefaults('behaviour', json.behaviour, '', problems) as Scenario['behaviour'],
    baseline: plan(json.baseline, 'Baseline', 'baseline.'),
    proposed: (json.proposed ?? []).map((p, i) => plan(p, `Proposed ${i + 1}`, `proposed${i + 1}.`)),
  };
  problems.push(...validateScenario(scenario));
  if (problems.length) throw new ModelError('invalid', problems);
  return scenario;
}

export function scenarioToJson(s: Scenario, description?: string): ScenarioJson {
  const quotas = [s.baseline, ...s.proposed].some((p) => planUsesQuotas(p.values));
  return {
    schemaVersion: quotas ? SCENARIO_SCHEMA_VERSION : FLAT_PLANS_VERSION,
    name: s.name,
    ...(description ? { description } : {}),
    settings: { ...s.settings },
    segments: s.segments.map((g) => ({ name: g.name, values: { ...g.values } })),
    behaviour: { ...s.behaviour },
    baseline: { name: s.baseline.name, values: { ...s.baseline.values } },
    proposed: s.proposed.map((p) => ({ name: p.name, values: { ...p.values } })),
  };
}

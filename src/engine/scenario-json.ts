import { defaultsOf, findSpec, type Scope } from './catalogue';
import type { Problem } from './errors';
import { ModelError } from './errors';
import type { NamedPlan, Scenario, Segment } from './scenario';
import { unknownKeyProblem, validateScenario } from './validate';

/**
 * The stored form of a scenario (examples/*.json, saved scenarios, the export CLI). Values may be
 * partial: missing keys take catalogue defaults. `schemaVersion` lets later versions migrate old files.
 */
export const SCENARIO_SCHEMA_VERSION = 1;

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
    if (!spec || spec.scope !== scope) problems.push(unknownKeyProblem(prefix + key, key));
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
  return {
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    name: s.name,
    ...(description ? { description } : {}),
    settings: { ...s.settings },
    segments: s.segments.map((g) => ({ name: g.name, values: { ...g.values } })),
    behaviour: { ...s.behaviour },
    baseline: { name: s.baseline.name, values: { ...s.baseline.values } },
    proposed: s.proposed.map((p) => ({ name: p.name, values: { ...p.values } })),
  };
}

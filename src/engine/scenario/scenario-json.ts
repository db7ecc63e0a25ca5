import { defaultsOf, findSpec, type Scope, type NamedPlan, type Scenario, type Segment } from '../model';
import { type Problem, ModelError } from '../text';
import { isQuotaKeyName } from '../quota';
import { limitProblem } from './scenario-limits';
import { misplacedOrUnknown, validateScenario } from './validate';

/**
 * The stored form of a scenario (examples/*.json, saved scenarios, the export CLI). Values may be
 * partial: missing keys take catalogue defaults. `schemaVersion` lets later versions migrate old files.
 *
 * Versions: 1 = flat plans. 2 = plans may hold quota keys (`ae.headcount`, `ae.newArr.quota`, …, see
 * quota-plan.ts) among their values. A file is written with the lowest version that can read it, so a
 * scenario without roles still opens in an add-in that knows only version 1, and one with roles is
 * refused there as "saved by a newer version" instead of failing on unknown keys. 3 = model version 2
 * (MODEL.md sections 5, 6: pay sets effort level and attrition, and the new assumptions that come with
 * it). Every file is now written as version 3, since its behaviour section holds model-2 keys an older
 * add-in does not know. Reading a version-1 or version-2 file is the migration: the keys model 2 added
 * take their catalogue defaults, and modelChangedSince tells the pane to say that the model changed.
 */
export const SCENARIO_SCHEMA_VERSION = 3;
/** The first schema version written under model version 2. */
export const MODEL_V2_SCHEMA_VERSION = 3;

/**
 * True when a stored scenario was saved under model version 1 (schema version 1 or 2, or none): it
 * loads, with model 2's new keys at their defaults, but its figures will differ from the ones it
 * showed when it was saved, and the pane says so.
 */
export function modelChangedSince(json: Pick<ScenarioJson, 'schemaVersion'>): boolean {
  return (json.schemaVersion ?? 1) < MODEL_V2_SCHEMA_VERSION;
}

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
    // A list or an object where a number belongs is a shape problem, said as such (not "[object Object]").
    if (typeof value === 'object' && value !== null) {
      problems.push({ code: 'badShape', key: prefix + key, value, detail: 'notANumberShape', args: { found: kindOf(value) } });
      continue;
    }
    if (scope === 'plan' && isQuotaKeyName(key)) out[key] = value as number; // checked with the plan by validateScenario
    else if (findSpec(key)?.scope !== scope) problems.push(misplacedOrUnknown(prefix + key, key, scope));
    else out[key] = value as number;
  }
  return out;
}

/** What a JSON value is, as messages name it (messages.ts FOUND). */
function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'list';
  if (typeof x === 'string') return 'text';
  return typeof x; // number, boolean, object (undefined never reaches a message: absent parts take defaults)
}

const isRecord = (x: unknown): x is Record<string, unknown> => kindOf(x) === 'object';

/**
 * The shape of a stored file, before any value is read: the file and its settings, behaviour, plans and
 * segments are objects, segments and proposed plans lists, names texts. A corrupt file (an array,
 * `null`, segments that are a text) is refused with every such problem, never read as the defaults.
 */
function shapeProblems(json: unknown): Problem[] {
  if (!isRecord(json)) return [{ code: 'badShape', key: 'scenario', detail: 'notAnObject', args: { found: kindOf(json) } }];
  const problems: Problem[] = [];
  if (json.schemaVersion !== undefined && typeof json.schemaVersion !== 'number') {
    problems.push({ code: 'notANumber', key: 'schemaVersion', value: json.schemaVersion });
  }
  const expect = (x: unknown, path: string, want: 'object' | 'list' | 'text') => {
    if (x === undefined || kindOf(x) === want) return true;
    const detail = want === 'object' ? 'notAnObject' : want === 'list' ? 'notAList' : 'notText';
    problems.push({ code: 'badShape', key: path, detail, args: { found: kindOf(x) } });
    return false;
  };
  expect(json.name, 'name', 'text');
  expect(json.description, 'description', 'text');
  expect(json.settings, 'settings', 'object');
  expect(json.behaviour, 'behaviour', 'object');
  const plan = (p: unknown, path: string) => {
    if (expect(p, path, 'object') && isRecord(p)) {
      expect(p.name, `${path}.name`, 'text');
      expect(p.values, `${path}.values`, 'object');
    }
  };
  plan(json.baseline, 'baseline');
  if (expect(json.proposed, 'proposed', 'list') && Array.isArray(json.proposed)) json.proposed.forEach((p, i) => plan(p, `proposed[${i}]`));
  if (expect(json.segments, 'segments', 'list') && Array.isArray(json.segments)) {
    json.segments.forEach((g: unknown, i) => {
      const path = `segments[${i}]`;
      if (!expect(g, path, 'object') || !isRecord(g)) return;
      if (g.name === undefined || g.name === '') problems.push({ code: 'missing', key: `${path}.name`, detail: 'segmentName' });
      else expect(g.name, `${path}.name`, 'text');
      expect(g.values, `${path}.values`, 'object');
    });
  }
  return problems;
}

/**
 * Reads a stored scenario, filling defaults; throws a ModelError listing every problem. Problems name
 * keys as validation does, after checking the size limits of scenario-limits.ts before any other work:
 * a segment's name only when there are several, "proposed." for a lone
 * proposed plan and "proposed1.", "proposed2." … when there are more.
 */
export function scenarioFromJson(json: ScenarioJson): Scenario {
  const tooLarge = limitProblem(json);
  if (tooLarge) throw new ModelError('invalid', [tooLarge]);
  const shape = shapeProblems(json);
  if (shape.length) throw new ModelError('invalid', shape);
  const problems: Problem[] = [];
  if (json.schemaVersion !== undefined && json.schemaVersion > SCENARIO_SCHEMA_VERSION) {
    throw new ModelError('invalid', [{ code: 'tooLarge', key: 'schemaVersion', value: json.schemaVersion, max: SCENARIO_SCHEMA_VERSION,
      detail: 'newerVersion' }]);
  }
  const stored = json.segments?.length ? json.segments : [{ name: 'Mid-market' }];
  const segments: Segment[] = stored.map((g) => ({
    name: g.name,
    values: withDefaults('segment', g.values, stored.length > 1 ? `${g.name}.` : '', problems) as Segment['values'],
  }));
  const plan = (p: ScenarioJson['baseline'], fallback: string, prefix: string): NamedPlan => ({
    name: p?.name ?? fallback,
    values: withDefaults('plan', p?.values, prefix, problems) as NamedPlan['values'],
  });
  const proposed = json.proposed ?? [];
  const scenario: Scenario = {
    name: json.name ?? 'Scenario',
    settings: withDefaults('scenario', json.settings, '', problems) as Scenario['settings'],
    segments,
    behaviour: withDefaults('behaviour', json.behaviour, '', problems) as Scenario['behaviour'],
    baseline: plan(json.baseline, 'Baseline', 'baseline.'),
    proposed: proposed.map((p, i) => plan(p, `Proposed ${i + 1}`, proposed.length > 1 ? `proposed${i + 1}.` : 'proposed.')),
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

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultScenario, ModelError, newRole, planUsesQuotas, quotaKeys, roleEntries, rolesOf, SCENARIO_SCHEMA_VERSION, scenarioFromJson,
  scenarioToJson, withRoles, type ScenarioJson,
} from '../../src/engine';
import { withQuotaKeys } from './quota-arbitraries';

/** Scenario JSON with quota layers: roles round-trip, old files still load, versions say who can read a file. */

const LAYER = {
  'ae.headcount': 6, 'ae.ote': 160_000, 'ae.variableShare': 0.5, 'ae.clawback': 0.3,
  'ae.newArr.weight': 0.8, 'ae.newArr.quota': 480_000, 'ae.newArr.threshold': 0.5, 'ae.newArr.accelerator': 2, 'ae.newArr.cap': 3,
  'ae.expansion.weight': 0.2, 'ae.expansion.quota': 150_000,
  'support.headcount': 12, 'support.ote': 60_000, 'support.variableShare': 0.15, 'support.service.quota': 90_000,
};

function withLayer() {
  const s = defaultScenario();
  s.proposed[0].values = withQuotaKeys(s.proposed[0].values, LAYER);
  return s;
}

describe('scenario JSON with roles', () => {
  it('round-trips a quota layer through text, every role and component intact', () => {
    const s = withLayer();
    const json = JSON.parse(JSON.stringify(scenarioToJson(s))) as ScenarioJson;
    expect(json.schemaVersion).toBe(3);
    const back = scenarioFromJson(json);
    expect(back).toEqual(s);
    expect(rolesOf(back.proposed[0].values)).toEqual(rolesOf(s.proposed[0].values));
    expect(rolesOf(back.proposed[0].values).map((r) => [r.id, Object.keys(r.components)])).toEqual([['ae', ['newArr', 'expansion']], ['support', ['service']]]);
  });

  it('writes version 3 (model version 2) for every plan: its behaviour holds keys an older add-in does not know', () => {
    expect(SCENARIO_SCHEMA_VERSION).toBe(3);
    expect(scenarioToJson(defaultScenario()).schemaVersion).toBe(3);
  });

  it('reads the examples (version 3) as they are: they load and stay flat', () => {
    for (const name of ['mid-market-saas', 'enterprise-multi-year', 'high-touch-services']) {
      const json = JSON.parse(readFileSync(resolve(__dirname, '../../examples', `${name}.json`), 'utf8')) as ScenarioJson;
      expect(json.schemaVersion).toBe(3);
      const s = scenarioFromJson(json);
      expect([s.baseline, ...s.proposed].some((p) => planUsesQuotas(p.values))).toBe(false);
    }
  });

  it('refuses a file from a version newer than 3', () => {
    expect(() => scenarioFromJson({ schemaVersion: 4 })).toThrow(ModelError);
  });

  it('reports every problem of a stored quota layer at once', () => {
    const json = scenarioToJson(withLayer());
    Object.assign(json.proposed![0].values!, { 'ae.newArr.weight': 0.5, 'support.servce.quota': 1 });
    try {
      scenarioFromJson(json);
      throw new Error('expected a ModelError');
    } catch (e) {
      expect((e as ModelError).problems.map((p) => [p.code, p.key, p.suggestion])).toEqual([
        ['unknownKey', 'proposed.support.servce.quota', 'support.service.quota'],
        ['weightsSum', 'proposed.ae.newArr.weight+ae.expansion.weight', undefined],
      ]);
    }
  });
});

describe('roles as plan keys', () => {
  it('newRole, withRoles and rolesOf round-trip, and withRoles with no roles makes the plan flat again', () => {
    const flat = defaultScenario().baseline.values;
    const roles = [newRole('cs', ['renewal', 'service']), newRole('ae', ['newArr'])];
    const plan = withRoles(flat, roles);
    expect(planUsesQuotas(plan)).toBe(true);
    // rolesOf lists roles in catalogue order (ae before cs), components too.
    expect(rolesOf(plan)).toEqual([roles[1], roles[0]]);
    expect(roles[0].components.renewal!.weight + roles[0].components.service!.weight).toBe(1);
    expect(withRoles(plan, [])).toEqual(flat);
    expect(roleEntries(roles[1]).map(([key]) => key)).toEqual(quotaKeys().filter((k) => k.role === 'ae' && (!k.component || k.component === 'newArr')).map((k) => k.name));
  });
});

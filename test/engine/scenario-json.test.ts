import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultScenario, defaultsOf, describeProblem, describeProblems, ModelError, SCENARIO_SCHEMA_VERSION, scenarioFromJson,
  scenarioToJson, type Problem, type ScenarioJson,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/** The stored form of a scenario (examples/*.json, saved scenarios, the export script). */

/** The problems a bad file is reported with (and a check that it is reported as a ModelError). */
function problemsOf(json: unknown): Problem[] {
  try {
    scenarioFromJson(json as ScenarioJson);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).kind).toBe('invalid');
    return (e as ModelError).problems;
  }
  throw new Error('expected the file to be refused');
}

const examplesDir = join(__dirname, '../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));

describe('round trip', () => {
  it('reads back exactly the scenario it wrote, through JSON text (property)', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      expect(scenarioFromJson(JSON.parse(JSON.stringify(scenarioToJson(s))))).toEqual(s);
    }), { numRuns: 100 });
  });

  it('keeps the default scenario, its plan names and the description', () => {
    const s = defaultScenario();
    const json = scenarioToJson(s, 'Pay for retention');
    expect(json.description).toBe('Pay for retention');
    expect(scenarioFromJson(json)).toEqual(s);
    expect(scenarioToJson(s)).not.toHaveProperty('description');
  });

  it.each(examples)('reads examples/%s and writes it back to the same scenario', (file) => {
    const s = scenarioFromJson(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')));
    expect(scenarioFromJson(scenarioToJson(s))).toEqual(s);
  });

  it('copies values instead of sharing them with the scenario', () => {
    const s = defaultScenario();
    const json = scenarioToJson(s);
    json.segments![0].values!.churn = 0.5;
    json.settings!.horizonYears = 9;
    expect(s.segments[0].values.churn).toBe(0.1);
    expect(s.settings.horizonYears).toBe(5);
  });
});

describe('defaults', () => {
  it('fills an empty file with one default segment, the default behaviour and a default baseline', () => {
    const s = scenarioFromJson({});
    expect(s).toEqual({
      name: 'Scenario',
      settings: defaultsOf('scenario'),
      segments: [{ name: 'Mid-market', values: defaultsOf('segment') }],
      behaviour: defaultsOf('behaviour'),
      baseline: { name: 'Baseline', values: defaultsOf('plan') },
      proposed: [],
    });
  });

  it('takes the values given and the catalogue default for every key left out', () => {
    const s = scenarioFromJson({
      settings: { horizonYears: 10 },
      segments: [{ name: 'SMB', values: { churn: 0.2 } }, { name: 'Enterprise' }],
      proposed: [{ values: { commissionNew: 0.05 } }, { name: 'Named', values: {} }],
    });
    expect(s.settings).toEqual({ ...defaultsOf('scenario'), horizonYears: 10 });
    expect(s.segments).toEqual([
      { name: 'SMB', values: { ...defaultsOf('segment'), churn: 0.2 } },
      { name: 'Enterprise', values: defaultsOf('segment') },
    ]);
    expect(s.proposed.map((p) => p.name)).toEqual(['Proposed 1', 'Named']);
    expect(s.proposed[0].values).toEqual({ ...defaultsOf('plan'), commissionNew: 0.05 });
  });
});

describe('schema version', () => {
  it('writes version 3 (model version 2), and reads files written with any version up to the current one', () => {
    expect(SCENARIO_SCHEMA_VERSION).toBe(3);
    // Model 2's behaviour keys are unknown to an older add-in, which then says "saved by a newer version".
    expect(scenarioToJson(defaultScenario()).schemaVersion).toBe(3);
    for (const version of [1, 2, 3]) expect(() => scenarioFromJson({ schemaVersion: version })).not.toThrow();
    expect(() => scenarioFromJson({})).not.toThrow();
  });

  it('refuses a file from a newer version, saying so in English and Spanish', () => {
    const problems = problemsOf({ schemaVersion: 4 });
    expect(problems).toEqual([{ code: 'tooLarge', key: 'schemaVersion', value: 4, max: 3, detail: 'newerVersion' }]);
    expect(describeProblem(problems[0], 'en')).toBe('schemaVersion: 4 is too large; the limit is 3 (saved by a newer version of the add-in)');
    expect(describeProblem(problems[0], 'es')).toBe('schemaVersion: 4 es demasiado grande; el límite es 3 (guardado con una versión más reciente del complemento)');
  });
});

describe('bad input', () => {
  it('is reported all at once: unknown keys with suggestions, values out of range, values that are not numbers', () => {
    // Labels as validation gives them: a lone segment and a lone proposed plan are not numbered or named.
    const problems = problemsOf({
      settings: { horizonYaers: 5, discountRate: 2 },
      segments: [{ name: 'SMB', values: { chrun: 0.1, churn: 2 } }],
      baseline: { values: { commissionNew: 'ten' } },
      proposed: [{ values: { clawbak: 0.5 } }],
    });
    expect(problems.map((p) => [p.code, p.key, p.suggestion])).toEqual([
      ['unknownKey', 'chrun', 'churn'],
      ['unknownKey', 'horizonYaers', 'horizonYears'],
      ['unknownKey', 'proposed.clawbak', 'clawback'],
      ['outOfRange', 'discountRate', undefined],
      ['outOfRange', 'churn', undefined],
      ['notANumber', 'baseline.commissionNew', undefined],
    ]);
    expect(describeProblems(problems)).toBe([
      'unknown key "chrun"; did you mean "churn"?',
      'unknown key "horizonYaers"; did you mean "horizonYears"?',
      'unknown key "proposed.clawbak"; did you mean "clawback"?',
      'discountRate: 2 is outside the valid range 0 – 0.5',
      'churn: 2 is outside the valid range 0 – 0.95',
      'baseline.commissionNew: "ten" is not a number; valid range 0 – 1',
    ].join('; '));
  });

  it('includes the cross-field rules of validation', () => {
    expect(problemsOf({ behaviour: { effortRetain: 0.3 } }).map((p) => p.key)).toEqual(['effortAcquire+effortRetain+effortExpand']);
    expect(problemsOf({ segments: [{ name: 'A' }, { name: 'A' }] })).toEqual([{ code: 'inconsistent', key: 'A', detail: 'uniqueSegmentNames' }]);
  });

  it('treats a blank (null) value as not a number rather than as the default', () => {
    expect(problemsOf({ settings: { discountRate: null } })).toEqual([{ code: 'notANumber', key: 'discountRate', value: null, min: 0, max: 0.5 }]);
  });

  it('refuses a file that is not a scenario object, instead of reading it as the defaults or crashing', () => {
    for (const bad of [null, [], 'scenario', 42, true, { segments: 'SMB' }, { baseline: [] }, { segments: [null] }, { proposed: {} }, { settings: 3 }]) {
      expect(problemsOf(bad).length).toBeGreaterThan(0);
    }
  });

  it('says what is wrong with the shape, in English and Spanish', () => {
    const said = (json: unknown) => problemsOf(json).map((p) => [describeProblem(p, 'en'), describeProblem(p, 'es')]);
    expect(said(null)).toEqual([['scenario: expected an object ({…}), not null', 'scenario: se esperaba un objeto ({…}), no null']]);
    expect(said([])).toEqual([['scenario: expected an object ({…}), not a list', 'scenario: se esperaba un objeto ({…}), no una lista']]);
    expect(said('x')).toEqual([['scenario: expected an object ({…}), not a text', 'scenario: se esperaba un objeto ({…}), no un texto']]);
    expect(said(42)).toEqual([['scenario: expected an object ({…}), not a number', 'scenario: se esperaba un objeto ({…}), no un número']]);
    expect(said({ segments: 'SMB', baseline: [], proposed: [{ values: 5 }], name: 7 })).toEqual([
      ['name: expected a text, not a number', 'name: se esperaba un texto, no un número'],
      ['baseline: expected an object ({…}), not a list', 'baseline: se esperaba un objeto ({…}), no una lista'],
      ['proposed[0].values: expected an object ({…}), not a number', 'proposed[0].values: se esperaba un objeto ({…}), no un número'],
      ['segments: expected a list ([…]), not a text', 'segments: se esperaba una lista ([…]), no un texto'],
    ]);
    expect(said({ schemaVersion: '2' })).toEqual([['schemaVersion: "2" is not a number', 'schemaVersion: "2" no es un número']]);
  });

  it('reports a segment without a name instead of calling it "undefined"', () => {
    const problems = problemsOf({ segments: [{ values: { churn: 0.2 } }, { name: 'Enterprise' }, { name: '' }] });
    expect(problems).toEqual([
      { code: 'missing', key: 'segments[0].name', detail: 'segmentName' },
      { code: 'missing', key: 'segments[2].name', detail: 'segmentName' },
    ]);
    expect(describeProblem(problems[0])).toBe('segments[0].name is required (every segment needs a name)');
    expect(describeProblem(problems[0], 'es')).toBe('segments[0].name es obligatorio (cada segmento necesita un nombre)');
  });

  it('labels every problem of a segment alike: plain with one segment, by name with several', () => {
    const one = problemsOf({ segments: [{ name: 'SMB', values: { chrun: 0.1, churn: 2 } }] });
    expect(one.map((p) => p.key)).toEqual(['chrun', 'churn']);
    const two = problemsOf({ segments: [{ name: 'SMB', values: { chrun: 0.1, churn: 2 } }, { name: 'Enterprise' }] });
    expect(two.map((p) => p.key)).toEqual(['SMB.chrun', 'SMB.churn']);
    const plans = problemsOf({ proposed: [{ values: { clawbak: 0.5 } }, { values: { clawback: 2 } }] });
    expect(plans.map((p) => p.key)).toEqual(['proposed1.clawbak', 'proposed2.clawback']);
  });

  it('says where a key stored in the wrong place belongs', () => {
    const problems = problemsOf({ settings: { churn: 0.1 }, baseline: { values: { horizonYears: 5 } } });
    expect(problems.map((p) => describeProblem(p))).toEqual([
      'churn: belongs with the segment values, not the scenario settings',
      'baseline.horizonYears: belongs with the scenario settings, not the plan values',
    ]);
  });
});

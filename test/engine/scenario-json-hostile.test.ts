/* eslint-disable @typescript-eslint/no-explicit-any -- hostile files are built by writing anything anywhere */
import fc from 'fast-check';
import {
  defaultScenario, describeProblems, ModelError, SCENARIO_LIMITS, scenarioFromJson, scenarioToJson, type ScenarioJson,
} from '../../src/engine';

/**
 * Issue 12, item 6: whatever JSON a file, a saved scenario or a pasted text holds, reading it ends in a
 * scenario or in a ModelError whose message names the problem in both languages: never a TypeError or a
 * RangeError, never "[object Object]", and a file beyond the size limits is refused before any work.
 */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Reads a file and returns the messages it is refused with (or 'ok'); fails on any other error. */
function outcome(json: unknown): string {
  try {
    scenarioFromJson(json as ScenarioJson);
    return 'ok';
  } catch (e) {
    if (!(e instanceof ModelError)) throw new Error(`not a validation error: ${String(e)}`);
    const texts = [e.message, describeProblems(e.problems, 'en'), describeProblems(e.problems, 'es')];
    for (const t of texts) {
      expect(t).not.toMatch(/\[object Object\]|undefined|function |NaN/);
      expect(t.length).toBeLessThan(20_000);
    }
    return texts[1];
  }
}

const base = () => JSON.parse(JSON.stringify(scenarioToJson(defaultScenario()))) as Record<string, unknown>;
const odd = fc.oneof(
  fc.constantFrom({ toString: 1 }, { valueOf: 1, toString: 1 }, { toString: { toString: 1 } }, [], [1, [2]], {}, null, true, '', 'x'),
  fc.jsonValue({ maxDepth: 3 }),
);

function nested(depth: number, leaf: unknown, kind: 'list' | 'object'): unknown {
  let x = leaf;
  for (let i = 0; i < depth; i++) x = kind === 'list' ? [x] : { a: x };
  return x;
}

describe('scenario JSON: only validation errors, whatever the input', () => {
  it('odd values in every value position of every part are described, not thrown (property)', () => {
    const places: ((j: Record<string, any>, v: unknown) => void)[] = [
      (j, v) => { j.settings.horizonYears = v; },
      (j, v) => { j.segments[0].values.churn = v; },
      (j, v) => { j.behaviour.responsiveness = v; },
      (j, v) => { j.baseline.values.commissionNew = v; },
      (j, v) => { j.proposed[0].values['ae.headcount'] = v; },
      (j, v) => { j.schemaVersion = v; },
      (j, v) => { j.name = v; },
      (j, v) => { j.segments[0].name = v; },
      (j, v) => { j.segments = v; },
      (j, v) => { j.proposed = v; },
      (j, v) => { j.baseline = v; },
      (j, v) => { j.settings = v; },
    ];
    fc.assert(fc.property(fc.nat({ max: places.length - 1 }), odd, (at, v) => {
      const j = base();
      places[at](j, v);
      outcome(j);
    }), { numRuns: 600 });
  });

  it('an object or a list where a number belongs is named as such, with an excerpt', () => {
    const j = base();
    (j.segments as any)[0].values.churn = { toString: 1 };
    (j.baseline as any).values.commissionNew = [1, [2, 3]];
    const en = outcome(j);
    expect(en).toContain('churn: expected a number, not an object ({"toString": 1})');
    expect(en).toContain('baseline.commissionNew: expected a number, not a list ([1, [2, 3]])');
    const j2 = base();
    j2.schemaVersion = { toString: 1 };
    expect(outcome(j2)).toContain('schemaVersion: "{"toString": 1}" is not a number');
  });

  it('every Object.prototype name as a field, a key, a segment name or a plan name (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...PROTOTYPE_NAMES), odd, fc.nat({ max: 6 }), (name, v, where) => {
      const j = base() as Record<string, any>;
      if (where === 0) j[name] = v;
      if (where === 1) j.settings[name] = v;
      if (where === 2) j.segments[0].values[name] = v;
      if (where === 3) j.proposed[0].values[name] = v;
      if (where === 4) j.segments[0].name = name;
      if (where === 5) j.baseline.name = name;
      if (where === 6) j.behaviour = JSON.parse(`{"${name}": ${JSON.stringify(v)}}`);
      const said = outcome(j);
      if (where >= 1 && where <= 3 && name !== '__proto__') expect(said).toContain(name);
    }), { numRuns: 400 });
  });

  it('__proto__ in the file (as JSON.parse makes it, an own field) neither changes prototypes nor slips through', () => {
    const text = JSON.stringify(base()).replace('"settings":{', '"settings":{"__proto__":{"churn":0.5},');
    const j = JSON.parse(text);
    expect(outcome(j)).toMatch(/settings\.__proto__|__proto__/);
    expect(({} as Record<string, unknown>).churn).toBeUndefined();
  });

  it('random deep JSON (up to 100,000 levels of lists or objects) anywhere is refused as too deep (property)', () => {
    fc.assert(fc.property(fc.integer({ min: SCENARIO_LIMITS.depth, max: 100_000 }), fc.constantFrom('list', 'object'), fc.nat({ max: 3 }),
      (depth, kind: 'list' | 'object', where) => {
        const j = base() as Record<string, any>;
        const deep = nested(depth, 1, kind);
        if (where === 0) j.segments[0].values.churn = deep;
        if (where === 1) j.extra = deep;
        if (where === 2) j.proposed = [deep];
        const said = outcome(where === 3 ? deep : j);
        expect(said).toMatch(/levels of nesting is too large; the limit is 8/);
      }), { numRuns: 30 });
  });

  it('huge files are refused by their size before any work: segments, plans, keys, texts, values (property)', () => {
    const L = SCENARIO_LIMITS;
    fc.assert(fc.property(fc.constantFrom('segments', 'plans', 'keys', 'quotaKeys', 'chars', 'keyChars', 'values', 'unknownKeys'), fc.integer({ min: 1, max: 20_000 }), (what, extra) => {
      const j = base() as Record<string, any>;
      const seg = j.segments[0];
      if (what === 'segments') j.segments = Array.from({ length: L.segments + extra }, (_, i) => ({ ...seg, name: `S${i}` }));
      if (what === 'plans') j.proposed = Array.from({ length: L.plans + extra }, () => j.proposed[0]);
      if (what === 'keys') for (let i = 0; i < L.keys + extra; i++) j.settings[`k${i}`] = 1;
      if (what === 'quotaKeys') for (let i = 0; i < L.keys + extra; i++) j.proposed[0].values[`ae.unknown${i}.quota`] = 1;
      if (what === 'chars') j.name = 'x'.repeat(L.chars + extra);
      if (what === 'keyChars') j.baseline.values[`ae.${'q'.repeat(L.keyChars + extra)}.quota`] = 1;
      if (what === 'unknownKeys') for (let i = 0; i <= L.unknownKeys + (extra % 100); i++) j.proposed[0].values[`ae.unknown${i}.quota`] = 1;
      if (what === 'values') j.notes = Array.from({ length: L.values + extra }, () => 0);
      expect(outcome(j)).toMatch(/is too large; the limit is/);
    }), { numRuns: 60 });
  });

  it(`the worst files within the limits (${SCENARIO_LIMITS.unknownKeys} unknown keys, each a near miss or ${SCENARIO_LIMITS.keyChars} characters long) are refused, their time printed`, () => {
    const times: string[] = [];
    outcome({ ...base(), proposed: [{ values: { 'ae.warmup.quota': 1 } }] }); // the first read compiles the code: not what is measured
    for (const length of [20, 40, SCENARIO_LIMITS.keyChars]) {
      const j = base() as Record<string, any>;
      for (let i = 0; i < SCENARIO_LIMITS.unknownKeys; i++) j.proposed[0].values[`ae.${'q'.repeat(length - 12)}${String(i).padStart(3, '0')}.quota`] = 1;
      const t = performance.now();
      expect(outcome(j)).toMatch(/unknown key/);
      times.push(`${length} characters: ${(performance.now() - t).toFixed(1)} ms`);
    }
    console.log(`scenario JSON, ${SCENARIO_LIMITS.unknownKeys} unknown quota keys refused in: ${times.join(', ')}`);
  });

  it('the largest files within the limits are still read (no limit refuses a scenario the add-in writes)', () => {
    const s = defaultScenario();
    s.segments = Array.from({ length: SCENARIO_LIMITS.segments }, (_, i) => ({ ...s.segments[0], name: `Segment ${i + 1}` }));
    s.proposed = Array.from({ length: SCENARIO_LIMITS.plans }, (_, i) => ({ ...s.proposed[0], name: `Plan ${i + 1}` }));
    expect(outcome(JSON.parse(JSON.stringify(scenarioToJson(s))))).toBe('ok');
  });
});

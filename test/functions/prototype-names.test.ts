/**
 * Every name Object.prototype owns ("constructor", "toString", "__proto__", …) typed wherever a user
 * types a name: an assumption or plan key, a quota key, a segment name, a metric, a distribution, an
 * uncertainty key, a bound, an objective, a budget kind, a boolean; and as a field of a scenario the
 * engine validates. Each must read as the unknown word it is (a #VALUE! naming it) or as a plain name
 * (a segment called "constructor" works), never as the inherited function behind it.
 */
import fc from 'fast-check';
import {
  findQuotaKey, findSpec, isMetric, monteCarloWork, optimizeWork, tornadoWork, validateScenario, validateUncertainty,
  ModelError, type Scenario,
} from '../../src/engine';
import { defaultScenario } from '../../src/engine/model/scenario';
import { BY_ID } from '../../src/functions/functions';
import { UNCERTAINTY_BY_ID } from '../../src/functions/uncertainty';
import { parseNumber } from '../../src/i18n/parse';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Each name as typed, and as the key normalisation reads it (lower case, no "_"): "constructor" survives both. */
const spellings = fc.constantFrom(...PROTOTYPE_NAMES).chain((name) => fc.constantFrom(name, name.toLowerCase(), name.replace(/_/g, ''), ` ${name} `, name.toUpperCase()));

const A = [['churn', 0.1]];
const P = [['commissionNew', 0.1]];
const UNCERTAIN = [['churn', 'uniform', 0.05, 0.2]];
const BOUNDS = [['commissionNew', 0, 0.2]];

type Fn = (...args: unknown[]) => unknown;
const fn = (id: string): Fn => (BY_ID[id] ?? UNCERTAINTY_BY_ID[id]) as Fn;

/** The call's result, or its error as "#CODE message". */
function outcome(id: string, ...args: unknown[]): unknown {
  try {
    return fn(id)(...args);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return `${err.code} ${err.message}`;
  }
}

/** Nothing in a result or a message may come from Object.prototype's functions or be a failure of our own. */
function expectNoLeak(result: unknown): void {
  const text = typeof result === 'string' ? result : JSON.stringify(result);
  expect(text).not.toMatch(/native code|function |\[object|unexpected error|not a finite number|error inesperado/);
}

/** A #VALUE! that names the text as typed (trimmed). */
function expectRefusalNaming(result: unknown, name: string): void {
  expectNoLeak(result);
  expect(typeof result).toBe('string');
  expect(result as string).toMatch(/^#VALUE! /);
  expect(result as string).toContain(name.trim());
}

/** A spill (an array of rows). */
function expectSpill(result: unknown): void {
  expectNoLeak(result);
  expect(Array.isArray(result)).toBe(true);
}

describe('every Object.prototype name typed where the custom functions read a name', () => {
  it('as an assumption key, a plan key or a quota key: unknown key, named', () => {
    fc.assert(fc.property(spellings, (name) => {
      expectRefusalNaming(outcome('PROJECT', [[name, 1]], P), name);
      expectRefusalNaming(outcome('PROJECT', A, [[name, 1]]), name);
      expectRefusalNaming(outcome('PROJECT', A, [[`ae.${name.trim()}`, 1]]), name);
      expectRefusalNaming(outcome('PROJECT', A, [[`ae.${name.trim()}.quota`, 1]]), name);
    }), { numRuns: 60 });
  });

  it('as a segment name: a name like any other', () => {
    fc.assert(fc.property(fc.constantFrom(...PROTOTYPE_NAMES), (name) => {
      const defaults = outcome('DEFAULTS', [[name, 'other']]) as unknown[][];
      expectSpill(defaults);
      expect(defaults[0].slice(1, 3)).toEqual([name, 'other']);
      const rows = outcome('PROJECT', [['key', name, 'other'], ['churn', 0.1, 0.2]], P);
      expectSpill(rows);
      const simulated = outcome('SIMULATE', [['key', name, 'other'], ['churn', 0.1, 0.2]], P, P, [[`${name}.churn`, 'uniform', 0.05, 0.2]], 5);
      expectSpill(simulated);
    }), { numRuns: 24 });
  });

  it('as a metric, a distribution, an uncertainty key, a bound, an objective, a budget or a boolean: refused, named', () => {
    fc.assert(fc.property(spellings, (name) => {
      expectRefusalNaming(outcome('COMPARE', A, P, P, name), name);
      expectRefusalNaming(outcome('SIMULATE', A, P, P, UNCERTAIN, 5, 1, name), name);
      expectRefusalNaming(outcome('SIMULATE', A, P, P, [['churn', name, 0.05, 0.2]], 5), name);
      expectRefusalNaming(outcome('SIMULATE', A, P, P, [[name, 'uniform', 0.05, 0.2]], 5), name);
      expectRefusalNaming(outcome('SIMULATE', A, P, P, [[`${name.trim()}.churn`, 'uniform', 0.05, 0.2]], 5), name);
      expectRefusalNaming(outcome('TORNADO', A, P, P, [[null]], name), name);
      expectRefusalNaming(outcome('OPTIMIZE', A, P, BOUNDS, name), name);
      expectRefusalNaming(outcome('OPTIMIZE', A, P, [[name, 0, 0.2]]), name);
      expectRefusalNaming(outcome('OPTIMIZE', A, P, BOUNDS, null, [[name]]), name);
      expectRefusalNaming(outcome('CROSSOVER', [[1]], [[2]], name), name);
    }), { numRuns: 60 });
  });
});

describe('every Object.prototype name where the engine and the pane read a name', () => {
  const base = (): Scenario => defaultScenario();

  it('is no catalogue key, quota key or metric, and the pane reads no number from it', () => {
    for (const name of PROTOTYPE_NAMES) {
      expect(findSpec(name)).toBeUndefined();
      expect(findQuotaKey(name)).toBeUndefined();
      expect(findQuotaKey(`ae.${name}`)).toBeUndefined();
      expect(isMetric(name)).toBe(false);
      expect(parseNumber(name, 'en-US')).toBeNaN();
      expect(parseNumber(`1${name}`, 'es-ES')).toBeNaN();
    }
  });

  it('as a field of a scenario record: an unknown key naming the field, every other check still made', () => {
    fc.assert(fc.property(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('settings', 'behaviour', 'segment', 'baseline', 'proposed'), (name, where) => {
      const s = base();
      const extra = Object.fromEntries([[name, 1]]);
      if (where === 'settings') s.settings = { ...s.settings, ...extra };
      else if (where === 'behaviour') s.behaviour = { ...s.behaviour, ...extra };
      else if (where === 'segment') s.segments[0].values = { ...s.segments[0].values, ...extra };
      else if (where === 'baseline') s.baseline.values = { ...s.baseline.values, ...extra };
      else s.proposed[0].values = { ...s.proposed[0].values, ...extra };
      const problems = validateScenario(s);
      expect(problems.map((p) => p.code)).toEqual(['unknownKey']);
      expect(problems[0].key).toContain(name);
    }));
  });

  it('as an uncertainty key, segment or distribution kind, an output, an objective or a metric: a problem, never a crash', () => {
    fc.assert(fc.property(fc.constantFrom(...PROTOTYPE_NAMES), (name) => {
      const s = base();
      const uniform = { kind: 'uniform', min: 0.05, max: 0.2 } as const;
      expect(validateUncertainty(s, [{ key: name, distribution: uniform }])[0].code).toBe('unknownKey');
      expect(validateUncertainty(s, [{ key: 'churn', segment: name, distribution: uniform }])[0].code).toBe('unknownKey');
      expect(validateUncertainty(s, [{ key: 'churn', distribution: { kind: name } as never }])[0].code).toBe('notAllowed');
      expect(() => tornadoWork(s, [], { output: name as never })).toThrow(ModelError);
      expect(() => optimizeWork(s, { bounds: { commissionNew: { min: 0, max: 0.2 } }, objective: name as never })).toThrow(ModelError);
      expect(() => optimizeWork(s, { bounds: { commissionNew: { min: 0, max: 0.2 } }, budget: { kind: name as never } })).toThrow(ModelError);
      expect(() => optimizeWork(s, { bounds: Object.fromEntries([[name, { min: 0, max: 1 }]]) })).toThrow(ModelError);
      expect(() => monteCarloWork(s, [{ key: 'churn', distribution: uniform }], { trials: 2, metrics: [name as never] })).toThrow(ModelError);
    }));
  });
});

import {
  defaultScenario, describeProblem, quotaKeys, quotaProblems, QUOTA_CATALOGUE, validateScenario,
  type PlanValues, type Problem, type Scenario,
} from '../../src/engine';
import { withQuotaKeys } from './quota-arbitraries';

/** Validation of a plan's quota layer: every problem at once, naming the key, the bad value and the valid range. */

const AE = { 'ae.headcount': 8, 'ae.ote': 150_000, 'ae.newArr.weight': 0.6, 'ae.newArr.quota': 500_000, 'ae.renewal.weight': 0.4, 'ae.renewal.quota': 1_000_000 };

function proposing(keys: Record<string, number>): Scenario {
  const s = defaultScenario();
  s.proposed[0].values = withQuotaKeys(s.proposed[0].values, keys);
  return s;
}

const texts = (problems: Problem[]) => problems.map((p) => [describeProblem(p, 'en'), describeProblem(p, 'es')]);

describe('the quota catalogue', () => {
  it('has a unit, a range holding its default, and a label and meaning in English and Spanish for every field', () => {
    for (const spec of QUOTA_CATALOGUE) {
      expect(spec.min).toBeLessThanOrEqual(spec.defaultValue);
      expect(spec.defaultValue).toBeLessThanOrEqual(spec.max);
      for (const text of [spec.label.en, spec.label.es, spec.meaning.en, spec.meaning.es]) expect(text.length).toBeGreaterThan(2);
      expect(spec.label.es).not.toBe(spec.meaning.es);
    }
  });

  it('names 4 role keys and 6 keys per component, for 4 roles and 4 components: 112 keys', () => {
    const names = quotaKeys().map((k) => k.name);
    expect(names).toHaveLength(4 * 4 + 4 * 4 * 6);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['ae.headcount', 'ae.newArr.weight', 'support.service.cap', 'cs.clawback']));
  });
});

describe('a valid quota layer', () => {
  it('passes, and a proposal may drop every flat commission when it pays on quotas', () => {
    expect(validateScenario(proposing(AE))).toEqual([]);
    expect(validateScenario(proposing({ ...AE, commissionNew: 0, commissionRenewal: 0, commissionExpansion: 0 }))).toEqual([]);
  });

  it('lets the baseline pay an activity on quotas instead of a commission, but not on nothing', () => {
    const s = defaultScenario();
    s.baseline.values = withQuotaKeys({ ...s.baseline.values, commissionNew: 0, commissionRenewal: 0 }, AE);
    expect(validateScenario(s)).toEqual([]);
    s.baseline.values = withQuotaKeys({ ...s.baseline.values, commissionExpansion: 0 } as PlanValues, {});
    expect(validateScenario(s).map((p) => p.key)).toEqual(['baseline.commissionExpansion']);
  });
});

describe('problems', () => {
  it('weights of a role that do not add up to 1, said in English and Spanish', () => {
    const problems = validateScenario(proposing({ ...AE, 'ae.renewal.weight': 0.3 }));
    expect(problems).toMatchObject([{ code: 'weightsSum', key: 'proposed.ae.newArr.weight+ae.renewal.weight' }]);
    expect(texts(problems)).toEqual([[
      'proposed.ae.newArr.weight+ae.renewal.weight: the component weights of a role must add up to 1, not 0.9',
      'proposed.ae.newArr.weight+ae.renewal.weight: los pesos de los componentes de un puesto deben sumar 1, no 0,9',
    ]]);
  });

  it('a threshold above quota and a cap below 100 %, with their valid ranges', () => {
    const problems = validateScenario(proposing({ ...AE, 'ae.newArr.threshold': 1.2, 'ae.renewal.cap': 0.8 }));
    expect(texts(problems)).toEqual([
      ['proposed.ae.newArr.threshold: 1.2 is outside the valid range 0 – 1', 'proposed.ae.newArr.threshold: 1,2 está fuera del rango válido 0 – 1'],
      ['proposed.ae.renewal.cap: 0.8 is outside the valid range 1 – 100', 'proposed.ae.renewal.cap: 0,8 está fuera del rango válido 1 – 100'],
    ]);
  });

  it('unknown keys, with the key they most likely meant', () => {
    const problems = quotaProblems(withQuotaKeys(defaultScenario().baseline.values, { ...AE, 'ae.newArr.wieght': 0.5, 'ea.headcount': 3, 'zz.foo': 1 }), 'plan.');
    expect(problems.map((p) => [p.code, p.key, p.suggestion])).toEqual([
      ['unknownKey', 'plan.ae.newArr.wieght', 'ae.newArr.weight'],
      ['unknownKey', 'plan.ea.headcount', 'ae.headcount'],
      ['unknownKey', 'plan.zz.foo', undefined],
    ]);
    expect(describeProblem(problems[0], 'es')).toBe('clave desconocida "plan.ae.newArr.wieght"; ¿quiso decir "ae.newArr.weight"?');
  });

  it('a component without its quota, a role without components', () => {
    const problems = validateScenario(proposing({ 'ae.headcount': 5, 'ae.newArr.weight': 1, 'cs.ote': 90_000 }));
    expect(texts(problems)).toEqual([
      ['proposed.ae.newArr.quota is required', 'proposed.ae.newArr.quota es obligatorio'],
      ['proposed.cs.<component>.quota is required', 'proposed.cs.<component>.quota es obligatorio'],
    ]);
  });

  it('come all at once, across roles and plans, each naming its plan', () => {
    const s = proposing({ ...AE, 'ae.headcount': 0, 'ae.renewal.weight': 0.5, 'am.expansion.quota': 2e5, 'am.expansion.weight': 2 });
    s.baseline.values = withQuotaKeys(s.baseline.values, { 'cs.service.quota': 1e5, 'cs.variableShare': 1.5 });
    expect(validateScenario(s).map((p) => [p.code, p.key, p.value])).toEqual([
      ['outOfRange', 'baseline.cs.variableShare', 1.5],
      ['outOfRange', 'proposed.ae.headcount', 0],
      ['outOfRange', 'proposed.am.expansion.weight', 2],
      ['weightsSum', 'proposed.ae.newArr.weight+ae.renewal.weight', 1.1],
    ]);
  });

  it('a value that is not a number', () => {
    const problems = validateScenario(proposing({ ...AE, 'ae.ote': 'lots' as unknown as number }));
    expect(texts(problems)).toEqual([['proposed.ae.ote: "lots" is not a number; valid range 0 – 100000000', 'proposed.ae.ote: "lots" no es un número; rango válido 0 – 100000000']]);
  });
});

/**
 * The uncertainty table is validated like the rest of the catalogue: every problem at once, each naming
 * the row, the bad value and what is valid, in English and Spanish; and the cheap per-trial consistency
 * check agrees with validateScenario.
 */
import fc from 'fast-check';
import {
  CATALOGUE, defaultScenario, defaultSegment, describeProblem, findSpec, ModelError, resolveUncertainty,
  trialInconsistency, validateScenario, validateUncertainty, type Scenario, type UncertaintyRow,
} from '../../src/engine';

function scenario(): Scenario {
  const s = defaultScenario();
  s.segments = [defaultSegment('SMB'), defaultSegment('Enterprise')];
  s.segments[1].values.sbgAlpha = 0.7;
  s.segments[1].values.sbgBeta = 3.8;
  return s;
}

const tri = { kind: 'triangular', min: 0.05, mode: 0.1, max: 0.2 } as const;
const texts = (rows: UncertaintyRow[], lang: 'en' | 'es' = 'en') => validateUncertainty(scenario(), rows).map((p) => describeProblem(p, lang));

describe('validateUncertainty', () => {
  it('accepts scenario, behaviour and segment keys, for one segment or all', () => {
    expect(validateUncertainty(scenario(), [
      { key: 'discountRate', distribution: { kind: 'uniform', min: 0.08, max: 0.12 } },
      { key: 'responsiveness', distribution: { kind: 'pert', min: 0, mode: 0.6, max: 2 } },
      { key: 'churn', segment: 'SMB', distribution: tri },
      { key: 'churn', segment: 'Enterprise', distribution: tri },
      { key: 'arpa', distribution: { kind: 'lognormal', mean: 24_000, sd: 3000 } },
      { key: 'sbgAlpha', segment: 'Enterprise', distribution: { kind: 'normal', mean: 0.7, sd: 0.1 } },
    ])).toEqual([]);
  });

  it('names an unknown key with the nearest catalogue key, and an unknown segment with the nearest segment', () => {
    expect(texts([{ key: 'chrun', distribution: tri }])).toEqual(['unknown key "chrun"; did you mean "churn"?']);
    expect(texts([{ key: 'churn', segment: 'SBM', distribution: tri }])).toEqual(['unknown key "SBM"; did you mean "SMB"?']);
    expect(texts([{ key: 'chrun', distribution: tri }], 'es')).toEqual(['clave desconocida "chrun"; ¿quiso decir "churn"?']);
  });

  it('refuses keys that cannot carry a distribution, saying why, in both languages', () => {
    expect(texts([
      { key: 'commissionNew', distribution: tri },
      { key: 'horizonYears', distribution: { kind: 'uniform', min: 3, max: 7 } },
      { key: 'effortAcquire', distribution: tri },
      { key: 'sbgBeta', segment: 'SMB', distribution: tri },
      { key: 'discountRate', segment: 'SMB', distribution: tri },
    ])).toEqual([
      'commissionNew: cannot carry a distribution (plan rates are decisions, not uncertain assumptions: compare plans instead)',
      'horizonYears: cannot carry a distribution (a whole-number or choice setting: run one scenario per value instead)',
      'effortAcquire: cannot carry a distribution (the three effort shares must add up to 1, so one cannot vary alone)',
      'SMB.sbgBeta: cannot carry a distribution (this segment has flat churn: set both sBG parameters above 0 first)',
      'SMB.discountRate: discountRate is one value for the whole scenario; leave the segment out',
    ]);
    expect(texts([{ key: 'clawback', distribution: tri }], 'es')).toEqual([
      'clawback: no puede llevar una distribución (las tasas del plan son decisiones, no supuestos inciertos: compare planes)',
    ]);
  });

  it('refuses a key varied twice, for all segments and for one', () => {
    expect(texts([{ key: 'churn', distribution: tri }, { key: 'churn', segment: 'SMB', distribution: tri }]))
      .toEqual(['SMB.churn: varied twice (also as churn); give one row per key and segment']);
    expect(texts([{ key: 'churn', segment: 'SMB', distribution: tri }, { key: 'churn', segment: 'SMB', distribution: tri }]))
      .toEqual(['SMB.churn: varied twice (also as SMB.churn); give one row per key and segment']);
  });

  it('checks the parameters and the overlap with the key\'s valid range, every problem at once', () => {
    const problems = validateUncertainty(scenario(), [
      { key: 'churn', distribution: { kind: 'triangular', min: 0.2, mode: 0.1, max: 0.3 } },
      { key: 'saveRate', distribution: { kind: 'normal', mean: 0.25, sd: -1 } },
      { key: 'expansion', distribution: { kind: 'triangular', min: 14, mode: 15, max: 16 } }, // percent typed as whole numbers
      { key: 'womNegative', distribution: { kind: 'lognormal', mean: Number.NaN, sd: 0.3 } },
      { key: 'misSoldChurn', distribution: { kind: 'beta', min: 0, max: 1 } as never },
    ]);
    expect(problems.map((p) => describeProblem(p))).toEqual([
      'churn: triangular: mode 0.1 ∉ [0.2, 0.3]',
      'saveRate: normal: sd -1 ≤ 0',
      'expansion: triangular: [14, 16] ∩ [0, 1] = ∅',
      'womNegative.mean: "NaN" is not a number',
      'misSoldChurn: beta is not allowed; use one of triangular, pert, uniform, normal, lognormal',
    ]);
  });

  it('caps the table at 200 rows', () => {
    const rows = Array.from({ length: 201 }, () => ({ key: 'churn', distribution: tri }));
    expect(texts(rows)).toEqual(['uncertainty: 201 rows is too large; the limit is 1 – 200']);
  });

  it('makes resolveUncertainty throw one ModelError with every problem', () => {
    expect(() => resolveUncertainty(scenario(), [{ key: 'chrun', distribution: tri }, { key: 'clawback', distribution: tri }]))
      .toThrow(ModelError);
    try {
      resolveUncertainty(scenario(), [{ key: 'chrun', distribution: tri }, { key: 'clawback', distribution: tri }]);
    } catch (e) {
      expect((e as ModelError).problems.map((p) => p.code)).toEqual(['unknownKey', 'notUncertain']);
    }
  });

  it('lets every numeric non-plan key that is not a whole number, a choice or an effort share carry a distribution', () => {
    const s = scenario();
    const allowed = CATALOGUE.filter((spec) => validateUncertainty(s, [{ key: spec.key, segment: spec.scope === 'segment' ? 'Enterprise' : undefined,
      distribution: { kind: 'uniform', min: spec.min, max: spec.max } }]).length === 0).map((spec) => spec.key);
    const expected = CATALOGUE.filter((spec) => spec.scope !== 'plan' && !('integer' in spec) && !('allowed' in spec)
      && !['effortAcquire', 'effortRetain', 'effortExpand'].includes(spec.key)).map((spec) => spec.key);
    expect(allowed).toEqual(expected);
    expect(allowed).toContain('responsiveness');
    expect(allowed).not.toContain('tenureYears');
  });

  it('truncates each row to its key\'s valid range', () => {
    const [d] = resolveUncertainty(scenario(), [{ key: 'churn', distribution: { kind: 'normal', mean: 0.9, sd: 0.2 } }]);
    const max = findSpec('churn')!.max;
    expect(d.sampler.hi).toBe(max);
    expect(d.sampler.quantile(0.999999)).toBeLessThanOrEqual(max);
  });
});

describe('trialInconsistency', () => {
  const keys = ['effortFloor', 'resolveEffortShare', 'churn', 'pChurnIfUnresolved', 'contactsPerCustomer', 'saveRate', 'resolutionRate', 'automationResolution'] as const;
  it('agrees with validateScenario on scenarios whose values lie in their ranges (property)', () => {
    const value = (key: string) => fc.double({ min: findSpec(key)!.min, max: findSpec(key)!.max, noNaN: true });
    let inconsistent = 0;
    fc.assert(fc.property(fc.tuple(...keys.map(value)), (values) => {
      const s = defaultScenario();
      keys.forEach((key, i) => {
        if (key in s.behaviour) (s.behaviour as Record<string, number>)[key] = values[i];
        else (s.segments[0].values as Record<string, number>)[key] = values[i];
      });
      const valid = validateScenario(s).length === 0;
      if (!valid) inconsistent++;
      expect(trialInconsistency(s) === undefined).toBe(valid);
    }), { numRuns: 400 });
    expect(inconsistent).toBeGreaterThan(50);
  });
});

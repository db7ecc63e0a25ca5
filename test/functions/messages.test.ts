/**
 * What a user reads in a cell's error tooltip, through the BUILT bundle in the host sandbox, in English
 * and in Spanish (Office's display language): the whole message, so that no Spanish message carries an
 * English explanation and numbers are written the reader's way (0.95 / 0,95). Then the percentage hint
 * of src/functions/errors.ts: only where a hundredth of the value is a valid share or rate.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE, describeProblem, findSpec, QUOTA_CATALOGUE, type Problem } from '../../src/engine';
import { looksLikePercent, problemText } from '../../src/functions/errors';
import { callFunction, distMissing, HostError, loadBundle, type Bundle } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

const plan = [['commissionNew', 0.1]];

/** [what, call, English message, Spanish message] */
const CASES: [string, unknown[], string, string][] = [
  ['a plan key among the assumptions', ['PROJECT', [['clawback', 0.5]], [[null]]],
    'clawback: belongs in a plan argument, not in assumptions', 'clawback: va en un argumento de plan, no en assumptions'],
  ['an assumption among a plan\'s keys', ['PROJECT', [[null]], [['churn', 0.1]]],
    'churn: belongs in the assumptions argument, not in plan', 'churn: va en el argumento de supuestos, no en plan'],
  ['a value without a key', ['PROJECT', [['churn', 0.1], [null, 5]], [[null]]],
    'assumptions: row 2 has a value but no key', 'assumptions: la fila 2 tiene un valor pero ninguna clave'],
  ['a key given twice', ['PROJECT', [['churn', 0.1], ['arpa', 5], ['churn', 0.2]], [[null]]],
    'churn: appears twice (rows 1 and 3)', 'churn: aparece dos veces (filas 1 y 3)'],
  ['segments that disagree on a scenario key', ['PROJECT', [['key', 'A', 'B'], ['discountRate', 0.1, 0.2]], [[null]]],
    'discountRate: one value for all segments, but the columns hold 0.1 and 0.2', 'discountRate: un solo valor para todos los segmentos, pero las columnas tienen 0,1 y 0,2'],
  ['a zero baseline rate', ['SUMMARY', [[null]], [['commissionRenewal', 0]], [[null]]],
    'baseline_plan.commissionRenewal: the baseline rate must be above 0, not 0: effort responds to each plan relative to the baseline',
    'baseline_plan.commissionRenewal: la tasa de la base debe ser mayor que 0, no 0: el esfuerzo responde a cada plan en relación con la base'],
  ['series of different lengths', ['CROSSOVER', [[1], [2]], [[1], [2], [3]]],
    'proposed_series: 3 values, but baseline_series has 2', 'proposed_series: 3 valores, pero baseline_series tiene 2'],
  ['a two-dimensional series', ['CROSSOVER', [[1, 2], [3, 4]], [[1], [2]]],
    'baseline_series: expected one row or one column, not 2×2', 'baseline_series: se esperaba una fila o una columna, no 2×2'],
  ['losses beyond the starting ARR', ['GRR', 100, 60.5, 50],
    'churned: contraction + churned (110.5) exceed start_arr (100)', 'churned: contraction + churned (110,5) superan start_arr (100)'],
  ['a zero starting ARR', ['NRR', 0, 1, 1, 1], 'start_arr: must be above 0, not 0', 'start_arr: debe ser mayor que 0, no 0'],
  ['a range for a single value', ['NRR', [[1, 2]], 1, 1, 1], 'start_arr: expected one cell, not a range', 'start_arr: se esperaba una celda, no un rango'],
  ['duplicate segment names', ['DEFAULTS', [['SMB', 'SMB']]],
    'segments: "SMB" appears twice; segment names must be unique', 'segments: "SMB" aparece dos veces; los nombres de segmento deben ser únicos'],
  ['a CLV that never ends', ['CLV', 100, 1, 0.1],
    'retention: a retention of 1 needs a finite number of years', 'retention: una retención de 1 necesita un número finito de años'],
  ['a lone cohort size', ['SBG.FIT', [[100]]],
    'survivors: too few data points (need the cohort size and at least one later count)',
    'survivors: muy pocos datos (se necesitan el tamaño de la cohorte y al menos un recuento posterior)'],
  ['an empty cohort', ['SBG.FIT', [[0], [0]]], 'survivors[0]: no data (the cohort has no customers)', 'survivors[0]: no hay datos (la cohorte no tiene clientes)'],
  ['a long series', ['CROSSOVER', Array.from({ length: 5001 }, (_, i) => [i]), [[1]]],
    'baseline_series: 5001 values is too large; the limit is 1 – 5000', 'baseline_series: 5001 valores es demasiado grande; el límite es 1 – 5000'],
  ['an uncertainty row without a key', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 0.07, 0.12], [null, 'normal', 0.1, 0.02]]],
    'uncertainty: row 2 needs an assumption in its first cell (churn, SMB.churn …)', 'uncertainty: la fila 2 necesita un supuesto en su primera celda (churn, SMB.churn …)'],
  ['a third parameter for a normal', ['SIMULATE', [[null]], plan, plan, [['churn', 'normal', 0.1, 0.02, 0.3]]],
    'churn: normal takes 2 parameters (mean, sd); leave p3 blank', 'churn: normal lleva 2 parámetros (mean, sd); deje p3 en blanco'],
  ['a missing kind', ['SIMULATE', [[null]], plan, plan, [['churn', null, 0.1, 0.02]]],
    'churn: (blank) is not allowed; use one of triangular, pert, uniform, normal, lognormal',
    'churn: (en blanco) no está permitido; use uno de triangular, pert, uniform, normal, lognormal'],
  ['a distribution outside the valid range', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 5, 15]]],
    'churn: uniform: [5, 15] ∩ [0, 0.95] = ∅', 'churn: uniform: [5; 15] ∩ [0; 0,95] = ∅'],
  ['a segment on a scenario-wide key', ['SIMULATE', [['key', 'SMB'], ['churn', 0.1]], plan, plan, [['SMB.discountRate', 'uniform', 0.05, 0.1]]],
    'SMB.discountRate: discountRate is one value for the whole scenario; leave the segment out',
    'SMB.discountRate: discountRate tiene un solo valor para todo el escenario; quite el segmento'],
  ['a running total of a stock', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 0.07, 0.12]], 10, 1, 'cumulative_arr'],
    'metric: a running total needs a flow (revenue, contribution, comp_cost …), not arr',
    'metric: un total acumulado necesita un flujo (revenue, contribution, comp_cost …), no arr'],
  ['a bound without a key', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0, 0.2], [null, 0, 1]]],
    'bounds: row 2 has a bound but no key', 'bounds: la fila 2 tiene un límite pero ninguna clave'],
  ['min above max', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0.2, 0.1]]],
    'bounds.commissionNew: min 0.2 > max 0.1', 'bounds.commissionNew: mín 0,2 > máx 0,1'],
  ['a bound given twice', ['OPTIMIZE', [[null]], plan, [['clawback', 0, 1], ['clawback', 0, 0.5]]],
    'bounds.clawback: appears twice', 'bounds.clawback: aparece dos veces'],
  ['a budget of three cells', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0, 0.2]], null, [['year1', 1, 2]]],
    'budget: one or two cells (a kind, then its limit), not 3', 'budget: una o dos celdas (un tipo y después su límite), no 3'],
  ['a limit on no budget', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0, 0.2]], null, [['none', 5]]],
    'budget: none takes no limit', 'budget: none no lleva límite'],
];

describe('messages through the built bundle', () => {
  let bundles: Record<'en' | 'es', Bundle>;
  beforeAll(() => {
    bundles = { en: loadBundle({ globals: { setTimeout } }), es: loadBundle({ displayLanguage: 'es-ES', globals: { setTimeout } }) };
  });
  const messageOf = async (language: 'en' | 'es', id: string, ...args: unknown[]) => {
    let r = callFunction(bundles[language], id, ...args);
    if (r instanceof Promise) r = await r.catch((e: unknown) => e);
    if (!(r instanceof HostError)) throw new Error(`${id} returned ${JSON.stringify(r)}`);
    return r.message;
  };

  it.each(CASES)('%s', async (_, [id, ...args], en, es) => {
    expect(await messageOf('en', id as string, ...args)).toBe(en);
    expect(await messageOf('es', id as string, ...args)).toBe(es);
  });
});

/**
 * Messages the function pages quote, with a call that produces each: the page must quote what the
 * function says (a quote ending in " …" is the start of the message).
 */
const QUOTED: Record<'en' | 'es', [string, string, unknown[]][]> = {
  en: [
    ['docs/functions.md', 'churn: 0.98 is outside the valid range 0 – 0.95', ['PROJECT', [['churn', 0.98]], [[null]]]],
    ['docs/functions.md', 'churn: 15 is outside the valid range 0 – 0.95 (percentages are fractions: did you mean 15%?)', ['PROJECT', [['churn', 15]], [[null]]]],
    ['docs/functions.md', 'unknown key "chrun"; did you mean "churn"?', ['PROJECT', [['chrun', 0.1]], [[null]]]],
    ['docs/functions.md', 'years: 40 is outside the valid range 1 – 30', ['PROJECT', [[null]], [[null]], 40]],
    ['docs/functions.md', 'clawback: belongs in a plan argument, not in assumptions', ['PROJECT', [['clawback', 0.5]], [[null]]]],
    ['docs/functions.md', 'plan.commissionNew: the baseline rate must be above 0, not 0 …', ['PROJECT', [[null]], [['commissionNew', 0]]]],
    ['docs/functions.md', 'crossover: never happens within the horizon', ['CROSSOVER', [[5], [5]], [[4], [4]]]],
    ['docs/functions.md', 'churn: beta is not allowed; use one of triangular, pert, uniform, normal, lognormal', ['SIMULATE', [[null]], plan, plan, [['churn', 'beta', 0.1, 0.2]]]],
    ['docs/functions.md', 'churn.max is required (triangular: min, mode, max)', ['SIMULATE', [[null]], plan, plan, [['churn', 'triangular', 0.05, 0.1]]]],
    ['docs/functions.md', 'churn: uniform: [5, 15] ∩ [0, 0.95] = ∅', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 5, 15]]]],
    ['docs/functions.md', 'clawback: cannot carry a distribution (plan rates are decisions, not uncertain assumptions: compare plans instead)',
      ['SIMULATE', [[null]], plan, plan, [['clawback', 'uniform', 0, 1]]]],
  ],
  es: [
    ['docs/funciones.md', 'churn: 0,98 está fuera del rango válido 0 – 0,95', ['PROJECT', [['churn', 0.98]], [[null]]]],
    ['docs/funciones.md', 'churn: 15 está fuera del rango válido 0 – 0,95 (los porcentajes son fracciones: ¿quiso decir 15 %?)', ['PROJECT', [['churn', 15]], [[null]]]],
    ['docs/funciones.md', 'clave desconocida "chrun"; ¿quiso decir "churn"?', ['PROJECT', [['chrun', 0.1]], [[null]]]],
    ['docs/funciones.md', 'years: 40 está fuera del rango válido 1 – 30', ['PROJECT', [[null]], [[null]], 40]],
    ['docs/funciones.md', 'clawback: va en un argumento de plan, no en assumptions', ['PROJECT', [['clawback', 0.5]], [[null]]]],
    ['docs/funciones.md', 'plan.commissionNew: la tasa de la base debe ser mayor que 0, no 0 …', ['PROJECT', [[null]], [['commissionNew', 0]]]],
    ['docs/funciones.md', 'crossover: no ocurre dentro del horizonte', ['CROSSOVER', [[5], [5]], [[4], [4]]]],
    ['docs/funciones.md', 'churn.max es obligatorio (triangular: min, mode, max)', ['SIMULATE', [[null]], plan, plan, [['churn', 'triangular', 0.05, 0.1]]]],
    ['docs/funciones.md', 'churn: uniform: [5; 15] ∩ [0; 0,95] = ∅', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 5, 15]]]],
    ['docs/funciones.md', 'clawback: no puede llevar una distribución (las tasas del plan son decisiones, no supuestos inciertos: compare planes)',
      ['SIMULATE', [[null]], plan, plan, [['clawback', 'uniform', 0, 1]]]],
  ],
};

describe.each(['en', 'es'] as const)('the messages docs quote in %s', (language) => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle({ ...(language === 'es' ? { displayLanguage: 'es-ES' } : {}), globals: { setTimeout } });
  });

  it.each(QUOTED[language])('%s: %s', async (page, quoted, [id, ...args]) => {
    const text = readFileSync(resolve(__dirname, '../..', page), 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain(quoted);
    let r = callFunction(bundle, id as string, ...args);
    if (r instanceof Promise) r = await r.catch((e: unknown) => e);
    expect(r).toBeInstanceOf(HostError);
    const message = (r as HostError).message;
    if (quoted.endsWith(' …')) expect(message.startsWith(quoted.slice(0, -2))).toBe(true);
    else expect(message).toBe(quoted);
  });
});

describe('the percentage hint', () => {
  const outOfRange = (key: string, value: number): Problem => {
    const spec = findSpec(key) ?? QUOTA_CATALOGUE.find((s) => s.key === key)!;
    return { code: 'outOfRange', key, value, min: spec.min, max: spec.max };
  };
  const unit = (key: string) => (findSpec(key) ?? QUOTA_CATALOGUE.find((s) => s.key === key))!.unit;

  it('follows a whole-number percentage typed for a share or a rate, in the reader\'s notation', () => {
    expect(problemText(outOfRange('churn', 15), 'en', 'rate')).toBe('churn: 15 is outside the valid range 0 – 0.95 (percentages are fractions: did you mean 15%?)');
    expect(problemText(outOfRange('churn', 1.5), 'es', 'rate')).toBe('churn: 1,5 está fuera del rango válido 0 – 0,95 (los porcentajes son fracciones: ¿quiso decir 1,5 %?)');
    expect(problemText(outOfRange('threshold', 50), 'en', 'share')).toMatch(/did you mean 50%\?\)$/);
    expect(problemText(outOfRange('effortFloor', 25), 'en', 'share')).toMatch(/did you mean 25%\?\)$/);
  });

  it('is left out where a hundredth of the value is still out of range, or the unit is not a fraction', () => {
    const none: [Problem, string][] = [
      [outOfRange('effortFloor', 50), 'share'], // 0.5 is above the floor's maximum 0.3
      [outOfRange('resolveEffortShare', 100), 'share'], // 1 is above 0.99
      [{ code: 'outOfRange', key: 'x', value: 2, min: 0.05, max: 1 }, 'rate'], // 0.02 is below the minimum
      [outOfRange('accelerator', 20), 'multiplier'],
      [outOfRange('cap', 0.5), 'multiplier'],
      [outOfRange('contactsPerCustomer', 5000), 'count'],
      [outOfRange('horizonYears', 40), 'years'],
      [outOfRange('elasticityRetain', 1.2), 'exponent'],
      [outOfRange('churn', -0.5), 'rate'],
      [outOfRange('churn', 150), 'rate'],
      [{ code: 'notANumber', key: 'churn', value: '15', min: 0, max: 0.95 }, 'rate'],
    ];
    for (const [problem, u] of none) {
      expect({ key: problem.key, value: problem.value, hint: looksLikePercent(problem, u) }).toEqual({ key: problem.key, value: problem.value, hint: false });
      expect(problemText(problem, 'en', u)).toBe(describeProblem(problem, 'en'));
    }
    expect(looksLikePercent(outOfRange('churn', 15), undefined)).toBe(false);
  });

  it('appears exactly when the unit is a share or a rate and a hundredth of the value is valid (property)', () => {
    const specs = [...CATALOGUE, ...QUOTA_CATALOGUE];
    fc.assert(fc.property(fc.constantFrom(...specs), fc.double({ min: -200, max: 200, noNaN: true }), (spec, value) => {
      fc.pre(value < spec.min || value > spec.max);
      const problem: Problem = { code: 'outOfRange', key: spec.key, value, min: spec.min, max: spec.max };
      const slip = (spec.unit === 'share' || spec.unit === 'rate') && value > 1 && value <= 100 && value / 100 >= spec.min && value / 100 <= spec.max;
      expect(looksLikePercent(problem, unit(spec.key))).toBe(slip);
    }), { numRuns: 500 });
  });
});

/**
 * The built metadata: dist/functions.json (from the JSDoc) lists every function with the parameters
 * the issue asks for, ids never change, nothing is volatile; dist/functions-es.json has the same ids
 * and parameters with Spanish names that collide with nothing.
 */
import { ATTRIBUTION_BY_ID, ATTRIBUTION_FUNCTIONS } from '../../src/functions/attribution';
import { FUNCTIONS } from '../../src/functions/table';
import { BY_ID } from '../../src/functions/functions';
import { CALIBRATION_BY_ID } from '../../src/functions/calibration';
import { CALIBRATION_FUNCTIONS } from '../../src/functions/calibration-table';
import { QUOTA_BY_ID, QUOTA_FUNCTIONS } from '../../src/functions/quotas';
import { UNCERTAINTY_BY_ID } from '../../src/functions/uncertainty';
import { UNCERTAIN_FUNCTIONS } from '../../src/functions/uncertainty-table';
import { distMissing, readMetadata, type FunctionMeta } from './host';

const missing = distMissing('functions.json', 'functions-es.json');
if (missing) throw new Error(missing);

/** Ids are stored in workbooks: this list may grow, never change. "?" marks an optional parameter. */
const PINNED: Record<string, { params: string[]; matrix: boolean; cancelable?: boolean }> = {
  'DEFAULTS': { params: ['segments?'], matrix: true },
  'PROJECT': { params: ['assumptions', 'plan', 'years?', 'periods_per_year?'], matrix: true },
  'COMPARE': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'metric?', 'years?'], matrix: true },
  'SUMMARY': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'years?', 'uncertainty?', 'trials?', 'seed?'], matrix: true },
  'EFFORT': { params: ['baseline_plan', 'proposed_plan', 'responsiveness?'], matrix: true },
  'CLV': { params: ['margin', 'retention', 'discount_rate', 'years?', 'timing?'], matrix: false },
  'SBG.FIT': { params: ['survivors'], matrix: true },
  'SBG.RETENTION': { params: ['alpha', 'beta', 't'], matrix: false },
  'SBG.SURVIVAL': { params: ['alpha', 'beta', 't'], matrix: false },
  'SBG.DERL': { params: ['alpha', 'beta', 'discount_rate', 'renewals'], matrix: false },
  'NRR': { params: ['start_arr', 'expansion', 'contraction', 'churned'], matrix: false },
  'GRR': { params: ['start_arr', 'contraction', 'churned'], matrix: false },
  'CROSSOVER': { params: ['baseline_series', 'proposed_series', 'cumulative?'], matrix: false },
  'SIMULATE': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'trials?', 'seed?', 'metric?', 'correlation?', 'latin_hypercube?'],
    matrix: true, cancelable: true },
  'SENSITIVITY': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'metric?', 'trials?', 'seed?', 'correlation?', 'latin_hypercube?'],
    matrix: true, cancelable: true },
  'TORNADO': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'metric?'], matrix: true, cancelable: true },
  'OPTIMIZE': { params: ['assumptions', 'baseline_plan', 'bounds', 'objective?', 'budget?'], matrix: true, cancelable: true },
  'PAYOUT': { params: ['attainment', 'threshold', 'accelerator', 'cap', 'decelerator?'], matrix: false },
  'ATTAINMENT': { params: ['expected_attainment', 'cv', 'bands?'], matrix: true },
  'ATTRIBUTION': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'metric?'], matrix: true },
  'BRIDGE': { params: ['ledger', 'unit?', 'segment?'], matrix: true },
  'CALIBRATE': { params: ['ledger', 'unit?', 'window_months?'], matrix: true },
  'BACKTEST': { params: ['ledger', 'plan', 'cutoff', 'unit?', 'window_months?'], matrix: true },
};

/** Every function's table entry (id, arguments, result shape) and registration, whichever file declares it. */
const TABLE = [...FUNCTIONS, ...UNCERTAIN_FUNCTIONS, ...QUOTA_FUNCTIONS, ...ATTRIBUTION_FUNCTIONS, ...CALIBRATION_FUNCTIONS];
const REGISTERED = { ...BY_ID, ...UNCERTAINTY_BY_ID, ...QUOTA_BY_ID, ...ATTRIBUTION_BY_ID, ...CALIBRATION_BY_ID };

/** Range arguments: Excel must pass them whole (matrix), not lift the function over their cells. */
const RANGE_PARAMS = new Set(['segments', 'correlation', 'assumptions', 'plan', 'baseline_plan', 'proposed_plan', 'survivors', 'baseline_series', 'proposed_series',
  'uncertainty', 'bounds', 'budget', 'bands', 'ledger']);

const english = readMetadata('functions.json').functions;
const spanish = readMetadata('functions-es.json').functions;
const byId = (list: FunctionMeta[]) => new Map(list.map((f) => [f.id, f]));

describe('dist/functions.json', () => {
  it('lists exactly the pinned ids, each named after its id', () => {
    expect(english.map((f) => f.id).sort()).toEqual(Object.keys(PINNED).sort());
    for (const f of english) {
      expect(f.name).toBe(f.id);
    }
  });

  it.each(Object.entries(PINNED))('%s has the pinned parameters, help text, result shape and no volatile flag', (id, pinned) => {
    const f = byId(english).get(id)!;
    expect(f.parameters.map((p) => p.name + (p.optional ? '?' : ''))).toEqual(pinned.params);
    expect(f.description?.length).toBeGreaterThan(20);
    for (const p of f.parameters) {
      expect((p as { description?: string }).description?.length).toBeGreaterThan(5);
      expect(p.dimensionality === 'matrix').toBe(RANGE_PARAMS.has(p.name));
    }
    expect(f.result.dimensionality === 'matrix').toBe(pinned.matrix);
    expect(f.options?.volatile).toBeFalsy();
    expect(f.options?.stream).toBeFalsy();
    // Long runs can be stopped by Excel (EXCEL.md): the Monte Carlo family is cancelable, nothing else needs to be.
    expect(Boolean(f.options?.cancelable)).toBe(Boolean(pinned.cancelable));
  });

  it('agrees with the table of functions and the registration map', () => {
    const table = new Map(TABLE.map((d) => [d.id, d]));
    expect(TABLE).toHaveLength(table.size);
    expect([...table.keys()].sort()).toEqual(Object.keys(PINNED).sort());
    expect(Object.keys(REGISTERED).sort()).toEqual(Object.keys(PINNED).sort());
    for (const f of english) {
      const d = table.get(f.id)!;
      expect(d.args.map((a) => a.name)).toEqual(f.parameters.map((p) => p.name));
      // An argument Excel may omit must have a fallback in the table; the table may also accept a blank
      // for a required one (CEQ.TORNADO's uncertainty: blank = the usual assumptions ±20 %).
      f.parameters.forEach((p, i) => { if (p.optional) expect(`${p.name}: ${d.args[i].optional}`).toBe(`${p.name}: true`); });
      // The Monte Carlo family always spills, so its table entries carry no result shape.
      expect(('result' in d ? d.result : 'matrix') === 'matrix').toBe(f.result.dimensionality === 'matrix');
    }
  });
});

describe('dist/functions-es.json', () => {
  it('has the same ids, options, types and parameter counts', () => {
    expect(spanish.map((f) => f.id)).toEqual(english.map((f) => f.id));
    const en = byId(english);
    for (const f of spanish) {
      const e = en.get(f.id)!;
      expect(f.parameters.length).toBe(e.parameters.length);
      expect(f.result).toEqual(e.result);
      expect(f.parameters.map((p) => [p.optional, p.dimensionality])).toEqual(e.parameters.map((p) => [p.optional, p.dimensionality]));
      expect(f.description).not.toBe(e.description);
      f.parameters.forEach((p) => expect((p as { description?: string }).description?.length).toBeGreaterThan(5));
    }
  });

  // Excel's naming rules (namespace, characters, cell references, built-ins in both languages) are
  // test/functions/contract.test.ts's; here the names the docs and the live sheet rely on.
  it('uses Spanish names that are unique and never another function\'s English name', () => {
    const names = spanish.map((f) => f.name.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
    expect(byId(spanish).get('PROJECT')!.name).toBe('PROYECTAR');
    // A Spanish name is never another function's English name (a workbook moving between languages).
    for (const f of spanish) expect(english.some((e) => e.name.toUpperCase() === f.name.toUpperCase() && e.id !== f.id)).toBe(false);
  });
});

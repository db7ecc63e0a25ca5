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
  'CEQ.DEFAULTS': { params: ['segments?'], matrix: true },
  'CEQ.PROJECT': { params: ['assumptions', 'plan', 'years?', 'periods_per_year?'], matrix: true },
  'CEQ.COMPARE': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'metric?', 'years?'], matrix: true },
  'CEQ.SUMMARY': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'years?', 'uncertainty?', 'trials?', 'seed?'], matrix: true },
  'CEQ.EFFORT': { params: ['baseline_plan', 'proposed_plan', 'responsiveness?'], matrix: true },
  'CEQ.CLV': { params: ['margin', 'retention', 'discount_rate', 'years?', 'timing?'], matrix: false },
  'CEQ.SBG.FIT': { params: ['survivors'], matrix: true },
  'CEQ.SBG.RETENTION': { params: ['alpha', 'beta', 't'], matrix: false },
  'CEQ.SBG.SURVIVAL': { params: ['alpha', 'beta', 't'], matrix: false },
  'CEQ.SBG.DERL': { params: ['alpha', 'beta', 'discount_rate', 'renewals'], matrix: false },
  'CEQ.NRR': { params: ['start_arr', 'expansion', 'contraction', 'churned'], matrix: false },
  'CEQ.GRR': { params: ['start_arr', 'contraction', 'churned'], matrix: false },
  'CEQ.CROSSOVER': { params: ['baseline_series', 'proposed_series', 'cumulative?'], matrix: false },
  'CEQ.SIMULATE': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'trials?', 'seed?', 'metric?', 'correlation?', 'latin_hypercube?'],
    matrix: true, cancelable: true },
  'CEQ.SENSITIVITY': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'metric?', 'trials?', 'seed?', 'correlation?', 'latin_hypercube?'],
    matrix: true, cancelable: true },
  'CEQ.TORNADO': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'metric?'], matrix: true, cancelable: true },
  'CEQ.OPTIMIZE': { params: ['assumptions', 'baseline_plan', 'bounds', 'objective?', 'budget?'], matrix: true, cancelable: true },
  'CEQ.PAYOUT': { params: ['attainment', 'threshold', 'accelerator', 'cap', 'decelerator?'], matrix: false },
  'CEQ.ATTAINMENT': { params: ['expected_attainment', 'cv', 'bands?'], matrix: true },
  'CEQ.ATTRIBUTION': { params: ['assumptions', 'baseline_plan', 'proposed_plan', 'metric?'], matrix: true },
  'CEQ.BRIDGE': { params: ['ledger', 'unit?', 'segment?'], matrix: true },
  'CEQ.CALIBRATE': { params: ['ledger', 'unit?', 'window_months?'], matrix: true },
  'CEQ.BACKTEST': { params: ['ledger', 'plan', 'cutoff', 'unit?', 'window_months?'], matrix: true },
};

/** Every function's table entry (id, arguments, result shape) and registration, whichever file declares it. */
const TABLE = [...FUNCTIONS, ...UNCERTAIN_FUNCTIONS, ...QUOTA_FUNCTIONS, ...ATTRIBUTION_FUNCTIONS, ...CALIBRATION_FUNCTIONS];
const REGISTERED = { ...BY_ID, ...UNCERTAINTY_BY_ID, ...QUOTA_BY_ID, ...ATTRIBUTION_BY_ID, ...CALIBRATION_BY_ID };

/** Range arguments: Excel must pass them whole (matrix), not lift the function over their cells. */
const RANGE_PARAMS = new Set(['segments', 'correlation', 'assumptions', 'plan', 'baseline_plan', 'proposed_plan', 'survivors', 'baseline_series', 'proposed_series',
  'uncertainty', 'bounds', 'budget', 'bands', 'ledger']);

/** Built-in Excel functions, English and Spanish: a reasonable sample including the dotted families. */
const BUILT_INS = `SUM SUMA SUMIF SUMAR.SI AVERAGE PROMEDIO COUNT CONTAR MIN MAX IF SI IFS SI.CONJUNTO AND Y OR O NOT NO
VLOOKUP BUSCARV HLOOKUP BUSCARH XLOOKUP BUSCARX INDEX INDICE MATCH COINCIDIR XMATCH COINCIDIRX LOOKUP BUSCAR OFFSET DESREF
CHOOSE ELEGIR SORT ORDENAR FILTER FILTRAR UNIQUE UNICOS SEQUENCE SECUENCIA LET LAMBDA TRANSPOSE TRANSPONER
NPV VNA XNPV VNA.NO.PER IRR TIR XIRR TIR.NO.PER PV VA FV VF PMT PAGO RATE TASA NPER FORECAST PRONOSTICO FORECAST.LINEAR
PRONOSTICO.LINEAL FORECAST.ETS PRONOSTICO.ETS TREND TENDENCIA GROWTH CRECIMIENTO PROJECT COMPARE SUMMARY
ROUND REDONDEAR ROUNDUP REDONDEAR.MAS ROUNDDOWN REDONDEAR.MENOS INT ENTERO ABS EXP LN LOG POWER POTENCIA SQRT RAIZ
TODAY HOY NOW AHORA DATE FECHA YEAR AÑO MONTH MES DAY DIA EDATE FECHA.MES EOMONTH FIN.MES DAYS DIAS NETWORKDAYS DIAS.LAB
TEXT TEXTO VALUE VALOR CONCAT CONCAT TEXTJOIN UNIRCADENAS LEFT IZQUIERDA RIGHT DERECHA MID EXTRAE LEN LARGO TRIM ESPACIOS
NORM.DIST DISTR.NORM.N NORM.INV INV.NORM BETA.DIST DISTR.BETA BETA.INV INV.BETA GAMMA.DIST DISTR.GAMMA LOGNORM.DIST
DISTR.LOGNORM BINOM.DIST DISTR.BINOM.N PERCENTILE.INC PERCENTIL.INCLUIR QUARTILE.INC CUARTIL.INC STDEV.S DESVEST.M
VAR.S VAR.S CORREL COEF.DE.CORREL SLOPE PENDIENTE INTERCEPT INTERSECCION.EJE RANK.EQ JERARQUIA.EQV FREQUENCY FRECUENCIA
ISERROR ESERROR IFERROR SI.ERROR ISNA ESNOD IFNA SI.ND NA NOD ISBLANK ESBLANCO ISNUMBER ESNUMERO ISTEXT ESTEXTO
CEILING MULTIPLO.SUPERIOR FLOOR MULTIPLO.INFERIOR MOD RESIDUO RAND ALEATORIO RANDBETWEEN ALEATORIO.ENTRE
SUMPRODUCT SUMAPRODUCTO MMULT MMULT COUNTIFS CONTAR.SI.CONJUNTO AVERAGEIFS PROMEDIO.SI.CONJUNTO`.split(/\s+/);

const english = readMetadata('functions.json').functions;
const spanish = readMetadata('functions-es.json').functions;
const byId = (list: FunctionMeta[]) => new Map(list.map((f) => [f.id, f]));

describe('dist/functions.json', () => {
  it('lists exactly the pinned ids, each named after its id, ASCII only', () => {
    expect(english.map((f) => f.id).sort()).toEqual(Object.keys(PINNED).sort());
    for (const f of english) {
      expect(f.id).toMatch(/^[A-Z0-9._]+$/);
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

  it('uses Spanish names that are valid, unique and collide with no built-in function in either language', () => {
    const names = spanish.map((f) => f.name.toUpperCase());
    const all = [...names, ...english.map((f) => f.name.toUpperCase())];
    expect(new Set(names).size).toBe(names.length);
    expect(byId(spanish).get('CEQ.PROJECT')!.name).toBe('CEQ.PROYECTAR');
    for (const name of names) {
      expect(name).toMatch(/^CEQ\.[\p{L}0-9._]+$/u);
      expect(name.length).toBeLessThanOrEqual(128);
    }
    const builtIns = new Set(BUILT_INS.map((n) => n.toUpperCase()));
    for (const name of all) expect(builtIns.has(name)).toBe(false);
    // No built-in uses the CEQ. prefix, so no name can shadow one.
    expect([...builtIns].filter((b) => b.startsWith('CEQ'))).toEqual([]);
    // A Spanish name is never another function's English name (a workbook moving between languages).
    for (const f of spanish) expect(english.some((e) => e.name.toUpperCase() === f.name.toUpperCase() && e.id !== f.id)).toBe(false);
  });
});

/**
 * Bad input never escapes as an exception, a hang, NaN, Infinity or null: every function of the BUILT
 * bundle, fed random cells, returns finite numbers and strings in rectangular arrays, or a
 * CustomFunctions error (#VALUE! or #N/A) with a message. Then specific messages: they name the key
 * or argument, the bad value and the valid range.
 */
import fc from 'fast-check';
import { CATALOGUE } from '../../src/engine';
import { invoke, type FunctionDef } from '../../src/functions/table';
import { callFunction, distMissing, errorMessageOf, HostError, loadBundle, readMetadata, type Bundle, type FunctionMeta } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

const KEYS = CATALOGUE.map((s) => s.key);

/** Anything Excel might hand over for one cell, and some things it would not. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.constant(''), fc.constant(undefined), fc.boolean(),
  fc.double(), fc.integer({ min: -5, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.NaN, Infinity, -Infinity, 2 ** 53),
  fc.string(), fc.constantFrom('10%', '1,200', '24 000', '0,5', 'abc', '#N/A', 'TRUE', '-', '1e400', 'revenue', 'never'),
  fc.constantFrom(...KEYS),
);

/** A range: sometimes a plausible key/value table, sometimes noise. */
const grid: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
  fc.array(fc.tuple(fc.constantFrom(...KEYS), cell).map(([k, v]) => [k, v]), { minLength: 1, maxLength: 8 }),
  fc.array(fc.tuple(fc.constantFrom(...KEYS), cell, cell).map((r) => [...r]), { minLength: 1, maxLength: 8 }).map((rows) => [['key', 'A', 'B'], ...rows]),
);

/** Key/value rows whose values lie inside each key's range: the model runs, and must stay finite. */
function inRange(scope: (s: string) => boolean): fc.Arbitrary<unknown[][]> {
  const specs = CATALOGUE.filter((s) => scope(s.scope));
  return fc.subarray(specs, { minLength: 1 }).chain((chosen) => fc.tuple(...chosen.map((s) => {
    const value = s.allowed ? fc.constantFrom(...s.allowed)
      : s.integer ? fc.integer({ min: s.min, max: Math.min(s.max, 30) })
      : fc.double({ min: s.min, max: s.max, noNaN: true });
    return value.map((v) => [s.key, v]);
  })));
}

function argsFor(meta: FunctionMeta): fc.Arbitrary<unknown[]> {
  return fc.tuple(...meta.parameters.map((p) => {
    const value = p.dimensionality === 'matrix' ? grid : cell;
    return p.optional ? fc.option(value, { nil: undefined }) : value;
  }));
}

function expectWellFormed(meta: FunctionMeta, result: unknown): void {
  if (result instanceof HostError) {
    expect(['#VALUE!', '#N/A']).toContain(result.code);
    expect(result.message.trim().length).toBeGreaterThan(3);
    return;
  }
  expect(result).not.toBeInstanceOf(Error);
  const ok = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string';
  if (meta.result.dimensionality === 'matrix') {
    expect(Array.isArray(result)).toBe(true);
    const rows = result as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.length).toBe(rows[0].length);
      for (const v of row) expect(ok(v)).toBe(true);
    }
  } else {
    expect(typeof result === 'number' && Number.isFinite(result)).toBe(true);
  }
}

describe('random cells', () => {
  const bundle = loadBundle();
  it.each(readMetadata().functions.map((f) => [f.id, f] as const))('%s returns a well-formed value or error', (id, meta) => {
    fc.assert(fc.property(argsFor(meta), (args) => {
      expectWellFormed(meta, callFunction(bundle, id, ...args));
    }), { numRuns: 150 });
  });
});

describe('random values inside every key\'s range', () => {
  const bundle = loadBundle();
  const meta = (id: string) => readMetadata().functions.find((f) => f.id === id)!;
  const assumptions = inRange((scope) => scope !== 'plan');
  const plan = inRange((scope) => scope === 'plan');

  it('CEQ.PROJECT, CEQ.COMPARE and CEQ.SUMMARY give finite cells, or #VALUE! for inputs that contradict each other', () => {
    let ran = 0;
    fc.assert(fc.property(assumptions, plan, plan, (a, b, p) => {
      for (const [id, args] of [['PROJECT', [a, b]], ['COMPARE', [a, b, p, 'contribution']], ['SUMMARY', [a, b, p]]] as const) {
        const result = callFunction(bundle, id, ...args);
        expectWellFormed(meta(id), result);
        if (!(result instanceof HostError)) ran++;
        else expect(result.code).toBe('#VALUE!');
      }
    }), { numRuns: 150 });
    // Many random sets break a cross-field rule (effort shares must add up to 1, …); enough still run.
    expect(ran).toBeGreaterThan(30);
  });
});

describe('messages name the key or argument, the value and the range', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle();
  });
  const messageOf = (id: string, ...args: unknown[]) => errorMessageOf(bundle, id, ...args);

  it.each([
    ['churn 1.5', ['PROJECT', [['churn', 1.5]], [[null]]], ['#VALUE!', 'churn', '1.5', '0 – 0.95']],
    ['churn typed as 15 (a percentage)', ['PROJECT', [['churn', 15]], [[null]]], ['churn', '15', '0 – 0.95', 'did you mean 15%']],
    ['text that is not a number', ['PROJECT', [['arpa', 'lots']], [[null]]], ['arpa', '"lots"', '0 – 100000000']],
    ['a misspelled key', ['PROJECT', [['chrun', 0.1]], [[null]]], ['unknown key "chrun"', 'did you mean "churn"']],
    ['a plan key among the assumptions', ['PROJECT', [['clawback', 0.5]], [[null]]], ['clawback', 'plan argument']],
    ['segments that disagree on a scenario key', ['PROJECT', [['key', 'A', 'B'], ['discountRate', 0.1, 0.2]], [[null]]], ['discountRate', '0.1', '0.2']],
    ['a bad plan value', ['COMPARE', [[null]], [[null]], [['commissionNew', 2]]], ['proposed_plan.commissionNew', '2', '0 – 1']],
    ['a zero baseline rate', ['SUMMARY', [[null]], [['commissionRenewal', 0]], [[null]]], ['baseline_plan.commissionRenewal', 'above 0']],
    ['years out of range', ['PROJECT', [[null]], [[null]], 40], ['years', '40', '1 – 30']],
    ['quarters typed as 3', ['PROJECT', [[null]], [[null]], 5, 3], ['periods_per_year', '3', '1, 4, 12']],
    ['an unknown metric', ['COMPARE', [[null]], [[null]], [[null]], 'revenu'], ['metric', 'revenu', 'revenue']],
    ['retention above 1', ['CLV', 100, 1.2, 0.1], ['retention', '1.2', '0 – 1']],
    ['a CLV that never ends', ['CLV', 100, 1, 0.1], ['retention', 'finite number of years']],
    ['timing 2', ['CLV', 100, 0.9, 0.1, null, 2], ['timing', '2', '0, 1']],
    ['rising survivors', ['SBG.FIT', [[100], [80], [90]]], ['survivors[2]', '90']],
    ['a text survivor count', ['SBG.FIT', [[100], ['eighty']]], ['survivors[1]', 'eighty']],
    ['a two-dimensional series', ['CROSSOVER', [[1, 2], [3, 4]], [[1], [2]]], ['baseline_series', '2×2']],
    ['series of different lengths', ['CROSSOVER', [[1], [2]], [[1], [2], [3]]], ['proposed_series', '3', '2']],
    ['a crossover that never comes', ['CROSSOVER', [[5], [5]], [[4], [4]]], ['#N/A', 'never']],
    ['a zero starting ARR', ['NRR', 0, 1, 1, 1], ['start_arr', 'above 0']],
    ['losses beyond the starting ARR', ['GRR', 100, 60, 50], ['churned', '110', '100']],
    ['alpha of 0', ['SBG.RETENTION', 0, 1, 1], ['alpha', '0', '0.0001 – 10000']],
    ['a fractional renewal', ['SBG.RETENTION', 1, 1, 1.5], ['t', '1.5', 'whole number']],
    ['a blank required argument', ['SBG.SURVIVAL', 1, null, 2], ['beta', 'required']],
    ['a boolean for a number', ['NRR', true, 1, 1, 1], ['start_arr', 'TRUE']],
    ['a range for a single value', ['NRR', [[1, 2]], 1, 1, 1], ['start_arr', 'one cell']],
    ['duplicate segment names', ['DEFAULTS', [['SMB', 'SMB']]], ['segments', 'SMB', 'unique']],
  ])('%s', (_, [id, ...args], parts) => {
    const message = messageOf(id as string, ...args);
    for (const part of parts as string[]) expect(message).toContain(part);
  });

  it('says where the first problem is and how many more there are', () => {
    // Cross-field problems come together from validation: both baseline rates at 0.
    const m = messageOf('PROJECT', [[null]], [['commissionNew', 0], ['commissionRenewal', 0]]);
    expect(m).toMatch(/plan\.commissionNew.*\(and 1 more problem\)/);
  });

  it('refuses a run-off that has no finite value (no expansion ceiling, expansion that outgrows churn and discounting), naming walletMultiple', () => {
    const m = messageOf('PROJECT', [['walletMultiple', 0], ['expansion', 0.3], ['contraction', 0]], [[null]]);
    expect(m).toMatch(/^#VALUE! walletMultiple: with no expansion ceiling \(walletMultiple 0\), segment 1's book still grows/);
  });
});

describe('caps', () => {
  it('refuses series longer than 5,000 values and ranges over 100,000 cells', () => {
    const bundle = loadBundle();
    const long = Array.from({ length: 5001 }, (_, i) => [i]);
    const r = callFunction(bundle, 'CROSSOVER', long, long) as HostError;
    expect(r.message).toContain('5001 values is too large; the limit is 1 – 5000');
    const huge = Array.from({ length: 1001 }, () => Array.from({ length: 100 }, () => null));
    expect((callFunction(bundle, 'PROJECT', huge, [[null]]) as HostError).message).toContain('100100 cells is too large');
  });

  it('never spills more than 5,000 rows, and turns non-finite results and stray nulls into errors and blanks', () => {
    const big: FunctionDef = { id: 'TEST.BIG', args: [], result: 'matrix', core: () => Array.from({ length: 5001 }, () => [1]) };
    expect(() => invoke(big, [])).toThrow(/TEST\.BIG: 5001 rows is too large; the limit is 1 – 5000/);
    const holes: FunctionDef = { id: 'TEST.HOLES', args: [], result: 'matrix', core: () => [[1, null], [2]] };
    expect(invoke(holes, [])).toEqual([[1, ''], [2, '']]);
    const inf: FunctionDef = { id: 'TEST.INF', args: [], result: 'scalar', core: () => Infinity };
    expect(() => invoke(inf, [])).toThrow(/not a finite number/);
    const boom: FunctionDef = { id: 'TEST.BOOM', args: [], result: 'scalar', core: () => { throw new TypeError('x is undefined'); } };
    expect(() => invoke(boom, [])).toThrow(/unexpected error in the add-in: x is undefined/);
  });
});

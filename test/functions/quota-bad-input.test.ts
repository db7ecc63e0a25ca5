/**
 * Bad input to the quota functions and to plan ranges with quota keys never escapes as an exception,
 * NaN, Infinity or null: the BUILT bundle returns finite numbers and strings in rectangular arrays, or
 * #VALUE! with a message naming the argument or key, the value and the valid range.
 */
import fc from 'fast-check';
import { quotaKeys } from '../../src/engine';
import { quotaLayer } from '../engine/quota-arbitraries';
import { callFunction, distMissing, errorMessageOf, HostError, loadBundle, type Bundle } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

const NAMES = quotaKeys().map((k) => k.name);

const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.constant(''), fc.constant(undefined), fc.boolean(), fc.double(), fc.integer({ min: -5, max: 40 }),
  fc.double({ min: 0, max: 3, noNaN: true }), fc.constantFrom(0, -0, 1e308, Number.NaN, Infinity, -Infinity, 5e-324),
  fc.string(), fc.constantFrom('10%', '150%', '1,200', '0,5', 'abc', '#N/A', 'TRUE', '-', '1e400'), fc.constantFrom(...NAMES),
);
const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });

/** Plan rows: quota keys (spelled as the catalogue names them) with random values, in and out of range. */
const quotaRows = fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.oneof(cell, fc.double({ min: 0, max: 2e6, noNaN: true }))).map(([k, v]) => [k, v]), { minLength: 1, maxLength: 12 });

function expectWellFormed(result: unknown, matrix: boolean): void {
  if (result instanceof HostError) {
    expect(['#VALUE!', '#N/A']).toContain(result.code);
    expect(result.message.trim().length).toBeGreaterThan(3);
    return;
  }
  expect(result).not.toBeInstanceOf(Error);
  const ok = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string';
  if (!matrix) {
    expect(ok(result) && typeof result === 'number').toBe(true);
    return;
  }
  const rows = result as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.length).toBe(rows[0].length);
    for (const v of row) expect(ok(v)).toBe(true);
  }
}

describe('random cells', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle();
  });

  it('CEQ.PAYOUT returns a finite number or #VALUE!', () => {
    fc.assert(fc.property(cell, cell, cell, cell, fc.option(cell, { nil: undefined }), (...args) => {
      expectWellFormed(callFunction(bundle, 'PAYOUT', ...args), false);
    }), { numRuns: 300 });
  });

  it('CEQ.ATTAINMENT returns a rectangular spill of finite cells or #VALUE!', () => {
    fc.assert(fc.property(cell, cell, fc.option(fc.oneof(grid, cell), { nil: undefined }), (...args) => {
      expectWellFormed(callFunction(bundle, 'ATTAINMENT', ...args), true);
    }), { numRuns: 300 });
  });

  it('CEQ.PROJECT and CEQ.SUMMARY with quota keys in the plan give finite cells or #VALUE!', () => {
    let ran = 0;
    fc.assert(fc.property(quotaRows, (rows) => {
      for (const id of ['PROJECT', 'SUMMARY'] as const) {
        const result = id === 'PROJECT' ? callFunction(bundle, id, [[null]], rows, 3) : callFunction(bundle, id, [[null]], [[null]], rows, 3);
        expectWellFormed(result, true);
        if (!(result instanceof HostError)) ran++;
      }
    }), { numRuns: 200 });
    expect(ran).toBeGreaterThan(0);
  });
});

describe('random valid quota layers', () => {
  it('always run through CEQ.PROJECT, every cell finite', () => {
    const bundle = loadBundle();
    fc.assert(fc.property(quotaLayer, fc.constantFrom(1, 4, 12), (layer, ppy) => {
      const result = callFunction(bundle, 'PROJECT', [[null]], Object.entries(layer), 4, ppy);
      expect(result).not.toBeInstanceOf(HostError);
      expectWellFormed(result, true);
    }), { numRuns: 100 });
  });
});

describe('messages name the argument or key, the value and the range', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle();
  });
  const messageOf = (id: string, ...args: unknown[]) => errorMessageOf(bundle, id, ...args);

  it.each([
    ['attainment below 0', ['PAYOUT', -0.1, 0.5, 2, 3], ['#VALUE!', 'attainment', '-0.1', '0 – 1000']],
    ['a cap below 100 %', ['PAYOUT', 1, 0.5, 2, 0.9], ['cap', '0.9', '1 – 100']],
    ['an accelerator of 20', ['PAYOUT', 1, 0.5, 20, 3], ['accelerator', '20', '0 – 10']],
    ['a text threshold', ['PAYOUT', 1, 'half', 2, 3], ['threshold', '"half"', '0 – 1']],
    ['a missing cap', ['PAYOUT', 1, 0.5, 2, null], ['cap', 'required']],
    ['a decelerator below 0', ['PAYOUT', 1, 0.5, 2, 3, -1], ['decelerator', '-1', '0 – 10']],
    ['a cv of 3', ['ATTAINMENT', 1, 3], ['cv', '3', '0 – 2']],
    ['a band edge of 0', ['ATTAINMENT', 1, 0.35, [[0.5], [0]]], ['bands[2]', '0', '0.001 – 1000']],
    ['a two-dimensional band range', ['ATTAINMENT', 1, 0.35, [[0.5, 1], [1.5, 2]]], ['bands', '2×2']],
    ['more than 100 band edges', ['ATTAINMENT', 1, 0.35, Array.from({ length: 101 }, (_, i) => [i + 1])], ['bands', '101 values', '1 – 100']],
    ['a misspelled quota key', ['PROJECT', [[null]], [['ae.newArr.qouta', 1e6]]], ['unknown key "ae.newArr.qouta"', 'did you mean "ae.newArr.quota"']],
    ['an unknown role', ['PROJECT', [[null]], [['sdr.headcount', 4]]], ['unknown key "sdr.headcount"']],
    ['a blank quota', ['PROJECT', [[null]], [['ae.newArr.quota', null]]], ['plan.ae.newArr.quota is required']],
    ['a quota key among the assumptions', ['PROJECT', [['ae.headcount', 4]], [[null]]], ['ae.headcount', 'plan argument']],
    ['a threshold typed as 50', ['PROJECT', [[null]], [['ae.newArr.quota', 1e6], ['ae.newArr.threshold', 50]]], ['plan.ae.newArr.threshold', '50', '0 – 1', 'did you mean 50%']],
    ['a key given twice', ['PROJECT', [[null]], [['ae.newArr.quota', 1e6], ['AE.newArr.Quota', 2e6]]], ['ae.newArr.quota', 'rows 1 and 2']],
  ])('%s', (_, [id, ...args], parts) => {
    const message = messageOf(id as string, ...args);
    for (const part of parts as string[]) expect(message).toContain(part);
  });
});

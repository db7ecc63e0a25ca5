/** Reading Excel's cells and key/value ranges (src/functions/cells.ts, ranges.ts), straight from the sources. */
import fc from 'fast-check';
import { CATALOGUE, defaultsOf } from '../../src/engine';
import { parseNumberText } from '../../src/functions/cells';
import { parseAssumptions, parsePlan } from '../../src/functions/ranges';

const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { problems: { code: string; key?: string; value?: unknown; suggestion?: string; detail?: string }[] }).problems[0];
  }
  throw new Error('expected a problem');
};

describe('text that looks like a number', () => {
  it.each([
    ['10%', 0.1], ['10 %', 0.1], ['0.1%', 0.001], ['1,200', 1200], ['24 000', 24000], ['24\u00a0000', 24000], ['1,234,567.5', 1234567.5],
    ['1.234.567', 1234567], ['1.234,5', 1234.5], ['0,15', 0.15], ['12,5', 12.5], ['€1,200', 1200], ['$-5', -5], ['-$5', -5],
    ['(500)', -500], ['1e6', 1e6], ['.5', 0.5], ['+7', 7], ['\u22123', -3], ['14.5%', 0.145],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3', '1..2', '12abc', '%', '1,23,4', 'TRUE', '--5', '1e999', 'NaN', 'Infinity'])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  it('reads back every finite number JavaScript prints, and its percentage', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
      expect(parseNumberText(String(x))).toBe(x === 0 ? 0 : x);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
      expect(parseNumberText(`${n}%`)).toBe(Number(`${n}e-2`));
      expect(parseNumberText(n.toLocaleString('en-US'))).toBe(n);
    }));
  });
});

describe('the assumptions argument', () => {
  it('takes every default from an empty range', () => {
    const a = parseAssumptions([[null]]);
    expect(a.settings).toEqual(defaultsOf('scenario'));
    expect(a.segments).toEqual([{ name: 'Segment 1', values: defaultsOf('segment') }]);
  });

  it('reads a two-column key/value range, keys in any case or snake_case', () => {
    const a = parseAssumptions([['churn', '12%'], ['NEW_CUSTOMERS', 150], ['horizon years', 7], ['responsiveness', 1]]);
    expect(a.segments[0].values).toMatchObject({ churn: 0.12, newCustomers: 150 });
    expect(a.settings.horizonYears).toBe(7);
    expect(a.behaviour.responsiveness).toBe(1);
  });

  it('reads a segment table; scenario keys may be left blank in later columns', () => {
    const a = parseAssumptions([['key', 'SMB', 'Enterprise', 'unit'], ['customers', 900, 40, 'count'], ['discountRate', 0.08, '', 'rate'], ['arpa', 8000, '96 000', '']]);
    expect(a.segments.map((g) => g.name)).toEqual(['SMB', 'Enterprise']);
    expect(a.segments[1].values).toMatchObject({ customers: 40, arpa: 96000 });
    expect(a.settings.discountRate).toBe(0.08);
  });

  it('reports blank values that take their default', () => {
    const a = parseAssumptions([['churn', null], ['arpa', '']]);
    expect(a.segments[0].values.churn).toBe(0.1);
    expect(a.notes.map((n) => [n.code, n.key])).toEqual([['blankUsesDefault', 'churn'], ['blankUsesDefault', 'arpa']]);
  });

  it('refuses different values of a scenario-wide key across segments, naming the key', () => {
    const p = problemOf(() => parseAssumptions([['', 'A', 'B'], ['discountRate', 0.1, 0.12]]));
    expect(p).toMatchObject({ code: 'inconsistent', key: 'discountRate' });
  });

  it('names unknown keys with a suggestion, plan keys as misplaced, and duplicates', () => {
    expect(problemOf(() => parseAssumptions([['custmers', 5]]))).toMatchObject({ code: 'unknownKey', key: 'custmers', suggestion: 'customers' });
    expect(problemOf(() => parseAssumptions([['commissionNew', 0.1]]))).toMatchObject({ code: 'inconsistent', key: 'commissionNew' });
    expect(problemOf(() => parseAssumptions([['churn', 0.1], ['churn', 0.2]]))).toMatchObject({ code: 'inconsistent', key: 'churn' });
    expect(problemOf(() => parseAssumptions([[null, 5]]))).toMatchObject({ code: 'missing' });
  });

  it('names the segment of a bad value in a table', () => {
    expect(problemOf(() => parseAssumptions([['key', 'SMB', 'Ent'], ['churn', 0.1, 2]]))).toMatchObject({ code: 'outOfRange', key: 'Ent.churn', value: 2 });
  });

  it('never silently drops a lone value column of text', () => {
    expect(problemOf(() => parseAssumptions([['churn', 'high']]))).toMatchObject({ code: 'notANumber', key: 'churn', value: 'high' });
  });

  it('refuses more than 50 segments and huge ranges before any work', () => {
    const wide = [['key', ...Array.from({ length: 51 }, (_, i) => `S${i}`)], ['churn', ...Array.from({ length: 51 }, () => 0.1)]];
    expect(problemOf(() => parseAssumptions(wide))).toMatchObject({ code: 'tooLarge' });
    const huge = Array.from({ length: 100_001 }, () => [null]);
    expect(problemOf(() => parseAssumptions(huge))).toMatchObject({ code: 'tooLarge', key: 'assumptions' });
  });

  it('reads every catalogue key it is given back exactly', () => {
    const rows = CATALOGUE.filter((s) => s.scope !== 'plan').map((s) => [s.key, s.defaultValue]);
    const a = parseAssumptions(rows);
    expect({ ...a.settings, ...a.behaviour, ...a.segments[0].values }).toEqual({ ...defaultsOf('scenario'), ...defaultsOf('behaviour'), ...defaultsOf('segment') });
    expect(a.notes).toEqual([]);
  });
});

describe('a plan argument', () => {
  it('reads plan keys and names problems after the argument', () => {
    expect(parsePlan([['commissionNew', '7%'], ['clawback', 0.5]], 'proposed_plan').values).toMatchObject({ commissionNew: 0.07, clawback: 0.5 });
    expect(problemOf(() => parsePlan([['clawback', 1.5]], 'proposed_plan'))).toMatchObject({ code: 'outOfRange', key: 'proposed_plan.clawback' });
    expect(problemOf(() => parsePlan([['churn', 0.1]], 'plan'))).toMatchObject({ code: 'inconsistent', key: 'churn' });
  });
});

describe('header rows', () => {
  it('never take a lone misspelled key row for a header', () => {
    expect(problemOf(() => parseAssumptions([['churn_rte', 'high']]))).toMatchObject({ code: 'unknownKey', key: 'churn_rte' });
  });

  it('read a blank-first header of segment names, but not a blank key with a number', () => {
    expect(parseAssumptions([[null, 'SMB'], ['churn', 0.2]]).segments).toMatchObject([{ name: 'SMB', values: { churn: 0.2 } }]);
    expect(problemOf(() => parseAssumptions([[null, 5]]))).toMatchObject({ code: 'missing' });
  });
});

/**
 * Issue 12's numbers and limits, straight from the sources: long texts parse in one pass, CEQ.DEFAULTS
 * checks its size before duplicates, the one rule for a lone comma, CEQ.NRR at the edges of a double,
 * CEQ.OPTIMIZE with no customers, and the size limits every argument meets before any work.
 * Times are printed, never asserted (house rule).
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { MAX_INPUT_CELLS, MAX_INPUT_TEXT, parseNumberText } from '../../src/functions/cells';
import { BY_ID } from '../../src/functions/functions';
import { UNCERTAINTY_BY_ID } from '../../src/functions/uncertainty';
import { parseNumber } from '../../src/i18n/parse';

type Fn = (...args: unknown[]) => unknown;
const fn = (id: string) => (BY_ID[id] ?? UNCERTAINTY_BY_ID[id]) as Fn;
function outcome(id: string, ...args: unknown[]): unknown {
  try {
    return fn(id)(...args);
  } catch (e) {
    return `${(e as { code: string }).code} ${(e as Error).message}`;
  }
}
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

/** Texts of Excel's largest cell (32,767 characters) that a backtracking pattern takes quadratic time on. */
const ADVERSARIAL = [
  `${'1'.repeat(32_766)}x`, `${'1'.repeat(32_765)}.x`, `${'1'.repeat(16_000)}.${'1'.repeat(16_000)}x`, `${'1'.repeat(16_000)}e${'1'.repeat(16_000)}x`,
  `${'1.000'.repeat(6553)},x`, `${'1,000'.repeat(6553)}.x`, `(${'1'.repeat(32_764)}x)`, `-${'1'.repeat(32_765)}%x`, `${'9'.repeat(32_766)}k`,
];

describe('long text', () => {
  it('parses in one pass: every 32,767-character text in both parsers, and three of them as notes of CEQ.PROJECT', () => {
    let slowest = 0;
    let slowestPane = 0;
    parseNumber('1', 'en-US');
    parseNumber('1', 'es-ES'); // the locales' separators, read once
    for (const text of ADVERSARIAL) {
      const [cells, ms] = timed(() => parseNumberText(text));
      expect(cells).toBeUndefined();
      const [en, msEn] = timed(() => parseNumber(text, 'en-US'));
      const [es, msEs] = timed(() => parseNumber(text, 'es-ES'));
      expect(en).toBeNaN();
      expect(es).toBeNaN();
      slowest = Math.max(slowest, ms);
      slowestPane = Math.max(slowestPane, msEn, msEs);
    }
    // 32,767 digits are a number too large for a cell: refused, not Infinity.
    expect(parseNumberText('9'.repeat(32_767))).toBeUndefined();
    expect(parseNumber('9'.repeat(32_767), 'en-US')).toBeNaN();
    const [clv, clvMs] = timed(() => outcome('CLV', ADVERSARIAL[0], 0.9, 0.1));
    expect(clv).toMatch(/^#VALUE! margin: "1{100}/);
    const notes = [['key', 'value', 'notes'], ['churn', 0.1, ADVERSARIAL[0]], ['arpa', 1000, ADVERSARIAL[2]], ['customers', 10, ADVERSARIAL[4]]];
    const [rows, projectMs] = timed(() => outcome('PROJECT', notes, [['commissionNew', 0.1]]) as unknown[][]);
    expect(rows[0][0]).toBe('period');
    console.log(`32,767-character cells: slowest parse ${slowest.toFixed(2)} ms (task pane's parser ${slowestPane.toFixed(2)} ms); CEQ.CLV ${clvMs.toFixed(2)} ms; CEQ.PROJECT with three such notes ${projectMs.toFixed(2)} ms`);
  });
});

describe('CEQ.DEFAULTS', () => {
  it('checks its 50-name limit before duplicates, and finds duplicates in one pass', () => {
    const fiftyOne = [Array.from({ length: 51 }, (_, j) => (j === 50 ? 'n0' : `n${j}`))];
    expect(outcome('DEFAULTS', fiftyOne)).toBe('#VALUE! segments: 51 names is too large; the limit is 1 – 50');
    expect(outcome('DEFAULTS', [['SMB', 'Mid', 'SMB']])).toBe('#VALUE! segments: "SMB" appears twice; segment names must be unique');
    const big = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 50 }, (_, j) => `n${i}_${j}`));
    const [r, ms] = timed(() => outcome('DEFAULTS', big));
    expect(r).toBe(`#VALUE! segments: ${MAX_INPUT_CELLS} names is too large; the limit is 1 – 50`);
    console.log(`CEQ.DEFAULTS on 2,000 × 50 distinct names: ${ms.toFixed(1)} ms`);
  });
});

describe('a lone comma: one rule', () => {
  it('groups thousands only in a well-grouped number (first group 1 to 3 digits, not starting with 0)', () => {
    const cases: [string, number | undefined][] = [
      ['0,125', 0.125], ['0,15', 0.15], ['1,125', 1125], ['12,5', 12.5], ['05,125', 5.125], ['123,456,789', 123456789], ['1234,567', 1234.567],
      ['0,125,000', undefined], ['0.125.000', undefined], ['1.234.567', 1234567], ['0,125.5', undefined], ['1,125.5', 1125.5],
    ];
    for (const [text, value] of cases) expect([text, parseNumberText(text)]).toEqual([text, value]);
    // The task pane reads the same way where its locale leaves the comma (English) or the point (Spanish) ambiguous.
    expect(parseNumber('0,125', 'en-US')).toBe(0.125);
    expect(parseNumber('0.125', 'es-ES')).toBe(0.125);
    expect(parseNumber('1.125', 'es-ES')).toBe(1125);
    expect(parseNumber('05,125', 'en-US')).toBe(5.125);
  });

  it('reads "0,ddd" as a decimal for any digits, and any grouped whole number as itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
      const digits = String(n).padStart(3, '0');
      expect(parseNumberText(`0,${digits}`)).toBe(Number(`0.${digits}`));
      expect(parseNumber(`0,${digits}`, 'en-US')).toBe(Number(`0.${digits}`));
    }));
    fc.assert(fc.property(fc.integer({ min: 1000, max: 1e12 }), (n) => {
      expect(parseNumberText(n.toLocaleString('en-US'))).toBe(n);
    }));
    // A point groups only with two groups or more ("1.234" is a decimal, "1.234.567" a million).
    fc.assert(fc.property(fc.integer({ min: 1e6, max: 1e12 }), (n) => {
      expect(parseNumberText(n.toLocaleString('de-DE'))).toBe(n);
    }));
  });
});

describe('CEQ.NRR at the edges of a double', () => {
  it('names start_arr when the ratio passes the largest double, and is otherwise finite and right', () => {
    expect(outcome('NRR', 5e-324, 1e15, 0, 0)).toBe('#VALUE! start_arr: 5e-324 is too small beside expansion (1000000000000000): the ratio passes the largest number a cell holds');
    const money = fc.oneof(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.constantFrom(0, 5e-324, 1e-300, 1, 1e15));
    fc.assert(fc.property(money.filter((s) => s > 0), money, money, money, (start, expansion, contraction, churned) => {
      const r = outcome('NRR', start, expansion, contraction, churned);
      if (typeof r === 'string') {
        expect(r).toMatch(/^#VALUE! (churned: contraction \+ churned|start_arr: .* is too small beside expansion)/);
        return;
      }
      const expected = (start + expansion - contraction - churned) / start;
      expect(Number.isFinite(r as number)).toBe(true);
      expect(r).toBe(expected === 0 ? 0 : expected);
    }), { numRuns: 2000 });
  });
});

describe('CEQ.OPTIMIZE with no customers', () => {
  it('says a comp-cost share needs revenue, and never reports the largest double', () => {
    const none = [['customers', 0], ['newCustomers', 0]];
    const bounds = [['commissionNew', 0, 0.2], ['clawback', 0, 0.5]];
    for (const budget of [[['comp_cost_share']], [['comp_cost_share', 0.1]]]) {
      expect(outcome('OPTIMIZE', none, [['commissionNew', 0.1]], bounds, null, budget)).toBe(
        '#VALUE! budget: comp_cost_share divides comp cost by revenue, and this scenario has no revenue over the horizon (no customers): use year1_comp_cost or none');
    }
    for (const budget of [null, [['none']], [[1e6]]]) {
      const rows = outcome('OPTIMIZE', none, [['commissionNew', 0.1]], bounds, null, budget) as unknown[][];
      for (const row of rows) for (const v of row) if (typeof v === 'number') expect(Math.abs(v)).toBeLessThan(1e300);
    }
  });
});

describe('size limits', () => {
  it('refuses a range over 100,000 cells or an argument over 2,000,000 characters, naming the argument', () => {
    const long = 'x'.repeat(32_767);
    const rows = Math.ceil(MAX_INPUT_TEXT / long.length / 2) + 1;
    const text = Array.from({ length: rows }, () => [long, long]);
    expect(outcome('PROJECT', text, [['commissionNew', 0.1]])).toBe(`#VALUE! assumptions: ${rows * 2 * long.length} characters of text is too large; the limit is ${MAX_INPUT_TEXT}`);
    expect(outcome('CROSSOVER', [[1]], [[1]], 'y'.repeat(MAX_INPUT_TEXT + 1))).toBe(`#VALUE! cumulative: ${MAX_INPUT_TEXT + 1} characters of text is too large; the limit is ${MAX_INPUT_TEXT}`);
    const cells = Array.from({ length: 1001 }, () => new Array(100).fill(1));
    expect(outcome('SIMULATE', [['churn', 0.1]], [['commissionNew', 0.1]], [['commissionNew', 0.1]], cells)).toBe(
      '#VALUE! uncertainty: 100100 cells is too large; the limit is 1 – 100000');
  });
});

/**
 * CEQ.BRIDGE, CEQ.CALIBRATE and CEQ.BACKTEST through the BUILT bundle, in sheets of formulas
 * (HyperFormula): the bridge spill reconciles with the ledger, CEQ.CALIBRATE's spill feeds CEQ.PROJECT
 * as it is (its n and se columns skipped), nested or from the sheet, and bad ledgers give #VALUE! with
 * the row and column named.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  calibrate, calibratedSegmentValues, CALIBRATED_KEYS, defaultsOf, parseLedger, runScenario, type Scenario,
} from '../../src/engine';
import { callFunction, distMissing, errorMessageOf, HostError, loadBundle, sheetWith, type Bundle } from './host';
import { relClose } from './expect';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

/**
 * Every Enterprise customer and every tenth other one of the example ledger (about 500 customers over 36
 * months), messy rows left out. Not every tenth Enterprise customer: so few churn that a segment's churn
 * would fall below the service-driven churn of the default behaviour (6.1 %), which CEQ.PROJECT refuses.
 */
const csv = readFileSync(resolve(__dirname, '../../examples/ledger-saas.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
const LEDGER: (string | number)[][] = [csv[0], ...csv.slice(1).filter((r) => (r[3] === 'Enterprise' || /^C\d{4}0$/.test(r[0])) && /^\d{4}-/.test(r[1])).map((r) => [r[0], r[1], Number(r[2]), r[3]])];

let bundle: Bundle;
beforeAll(() => {
  bundle = loadBundle();
});

describe('CEQ.BRIDGE', () => {
  it('spills one row per period whose closing ARR is the ledger\'s own sum and whose flows add up', () => {
    const out = callFunction(bundle, 'BRIDGE', LEDGER) as (string | number)[][];
    expect(out[0]).toEqual(['period', 'opening_arr', 'new_arr', 'expansion_arr', 'contraction_arr', 'churned_arr', 'reactivation_arr', 'closing_arr',
      'opening_customers', 'new_customers', 'reactivated_customers', 'churned_customers', 'closing_customers', 'nrr', 'grr', 'logo_retention']);
    expect(out.length).toBe(37);
    for (const r of out.slice(1)) {
      const sum = LEDGER.slice(1).filter((l) => (l[1] as string).startsWith(r[0] as string)).reduce((a, l) => a + Math.round((l[2] as number) * 100), 0);
      expect(Math.round((r[7] as number) * 100)).toBe(sum);
      const [opening, added, expansion, contraction, churned, reactivation, closing] = (r.slice(1, 8) as number[]).map((x) => Math.round(x * 100));
      if (r[0] !== '2023-01') expect(opening + added + expansion - contraction - churned + reactivation).toBe(closing);
    }
    // A year ends at 2025-12 and at 2024-12: NRR, GRR and logo retention there, blank elsewhere.
    expect(out[36].slice(13).every((x) => typeof x === 'number' && x > 0)).toBe(true);
    expect(out[35].slice(13)).toEqual(['', '', '']);
  });

  it('spills one segment when named, and names the segments when the name is not one', () => {
    const smb = callFunction(bundle, 'BRIDGE', LEDGER, null, 'smb') as number[][];
    const total = callFunction(bundle, 'BRIDGE', LEDGER) as number[][];
    expect(smb[36][7]).toBeLessThan(total[36][7]);
    expect(errorMessageOf(bundle, 'BRIDGE', LEDGER, null, 'SME')).toBe('#VALUE! segment: "SME" is not a segment of the ledger (SMB, Mid-market, Enterprise)');
  });
});

describe('CEQ.CALIBRATE into CEQ.PROJECT', () => {
  const plan = [['commissionNew', 0.1]];

  it('spills keys, one column per segment, then (n) and (se) columns', () => {
    const out = callFunction(bundle, 'CALIBRATE', LEDGER) as (string | number)[][];
    expect(out[0]).toEqual(['key', 'SMB', 'Mid-market', 'Enterprise', 'SMB (n)', 'Mid-market (n)', 'Enterprise (n)', 'SMB (se)', 'Mid-market (se)', 'Enterprise (se)']);
    expect(out.slice(1).map((r) => r[0])).toEqual([...CALIBRATED_KEYS]);
    const engine = calibrate(parseLedger(LEDGER));
    engine.segments.forEach((s, i) => CALIBRATED_KEYS.forEach((key, k) => expect(out[k + 1][1 + i]).toBe(s.values[key].value)));
  });

  it('=CEQ.PROJECT(CEQ.CALIBRATE(ledger), plan) works nested and from the spill, and is the engine\'s projection of the calibration', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', LEDGER);
    const end = LEDGER.length;
    sheet.setBlock('F1', plan);
    sheet.set('H1', `=CEQ.CALIBRATE(A1:D${end})`);
    sheet.set('T1', `=CEQ.PROJECT(H1:Q${CALIBRATED_KEYS.length + 1}, F1:G1)`);
    sheet.set('T20', `=CEQ.PROJECT(CEQ.CALIBRATE(A1:D${end}), F1:G1)`);
    const c = calibrate(parseLedger(LEDGER));
    const s: Scenario = {
      name: 'x', settings: defaultsOf('scenario'), segments: calibratedSegmentValues(c), behaviour: defaultsOf('behaviour'),
      baseline: { name: 'b', values: { ...defaultsOf('plan'), commissionNew: 0.1 } }, proposed: [],
    };
    const p = runScenario(s).baseline;
    const range = (a1: string) => sheet.range(a1) as number[][];
    for (const top of [2, 21]) {
      const rows = range(`T${top}:AH${top + p.periods - 1}`);
      rows.forEach((r, t) => {
        expect(relClose(r[4], p.value('arr', t))).toBe(true);
        expect(relClose(r[1], p.value('customers', t))).toBe(true);
      });
    }
  });
});

describe('CEQ.BACKTEST', () => {
  it('sets predicted beside actual after the cut-off, with the MAPE on the last row', () => {
    const out = callFunction(bundle, 'BACKTEST', LEDGER, [['commissionNew', 0.1]], '2024-12') as (string | number)[][];
    expect(out[0]).toEqual(['period', 'predicted_arr', 'actual_arr', 'arr_error', 'predicted_customers', 'actual_customers', 'customers_error']);
    expect(out.slice(1, -1).map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`));
    const last = out[out.length - 1];
    expect(last[0]).toBe('mape');
    const errors = out.slice(1, -1).map((r) => Math.abs(r[3] as number));
    expect(last[3]).toBeCloseTo(errors.reduce((a, b) => a + b, 0) / errors.length, 12);
    // An Excel date for the cut-off is the same month: 45627 is 1 December 2024.
    expect(callFunction(bundle, 'BACKTEST', LEDGER, [['commissionNew', 0.1]], 45627)).toEqual(out);
  });

  it('names a cut-off outside the ledger', () => {
    expect(errorMessageOf(bundle, 'BACKTEST', LEDGER, [['commissionNew', 0.1]], '2025-12'))
      .toBe('#VALUE! cutoff: 2025-12 must leave at least one period on each side, between 2023-02 and 2025-11');
    expect(errorMessageOf(bundle, 'BACKTEST', LEDGER, [['commissionNew', 0.1]], '2030-01')).toBe('#VALUE! cutoff: "2030-01" is not a period of the ledger (2023-01 … 2025-12)');
  });
});

describe('bad ledgers', () => {
  it('refuse a whole-column range at once, and say what cannot be read', () => {
    const whole = new Array(1_048_576).fill([null, null, null, null]);
    expect(errorMessageOf(bundle, 'CALIBRATE', whole)).toBe('#VALUE! ledger: 1048576 rows is too large; the limit is 500000');
    expect(errorMessageOf(bundle, 'BRIDGE', [['customer', 'month', 'arr'], ['A', '2024-01', 1], ['A', '2024-03', 1]]))
      .toMatch(/^#VALUE! month: no row at all for 2024-02/);
    expect(errorMessageOf(bundle, 'CALIBRATE', LEDGER, 'eur')).toBe('#VALUE! unit: eur is not allowed; use one of arr, mrr');
    expect(errorMessageOf(bundle, 'CALIBRATE', [['x']])).toBe('#VALUE! ledger: too few data points (a ledger needs at least two periods)');
    expect(callFunction(bundle, 'CALIBRATE', [['x']])).toBeInstanceOf(HostError);
  });
});

/**
 * Through the BUILT bundle: CEQ.SIMULATE's correlation range and LHS switch, CEQ.SENSITIVITY and
 * CEQ.SUMMARY's optional uncertainty argument give the engine's numbers; a correlation matrix that
 * is not positive semi-definite is repaired and the spill says so; a bad matrix names its cell.
 */
import {
  defaultScenario, defaultUncertaintyRows, runMonteCarlo, varianceSensitivity, type Scenario, type UncertaintyRow,
} from '../../src/engine';
import { callFunction, distMissing, errorMessageOf, loadBundle, sheetWith, type Bundle } from './host';
import { relClose } from './expect';

const missing = distMissing('functions.js', 'functions.json', 'functions-es.json');
if (missing) throw new Error(missing);

const ASSUMPTIONS = [['churn', '12%'], ['horizonYears', 6]];
const UNCERTAINTY = [
  ['key', 'distribution', 'p1', 'p2', 'p3'],
  ['responsiveness', 'PERT', 0.2, 0.6, 1.4],
  ['churn', 'normal', '12%', '2%', null],
  ['newCustomers', 'triangular', 90, 120, 140],
];
const TABLE: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.4 } },
  { key: 'churn', distribution: { kind: 'normal', mean: 0.12, sd: 0.02 } },
  { key: 'newCustomers', distribution: { kind: 'triangular', min: 90, mode: 120, max: 140 } },
];
/** Lower triangle only: blanks take their mirror's value. */
const CORRELATION = [
  ['', 'responsiveness', 'churn', 'new_customers'],
  ['responsiveness', 1, null, null],
  ['churn', 0, 1, null],
  ['new_customers', 0, -0.5, 1],
];
const MATRIX = { keys: ['responsiveness', 'churn', 'newCustomers'], matrix: [[1, 0, 0], [0, 1, -0.5], [0, -0.5, 1]] };

function scenario(): Scenario {
  const s = defaultScenario();
  s.segments[0].values.churn = 0.12;
  s.settings.horizonYears = 6;
  return s;
}
const planRows = (values: object) => Object.entries(values).map(([k, v]) => [k, v]);

describe('correlated inputs, variance sensitivity and how sure, in the built bundle', () => {
  let bundle: Bundle;
  beforeAll(() => { bundle = loadBundle({ globals: { setTimeout } }); });

  function sheet() {
    const s = scenario();
    const sh = sheetWith(bundle);
    sh.setBlock('A1', ASSUMPTIONS);
    sh.setBlock('D1', planRows(s.baseline.values));
    sh.setBlock('G1', planRows(s.proposed[0].values));
    sh.setBlock('J1', UNCERTAINTY);
    sh.setBlock('P1', CORRELATION);
    return { s, sh };
  }

  it('CEQ.SIMULATE with a correlation range and LHS equals the engine’s correlated run', () => {
    const { s, sh } = sheet();
    sh.set('A20', '=CEQ.SIMULATE(A1:B2, D1:E9, G1:H9, J1:N4, 400, 3, "cumulative_contribution", P1:S4, TRUE())');
    const r = runMonteCarlo(s, TABLE, { trials: 400, seed: 3, latinHypercube: true, correlation: MATRIX, kinds: ['cumulativeDelta'] });
    const facts = Object.fromEntries(sh.range('A28:B49').map(([k, v]) => [k, v]));
    const o = r.plans[0];
    expect(facts).toMatchObject({ trials: 400, p_win_npv: o.pWinNpv, correlation_repaired: false, correlation_largest_change: 0 });
    expect(relClose(facts.equity_delta_p50, o.customerEquityDelta.p50)).toBe(true);
    expect(relClose(facts.p_breakeven_within_tenure_se, o.errors.pBreakevenWithinTenure)).toBe(true);
  });

  it('repairs a matrix that is not positive semi-definite and says by how much', () => {
    const { sh } = sheet();
    sh.setBlock('P10', [['', 'responsiveness', 'churn', 'newCustomers'], ['responsiveness', 1, 0.9, 0.9], ['churn', 0.9, 1, -0.9], ['newCustomers', 0.9, -0.9, 1]]);
    sh.set('A60', '=CEQ.SIMULATE(A1:B2, D1:E9, G1:H9, J1:N4, 300, 3, "contribution", P10:S13)');
    const facts = Object.fromEntries(sh.range('A68:B89').map(([k, v]) => [k, v]));
    expect(facts.correlation_repaired).toBe(true);
    expect(facts.correlation_largest_change).toBeGreaterThan(0.1);
  });

  it('names the cell of a bad matrix and the valid range', () => {
    const { sh } = sheet();
    sh.setBlock('P20', [['', 'responsiveness', 'churn'], ['responsiveness', 1, 1.5], ['churn', 1.5, 1]]);
    sh.set('A90', '=CEQ.SIMULATE(A1:B2, D1:E9, G1:H9, J1:N4, 300, 3, "contribution", P20:R22)');
    expect(String(sh.get('A90'))).toMatch(/#VALUE!/);
    const s = scenario();
    const message = errorMessageOf(bundle, 'SIMULATE', ASSUMPTIONS, planRows(s.baseline.values), planRows(s.proposed[0].values), UNCERTAINTY, 300, 3,
      'contribution', [['', 'responsiveness', 'arpa'], ['responsiveness', 1, 0.2], ['arpa', 0.2, 1]]);
    expect(message).toMatch(/correlation arpa: is not a row of the uncertainty table \(responsiveness, churn, newCustomers\)/);
    const range = errorMessageOf(bundle, 'SIMULATE', ASSUMPTIONS, planRows(s.baseline.values), planRows(s.proposed[0].values), UNCERTAINTY, 300, 3,
      'contribution', [['', 'responsiveness', 'churn'], ['responsiveness', 1, 1.5], ['churn', 1.5, 1]]);
    expect(range).toMatch(/correlation responsiveness × churn.*1\.5.*-1.*1/);
  });

  it('CEQ.SENSITIVITY spills the engine’s rank correlations and variance shares, largest first', () => {
    const { s, sh } = sheet();
    sh.set('A100', '=CEQ.SENSITIVITY(A1:B2, D1:E9, G1:H9, J1:N4, "npv_delta", 600, 5)');
    const v = varianceSensitivity(runMonteCarlo(s, TABLE, { trials: 600, seed: 5, kinds: [] }), 'npvDelta');
    expect(sh.range('A100:D100')[0]).toEqual(['key', 'rank_correlation', 'rank_correlation_se', 'contribution']);
    sh.range('A101:D103').forEach((row, i) => {
      expect(row[0]).toBe(v.rows[i].label);
      expect(relClose(row[1], v.rows[i].rankCorrelation)).toBe(true);
      expect(relClose(row[3], v.rows[i].contribution)).toBe(true);
    });
    expect(sh.get('A104')).toBeNull();
  });

  it('CEQ.SUMMARY with TRUE adds the default table’s chances, with standard errors; without it, fourteen rows', () => {
    const { s, sh } = sheet();
    sh.set('A120', '=CEQ.SUMMARY(A1:B2, D1:E9, G1:H9)');
    expect(sh.get('A134')).toBeNull();
    sh.set('D120', '=CEQ.SUMMARY(A1:B2, D1:E9, G1:H9, , TRUE(), 500, 2)');
    const r = runMonteCarlo(s, defaultUncertaintyRows(s), { trials: 500, seed: 2, kinds: [] });
    const facts = Object.fromEntries(sh.range('D134:E153').map(([k, v]) => [k, v]));
    const o = r.plans[0];
    expect(facts).toMatchObject({ trials: 500, p_win_npv: o.pWinNpv, p_win_equity: o.pWinEquity, p_breakeven_within_tenure: o.pBreakevenWithinTenure });
    expect(relClose(facts.p_win_npv_se, o.errors.pWinNpv)).toBe(true);
    expect(relClose(facts.npv_delta_p10, o.npvDelta.p10)).toBe(true);
    expect(relClose(facts.equity_delta_p90, o.customerEquityDelta.p90)).toBe(true);
    expect(sh.range('D120:E133')).toEqual(sh.range('A120:B133'));
    // A range is read as CEQ.SIMULATE's table.
    sh.set('H120', '=CEQ.SUMMARY(A1:B2, D1:E9, G1:H9, , J1:N4, 500, 2)');
    expect(sh.get('I135')).toBe(runMonteCarlo(s, TABLE, { trials: 500, seed: 2, kinds: [] }).plans[0].pWinNpv);
    const big = callFunction(bundle, 'SUMMARY', [['horizonYears', 30], ['periodsPerYear', 12]], planRows(s.baseline.values), planRows(s.proposed[0].values), null, true, 20000);
    expect(String((big as Error).message)).toMatch(/CEQ.SIMULATE for a long run/);
  });
});

/**
 * The BUILT bundle (dist/functions.js) in a vm sandbox standing in for Excel's runtime, its functions
 * registered in HyperFormula, sheets of formulas with references, ranges and spills: every number
 * equals the engine's to 1e-9 relative.
 */
import {
  CATALOGUE, compare, crossoverPeriod, defaultPlan, defaultScenario, planBehaviour, projectPlan,
  type PlanValues, type Scenario,
} from '../../src/engine';
import { clvConstantRetention } from '../../src/engine/retention/clv';
import { sbgDERL, sbgFit, sbgRetention, sbgSurvival } from '../../src/engine/retention/sbg';
import { distMissing, loadBundle, readMetadata, sheetWith, type Bundle, type Sheet } from './host';
import { PROJECT_COLUMNS, relClose } from './expect';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

const nonPlan = CATALOGUE.filter((s) => s.scope !== 'plan').length;
const rows = CATALOGUE.length + 1;
/** A1-style address of row r (1-based), column c (0-based). */
function at(c: number, r: number): string {
  let letters = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${r}`;
}

function expectProjection(sheet: Sheet, topLeft: { col: number; row: number }, s: Scenario, plan: PlanValues) {
  const p = projectPlan({ ...s, baseline: { name: 'b', values: plan } }, plan);
  const header = sheet.range(`${at(topLeft.col, topLeft.row)}:${at(topLeft.col + 14, topLeft.row)}`)[0];
  expect(header).toEqual(PROJECT_COLUMNS.map((c) => c.name));
  const body = sheet.range(`${at(topLeft.col, topLeft.row + 1)}:${at(topLeft.col + 14, topLeft.row + p.periods)}`);
  body.forEach((row, t) => {
    expect(row[0]).toBe(t + 1);
    PROJECT_COLUMNS.slice(1).forEach((c, j) => expect(relClose(row[j + 1], p.value(c.metric!, t))).toBe(true));
  });
  // The spill ends where the projection ends.
  expect(sheet.get(at(topLeft.col, topLeft.row + p.periods + 1))).toBeNull();
}

describe('the built bundle in a host sandbox', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle();
  });

  it('registers every function in functions.json exactly once, synchronously at load', () => {
    const ids = readMetadata().functions.map((f) => f.id);
    expect([...bundle.functions.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(bundle.associateCalls.get(id)).toBe(1);
  });

  it('loads without CustomFunctions (tests, preview) and registers nothing', () => {
    expect(() => loadBundle({ withoutRuntime: true })).not.toThrow();
  });

  it('a CEQ.DEFAULTS spill fed straight into CEQ.PROJECT gives the engine default projection', () => {
    const sheet = sheetWith(bundle);
    sheet.set('A1', '=CEQ.DEFAULTS()');
    expect(sheet.range('A1:D1')[0]).toEqual(['key', 'default', 'unit', 'meaning']);
    expect(sheet.get(at(0, rows))).toBe(CATALOGUE[CATALOGUE.length - 1].key);
    // Assumptions: header and every non-plan row, unit and meaning columns included; plan: the plan rows.
    sheet.set('F1', `=CEQ.PROJECT(A1:D${nonPlan + 1}, A${nonPlan + 2}:D${rows})`);
    const s = defaultScenario();
    expectProjection(sheet, { col: 5, row: 1 }, s, s.baseline.values);
  });

  it('an edited copy of the defaults, with text numbers, two segments and quarterly periods', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', [['SMB', 'Enterprise']]);
    sheet.set('A3', '=CEQ.DEFAULTS(A1:B1)');
    // "Paste values" of the spill, then edits: SMB churn as text "15%", Enterprise ARPA as "96 000".
    const spill = sheet.range(`A3:E${rows + 2}`) as (string | number | null)[][];
    const edited = spill.map((r) => r.map((c) => c));
    const row = (key: string) => edited.findIndex((r) => r[0] === key);
    edited[row('churn')][1] = '15%';
    edited[row('arpa')][2] = '96 000';
    edited[row('customers')][2] = 40;
    edited[row('newCustomers')][2] = '12';
    edited[row('commissionRenewal')][1] = 0.04;
    sheet.setBlock('H3', edited);
    sheet.set('N3', `=CEQ.PROJECT(H3:L${nonPlan + 3}, H${nonPlan + 4}:L${rows + 2}, 4, 4)`);

    const s = defaultScenario();
    s.settings.horizonYears = 4;
    s.settings.periodsPerYear = 4;
    s.segments = [
      { name: 'SMB', values: { ...s.segments[0].values, churn: 0.15 } },
      { name: 'Enterprise', values: { ...s.segments[0].values, arpa: 96_000, customers: 40, newCustomers: 12 } },
    ];
    expectProjection(sheet, { col: 13, row: 3 }, s, { ...s.baseline.values, commissionRenewal: 0.04 });
  });

  function plans(sheet: Sheet, proposed: Partial<PlanValues>) {
    const base = defaultPlan().values;
    sheet.setBlock('A1', Object.entries(base).map(([k, v]) => [k, v]));
    sheet.setBlock('D1', Object.entries({ ...base, ...proposed }).map(([k, v]) => [k, v]));
    sheet.setBlock('G1', [['churn', 0.12], ['tenureYears', 3]]);
  }

  it('CEQ.COMPARE, CEQ.SUMMARY and CEQ.CROSSOVER over the compare spill match the engine', () => {
    const sheet = sheetWith(bundle);
    const proposed = defaultScenario().proposed[0].values;
    plans(sheet, proposed);
    sheet.set('J1', '=CEQ.COMPARE(G1:H2, A1:B9, D1:E9, "contribution")');
    sheet.set('P1', '=CEQ.SUMMARY(G1:H2, A1:B9, D1:E9)');
    sheet.set('S1', '=CEQ.CROSSOVER(K2:K6, L2:L6, TRUE())'); // HyperFormula spells TRUE as a function

    const s = defaultScenario();
    s.segments[0].values.churn = 0.12;
    s.settings.tenureYears = 3;
    const b = projectPlan(s, s.baseline.values);
    const q = projectPlan(s, proposed);
    const c = compare(b, q, s.settings);
    expect(sheet.range('J1:N1')[0]).toEqual(['period', 'baseline', 'proposed', 'delta', 'cumulative_delta']);
    let cumulative = 0;
    sheet.range('J2:N6').forEach((r, t) => {
      const d = q.value('contribution', t) - b.value('contribution', t);
      cumulative += d;
      expect(r[0]).toBe(t + 1);
      [b.value('contribution', t), q.value('contribution', t), d, cumulative].forEach((v, j) => expect(relClose(r[j + 1], v)).toBe(true));
    });
    const summary = Object.fromEntries(sheet.range('P1:Q12').map(([k, v]) => [k, v]));
    expect(summary.crossover_period).toBe(c.crossoverPeriod ?? 'never');
    expect(summary.breakeven_period).toBe(c.breakevenPeriod ?? 'never');
    expect(relClose(summary.customer_equity_delta, c.customerEquityDelta)).toBe(true);
    expect(relClose(summary.npv_delta, c.npvDelta)).toBe(true);
    expect(relClose(summary.tenure_npv_delta, c.tenureNpvDelta)).toBe(true);
    expect(relClose(summary.final_year_comp_cost_delta, c.finalYearCompCostDelta)).toBe(true);
    expect(sheet.get('S1')).toBe(crossoverPeriod(b.series('contribution'), q.series('contribution'), true));
  });

  it('CEQ.SUMMARY shows a period that never comes as the text "never"', () => {
    const sheet = sheetWith(bundle);
    // Ten times the bonus pool: more service effort and fewer leavers (model version 2), but far less than it costs.
    plans(sheet, { serviceBonusPool: 3_000_000 });
    sheet.set('J1', '=CEQ.SUMMARY(G1:H2, A1:B9, D1:E9)');
    expect(sheet.range('J2:K2')[0]).toEqual(['breakeven_period', 'never']);
    sheet.set('M1', '=CEQ.COMPARE(G1:H2, A1:B9, D1:E9, "contribution")');
    sheet.set('S1', '=CEQ.CROSSOVER(N2:N6, O2:O6, TRUE())'); // HyperFormula spells TRUE as a function
    expect(sheet.get('S1')).toMatchObject({ type: 'NA', message: expect.stringContaining('never') });
  });

  it('CEQ.EFFORT matches planBehaviour with the behaviour defaults', () => {
    const sheet = sheetWith(bundle);
    const proposed = defaultScenario().proposed[0].values;
    plans(sheet, proposed);
    sheet.set('J1', '=CEQ.EFFORT(A1:B9, D1:E9, 1.2)');
    const s = defaultScenario();
    const expected = planBehaviour(proposed, s.baseline.values, { ...s.behaviour, responsiveness: 1.2 }).sales;
    sheet.range('J1:L1')[0].forEach((v, i) => expect(relClose(v, expected[i])).toBe(true));
    expect(sheet.get('M1')).toBeNull();
  });

  it('the scalar functions read cells and match the engine', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', [[1200, 0.85, 0.1, 7, 1], [0.7, 1.9, 3, 0.09, 2], [1_000_000, 140_000, 20_000, 100_000, null]]);
    sheet.setBlock('G1', [[1000], [869], [743], [653], [593], [551], [517], [491]]);
    sheet.set('H1', '=CEQ.CLV(A1, B1, C1)');
    sheet.set('H2', '=CEQ.CLV(A1, B1, C1, D1, E1)');
    sheet.set('H3', '=CEQ.SBG.RETENTION(A2, B2, C2)');
    sheet.set('H4', '=CEQ.SBG.SURVIVAL(A2, B2, C2)');
    sheet.set('H5', '=CEQ.SBG.DERL(A2, B2, D2, E2)');
    sheet.set('H6', '=CEQ.NRR(A3, B3, C3, D3)');
    sheet.set('H7', '=CEQ.GRR(A3, C3, D3)');
    sheet.set('J1', '=CEQ.SBG.FIT(G1:G8)');
    const expected = [
      clvConstantRetention(1200, 0.85, 0.1), clvConstantRetention(1200, 0.85, 0.1, 7, 'afterRenewal'),
      sbgRetention(0.7, 1.9, 3), sbgSurvival(0.7, 1.9, 3), sbgDERL(0.7, 1.9, 0.09, 2), 1.02, 0.88,
    ];
    sheet.range('H1:H7').forEach(([v], i) => expect(relClose(v, expected[i])).toBe(true));
    const fit = sbgFit([1000, 869, 743, 653, 593, 551, 517, 491]);
    sheet.range('J1:L1')[0].forEach((v, i) => expect(relClose(v, [fit.alpha, fit.beta, fit.logLikelihood][i])).toBe(true));
  });

  it('bad cells give #VALUE! naming the key, the value and the range; errors in inputs propagate', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', [['churn', 1.5], ['commissionNew', 0.1]]);
    sheet.set('D1', '=CEQ.PROJECT(A1:B1, A2:B2)');
    expect(sheet.get('D1')).toMatchObject({ type: 'VALUE', message: expect.stringContaining('churn: 1.5 is outside the valid range 0 – 0.95') });
    sheet.set('A5', '=1/0');
    sheet.set('D5', '=CEQ.NRR(A5, 0, 0, 0)');
    expect(sheet.get('D5')).toMatchObject({ type: 'DIV_BY_ZERO' });
  });

  it('speaks Spanish when Office says the display language is Spanish', () => {
    const es = loadBundle({ displayLanguage: 'es-ES' });
    const sheet = sheetWith(es);
    sheet.set('A1', '=CEQ.DEFAULTS()');
    expect(sheet.get('D2')).toBe(CATALOGUE[0].meaning.es);
    sheet.setBlock('F1', [['churn', 1.5]]);
    sheet.set('H1', '=CEQ.PROJECT(F1:G1, F2:G2)');
    expect(sheet.get('H1')).toMatchObject({ type: 'VALUE', message: 'churn: 1,5 está fuera del rango válido 0 – 0,95 (los porcentajes son fracciones: ¿quiso decir 1,5 %?)' });
  });
});

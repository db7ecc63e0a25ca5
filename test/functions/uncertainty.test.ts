/**
 * CEQ.SIMULATE, CEQ.TORNADO and CEQ.OPTIMIZE through the BUILT bundle: registered once, cancelable in
 * the metadata, spills that equal the engine's numbers in a spreadsheet (HyperFormula), long runs that
 * return a Promise and stop when Excel cancels them, and messages that name the row, the value and
 * the range.
 */
import {
  defaultScenario, optimizePlan, runMonteCarlo, tornado, type Scenario, type UncertaintyRow,
} from '../../src/engine';
import { FUNCTIONS_ES } from '../../src/functions/names-es';
import { callFunction, distMissing, errorMessageOf, HostError, loadBundle, readMetadata, sheetWith, type Bundle } from './host';
import { relClose } from './expect';

const missing = distMissing('functions.js', 'functions.json', 'functions-es.json');
if (missing) throw new Error(missing);

const IDS = ['SIMULATE', 'SENSITIVITY', 'TORNADO', 'OPTIMIZE'];
const PINNED: Record<string, string[]> = {
  'SIMULATE': ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'trials?', 'seed?', 'metric?', 'correlation?', 'latin_hypercube?'],
  'SENSITIVITY': ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'metric?', 'trials?', 'seed?', 'correlation?', 'latin_hypercube?'],
  'TORNADO': ['assumptions', 'baseline_plan', 'proposed_plan', 'uncertainty', 'metric?'],
  'OPTIMIZE': ['assumptions', 'baseline_plan', 'bounds', 'objective?', 'budget?'],
};

/** The sheet's inputs: churn 12 % and a 6-year horizon, the default plans, a three-row uncertainty table. */
const ASSUMPTIONS = [['churn', '12%'], ['horizonYears', 6]];
const UNCERTAINTY = [
  ['key', 'distribution', 'p1', 'p2', 'p3'],
  ['responsiveness', 'PERT', 0.2, 0.6, 1.4],
  ['churn', 'normal', '12%', '2%', null],
  ['misSoldChurn', 'uniform', 0.4, 0.7, null],
];
const TABLE: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.4 } },
  { key: 'churn', distribution: { kind: 'normal', mean: 0.12, sd: 0.02 } },
  { key: 'misSoldChurn', distribution: { kind: 'uniform', min: 0.4, max: 0.7 } },
];

function scenario(): Scenario {
  const s = defaultScenario();
  s.segments[0].values.churn = 0.12;
  s.settings.horizonYears = 6;
  return s;
}

const planRows = (values: object) => Object.entries(values).map(([k, v]) => [k, v]);

describe('the uncertainty functions in the built bundle', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle({ globals: { setTimeout } });
  });

  it('are registered once each, cancelable, with the pinned parameters and Spanish names', () => {
    const meta = readMetadata().functions;
    const es = readMetadata('functions-es.json').functions;
    for (const id of IDS) {
      expect(bundle.associateCalls.get(id)).toBe(1);
      const f = meta.find((x) => x.id === id)!;
      expect(f.parameters.map((p) => p.name + (p.optional ? '?' : ''))).toEqual(PINNED[id]);
      expect(f.options).toEqual({ cancelable: true });
      expect(f.result.dimensionality).toBe('matrix');
      expect(es.find((x) => x.id === id)!.name).toBe(FUNCTIONS_ES[id].name);
    }
    expect(IDS.map((id) => FUNCTIONS_ES[id].name)).toEqual(['SIMULAR', 'VARIANZA', 'SENSIBILIDAD', 'OPTIMIZAR']);
  });

  it('CEQ.SIMULATE spills per-period bands and win probabilities equal to the engine\'s, the same for the same seed', () => {
    const sheet = sheetWith(bundle);
    const s = scenario();
    sheet.setBlock('A1', ASSUMPTIONS);
    sheet.setBlock('D1', planRows(s.baseline.values));
    sheet.setBlock('G1', planRows(s.proposed[0].values));
    sheet.setBlock('J1', UNCERTAINTY);
    sheet.set('A20', '=CEQ.SIMULATE(A1:B2, D1:E9, G1:H9, J1:N4, 500, 7)');
    sheet.set('L20', '=CEQ.SIMULATE(A1:B2, D1:E9, G1:H9, J1:N4, 500, 7)');
    sheet.set('A60', '=CEQ.SIMULATE(A1:B2, D1:E9, G1:H9, J1:N4, 500, 8, "revenue")');
    const r = runMonteCarlo(s, TABLE, { trials: 500, seed: 7, kinds: ['cumulativeDelta'] });
    expect(sheet.range('A20:I20')[0]).toEqual(['period', 'mean', 'sd', 'p5', 'p10', 'p50', 'p90', 'p95', 'mean_se']);
    const bands = r.series[0].bands;
    sheet.range('A21:I26').forEach((row, t) => {
      expect(row[0]).toBe(t + 1);
      (['mean', 'sd', 'p5', 'p10', 'p50', 'p90', 'p95'] as const).forEach((k, j) => expect(relClose(row[j + 1], bands[k][t])).toBe(true));
      expect(relClose(row[8], bands.sd[t] / Math.sqrt(500))).toBe(true);
    });
    expect(sheet.get('A27')).toBe('');
    const facts = Object.fromEntries(sheet.range('A28:B47').map(([k, v]) => [k, v]));
    const o = r.plans[0];
    expect(facts).toMatchObject({ trials: 500, p_win_npv: o.pWinNpv, p_win_equity: o.pWinEquity, p_breakeven_within_tenure: o.pBreakevenWithinTenure,
      redrawn_trials: r.redrawn });
    expect(relClose(facts.npv_delta_p50, o.npvDelta.p50)).toBe(true);
    expect(relClose(facts.equity_delta_p10, o.customerEquityDelta.p10)).toBe(true);
    // Every mean and probability is followed by its Monte Carlo standard error.
    expect(relClose(facts.p_win_npv_se, o.errors.pWinNpv)).toBe(true);
    expect(relClose(facts.npv_delta_mean_se, o.npvDelta.sd / Math.sqrt(500))).toBe(true);
    expect(relClose(facts.equity_delta_mean_se, o.customerEquityDelta.sd / Math.sqrt(500))).toBe(true);
    expect(sheet.get('A48')).toBeNull(); // the spill ends there
    expect(sheet.range('L20:T47')).toEqual(sheet.range('A20:I47')); // not volatile: same seed, same cells
    expect(sheet.range('B61:B66')).not.toEqual(sheet.range('B21:B26'));
  });

  it('CEQ.TORNADO spills the engine\'s tornado, largest swing first', () => {
    const sheet = sheetWith(bundle);
    const s = scenario();
    sheet.setBlock('A1', ASSUMPTIONS);
    sheet.setBlock('D1', planRows(s.baseline.values));
    sheet.setBlock('G1', planRows(s.proposed[0].values));
    sheet.setBlock('J1', UNCERTAINTY);
    sheet.set('A20', '=CEQ.TORNADO(A1:B2, D1:E9, G1:H9, J1:N4, "npv_delta")');
    const t = tornado(s, TABLE, { output: 'npvDelta' });
    expect(sheet.range('A20:F20')[0]).toEqual(['key', 'low_input', 'high_input', 'output_low', 'output_high', 'swing']);
    const rows = sheet.range(`A21:F${20 + t.rows.length}`);
    rows.forEach((row, i) => {
      const want = t.rows[i];
      expect(row[0]).toBe(want.label);
      [want.low, want.high, want.outputLow, want.outputHigh, want.swing].forEach((v, j) => expect(relClose(row[j + 1], v)).toBe(true));
    });
    expect(sheet.get(`A${21 + t.rows.length}`)).toBeNull();
    sheet.set('H20', '=CEQ.TORNADO(A1:B2, D1:E9, G1:H9, Z1)'); // a blank table: the usual keys at ±20 %
    expect(sheet.get('H21')).toBe(tornado(s, []).rows[0].label);
  });

  it('CEQ.OPTIMIZE spills the engine\'s optimum; its first nine rows are a plan CEQ.SUMMARY reads', () => {
    const sheet = sheetWith(bundle);
    const s = scenario();
    sheet.setBlock('A1', ASSUMPTIONS);
    sheet.setBlock('D1', planRows(s.baseline.values));
    sheet.setBlock('G1', [['key', 'min', 'max'], ['commissionNew', '4%', '14%'], ['commissionRenewal', 0.01, 0.08], ['clawback', null, 0.7]]);
    sheet.set('A20', '=CEQ.OPTIMIZE(A1:B2, D1:E9, G1:I4)');
    const r = optimizePlan(s, { bounds: { commissionNew: { min: 0.04, max: 0.14 }, commissionRenewal: { min: 0.01, max: 0.08 }, clawback: { min: 0, max: 0.7 } } });
    const rows = sheet.range('A20:C37');
    const got = Object.fromEntries(rows.map(([k, v]) => [k, v]));
    for (const [key, value] of Object.entries(r.plan)) expect(relClose(got[key], value)).toBe(true);
    expect(got).toMatchObject({ objective: 'customer_equity', budget: 'year1_comp_cost', evaluations: r.evaluations });
    expect(relClose(got.objective_value, r.value)).toBe(true);
    const marks = Object.fromEntries(rows.filter((x) => x[2]).map(([k, , m]) => [k, m]));
    expect(marks).toEqual({ ...Object.fromEntries(r.binding.map((b) => [b.key, b.at])), ...(r.budget!.binding ? { budget_used: 'binding' } : {}) });
    sheet.set('E20', '=CEQ.SUMMARY(A1:B2, D1:E9, A20:C28)');
    const summary = Object.fromEntries(sheet.range('E20:F31').map(([k, v]) => [k, v]));
    expect(relClose(summary.customer_equity_delta, r.comparison.customerEquityDelta)).toBe(true);
  });

  // Model version 2's projection takes about twice version 1's time; on a busy 2-core machine the 30,000 trials need more than jest's 5 s.
  it('runs a long simulation in slices, as a Promise, with the same numbers as the engine', async () => {
    const s = scenario();
    const args = [ASSUMPTIONS, planRows(s.baseline.values), planRows(s.proposed[0].values), UNCERTAINTY, 30_000, 3, 'contribution'];
    const result = callFunction(bundle, 'SIMULATE', ...args);
    expect(typeof (result as Promise<unknown>).then).toBe('function'); // a Promise of the sandbox's realm
    const rows = (await result) as unknown[][];
    const r = runMonteCarlo(s, TABLE, { trials: 30_000, seed: 3, kinds: ['delta'] });
    expect(relClose(rows[6][5], r.series[0].bands.p50[5])).toBe(true);
    expect(rows[11]).toEqual(['p_win_equity', r.plans[0].pWinEquity, '', '', '', '', '', '', '']);
  });

  it('stops a long run promptly when Excel cancels it', async () => {
    let pauses = 0;
    let firstPause!: () => void;
    const running = new Promise<void>((resolve) => { firstPause = resolve; });
    const counting = (f: () => void) => { pauses++; firstPause(); return setTimeout(f, 0); };
    const b = loadBundle({ globals: { setTimeout: counting } });
    const s = scenario();
    const invocation: { onCanceled?: () => void } = {};
    const run = callFunction(b, 'SIMULATE', ASSUMPTIONS, planRows(s.baseline.values), planRows(s.proposed[0].values), UNCERTAINTY,
      100_000, 1, null, null, null, invocation) as Promise<unknown>;
    expect(typeof invocation.onCanceled).toBe('function');
    await running; // the run has yielded once: it is under way (an event, not a clock)
    invocation.onCanceled!();
    const before = pauses;
    const error = await run.then(() => undefined, (e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toBe('the calculation was cancelled');
    expect(pauses - before).toBeLessThanOrEqual(1); // at most the slice under way finishes
  });
});

describe('messages', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle({ globals: { setTimeout } });
  });
  const plan = [['commissionNew', 0.1]];
  const messageOf = (id: string, ...args: unknown[]) => errorMessageOf(bundle, id, ...args);

  it.each([
    ['an unknown key', ['SIMULATE', [[null]], plan, plan, [['chrun', 'normal', 0.1, 0.02]]], ['#VALUE!', 'unknown key "chrun"; did you mean "churn"?']],
    ['an unknown distribution', ['SIMULATE', [[null]], plan, plan, [['churn', 'beta', 0.1, 0.02]]], ['churn: beta is not allowed; use one of triangular, pert, uniform, normal, lognormal']],
    ['a missing parameter', ['SIMULATE', [[null]], plan, plan, [['churn', 'triangular', 0.05, 0.1]]], ['churn.max is required (triangular: min, mode, max)']],
    ['a third parameter for a normal', ['SIMULATE', [[null]], plan, plan, [['churn', 'normal', 0.1, 0.02, 0.3]]], ['churn: normal takes 2 parameters (mean, sd); leave p3 blank']],
    ['a distribution outside the valid range', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 5, 15]]], ['churn: uniform: [5, 15] ∩ [0, 0.95] = ∅']],
    ['a plan key', ['SIMULATE', [[null]], plan, plan, [['clawback', 'uniform', 0, 1]]], ['clawback: cannot carry a distribution']],
    ['an unknown segment', ['SIMULATE', [['key', 'SMB'], ['churn', 0.1]], plan, plan, [['SBM.churn', 'uniform', 0.07, 0.12]]], ['unknown key "SBM"; did you mean "SMB"?']],
    ['too many trials', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 0.07, 0.12]], 100_001], ['trials: 100001 is outside the valid range 1 – 100000']],
    ['too much work', ['SIMULATE', [['horizonYears', 30], ['periodsPerYear', 12]], plan, plan, [['churn', 'uniform', 0.07, 0.12]], 100_000], ['is too large; the limit is 60000000']],
    ['an empty table', ['SIMULATE', [[null]], plan, plan, [[null]]], ['uncertainty: no data']],
    ['a running total of a stock', ['SIMULATE', [[null]], plan, plan, [['churn', 'uniform', 0.07, 0.12]], 10, 1, 'cumulative_arr'], ['metric', 'a running total needs a flow']],
    ['a bad plan value', ['TORNADO', [[null]], plan, [['commissionNew', 2]], [[null]]], ['proposed_plan.commissionNew: 2 is outside the valid range 0 – 1']],
    ['an unknown output', ['TORNADO', [[null]], plan, plan, [[null]], 'npv'], ['metric: npv is not allowed; use one of customer_equity_delta, npv_delta']],
    ['a bound on a key that is not a rate', ['OPTIMIZE', [[null]], plan, [['churn', 0, 1]]], ['bounds: churn is not allowed; use one of commissionNew']],
    ['a bound out of range', ['OPTIMIZE', [[null]], plan, [['clawback', 0, 1.5]]], ['bounds.clawback.max: 1.5 is outside the valid range 0 – 1']],
    ['min above max', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0.2, 0.1]]], ['bounds.commissionNew: min 0.2 > max 0.1']],
    ['an unknown objective', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0, 0.2]], 'profit'], ['objective: profit is not allowed; use one of customer_equity, npv, final_year_arr']],
    ['an unknown budget', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0, 0.2]], null, [['cheap']]], ['budget: cheap is not allowed; use one of none, year1_comp_cost, comp_cost_share']],
    ['a budget nobody can meet', ['OPTIMIZE', [[null]], plan, [['commissionNew', 0.09, 0.1]], null, 1000], ['budget: 1000 cannot be met within the bounds; the lowest reachable is']],
  ])('%s', (_, [id, ...args], parts) => {
    const message = messageOf(id as string, ...args);
    for (const part of parts as string[]) expect(message).toContain(part);
  });

  it('speaks Spanish when Office does', () => {
    const es = loadBundle({ displayLanguage: 'es-ES' });
    const r = callFunction(es, 'SIMULATE', [[null]], plan, plan, [['clawback', 'uniform', 0, 1]]) as HostError;
    expect(r.message).toContain('clawback: no puede llevar una distribución');
  });
});

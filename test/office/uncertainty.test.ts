/**
 * "Insert into workbook" for the Uncertainty tab's results (src/office/uncertainty.ts over
 * src/workbook/uncertainty-sheet.ts) against the in-memory Excel of fake-excel.ts: every figure on the
 * sheet is the engine's, the sheet is marked and updated in place (our old cells and charts go, the
 * user's stay), the tornado is drawn as horizontal bars, and the labels and sheet name follow the language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  budgetValue, histogram, objectiveValue, shareError, optimizePlan, projectPlan, runMonteCarlo, scenarioFromJson, tornado,
  type Scenario, type ScenarioJson, type UncertaintyRow,
} from '../../src/engine';
import { insertUncertainty } from '../../src/office/uncertainty';
import { MARK_KEY } from '../../src/office/sheet-plan';
import { HISTOGRAM_BINS, type OptimumSummary, type UncertaintyReport } from '../../src/workbook';
import { FakeBook, FakeSheet, installFakeExcel } from './fake-excel';

const example = (): Scenario => scenarioFromJson(JSON.parse(readFileSync(join(__dirname, '../../examples/mid-market-saas.json'), 'utf8')) as ScenarioJson);
const ROWS: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.2 } },
  { key: 'churn', segment: 'SMB', distribution: { kind: 'triangular', min: 0.14, mode: 0.18, max: 0.24 } },
];

function report(o: { mc?: boolean; tornado?: boolean; optimum?: boolean } = { mc: true, tornado: true, optimum: true }): UncertaintyReport {
  const s = example();
  let optimum: OptimumSummary | undefined;
  if (o.optimum) {
    const current = s.proposed[0].values;
    const { projection: _p, ...rest } = optimizePlan(s, { bounds: { commissionRenewal: { min: 0.01, max: 0.06 }, clawback: { min: 0, max: 0.5 } }, start: current });
    const p = projectPlan(s, current);
    optimum = { ...rest, current, currentValue: objectiveValue(p, s, rest.objective), currentBudgetUsed: budgetValue(p, 'year1CompCost') };
  }
  return {
    scenarioName: s.name, baselineName: s.baseline.name, planName: s.proposed[0].name, planIndex: 0, periodsPerYear: 1,
    monteCarlo: o.mc ? runMonteCarlo(s, ROWS, { trials: 300, seed: 9, metrics: ['contribution'], kinds: ['delta', 'cumulativeDelta'] }) : undefined,
    tornado: o.tornado ? tornado(s, ROWS) : undefined,
    optimum,
  };
}

/** The row whose column A reads `label`, and the values to its right. */
function rowOf(sheet: FakeSheet, label: string): { row: number; values: unknown[] } {
  for (let r = 0; r < 500; r++) {
    if (sheet.get(r, 0) === label) return { row: r, values: Array.from({ length: 8 }, (_, c) => sheet.get(r, c + 1)) };
  }
  throw new Error(`no row "${label}"`);
}

describe('Insert the uncertainty results (Office adapter against a mocked Excel)', () => {
  let book: FakeBook;
  beforeEach(() => {
    book = new FakeBook();
    installFakeExcel(book);
  });

  it('writes the engine\'s figures, the per-period statistics, histogram, years, tornado and optimum, with native charts', async () => {
    const r = report();
    const name = await insertUncertainty(r);
    expect(name).toBe('CEQ Uncertainty');
    const sheet = book.sheet(name)!;
    expect(sheet.props.get(MARK_KEY)).toBe('uncertainty');
    expect(book.active).toBe(name);
    const plan = r.monteCarlo!.plans[0];
    expect(rowOf(sheet, 'Trials').values[0]).toBe(300);
    expect(rowOf(sheet, 'Probability of a win: NPV of the change > 0').values[0]).toBe(plan.pWinNpv);
    expect(rowOf(sheet, 'Probability of a win: customer equity change > 0').values[0]).toBe(plan.pWinEquity);
    expect(rowOf(sheet, 'Probability of break-even within tenure').values[0]).toBe(plan.pBreakevenWithinTenure);
    expect(rowOf(sheet, 'NPV of the change').values.slice(0, 7)).toEqual(['mean', 'sd', 'p5', 'p10', 'p50', 'p90', 'p95'].map((k) => plan.npvDelta[k as 'mean']));
    // The fan chart's data: mean, sd, P5 … P95 of the cumulative contribution delta per period.
    const bands = r.monteCarlo!.series.find((x) => x.kind === 'cumulativeDelta')!.bands;
    for (let t = 0; t < 10; t++) {
      expect(rowOf(sheet, `Y${t + 1}`).values.slice(0, 7)).toEqual([bands.mean[t], bands.sd[t], bands.p5[t], bands.p10[t], bands.p50[t], bands.p90[t], bands.p95[t]]);
    }
    // The histogram: the engine's bins, every trial counted once.
    const h = histogram(plan.trials.npvDelta, HISTOGRAM_BINS);
    const head = rowOf(sheet, 'From').row;
    const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => [sheet.get(head + 1 + i, 0), sheet.get(head + 1 + i, 2)]);
    expect(bins).toEqual(h.counts.map((n, i) => [h.edges[i], n]));
    // Crossover and break-even years, the last row "never".
    const never = rowOf(sheet, 'never');
    expect(never.values.slice(0, 2)).toEqual([plan.crossover.never / 300, plan.breakeven.never / 300]);
    // The tornado rows in the engine's order, with the catalogue's names.
    const t = r.tornado!;
    const first = rowOf(sheet, 'Assumption').row + 1;
    expect(t.rows.map((_, i) => sheet.get(first + i, 6))).toEqual(t.rows.map((x) => x.swing));
    expect(sheet.get(first + t.rows.findIndex((x) => x.label === 'SMB.churn'), 0)).toBe('Logo churn — SMB');
    expect(sheet.get(first + t.rows.findIndex((x) => x.label === 'responsiveness'), 0)).toBe('Responsiveness to pay');
    expect(sheet.get(first + t.rows.findIndex((x) => x.label === 'responsiveness'), 1)).toBe('P10–P90');
    expect(sheet.get(first + t.rows.findIndex((x) => x.label === 'discountRate'), 1)).toBe('±20 %');
    // The optimum beside the current plan, with what binds.
    const o = r.optimum!;
    expect(rowOf(sheet, 'Commission on renewed ARR').values.slice(0, 2)).toEqual([o.current.commissionRenewal, o.plan.commissionRenewal]);
    expect(rowOf(sheet, 'Objective: customer equity').values.slice(0, 2)).toEqual([o.currentValue, o.value]);
    expect(rowOf(sheet, 'Budget: year-1 compensation cost').values.slice(1, 3)).toEqual([o.budget!.used, o.budget!.binding ? 'binds' : 'does not bind']);
    // Charts: fan (line), histogram and years (columns), tornado (horizontal bars).
    expect(sheet.charts.map((c) => [c.name, c.type])).toEqual([
      ['CEQ_chart_uncertaintyFan', 'Line'], ['CEQ_chart_uncertaintyHistogram', 'ColumnClustered'], ['CEQ_chart_uncertaintyYears', 'ColumnClustered'],
      ['CEQ_chart_uncertaintyTornado', 'BarClustered'],
    ]);
    expect(sheet.charts[0].series).toEqual(['P10', 'P50', 'P90']);
    expect(sheet.charts[3].series).toEqual(['Output at low', 'Output at high']);
  });

  it('writes the standard error of every mean and probability beside it, as values', async () => {
    const r = report({ mc: true });
    const sheet = book.sheet(await insertUncertainty(r))!;
    const mc = r.monteCarlo!;
    const plan = mc.plans[0];
    const e = plan.errors;
    const header = rowOf(sheet, 'Trials').row - 1;
    expect([sheet.get(header, 1), sheet.get(header, 2)]).toEqual(['Value', 'Std. error']);
    expect(rowOf(sheet, 'Probability of a win: NPV of the change > 0').values.slice(0, 2)).toEqual([plan.pWinNpv, e.pWinNpv]);
    expect(rowOf(sheet, 'Probability of a win: customer equity change > 0').values.slice(0, 2)).toEqual([plan.pWinEquity, e.pWinEquity]);
    expect(rowOf(sheet, 'Probability of break-even within tenure').values.slice(0, 2)).toEqual([plan.pBreakevenWithinTenure, e.pBreakevenWithinTenure]);
    // Each outcome's mean, then its spread, then the standard error of the mean (column I).
    const statistic = rowOf(sheet, 'Statistic');
    expect(statistic.values[7]).toBe('Std. error of the mean');
    expect(rowOf(sheet, 'NPV of the change').values[7]).toBe(e.npvDeltaMean);
    expect(rowOf(sheet, 'Customer equity change').values[7]).toBe(e.customerEquityDeltaMean);
    expect(rowOf(sheet, 'NPV inside tenure').values[0]).toBe(plan.tenureNpvDelta.mean);
    expect(rowOf(sheet, 'NPV inside tenure').values[7]).toBe(e.tenureNpvDeltaMean);
    expect(rowOf(sheet, 'Short-term sacrifice').values[7]).toBe(e.shortTermSacrificeMean);
    // The errors are those of the trials: the mean's is sd / √n (within rounding), a share's √(p(1 − p)/n).
    const sd = Math.sqrt(plan.trials.npvDelta.reduce((a, v) => a + (v - plan.npvDelta.mean) ** 2, 0) / (mc.trials - 1));
    expect(e.npvDeltaMean).toBeCloseTo(sd / Math.sqrt(mc.trials), 6);
    // Per period, the mean's standard error; per histogram bin and per year, the share's.
    const bands = mc.series.find((x) => x.kind === 'cumulativeDelta')!.bands;
    expect(rowOf(sheet, 'Y3').values[7]).toBeCloseTo(bands.sd[2] / Math.sqrt(300), 9);
    const head = rowOf(sheet, 'From').row;
    expect(sheet.get(head, 4)).toBe('Std. error of the share');
    const h = histogram(plan.trials.npvDelta, HISTOGRAM_BINS);
    h.counts.forEach((count, i) => expect(sheet.get(head + 1 + i, 4)).toBe(shareError(count / 300, 300)));
    const never = rowOf(sheet, 'never');
    expect(never.values.slice(2, 4)).toEqual([shareError(plan.crossover.never / 300, 300), shareError(plan.breakeven.never / 300, 300)]);
    // No correlation asked: the sheet says the draws were independent.
    expect(rowOf(sheet, 'Rank correlations: none (every assumption drawn independently)')).toBeTruthy();
  });

  it('writes the rank-correlation matrix used, and when it was repaired the change and the matrix requested', async () => {
    const s = example();
    const rows: UncertaintyRow[] = [...ROWS, { key: 'discountRate', distribution: { kind: 'triangular', min: 0.08, mode: 0.1, max: 0.13 } }];
    const keys = ['responsiveness', 'SMB.churn', 'discountRate'];
    const run = (matrix: number[][]) => runMonteCarlo(s, rows, { trials: 200, seed: 3, metrics: ['contribution'], kinds: ['cumulativeDelta'], correlation: { keys, matrix } });
    const base = { scenarioName: s.name, baselineName: s.baseline.name, planName: s.proposed[0].name, planIndex: 0, periodsPerYear: 1 };
    const names = ['Responsiveness to pay', 'Logo churn — SMB', 'Discount rate'];
    const matrixAt = (sheet: FakeSheet, title: string) => {
      const at = rowOf(sheet, title).row;
      expect([1, 2, 3].map((c) => sheet.get(at + 1, c))).toEqual(names);
      return [0, 1, 2].map((i) => {
        expect(sheet.get(at + 2 + i, 0)).toBe(names[i]);
        return [1, 2, 3].map((c) => sheet.get(at + 2 + i, c));
      });
    };

    const valid = [[1, 0.5, 0], [0.5, 1, -0.3], [0, -0.3, 1]];
    let sheet = book.sheet(await insertUncertainty({ ...base, monteCarlo: run(valid) }))!;
    expect(matrixAt(sheet, 'Rank correlations used')).toEqual(valid);
    expect(rowOf(sheet, 'Repaired to the nearest valid matrix').values[0]).toBe('no');
    expect(() => rowOf(sheet, 'Rank correlations requested (before the repair)')).toThrow();

    // Not positive semi-definite: the repaired matrix is the one used, and the sheet says by how much.
    const broken = [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]];
    const mc = run(broken);
    expect(mc.correlation!.repaired).toBe(true);
    sheet = book.sheet(await insertUncertainty({ ...base, monteCarlo: mc }))!;
    expect(matrixAt(sheet, 'Rank correlations used')).toEqual(mc.correlation!.used);
    expect(mc.correlation!.used[0][1]).not.toBe(0.9);
    expect(rowOf(sheet, 'Repaired to the nearest valid matrix').values[0]).toBe('yes');
    expect(rowOf(sheet, 'Largest change made by the repair').values[0]).toBe(mc.correlation!.largestChange);
    expect(matrixAt(sheet, 'Rank correlations requested (before the repair)')).toEqual(broken);

    // In Spanish.
    sheet = book.sheet(await insertUncertainty({ ...base, monteCarlo: mc }, { lang: 'es' }))!;
    expect(rowOf(sheet, 'Reparada a la matriz válida más cercana').values[0]).toBe('sí');
    expect(rowOf(sheet, 'Probabilidad de ganar: VAN del cambio > 0').values[1]).toBe(mc.plans[0].errors.pWinNpv);
  });

  it('inserting again updates the sheet in place: our old cells and charts go, the user\'s note stays', async () => {
    await insertUncertainty(report());
    const sheet = book.sheet('CEQ Uncertainty')!;
    sheet.set(2, 12, 'my note');
    await insertUncertainty(report({ tornado: true }));
    expect(book.sheets.map((s) => s.name)).toEqual(['CEQ Uncertainty']);
    expect(sheet.get(2, 12)).toBe('my note');
    expect(() => rowOf(sheet, 'Trials')).toThrow();
    expect(sheet.get(rowOf(sheet, 'Assumption').row + 1, 0)).toBe('Responsiveness to pay');
    expect(tornado(example(), ROWS).rows[0].label).toBe('responsiveness');
    expect(sheet.charts.map((c) => c.name)).toEqual(['CEQ_chart_uncertaintyTornado']);
  });

  it('speaks Spanish, and leaves a user\'s own sheet of the same name alone', async () => {
    book.sheets.push(new FakeSheet('CEQ Incertidumbre'));
    book.sheet('CEQ Incertidumbre')!.set(0, 0, 'mine');
    const name = await insertUncertainty(report({ mc: true }), { lang: 'es' });
    expect(name).toBe('CEQ Incertidumbre (2)');
    const sheet = book.sheet(name)!;
    expect(book.sheet('CEQ Incertidumbre')!.get(0, 0)).toBe('mine');
    expect(sheet.get(0, 0)).toBe('Customer Equity Planner: incertidumbre');
    expect(rowOf(sheet, 'Ensayos').values[0]).toBe(300);
    expect(rowOf(sheet, 'nunca')).toBeTruthy();
    expect(rowOf(sheet, 'A3')).toBeTruthy();
    expect(sheet.charts.map((c) => c.title)).toEqual(['Delta de contribución acumulada: P10, P50, P90', 'VAN del cambio: ensayos por tramo', 'Año de cruce y de equilibrio']);
  });
});

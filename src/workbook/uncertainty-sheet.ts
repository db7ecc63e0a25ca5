/**
 * The task pane's uncertainty results as a sheet (values, not formulas: they come from thousands of
 * trials): the simulation's headline probabilities, the statistics of the cumulative contribution
 * delta per period (the fan chart's data), the histogram of the NPV delta, the crossover and
 * break-even years (with "never"), each mean and probability with its Monte Carlo standard error, the
 * rank-correlation matrix the draws were given (and whether it was repaired), the tornado rows and the optimum beside the current plan. Each
 * block is written when its result exists; the native charts are described here and drawn by
 * src/office/uncertainty.ts (the tornado as horizontal bars).
 */
import { DECISION_KEYS, findSpec, type Language } from '../engine';
import { rangeAddress } from './a1';
import { FORMAT, UNIT_FORMAT } from './labels';
import { SheetBuilder } from './sheet-builder';
import type { ChartSpec, SheetKey, SheetSpec } from './types';
import { assumptionName, labelsIn, type Key } from './uncertainty-labels';
import type { UncertaintyReport } from './uncertainty-report';
import { writeSimulation } from './uncertainty-simulation';

export type { OptimumSummary, UncertaintyReport } from './uncertainty-report';

/** The sheet's mark (worksheet custom property CEQ.sheet), so inserting again updates it in place. */
export const UNCERTAINTY_SHEET_KEY: SheetKey = 'uncertainty';
export const HISTOGRAM_BINS = 20;
export { assumptionName };

function keyOf(label: string): string {
  return label.slice(label.lastIndexOf('.') + 1);
}

const CHART_COL = 9;
const abs = { absRow: true, absCol: true };

/** The sheet for `report`; `sheetName` is where it goes (ours, or a free name). */
export function buildUncertaintySheet(report: UncertaintyReport, sheetName: string, lang: Language, bins = HISTOGRAM_BINS): SheetSpec {
  const sh = new SheetBuilder(UNCERTAINTY_SHEET_KEY, sheetName);
  const tr = labelsIn(lang);
  sh.set(0, 0, tr('title'), { style: 'title' });
  sh.set(1, 0, report.scenarioName, { style: 'subtitle' });
  sh.set(2, 0, tr('note'), { style: 'note' });
  let row = 4;
  /** Charts stack to the right of the tables, each 15 rows high. */
  let chartRow = 4;
  const chart = (c: Omit<ChartSpec, 'at' | 'size'>) => {
    sh.charts.push({ ...c, at: { row: chartRow, col: CHART_COL }, size: { rows: 15, cols: 8 } });
    chartRow += 16;
  };

  row = writeSimulation(sh, report, lang, bins, row, chart);

  const tornado = report.tornado;
  if (tornado) {
    sh.set(row++, 0, tr('tornado', { output: tr(tornado.output as Key) }), { style: 'subtitle' });
    sh.set(row, 0, tr('base'), { style: 'label' });
    sh.set(row++, 1, tornado.base, { style: 'output', format: FORMAT.money });
    (['assumption', 'source', 'lowInput', 'highInput', 'outLow', 'outHigh', 'swing'] as const).forEach((k, j) => sh.set(row, j, tr(k), { style: 'header' }));
    const tFirst = row + 1;
    tornado.rows.forEach((r, i) => {
      const spec = findSpec(keyOf(r.label));
      const unit = spec ? UNIT_FORMAT[spec.unit] : undefined;
      const at = tFirst + i;
      sh.set(at, 0, assumptionName(r.label, lang), { style: 'label' });
      sh.set(at, 1, r.source === 'distribution' ? 'P10–P90' : '±20 %');
      sh.set(at, 2, r.low, { format: unit });
      sh.set(at, 3, r.high, { format: unit });
      sh.set(at, 4, r.outputLow, { format: FORMAT.money });
      sh.set(at, 5, r.outputHigh, { format: FORMAT.money });
      sh.set(at, 6, r.swing, { format: FORMAT.money });
    });
    if (tornado.rows.length) {
      const tLast = tFirst + tornado.rows.length - 1;
      chart({ id: 'uncertaintyTornado', type: 'bar', title: tr('tornadoChart'), categories: rangeAddress(tFirst, 0, tLast, 0, abs),
        series: [
          { name: tr('outLow'), values: rangeAddress(tFirst, 4, tLast, 4, abs) },
          { name: tr('outHigh'), values: rangeAddress(tFirst, 5, tLast, 5, abs) },
        ] });
    }
    row = tFirst + tornado.rows.length + 1;
  }

  const o = report.optimum;
  if (o) {
    const objectiveName = tr(o.objective === 'npv' ? 'npvObjective' : o.objective);
    sh.set(row++, 0, tr('optimum', { objective: objectiveName }), { style: 'subtitle' });
    sh.set(row, 0, tr('rate'), { style: 'header' });
    sh.set(row, 1, tr('current', { plan: report.planName }), { style: 'header' });
    sh.set(row, 2, tr('best'), { style: 'header' });
    sh.set(row, 3, tr('bound'), { style: 'header' });
    row++;
    for (const key of DECISION_KEYS) {
      const spec = findSpec(key)!;
      const binding = o.binding.find((b) => b.key === key);
      sh.set(row, 0, spec.label[lang], { style: 'label' });
      sh.set(row, 1, o.current[key], { format: UNIT_FORMAT[spec.unit] });
      sh.set(row, 2, o.plan[key], { style: 'output', format: UNIT_FORMAT[spec.unit] });
      if (binding) sh.set(row, 3, tr(binding.at));
      row++;
    }
    const money = o.objective === 'finalYearArr' || o.objective === 'npv' || o.objective === 'customerEquity' ? FORMAT.money : undefined;
    sh.set(row, 0, `${tr('objective')}: ${objectiveName}`, { style: 'label' });
    sh.set(row, 1, o.currentValue, { format: money });
    sh.set(row++, 2, o.value, { style: 'output', format: money });
    sh.set(row, 0, tr('baselineValue'), { style: 'label' });
    sh.set(row++, 1, o.baselineValue, { format: money });
    if (o.budget) {
      const format = o.budget.kind === 'compCostShare' ? '0.00%' : FORMAT.money;
      sh.set(row, 0, tr('budget', { kind: tr(o.budget.kind) }), { style: 'label' });
      if (o.currentBudgetUsed !== undefined) sh.set(row, 1, o.currentBudgetUsed, { format });
      sh.set(row, 2, o.budget.used, { style: 'output', format });
      sh.set(row++, 3, tr(o.budget.binding ? 'binds' : 'slack'));
      sh.set(row, 0, tr('limit'), { style: 'label' });
      sh.set(row++, 2, o.budget.limit, { format });
    }
  }

  sh.width(0, 34);
  for (let c = 1; c < 8; c++) sh.width(c, 14);
  return sh.build();
}

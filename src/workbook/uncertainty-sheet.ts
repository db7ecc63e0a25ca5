/**
 * The task pane's uncertainty results as a sheet (values, not formulas: they come from thousands of
 * trials): the simulation's headline probabilities, the statistics of the cumulative contribution
 * delta per period (the fan chart's data), the histogram of the NPV delta, the crossover and
 * break-even years (with "never"), the tornado rows and the optimum beside the current plan. Each
 * block is written when its result exists; the native charts are described here and drawn by
 * src/office/uncertainty.ts (the tornado as horizontal bars).
 */
import {
  DECISION_KEYS, findSpec, histogram, type Language, type MonteCarloResult, type OptimizeResult, type PlanValues, type TornadoResult,
} from '../engine';
import { rangeAddress } from './a1';
import { FORMAT, UNIT_FORMAT, pick, type Pair } from './labels';
import { SheetBuilder } from './sheet-builder';
import type { ChartSpec, SheetKey, SheetSpec } from './types';

/** The optimiser's answer without its projection (plain data: it crosses from the worker), beside the plan it would replace. */
export interface OptimumSummary extends Omit<OptimizeResult, 'projection'> {
  current: PlanValues;
  /** The objective under the current plan. */
  currentValue: number;
  /** The budget measure under the current plan (when there is a budget). */
  currentBudgetUsed?: number;
}

export interface UncertaintyReport {
  scenarioName: string;
  baselineName: string;
  /** The proposed plan the results are about. */
  planName: string;
  planIndex: number;
  periodsPerYear: number;
  monteCarlo?: MonteCarloResult;
  tornado?: TornadoResult;
  optimum?: OptimumSummary;
}

/** The sheet's mark (worksheet custom property CEQ.sheet), so inserting again updates it in place. */
export const UNCERTAINTY_SHEET_KEY: SheetKey = 'uncertainty';
export const HISTOGRAM_BINS = 20;

const L = {
  title: { en: 'Customer Equity Planner: uncertainty', es: 'Customer Equity Planner: incertidumbre' },
  note: {
    en: 'Values computed by the add-in\'s task pane (Uncertainty tab) when they were inserted, not formulas. Insert again to refresh.',
    es: 'Valores calculados por el panel del complemento (pestaña Incertidumbre) al insertarlos, no fórmulas. Vuelva a insertar para actualizarlos.',
  },
  simulation: { en: 'Simulation: {plan} against {baseline}', es: 'Simulación: {plan} frente a {baseline}' },
  trials: { en: 'Trials', es: 'Ensayos' },
  seed: { en: 'Seed', es: 'Semilla' },
  lhs: { en: 'Latin hypercube sampling', es: 'Muestreo por hipercubo latino' },
  yes: { en: 'yes', es: 'sí' },
  no: { en: 'no', es: 'no' },
  redrawn: { en: 'Trials drawn again (broke a rule of the model)', es: 'Ensayos extraídos de nuevo (rompían una regla del modelo)' },
  pWinNpv: { en: 'Probability of a win: NPV of the change > 0', es: 'Probabilidad de ganar: VAN del cambio > 0' },
  pWinEquity: { en: 'Probability of a win: customer equity change > 0', es: 'Probabilidad de ganar: cambio del valor del cliente > 0' },
  pTenure: { en: 'Probability of break-even within tenure', es: 'Probabilidad de equilibrio dentro del mandato' },
  npv: { en: 'NPV of the change', es: 'VAN del cambio' },
  equity: { en: 'Customer equity change', es: 'Cambio del valor del cliente' },
  statistic: { en: 'Statistic', es: 'Estadístico' },
  mean: { en: 'Mean', es: 'Media' },
  sd: { en: 'Std. dev.', es: 'Desv. típica' },
  fanData: { en: 'Cumulative contribution delta per period', es: 'Delta de contribución acumulada por período' },
  period: { en: 'Period', es: 'Período' },
  histData: { en: 'NPV of the change: trials per range', es: 'VAN del cambio: ensayos por tramo' },
  from: { en: 'From', es: 'Desde' },
  to: { en: 'To', es: 'Hasta' },
  share: { en: 'Share', es: 'Proporción' },
  yearsData: { en: 'Crossover and break-even year: share of trials', es: 'Año de cruce y de equilibrio: proporción de ensayos' },
  year: { en: 'Year', es: 'Año' },
  never: { en: 'never', es: 'nunca' },
  crossover: { en: 'Revenue crossover', es: 'Cruce de ingresos' },
  breakeven: { en: 'Break-even', es: 'Equilibrio' },
  tornado: { en: 'Tornado: {output}, one assumption at a time', es: 'Tornado: {output}, un supuesto cada vez' },
  base: { en: 'With every assumption at its value', es: 'Con todos los supuestos en su valor' },
  assumption: { en: 'Assumption', es: 'Supuesto' },
  source: { en: 'Ends', es: 'Extremos' },
  lowInput: { en: 'Low input', es: 'Dato bajo' },
  highInput: { en: 'High input', es: 'Dato alto' },
  outLow: { en: 'Output at low', es: 'Resultado en el bajo' },
  outHigh: { en: 'Output at high', es: 'Resultado en el alto' },
  swing: { en: 'Swing', es: 'Variación' },
  optimum: { en: 'Optimiser: {objective}', es: 'Optimizador: {objective}' },
  rate: { en: 'Rate', es: 'Tasa' },
  current: { en: 'Current ({plan})', es: 'Actual ({plan})' },
  best: { en: 'Optimum', es: 'Óptimo' },
  bound: { en: 'Binding', es: 'Activa' },
  lower: { en: 'lower bound', es: 'límite inferior' },
  upper: { en: 'upper bound', es: 'límite superior' },
  objective: { en: 'Objective', es: 'Objetivo' },
  baselineValue: { en: 'Objective under the baseline plan', es: 'Objetivo con el plan base' },
  budget: { en: 'Budget: {kind}', es: 'Presupuesto: {kind}' },
  limit: { en: 'Budget limit', es: 'Límite del presupuesto' },
  binds: { en: 'binds', es: 'activo' },
  slack: { en: 'does not bind', es: 'no activo' },
  customerEquity: { en: 'customer equity', es: 'valor del cliente' },
  npvObjective: { en: 'NPV of contribution', es: 'VAN de la contribución' },
  finalYearArr: { en: 'ARR in the final year', es: 'ARR del último año' },
  year1CompCost: { en: 'year-1 compensation cost', es: 'coste de retribución del año 1' },
  compCostShare: { en: 'compensation cost / revenue', es: 'coste de retribución / ingresos' },
  customerEquityDelta: { en: 'customer equity change', es: 'cambio del valor del cliente' },
  npvDelta: { en: 'NPV of the change', es: 'VAN del cambio' },
  tenureNpvDelta: { en: 'NPV inside tenure', es: 'VAN dentro del mandato' },
  fanChart: { en: 'Cumulative contribution delta: P10, P50, P90', es: 'Delta de contribución acumulada: P10, P50, P90' },
  histChart: { en: 'NPV of the change: trials per range', es: 'VAN del cambio: ensayos por tramo' },
  yearsChart: { en: 'Crossover and break-even year', es: 'Año de cruce y de equilibrio' },
  tornadoChart: { en: 'Tornado: output at the low and high end', es: 'Tornado: resultado en el extremo bajo y alto' },
} satisfies Record<string, Pair>;

type Key = keyof typeof L;

/** An assumption's name as the catalogue says it ("Logo churn — SMB" for the engine's "SMB.churn"). */
export function assumptionName(label: string, lang: Language): string {
  const dot = label.lastIndexOf('.');
  const key = dot >= 0 ? label.slice(dot + 1) : label;
  const spec = findSpec(key);
  if (!spec) return label;
  return dot >= 0 ? `${spec.label[lang]} — ${label.slice(0, dot)}` : spec.label[lang];
}

function keyOf(label: string): string {
  return label.slice(label.lastIndexOf('.') + 1);
}

const CHART_COL = 9;
const abs = { absRow: true, absCol: true };

/** The sheet for `report`; `sheetName` is where it goes (ours, or a free name). */
export function buildUncertaintySheet(report: UncertaintyReport, sheetName: string, lang: Language, bins = HISTOGRAM_BINS): SheetSpec {
  const sh = new SheetBuilder(UNCERTAINTY_SHEET_KEY, sheetName);
  const tr = (k: Key, params: Record<string, string> = {}) => pick(L[k], lang).replace(/\{(\w+)\}/g, (m, n: string) => params[n] ?? m);
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

  const mc = report.monteCarlo;
  const plan = mc?.plans[report.planIndex];
  if (mc && plan) {
    sh.set(row++, 0, tr('simulation', { plan: report.planName, baseline: report.baselineName }), { style: 'subtitle' });
    const facts: [Key, string | number, string?][] = [
      ['trials', mc.trials, '#,##0'],
      ['seed', typeof mc.seed === 'number' ? mc.seed : String(mc.seed)],
      ['lhs', tr(mc.latinHypercube ? 'yes' : 'no')],
      ['pWinNpv', plan.pWinNpv, '0.0%'],
      ['pWinEquity', plan.pWinEquity, '0.0%'],
      ['pTenure', plan.pBreakevenWithinTenure, '0.0%'],
      ['redrawn', mc.redrawn, '#,##0'],
    ];
    for (const [k, v, format] of facts) {
      sh.set(row, 0, tr(k), { style: 'label' });
      sh.set(row++, 1, v, { style: 'output', format });
    }
    row++;
    // Spreads of the two headline outcomes.
    const stats: ['mean' | 'sd' | 'p5' | 'p10' | 'p50' | 'p90' | 'p95', string][] = [
      ['mean', tr('mean')], ['sd', tr('sd')], ['p5', 'P5'], ['p10', 'P10'], ['p50', 'P50'], ['p90', 'P90'], ['p95', 'P95'],
    ];
    sh.set(row, 0, tr('statistic'), { style: 'header' });
    stats.forEach(([, name], j) => sh.set(row, 1 + j, name, { style: 'header' }));
    row++;
    for (const [k, spread] of [['npv', plan.npvDelta], ['equity', plan.customerEquityDelta]] as const) {
      sh.set(row, 0, tr(k), { style: 'label' });
      stats.forEach(([s], j) => sh.set(row, 1 + j, spread[s], { format: FORMAT.money }));
      row++;
    }
    row++;

    // The fan chart's data: statistics of the cumulative contribution delta per period.
    const fan = mc.series.find((x) => x.kind === 'cumulativeDelta' && x.metric === 'contribution' && x.plan === report.planIndex);
    if (fan) {
      sh.set(row++, 0, tr('fanData'), { style: 'subtitle' });
      sh.set(row, 0, tr('period'), { style: 'header' });
      stats.forEach(([, name], j) => sh.set(row, 1 + j, name, { style: 'header' }));
      const first = row + 1;
      for (let t = 0; t < mc.periods; t++) {
        sh.set(first + t, 0, periodLabel(t, report.periodsPerYear, lang), { style: 'label' });
        stats.forEach(([s], j) => sh.set(first + t, 1 + j, fan.bands[s][t], { format: FORMAT.money }));
      }
      const last = first + mc.periods - 1;
      chart({
        id: 'uncertaintyFan', type: 'line', title: tr('fanChart'), categories: rangeAddress(first, 0, last, 0, abs),
        series: (['p10', 'p50', 'p90'] as const).map((s) => {
          const col = 1 + stats.findIndex(([x]) => x === s);
          return { name: s.toUpperCase(), values: rangeAddress(first, col, last, col, abs) };
        }),
      });
      row = last + 2;
    }

    // Histogram of the NPV delta.
    const h = histogram(plan.trials.npvDelta, bins);
    sh.set(row++, 0, tr('histData'), { style: 'subtitle' });
    (['from', 'to', 'trials', 'share'] as const).forEach((k, j) => sh.set(row, j, tr(k), { style: 'header' }));
    const hFirst = row + 1;
    h.counts.forEach((n, i) => {
      sh.set(hFirst + i, 0, h.edges[i], { format: FORMAT.money });
      sh.set(hFirst + i, 1, h.edges[i + 1], { format: FORMAT.money });
      sh.set(hFirst + i, 2, n, { format: '#,##0' });
      sh.set(hFirst + i, 3, n / mc.trials, { format: '0.0%' });
    });
    const hLast = hFirst + h.counts.length - 1;
    chart({ id: 'uncertaintyHistogram', type: 'column', title: tr('histChart'), categories: rangeAddress(hFirst, 0, hLast, 0, abs),
      series: [{ name: tr('trials'), values: rangeAddress(hFirst, 2, hLast, 2, abs) }] });
    row = hLast + 2;

    // Crossover and break-even years, with "never".
    sh.set(row++, 0, tr('yearsData'), { style: 'subtitle' });
    sh.set(row, 0, tr('year'), { style: 'header' });
    sh.set(row, 1, tr('crossover'), { style: 'header' });
    sh.set(row, 2, tr('breakeven'), { style: 'header' });
    const yFirst = row + 1;
    const years = plan.breakeven.byYear.length;
    for (let y = 0; y <= years; y++) {
      sh.set(yFirst + y, 0, y < years ? y + 1 : tr('never'), { style: 'label', format: FORMAT.int });
      sh.set(yFirst + y, 1, (y < years ? plan.crossover.byYear[y] : plan.crossover.never) / mc.trials, { format: '0.0%' });
      sh.set(yFirst + y, 2, (y < years ? plan.breakeven.byYear[y] : plan.breakeven.never) / mc.trials, { format: '0.0%' });
    }
    const yLast = yFirst + years;
    chart({ id: 'uncertaintyYears', type: 'column', title: tr('yearsChart'), categories: rangeAddress(yFirst, 0, yLast, 0, abs),
      series: [
        { name: tr('crossover'), values: rangeAddress(yFirst, 1, yLast, 1, abs) },
        { name: tr('breakeven'), values: rangeAddress(yFirst, 2, yLast, 2, abs) },
      ] });
    row = yLast + 2;
  }

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

const PERIOD_WORDS: Record<Language, { y: string; q: string; m: string }> = { en: { y: 'Y', q: 'Q', m: 'M' }, es: { y: 'A', q: 'T', m: 'M' } };

/** "Y3" annually, "Y3 Q2" quarterly, "Y1 M10" monthly (the pane's axis labels). */
function periodLabel(t: number, ppy: number, lang: Language): string {
  const w = PERIOD_WORDS[lang];
  const year = `${w.y}${Math.floor(t / ppy) + 1}`;
  if (ppy === 1) return year;
  return `${year} ${ppy === 4 ? w.q : w.m}${(t % ppy) + 1}`;
}

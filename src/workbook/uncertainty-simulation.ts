/**
 * The Monte Carlo block of the uncertainty sheet (uncertainty-sheet.ts): the run's facts, the headline
 * probabilities and the spreads of the outcomes, the per-period statistics of the cumulative
 * contribution delta (the fan chart's data), the histogram of the NPV delta, the crossover and
 * break-even years, and the rank correlations the draws were given. Every mean and probability stands
 * beside its Monte Carlo standard error (issue 14), as values: a reader can tell a real difference from noise.
 */
import { histogram, shareError, type Language, type Matrix } from '../engine';
import { rangeAddress } from './a1';
import { FORMAT } from './labels';
import type { SheetBuilder } from './sheet-builder';
import type { ChartSpec } from './types';
import { assumptionName, labelsIn, type Key } from './uncertainty-labels';
import type { UncertaintyReport } from './uncertainty-report';

const abs = { absRow: true, absCol: true };
/** Standard errors of shares are small: two more decimals than the share itself. */
const SE_SHARE = '0.00%';
// A standard error needs two trials or more: with one, its cell stays empty rather than hold NaN.
type Stat = 'mean' | 'sd' | 'p5' | 'p10' | 'p50' | 'p90' | 'p95';

/** Writes the simulation of `report` from `row`; returns the next free row (`row` itself when there is no simulation). */
export function writeSimulation(
  sh: SheetBuilder, report: UncertaintyReport, lang: Language, bins: number, row: number,
  chart: (c: Omit<ChartSpec, 'at' | 'size'>) => void,
): number {
  const mc = report.monteCarlo;
  const plan = mc?.plans[report.planIndex];
  if (!mc || !plan) return row;
  const tr = labelsIn(lang);
  const n = mc.trials;
  const e = plan.errors;
  sh.set(row++, 0, tr('simulation', { plan: report.planName, baseline: report.baselineName }), { style: 'subtitle' });
  sh.set(row++, 0, tr('seNote'), { style: 'note' });
  sh.set(row, 1, tr('value'), { style: 'header' });
  sh.set(row++, 2, tr('se'), { style: 'header' });
  const facts: [Key, string | number, string?, number?][] = [
    ['trials', n, '#,##0'],
    ...(n !== mc.requestedTrials ? [['requested', mc.requestedTrials, '#,##0'] as [Key, number, string]] : []),
    ['seed', typeof mc.seed === 'number' ? mc.seed : String(mc.seed)],
    ['lhs', tr(mc.latinHypercube ? 'yes' : 'no')],
    ['pWinNpv', plan.pWinNpv, '0.0%', e.pWinNpv],
    ['pWinEquity', plan.pWinEquity, '0.0%', e.pWinEquity],
    ['pTenure', plan.pBreakevenWithinTenure, '0.0%', e.pBreakevenWithinTenure],
    ['redrawn', mc.redrawn, '#,##0'],
  ];
  for (const [k, v, format, se] of facts) {
    sh.set(row, 0, tr(k), { style: 'label' });
    sh.set(row, 1, v, { style: 'output', format });
    if (se !== undefined && Number.isFinite(se)) sh.set(row, 2, se, { format: SE_SHARE });
    row++;
  }
  row++;

  // Spreads of the outcomes, each mean with its standard error.
  const stats: [Stat, string][] = [
    ['mean', tr('mean')], ['sd', tr('sd')], ['p5', 'P5'], ['p10', 'P10'], ['p50', 'P50'], ['p90', 'P90'], ['p95', 'P95'],
  ];
  const seCol = 1 + stats.length;
  const header = (at: number, first: string) => {
    sh.set(at, 0, first, { style: 'header' });
    stats.forEach(([, name], j) => sh.set(at, 1 + j, name, { style: 'header' }));
    sh.set(at, seCol, tr('seMean'), { style: 'header' });
  };
  header(row++, tr('statistic'));
  const outcomes = [
    ['npv', plan.npvDelta, e.npvDeltaMean], ['equity', plan.customerEquityDelta, e.customerEquityDeltaMean],
    ['tenureNpv', plan.tenureNpvDelta, e.tenureNpvDeltaMean], ['shortTerm', plan.shortTermSacrifice, e.shortTermSacrificeMean],
  ] as const;
  for (const [k, spread, se] of outcomes) {
    sh.set(row, 0, tr(k), { style: 'label' });
    stats.forEach(([s], j) => sh.set(row, 1 + j, spread[s], { format: FORMAT.money }));
    if (Number.isFinite(se)) sh.set(row, seCol, se, { format: FORMAT.money });
    row++;
  }
  row++;

  // The fan chart's data: statistics of the cumulative contribution delta per period.
  const fan = mc.series.find((x) => x.kind === 'cumulativeDelta' && x.metric === 'contribution' && x.plan === report.planIndex);
  if (fan) {
    sh.set(row++, 0, tr('fanData'), { style: 'subtitle' });
    header(row, tr('period'));
    const first = row + 1;
    for (let t = 0; t < mc.periods; t++) {
      sh.set(first + t, 0, periodLabel(t, report.periodsPerYear, lang), { style: 'label' });
      stats.forEach(([s], j) => sh.set(first + t, 1 + j, fan.bands[s][t], { format: FORMAT.money }));
      if (n > 1) sh.set(first + t, seCol, fan.bands.sd[t] / Math.sqrt(n), { format: FORMAT.money });
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

  // Histogram of the NPV delta: each bin's share of the trials with its standard error.
  const h = histogram(plan.trials.npvDelta, bins);
  sh.set(row++, 0, tr('histData'), { style: 'subtitle' });
  (['from', 'to', 'trials', 'share', 'seShare'] as const).forEach((k, j) => sh.set(row, j, tr(k), { style: 'header' }));
  const hFirst = row + 1;
  h.counts.forEach((count, i) => {
    sh.set(hFirst + i, 0, h.edges[i], { format: FORMAT.money });
    sh.set(hFirst + i, 1, h.edges[i + 1], { format: FORMAT.money });
    sh.set(hFirst + i, 2, count, { format: '#,##0' });
    sh.set(hFirst + i, 3, count / n, { format: '0.0%' });
    sh.set(hFirst + i, 4, shareError(count / n, n), { format: SE_SHARE });
  });
  const hLast = hFirst + h.counts.length - 1;
  chart({ id: 'uncertaintyHistogram', type: 'column', title: tr('histChart'), categories: rangeAddress(hFirst, 0, hLast, 0, abs),
    series: [{ name: tr('trials'), values: rangeAddress(hFirst, 2, hLast, 2, abs) }] });
  row = hLast + 2;

  // Crossover and break-even years, with "never", each share with its standard error.
  sh.set(row++, 0, tr('yearsData'), { style: 'subtitle' });
  (['year', 'crossover', 'breakeven', 'crossoverSe', 'breakevenSe'] as const).forEach((k, j) => sh.set(row, j, tr(k), { style: 'header' }));
  const yFirst = row + 1;
  const years = plan.breakeven.byYear.length;
  for (let y = 0; y <= years; y++) {
    const crossover = (y < years ? plan.crossover.byYear[y] : plan.crossover.never) / n;
    const breakeven = (y < years ? plan.breakeven.byYear[y] : plan.breakeven.never) / n;
    sh.set(yFirst + y, 0, y < years ? y + 1 : tr('never'), { style: 'label', format: FORMAT.int });
    sh.set(yFirst + y, 1, crossover, { format: '0.0%' });
    sh.set(yFirst + y, 2, breakeven, { format: '0.0%' });
    sh.set(yFirst + y, 3, shareError(crossover, n), { format: SE_SHARE });
    sh.set(yFirst + y, 4, shareError(breakeven, n), { format: SE_SHARE });
  }
  const yLast = yFirst + years;
  chart({ id: 'uncertaintyYears', type: 'column', title: tr('yearsChart'), categories: rangeAddress(yFirst, 0, yLast, 0, abs),
    series: [
      { name: tr('crossover'), values: rangeAddress(yFirst, 1, yLast, 1, abs) },
      { name: tr('breakeven'), values: rangeAddress(yFirst, 2, yLast, 2, abs) },
    ] });
  row = yLast + 2;
  return writeCorrelation(sh, report, lang, row);
}

/** The rank-correlation matrix the draws were given (the repaired one when the requested one was not valid, then both). */
function writeCorrelation(sh: SheetBuilder, report: UncertaintyReport, lang: Language, row: number): number {
  const tr = labelsIn(lang);
  const c = report.monteCarlo!.correlation;
  if (!c) {
    sh.set(row++, 0, tr('independent'), { style: 'label' });
    return row + 1;
  }
  const names = c.labels.map((l) => assumptionName(l, lang));
  const matrix = (title: Key, m: Matrix) => {
    sh.set(row++, 0, tr(title), { style: 'subtitle' });
    names.forEach((name, j) => sh.set(row, 1 + j, name, { style: 'header' }));
    row++;
    m.forEach((line, i) => {
      sh.set(row, 0, names[i], { style: 'label' });
      line.forEach((v, j) => sh.set(row, 1 + j, v, { format: '0.000' }));
      row++;
    });
  };
  matrix('correlation', c.used);
  sh.set(row, 0, tr('repaired'), { style: 'label' });
  sh.set(row++, 1, tr(c.repaired ? 'yes' : 'no'), { style: 'output' });
  if (c.repaired) {
    sh.set(row, 0, tr('largestChange'), { style: 'label' });
    sh.set(row++, 1, c.largestChange, { format: '0.000' });
    row++;
    matrix('requestedMatrix', c.requested);
  }
  return row + 1;
}

const PERIOD_WORDS: Record<Language, { y: string; q: string; m: string }> = { en: { y: 'Y', q: 'Q', m: 'M' }, es: { y: 'A', q: 'T', m: 'M' } };

/** "Y3" annually, "Y3 Q2" quarterly, "Y1 M10" monthly (the pane's axis labels). */
function periodLabel(t: number, ppy: number, lang: Language): string {
  const w = PERIOD_WORDS[lang];
  const year = `${w.y}${Math.floor(t / ppy) + 1}`;
  if (ppy === 1) return year;
  return `${year} ${ppy === 4 ? w.q : w.m}${(t % ppy) + 1}`;
}

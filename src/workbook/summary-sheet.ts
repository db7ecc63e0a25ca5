import type { Language, Scenario } from '../engine';
import { absAddress, rangeAddress, sheetPrefix } from './a1';
import { atom, sum, range, type Ex } from './expr';
import { FORMAT, pick, t, type Pair } from './labels';
import type { PlainSheet, ResultKey } from './plain-sheet';
import { SheetBuilder } from './sheet-builder';
import type { OutputCell } from './types';

const FIGURES: { key: ResultKey; label: Pair; format: string; proposedOnly?: boolean }[] = [
  { key: 'customerEquity', label: { en: 'Customer equity', es: 'Valor del cliente' }, format: FORMAT.money },
  { key: 'pvContribution', label: { en: 'PV of contribution', es: 'VA de la contribución' }, format: FORMAT.money },
  { key: 'terminalValue', label: { en: 'Terminal value at the horizon', es: 'Valor terminal en el horizonte' }, format: FORMAT.money },
  { key: 'customerEquityDelta', label: { en: 'Change in customer equity', es: 'Cambio en el valor del cliente' }, format: FORMAT.money, proposedOnly: true },
  { key: 'npvDelta', label: { en: 'NPV of the change', es: 'VAN del cambio' }, format: FORMAT.money, proposedOnly: true },
  { key: 'tenureNpvDelta', label: { en: 'NPV within executive tenure', es: 'VAN dentro del mandato' }, format: FORMAT.money, proposedOnly: true },
  { key: 'crossoverPeriod', label: { en: 'Crossover period (revenue)', es: 'Período de cruce (ingresos)' }, format: FORMAT.int, proposedOnly: true },
  { key: 'breakevenPeriod', label: { en: 'Break-even period (contribution)', es: 'Período de equilibrio (contribución)' }, format: FORMAT.int, proposedOnly: true },
  { key: 'shortTermSacrifice', label: { en: 'Short-term sacrifice', es: 'Sacrificio a corto plazo' }, format: FORMAT.money, proposedOnly: true },
  { key: 'year1RevenueDelta', label: { en: 'Year-1 revenue Δ', es: 'Δ ingresos año 1' }, format: FORMAT.money, proposedOnly: true },
  { key: 'year1CompCostDelta', label: { en: 'Year-1 comp cost Δ', es: 'Δ coste de retribución año 1' }, format: FORMAT.money, proposedOnly: true },
  { key: 'finalYearRevenueDelta', label: { en: 'Final-year revenue Δ', es: 'Δ ingresos último año' }, format: FORMAT.money, proposedOnly: true },
  { key: 'finalYearCompCostDelta', label: { en: 'Final-year comp cost Δ', es: 'Δ coste de retribución último año' }, format: FORMAT.money, proposedOnly: true },
];

export interface SummarySheet {
  sheet: SheetBuilder;
  outputs: OutputCell[];
}

/**
 * Executive figures and the data behind three charts (ARR at year end, cumulative contribution versus
 * the baseline, compensation cost per year), all formulas over the model sheet. The chart specs are
 * drawn by the Office adapter; the exceljs export keeps the data only.
 */
export function buildSummarySheet(s: Scenario, sheetName: string, lang: Language, plain: PlainSheet): SummarySheet {
  const sh = new SheetBuilder('summary', sheetName);
  const outputs: OutputCell[] = [];
  const model = sheetPrefix(plain.sheet.name);
  const plans = [s.baseline, ...s.proposed];
  const ppy = s.settings.periodsPerYear;
  const years = s.settings.horizonYears;
  const fromModel = (row: number, col: number): Ex => atom(`${model}${absAddress(row, col)}`, plain.sheet.valueAt(row, col));

  sh.set(0, 0, t('summaryTitle', lang), { style: 'title' });
  sh.set(1, 0, s.name, { style: 'subtitle' });
  sh.set(2, 0, t('summaryNote', lang), { style: 'note' });

  const head = 4;
  sh.set(head, 0, '', { style: 'header' });
  plans.forEach((p, i) => sh.set(head, 1 + i, p.name, { style: 'header' }));
  FIGURES.forEach((fig, k) => {
    const row = head + 1 + k;
    sh.set(row, 0, pick(fig.label, lang), { style: 'label' });
    plans.forEach((_, p) => {
      if (fig.proposedOnly && p === 0) return;
      const at = plain.resultCell(p, fig.key);
      sh.set(row, 1 + p, fromModel(at.row, at.col), { style: 'output', format: fig.format });
      const ref = fig.key === 'customerEquity' ? { kind: 'equity' as const, plan: p }
        : fig.key === 'terminalValue' ? { kind: 'terminal' as const, plan: p, segment: 'total' as const }
        : fig.key === 'pvContribution' ? undefined
        : { kind: 'comparison' as const, plan: p, field: fig.key };
      if (ref) outputs.push({ sheet: 'summary', row, col: 1 + p, ref });
    });
  });

  // ── Chart data by year ──────────────────────────────────────────────────────────────────────
  const dataHeader = head + FIGURES.length + 3;
  sh.set(dataHeader - 1, 0, t('chartData', lang), { style: 'subtitle' });
  sh.set(dataHeader, 0, t('year', lang), { style: 'header' });
  let col = 1;
  const arrCols = plans.map((p) => {
    sh.set(dataHeader, col, `ARR: ${p.name}`, { style: 'header' });
    return col++;
  });
  const deltaCols = s.proposed.map((p) => {
    sh.set(dataHeader, col, `${pick({ en: 'Cumulative contribution Δ', es: 'Δ contribución acumulada' }, lang)}: ${p.name}`, { style: 'header' });
    return col++;
  });
  const compCols = plans.map((p) => {
    sh.set(dataHeader, col, `${pick({ en: 'Comp cost', es: 'Coste de retribución' }, lang)}: ${p.name}`, { style: 'header' });
    return col++;
  });
  for (let y = 0; y < years; y++) {
    const row = dataHeader + 1 + y;
    const lastRow = plain.firstRow + (y + 1) * ppy - 1;
    const firstRow = plain.firstRow + y * ppy;
    sh.set(row, 0, y + 1, { format: FORMAT.int });
    plans.forEach((_, p) => {
      sh.set(row, arrCols[p], fromModel(lastRow, plain.totalCol(p, 'arr')), { format: FORMAT.money });
      outputs.push({ sheet: 'summary', row, col: arrCols[p], ref: { kind: 'yearly', plan: p, metric: 'arr', year: y } });
      const cc = plain.totalCol(p, 'compCost');
      const vs = [];
      for (let r = firstRow; r <= lastRow; r++) vs.push(plain.sheet.valueAt(r, cc));
      sh.set(row, compCols[p], sum(range(`${model}${rangeAddress(firstRow, cc, lastRow, cc, { absRow: true, absCol: true })}`, vs)), { format: FORMAT.money });
      outputs.push({ sheet: 'summary', row, col: compCols[p], ref: { kind: 'yearly', plan: p, metric: 'compCost', year: y } });
    });
    s.proposed.forEach((_, k) => {
      sh.set(row, deltaCols[k], fromModel(lastRow, plain.compareCol(k + 1, 'cumContributionDelta')), { format: FORMAT.money });
      outputs.push({ sheet: 'summary', row, col: deltaCols[k], ref: { kind: 'cumulativeDelta', plan: k + 1, metric: 'contribution', year: y } });
    });
  }

  const r0 = dataHeader + 1;
  const r1 = dataHeader + years;
  const years$ = rangeAddress(r0, 0, r1, 0, { absRow: true, absCol: true });
  const colRange = (c: number) => rangeAddress(r0, c, r1, c, { absRow: true, absCol: true });
  const chartCol = col + 1;
  sh.charts.push({
    id: 'arr', type: 'line', title: t('chartArr', lang), categories: years$,
    series: plans.map((p, i) => ({ name: p.name, values: colRange(arrCols[i]) })),
    at: { row: head, col: chartCol }, size: { rows: 16, cols: 8 },
  });
  if (s.proposed.length) {
    sh.charts.push({
      id: 'cumulativeDelta', type: 'column', title: t('chartCumDelta', lang), categories: years$,
      series: s.proposed.map((p, i) => ({ name: p.name, values: colRange(deltaCols[i]) })),
      at: { row: head + 17, col: chartCol }, size: { rows: 16, cols: 8 },
    });
  }
  sh.charts.push({
    id: 'compCost', type: 'column', title: t('chartComp', lang), categories: years$,
    series: plans.map((p, i) => ({ name: p.name, values: colRange(compCols[i]) })),
    at: { row: head + 34, col: chartCol }, size: { rows: 16, cols: 8 },
  });

  sh.width(0, 34);
  for (let c = 1; c < col; c++) sh.width(c, 18);
  sh.print = { areas: [{ r0: 0, c0: 0, r1: Math.max(r1, head + 50), c1: chartCol + 8 }] };
  return { sheet: sh, outputs };
}

import type { Language } from '../engine';
import { rangeAddress } from './a1';
import type { ScenarioSummaryRow } from './compare-scenarios';
import { FORMAT, pick, type Pair } from './labels';
import { SheetBuilder } from './sheet-builder';
import type { SheetSpec } from './types';

const L = {
  title: { en: 'Customer Equity Planner: saved scenarios side by side', es: 'Customer Equity Planner: escenarios guardados en paralelo' },
  note: {
    en: 'Values computed by the add-in when this comparison was inserted (each scenario has its own inputs, so these are not formulas). Insert the comparison again to refresh it.',
    es: 'Valores calculados por el complemento al insertar esta comparación (cada escenario tiene sus propios datos, así que no son fórmulas). Vuelva a insertar la comparación para actualizarla.',
  },
  scenario: { en: 'Scenario', es: 'Escenario' },
  plan: { en: 'Proposed plan', es: 'Plan propuesto' },
  ceBaseline: { en: 'Customer equity: baseline', es: 'Valor del cliente: plan base' },
  ceProposed: { en: 'Customer equity: proposed', es: 'Valor del cliente: propuesta' },
  ceDelta: { en: 'Change in customer equity', es: 'Cambio en el valor del cliente' },
  npv: { en: 'NPV of the change', es: 'VAN del cambio' },
  tenure: { en: 'NPV within tenure', es: 'VAN dentro del mandato' },
  breakeven: { en: 'Break-even year', es: 'Año de equilibrio' },
  comp: { en: 'Year-1 comp cost Δ', es: 'Δ coste de retribución año 1' },
  never: { en: 'never', es: 'nunca' },
  arrData: { en: 'ARR at year end, proposed plan', es: 'ARR a fin de año, plan propuesto' },
  year: { en: 'Year', es: 'Año' },
  chartArr: { en: 'ARR at year end, proposed plan', es: 'ARR a fin de año, plan propuesto' },
  chartCe: { en: 'Change in customer equity', es: 'Cambio en el valor del cliente' },
} satisfies Record<string, Pair>;

/** The year (1-based) of the break-even period: the pane and the sheet speak in years whatever the granularity. */
export function breakevenYear(row: ScenarioSummaryRow): number | null {
  return row.breakevenPeriod === null ? null : Math.ceil(row.breakevenPeriod / row.periodsPerYear);
}

/**
 * The comparison of saved scenarios as a sheet: a table (one row per scenario and proposed plan), the
 * ARR by year behind a line chart, and a column chart of the change in customer equity. Values, not
 * formulas: each row comes from a different scenario's inputs.
 */
export function buildComparisonSheet(rows: readonly ScenarioSummaryRow[], sheetName: string, lang: Language): SheetSpec {
  const sh = new SheetBuilder('comparison', sheetName);
  const tr = (k: keyof typeof L) => pick(L[k], lang);
  sh.set(0, 0, tr('title'), { style: 'title' });
  sh.set(1, 0, tr('note'), { style: 'note' });

  const head = 3;
  const columns: { label: string; format?: string; value: (r: ScenarioSummaryRow) => string | number }[] = [
    { label: tr('scenario'), value: (r) => r.name },
    { label: tr('plan'), value: (r) => r.plan },
    { label: tr('ceBaseline'), format: FORMAT.money, value: (r) => r.customerEquityBaseline },
    { label: tr('ceProposed'), format: FORMAT.money, value: (r) => r.customerEquityProposed },
    { label: tr('ceDelta'), format: FORMAT.money, value: (r) => r.customerEquityDelta },
    { label: tr('npv'), format: FORMAT.money, value: (r) => r.npvDelta },
    { label: tr('tenure'), format: FORMAT.money, value: (r) => r.tenureNpvDelta },
    { label: tr('breakeven'), format: FORMAT.int, value: (r) => breakevenYear(r) ?? tr('never') },
    { label: tr('comp'), format: FORMAT.money, value: (r) => r.year1CompCostDelta },
  ];
  columns.forEach((c, j) => sh.set(head, j, c.label, { style: 'header' }));
  rows.forEach((r, i) => columns.forEach((c, j) => sh.set(head + 1 + i, j, c.value(r), { style: j < 2 ? 'label' : 'output', format: c.format })));

  // ARR by year: one column per row of the table, for the line chart.
  const years = Math.max(1, ...rows.map((r) => r.arrByYear.length));
  const dataHead = head + rows.length + 3;
  sh.set(dataHead - 1, 0, tr('arrData'), { style: 'subtitle' });
  sh.set(dataHead, 0, tr('year'), { style: 'header' });
  rows.forEach((r, i) => sh.set(dataHead, 1 + i, r.name, { style: 'header' }));
  for (let y = 0; y < years; y++) {
    sh.set(dataHead + 1 + y, 0, y + 1, { format: FORMAT.int });
    rows.forEach((r, i) => sh.set(dataHead + 1 + y, 1 + i, r.arrByYear[y] ?? '', { format: FORMAT.money }));
  }

  const abs = { absRow: true, absCol: true };
  const chartCol = columns.length + 1;
  if (rows.length) {
    sh.charts.push({
      id: 'comparisonArr', type: 'line', title: tr('chartArr'),
      categories: rangeAddress(dataHead + 1, 0, dataHead + years, 0, abs),
      series: rows.map((r, i) => ({ name: r.name, values: rangeAddress(dataHead + 1, 1 + i, dataHead + years, 1 + i, abs) })),
      at: { row: head, col: chartCol }, size: { rows: 16, cols: 8 },
    });
    sh.charts.push({
      id: 'comparisonEquity', type: 'column', title: tr('chartCe'),
      categories: rangeAddress(head + 1, 0, head + rows.length, 0, abs),
      series: [{ name: tr('ceDelta'), values: rangeAddress(head + 1, 4, head + rows.length, 4, abs) }],
      at: { row: head + 17, col: chartCol }, size: { rows: 16, cols: 8 },
    });
  }
  sh.width(0, 28);
  sh.width(1, 22);
  for (let c = 2; c < Math.max(columns.length, rows.length + 1); c++) sh.width(c, 18);
  return sh.build();
}

import { runScenario, yearly, type Scenario } from '../engine';

/** One saved scenario in a side-by-side comparison: its first proposed plan against its baseline. */
export interface ScenarioSummaryRow {
  name: string;
  plan: string;
  customerEquityBaseline: number;
  customerEquityProposed: number;
  customerEquityDelta: number;
  npvDelta: number;
  tenureNpvDelta: number;
  breakevenPeriod: number | null;
  year1CompCostDelta: number;
  /** ARR at each year end under the proposed plan (the baseline's when there is none). */
  arrByYear: number[];
}

export function summariseScenarios(items: readonly { name: string; scenario: Scenario }[]): ScenarioSummaryRow[] {
  return items.map(({ name, scenario }) => {
    const r = runScenario(scenario);
    const c = r.comparisons[0];
    const proposed = r.proposed[0] ?? r.baseline;
    return {
      name,
      plan: scenario.proposed[0]?.name ?? scenario.baseline.name,
      customerEquityBaseline: c?.customerEquityBaseline ?? 0,
      customerEquityProposed: c?.customerEquityProposed ?? 0,
      customerEquityDelta: c?.customerEquityDelta ?? 0,
      npvDelta: c?.npvDelta ?? 0,
      tenureNpvDelta: c?.tenureNpvDelta ?? 0,
      breakevenPeriod: c?.breakevenPeriod ?? null,
      year1CompCostDelta: c?.year1CompCostDelta ?? 0,
      arrByYear: yearly(proposed).map((y) => y.arr),
    };
  });
}

/** The comparison as a table of cells (header row first) for the workbook. */
export function comparisonTable(rows: readonly ScenarioSummaryRow[], none = 'none'): (string | number)[][] {
  const years = Math.max(0, ...rows.map((r) => r.arrByYear.length));
  const header = ['Scenario', 'Proposed plan', 'Customer equity: baseline', 'Customer equity: proposed', 'Change in customer equity',
    'NPV of the change', 'NPV within tenure', 'Break-even period', 'Year-1 comp cost Δ', ...Array.from({ length: years }, (_, y) => `ARR year ${y + 1}`)];
  return [header, ...rows.map((r) => [r.name, r.plan, r.customerEquityBaseline, r.customerEquityProposed, r.customerEquityDelta, r.npvDelta,
    r.tenureNpvDelta, r.breakevenPeriod ?? none, r.year1CompCostDelta, ...Array.from({ length: years }, (_, y) => r.arrByYear[y] ?? '')])];
}

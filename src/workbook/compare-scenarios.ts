import { customerEquity, runScenario, yearly, type Scenario } from '../engine';

/**
 * One row of a side-by-side comparison of saved scenarios: one proposed plan of one scenario against
 * that scenario's baseline (a scenario with several proposed plans gives several rows; one without
 * gives a row for its baseline alone, with zero deltas).
 */
export interface ScenarioSummaryRow {
  /** Row label, unique within a comparison: the scenario's name, "scenario · plan" when it has several plans. */
  name: string;
  scenario: string;
  plan: string;
  customerEquityBaseline: number;
  customerEquityProposed: number;
  customerEquityDelta: number;
  npvDelta: number;
  tenureNpvDelta: number;
  /** 1-based period from which cumulative contribution stays ahead; null = never within the horizon. */
  breakevenPeriod: number | null;
  periodsPerYear: number;
  year1CompCostDelta: number;
  /** ARR at each year end under the proposed plan (the baseline's when there is none). */
  arrByYear: number[];
}

export function summariseScenarios(items: readonly { name: string; scenario: Scenario }[]): ScenarioSummaryRow[] {
  const rows: ScenarioSummaryRow[] = [];
  const used = new Set<string>();
  const unique = (label: string) => {
    let name = label;
    for (let i = 2; used.has(name); i++) name = `${label} (${i})`;
    used.add(name);
    return name;
  };
  for (const { name, scenario } of items) {
    const r = runScenario(scenario);
    const ppy = scenario.settings.periodsPerYear;
    if (!scenario.proposed.length) {
      const equity = customerEquity(r.baseline, scenario.settings);
      rows.push({
        name: unique(name), scenario: name, plan: scenario.baseline.name, customerEquityBaseline: equity, customerEquityProposed: equity,
        customerEquityDelta: 0, npvDelta: 0, tenureNpvDelta: 0, breakevenPeriod: 1, periodsPerYear: ppy, year1CompCostDelta: 0,
        arrByYear: yearly(r.baseline).map((y) => y.arr),
      });
      continue;
    }
    scenario.proposed.forEach((plan, i) => {
      const c = r.comparisons[i];
      rows.push({
        name: unique(scenario.proposed.length > 1 ? `${name} · ${plan.name}` : name),
        scenario: name,
        plan: plan.name,
        customerEquityBaseline: c.customerEquityBaseline,
        customerEquityProposed: c.customerEquityProposed,
        customerEquityDelta: c.customerEquityDelta,
        npvDelta: c.npvDelta,
        tenureNpvDelta: c.tenureNpvDelta,
        breakevenPeriod: c.breakevenPeriod,
        periodsPerYear: ppy,
        year1CompCostDelta: c.year1CompCostDelta,
        arrByYear: yearly(r.proposed[i]).map((y) => y.arr),
      });
    });
  }
  return rows;
}

/**
 * From a valid scenario to what the screens draw: the engine's projection and comparison of every
 * proposed plan (scaled to the baseline's year-1 comp cost when budget neutral), plus the yearly rows
 * and cumulative series the charts and tables read.
 */
import {
  budgetNeutralPlan, cumulative, deltaSeries, ModelError, runScenario, yearly,
  type Comparison, type Projection, type Scenario, type ScenarioResult, type YearRow,
} from '../../engine';

export interface Computed {
  /** The scenario as typed. */
  typed: Scenario;
  /** The scenario the results are for: proposed plans scaled when budget neutral. */
  scenario: Scenario;
  result: ScenarioResult;
  /** Budget-neutral factor per proposed plan (undefined when the switch is off). */
  factors?: number[];
}

export function compute(typed: Scenario, budgetNeutral: boolean): Computed {
  if (!budgetNeutral || typed.proposed.length === 0) return { typed, scenario: typed, result: runScenario(typed) };
  const scaled = typed.proposed.map((p) => budgetNeutralPlan(typed, p.values));
  // A plan no factor can bring to the baseline's cost is an error to show, not a factor.
  const unmatched = scaled.flatMap((r, i) => (r.problem ? [{ ...r.problem, key: typed.proposed[i].name }] : []));
  if (unmatched.length) throw new ModelError('invalid', unmatched);
  const scenario: Scenario = { ...typed, proposed: typed.proposed.map((p, i) => ({ name: p.name, values: scaled[i].plan })) };
  return { typed, scenario, result: runScenario(scenario), factors: scaled.map((s) => s.factor) };
}

/** What the results screen and the live strip draw for one proposed plan against the baseline. */
export interface PlanView {
  name: string;
  baselineName: string;
  periodsPerYear: number;
  baselineYears: YearRow[];
  proposedYears: YearRow[];
  /** Cumulative contribution, proposed minus baseline, per period. */
  cumulativeDelta: Float64Array;
  comparison: Comparison;
  proposed: Projection;
  baseline: Projection;
}

export function planView(c: Computed, index: number): PlanView | undefined {
  const proposed = c.result.proposed[index];
  if (!proposed) return undefined;
  const baseline = c.result.baseline;
  return {
    name: c.scenario.proposed[index].name,
    baselineName: c.scenario.baseline.name,
    periodsPerYear: baseline.periodsPerYear,
    baselineYears: yearly(baseline),
    proposedYears: yearly(proposed),
    cumulativeDelta: cumulative(deltaSeries(baseline, proposed, 'contribution')),
    comparison: c.result.comparisons[index],
    proposed,
    baseline,
  };
}

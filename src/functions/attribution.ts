/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's `any` and `any[][]` parameter types: we coerce ourselves */
/**
 * CEQ.ATTRIBUTION as Excel sees it (custom-functions-metadata reads this JSDoc like functions.ts): the
 * change from the baseline plan to the proposed plan split by lever with exact Shapley values
 * (engine/analysis/attribution.ts). Its table entry follows table.ts; every call takes table.ts's `invoke`.
 */
import { attribute, ATTRIBUTION_METRICS, nearestKey, QUOTA_LEVER, type AttributionMetric, type PlanValues } from '../engine';
import { arg, type ArgSpec } from './args';
import type { Cell } from './cells';
import { invalidArgument } from './errors';
import { run, scenarioOf, snake } from './model';
import { registration } from './registration';
import { invoke, type FunctionDef } from './table';

// custom-functions-metadata-plugin's loader appends `CustomFunctions.associate("ID", fn);` lines to this
// file too: the local binding sends them through the guarded registration (functions.ts does the same).
const CustomFunctions = registration;
void CustomFunctions;

/** The metric names the function takes: the SUMMARY row names without `_delta` (customer_equity, npv, …). */
export const ATTRIBUTION_METRIC_NAMES: Readonly<Record<string, AttributionMetric>> = Object.fromEntries(
  ATTRIBUTION_METRICS.map((m) => [snake(m).replace(/_delta$/, ''), m]),
);

function metricOf(text: string): AttributionMetric {
  const name = snake(text.trim()).toLowerCase().replace(/_delta$/, '');
  const metric = ATTRIBUTION_METRIC_NAMES[name];
  if (metric) return metric;
  const names = Object.keys(ATTRIBUTION_METRIC_NAMES);
  throw invalidArgument({ code: 'unknownKey', key: `metric "${text}"`, suggestion: nearestKey(text, names) ?? names.join(', ') });
}

const valueOf = (plan: PlanValues, id: string): Cell => (id === QUOTA_LEVER ? '' : (plan as Record<string, number>)[id]);

function def<const A extends readonly ArgSpec[]>(d: FunctionDef<A>): FunctionDef {
  return d as unknown as FunctionDef;
}

export const ATTRIBUTION_FUNCTIONS: readonly FunctionDef[] = [
  def({
    id: 'ATTRIBUTION', result: 'matrix',
    args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), arg.text('metric', 'customer_equity')],
    core: (a, baseline, proposed, metricName) => {
      const metric = metricOf(metricName);
      const s = scenarioOf(a, baseline.values, [proposed.values]);
      // Validates with messages that name the arguments the user typed (baseline_plan.clawback, …).
      run(s, { baseline: 'baseline_plan', proposed: 'proposed_plan' });
      const result = attribute(s, proposed.values);
      const rows: Cell[][] = [['lever', 'baseline', 'proposed', 'contribution']];
      for (const l of result.levers) rows.push([l.lever.id, valueOf(baseline.values, l.lever.id), valueOf(proposed.values, l.lever.id), l.contribution[metric]]);
      rows.push(['total', '', '', result.total[metric]]);
      return rows;
    },
  }),
];

const call = (id: string, ...args: unknown[]) => invoke(ATTRIBUTION_FUNCTIONS.find((f) => f.id === id)!, args);

/**
 * Splits the change from the baseline plan to the proposed plan by lever (each commission, clawback, outcome weight, bonus pool, prevention, automation, agent assist, quota design): exact Shapley values, so the order of changes does not matter and the contributions add up to the total.
 * @customfunction ATTRIBUTION ATTRIBUTION
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan.
 * @param proposed_plan Key/value range of the proposed plan.
 * @param metric Optional change to split: customer_equity (default), npv, tenure_npv, year1_comp_cost, year1_revenue, final_year_revenue.
 * @returns Header row lever, baseline, proposed, contribution; one row per lever (0 when unchanged), then the total.
 */
export function attribution(assumptions: any[][], baseline_plan: any[][], proposed_plan: any[][], metric?: any): any[][] {
  return call('ATTRIBUTION', assumptions, baseline_plan, proposed_plan, metric) as any[][];
}

/** The attribution function by id: index.ts associates it. */
export const ATTRIBUTION_BY_ID: Readonly<Record<string, (...args: any[]) => unknown>> = {
  'ATTRIBUTION': attribution,
};

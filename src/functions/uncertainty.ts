/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's `any` and `any[][]` parameter types: we coerce ourselves */
/**
 * The uncertainty functions as Excel sees them (custom-functions-metadata reads this JSDoc, like
 * functions.ts). Each is @cancelable: Excel passes a CustomFunctions.CancelableInvocation after the
 * declared parameters, and a long run stops when Excel sets off its onCanceled (a recalculation that
 * no longer needs the result, a deleted cell). The return type is declared in JSDoc only: a small run
 * returns its spill at once, a long one a Promise of it (uncertainty-run.ts).
 */
import { registration } from './registration';
import { callUncertain } from './uncertainty-run';

// custom-functions-metadata-plugin's loader appends `CustomFunctions.associate("ID", fn);` lines to this
// file too: the local binding sends them through the guarded registration (functions.ts does the same).
const CustomFunctions = registration;
void CustomFunctions;

/**
 * Monte Carlo: runs both plans on the same random draws of the uncertain assumptions and spills, per period, the mean, sd and P5 to P95 of the delta (proposed minus baseline) of a metric, then the probability that the proposal wins.
 * @customfunction SIMULATE SIMULATE
 * @cancelable
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan.
 * @param proposed_plan Key/value range of the proposed plan.
 * @param uncertainty Range key | distribution | p1 | p2 | p3: triangular or pert min, mode, max; uniform min, max; normal or lognormal mean, sd. SMB.churn varies one segment.
 * @param trials Optional number of trials, 1 to 100,000 (default 1,000).
 * @param seed Optional whole number that fixes the draws (default 1): the same seed gives the same results.
 * @param metric Optional metric whose delta is summarised per period, e.g. contribution, revenue, arr; cumulative_contribution (default) for its running total.
 * @param correlation Optional square range of rank correlations: the uncertain keys as its header row and first column, 1 on the diagonal; repaired to the nearest valid matrix if needed.
 * @param latin_hypercube Optional TRUE for Latin hypercube sampling (default FALSE).
 * @param invocation Set by Excel: lets a long run stop when Excel cancels it.
 * @returns {any[][]} A header row and one row per period (with mean_se), then key/value rows: trials, p_win_npv, p_win_npv_se, p_win_equity, p_breakeven_within_tenure, means with their _se, NPV and equity delta percentiles.
 */
export function simulate(assumptions: any[][], baseline_plan: any[][], proposed_plan: any[][], uncertainty: any[][], trials?: any, seed?: any,
  metric?: any, correlation?: any[][], latin_hypercube?: any, invocation?: CustomFunctions.CancelableInvocation) {
  return callUncertain('SIMULATE', [assumptions, baseline_plan, proposed_plan, uncertainty, trials, seed, metric, correlation, latin_hypercube], invocation);
}

/**
 * Variance-based sensitivity: runs a Monte Carlo and spills, per uncertain assumption, its rank correlation with an output over the trials and its share of the output's variance, largest first.
 * @customfunction SENSITIVITY SENSITIVITY
 * @cancelable
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan.
 * @param proposed_plan Key/value range of the proposed plan.
 * @param uncertainty Range key | distribution | p1 | p2 | p3 as in CEQ.SIMULATE.
 * @param metric Optional output: customer_equity_delta (default), npv_delta, tenure_npv_delta or short_term_sacrifice.
 * @param trials Optional number of trials, 10 to 100,000 (default 1,000).
 * @param seed Optional whole number that fixes the draws (default 1).
 * @param correlation Optional square range of rank correlations, as in CEQ.SIMULATE.
 * @param latin_hypercube Optional TRUE for Latin hypercube sampling (default FALSE).
 * @param invocation Set by Excel: lets a long run stop when Excel cancels it.
 * @returns {any[][]} Header row key, rank_correlation, rank_correlation_se, contribution; one row per assumption, largest contribution first.
 */
export function sensitivity(assumptions: any[][], baseline_plan: any[][], proposed_plan: any[][], uncertainty: any[][], metric?: any, trials?: any,
  seed?: any, correlation?: any[][], latin_hypercube?: any, invocation?: CustomFunctions.CancelableInvocation) {
  return callUncertain('SENSITIVITY', [assumptions, baseline_plan, proposed_plan, uncertainty, metric, trials, seed, correlation, latin_hypercube], invocation);
}

/**
 * Tornado: moves each uncertain assumption alone from its P10 to its P90 (plus or minus 20 % when it has no distribution) and spills how far a comparison output moves, largest swing first.
 * @customfunction TORNADO TORNADO
 * @cancelable
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan.
 * @param proposed_plan Key/value range of the proposed plan.
 * @param uncertainty Range key | distribution | p1 | p2 | p3 as in CEQ.SIMULATE; may be blank (then every usual uncertain assumption moves by 20 %).
 * @param metric Optional output measured, as in CEQ.SUMMARY: customer_equity_delta (default), npv_delta, tenure_npv_delta, year1_comp_cost_delta ...
 * @param invocation Set by Excel: lets a long run stop when Excel cancels it.
 * @returns {any[][]} Header row key, low_input, high_input, output_low, output_high, swing; one row per assumption.
 */
export function tornado(assumptions: any[][], baseline_plan: any[][], proposed_plan: any[][], uncertainty: any[][], metric?: any,
  invocation?: CustomFunctions.CancelableInvocation) {
  return callUncertain('TORNADO', [assumptions, baseline_plan, proposed_plan, uncertainty, metric], invocation);
}

/**
 * Optimiser: the commission rates, clawback and service outcome weight that maximise an objective within bounds on each and a compensation budget; spills the best plan, the objective and which constraints bind.
 * @customfunction OPTIMIZE OPTIMIZE
 * @cancelable
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan: the starting point and the budget's reference.
 * @param bounds Range key | min | max for commissionNew, commissionRenewal, commissionExpansion, clawback, outcomeWeight; rates not listed keep their baseline value.
 * @param objective Optional customer_equity (default), npv or final_year_arr.
 * @param budget Optional: blank for year-1 comp cost no higher than the baseline's; a number for that year-1 comp cost; none; or comp_cost_share and a limit.
 * @param invocation Set by Excel: lets a long run stop when Excel cancels it.
 * @returns {any[][]} Key/value rows: the best plan (feed them back as a plan), then objective, budget and binding constraints.
 */
export function optimize(assumptions: any[][], baseline_plan: any[][], bounds: any[][], objective?: any, budget?: any[][],
  invocation?: CustomFunctions.CancelableInvocation) {
  return callUncertain('OPTIMIZE', [assumptions, baseline_plan, bounds, objective, budget], invocation);
}

/** The uncertainty functions, by id: index.ts associates them with the others. */
export const UNCERTAINTY_BY_ID: Readonly<Record<string, (...args: any[]) => unknown>> = {
  'SIMULATE': simulate,
  'SENSITIVITY': sensitivity,
  'TORNADO': tornado,
  'OPTIMIZE': optimize,
};

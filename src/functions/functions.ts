/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's `any` and `any[][]` parameter types: we coerce ourselves */
/**
 * The custom functions as Excel sees them. custom-functions-metadata reads the JSDoc here to write
 * functions.json (description, parameter help, optional flags, matrix or scalar types); each body is
 * one call into the table (table.ts), where arguments are coerced and the engine runs.
 *
 * Range arguments are `any[][]` so Excel passes the whole range (blank cells as null or ""), scalar
 * arguments are `any` so "10%" or a blank reaches our parser instead of Excel's coercion.
 */
import { functionDef, invoke } from './table';
import { registration } from './registration';

// custom-functions-metadata-plugin's loader appends `CustomFunctions.associate("ID", fn);` lines to this
// file. This local binding sends them through the guarded registration, so the bundle still loads
// where CustomFunctions is undefined and each id is associated once.
const CustomFunctions = registration;
void CustomFunctions;

const call = (id: string, ...args: unknown[]) => invoke(functionDef(id), args);

/**
 * Spills the assumption catalogue: key, default value (one column per segment name given), unit and meaning. Edit a copy and pass it to CEQ.PROJECT.
 * @customfunction DEFAULTS DEFAULTS
 * @param segments Optional segment names (a row, column or single text): one value column each. Scenario-wide keys are filled in the first column only.
 * @returns Header row key, values, unit, meaning; one row per assumption.
 */
export function defaults(segments?: any[][]): any[][] {
  return call('DEFAULTS', segments) as any[][];
}

/**
 * Projects one incentive plan: a header row, then one row per period with customers, ARR flows, revenue, gross profit, comp cost, contribution, NRR and GRR.
 * @customfunction PROJECT PROJECT
 * @param assumptions Key/value range, or a table with keys in the first column and one column per segment (header row = segment names). Blank values take the defaults.
 * @param plan Key/value range of plan keys (commissionNew, commissionRenewal, clawback, outcomeWeight, ...). Blank values take the defaults.
 * @param years Optional horizon in years, 1 to 30 (default: horizonYears in assumptions).
 * @param periods_per_year Optional 1 (years), 4 (quarters) or 12 (months) (default: periodsPerYear in assumptions).
 * @returns Header row and one row per period.
 */
export function project(assumptions: any[][], plan: any[][], years?: any, periods_per_year?: any): any[][] {
  return call('PROJECT', assumptions, plan, years, periods_per_year) as any[][];
}

/**
 * Compares one metric under two plans, period by period: baseline, proposed, delta and cumulative delta.
 * @customfunction COMPARE COMPARE
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan.
 * @param proposed_plan Key/value range of the proposed plan.
 * @param metric Optional metric name as in the CEQ.PROJECT header, e.g. revenue (default), contribution, arr, comp_cost.
 * @param years Optional horizon in years, 1 to 30 (default: horizonYears in assumptions).
 * @returns Header row and one row per period.
 */
export function compare(assumptions: any[][], baseline_plan: any[][], proposed_plan: any[][], metric?: any, years?: any): any[][] {
  return call('COMPARE', assumptions, baseline_plan, proposed_plan, metric, years) as any[][];
}

/**
 * Summarises a proposed plan against the baseline: crossover and break-even periods, short-term sacrifice, NPV and customer equity deltas, tenure view, year-1 and final-year deltas.
 * @customfunction SUMMARY SUMMARY
 * @param assumptions Key/value range or segment table of scenario, segment and behaviour keys.
 * @param baseline_plan Key/value range of the current plan.
 * @param proposed_plan Key/value range of the proposed plan.
 * @param years Optional horizon in years, 1 to 30 (default: horizonYears in assumptions).
 * @param uncertainty Optional: TRUE for the default uncertainty table, or a range key | distribution | p1 | p2 | p3 as in CEQ.SIMULATE; then the rows say how sure (p_win_npv, p_win_equity, ... with standard errors).
 * @param trials Optional trials of that run, 100 to 20,000 (default 2,000).
 * @param seed Optional whole number that fixes the draws (default 1).
 * @returns Twelve key/value rows; a period that never comes shows as the text never. With uncertainty, then trials, p_win_npv, p_win_npv_se, p_win_equity, ... equity_delta_p90.
 */
export function summary(assumptions: any[][], baseline_plan: any[][], proposed_plan: any[][], years?: any, uncertainty?: any[][], trials?: any, seed?: any): any[][] {
  return call('SUMMARY', assumptions, baseline_plan, proposed_plan, years, uncertainty, trials, seed) as any[][];
}

/**
 * Long-run shares of sales effort on acquiring, retaining and expanding under the proposed plan (default behaviour assumptions).
 * @customfunction EFFORT EFFORT
 * @param baseline_plan Key/value range of the current plan (its commission rates must be above 0).
 * @param proposed_plan Key/value range of the proposed plan.
 * @param responsiveness Optional responsiveness of effort to pay, 0 to 2 (default 0.6).
 * @returns One row: acquire, retain, expand shares (they add up to 1).
 */
export function effort(baseline_plan: any[][], proposed_plan: any[][], responsiveness?: any): number[][] {
  return call('EFFORT', baseline_plan, proposed_plan, responsiveness) as number[][];
}

/**
 * Customer lifetime value with a constant yearly retention: margin per year, retention and discount rate.
 * @customfunction CLV CLV
 * @param margin Margin per customer per year.
 * @param retention Yearly retention as a fraction (0.9 is 90 %), 0 to 1.
 * @param discount_rate Yearly discount rate as a fraction (10 % is 0.1), 0 to 1.
 * @param years Optional number of yearly margins counted, 1 to 200 (default: no limit; then retention must be below 1).
 * @param timing Optional 0 = first margin now (default), 1 = first margin after one renewal.
 * @returns The lifetime value.
 */
export function clv(margin: any, retention: any, discount_rate: any, years?: any, timing?: any): number {
  return call('CLV', margin, retention, discount_rate, years, timing) as number;
}

/**
 * Fits a shifted-beta-geometric (sBG) retention curve to a cohort's survivor counts by maximum likelihood.
 * @customfunction SBG.FIT SBG.FIT
 * @param survivors Row or column: customers at the start, then still active after each renewal; counts never rise.
 * @returns One row: alpha, beta, log-likelihood.
 */
export function sbgFit(survivors: any[][]): number[][] {
  return call('SBG.FIT', survivors) as number[][];
}

/**
 * sBG probability that a customer who reached renewal t renews: (beta + t - 1) / (alpha + beta + t - 1).
 * @customfunction SBG.RETENTION SBG.RETENTION
 * @param alpha sBG alpha, above 0.
 * @param beta sBG beta, above 0.
 * @param t Renewal opportunity, 1 for the first.
 * @returns The renewal probability.
 */
export function sbgRetention(alpha: any, beta: any, t: any): number {
  return call('SBG.RETENTION', alpha, beta, t) as number;
}

/**
 * sBG probability that a new customer is still active after t renewal opportunities.
 * @customfunction SBG.SURVIVAL SBG.SURVIVAL
 * @param alpha sBG alpha, above 0.
 * @param beta sBG beta, above 0.
 * @param t Renewal opportunities passed, 0 at the start.
 * @returns The survival probability.
 */
export function sbgSurvival(alpha: any, beta: any, t: any): number {
  return call('SBG.SURVIVAL', alpha, beta, t) as number;
}

/**
 * sBG discounted expected residual lifetime (DERL) of a customer, in periods, valued just before her next renewal decision.
 * @customfunction SBG.DERL SBG.DERL
 * @param alpha sBG alpha, above 0.
 * @param beta sBG beta, above 0.
 * @param discount_rate Discount rate per period as a fraction, 0.0001 to 1.
 * @param renewals Renewals the customer has made so far (0 during her first contract).
 * @returns Expected discounted number of payments still to come, the next one counted in full.
 */
export function sbgDerl(alpha: any, beta: any, discount_rate: any, renewals: any): number {
  return call('SBG.DERL', alpha, beta, discount_rate, renewals) as number;
}

/**
 * Net revenue retention: (start ARR + expansion - contraction - churned ARR) / start ARR.
 * @customfunction NRR NRR
 * @param start_arr ARR at the start of the period (above 0).
 * @param expansion Expansion ARR from that starting base.
 * @param contraction Contraction ARR from that starting base.
 * @param churned ARR lost with churned customers.
 * @returns NRR as a fraction (1.02 is 102 %).
 */
export function nrr(start_arr: any, expansion: any, contraction: any, churned: any): number {
  return call('NRR', start_arr, expansion, contraction, churned) as number;
}

/**
 * Gross revenue retention: (start ARR - contraction - churned ARR) / start ARR.
 * @customfunction GRR GRR
 * @param start_arr ARR at the start of the period (above 0).
 * @param contraction Contraction ARR from that starting base.
 * @param churned ARR lost with churned customers.
 * @returns GRR as a fraction (0.88 is 88 %).
 */
export function grr(start_arr: any, contraction: any, churned: any): number {
  return call('GRR', start_arr, contraction, churned) as number;
}

/**
 * First period (1-based) from which the proposed series stays at or above the baseline to the end; #N/A when it never does.
 * @customfunction CROSSOVER CROSSOVER
 * @param baseline_series Row or column of baseline values per period.
 * @param proposed_series Row or column of proposed values, as many as the baseline.
 * @param cumulative Optional TRUE to compare running totals (default FALSE).
 * @returns The period number.
 */
export function crossover(baseline_series: any[][], proposed_series: any[][], cumulative?: any): number {
  return call('CROSSOVER', baseline_series, proposed_series, cumulative) as number;
}

/** Every function Excel can call, by id: index.ts associates them. */
export const BY_ID: Readonly<Record<string, (...args: any[]) => unknown>> = {
  'DEFAULTS': defaults,
  'PROJECT': project,
  'COMPARE': compare,
  'SUMMARY': summary,
  'EFFORT': effort,
  'CLV': clv,
  'SBG.FIT': sbgFit,
  'SBG.RETENTION': sbgRetention,
  'SBG.SURVIVAL': sbgSurvival,
  'SBG.DERL': sbgDerl,
  'NRR': nrr,
  'GRR': grr,
  'CROSSOVER': crossover,
};

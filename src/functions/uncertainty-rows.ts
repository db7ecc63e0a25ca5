/**
 * The key/value rows a Monte Carlo run reports in a sheet (CEQ.SIMULATE, CEQ.SUMMARY with an
 * uncertainty argument): each probability and mean followed by its Monte Carlo standard error (key
 * + _se), the P10–P90 of the NPV and customer-equity deltas, and what was done to the correlation
 * matrix. One list, so the two functions never disagree.
 */
import type { MonteCarloResult } from '../engine';
import type { Cell } from './cells';

/** The 1-based period by which half the trials have broken even, or never. */
function medianPeriod(byPeriod: number[], trials: number, never: string): number | string {
  let sum = 0;
  for (let t = 0; t < byPeriod.length; t++) if ((sum += byPeriod[t]) * 2 >= trials) return t + 1;
  return never;
}

export function chanceRows(r: MonteCarloResult, never: string, plan = 0): [string, Cell][] {
  const o = r.plans[plan];
  const e = o.errors;
  const rows: [string, Cell][] = [
    ['trials', r.trials],
    ['p_win_npv', o.pWinNpv], ['p_win_npv_se', e.pWinNpv],
    ['p_win_equity', o.pWinEquity], ['p_win_equity_se', e.pWinEquity],
    ['p_breakeven_within_tenure', o.pBreakevenWithinTenure], ['p_breakeven_within_tenure_se', e.pBreakevenWithinTenure],
    ['p_breakeven_never', o.breakeven.never / r.trials],
    ['breakeven_p50', medianPeriod(o.breakeven.byPeriod, r.trials, never)],
    ['npv_delta_mean', o.npvDelta.mean], ['npv_delta_mean_se', e.npvDeltaMean],
    ['npv_delta_p10', o.npvDelta.p10], ['npv_delta_p50', o.npvDelta.p50], ['npv_delta_p90', o.npvDelta.p90],
    ['equity_delta_mean', o.customerEquityDelta.mean], ['equity_delta_mean_se', e.customerEquityDeltaMean],
    ['equity_delta_p10', o.customerEquityDelta.p10], ['equity_delta_p50', o.customerEquityDelta.p50], ['equity_delta_p90', o.customerEquityDelta.p90],
    ['redrawn_trials', r.redrawn],
  ];
  if (r.correlation) rows.push(['correlation_repaired', r.correlation.repaired], ['correlation_largest_change', r.correlation.largestChange]);
  return rows;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's `any` and `any[][]` parameter types: we coerce ourselves */
/**
 * The calibration functions as Excel sees them (custom-functions-metadata reads this JSDoc like
 * functions.ts); each body is one call through table.ts's `invoke`.
 */
import { CALIBRATION_FUNCTIONS } from './calibration-table';
import { registration } from './registration';
import { invoke, type FunctionDef } from './table';

// The metadata plugin's loader appends `CustomFunctions.associate("ID", fn);` lines here too.
const CustomFunctions = registration;
void CustomFunctions;

let byId: Map<string, FunctionDef> | undefined;
const call = (id: string, ...args: unknown[]) => {
  byId ??= new Map(CALIBRATION_FUNCTIONS.map((f) => [f.id, f]));
  return invoke(byId.get(id)!, args);
};

/**
 * The ARR bridge of a subscription ledger, per period: opening, new, expansion, contraction, churned, reactivation and closing ARR, the same for customers, and NRR, GRR and logo retention on the rows that end a year.
 * @customfunction BRIDGE BRIDGE
 * @param ledger One row per customer and period: customer, period (date, Excel date or period number), ARR or MRR, optional segment; a header row names them (customer, month, arr, segment; cliente, mes, segmento) or they come in that order.
 * @param unit Optional arr or mrr (default: the amount column's header, else arr). MRR is annualised (× 12).
 * @param segment Optional segment name (default: all segments).
 * @returns Header row and one row per period; amounts reconcile to the cent with the ledger.
 */
export function bridge(ledger: any[][], unit?: any, segment?: any): any[][] {
  return call('BRIDGE', ledger, unit, segment) as any[][];
}

/**
 * Calibrated segment assumptions from a subscription ledger over a trailing window, in the shape CEQ.PROJECT takes: keys in the first column, one column per segment, then the data size (n) and standard error (se) of each value.
 * @customfunction CALIBRATE CALIBRATE
 * @param ledger One row per customer and period: customer, period, ARR or MRR, optional segment (as in CEQ.BRIDGE).
 * @param unit Optional arr or mrr (default: the amount column's header, else arr).
 * @param window_months Optional trailing window in months for churn, contraction, expansion and new customers, 1 to 120 (default 12).
 * @returns Header row key, segments, "segment (n)" and "segment (se)" columns; one row per calibrated key.
 */
export function calibrateLedger(ledger: any[][], unit?: any, window_months?: any): any[][] {
  return call('CALIBRATE', ledger, unit, window_months) as any[][];
}

/**
 * Back-test: calibrates on the ledger up to a cut-off, projects the later periods with the plan and sets predicted ARR and customers beside the ledger's, with the mean absolute percentage error.
 * @customfunction BACKTEST BACKTEST
 * @param ledger One row per customer and period (as in CEQ.BRIDGE).
 * @param plan Key/value range of today's plan, the one the ledger was earned under.
 * @param cutoff Last period used for calibration: a date, a label such as 2024-12 or a period number.
 * @param unit Optional arr or mrr (default: the amount column's header, else arr).
 * @param window_months Optional trailing window in months, 1 to 120 (default 12).
 * @returns Header row, one row per period after the cut-off (predicted, actual, relative error), and a last row mape.
 */
export function backtestLedger(ledger: any[][], plan: any[][], cutoff: any, unit?: any, window_months?: any): any[][] {
  return call('BACKTEST', ledger, plan, cutoff, unit, window_months) as any[][];
}

/** The calibration functions by id: index.ts associates them. */
export const CALIBRATION_BY_ID: Readonly<Record<string, (...args: any[]) => unknown>> = {
  'BRIDGE': bridge,
  'CALIBRATE': calibrateLedger,
  'BACKTEST': backtestLedger,
};

/**
 * The calibration functions' table (style of table.ts): CEQ.BRIDGE, CEQ.CALIBRATE and CEQ.BACKTEST
 * read a subscription ledger through the engine (engine/calibration) and spill what it finds. CEQ.CALIBRATE
 * spills the shape CEQ.PROJECT's assumptions argument reads: keys in the first column, one column per
 * segment under a header of segment names, then "<segment> (n)" and "<segment> (se)" columns, which
 * PROJECT's reader (ranges.ts) skips as notes.
 */
import {
  backtest, buildBridge, calibrate, CALIBRATED_KEYS, invalid, parseLedger, periodIndexOf,
  type BridgeField, type Ledger, type LedgerUnit,
} from '../engine';
import { arg, type ArgSpec } from './args';
import type { Cell } from './cells';
import { invalidArgument } from './errors';
import type { FunctionDef } from './table';

function def<const A extends readonly ArgSpec[]>(d: FunctionDef<A>): FunctionDef {
  return d as unknown as FunctionDef;
}

const WINDOW = { min: 1, max: 120, integer: true };

function unitOf(text: string): LedgerUnit | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (t === 'arr' || t === 'mrr') return t;
  throw invalidArgument({ code: 'notAllowed', key: 'unit', value: text, suggestion: 'arr, mrr' });
}

const ledgerOf = (grid: Cell[][], unit: string): Ledger => parseLedger(grid, { unit: unitOf(unit) });

/** A period as a cell: the label text for months ("2024-03"), the number for period numbers. */
const periodCell = (l: Ledger, t: number): Cell => (l.periodKind === 'number' ? l.firstPeriod + t * l.step : l.labels[t]);
const blankIfNaN = (x: number): Cell => (Number.isFinite(x) ? x : '');

const MONEY_FIELDS: readonly [string, BridgeField][] = [
  ['opening_arr', 'opening'], ['new_arr', 'new'], ['expansion_arr', 'expansion'], ['contraction_arr', 'contraction'],
  ['churned_arr', 'churn'], ['reactivation_arr', 'reactivation'], ['closing_arr', 'closing'],
];
const COUNT_FIELDS: readonly [string, BridgeField][] = [
  ['opening_customers', 'openingCustomers'], ['new_customers', 'newCustomers'], ['reactivated_customers', 'reactivatedCustomers'],
  ['churned_customers', 'churnedCustomers'], ['closing_customers', 'closingCustomers'],
];

function segmentIndex(l: Ledger, name: string): number | undefined {
  if (!name) return undefined;
  const i = l.segments.findIndex((s) => s.toLowerCase() === name.toLowerCase());
  if (i < 0) throw invalid({ code: 'inconsistent', key: 'segment', value: name, detail: 'unknownSegment', args: { names: l.segments.join(', ') } });
  return i;
}

function bridgeRows(l: Ledger, segment: number | undefined): Cell[][] {
  const b = buildBridge(l);
  const s = segment ?? b.totalIndex;
  const header = ['period', ...MONEY_FIELDS.map((f) => f[0]), ...COUNT_FIELDS.map((f) => f[0]), 'nrr', 'grr', 'logo_retention'];
  const years = new Map(b.years[s].map((y) => [y.to, y]));
  const rows: Cell[][] = [header];
  for (let t = 0; t < l.periods; t++) {
    const y = years.get(t);
    rows.push([
      periodCell(l, t), ...MONEY_FIELDS.map(([, f]) => b.value(f, t, s) / 100), ...COUNT_FIELDS.map(([, f]) => b.value(f, t, s)),
      y ? blankIfNaN(y.nrr) : '', y ? blankIfNaN(y.grr) : '', y ? blankIfNaN(y.logoRetention) : '',
    ]);
  }
  return rows;
}

function calibrationRows(l: Ledger, windowMonths: number | undefined): Cell[][] {
  const c = calibrate(l, windowMonths);
  const names = c.segments.map((s) => s.name);
  const rows: Cell[][] = [['key', ...names, ...names.map((n) => `${n} (n)`), ...names.map((n) => `${n} (se)`)]];
  for (const key of CALIBRATED_KEYS) {
    rows.push([key, ...c.segments.map((s) => s.values[key].value), ...c.segments.map((s) => s.values[key].n), ...c.segments.map((s) => blankIfNaN(s.values[key].se))]);
  }
  return rows;
}

export const CALIBRATION_FUNCTIONS: readonly FunctionDef[] = [
  def({
    id: 'BRIDGE', result: 'matrix', args: [arg.ledger(), arg.text('unit', ''), arg.text('segment', '')],
    core: (grid, unit, segment) => {
      const l = ledgerOf(grid, unit);
      return bridgeRows(l, segmentIndex(l, segment));
    },
  }),
  def({
    id: 'CALIBRATE', result: 'matrix', args: [arg.ledger(), arg.text('unit', ''), arg.maybeNumber('window_months', WINDOW)],
    core: (grid, unit, windowMonths) => calibrationRows(ledgerOf(grid, unit), windowMonths),
  }),
  def({
    id: 'BACKTEST', result: 'matrix',
    args: [arg.ledger(), arg.plan('plan'), arg.text('cutoff', ''), arg.text('unit', ''), arg.maybeNumber('window_months', WINDOW)],
    core: (grid, plan, cutoff, unit, windowMonths) => {
      const l = ledgerOf(grid, unit);
      if (!cutoff) throw invalidArgument({ code: 'missing', key: 'cutoff' });
      const r = backtest(l, plan.values, periodIndexOf(l, cutoff), windowMonths);
      const rows: Cell[][] = [['period', 'predicted_arr', 'actual_arr', 'arr_error', 'predicted_customers', 'actual_customers', 'customers_error']];
      for (const x of r.rows) {
        rows.push([periodCell(l, x.period), x.predictedArr, x.actualArr, x.actualArr > 0 ? (x.predictedArr - x.actualArr) / x.actualArr : '',
          x.predictedCustomers, x.actualCustomers, x.actualCustomers > 0 ? (x.predictedCustomers - x.actualCustomers) / x.actualCustomers : '']);
      }
      rows.push(['mape', '', '', r.arrMape, '', '', r.customersMape]);
      return rows;
    },
  }),
];

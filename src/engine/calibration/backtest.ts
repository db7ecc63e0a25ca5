import { defaultsOf, findSpec, type BehaviourValues, type PlanValues, type SegmentValues, type Scenario } from '../model';
import { invalid } from '../text';
import { runScenario } from '../scenario';
import { calibrate, ledgerUpTo, type Calibration, type CalibratedKey } from './calibrate';
import { buildBridge } from './bridge';
import type { Ledger } from './ledger';
import { periodOf, slashOrderOf } from './ledger-cells';

/**
 * The back-test of MODEL.md section 10: calibrate on the ledger up to a cut-off, project the periods
 * after it with the baseline plan through the engine's public projection (runScenario), and set the
 * predicted ARR and customers at each period's end beside the ledger's. The error is the mean absolute
 * percentage error (MAPE) over the periods projected. Keys the ledger cannot give (margins, costs,
 * behaviour) come from `base` or the catalogue's defaults; they move neither ARR nor customers under
 * the baseline plan, except through the rule that churn cannot be below the service-driven churn.
 */
export interface BacktestRow {
  period: number;
  label: string;
  predictedArr: number;
  actualArr: number;
  predictedCustomers: number;
  actualCustomers: number;
}

export interface Backtest {
  cutoff: number;
  calibration: Calibration;
  rows: BacktestRow[];
  arrMape: number;
  customersMape: number;
}

export interface BacktestBase {
  /** Per segment name: values for the keys the ledger cannot give. */
  segments?: Readonly<Record<string, Partial<SegmentValues>>>;
  behaviour?: Partial<BehaviourValues>;
}

/** The period index of a cut-off cell (a date, an Excel date, a period number or a label such as 2024-06). */
export function periodIndexOf(ledger: Ledger, cell: unknown, key = 'cutoff'): number {
  const p = periodOf(cell, slashOrderOf([cell], false));
  const first = ledger.labels[0];
  const last = ledger.labels[ledger.periods - 1];
  if (!p || p.kind !== ledger.periodKind) throw invalid({ code: 'inconsistent', key, value: String(cell ?? ''), detail: 'cutoffNotPeriod', args: { first, last } });
  const offset = p.value - ledger.firstPeriod;
  // A date inside a quarter or year of a coarser ledger belongs to that period.
  const index = Math.floor(offset / ledger.step);
  if (index < 0 || index >= ledger.periods) throw invalid({ code: 'inconsistent', key, value: String(cell), detail: 'cutoffNotPeriod', args: { first, last } });
  return index;
}

/** Segment values for a projection: the catalogue's defaults, then `base`, then the calibrated keys. */
export function calibratedSegmentValues(c: Calibration, base?: BacktestBase): { name: string; values: SegmentValues }[] {
  return c.segments.map((s) => {
    const values = { ...defaultsOf('segment'), ...base?.segments?.[s.name] } as Record<string, number>;
    for (const [key, v] of Object.entries(s.values) as [CalibratedKey, { value: number }][]) values[key] = v.value;
    return { name: s.name, values: values as SegmentValues };
  });
}

export function backtest(ledger: Ledger, plan: PlanValues, cutoff: number, windowMonths?: number, base?: BacktestBase): Backtest {
  const last = ledger.periods - 1;
  if (!(cutoff >= 1 && cutoff < last)) {
    throw invalid({ code: 'inconsistent', key: 'cutoff', value: ledger.labels[Math.max(0, Math.min(last, cutoff))], detail: 'cutoffOutside',
      args: { first: ledger.labels[1], last: ledger.labels[last - 1] } });
  }
  const calibration = calibrate(ledgerUpTo(ledger, cutoff), windowMonths);
  const ppy = ledger.periodsPerYear;
  const ahead = last - cutoff;
  const horizon = findSpec('horizonYears')!;
  const settings = { ...defaultsOf('scenario'), periodsPerYear: ppy, horizonYears: Math.min(horizon.max, Math.ceil(ahead / ppy)) };
  const scenario: Scenario = {
    name: 'back-test', settings, segments: calibratedSegmentValues(calibration, base),
    behaviour: { ...defaultsOf('behaviour'), ...base?.behaviour },
    baseline: { name: 'baseline', values: plan }, proposed: [],
  };
  const projection = runScenario(scenario).baseline;
  const actual = buildBridge(ledger);
  const rows: BacktestRow[] = [];
  let arrError = 0;
  let customerError = 0;
  for (let t = 0; t < Math.min(ahead, projection.periods); t++) {
    const period = cutoff + 1 + t;
    const row: BacktestRow = {
      period, label: ledger.labels[period],
      predictedArr: projection.value('arr', t), actualArr: actual.value('closing', period) / 100,
      predictedCustomers: projection.value('customers', t), actualCustomers: actual.value('closingCustomers', period),
    };
    arrError += row.actualArr > 0 ? Math.abs(row.predictedArr - row.actualArr) / row.actualArr : 0;
    customerError += row.actualCustomers > 0 ? Math.abs(row.predictedCustomers - row.actualCustomers) / row.actualCustomers : 0;
    rows.push(row);
  }
  return { cutoff, calibration, rows, arrMape: arrError / rows.length, customersMape: customerError / rows.length };
}

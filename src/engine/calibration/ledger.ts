import { invalid, type Problem, type DetailId } from '../text';
import {
  amountOf, isBlankCell, isSpanishHeader, periodLabel, periodOf, roleOfHeader, slashOrderOf, textOf,
  type LedgerRole, type PeriodValue,
} from './ledger-cells';

/**
 * A subscription ledger, one row per customer and period, read into integer cents per customer and
 * period. Rules (docs/calibration.md says them to users):
 * - columns are found by header (English or Spanish, see ledger-cells.ts) or, with no header, taken in
 *   the order customer, period, amount, segment;
 * - a customer absent from a period, or with 0 in it, has no ARR in that period;
 * - a bad row (blank customer, unreadable period, amount not a number or below 0, a second row for the
 *   same customer and period) is skipped, counted by reason and listed with its row and column;
 * - a customer keeps the segment of its first period: a later row naming another segment is kept in
 *   the first one and listed (moving ARR between segments mid-life would show as churn and new);
 * - MRR is ARR ÷ 12: a unit column's MRR rows in an ARR ledger are converted and listed; with no unit
 *   column, an amount exactly 12 times (or a twelfth of) the customer's previous one is listed as a
 *   likely MRR/ARR mix-up (kept as it is);
 * - a whole period with no rows between the first and the last is refused (the whole book would churn).
 *
 * Just over 300 lines: reading a row and counting why a row is refused share one pass and its
 * counters; the cell-level readers already live in ledger-cells.ts.
 */

/** Above this many rows the ledger is refused before any work (a whole-column range is 1,048,576). */
export const MAX_LEDGER_ROWS = 500_000;
/** How many row problems are listed; all of them are counted. */
export const MAX_LISTED_PROBLEMS = 100;

export type LedgerUnit = 'arr' | 'mrr';

export interface LedgerOptions {
  /** The amount column's unit; by default its header's (arr or mrr), else ARR. */
  unit?: LedgerUnit;
}

export interface LedgerCount {
  reason: DetailId;
  count: number;
}

export interface Ledger {
  unit: LedgerUnit;
  periodKind: PeriodValue['kind'];
  /** Period index 0 … periods − 1; labels[i] as "2024-03" or the period number. */
  labels: string[];
  periods: number;
  periodsPerYear: number;
  /** Raw period value (month index or number) of period 0, and the step between periods. */
  firstPeriod: number;
  step: number;
  segments: string[];
  customers: string[];
  /** Index into `segments` per customer. */
  customerSegment: Int32Array;
  /** Entries of customer c are offsets[c] … offsets[c + 1] − 1, sorted by period; cents are annual and above 0. */
  offsets: Int32Array;
  entryPeriod: Int32Array;
  entryCents: Float64Array;
  rowsRead: number;
  rowsUsed: number;
  /** Rows skipped, by reason; every row read is used, skipped or blank. */
  skipped: LedgerCount[];
  /** Rows kept but worth a look (segment moves, unit conversions, zero amounts), by reason. */
  warnings: LedgerCount[];
  /** The first MAX_LISTED_PROBLEMS row problems, skipped and warned alike, each naming its row and column. */
  problems: Problem[];
}

interface Columns {
  customer: number;
  period: number;
  amount: number;
  segment: number;
  unit: number;
  names: Record<'customer' | 'period' | 'amount' | 'segment' | 'unit', string>;
  headerUnit?: LedgerUnit;
  spanish: boolean;
}

function columnsOf(header: unknown[] | undefined, width: number, unit: LedgerUnit | undefined): Columns {
  const found: Partial<Record<LedgerRole, number>> = {};
  const roles = header?.map(roleOfHeader) ?? [];
  const isHeader = roles.filter(Boolean).length >= 2;
  if (!isHeader) {
    return {
      customer: 0, period: 1, amount: 2, segment: width > 3 ? 3 : -1, unit: -1, spanish: false,
      names: { customer: 'customer', period: 'period', amount: unit ?? 'arr', segment: 'segment', unit: 'unit' },
    };
  }
  roles.forEach((role, c) => {
    if (role && found[role] === undefined) found[role] = c;
  });
  if (found.arr !== undefined && found.mrr !== undefined) {
    throw invalid({ code: 'inconsistent', key: 'ledger', detail: 'ledgerBothUnits', args: { arr: textOf(header![found.arr]), mrr: textOf(header![found.mrr]) } });
  }
  const headerUnit: LedgerUnit | undefined = found.arr !== undefined ? 'arr' : found.mrr !== undefined ? 'mrr' : undefined;
  const amount = found.arr ?? found.mrr;
  for (const [role, at] of [['customer', found.customer], ['period', found.period], ['arr', amount]] as const) {
    if (at === undefined) throw invalid({ code: 'inconsistent', key: 'ledger', detail: 'ledgerColumn', args: { column: role } });
  }
  if (unit && headerUnit && unit !== headerUnit) {
    throw invalid({ code: 'inconsistent', key: 'unit', value: unit, detail: 'ledgerUnitHeader', args: { header: textOf(header![amount!]) } });
  }
  const name = (at: number | undefined, fallback: string) => (at === undefined ? fallback : textOf(header![at]));
  return {
    customer: found.customer!, period: found.period!, amount: amount!, segment: found.segment ?? -1, unit: found.unit ?? -1, headerUnit,
    spanish: header!.some(isSpanishHeader),
    names: { customer: name(found.customer, 'customer'), period: name(found.period, 'period'), amount: name(amount, 'arr'),
      segment: name(found.segment, 'segment'), unit: name(found.unit, 'unit') },
  };
}

const unitOfCell = (v: unknown): LedgerUnit | undefined => {
  const s = textOf(v).toLowerCase();
  return /^(arr|annual|anual|yearly)/.test(s) ? 'arr' : /^(mrr|monthly|mensual)/.test(s) ? 'mrr' : undefined;
};

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Reads a ledger grid (rows of cells, the first possibly a header); throws for a ledger that cannot be read at all. */
export function parseLedger(grid: readonly (readonly unknown[])[], options: LedgerOptions = {}): Ledger {
  if (grid.length > MAX_LEDGER_ROWS) {
    throw invalid({ code: 'tooLarge', key: 'ledger', value: grid.length, max: MAX_LEDGER_ROWS, detail: 'rows' });
  }
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  const first = grid.findIndex((r) => r.some((c) => !isBlankCell(c)));
  if (first < 0) throw invalid({ code: 'emptyData', key: 'ledger', detail: 'ledgerEmpty' });
  const cols = columnsOf(grid[first] as unknown[], width, options.unit);
  const hasHeader = cols.names.customer !== 'customer' || roleOfHeader(grid[first][cols.customer]) !== undefined;
  const unit = options.unit ?? cols.headerUnit ?? 'arr';
  const bodyStart = hasHeader ? first + 1 : first;

  const problems: Problem[] = [];
  const skipped = new Map<DetailId, number>();
  const warnings = new Map<DetailId, number>();
  const note = (into: Map<DetailId, number>, p: Problem & { detail: DetailId }) => {
    into.set(p.detail, (into.get(p.detail) ?? 0) + 1);
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  const skip = (p: Problem & { detail: DetailId }) => note(skipped, p);
  const warn = (p: Problem & { detail: DetailId }) => note(warnings, p);

  const slash = slashOrderOf(grid.slice(bodyStart, bodyStart + 2000).map((r) => r[cols.period]), cols.spanish);
  const periodCache = new Map<unknown, PeriodValue | undefined>();
  const customerIndex = new Map<string, number>();
  const customers: string[] = [];
  const rowCustomer: number[] = [];
  const rowPeriod: PeriodValue[] = [];
  const rowCents: number[] = [];
  const rowNumber: number[] = [];
  const rowSegment: string[] = [];
  let blank = 0;

  for (let r = bodyStart; r < grid.length; r++) {
    const row = grid[r];
    const rowNo = r + 1;
    if (!row.some((c) => !isBlankCell(c))) {
      blank++;
      continue;
    }
    const id = textOf(row[cols.customer]);
    if (!id) {
      skip({ code: 'inconsistent', key: cols.names.customer, detail: 'ledgerBlankCustomer', args: { row: rowNo } });
      continue;
    }
    const rawPeriod = row[cols.period];
    let period = periodCache.get(rawPeriod);
    if (period === undefined && !periodCache.has(rawPeriod)) periodCache.set(rawPeriod, (period = periodOf(rawPeriod, slash)));
    if (!period) {
      skip({ code: 'inconsistent', key: cols.names.period, value: textOf(rawPeriod), detail: 'ledgerBadPeriod', args: { row: rowNo } });
      continue;
    }
    const amount = amountOf(row[cols.amount]);
    if (amount === undefined) {
      const shown = isBlankCell(row[cols.amount]) ? '' : textOf(row[cols.amount]);
      skip({ code: 'inconsistent', key: cols.names.amount, value: shown, detail: 'ledgerNotAmount', args: { row: rowNo } });
      continue;
    }
    if (amount < 0) {
      skip({ code: 'inconsistent', key: cols.names.amount, value: amount, detail: 'ledgerNegative', args: { row: rowNo } });
      continue;
    }
    if (amount > 1e12) {
      skip({ code: 'inconsistent', key: cols.names.amount, value: amount, detail: 'ledgerHuge', args: { row: rowNo } });
      continue;
    }
    let rowUnit = unit;
    if (cols.unit >= 0 && !isBlankCell(row[cols.unit])) {
      const u = unitOfCell(row[cols.unit]);
      if (u && u !== unit) {
        rowUnit = u;
        warn({ code: 'inconsistent', key: cols.names.unit, value: u.toUpperCase(), detail: 'ledgerUnitMixed', args: { row: rowNo, unit: unit.toUpperCase() } });
      }
    }
    // Cents first, then × 12: an MRR of 99.99 is exactly 1199.88 a year.
    const cents = Math.round(amount * 100) * (rowUnit === 'mrr' ? 12 : 1);
    let c = customerIndex.get(id);
    if (c === undefined) {
      customerIndex.set(id, (c = customers.length));
      customers.push(id);
    }
    rowCustomer.push(c);
    rowPeriod.push(period);
    rowCents.push(cents);
    rowNumber.push(rowNo);
    rowSegment.push(cols.segment >= 0 ? textOf(row[cols.segment]) : '');
  }

  // Period kind: the majority's; rows of the other kind cannot be placed on the same time line.
  let months = 0;
  for (const p of rowPeriod) if (p.kind === 'month') months++;
  const periodKind: PeriodValue['kind'] = months * 2 >= rowPeriod.length ? 'month' : 'number';
  const keep: number[] = [];
  for (let i = 0; i < rowPeriod.length; i++) {
    if (rowPeriod[i].kind === periodKind) keep.push(i);
    else skip({ code: 'inconsistent', key: cols.names.period, value: periodLabel(rowPeriod[i]), detail: 'ledgerPeriodKind', args: { row: rowNumber[i] } });
  }
  const distinct = [...new Set(keep.map((i) => rowPeriod[i].value))].sort((a, b) => a - b);
  if (distinct.length < 2) throw invalid({ code: 'tooFewPoints', key: 'ledger', detail: 'ledgerTwoPeriods' });
  let step = 0;
  for (let i = 1; i < distinct.length; i++) step = gcd(distinct[i] - distinct[i - 1], step);
  // Dates a month, a quarter or a year apart; any other spacing means months are missing (a gap, below).
  if (periodKind === 'month' && ![1, 3, 12].includes(step)) step = 1;
  const periodsPerYear = periodKind === 'number' ? 12 : 12 / step;
  const firstPeriod = distinct[0];
  const periods = (distinct[distinct.length - 1] - firstPeriod) / step + 1;
  const label = (index: number) => periodLabel({ kind: periodKind, value: firstPeriod + index * step });
  for (let i = 1; i < distinct.length; i++) {
    if (distinct[i] - distinct[i - 1] > step) {
      const missing = (distinct[i - 1] - firstPeriod) / step + 1;
      throw invalid({ code: 'inconsistent', key: cols.names.period, value: label(missing), detail: 'ledgerGap',
        args: { before: label(missing - 1), after: label((distinct[i] - firstPeriod) / step) } });
    }
  }

  // Group by customer (a counting sort: customers are already numbered), then by period and row within
  // each customer (insertion sort: an export is nearly always in order already).
  const start = new Int32Array(customers.length + 1);
  for (const i of keep) start[rowCustomer[i] + 1]++;
  for (let c = 0; c < customers.length; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers.length);
  const sorted = new Int32Array(keep.length);
  for (const i of keep) sorted[fill[rowCustomer[i]]++] = i;
  const before = (a: number, b: number) => rowPeriod[a].value - rowPeriod[b].value || rowNumber[a] - rowNumber[b];
  for (let c = 0; c < customers.length; c++) {
    for (let j = start[c] + 1; j < start[c + 1]; j++) {
      const x = sorted[j];
      let k = j - 1;
      for (; k >= start[c] && before(sorted[k], x) > 0; k--) sorted[k + 1] = sorted[k];
      sorted[k + 1] = x;
    }
  }
  const offsets = new Int32Array(customers.length + 1);
  const entryPeriod: number[] = [];
  const entryCents: number[] = [];
  const customerSegment = new Int32Array(customers.length).fill(-1);
  const segmentIndex = new Map<string, number>();
  const segments: string[] = [];
  let zero = 0;
  let k = 0;
  for (let c = 0; c < customers.length; c++) {
    offsets[c] = entryPeriod.length;
    let lastPeriod = -1;
    let lastRow = 0;
    let lastCents = 0;
    let segment = '';
    for (; k < start[c + 1]; k++) {
      const i = sorted[k];
      const p = (rowPeriod[i].value - firstPeriod) / step;
      if (p === lastPeriod) {
        skip({ code: 'inconsistent', key: cols.names.customer, value: customers[c], detail: 'ledgerDuplicate', args: { row: rowNumber[i], first: lastRow, period: label(p) } });
        continue;
      }
      if (customerSegment[c] < 0) {
        segment = rowSegment[i] || (cols.segment >= 0 ? '(blank)' : 'All');
        let s = segmentIndex.get(segment);
        if (s === undefined) segmentIndex.set(segment, (s = segments.push(segment) - 1));
        customerSegment[c] = s;
      } else if (rowSegment[i] && rowSegment[i] !== segment) {
        warn({ code: 'inconsistent', key: cols.names.segment, value: rowSegment[i], detail: 'ledgerSegmentMove', args: { row: rowNumber[i], customer: customers[c], from: segment } });
      }
      lastPeriod = p;
      lastRow = rowNumber[i];
      const cents = rowCents[i];
      if (cents === 0) {
        zero++;
        continue;
      }
      if (cols.unit < 0 && lastCents > 0 && p === entryPeriod[entryPeriod.length - 1] + 1 && (cents === lastCents * 12 || cents * 12 === lastCents)) {
        warn({ code: 'inconsistent', key: cols.names.amount, value: cents / 100, detail: 'ledgerUnitJump', args: { row: rowNumber[i], customer: customers[c], before: lastCents / 100 } });
      }
      entryPeriod.push(p);
      entryCents.push(cents);
      lastCents = cents;
    }
  }
  offsets[customers.length] = entryPeriod.length;
  if (zero) warnings.set('ledgerZero', zero);
  if (blank) skipped.set('ledgerBlankRow', blank);
  const counts = (m: Map<DetailId, number>) => [...m].map(([reason, count]) => ({ reason, count }));
  const skippedCount = [...skipped.values()].reduce((a, b) => a + b, 0);
  return {
    unit, periodKind, labels: Array.from({ length: periods }, (_, i) => label(i)), periods, periodsPerYear, firstPeriod, step,
    segments, customers, customerSegment, offsets, entryPeriod: Int32Array.from(entryPeriod), entryCents: Float64Array.from(entryCents),
    rowsRead: grid.length - bodyStart, rowsUsed: grid.length - bodyStart - skippedCount,
    skipped: counts(skipped), warnings: counts(warnings), problems,
  };
}

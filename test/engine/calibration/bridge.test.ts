import fc from 'fast-check';
import {
  BRIDGE_FIELDS, buildBridge, calibrate, describeProblem, MAX_LEDGER_ROWS, ModelError, parseLedger, type BridgeField, type Ledger,
} from '../../../src/engine';

/** The ledger of docs/calibration.md's worked example: four customers, three months. */
const WORKED = [
  ['customer', 'month', 'arr', 'segment'],
  ['A', '2024-01', 1200, 'SMB'], ['A', '2024-02', 1500, 'SMB'], ['A', '2024-03', 1500, 'SMB'],
  ['B', '2024-01', 2400, 'SMB'], ['B', '2024-02', 2000, 'SMB'],
  ['C', '2024-02', 600, 'Enterprise'], ['C', '2024-03', 600, 'Enterprise'],
  ['D', '2024-01', 1000, 'Enterprise'], ['D', '2024-03', 1100, 'Enterprise'],
];

const row = (l: Ledger, t: number, segment?: number) => {
  const b = buildBridge(l);
  return Object.fromEntries(BRIDGE_FIELDS.map((f) => [f, b.value(f, t, segment) / (f.endsWith('ustomers') ? 1 : 100)])) as Record<BridgeField, number>;
};

function problemOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return describeProblem((e as ModelError).problems[0]);
  }
  throw new Error('expected a ModelError');
}

describe('the ARR bridge, worked by hand', () => {
  const l = parseLedger(WORKED);

  it('reads the columns by header, months as periods, two segments in order of appearance', () => {
    expect([l.periods, l.periodsPerYear, l.labels, l.segments]).toEqual([3, 12, ['2024-01', '2024-02', '2024-03'], ['SMB', 'Enterprise']]);
    expect([l.rowsRead, l.rowsUsed, l.skipped, l.warnings]).toEqual([9, 9, [], []]);
  });

  it('February: 4600 + new 600 (C) + expansion 300 (A) − contraction 400 (B) − churn 1000 (D) = 4100', () => {
    expect(row(l, 1)).toEqual({
      opening: 4600, new: 600, expansion: 300, contraction: 400, churn: 1000, reactivation: 0, closing: 4100,
      openingCustomers: 3, newCustomers: 1, reactivatedCustomers: 0, churnedCustomers: 1, closingCustomers: 3,
    });
  });

  it('March: B churns 2000 and D comes back with 1100, a reactivation, not a new customer', () => {
    expect(row(l, 2)).toEqual({
      opening: 4100, new: 0, expansion: 0, contraction: 0, churn: 2000, reactivation: 1100, closing: 3200,
      openingCustomers: 3, newCustomers: 0, reactivatedCustomers: 1, churnedCustomers: 1, closingCustomers: 3,
    });
    expect(row(l, 2, 1)).toMatchObject({ opening: 600, reactivation: 1100, closing: 1700 }); // Enterprise: C and D
  });

  it('calibrates the window by the formulas of calibrate.ts (the same ledger by quarter)', () => {
    const quarters: Record<string, string> = { '2024-01': '2024-01', '2024-02': '2024-04', '2024-03': '2024-07' };
    const quarterly = parseLedger(WORKED.map((r, i) => (i === 0 ? r.slice(0, 3) : [r[0], quarters[r[1] as string], r[2]])));
    expect([quarterly.periodsPerYear, quarterly.labels]).toEqual([4, ['2024-01', '2024-04', '2024-07']]);
    const all = calibrate(quarterly, 6).segments[0].values;
    // Openings 3 + 3 customers, 2 churned: h = 1/3 a quarter.
    expect(all.churn).toMatchObject({ n: 6 });
    expect(all.churn.value).toBeCloseTo(1 - (2 / 3) ** 4, 12);
    // Retained ARR (4600 − 1000) + (4100 − 2000) = 5700, contraction 400.
    expect(all.contraction.value).toBeCloseTo(1 - (1 - 400 / 5700) ** 4, 12);
    // Retained after contraction 3200 + 2100 = 5300, expansion 300.
    expect(all.expansion.value).toBeCloseTo((1 + 300 / 5300) ** 4 - 1, 12);
    // One new (C) and one reactivated (D) in two quarters: 4 a year.
    expect(all.newCustomers.value).toBe(4);
    expect([all.customers.value, all.arpa.value]).toEqual([3, 3200 / 3]);
  });

  it('sets an estimate beyond the catalogue\'s range to its end, and says so', () => {
    // By month the same flows are 1 − (2/3)^12 = 99.2 % churn a year, above the 95 % ceiling.
    const monthly = calibrate(parseLedger(WORKED.map((r) => r.slice(0, 3))), 2).segments[0].values;
    expect(monthly.churn).toMatchObject({ value: 0.95, clamped: true });
    expect(monthly.contraction).toMatchObject({ value: 0.5, clamped: true });
  });
});

describe('reading a ledger', () => {
  it('takes customer, period, amount, segment by position when there is no header', () => {
    const l = parseLedger([['A', '2024-01-01', 100], ['A', '2024-02-01', 150], ['B', '2024-02-01', 50]]);
    expect([l.customers, l.labels, l.rowsRead]).toEqual([['A', 'B'], ['2024-01', '2024-02'], 3]);
  });

  it('reads Spanish headers, day-first dates and MRR (annualised to the cent)', () => {
    const l = parseLedger([['Cliente', 'Fecha', 'MRR', 'Segmento'], ['A', '31/01/2024', '99,99', 'Pyme'], ['A', '29/02/2024', '1.099,99', 'Pyme']]);
    expect([l.unit, l.labels, l.segments]).toEqual(['mrr', ['2024-01', '2024-02'], ['Pyme']]);
    expect([...l.entryCents]).toEqual([9999 * 12, 109999 * 12]);
  });

  it('reads Excel serial dates and period numbers', () => {
    expect(parseLedger([['A', 45292, 1], ['A', 45323, 1]]).labels).toEqual(['2024-01', '2024-02']); // 1 Jan and 1 Feb 2024
    const numbers = parseLedger([['A', 1, 1], ['A', 2, 1], ['A', 3, 1]]);
    expect([numbers.periodKind, numbers.periods, numbers.periodsPerYear]).toEqual(['number', 3, 12]);
  });

  it('skips bad rows, counts them by reason and names row and column', () => {
    const l = parseLedger([
      ['customer', 'month', 'arr', 'segment'],
      ['A', '2024-01', 100, 'SMB'], ['A', '2024-01', 120, 'SMB'], ['B', 'soon', 100, 'SMB'], ['C', '2024-02', -5, 'SMB'],
      ['D', '2024-02', 'n/a', 'SMB'], ['', '2024-02', 100, 'SMB'], ['A', '2024-02', 100, 'Enterprise'], [null, null, null, null],
    ]);
    expect(l.skipped).toEqual(expect.arrayContaining([
      { reason: 'ledgerDuplicate', count: 1 }, { reason: 'ledgerBadPeriod', count: 1 }, { reason: 'ledgerNegative', count: 1 },
      { reason: 'ledgerNotAmount', count: 1 }, { reason: 'ledgerBlankCustomer', count: 1 }, { reason: 'ledgerBlankRow', count: 1 },
    ]));
    expect(l.warnings).toEqual([{ reason: 'ledgerSegmentMove', count: 1 }]);
    expect(l.rowsRead).toBe(l.rowsUsed + 6);
    const texts = l.problems.map((p) => describeProblem(p));
    expect(texts).toEqual(expect.arrayContaining([
      'customer: row 3: customer A already has a row for 2024-01 (row 2); the later row is skipped',
      'month: row 4: "soon" is not a date, an Excel date or a period number; the row is skipped',
      'arr: row 5: -5 is below 0 (a credit or refund is not recurring revenue); the row is skipped',
      'arr: row 6: "n/a" is not an amount; the row is skipped',
      'customer: row 7 has no customer id; the row is skipped',
      'segment: row 8: customer A moves from SMB to Enterprise; it stays in SMB, its first segment',
    ]));
    expect(l.segments).toEqual(['SMB']);
  });

  it('converts MRR rows of a unit column and flags a ×12 jump when there is none', () => {
    const mixed = parseLedger([['customer', 'month', 'arr', 'unit'], ['A', '2024-01', 1200, 'ARR'], ['A', '2024-02', 100, 'MRR']]);
    expect([...mixed.entryCents]).toEqual([120000, 120000]);
    expect(describeProblem(mixed.problems[0])).toBe('unit: row 3 is in MRR in an ARR ledger; converted (MRR × 12 = ARR)');
    const jump = parseLedger([['customer', 'month', 'arr'], ['A', '2024-01', 1200], ['A', '2024-02', 100]]);
    expect(jump.warnings).toEqual([{ reason: 'ledgerUnitJump', count: 1 }]);
  });

  it('refuses what cannot be read at all, saying why', () => {
    expect(problemOf(() => parseLedger([['customer', 'month', 'arr'], ['A', '2024-01', 1], ['A', '2024-03', 1], ['A', '2024-04', 1]])))
      .toBe('month: no row at all for 2024-02, between 2024-01 and 2024-03; a period with no customers would churn the whole book, so add it or cut the ledger there');
    expect(problemOf(() => parseLedger([['customer', 'month', 'arr', 'mrr'], ['A', '2024-01', 1, 1]])))
      .toBe('ledger: the ledger has both an ARR column (arr) and an MRR column (mrr); keep one');
    expect(problemOf(() => parseLedger([['customer', 'arr'], ['A', 1]]))).toMatch(/^ledger: no period column/);
    expect(problemOf(() => parseLedger([['customer', 'month', 'mrr'], ['A', '2024-01', 1]], { unit: 'arr' })))
      .toBe('unit: arr does not match the amount column\'s header mrr');
  });

  it('refuses a whole-column range before reading a row', () => {
    const empty: unknown[] = [];
    const grid = new Array<unknown[]>(1_048_576).fill(empty);
    expect(problemOf(() => parseLedger(grid))).toBe(`ledger: 1048576 rows is too large; the limit is ${MAX_LEDGER_ROWS}`);
  });
});

describe('the bridge reconciles to the cent (property)', () => {
  const ledgers = fc.record({
    periods: fc.integer({ min: 2, max: 14 }),
    customers: fc.array(fc.record({ segment: fc.constantFrom('SMB', 'Mid', 'Ent'), active: fc.array(fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }), { minLength: 14, maxLength: 14 }) }), { minLength: 1, maxLength: 25 }),
  });

  it('opening + new + expansion − contraction − churn + reactivation = closing = the ledger\'s own sum, exactly, per segment and in total', () => {
    fc.assert(fc.property(ledgers, ({ periods, customers }) => {
      const grid: unknown[][] = [['customer', 'period', 'arr', 'segment']];
      const sums = new Map<string, number>();
      customers.forEach((c, i) => c.active.slice(0, periods).forEach((cents, t) => {
        if (cents === undefined) return;
        grid.push([`C${i}`, t + 1, (cents / 100).toFixed(2), c.segment]);
        for (const key of [`${c.segment}:${t}`, `*:${t}`]) sums.set(key, (sums.get(key) ?? 0) + cents);
      }));
      // Every period needs a row, or the ledger is refused as having a gap.
      for (let t = 0; t < periods; t++) if (!sums.has(`*:${t}`)) grid.push(['filler', t + 1, 0, 'SMB']);
      const l = parseLedger(grid);
      const b = buildBridge(l);
      for (let s = 0; s <= l.segments.length; s++) {
        const name = s === l.segments.length ? '*' : l.segments[s];
        for (let t = 0; t < l.periods; t++) {
          const v = (f: BridgeField) => b.value(f, t, s);
          expect(v('closing')).toBe(sums.get(`${name}:${t}`) ?? 0);
          if (t === 0) continue;
          expect(v('opening') + v('new') + v('expansion') - v('contraction') - v('churn') + v('reactivation')).toBe(v('closing'));
          expect(v('openingCustomers') + v('newCustomers') + v('reactivatedCustomers') - v('churnedCustomers')).toBe(v('closingCustomers'));
          for (const f of BRIDGE_FIELDS) expect(v(f)).toBeGreaterThanOrEqual(0);
        }
      }
    }), { numRuns: 200 });
  });
});

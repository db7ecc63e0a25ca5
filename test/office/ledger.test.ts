/**
 * readSelectedLedger, the one Office.js reader of a ledger: the selection cut to the used range, read
 * in chunks of at most LEDGER_CHUNK_CELLS cells with one sync each, and a range above MAX_LEDGER_ROWS
 * refused after one sync, before any value is loaded. A hand-made Excel object model stands in.
 */
import { describeProblem, MAX_LEDGER_ROWS, ModelError } from '../../src/engine';
import { LEDGER_CHUNK_CELLS, readSelectedLedger } from '../../src/office/ledger';

interface Loaded { values?: unknown[][] }

function fakeExcel(rowCount: number, columnCount: number) {
  const reads: { first: number; rows: number; cols: number }[] = [];
  let syncs = 0;
  const pending: (() => void)[] = [];
  const range = {
    address: `Sheet1!A1:D${rowCount}`, rowCount, columnCount, isNullObject: false,
    load: () => undefined,
    getCell: (first: number) => ({
      getResizedRange: (moreRows: number, moreCols: number) => {
        const part: Loaded & { load: () => void } = {
          load: () => pending.push(() => {
            reads.push({ first, rows: moreRows + 1, cols: moreCols + 1 });
            part.values = Array.from({ length: moreRows + 1 }, (_, i) => [`C${first + i}`, first + i, 100, 'SMB'].slice(0, moreCols + 1));
          }),
        };
        return part;
      },
    }),
  };
  const context = {
    workbook: { getSelectedRange: () => ({ worksheet: { getUsedRange: () => ({}) }, getIntersectionOrNullObject: () => range }) },
    sync: async () => {
      syncs++;
      for (const f of pending.splice(0)) f();
    },
  };
  (globalThis as unknown as { Excel: unknown }).Excel = { run: <T>(f: (c: unknown) => Promise<T>) => f(context) };
  return { reads, syncs: () => syncs };
}

describe('readSelectedLedger', () => {
  it('reads 30,000 rows of four columns in chunks of at most 50,000 cells, in order', async () => {
    const excel = fakeExcel(30_000, 4);
    const progress: number[] = [];
    const read = await readSelectedLedger((done) => progress.push(done));
    expect(read.rows).toHaveLength(30_000);
    expect(read.rows[29_999][0]).toBe('C29999');
    expect(excel.reads.every((r) => r.rows * r.cols <= LEDGER_CHUNK_CELLS)).toBe(true);
    expect(excel.reads.map((r) => r.first)).toEqual([0, 12_500, 25_000]);
    expect(excel.syncs()).toBe(1 + excel.reads.length);
    expect(progress).toEqual([12_500, 25_000, 30_000]);
  });

  it('refuses a range above the limit after one sync, loading no value', async () => {
    const excel = fakeExcel(1_048_576, 4);
    const error = await readSelectedLedger().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect(describeProblem((error as ModelError).problems[0])).toBe(`ledger: 1048576 rows is too large; the limit is ${MAX_LEDGER_ROWS}`);
    expect([excel.syncs(), excel.reads.length]).toEqual([1, 0]);
  });
});

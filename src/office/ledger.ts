/**
 * Reads a subscription ledger from the selected range, in chunks: Excel refuses a single read above
 * about 5 MB, and a 200,000-row ledger of four columns is several times that. The selection is first
 * cut to the sheet's used range (a whole-column selection holds 1,048,576 rows, nearly all blank);
 * what is still above MAX_LEDGER_ROWS is refused before any row is read.
 */
import { invalid, MAX_LEDGER_ROWS } from '../engine';

/** Cells per read: about 1 MB of values, well under Excel's payload limit. */
export const LEDGER_CHUNK_CELLS = 50_000;

export interface LedgerRead {
  address: string;
  rows: unknown[][];
}

export async function readSelectedLedger(onProgress?: (rowsRead: number, rows: number) => void): Promise<LedgerRead> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    const used = selected.worksheet.getUsedRange(true);
    const range = selected.getIntersectionOrNullObject(used);
    range.load(['address', 'rowCount', 'columnCount', 'isNullObject']);
    await context.sync();
    if (range.isNullObject) return { address: '', rows: [] };
    if (range.rowCount > MAX_LEDGER_ROWS) {
      throw invalid({ code: 'tooLarge', key: 'ledger', value: range.rowCount, max: MAX_LEDGER_ROWS, detail: 'rows' });
    }
    const step = Math.max(1, Math.floor(LEDGER_CHUNK_CELLS / Math.max(1, range.columnCount)));
    const rows: unknown[][] = [];
    for (let first = 0; first < range.rowCount; first += step) {
      const count = Math.min(step, range.rowCount - first);
      const part = range.getCell(first, 0).getResizedRange(count - 1, range.columnCount - 1);
      part.load('values');
      await context.sync();
      for (const row of part.values) rows.push(row);
      onProgress?.(rows.length, range.rowCount);
    }
    return { address: range.address, rows };
  });
}

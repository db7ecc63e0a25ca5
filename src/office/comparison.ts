/** Inserts (or updates in place) a side-by-side comparison of saved scenarios on its own marked sheet. */
import { comparisonTable, type ScenarioSummaryRow } from '../workbook';
import { MARK_KEY, resolveSheetNames } from './sheet-plan';

export const COMPARISON_SHEET = 'CEQ Comparison';

export async function insertComparison(rows: readonly ScenarioSummaryRow[]): Promise<string> {
  const table = comparisonTable(rows);
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const props = sheets.items.map((ws) => ws.customProperties.load('items/key,items/value'));
    await context.sync();
    const existing = sheets.items.map((ws, i) => ({ name: ws.name, mark: props[i].items.find((p) => p.key === MARK_KEY)?.value }));
    // The comparison is not one of the four model sheets: reuse resolveSheetNames with its own key.
    const { names, reuse } = resolveSheetNames({ inputs: COMPARISON_SHEET } as never, existing.map((e) => ({ ...e, mark: e.mark === 'comparison' ? 'inputs' : undefined })), ['inputs']);
    const name = names.inputs;
    const ws = reuse.has('inputs') ? sheets.getItem(name) : sheets.add(name);
    if (reuse.has('inputs')) ws.getRangeByIndexes(0, 0, 200, 60).clear('Contents');
    ws.customProperties.add(MARK_KEY, 'comparison');
    const width = table[0].length;
    const range = ws.getRangeByIndexes(0, 0, table.length, width);
    range.values = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) as (string | number)[][];
    ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    const rows = Math.max(1, table.length - 1);
    ws.getRangeByIndexes(1, 2, rows, width - 2).numberFormat = Array.from({ length: rows }, () => new Array(width - 2).fill('#,##0'));
    await context.sync();
    return name;
  });
}

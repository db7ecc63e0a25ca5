/**
 * Inserts the task pane's uncertainty results (src/workbook/uncertainty-sheet.ts) on their own marked
 * sheet, or updates that sheet in place: our cells and charts are replaced, the user's are kept (the
 * same rules as the comparison sheet, comparison.ts). Labels and the sheet's name in the pane's language.
 */
import {
  buildUncertaintySheet, defaultSheetNames, UNCERTAINTY_SHEET_KEY, type UncertaintyReport,
} from '../workbook';
import type { Language } from '../engine';
import { resolveSheetNames } from './sheet-plan';
import { addSheets, readSheets, upsertSheet } from './sheet-writer';

/** Writes the results present in `report` with their native charts; returns the sheet's name. */
export async function insertUncertainty(report: UncertaintyReport, o: { lang?: Language } = {}): Promise<string> {
  const lang = o.lang ?? 'en';
  const key = UNCERTAINTY_SHEET_KEY;
  return Excel.run(async (context) => {
    const existing = await readSheets(context);
    const { names, reuse } = resolveSheetNames(defaultSheetNames(lang), existing, [key]);
    const sheet = buildUncertaintySheet(report, names[key], lang);
    if (!reuse.has(key)) await addSheets(context, [sheet.name]);
    await upsertSheet(context, sheet, reuse.has(key) ? existing.find((e) => e.mark === key) : undefined);
    context.workbook.worksheets.getItem(sheet.name).activate();
    await context.sync();
    return sheet.name;
  });
}

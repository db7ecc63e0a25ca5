/** Inserts (or updates in place) a side-by-side comparison of saved scenarios on its own marked sheet. */
import type { Language } from '../engine';
import { buildComparisonSheet, defaultSheetNames, type ScenarioSummaryRow } from '../workbook';
import { resolveSheetNames } from './sheet-plan';
import { addSheets, readSheets, upsertSheet } from './sheet-writer';

/** Writes the comparison table and its two charts; returns the sheet's name. */
export async function insertComparison(rows: readonly ScenarioSummaryRow[], o: { lang?: Language } = {}): Promise<string> {
  const lang = o.lang ?? 'en';
  return Excel.run(async (context) => {
    const existing = await readSheets(context);
    const { names, reuse } = resolveSheetNames(defaultSheetNames(lang), existing, ['comparison']);
    const sheet = buildComparisonSheet(rows, names.comparison, lang);
    if (!reuse.has('comparison')) await addSheets(context, [sheet.name]);
    await upsertSheet(context, sheet, reuse.has('comparison') ? existing.find((e) => e.mark === 'comparison') : undefined);
    context.workbook.worksheets.getItem(sheet.name).activate();
    await context.sync();
    return sheet.name;
  });
}

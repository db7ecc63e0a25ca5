/**
 * "Insert model": writes or updates in place the inputs, model, live and summary sheets (the writing
 * itself, marks and in-place rules are in sheet-writer.ts).
 */
import type { Language, Scenario } from '../engine';
import { excelFunctionName } from '../functions/excel-names';
import {
  ALL_SHEETS, buildWorkbook, defaultSheetNames, LIVE_FUNCTION_IDS, type LiveFunctionNames, type SheetKey,
} from '../workbook';
import { resolveSheetNames } from './sheet-plan';
import { addSheets, readSheets, upsertNames, upsertSheet, type SheetReport } from './sheet-writer';

export interface InsertOptions {
  lang?: Language;
  /** Names of the custom functions the live sheet calls; by default the add-in's own for `lang`. */
  functionNames?: LiveFunctionNames;
  sheets?: readonly SheetKey[];
}

export interface InsertReport {
  sheets: SheetReport[];
  names: number;
  charts: number;
}

/**
 * The names Excel knows the live functions by: namespace + "." + metadata name in `lang`. A Spanish
 * Excel does not translate custom function names in Range.formulas (EXCEL.md), so the Spanish names
 * the add-in registers are written.
 */
export function liveFunctionNames(lang: Language): LiveFunctionNames {
  return Object.fromEntries(LIVE_FUNCTION_IDS.map((id) => [id, excelFunctionName(id, lang)])) as LiveFunctionNames;
}

export async function insertModel(scenario: Scenario, o: InsertOptions = {}): Promise<InsertReport> {
  const lang = o.lang ?? 'en';
  const keys = o.sheets ?? ALL_SHEETS;
  return Excel.run(async (context) => {
    const existing = await readSheets(context);
    const { names, reuse } = resolveSheetNames(defaultSheetNames(lang), existing, keys);
    // Built before anything is written: an invalid scenario or an oversized layout changes nothing.
    const spec = buildWorkbook(scenario, { lang, sheetNames: names, sheets: keys, functionNames: o.functionNames ?? liveFunctionNames(lang) });
    const report: InsertReport = { sheets: [], names: 0, charts: 0 };

    // Sheets, then the names that point into them, then the cells whose formulas use the names.
    await addSheets(context, spec.sheets.filter((s) => !reuse.has(s.key)).map((s) => s.name));
    await upsertNames(context, spec.names, (key) => names[key]);
    report.names = spec.names.length;
    for (const sheet of spec.sheets) {
      const previous = reuse.has(sheet.key) ? existing.find((e) => e.mark === sheet.key) : undefined;
      report.sheets.push(await upsertSheet(context, sheet, previous));
      report.charts += sheet.charts.length;
    }

    const landing = spec.sheets.find((s) => s.key === 'summary') ?? spec.sheets[0];
    if (landing) {
      context.workbook.worksheets.getItem(landing.name).activate();
      await context.sync();
    }
    return report;
  });
}

/**
 * "Insert model": writes or updates in place the inputs, model, live and summary sheets (the writing
 * itself, marks and in-place rules are in sheet-writer.ts).
 */
import type { Language, Scenario } from '../engine';
import { FUNCTIONS_ES } from '../functions/names-es';
import {
  ALL_SHEETS, buildWorkbook, defaultSheetNames, LIVE_FUNCTION_NAMES, type LiveFunctionId, type SheetKey,
} from '../workbook';
import { resolveSheetNames } from './sheet-plan';
import { addSheets, readSheets, upsertNames, upsertSheet, type SheetReport } from './sheet-writer';

export interface InsertOptions {
  lang?: Language;
  /** Names of the custom functions the live sheet calls; by default the add-in's own for `lang`. */
  functionNames?: Record<LiveFunctionId, string>;
  sheets?: readonly SheetKey[];
}

export interface InsertReport {
  sheets: SheetReport[];
  names: number;
  charts: number;
}

/**
 * The names Excel knows the live functions by. A Spanish Excel does not translate custom function
 * names in Range.formulas (EXCEL.md), so the Spanish names the add-in registers are written.
 */
export function liveFunctionNames(lang: Language): Record<LiveFunctionId, string> {
  if (lang === 'en') return LIVE_FUNCTION_NAMES.en;
  const ids: LiveFunctionId[] = ['PROJECT', 'COMPARE', 'SUMMARY'];
  return Object.fromEntries(ids.map((id) => [id, FUNCTIONS_ES[`CEQ.${id}`]?.name ?? LIVE_FUNCTION_NAMES.es[id]])) as Record<LiveFunctionId, string>;
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

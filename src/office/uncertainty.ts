/**
 * Inserts the task pane's uncertainty results (src/workbook/uncertainty-sheet.ts) on their own marked
 * sheet, or updates that sheet in place: our cells and charts are replaced, the user's are kept (the
 * same rules as the comparison sheet, comparison.ts). Labels and the sheet's name in the pane's language.
 */
import {
  buildUncertaintySheet, defaultSheetNames, NAME_PREFIX, pick, UNCERTAINTY_SHEET_KEY, UNCERTAINTY_SHEET_NAME,
  type ChartSpec, type UncertaintyReport,
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
    const { names, reuse } = resolveSheetNames({ ...defaultSheetNames(lang), [key]: pick(UNCERTAINTY_SHEET_NAME, lang) }, existing, [key]);
    const { sheet, barCharts } = buildUncertaintySheet(report, names[key], lang);
    if (!reuse.has(key)) await addSheets(context, [sheet.name]);
    await upsertSheet(context, sheet, reuse.has(key) ? existing.find((e) => e.mark === key) : undefined);
    const ws = context.workbook.worksheets.getItem(sheet.name);
    for (const c of barCharts) addBarChart(ws, c);
    ws.activate();
    await context.sync();
    return sheet.name;
  });
}

/** Horizontal clustered bars (the tornado), named like the shared writer's charts so that inserting again replaces it. */
function addBarChart(ws: Excel.Worksheet, c: ChartSpec): void {
  const chart = ws.charts.add('BarClustered', ws.getRange(c.series[0].values), 'Columns');
  chart.name = `${NAME_PREFIX}chart_${c.id}`;
  chart.title.text = c.title;
  const first = chart.series.getItemAt(0);
  first.name = c.series[0].name;
  first.setXAxisValues(ws.getRange(c.categories));
  for (const s of c.series.slice(1)) {
    const series = chart.series.add(s.name);
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(c.categories));
  }
  chart.setPosition(
    ws.getRangeByIndexes(c.at.row, c.at.col, 1, 1),
    ws.getRangeByIndexes(c.at.row + c.size.rows - 1, c.at.col + c.size.cols - 1, 1, 1),
  );
}

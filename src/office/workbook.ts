/**
 * "Insert model": writes or updates in place the inputs, model, live and summary sheets.
 *
 * Our sheets carry a worksheet custom property (CEQ.sheet = inputs | plain | live | summary, ExcelApi
 * 1.12), so a user's own sheet that happens to be called "CEQ Inputs" is never touched: ours is then
 * named "CEQ Inputs (2)". Each sheet also records the rectangles our cells occupy (CEQ.rects.N), and
 * inserting again clears exactly those before writing, so cells the user added elsewhere stay.
 * Writes are batched: one sync per sheet (more only for sheets over the payload budget).
 */
import type { Language, Scenario } from '../engine';
import {
  ALL_SHEETS, buildWorkbook, defaultSheetNames, NAME_PREFIX, sheetPrefix,
  type ChartSpec, type LiveFunctionId, type SheetKey, type SheetSpec,
} from '../workbook';
import {
  decodeRects, encodeRects, MARK_KEY, occupiedRects, RECTS_KEY, resolveSheetNames, rowChunks, STYLE_FORMAT, styleRuns,
} from './sheet-plan';

export interface InsertOptions {
  lang?: Language;
  /** Spanish Excel needs the Spanish custom function names (EXCEL.md): pass src/functions' table. */
  functionNames?: Record<LiveFunctionId, string>;
  sheets?: readonly SheetKey[];
}

export interface InsertReport {
  sheets: { key: SheetKey; name: string; created: boolean; cells: number; formulas: number; syncs: number }[];
  names: number;
  charts: number;
}

/** Character widths to points (Calibri 11: about 6 points a character plus padding). */
const POINTS_PER_CHAR = 6;

interface ExistingSheet {
  name: string;
  mark?: string;
  rects: string[];
}

export async function insertModel(scenario: Scenario, o: InsertOptions = {}): Promise<InsertReport> {
  const lang = o.lang ?? 'en';
  const keys = o.sheets ?? ALL_SHEETS;
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const props = sheets.items.map((ws) => {
      const p = ws.customProperties;
      p.load('items/key,items/value');
      return p;
    });
    await context.sync();
    const existing: ExistingSheet[] = sheets.items.map((ws, i) => {
      const items = props[i].items;
      const mark = items.find((p) => p.key === MARK_KEY)?.value;
      const rects = items.filter((p) => p.key.startsWith(`${RECTS_KEY}.`))
        .sort((a, b) => Number(a.key.split('.').pop()) - Number(b.key.split('.').pop()))
        .map((p) => p.value);
      return { name: ws.name, mark, rects };
    });

    const { names, reuse } = resolveSheetNames(defaultSheetNames(lang), existing, keys);
    const spec = buildWorkbook(scenario, { lang, sheetNames: names, sheets: keys, functionNames: o.functionNames });
    const report: InsertReport = { sheets: [], names: 0, charts: 0 };

    for (const sheet of spec.sheets) {
      const reused = reuse.has(sheet.key);
      const ws = reused ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
      const previous = existing.find((e) => e.mark === sheet.key);
      if (reused && previous) {
        for (const r of decodeRects(previous.rects)) {
          const range = ws.getRangeByIndexes(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
          range.clear('All');
          range.dataValidation.clear();
        }
        ws.customProperties.load('items/key');
        ws.charts.load('items/name');
        await context.sync();
        for (const p of ws.customProperties.items) if (p.key.startsWith(`${RECTS_KEY}.`)) p.delete();
        for (const ch of ws.charts.items) if (ch.name.startsWith(NAME_PREFIX)) ch.delete();
      }
      const syncs = writeSheet(ws, sheet);
      ws.customProperties.add(MARK_KEY, sheet.key);
      encodeRects(occupiedRects(sheet.cells)).forEach((chunk, i) => ws.customProperties.add(`${RECTS_KEY}.${i}`, chunk));
      for (let i = 0; i < syncs.length - 1; i++) {
        syncs[i]();
        await context.sync();
      }
      syncs[syncs.length - 1]?.();
      await context.sync();
      report.sheets.push({
        key: sheet.key, name: sheet.name, created: !reused, cells: sheet.cells.length,
        formulas: sheet.cells.filter((c) => c.formula !== undefined).length, syncs: Math.max(1, syncs.length),
      });
    }

    // Names: ours all start with CEQ_; replace them all so a smaller scenario leaves none stale.
    const wbNames = context.workbook.names;
    wbNames.load('items/name');
    await context.sync();
    for (const n of wbNames.items) if (n.name.startsWith(NAME_PREFIX)) n.delete();
    const sheetName = (key: SheetKey) => names[key];
    for (const n of spec.names) wbNames.add(n.name, `=${sheetPrefix(sheetName(n.sheet))}${n.ref}`, n.comment);
    report.names = spec.names.length;
    await context.sync();

    // Charts (the exceljs export cannot make these).
    for (const sheet of spec.sheets) {
      if (!sheet.charts.length) continue;
      const ws = sheets.getItem(sheet.name);
      for (const c of sheet.charts) addChart(ws, c);
      report.charts += sheet.charts.length;
    }
    await context.sync();
    return report;
  });
}

/**
 * Queues the writes of one sheet; returns one function per request to send (each followed by a sync),
 * so that no request exceeds the payload budget.
 */
function writeSheet(ws: Excel.Worksheet, sheet: SheetSpec): (() => void)[] {
  const steps: (() => void)[] = [];
  for (const chunk of rowChunks(sheet)) {
    steps.push(() => {
      const range = ws.getRangeByIndexes(chunk.r0, chunk.c0, chunk.formulas.length, chunk.formulas[0].length);
      range.numberFormat = chunk.formats as unknown as string[][];
      range.formulas = chunk.formulas as unknown as string[][];
    });
  }
  const finish = () => {
    for (const run of styleRuns(sheet.cells)) {
      const f = STYLE_FORMAT[run.style];
      if (!Object.keys(f).length) continue;
      const range = ws.getRangeByIndexes(run.row, run.c0, 1, run.c1 - run.c0 + 1);
      if (f.bold) range.format.font.bold = true;
      if (f.italic) range.format.font.italic = true;
      if (f.size) range.format.font.size = f.size;
      if (f.color) range.format.font.color = f.color;
      if (f.fill) range.format.fill.color = f.fill;
      if (f.wrap) range.format.wrapText = true;
    }
    for (const [col, chars] of Object.entries(sheet.columnWidths)) {
      ws.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
    }
    for (const v of sheet.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.clear();
      dv.rule = v.kind === 'list'
        ? { list: { inCellDropDown: true, source: v.list!.join(',') } }
        : { [v.kind === 'whole' ? 'wholeNumber' : 'decimal']: { formula1: v.min!, formula2: v.max!, operator: 'Between' } };
      dv.errorAlert = { message: v.message, showAlert: true, style: 'Stop', title: v.title };
      dv.prompt = { message: v.message, showPrompt: true, title: v.title };
    }
    if (sheet.freeze) {
      ws.freezePanes.unfreeze();
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.freeze.rows, sheet.freeze.cols));
    }
  };
  if (steps.length) {
    const last = steps[steps.length - 1];
    steps[steps.length - 1] = () => {
      last();
      finish();
    };
  } else steps.push(finish);
  return steps;
}

function addChart(ws: Excel.Worksheet, c: ChartSpec): void {
  const type = c.type === 'line' ? 'Line' : 'ColumnClustered';
  const chart = ws.charts.add(type, ws.getRange(c.series[0].values), 'Columns');
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


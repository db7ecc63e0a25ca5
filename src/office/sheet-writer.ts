/**
 * Writes sheet descriptions (src/workbook) into the open workbook, in place.
 *
 * Our sheets carry a worksheet custom property (CEQ.sheet = inputs | plain | live | summary |
 * comparison, ExcelApi 1.12), so a user's own sheet that happens to be called "CEQ Inputs" is never
 * touched: ours is then named "CEQ Inputs (2)". Each sheet also records the rectangles our cells
 * occupy (CEQ.rects.N), and writing again clears exactly those before writing, so cells the user added
 * elsewhere stay. Writes are batched: one sync per sheet (more only for sheets over the payload budget).
 */
import { NAME_PREFIX, sheetPrefix, type ChartSpec, type NameSpec, type SheetKey, type SheetSpec } from '../workbook';
import {
  decodeRects, encodeRects, MARK_KEY, occupiedRects, RECTS_KEY, rowChunks, STYLE_FORMAT, styleRuns,
} from './sheet-plan';

/** Character widths to points (Calibri 11: about 6 points a character plus padding). */
const POINTS_PER_CHAR = 6;

/** A sheet of the workbook as we see it: its name, our mark if it is ours, the rectangles we wrote. */
export interface ExistingSheet {
  name: string;
  mark?: string;
  rects: string[];
}

export interface SheetReport {
  key: SheetKey;
  name: string;
  created: boolean;
  cells: number;
  formulas: number;
  syncs: number;
}

/** Every sheet's name and, for ours, the mark and rectangles (two syncs). */
export async function readSheets(context: Excel.RequestContext): Promise<ExistingSheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const props = sheets.items.map((ws) => ws.customProperties.load('items/key,items/value'));
  await context.sync();
  return sheets.items.map((ws, i) => {
    const items = props[i].items;
    const mark = items.find((p) => p.key === MARK_KEY)?.value;
    const rects = items.filter((p) => p.key.startsWith(`${RECTS_KEY}.`))
      .sort((a, b) => Number(a.key.split('.').pop()) - Number(b.key.split('.').pop()))
      .map((p) => p.value);
    return { name: ws.name, mark, rects };
  });
}

/** Adds the sheets that are not there yet (so defined names can point at them before cells are written). */
export async function addSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  for (const name of names) context.workbook.worksheets.add(name);
  if (names.length) await context.sync();
}

/**
 * Writes into a sheet just added (addSheets) or reuses ours (`previous`, found by its mark): clears the
 * rectangles we wrote last time (contents, formats, validation) and our charts, then writes cells,
 * formats, validation, widths, frozen panes and charts, and records the mark and the new rectangles.
 */
export async function upsertSheet(context: Excel.RequestContext, sheet: SheetSpec, previous: ExistingSheet | undefined): Promise<SheetReport> {
  const ws = context.workbook.worksheets.getItem(sheet.name);
  if (previous) {
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
  const steps = writeSteps(ws, sheet);
  ws.customProperties.add(MARK_KEY, sheet.key);
  encodeRects(occupiedRects(sheet.cells)).forEach((chunk, i) => ws.customProperties.add(`${RECTS_KEY}.${i}`, chunk));
  for (const step of steps) {
    step();
    await context.sync();
  }
  return {
    key: sheet.key, name: sheet.name, created: !previous, cells: sheet.cells.length,
    formulas: sheet.cells.filter((c) => c.formula !== undefined).length, syncs: steps.length,
  };
}

/**
 * Our defined names (all start with CEQ_) made to match `wanted`: existing ones get their new reference
 * (so a user's formula that uses CEQ_churn_SMB keeps working), stale ones go, new ones are added.
 */
export async function upsertNames(context: Excel.RequestContext, wanted: readonly NameSpec[], sheetName: (key: SheetKey) => string): Promise<void> {
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();
  const target = new Map(wanted.map((n) => [n.name.toLowerCase(), n]));
  const refOf = (n: NameSpec) => `=${sheetPrefix(sheetName(n.sheet))}${n.ref}`;
  for (const item of names.items) {
    if (!item.name.startsWith(NAME_PREFIX)) continue;
    const n = target.get(item.name.toLowerCase());
    if (!n) {
      item.delete();
      continue;
    }
    item.formula = refOf(n);
    if (n.comment) item.comment = n.comment;
    target.delete(item.name.toLowerCase());
  }
  for (const n of target.values()) names.add(n.name, refOf(n), n.comment);
  await context.sync();
}

/** Queues the writes of one sheet as steps, each to be followed by a sync, so no request exceeds the payload budget. */
function writeSteps(ws: Excel.Worksheet, sheet: SheetSpec): (() => void)[] {
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
    for (const c of sheet.charts) addChart(ws, c);
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
  const type = c.type === 'line' ? 'Line' : c.type === 'bar' ? 'BarClustered' : 'ColumnClustered';
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

#!/usr/bin/env node
/**
 * npm run export -- --scenario FILE.json --out FILE.xlsx [--lang en|es] [--print-preview]
 *
 * Writes the inputs, plain-formula and summary sheets of a scenario as an .xlsx file that computes
 * without the add-in. Every formula cell carries the engine's value as its cached result, and the file
 * asks Excel to recalculate fully on open. exceljs cannot create charts: the summary sheet holds the
 * chart data by year, and "Insert model" in the add-in draws the charts.
 *
 * The TypeScript sources (src/workbook over src/engine) are bundled at run time with esbuild's API
 * into a temporary module, so the CLI always runs the same code as the add-in.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run export -- --scenario FILE.json --out FILE.xlsx [--lang en|es] [--print-preview]

  --scenario FILE   a scenario JSON file (examples/*.json; missing keys take catalogue defaults)
  --out FILE        the .xlsx file to write
  --lang en|es      language of labels and sheet names (default en)
  --print-preview   set print areas that fit the top-left of each sheet on one page (for screenshots)
  --formulas-only   leave out the cached results (tests use it to prove another program recalculates)`;

export function parseArgs(argv) {
  const args = { lang: 'en', printPreview: false, formulasOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scenario') args.scenario = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--lang') args.lang = argv[++i];
    else if (a === '--print-preview') args.printPreview = true;
    else if (a === '--formulas-only') args.formulasOnly = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}\n\n${USAGE}`);
  }
  if (args.help) return args;
  if (!args.scenario || !args.out) throw new Error(USAGE);
  if (!['en', 'es'].includes(args.lang)) throw new Error(`--lang must be en or es\n\n${USAGE}`);
  return args;
}

/** Bundles the workbook layer and the engine into a temporary ES module and imports it. */
export async function loadModel() {
  const dir = mkdtempSync(join(tmpdir(), 'ceq-export-'));
  const file = join(dir, 'model.mjs');
  try {
    await build({
      stdin: {
        contents: "export * from './src/workbook/index.ts'; export { scenarioFromJson, describeProblems, ModelError } from './src/engine/index.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: file,
      logLevel: 'error',
    });
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FILL = (argb) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const STYLES = {
  title: { font: { bold: true, size: 14, color: { argb: 'FF1F3864' } } },
  subtitle: { font: { bold: true, size: 11 } },
  note: { font: { italic: true, color: { argb: 'FF595959' } } },
  group: { font: { bold: true, color: { argb: 'FFFFFFFF' } }, fill: FILL('FF44546A') },
  header: { font: { bold: true }, fill: FILL('FFD6DCE4'), border: { bottom: { style: 'thin' } }, alignment: { wrapText: true, vertical: 'top' } },
  label: {},
  key: { font: { name: 'Consolas', color: { argb: 'FF404040' } } },
  input: { font: { color: { argb: 'FF1F4E79' } }, fill: FILL('FFDDEBF7') },
  inputUnused: { fill: FILL('FFF2F2F2') },
  calc: {},
  output: { font: { bold: true } },
  check: { font: { bold: true } },
};

/** Writes a workbook description (src/workbook/types.ts) with exceljs. */
export function toExcelJs(spec, { printPreview = false, formulasOnly = false } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Customer Equity Planner';
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const full of spec.sheets) {
    // Print preview (for screenshots): only the top-left of each sheet, cached values kept.
    const window = printPreview ? { rows: full.key === 'plain' ? 64 : 70, cols: full.key === 'plain' ? 9 : 8 } : undefined;
    const sheet = window ? { ...full, cells: full.cells.filter((c) => c.row < window.rows && c.col < window.cols), validations: [] } : full;
    const ws = wb.addWorksheet(sheet.name);
    for (const [col, width] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col) + 1).width = width;
    if (sheet.freeze) ws.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      if (c.formula !== undefined) {
        cell.value = formulasOnly || c.result === undefined || c.result === '' ? { formula: c.formula } : { formula: c.formula, result: c.result };
      }
      else if (c.value !== undefined) cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
      const style = c.style && STYLES[c.style];
      if (style) Object.assign(cell, style);
    }
    for (const v of sheet.validations) {
      const rule = v.kind === 'list'
        ? { type: 'list', allowBlank: false, formulae: [`"${v.list.join(',')}"`] }
        : { type: v.kind, operator: 'between', allowBlank: false, formulae: [v.min, v.max] };
      Object.assign(rule, { showErrorMessage: true, errorStyle: 'stop', errorTitle: v.title, error: v.message, showInputMessage: true, promptTitle: v.title, prompt: v.message });
      ws.dataValidations.add(v.range, rule);
    }
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: window ? 1 : 0, paperSize: 9 };
  }
  const byKey = new Map(spec.sheets.map((s) => [s.key, s.name]));
  for (const n of spec.names) {
    const sheet = byKey.get(n.sheet);
    if (sheet) wb.definedNames.add(`'${sheet.replace(/'/g, "''")}'!${n.ref}`, n.name);
  }
  return wb;
}

export async function exportScenario({ scenario, out, lang = 'en', printPreview = false, formulasOnly = false }) {
  const model = await loadModel();
  let s;
  try {
    s = model.scenarioFromJson(JSON.parse(readFileSync(scenario, 'utf8')));
  } catch (e) {
    if (e instanceof model.ModelError) throw new Error(`${scenario}: ${model.describeProblems(e.problems, lang)}`);
    throw e;
  }
  const spec = model.buildWorkbook(s, { lang, sheets: ['inputs', 'plain', 'summary'] });
  const wb = toExcelJs(spec, { printPreview, formulasOnly });
  await wb.xlsx.writeFile(out);
  const cells = Object.fromEntries(spec.sheets.map((sh) => [sh.name, sh.cells.length]));
  return { out, bytes: statSync(out).size, cells, formulas: spec.sheets.reduce((n, sh) => n + sh.cells.filter((c) => c.formula !== undefined).length, 0) };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log(USAGE);
    } else {
      const r = await exportScenario(args);
      console.log(`wrote ${r.out}: ${r.bytes} bytes, ${r.formulas} formulas; cells per sheet ${JSON.stringify(r.cells)}`);
      console.log('Charts are not in this file (exceljs cannot create them): the summary sheet has their data by year.');
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}


#!/usr/bin/env node
/**
 * npm run export -- --scenario FILE.json --out FILE.xlsx [--lang en|es] [--print-preview [N]] [--formulas-only]
 *
 * Writes the inputs, plain-formula and summary sheets of a scenario as an .xlsx file that computes
 * without the add-in. Every formula cell carries the engine's value as its cached result, and the file
 * asks Excel to recalculate fully on open. exceljs writes the cells; the summary sheet's native charts
 * are added to the package afterwards (src/workbook/xlsx-charts.ts), each series with its values cached.
 *
 * The TypeScript sources (src/workbook over src/engine) are bundled at run time with esbuild's API
 * into a temporary module, so the CLI always runs the same code as the add-in.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
// jszip: the zip library exceljs itself writes with (the same version), declared as our own dependency.
import JSZip from 'jszip';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run export -- --scenario FILE.json --out FILE.xlsx [--lang en|es] [--print-preview [N]] [--formulas-only]

  --scenario FILE   a scenario JSON file (examples/*.json; missing keys take catalogue defaults)
  --out FILE        the .xlsx file to write
  --lang en|es      language of labels and sheet names (default en)
  --print-preview [N]  print only preview area N (default 0) of each sheet, one page a sheet; sheets
                    without that area are hidden (the docs' screenshots: scripts/render-sheets.sh)
  --formulas-only   leave out the cached results (tests use it to prove another program recalculates)`;

export function parseArgs(argv) {
  const args = { lang: 'en', printPreview: undefined, formulasOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scenario') args.scenario = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--lang') args.lang = argv[++i];
    else if (a === '--print-preview') args.printPreview = /^\d+$/.test(argv[i + 1] ?? '') ? Number(argv[++i]) : 0;
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
        contents: "export * from './src/workbook/index.ts'; export { addChartsToPackage } from './src/workbook/xlsx-charts.ts'; export { scenarioFromJson, describeProblems, ModelError } from './src/engine/index.ts';",
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
export function toExcelJs(spec, { printPreview, formulasOnly = false } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Customer Equity Planner';
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of spec.sheets) {
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
    fitHeaderRows(ws, sheet);
    for (const v of sheet.validations) {
      const rule = v.kind === 'list'
        ? { type: 'list', allowBlank: false, formulae: [`"${v.list.join(',')}"`] }
        : { type: v.kind, operator: 'between', allowBlank: false, formulae: [v.min, v.max] };
      Object.assign(rule, { showErrorMessage: true, errorStyle: 'stop', errorTitle: v.title, error: v.message, showInputMessage: true, promptTitle: v.title, prompt: v.message });
      ws.dataValidations.add(v.range, rule);
    }
    const preview = printPreview !== undefined;
    if (preview) {
      const area = sheet.print?.areas[printPreview];
      if (!area) ws.state = 'hidden';
      for (const col of sheet.print?.hideCols ?? []) ws.getColumn(col + 1).hidden = true;
      for (const [col, width] of Object.entries(area?.colWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
    }
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: preview ? 1 : 0, paperSize: 9 };
  }
  // A hidden sheet cannot be the active one.
  const shown = wb.worksheets.findIndex((ws) => ws.state !== 'hidden');
  wb.views = [{ activeTab: Math.max(0, shown), firstSheet: Math.max(0, shown) }];
  const byKey = new Map(spec.sheets.map((s) => [s.key, s.name]));
  for (const n of spec.names) {
    const sheet = byKey.get(n.sheet);
    if (sheet) wb.definedNames.add(`'${sheet.replace(/'/g, "''")}'!${n.ref}`, n.name);
  }
  return wb;
}

/** Header rows whose labels wrap get the height their longest label needs (readers do not autofit). */
function fitHeaderRows(ws, sheet) {
  const lines = new Map();
  for (const c of sheet.cells) {
    if (c.style !== 'header' || typeof c.value !== 'string') continue;
    const width = sheet.columnWidths[c.col] ?? 9;
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, Math.min(4, Math.ceil((c.value.length * 1.1) / width))));
  }
  for (const [row, n] of lines) if (n > 1) ws.getRow(row + 1).height = 15 * n;
}

/** The print area of --print-preview N, one defined name per sheet, added to the package's workbook.xml. */
async function addPrintAreas(zip, spec, which) {
  const names = spec.sheets.map((sheet, index) => {
    const area = sheet.print?.areas[which];
    if (!area) return '';
    const areas = `'${sheet.name.replace(/'/g, "''")}'!${absRange(area)}`;
    return `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${areas.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</definedName>`;
  }).join('');
  if (!names) return;
  let xml = await zip.file('xl/workbook.xml').async('string');
  xml = xml.includes('</definedNames>') ? xml.replace('</definedNames>', `${names}</definedNames>`) : xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  zip.file('xl/workbook.xml', xml);
}

function absRange({ r0, c0, r1, c1 }) {
  const col = (c) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `$${col(c0)}$${r0 + 1}:$${col(c1)}$${r1 + 1}`;
}

export async function exportScenario({ scenario, out, lang = 'en', printPreview, formulasOnly = false }) {
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
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const charts = await model.addChartsToPackage(zip, spec.sheets);
  if (printPreview !== undefined) await addPrintAreas(zip, spec, printPreview);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const cells = Object.fromEntries(spec.sheets.map((sh) => [sh.name, sh.cells.length]));
  return {
    out, bytes: statSync(out).size, cells, charts: charts.filter((p) => p.includes('/charts/')).length,
    formulas: spec.sheets.reduce((n, sh) => n + sh.cells.filter((c) => c.formula !== undefined).length, 0),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log(USAGE);
    } else {
      const r = await exportScenario(args);
      console.log(`wrote ${r.out}: ${r.bytes} bytes, ${r.formulas} formulas, ${r.charts} charts; cells per sheet ${JSON.stringify(r.cells)}`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}


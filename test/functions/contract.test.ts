/**
 * Excel's documented contract for custom-function metadata, checked on what we ship: the BUILT
 * dist/functions.json and dist/functions-es.json and manifest.xml. Nobody here can open Excel, so a
 * name Excel would show as CEQ.CEQ.PROJECT, or one it would read as a cell, must fail here. Each rule
 * names its source. The built-in names are data (test/functions/excel-names/): Excel's worksheet
 * functions in English and Spanish, and the Excel 4.0 macro functions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { excelFunctionName, FUNCTION_NAMESPACE } from '../../src/functions/excel-names';
import { DIST, distMissing, readMetadata, type FunctionMeta } from './host';

const missing = distMissing('functions.json', 'functions-es.json', 'manifest.xml');
if (missing) throw new Error(missing);

const root = resolve(__dirname, '../..');
const data = (file: string) => readFileSync(resolve(__dirname, 'excel-names', file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const pairs = data('builtins.tsv').map((l) => l.split('\t'));
const BUILT_IN_EN = new Set(pairs.map(([en]) => en.toUpperCase()));
const BUILT_IN_ES = new Set(pairs.map(([, es]) => es.toUpperCase()));
const XLM_MACROS = new Set(data('xlm-macros.txt').map((l) => l.trim().toUpperCase()));

/** The namespace a manifest declares for its custom functions (<Namespace resid> → <bt:String>). */
function namespaceOf(xml: string): string {
  const resid = /<Namespace resid="([^"]+)"\/>/.exec(xml)?.[1];
  const value = resid && new RegExp(`<bt:String id="${resid.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(xml)?.[1];
  if (!value) throw new Error('the manifest declares no custom functions namespace');
  return value;
}

const english = readMetadata('functions.json').functions;
const spanish = readMetadata('functions-es.json').functions;
const files: [string, FunctionMeta[]][] = [['functions.json', english], ['functions-es.json', spanish]];
const namespace = namespaceOf(readFileSync(resolve(root, 'manifest.xml'), 'utf8'));

const COLUMNS = 16384; // XFD
const ROWS = 1048576;
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
/**
 * Whether a name reads as a cell in A1 style (A1 … XFD1048576) or in R1C1 style (R1C1 …
 * R1048576C16384, and R, C, RC, R1, C1, R[1]C[-1]). Spanish Excel writes R1C1 as F1C1 (fila, columna),
 * so those letters count too.
 */
function readsAsCell(name: string): boolean {
  const upper = name.toUpperCase();
  const a1 = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(upper);
  if (a1 && columnNumber(a1[1]) <= COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= ROWS) return true;
  const part = String.raw`(\d+|\[-?\d+\])?`;
  const r1c1 = new RegExp(`^(?:[RF]${part}(?:C${part})?|C${part})$`).exec(upper);
  if (!r1c1) return false;
  const [, row, col, onlyCol] = r1c1;
  const inRange = (text: string | undefined, max: number) => !text || text.startsWith('[') || (Number(text) >= 1 && Number(text) <= max);
  return inRange(row, ROWS) && inRange(col ?? onlyCol, COLUMNS);
}

describe('the metadata contract with Excel (dist/functions.json, dist/functions-es.json, manifest.xml)', () => {
  it('has one namespace, the one the names are built from', () => {
    // The manifest's <Namespace> is what Excel prefixes to every name; src/functions/excel-names.ts
    // builds the names the pane writes from the same constant, and the built manifest is the source's.
    expect(namespace).toBe(FUNCTION_NAMESPACE);
    expect(namespaceOf(readFileSync(resolve(DIST, 'manifest.xml'), 'utf8'))).toBe(namespace);
    expect(excelFunctionName('PROJECT', 'en')).toBe('CEQ.PROJECT');
    expect(excelFunctionName('PROJECT', 'es')).toBe('CEQ.PROYECTAR');
  });

  it.each(files)('%s: no id or name starts with the namespace', (_, functions) => {
    // Microsoft, custom functions JSON metadata reference (learn.microsoft.com/office/dev/add-ins/excel/
    // custom-functions-json), `name`: "In Excel, this function name is prefixed by the custom functions
    // namespace that's specified in the XML manifest file." A name CEQ.PROJECT shows as CEQ.CEQ.PROJECT.
    const prefix = `${namespace.toUpperCase()}.`;
    const offending = functions.filter((f) => f.id.toUpperCase().startsWith(prefix) || f.name.toUpperCase().startsWith(prefix));
    expect(offending.map((f) => `${f.id} / ${f.name}`)).toEqual([]);
  });

  it.each(files)('%s: ids use only A–Z, 0–9, "." and "_", start with a letter and have 3 characters or more', (_, functions) => {
    // Microsoft, "Naming and localization for custom functions" (learn.microsoft.com/office/dev/add-ins/
    // excel/custom-functions-naming): "A function's id may only use characters A through Z, numbers zero
    // through nine, underscores, and periods"; "Both function name and id must start with a letter and
    // have a minimum limit of three characters."
    expect(functions.map((f) => f.id).filter((id) => !/^[A-Z][A-Z0-9._]{2,}$/.test(id))).toEqual([]);
  });

  it.each(files)('%s: names use letters, "." and "_", start with a letter and have 3 characters or more', (_, functions) => {
    // Same page: "A function's name may use any Unicode alphabetic characters, underscores, and periods"
    // and the three-character minimum. Excel writes built-in names in capitals; we follow it (same page).
    expect(functions.map((f) => f.name).filter((name) => !/^\p{Lu}[\p{Lu}._]{2,}$/u.test(name))).toEqual([]);
  });

  it.each(files)('%s: no name reads as a cell reference, in A1 or R1C1 style', (_, functions) => {
    // Same page: a name "shouldn't be the same as any cells between A1 to XFD1048576 or any cells between
    // R1C1 to R1048576C16384". Microsoft KB Q111393 ("Some names are reserved"): R, C, RC and R1C1 are
    // reserved, and localized Excel uses its own letters for row and column (F for fila in Spanish).
    // Each dot-separated part is checked too, so no part of CEQ.X.Y can be parsed as a cell.
    const offending = functions.filter((f) => [f.name, ...f.name.split('.')].some(readsAsCell));
    expect(offending.map((f) => f.name)).toEqual([]);
  });

  it('recognises cell references the way the rule means them', () => {
    for (const cell of ['A1', 'XFD1048576', 'sbg1', 'R1C1', 'R', 'C', 'RC', 'R1', 'C16384', 'R[1]C[-1]', 'F1C1']) expect([cell, readsAsCell(cell)]).toEqual([cell, true]);
    for (const name of ['XFE1', 'A0', 'A1048577', 'R1048577C1', 'PROJECT', 'SBG', 'CLV', 'NRR', 'GRR', 'R1C16385']) expect([name, readsAsCell(name)]).toEqual([name, false]);
  });

  it.each(files)('%s: no name is an Excel 4.0 macro function', (_, functions) => {
    // Same page: a name "shouldn't be the same as any Excel 4.0 Macro Function (such as RUN, ECHO)",
    // with Microsoft's "Excel 4.0 Macro Functions Reference" as the list (excel-names/xlm-macros.txt).
    expect(XLM_MACROS.size).toBeGreaterThan(400);
    expect(['RUN', 'ECHO', 'GET.CELL', 'EVALUATE'].every((m) => XLM_MACROS.has(m))).toBe(true);
    expect(functions.map((f) => f.name).filter((name) => XLM_MACROS.has(name.toUpperCase()))).toEqual([]);
  });

  it.each(files)('%s: no name equals a built-in Excel function in English or in Spanish', (_, functions) => {
    // EXCEL.md and Microsoft's naming page ("Naming conflicts"; "Localize function names"): names may be
    // localized but must not collide with a built-in function in any language, since a workbook moves
    // between an English and a Spanish Excel (excel-names/builtins.tsv: both names of each built-in).
    expect(BUILT_IN_EN.size).toBeGreaterThan(450);
    expect([BUILT_IN_EN.has('VLOOKUP'), BUILT_IN_ES.has('BUSCARV'), BUILT_IN_ES.has('PRONOSTICO.LINEAL')]).toEqual([true, true, true]);
    const collides = (name: string) => BUILT_IN_EN.has(name) || BUILT_IN_ES.has(name);
    expect(functions.map((f) => f.name).filter((name) => collides(name.toUpperCase()) || collides(`${namespace}.${name}`.toUpperCase()))).toEqual([]);
  });

  it.each(files)('%s: names are unique (ignoring case)', (_, functions) => {
    // Same page: a name Excel already knows from an add-in shows #REF!; within one add-in two functions
    // with one name could not be told apart (Excel matches names without regard to case).
    const names = functions.map((f) => f.name.toUpperCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('has the same ids in both files, in the same order', () => {
    // The JSON reference, `id`: the function's unique id, which "shouldn't be changed after it's set";
    // workbooks store it, so the Spanish metadata must register exactly the English one's ids
    // (only names and descriptions are localized: the naming page's "Localize function names").
    expect(spanish.map((f) => f.id)).toEqual(english.map((f) => f.id));
    expect(english.length).toBeGreaterThan(10);
  });
});

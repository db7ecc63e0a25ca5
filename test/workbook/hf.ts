import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { CellSpec, NameSpec, SheetSpec, Value } from '../../src/workbook';
import { sheetPrefix } from '../../src/workbook';

/** HyperFormula (GPL, tests only) loaded with exactly the formulas a writer would put in Excel. */
export interface Evaluated {
  hf: HyperFormula;
  value(sheet: string, row: number, col: number): unknown;
}

export function evaluate(sheets: readonly { name: string; cells: readonly CellSpec[]; extent?: SheetSpec['extent'] }[], names: readonly { name: string; sheetName: string; ref: string }[]): Evaluated {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false, maxColumns: 20_000, maxRows: 100_000 });
  const ids = new Map<string, number>();
  hf.batch(() => {
    for (const sh of sheets) ids.set(sh.name, hf.getSheetId(hf.addSheet(sh.name))!);
    for (const n of names) hf.addNamedExpression(n.name, `=${sheetPrefix(n.sheetName)}${n.ref}`);
    for (const sh of sheets) {
      const grid: RawCellContent[][] = [];
      for (const c of sh.cells) {
        const content: RawCellContent = c.formula !== undefined ? `=${c.formula}` : (c.value ?? null);
        (grid[c.row] ??= [])[c.col] = content;
      }
      for (let r = 0; r < grid.length; r++) grid[r] ??= [];
      hf.setSheetContent(ids.get(sh.name)!, grid.map((row) => Array.from(row, (x) => (x === undefined ? null : x))));
    }
  });
  return {
    hf,
    value: (sheet, row, col) => hf.getCellValue({ sheet: ids.get(sheet)!, row, col }),
  };
}

export function namesWithSheets(names: readonly NameSpec[], sheets: readonly SheetSpec[]) {
  const byKey = new Map(sheets.map((s) => [s.key, s.name]));
  return names.map((n) => ({ name: n.name, sheetName: byKey.get(n.sheet)!, ref: n.ref }));
}

/** Relative error with an absolute floor for values near zero: 1e-9 relative or 1e-6 absolute. */
export function close(a: unknown, b: Value | undefined, rel = 1e-9, abs = 1e-6): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    const d = Math.abs(a - b);
    return d <= abs || d <= rel * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

export function relError(a: unknown, b: unknown): number {
  if (typeof a !== 'number' || typeof b !== 'number') return a === b ? 0 : Infinity;
  const d = Math.abs(a - b);
  if (d === 0) return 0;
  return d / Math.max(Math.abs(a), Math.abs(b));
}

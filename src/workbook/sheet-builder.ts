import { absAddress, cellAddress, rangeAddress } from './a1';
import { atom, range, type Ex, type RangeEx, type Value } from './expr';
import type { CellSpec, ChartSpec, SheetKey, SheetSpec, StyleKey, ValidationSpec } from './types';

export interface CellOptions {
  format?: string;
  style?: StyleKey;
}

/** Collects the cells of one sheet and hands out references that know their cell's value. */
export class SheetBuilder {
  private readonly grid: (CellSpec | undefined)[][] = [];
  readonly columnWidths: Record<number, number> = {};
  readonly validations: ValidationSpec[] = [];
  readonly charts: ChartSpec[] = [];
  freeze?: { rows: number; cols: number };
  print?: SheetSpec['print'];
  private maxRow = -1;
  private maxCol = -1;

  constructor(readonly key: SheetKey, readonly name: string) {}

  /** Writes a constant or a formula (an Ex) into a cell. */
  set(row: number, col: number, content: Ex | Value | null, o: CellOptions = {}): void {
    let cell: CellSpec;
    if (content === null) cell = { row, col };
    else if (typeof content === 'object') cell = { row, col, formula: content.f, result: content.v };
    else cell = { row, col, value: content };
    if (o.format) cell.format = o.format;
    if (o.style) cell.style = o.style;
    (this.grid[row] ??= [])[col] = cell;
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }

  /** Restyles a cell already written (or creates an empty styled one). */
  style(row: number, col: number, style: StyleKey, format?: string): void {
    const cell = this.grid[row]?.[col];
    if (cell) {
      cell.style = style;
      if (format) cell.format = format;
    } else this.set(row, col, null, { style, format });
  }

  cell(row: number, col: number): CellSpec | undefined {
    return this.grid[row]?.[col];
  }

  valueAt(row: number, col: number): Value {
    const c = this.grid[row]?.[col];
    if (!c) return '';
    return (c.formula !== undefined ? c.result : c.value) ?? '';
  }

  /** A relative reference (A1) to a cell on this sheet, carrying its value. */
  ref(row: number, col: number): Ex {
    return atom(cellAddress(row, col), this.valueAt(row, col));
  }

  /** An absolute reference ($A$1). */
  abs(row: number, col: number): Ex {
    return atom(absAddress(row, col), this.valueAt(row, col));
  }

  /** An absolute range in one column or one row, with the values of its cells. */
  rangeOf(r0: number, c0: number, r1: number, c1: number, absolute = true): RangeEx {
    const vs: Value[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) vs.push(this.valueAt(r, c));
    return range(rangeAddress(r0, c0, r1, c1, { absRow: absolute, absCol: absolute }), vs);
  }

  width(col: number, chars: number): void {
    this.columnWidths[col] = chars;
  }

  build(): SheetSpec {
    const cells: CellSpec[] = [];
    for (const row of this.grid) if (row) for (const c of row) if (c) cells.push(c);
    return {
      key: this.key,
      name: this.name,
      cells,
      columnWidths: this.columnWidths,
      freeze: this.freeze,
      validations: this.validations,
      charts: this.charts,
      extent: { rows: this.maxRow + 1, cols: this.maxCol + 1 },
      ...(this.print ? { print: this.print } : {}),
    };
  }
}

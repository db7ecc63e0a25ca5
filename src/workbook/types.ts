import type { Metric } from '../engine';
import type { Value } from './expr';

/**
 * A workbook described as data: what the Office adapter writes with Excel.run and the CLI writes with
 * exceljs. Nothing here knows Office or the DOM.
 */
/** The four model sheets; the comparison of saved scenarios and the uncertainty results are sheets of their own, inserted separately. */
export type SheetKey = 'inputs' | 'plain' | 'live' | 'summary' | 'comparison' | 'uncertainty';

/** How a cell looks; each writer maps these to its own formatting. */
export type StyleKey =
  | 'title' | 'subtitle' | 'note' | 'group' | 'header' | 'label' | 'key'
  | 'input' | 'inputUnused' | 'calc' | 'output' | 'check';

export interface CellSpec {
  row: number;
  col: number;
  /** A constant. */
  value?: Value;
  /** A formula without the leading "=". */
  formula?: string;
  /** The value the formula computes: the engine's number where the cell is an engine output. */
  result?: Value;
  format?: string;
  style?: StyleKey;
}

export interface ValidationSpec {
  /** A1 range on the same sheet. */
  range: string;
  kind: 'decimal' | 'whole' | 'list';
  min?: number;
  max?: number;
  list?: readonly number[];
  title: string;
  message: string;
}

export interface NameSpec {
  name: string;
  sheet: SheetKey;
  /** Absolute A1 reference on that sheet. */
  ref: string;
  comment?: string;
}

export interface ChartSpec {
  id: string;
  /** column: vertical bars; bar: horizontal bars (a tornado). */
  type: 'line' | 'column' | 'bar';
  title: string;
  /** A1 range of the category labels (years). */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left cell the chart is placed at, and its size in cells. */
  at: { row: number; col: number };
  size: { rows: number; cols: number };
}

export interface SheetSpec {
  key: SheetKey;
  name: string;
  cells: CellSpec[];
  /** Column widths in characters, by column index. */
  columnWidths: Record<number, number>;
  freeze?: { rows: number; cols: number };
  validations: ValidationSpec[];
  charts: ChartSpec[];
  /** The rectangle (0-based, inclusive) our cells occupy: cleared before writing again. */
  extent: { rows: number; cols: number };
  /**
   * A printed preview of the sheet (the CLI's --print-preview, used for the docs' screenshots): the
   * areas worth showing, one page each, and columns to hide inside them.
   */
  print?: { areas: { r0: number; c0: number; r1: number; c1: number; colWidths?: Record<number, number> }[]; hideCols?: number[] };
}

/** A formula cell that stands for one engine number; the tests and the export use these. */
export type OutputRef =
  | { kind: 'metric'; plan: number; segment: number | 'total'; metric: Metric; period: number }
  | { kind: 'terminal'; plan: number; segment: number | 'total' }
  | { kind: 'equity'; plan: number }
  | { kind: 'comparison'; plan: number; field: string }
  | { kind: 'yearly'; plan: number; metric: 'arr' | 'compCost' | 'revenue' | 'contribution'; year: number }
  | { kind: 'cumulativeDelta'; plan: number; metric: 'contribution'; year: number };

export interface OutputCell {
  sheet: SheetKey;
  row: number;
  col: number;
  ref: OutputRef;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  names: NameSpec[];
  outputs: OutputCell[];
}

import type { CellSpec, SheetKey, SheetSpec, StyleKey } from '../workbook';

/**
 * Pure helpers the Office adapter uses to turn a sheet description into a few large writes: row
 * chunks under a payload budget, style runs, and the rectangles our cells occupy (recorded on the
 * sheet so that inserting again clears exactly our cells and keeps the user's).
 */
export const MARK_KEY = 'CEQ.sheet';
export const RECTS_KEY = 'CEQ.rects';
/** Worksheet custom property values hold at most 255 characters. */
export const PROPERTY_CHUNK = 240;
/** Excel on the web rejects requests over 5 MB: stay well under. */
export const PAYLOAD_BUDGET = 2_000_000;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * The cells of a sheet as rectangles: per row the runs of adjacent cells (a gap of blank cells between
 * two of ours is left alone, so a user's note there survives), runs with the same columns in
 * consecutive rows merged.
 */
export function occupiedRects(cells: readonly CellSpec[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row);
    if (cols) cols.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const rects: Rect[] = [];
  /** Rectangles still open for merging: those that reach the previous row, by their column span. */
  let open = new Map<string, Rect>();
  let prevRow = -2;
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = byRow.get(r)!.sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] <= cols[j] + 1) j++;
      const span = `${cols[i]}.${cols[j]}`;
      const above = r === prevRow + 1 ? open.get(span) : undefined;
      if (above) {
        above.r1 = r;
        next.set(span, above);
      } else {
        const rect = { r0: r, c0: cols[i], r1: r, c1: cols[j] };
        rects.push(rect);
        next.set(span, rect);
      }
      i = j + 1;
    }
    open = next;
    prevRow = r;
  }
  return rects;
}

export function encodeRects(rects: readonly Rect[]): string[] {
  const text = rects.map((r) => `${r.r0}.${r.c0}.${r.r1}.${r.c1}`).join(';');
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += PROPERTY_CHUNK) chunks.push(text.slice(i, i + PROPERTY_CHUNK));
  return chunks.length ? chunks : [''];
}

/** Reads rectangles back; anything malformed is dropped (we then clear nothing rather than too much). */
export function decodeRects(chunks: readonly string[]): Rect[] {
  const rects: Rect[] = [];
  for (const part of chunks.join('').split(';')) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(part);
    if (m) rects.push({ r0: +m[1], c0: +m[2], r1: +m[3], c1: +m[4] });
  }
  return rects;
}

/** A block of whole rows to write in one request: formulas (null = leave the cell alone) and formats. */
export interface RowChunk {
  r0: number;
  c0: number;
  formulas: (string | number | boolean | null)[][];
  formats: (string | null)[][];
}

function formulaText(c: CellSpec): string | number | boolean | null {
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.value === undefined) return null;
  // A text that Excel would read as a formula or a number stays text.
  if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) return `'${c.value}`;
  return c.value;
}

/** Splits a sheet's cells into row chunks whose text stays under the payload budget. */
export function rowChunks(sheet: SheetSpec, budget = PAYLOAD_BUDGET): RowChunk[] {
  const { rows, cols } = sheet.extent;
  if (rows === 0 || cols === 0) return [];
  const byRow: CellSpec[][] = Array.from({ length: rows }, () => []);
  for (const c of sheet.cells) byRow[c.row].push(c);
  const chunks: RowChunk[] = [];
  let current: RowChunk | undefined;
  let size = 0;
  for (let r = 0; r < rows; r++) {
    const formulas: (string | number | boolean | null)[] = new Array(cols).fill(null);
    const formats: (string | null)[] = new Array(cols).fill(null);
    let rowSize = cols * 5;
    for (const c of byRow[r]) {
      formulas[c.col] = formulaText(c);
      formats[c.col] = c.format ?? null;
      rowSize += String(formulas[c.col] ?? '').length + (c.format?.length ?? 0) + 6;
    }
    if (!current || size + rowSize > budget) {
      current = { r0: r, c0: 0, formulas: [], formats: [] };
      chunks.push(current);
      size = 0;
    }
    current.formulas.push(formulas);
    current.formats.push(formats);
    size += rowSize;
  }
  return chunks;
}

export interface StyleRun {
  style: StyleKey;
  row: number;
  c0: number;
  c1: number;
}

/** Consecutive cells of a row with the same style, as one run each. */
export function styleRuns(cells: readonly CellSpec[]): StyleRun[] {
  const sorted = cells.filter((c) => c.style).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: StyleRun[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.style === c.style && last.c1 === c.col - 1) last.c1 = c.col;
    else runs.push({ style: c.style!, row: c.row, c0: c.col, c1: c.col });
  }
  return runs;
}

/** How each style looks in Excel. */
export const STYLE_FORMAT: Record<StyleKey, { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string; wrap?: boolean }> = {
  title: { bold: true, size: 14, color: '#1F3864' },
  subtitle: { bold: true },
  note: { italic: true, color: '#595959' },
  group: { bold: true, color: '#FFFFFF', fill: '#44546A' },
  header: { bold: true, fill: '#D6DCE4', wrap: true },
  label: {},
  key: { color: '#404040' },
  input: { color: '#1F4E79', fill: '#DDEBF7' },
  inputUnused: { fill: '#F2F2F2' },
  calc: {},
  output: { bold: true },
  check: { bold: true },
};

/** Picks sheet names: ours where we already have one, else the default name or "Name (2)", "(3)"… */
export function resolveSheetNames(
  wanted: Record<SheetKey, string>,
  existing: readonly { name: string; mark?: string }[],
  keys: readonly SheetKey[],
): { names: Record<SheetKey, string>; reuse: Set<SheetKey> } {
  const names = { ...wanted };
  const reuse = new Set<SheetKey>();
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  for (const key of keys) {
    const ours = existing.find((s) => s.mark === key);
    if (ours) {
      names[key] = ours.name;
      reuse.add(key);
      continue;
    }
    let name = wanted[key];
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted[key]} (${i})`;
    names[key] = name;
    taken.add(name.toLowerCase());
  }
  return { names, reuse };
}

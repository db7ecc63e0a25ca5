/** A1 addresses. Rows and columns are 0-based in code and 1-based in the text Excel reads. */

export function columnLetters(col: number): string {
  let s = '';
  let c = col + 1;
  while (c > 0) {
    const r = (c - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export interface RefOptions {
  absRow?: boolean;
  absCol?: boolean;
}

export function cellAddress(row: number, col: number, o: RefOptions = {}): string {
  return `${o.absCol ? '$' : ''}${columnLetters(col)}${o.absRow ? '$' : ''}${row + 1}`;
}

export function absAddress(row: number, col: number): string {
  return cellAddress(row, col, { absRow: true, absCol: true });
}

export function rangeAddress(r0: number, c0: number, r1: number, c1: number, o: RefOptions = {}): string {
  const a = cellAddress(r0, c0, o);
  const b = cellAddress(r1, c1, o);
  return a === b ? a : `${a}:${b}`;
}

/** Sheet name as a formula prefix: quoted when it holds anything but letters, digits and underscores. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** Parses "A1", "$B$3" or "A1:C4" (no sheet) into 0-based bounds. */
export function parseRange(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const parts = address.replace(/\$/g, '').split(':');
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new Error(`not an A1 address: ${address}`);
    return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  };
  const a = one(parts[0]);
  const b = parts[1] ? one(parts[1]) : a;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/**
 * What the last few ranges read as (ranges.ts), kept so that a sheet of cells reading the same
 * ranges parses them once. Excel recalculates every CEQ cell that depends on a changed range, and
 * each call receives the range as new arrays; a sheet of a hundred projections off one assumptions
 * table hands over the same cells a hundred times. A range is recognised by its content (every
 * cell equal, in the same shape), never by identity, so a changed cell is always parsed afresh.
 * Only parses that succeeded are kept: a bad range reports its problem on every call.
 *
 * Every call that reads the range gets the kept result itself, not a copy (copying the four records
 * of an assumptions table cost a PROJECT cell a tenth of its time): what ranges parse to is read-only,
 * and the functions build new objects from it (model.ts scenarioOf copies the settings it changes).
 * The tests hold them to it: with globalThis.__ceqFreezeParsed set (test/frozen-ranges.ts sets it for
 * every jest project), kept results are frozen, so a function that changed one would throw.
 */
import type { Cell } from './cells';

/** Ranges kept per kind: a COMPARE reads two plans, a sheet may compare a few plans on a few tables. */
const SLOTS = 8;
/** Ranges larger than this are parsed each time: comparing them would cost about as much. */
const MAX_CELLS = 4_000;

interface Entry<T> {
  arg: string;
  /** The range's cells, copied row by row (the caller's arrays are theirs). */
  rows: Cell[][];
  value: T;
}

/** A range as Excel passes one (rows of cells) and small enough to compare; anything else is parsed each time. */
function comparable(raw: Cell): raw is Cell[][] {
  if (!Array.isArray(raw)) return false;
  let cells = 0;
  for (const row of raw as Cell[]) {
    if (!Array.isArray(row)) return false;
    cells += row.length;
  }
  return cells <= MAX_CELLS;
}

function sameCells(kept: Cell[][], given: Cell[][]): boolean {
  if (kept.length !== given.length) return false;
  for (let r = 0; r < kept.length; r++) {
    const a = kept[r], b = given[r];
    if (a.length !== b.length) return false;
    for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  }
  return true;
}

/** Freezes a parse result and everything in it (tests only: see the top of the file). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** `parse` remembered by content for the last SLOTS ranges; what it returns is shared, never to be changed. */
export function memoisedParse<T>(parse: (raw: Cell, arg: string) => T): (raw: Cell, arg: string) => T {
  const entries: Entry<T>[] = [];
  return (raw, arg) => {
    if (!comparable(raw)) return parse(raw, arg);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.arg !== arg || !sameCells(entry.rows, raw)) continue;
      // Most recently used first, so a sheet's usual range is found at the first comparison.
      if (i > 0) {
        entries.splice(i, 1);
        entries.unshift(entry);
      }
      return entry.value;
    }
    const value = parse(raw, arg);
    if ((globalThis as { __ceqFreezeParsed?: boolean }).__ceqFreezeParsed) deepFreeze(value);
    entries.unshift({ arg, rows: raw.map((row) => row.slice()), value });
    if (entries.length > SLOTS) entries.pop();
    return value;
  };
}

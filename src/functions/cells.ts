/**
 * One cell as Excel hands it to a custom function: numbers, strings, booleans, empty cells (null on
 * the web, "" for an empty string, 0 on desktop for some number parameters) and, with `any`
 * parameters, objects (entities, errors). Reading text that looks like a number lives here.
 */
import type { Problem } from '../engine';
import { invalidArgument } from './errors';

/** A value Excel passes for one cell. Objects (entities, errors) are possible with `any` parameters. */
export type Cell = unknown;
export type Grid = Cell[][];

/** Results never spill more rows than this (Excel on the web limits a result to ~5 MB). */
export const MAX_SPILL_ROWS = 5000;
/** Input ranges larger than this are refused before any work is done. */
export const MAX_INPUT_CELLS = 100_000;
/**
 * Characters of text one argument may hold in all (about 60 cells filled to Excel's 32,767): refused
 * before any work, so that no call spends long reading text, however many long cells a range repeats.
 */
export const MAX_INPUT_TEXT = 2_000_000;

export function isBlank(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** How a cell is shown in a message. */
export function showCell(v: Cell): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as { code?: unknown; message?: unknown; type?: unknown };
    return String(o.code ?? o.type ?? '(object)');
  }
  return v;
}

const CURRENCY = /^[$€£¥]|[$€£¥]$/g;
const SPACES = /[\s\u00a0\u202f\u2009']/g;
// Every pattern below is unambiguous (each character has one place to go), so a failed match backs
// off at most once per character: linear in the text, even on 32,767 digits ending in a letter.
// (The old /^(\d+\.?\d*|\.\d+)/ split a run of digits between two quantifiers: quadratic.)
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const COMMA_GROUPS = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const DOT_GROUPS = /^[1-9]\d{0,2}(?:\.\d{3}){2,}$/;
const GROUPED = {
  ',': /^[1-9]\d{0,2}(?:,\d{3})*(?:\.\d+)?$/,
  '.': /^[1-9]\d{0,2}(?:\.\d{3})*(?:,\d+)?$/,
};

/**
 * Text that looks like a number: "10%", "1,200", "24 000", "1.234,5", "€1,200", "(500)", "1e6".
 * The one rule for separators: a comma (or, with two or more, a point) groups thousands only in a
 * well-grouped number, whose first group is 1 to 3 digits not starting with 0 and every later group
 * exactly three digits ("1,200" is 1200, "1.234.567" is 1234567). Any other lone comma is a decimal
 * comma: "0,15" is 0.15, "0,125" is 0.125 (nobody writes zero thousand), "12,5" is 12.5. With both
 * marks, the last one is the decimal mark. Returns undefined for anything else.
 */
export function parseNumberText(text: string): number | undefined {
  let s = text.replace(SPACES, '');
  if (!s) return undefined;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) [negative, s] = [true, s.slice(1, -1)];
  s = s.replace(/^[$€£¥]/, '');
  if (/^[-+\u2212]/.test(s)) [negative, s] = [negative !== (s[0] !== '+'), s.slice(1)];
  let percent = false;
  if (s.endsWith('%')) [percent, s] = [true, s.slice(0, -1)];
  s = s.replace(CURRENCY, '');
  if (s.endsWith('%') && !percent) [percent, s] = [true, s.slice(0, -1)];
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  let thousands: ',' | '.' | '' = '';
  let decimal = '.';
  if (comma >= 0 && dot >= 0) [thousands, decimal] = comma > dot ? ['.', ','] : [',', '.'];
  else if (comma >= 0) [thousands, decimal] = COMMA_GROUPS.test(s) ? [',', '.'] : ['', ','];
  else if (dot >= 0 && DOT_GROUPS.test(s)) [thousands, decimal] = ['.', ','];
  if (thousands) {
    if (!GROUPED[thousands].test(s)) return undefined;
    s = s.split(thousands).join('');
  }
  if (decimal === ',') {
    if (s.indexOf(',') !== s.lastIndexOf(',')) return undefined;
    s = s.replace(',', '.');
  }
  if (!PLAIN.test(s)) return undefined;
  // Shift the decimal point in the text, so "0.1%" is exactly the double nearest 0.001.
  const value = percent ? (/e/i.test(s) ? Number(s) / 100 : Number(`${s}e-2`)) : Number(s);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/** A cell as a number, or undefined when it is not one (blank cells are not numbers either). */
export function cellNumber(v: Cell): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return parseNumberText(v);
  return undefined;
}

/** Rules for one numeric argument; the catalogue's specs fit this shape too. */
export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  allowed?: readonly number[];
  /** The value must be above `min` (a divisor, a shape parameter), not just at least `min`. */
  above?: boolean;
}

export function notANumber(name: string, v: Cell, rule: NumberRule): Problem {
  return { code: 'notANumber', key: name, value: showCell(v), min: rule.min, max: rule.max };
}

/** Checks a number against a rule; the problem names the argument, the value and the range. */
export function checkNumber(name: string, value: number, rule: NumberRule): Problem | undefined {
  if (rule.allowed && !rule.allowed.includes(value)) return { code: 'notAllowed', key: name, value, suggestion: rule.allowed.join(', ') };
  if (value < rule.min || value > rule.max) return { code: 'outOfRange', key: name, value, min: rule.min, max: rule.max };
  if (rule.above && value === rule.min) return { code: 'inconsistent', key: name, value, min: rule.min, detail: 'aboveMinimum' };
  if (rule.integer && !Number.isInteger(value)) return { code: 'notInteger', key: name, value, min: rule.min, max: rule.max };
  return undefined;
}

/**
 * Refuses an argument (a value or a range) with more than MAX_INPUT_CELLS cells or MAX_INPUT_TEXT
 * characters of text, counting without reading the text. Every argument passes here before work.
 */
export function checkArgumentSize(name: string, raw: Cell): void {
  if (typeof raw === 'string') {
    if (raw.length > MAX_INPUT_TEXT) throw tooMuchText(name, raw.length);
    return;
  }
  if (!Array.isArray(raw)) return;
  let cells = 0;
  let chars = 0;
  for (const row of raw as Cell[]) {
    if (!Array.isArray(row)) {
      cells++;
      if (typeof row === 'string') chars += row.length;
      continue;
    }
    cells += row.length;
    for (const v of row) if (typeof v === 'string') chars += v.length;
  }
  if (cells > MAX_INPUT_CELLS) {
    throw invalidArgument({ code: 'tooLarge', key: name, value: cells, min: 1, max: MAX_INPUT_CELLS, detail: 'cells' });
  }
  if (chars > MAX_INPUT_TEXT) throw tooMuchText(name, chars);
}

function tooMuchText(name: string, chars: number): Error {
  return invalidArgument({ code: 'tooLarge', key: name, value: chars, max: MAX_INPUT_TEXT, detail: 'characters' });
}

/** Any argument as a 2-D grid (a single value becomes 1×1, omitted becomes 0×0), size-checked. */
export function gridArg(name: string, raw: Cell): Grid {
  if (raw === null || raw === undefined) return [];
  checkArgumentSize(name, raw);
  // Excel passes a range as rows of cells; it is read, never changed, so it is used as it comes.
  const rows = Array.isArray(raw) ? (raw as Cell[]) : [[raw]];
  return rows.every(Array.isArray) ? (rows as Grid) : rows.map((row) => (Array.isArray(row) ? row : [row]));
}

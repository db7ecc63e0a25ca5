/**
 * Argument coercion and range checks, once, for every custom function (HyperFormula's runFunction:
 * the table in table.ts declares each argument as data, `coerceArgs` turns Excel's values into what
 * the adapters expect). Every failure is a ModelError naming the argument, the value and the valid
 * range; blank or omitted optional arguments take their fallback.
 */
import { MAX_LEDGER_ROWS } from '../engine';
import { invalidArgument } from './errors';
import {
  cellNumber, checkArgumentSize, checkNumber, gridArg, isBlank, MAX_SPILL_ROWS, notANumber, showCell, type Cell, type NumberRule,
} from './cells';
import { memoisedParse } from './range-memo';
import { MAX_SEGMENTS, parseAssumptions, parsePlan, type ParsedAssumptions, type ParsedPlan } from './ranges';

interface Base<T extends string> {
  type: T;
  /** The parameter's name in Excel (functions.json) and in messages. */
  name: string;
  optional: boolean;
}
export type NumberArg = Base<'number'> & { rule: NumberRule; fallback?: number };
export type MaybeNumberArg = Base<'maybeNumber'> & { rule: NumberRule };
export type BooleanArg = Base<'boolean'> & { fallback: boolean };
export type TextArg = Base<'text'> & { fallback: string };
export type AssumptionsArg = Base<'assumptions'>;
export type PlanArg = Base<'plan'>;
export type VectorArg = Base<'vector'> & { maxLength: number; firstIndex: number };
export type NamesArg = Base<'names'>;
/** Passed on as Excel gave it (a range read later, once the scenario is known); optional. */
export type RawArg = Base<'raw'>;
/** A subscription ledger: a grid of any size up to MAX_LEDGER_ROWS rows (the engine reads it, calibration/ledger.ts). */
export type LedgerArg = Base<'ledger'>;
export type ArgSpec = NumberArg | MaybeNumberArg | BooleanArg | TextArg | AssumptionsArg | PlanArg | VectorArg | NamesArg | RawArg | LedgerArg;

/** What each kind of argument becomes. */
export type ValueOf<S extends ArgSpec> = S extends NumberArg ? number
  : S extends MaybeNumberArg ? number | undefined
  : S extends BooleanArg ? boolean
  : S extends TextArg ? string
  : S extends AssumptionsArg ? ParsedAssumptions
  : S extends PlanArg ? ParsedPlan
  : S extends VectorArg ? number[]
  : S extends NamesArg ? string[]
  : S extends RawArg ? Cell
  : S extends LedgerArg ? Cell[][]
  : never;
export type ValuesOf<A extends readonly ArgSpec[]> = { -readonly [K in keyof A]: A[K] extends ArgSpec ? ValueOf<A[K]> : never };

/** Constructors for the table: `arg.number('years', rule, 5)`; a fallback makes the argument optional. */
export const arg = {
  number: (name: string, rule: NumberRule, fallback?: number): NumberArg => ({ type: 'number', name, rule, fallback, optional: fallback !== undefined }),
  maybeNumber: (name: string, rule: NumberRule): MaybeNumberArg => ({ type: 'maybeNumber', name, rule, optional: true }),
  boolean: (name: string, fallback: boolean): BooleanArg => ({ type: 'boolean', name, fallback, optional: true }),
  text: (name: string, fallback: string): TextArg => ({ type: 'text', name, fallback, optional: true }),
  assumptions: (name = 'assumptions'): AssumptionsArg => ({ type: 'assumptions', name, optional: false }),
  plan: (name: string): PlanArg => ({ type: 'plan', name, optional: false }),
  /** `firstIndex` numbers the cells in messages: 1 for periods, 0 for survivor counts (n0 = the cohort). */
  vector: (name: string, maxLength = MAX_SPILL_ROWS, firstIndex = 1): VectorArg => ({ type: 'vector', name, maxLength, firstIndex, optional: false }),
  names: (name: string): NamesArg => ({ type: 'names', name, optional: true }),
  raw: (name: string): RawArg => ({ type: 'raw', name, optional: true }),
  ledger: (name = 'ledger'): LedgerArg => ({ type: 'ledger', name, optional: false }),
};

/** A 1×1 range counts as its one value. */
export function scalarOf(v: Cell): Cell {
  if (!Array.isArray(v)) return v;
  const cells = (v as Cell[]).flat(2);
  return cells.length === 1 ? cells[0] : v;
}

function numberArg(name: string, raw: Cell, rule: NumberRule, fallback?: number): number {
  const v = scalarOf(raw);
  if (Array.isArray(v)) throw invalidArgument({ code: 'badShape', key: name, detail: 'oneCell' });
  if (isBlank(v)) {
    if (fallback !== undefined) return fallback;
    throw invalidArgument({ code: 'missing', key: name });
  }
  const n = cellNumber(v);
  if (n === undefined) throw invalidArgument(notANumber(name, v, rule));
  const problem = checkNumber(name, n, rule);
  if (problem) throw invalidArgument(problem);
  return n === 0 ? 0 : n; // no -0 in a cell
}

const TRUE_WORDS = new Set(['true', 'verdadero', 'yes', 'sí', 'si', '1']);
const FALSE_WORDS = new Set(['false', 'falso', 'no', '0']);

function booleanArg(name: string, raw: Cell, fallback: boolean): boolean {
  const v = scalarOf(raw);
  if (isBlank(v)) return fallback;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (typeof v === 'string') {
    const w = v.trim().toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
  }
  throw invalidArgument({ code: 'notAllowed', key: name, value: showCell(v), suggestion: 'TRUE, FALSE, 1, 0' });
}

function textArg(name: string, raw: Cell, fallback: string): string {
  const v = scalarOf(raw);
  if (isBlank(v)) return fallback;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw invalidArgument({ code: 'notAllowed', key: name, value: showCell(v) });
}

/**
 * A row or a column of numbers (a series, survivor counts). Blank cells at the end are dropped
 * (ranges drawn too long); every other cell must be a number.
 */
function vectorArg(name: string, raw: Cell, maxLength: number, firstIndex: number): number[] {
  const grid = gridArg(name, raw);
  const height = grid.length;
  const width = Math.max(0, ...grid.map((r) => r.length));
  if (height > 1 && width > 1) throw invalidArgument({ code: 'badShape', key: name, detail: 'oneRowOrColumn', args: { height, width } });
  const cells = grid.flat();
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  if (end === 0) throw invalidArgument({ code: 'emptyData', key: name });
  if (end > maxLength) throw invalidArgument({ code: 'tooLarge', key: name, value: end, min: 1, max: maxLength, detail: 'values' });
  const out = new Array<number>(end);
  for (let i = 0; i < end; i++) {
    const n = cellNumber(cells[i]);
    if (n === undefined) throw invalidArgument({ code: 'notANumber', key: `${name}[${i + firstIndex}]`, value: showCell(cells[i]) });
    out[i] = n;
  }
  return out;
}

/**
 * Non-blank cells of a range as texts (segment names): unique, at most MAX_SEGMENTS. The count is
 * checked before anything else, and duplicates through a Set, so a 2000×50 range is refused at once.
 */
function namesArg(name: string, raw: Cell): string[] {
  const cells = gridArg(name, raw).flat().filter((cell) => !isBlank(cell));
  if (cells.length > MAX_SEGMENTS) throw invalidArgument({ code: 'tooLarge', key: name, value: cells.length, min: 1, max: MAX_SEGMENTS, detail: 'names' });
  const out: string[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    if (typeof cell !== 'string' && !(typeof cell === 'number' && Number.isFinite(cell))) {
      throw invalidArgument({ code: 'notAllowed', key: name, value: showCell(cell) });
    }
    const text = String(cell).trim();
    if (seen.has(text)) throw invalidArgument({ code: 'inconsistent', key: name, value: text, detail: 'nameTwice' });
    seen.add(text);
    out.push(text);
  }
  return out;
}

/**
 * A ledger range as Excel hands it, its size checked before anything else (a whole-column range is
 * 1,048,576 rows: refused at once rather than read). Not gridArg: a ledger is far above MAX_INPUT_CELLS.
 */
function ledgerArg(name: string, raw: Cell): Cell[][] {
  if (!Array.isArray(raw)) return isBlank(raw) ? [] : [[raw]];
  if (raw.length > MAX_LEDGER_ROWS) throw invalidArgument({ code: 'tooLarge', key: name, value: raw.length, max: MAX_LEDGER_ROWS, detail: 'rows' });
  return (raw as Cell[]).map((row) => (Array.isArray(row) ? row : [row]));
}

/** The assumptions and plan ranges, parsed once per content for a sheet of cells that read them (range-memo.ts: read-only). */
const readAssumptions = memoisedParse(parseAssumptions);
const readPlan = memoisedParse(parsePlan);

/** Argument types read through gridArg, which checks their size as it reads them (once is enough: a DEFAULTS spill is 250 cells). */
const READ_AS_GRID = new Set<ArgSpec['type']>(['assumptions', 'plan', 'vector', 'names']);

function coerce(spec: ArgSpec, raw: Cell): unknown {
  // A ledger has its own limit in rows (ledgerArg): a real one is far above MAX_INPUT_CELLS.
  if (spec.type !== 'ledger' && !READ_AS_GRID.has(spec.type)) checkArgumentSize(spec.name, raw);
  switch (spec.type) {
    case 'number': return numberArg(spec.name, raw, spec.rule, spec.fallback);
    case 'maybeNumber': return isBlank(scalarOf(raw)) ? undefined : numberArg(spec.name, raw, spec.rule);
    case 'boolean': return booleanArg(spec.name, raw, spec.fallback);
    case 'text': return textArg(spec.name, raw, spec.fallback);
    case 'assumptions': return readAssumptions(raw, spec.name);
    case 'plan': return readPlan(raw, spec.name);
    case 'vector': return vectorArg(spec.name, raw, spec.maxLength, spec.firstIndex);
    case 'names': return namesArg(spec.name, raw);
    case 'raw': return raw;
    case 'ledger': return ledgerArg(spec.name, raw);
  }
}

/** Every argument of a call, in order; missing trailing arguments count as omitted. */
export function coerceArgs<A extends readonly ArgSpec[]>(specs: A, raw: readonly Cell[]): ValuesOf<A> {
  return specs.map((spec, i) => coerce(spec, raw[i])) as ValuesOf<A>;
}

/**
 * Reads the key/value ranges of the `assumptions` and plan arguments, against the catalogue (never
 * a copy of it). Accepted shapes:
 * - two columns, key and value (no header);
 * - a table: first column keys, one column per segment, and an optional header row with the segment
 *   names. Header cells named unit/meaning/label/… (or columns that hold only text, when there is no
 *   header) are notes and are skipped, so a CEQ.DEFAULTS spill can be fed back as it is; so are headers
 *   ending in "(n)" or "(se)", the data size and standard error columns of a CEQ.CALIBRATE spill.
 * Keys match the catalogue ignoring case, spaces, "_" and "-" (new_customers is newCustomers).
 * A plan range may also hold the quota keys of its roles (ae.headcount, ae.newArr.quota, …; names from
 * the engine's quota-plan.ts); their problems (weights that do not add up to 1, a missing quota) are
 * reported together.
 * A key that is absent takes its default; a present key with a blank value takes it too and is
 * reported in `notes` (a blank may reach us as 0 on Excel desktop: see docs/functions.md).
 */
import {
  findSpec, nearestKey, ModelError, type AssumptionSpec, type BehaviourValues, type PlanValues, type Problem,
  type ScenarioSettings, type Segment, type SegmentValues, type ValueSpec, planKeyCandidates, quotaProblems,
  QUOTA_CATALOGUE,
} from '../engine';
import { cellNumber, checkNumber, gridArg, isBlank, showCell, type Cell, type Grid } from './cells';
import { defaultsCopy, fail, normal, quotaKeyOf, SeenKeys, specByKey } from './range-keys';

/** The most segment columns one assumptions range may hold. */
export const MAX_SEGMENTS = 50;

/** A key cell that is not a catalogue key but has the shape of a quota key (it contains a dot). */
const looksLikeQuotaKey = (key: Cell): key is string => typeof key === 'string' && key.includes('.');

/** First-cell words that mark a header row. */
const HEADER_WORDS = new Set(['key', 'keys', 'clave', 'claves', 'assumption', 'assumptions', 'supuesto', 'supuestos',
  'parameter', 'parameters', 'parámetro', 'parámetros', 'name', 'nombre', 'segment', 'segmento', 'plan'].map(normal));
/** Header names of columns that describe rather than hold values. */
const NOTE_WORDS = new Set(['unit', 'units', 'unidad', 'unidades', 'meaning', 'significado', 'label', 'etiqueta',
  'description', 'descripción', 'descripcion', 'note', 'notes', 'nota', 'notas', 'source', 'fuente', 'min', 'max',
  'range', 'rango'].map(normal));

/**
 * A header such as "SMB (n)" or "SMB (se)": a note on segment SMB's values (CEQ.CALIBRATE spills the data
 * size and the standard error behind each value so; "ee" is error estándar), not a segment of its own.
 */
const NOTE_SUFFIX = /\((n|se|ee|std\.? ?error|error)\)\s*$/i;

export interface ParsedAssumptions {
  settings: ScenarioSettings;
  behaviour: BehaviourValues;
  segments: Segment[];
  /** Blank values that took their default (code blankUsesDefault). */
  notes: Problem[];
}

export interface ParsedPlan {
  values: PlanValues;
  notes: Problem[];
}

interface Table {
  /** Segment (value column) names, one per value column. */
  names: string[];
  /** The data rows (the key in column 0), without the header; blank rows dropped. */
  body: Grid;
  /** The value columns' indexes in each row, one per name. */
  columns: number[];
  /** The row number in the range (1-based) of body[0], for messages. */
  firstRow: number;
}

/** A header row: "key" (or blank, or an unknown word) first, then names that are not numbers. */
function isHeaderRow(row: Cell[]): boolean {
  const first = row[0];
  if (!isBlank(first) && (typeof first !== 'string' || specByKey(first))) return false;
  if (typeof first === 'string' && HEADER_WORDS.has(normal(first))) return true;
  const rest = row.slice(1).filter((c) => !isBlank(c));
  return rest.length > 0 && rest.every((c) => typeof c === 'string' && cellNumber(c) === undefined);
}

/** Splits a grid into named value columns and keyed rows; drops blank rows and note columns. */
function readTable(arg: string, raw: Cell): Table {
  const grid: Grid = [];
  let width = 0;
  for (const row of gridArg(arg, raw)) {
    if (!row.some(isFilled)) continue;
    grid.push(row);
    if (row.length > width) width = row.length;
  }
  if (grid.length === 0) return { names: [], body: [], columns: [], firstRow: 1 };
  // A lone row is data unless it is plainly a header (a misspelled key must not vanish as one).
  const plain = isBlank(grid[0][0]) || (typeof grid[0][0] === 'string' && HEADER_WORDS.has(normal(grid[0][0])));
  const header = isHeaderRow(grid[0]) && (grid.length > 1 || plain) ? grid[0] : undefined;
  if (header) grid.shift();
  const body = grid;
  const firstRow = header ? 2 : 1;
  const columns: number[] = [];
  for (let c = 1; c < width; c++) {
    const name = header?.[c];
    if (header && typeof name === 'string' && (NOTE_WORDS.has(normal(name)) || NOTE_SUFFIX.test(name))) continue;
    // Without a header, a text-only column after the first value column is a note (unit, meaning).
    if (!header && columns.length > 0 && isNoteColumn(body, c)) continue;
    if (isBlank(name) && body.every((r) => isBlank(r[c]))) continue;
    columns.push(c);
  }
  if (columns.length > MAX_SEGMENTS) fail({ code: 'tooLarge', key: arg, value: columns.length, max: MAX_SEGMENTS, detail: 'columns' });
  const names = columns.map((c, i) => (header && !isBlank(header[c]) ? String(showCell(header[c])).trim() : `Segment ${i + 1}`));
  return { names, body, columns, firstRow };
}

/** A column whose non-blank cells are all text that is not a number (and there is at least one). */
function isNoteColumn(body: Grid, c: number): boolean {
  let any = false;
  for (const r of body) {
    const v = r[c];
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || cellNumber(v) !== undefined) return false;
    any = true;
  }
  return any;
}

/** The catalogue row of a key cell, or a problem: unknown key (with "did you mean"), missing key. */
function specOfRow(arg: string, key: Cell, row: number): AssumptionSpec {
  const spec = typeof key === 'string' ? specByKey(key) : undefined;
  if (spec) return spec;
  if (isBlank(key)) fail({ code: 'missing', key: arg, detail: 'valueWithoutKey', args: { row } });
  const text = String(showCell(key)).trim();
  fail({ code: 'unknownKey', key: text, suggestion: nearestKey(text) });
}

function wrongScope(arg: string, spec: { key: string; scope: string }): never {
  const place = spec.scope === 'scenario' || spec.scope === 'segment' || spec.scope === 'behaviour' ? 'assumptionsArgument' : 'planArgument';
  fail({ code: 'inconsistent', key: spec.key, detail: 'belongsInArgument', args: { place, argument: arg } });
}

/** One cell as a checked value of `spec`; undefined when blank. `label` names it in messages. */
function valueOf(spec: ValueSpec, cell: Cell, label: string): number | undefined {
  if (isBlank(cell)) return undefined;
  const n = cellNumber(cell);
  if (n === undefined) fail({ code: 'notANumber', key: label, value: showCell(cell), min: spec.min, max: spec.max });
  const problem = checkNumber(label, n, spec);
  if (problem) fail(problem);
  return n === 0 ? 0 : n;
}

/** A key that is the same for every segment: the non-blank cells of its value columns must agree. */
function sharedValue(spec: ValueSpec, row: Cell[], columns: readonly number[], label = spec.key): number | undefined {
  let value: number | undefined;
  for (const c of columns) {
    const v = valueOf(spec, row[c], label);
    if (v === undefined) continue;
    if (value !== undefined && v !== value) {
      fail({ code: 'inconsistent', key: label, value: v, detail: 'segmentsDisagree', args: { first: value, second: v } });
    }
    value ??= v;
  }
  return value;
}

const isFilled = (c: Cell) => !isBlank(c);


function blankNote(label: string, spec: ValueSpec): Problem {
  return { code: 'blankUsesDefault', key: label, value: spec.defaultValue };
}

/** The `assumptions` argument: scenario, segment and behaviour keys. */
export function parseAssumptions(raw: Cell, arg = 'assumptions'): ParsedAssumptions {
  const table = readTable(arg, raw);
  const names = table.names.length ? table.names : ['Segment 1'];
  const settings = defaultsCopy('scenario');
  const behaviour = defaultsCopy('behaviour');
  const segments = names.map((name) => ({ name, values: defaultsCopy('segment') }));
  const notes: Problem[] = [];
  const seen = new SeenKeys();
  const { body, columns, firstRow } = table;
  for (let i = 0; i < body.length; i++) {
    const key = body[i][0];
    const row = firstRow + i;
    const quota = looksLikeQuotaKey(key) && !specByKey(key) ? quotaKeyOf(key) : undefined;
    if (quota) wrongScope(arg, { key: quota.name, scope: 'plan' });
    const spec = specOfRow(arg, key, row);
    if (spec.scope === 'plan') wrongScope(arg, spec);
    seen.add(spec, row);
    if (spec.scope === 'segment') {
      for (let k = 0; k < columns.length; k++) {
        const label = names.length > 1 ? `${names[k]}.${spec.key}` : spec.key;
        const v = valueOf(spec, body[i][columns[k]], label);
        if (v === undefined) notes.push(blankNote(label, spec));
        else if (v !== spec.defaultValue) segments[k].values[spec.key] = v;
      }
      if (columns.length === 0) notes.push(blankNote(spec.key, spec));
    } else {
      const v = sharedValue(spec, body[i], columns);
      if (v === undefined) notes.push(blankNote(spec.key, spec));
      // The records start as the defaults, so a default is not written again: a store under a key
      // that varies row by row is V8's slowest kind, and most rows of a sheet's ranges are defaults
      // (a DEFAULTS spill fed back is all defaults: 1.2 µs a cell).
      else if (v !== spec.defaultValue) (spec.scope === 'scenario' ? settings : behaviour)[spec.key] = v;
    }
  }
  return {
    settings: settings as ScenarioSettings,
    behaviour: behaviour as BehaviourValues,
    segments: segments as { name: string; values: SegmentValues }[],
    notes,
  };
}

/**
 * A plan argument: plan keys and quota keys (plans are company-wide, so several columns must agree).
 * A blank quota value takes its default like any key, except a blank quota, which has none.
 */
export function parsePlan(raw: Cell, arg = 'plan'): ParsedPlan {
  const table = readTable(arg, raw);
  const values = defaultsCopy('plan');
  const notes: Problem[] = [];
  const seen = new SeenKeys();
  let quotas = false;
  const { body, columns, firstRow } = table;
  for (let i = 0; i < body.length; i++) {
    const key = body[i][0];
    const row = firstRow + i;
    if (looksLikeQuotaKey(key) && !specByKey(key)) {
      const quota = quotaKeyOf(key) ?? fail({ code: 'unknownKey', key: key.trim(), suggestion: nearestKey(key.trim(), planKeyCandidates()) });
      seen.addQuota(quota.name, row);
      const label = `${arg}.${quota.name}`;
      const v = sharedValue(quota.spec, body[i], columns, label);
      if (v !== undefined) values[quota.name] = v;
      else if (quota.spec.key === 'quota') fail({ code: 'missing', key: label });
      else notes.push(blankNote(label, quota.spec));
      quotas = true;
      continue;
    }
    const spec = specOfRow(arg, key, row);
    if (spec.scope !== 'plan') wrongScope(arg, spec);
    seen.add(spec, row);
    const label = `${arg}.${spec.key}`;
    const v = sharedValue(spec, body[i], columns, label);
    if (v === undefined) notes.push(blankNote(label, spec));
    else if (v !== spec.defaultValue) values[spec.key] = v;
  }
  if (quotas) {
    // Every problem of the quota layer at once (a tooltip shows the first and how many more).
    const problems = quotaProblems(values as PlanValues, `${arg}.`);
    if (problems.length) throw new ModelError('invalid', problems);
  }
  return { values: values as PlanValues, notes };
}

/** The catalogue unit of a message label such as "SMB.churn", "baseline_plan.clawback" or "plan.ae.newArr.threshold". */
export function unitOfLabel(label: string): string | undefined {
  const last = label.slice(label.lastIndexOf('.') + 1);
  return findSpec(last)?.unit ?? QUOTA_CATALOGUE.find((s) => s.key === last)?.unit;
}

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
  CATALOGUE, defaultsOf, findSpec, nearestKey, ModelError,
  type AssumptionSpec, type BehaviourValues, type PlanValues, type Problem, type ScenarioSettings, type Segment,
  type SegmentValues, type ValueSpec,
} from '../engine';
import { planKeyCandidates, quotaProblems } from '../engine/validate';
import { quotaKeys, type QuotaKey } from '../engine/quota-plan';
import { QUOTA_CATALOGUE } from '../engine/catalogue';
import { cellNumber, checkNumber, gridArg, isBlank, showCell, type Cell, type Grid } from './cells';

/** The most segment columns one assumptions range may hold. */
export const MAX_SEGMENTS = 50;

const normal = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

let keyIndex: Map<string, AssumptionSpec> | undefined;
/** Built on first use, not at load (functions must start fast). */
function specByKey(text: string): AssumptionSpec | undefined {
  keyIndex ??= new Map(CATALOGUE.map((s) => [normal(s.key), s as AssumptionSpec]));
  return keyIndex.get(normal(text));
}

let quotaIndex: Map<string, QuotaKey> | undefined;
/** A quota key (ae.newArr.quota) from its text, spelled loosely like any key (AE.new_arr.Quota). */
function quotaKeyOf(text: string): QuotaKey | undefined {
  quotaIndex ??= new Map(quotaKeys().map((k) => [normal(k.name), k]));
  return quotaIndex.get(normal(text));
}

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
  /** Rows: the key text, the row number in the range (1-based) and one cell per value column. */
  rows: { key: Cell; row: number; cells: Cell[] }[];
}

function fail(problem: Problem): never {
  throw new ModelError('invalid', [problem]);
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
  const grid: Grid = gridArg(arg, raw).filter((row) => row.some((c) => !isBlank(c)));
  if (grid.length === 0) return { names: [], rows: [] };
  const width = Math.max(...grid.map((r) => r.length));
  // A lone row is data unless it is plainly a header (a misspelled key must not vanish as one).
  const plain = isBlank(grid[0][0]) || (typeof grid[0][0] === 'string' && HEADER_WORDS.has(normal(grid[0][0])));
  const header = isHeaderRow(grid[0]) && (grid.length > 1 || plain) ? grid[0] : undefined;
  const body = header ? grid.slice(1) : grid;
  const firstRow = header ? 2 : 1;
  const columns: number[] = [];
  for (let c = 1; c < width; c++) {
    const name = header?.[c];
    const values = body.map((r) => r[c]).filter((v) => !isBlank(v));
    if (header && typeof name === 'string' && (NOTE_WORDS.has(normal(name)) || NOTE_SUFFIX.test(name))) continue;
    // Without a header, a text-only column after the first value column is a note (unit, meaning).
    if (!header && columns.length > 0 && values.length > 0 && values.every((v) => typeof v === 'string' && cellNumber(v) === undefined)) continue;
    if (isBlank(name) && values.length === 0) continue;
    columns.push(c);
  }
  if (columns.length > MAX_SEGMENTS) fail({ code: 'tooLarge', key: arg, value: columns.length, max: MAX_SEGMENTS, detail: 'columns' });
  const names = columns.map((c, i) => (header && !isBlank(header[c]) ? String(showCell(header[c])).trim() : `Segment ${i + 1}`));
  const rows = body.map((r, i) => ({ key: r[0], row: firstRow + i, cells: columns.map((c) => r[c]) }));
  return { names, rows };
}

/** The catalogue row of a key cell, or a problem: unknown key (with "did you mean"), missing key. */
function specOfRow(arg: string, key: Cell, row: number): AssumptionSpec {
  if (isBlank(key)) fail({ code: 'missing', key: arg, detail: 'valueWithoutKey', args: { row } });
  const text = String(showCell(key)).trim();
  const spec = typeof key === 'string' ? specByKey(text) : undefined;
  if (!spec) fail({ code: 'unknownKey', key: text, suggestion: nearestKey(text) });
  return spec;
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

/** A key that is the same for every segment: the non-blank cells must agree. */
function sharedValue(spec: ValueSpec, cells: Cell[]): number | undefined {
  let value: number | undefined;
  for (const cell of cells) {
    const v = valueOf(spec, cell, spec.key);
    if (v === undefined) continue;
    if (value !== undefined && v !== value) {
      fail({ code: 'inconsistent', key: spec.key, value: v, detail: 'segmentsDisagree', args: { first: value, second: v } });
    }
    value ??= v;
  }
  return value;
}

function checkDuplicate(seen: Map<string, number>, spec: { key: string }, row: number): void {
  const before = seen.get(spec.key);
  if (before !== undefined) fail({ code: 'inconsistent', key: spec.key, detail: 'keyTwice', args: { first: before, second: row } });
  seen.set(spec.key, row);
}

function blankNote(label: string, spec: ValueSpec): Problem {
  return { code: 'blankUsesDefault', key: label, value: spec.defaultValue };
}

/** The `assumptions` argument: scenario, segment and behaviour keys. */
export function parseAssumptions(raw: Cell, arg = 'assumptions'): ParsedAssumptions {
  const table = readTable(arg, raw);
  const names = table.names.length ? table.names : ['Segment 1'];
  const settings = defaultsOf('scenario') as Record<string, number>;
  const behaviour = defaultsOf('behaviour') as Record<string, number>;
  const segments = names.map((name) => ({ name, values: defaultsOf('segment') as Record<string, number> }));
  const notes: Problem[] = [];
  const seen = new Map<string, number>();
  for (const { key, row, cells } of table.rows) {
    const quota = looksLikeQuotaKey(key) && !specByKey(key) ? quotaKeyOf(key) : undefined;
    if (quota) wrongScope(arg, { key: quota.name, scope: 'plan' });
    const spec = specOfRow(arg, key, row);
    if (spec.scope === 'plan') wrongScope(arg, spec);
    checkDuplicate(seen, spec, row);
    if (spec.scope === 'segment') {
      cells.forEach((cell, i) => {
        const label = names.length > 1 ? `${names[i]}.${spec.key}` : spec.key;
        const v = valueOf(spec, cell, label);
        if (v === undefined) notes.push(blankNote(label, spec));
        else segments[i].values[spec.key] = v;
      });
      if (cells.length === 0) notes.push(blankNote(spec.key, spec));
    } else {
      const v = sharedValue(spec, cells);
      if (v === undefined) notes.push(blankNote(spec.key, spec));
      else (spec.scope === 'scenario' ? settings : behaviour)[spec.key] = v;
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
  const values = defaultsOf('plan') as Record<string, number>;
  const notes: Problem[] = [];
  const seen = new Map<string, number>();
  let quotas = false;
  for (const { key, row, cells } of table.rows) {
    if (looksLikeQuotaKey(key) && !specByKey(key)) {
      const quota = quotaKeyOf(key) ?? fail({ code: 'unknownKey', key: key.trim(), suggestion: nearestKey(key.trim(), planKeyCandidates()) });
      checkDuplicate(seen, { key: quota.name }, row);
      const label = `${arg}.${quota.name}`;
      const v = sharedValue({ ...quota.spec, key: label }, cells);
      if (v !== undefined) values[quota.name] = v;
      else if (quota.spec.key === 'quota') fail({ code: 'missing', key: label });
      else notes.push(blankNote(label, quota.spec));
      quotas = true;
      continue;
    }
    const spec = specOfRow(arg, key, row);
    if (spec.scope !== 'plan') wrongScope(arg, spec);
    checkDuplicate(seen, spec, row);
    const label = `${arg}.${spec.key}`;
    const v = sharedValue({ ...spec, key: label }, cells);
    if (v === undefined) notes.push(blankNote(label, spec));
    else values[spec.key] = v;
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

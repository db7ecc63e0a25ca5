/**
 * The uncertainty table as the user types it, and from it the engine's `UncertaintyRow[]` or the
 * problems that stop it. Like the scenario form: parameters are texts in the reader's locale, in the
 * units the assumption is typed in (shares and rates as percentages, their sd in percentage points),
 * a bad text is marked with its valid range and stays as typed, and the engine has the last word
 * (validateUncertainty: duplicates, keys that cannot vary, distributions almost wholly outside the
 * range). A little over 300 lines: the draft, its reducer and its evaluation share RowDraft and the
 * field paths (rowPath) that mark a bad field.
 */
import {
  CATALOGUE, defaultUncertaintyFor, describeProblem, DISTRIBUTION_PARAMETERS, findSpec, validateDistribution, validateUncertainty,
  type AssumptionSpec, type DistributionKind, type DistributionSpec, type Language, type Problem, type Scenario, type UncertaintyRow,
} from '../../engine';
import { displayText, formats, parseField, parseNumber, toDisplay, unitSuffix } from '../../i18n';
import { fieldProblem } from '../state/evaluate';
import { u } from './texts';

export type ParamName = 'min' | 'mode' | 'max' | 'mean' | 'sd';
export const PARAM_NAMES: readonly ParamName[] = ['min', 'mode', 'max', 'mean', 'sd'];

export interface RowDraft {
  id: string;
  key: string;
  /** A segment's name, or '' for one draw every segment takes (and for non-segment keys). */
  segment: string;
  kind: DistributionKind;
  /** Texts of every parameter (all five are kept, so switching the kind back and forth loses nothing). */
  params: Record<ParamName, string>;
}

export interface TableDraft {
  rows: RowDraft[];
  trials: string;
  seed: string;
  latinHypercube: boolean;
  /** The locale the texts are typed in. */
  locale: string;
  nextId: number;
  /** The rows were changed since the default table (the Summary then runs this table: shared-table.ts). */
  edited?: boolean;
}

export const DEFAULT_TRIALS = 5000;
export const MAX_PANE_TRIALS = 100_000;
export const DEFAULT_SEED = 1;

/** The value of `key` in the scenario: the named segment's, the mean over segments, or the scenario's. */
export function currentValue(s: Scenario, spec: AssumptionSpec, segment = ''): number {
  if (spec.scope === 'segment') {
    const one = s.segments.find((g) => g.name === segment);
    if (one) return one.values[spec.key as keyof typeof one.values];
    return s.segments.reduce((a, g) => a + g.values[spec.key as keyof typeof g.values], 0) / s.segments.length;
  }
  if (spec.scope === 'behaviour') return s.behaviour[spec.key as keyof Scenario['behaviour']];
  return s.settings[spec.key as keyof Scenario['settings']];
}

/** Three significant figures in the units the field is typed in. */
function nice(spec: AssumptionSpec, v: number): number {
  const shown = toDisplay(spec, v);
  const r = shown === 0 ? 0 : +shown.toPrecision(3);
  return spec.unit === 'share' || spec.unit === 'rate' ? r / 100 : r;
}

/** Parameters around value v: min and max at `low`·v and `high`·v (inside the valid range), sd a fifth of v. */
export function defaultParams(spec: AssumptionSpec, v: number, locale: string, low = 0.5, high = 1.5): Record<ParamName, string> {
  const width = spec.max - spec.min;
  const clamp = (x: number) => Math.min(spec.max, Math.max(spec.min, x));
  // Around the scenario's own value; a value at the key's minimum (nothing to scale) gets a small share of the range instead.
  const atMin = !(v > spec.min);
  const centre = atMin ? spec.min + width * 0.05 : v;
  const min = clamp(nice(spec, centre * low));
  const max = clamp(nice(spec, atMin ? Math.max(centre * high, centre + width * 0.01) : centre * high));
  const values: Record<ParamName, number> = {
    min, mode: clamp(nice(spec, centre)), max: max > min ? max : clamp(min + width * 0.1),
    mean: clamp(nice(spec, centre)), sd: nice(spec, atMin ? Math.max(centre * 0.2, width * 0.005) : centre * 0.2),
  };
  const out = {} as Record<ParamName, string>;
  for (const p of PARAM_NAMES) out[p] = displayText(spec, values[p], locale);
  return out;
}

/** A new row for `key` (its parameters around the scenario's value). */
export function newRow(s: Scenario, id: string, key: string, locale: string, kind: DistributionKind = 'triangular', segment = ''): RowDraft {
  const spec = findSpec(key)!;
  return { id, key, segment, kind, params: defaultParams(spec, currentValue(s, spec, segment), locale) };
}

/** The default table (engine's DEFAULT_UNCERTAINTY: docs/uncertainty.md gives each range and its source). */
export function defaultTable(s: Scenario, locale: string): TableDraft {
  const rows = defaultUncertaintyFor(s).map(({ row, spec, segment }, i) => ({
    id: `u${i + 1}`, key: spec.key, segment, kind: row.kind as DistributionKind,
    params: defaultParams(spec, currentValue(s, spec, segment), locale, row.low, row.high),
  }));
  return { rows, trials: formats(locale, 'USD').number(DEFAULT_TRIALS), seed: String(DEFAULT_SEED), latinHypercube: false, locale, nextId: rows.length + 1 };
}

/**
 * The catalogue keys that can carry a distribution in this scenario, in catalogue order. The engine
 * decides (validateUncertainty of a one-row table), so the list never disagrees with a run.
 */
export function variableKeys(s: Scenario): AssumptionSpec[] {
  return CATALOGUE.filter((spec) => {
    if (spec.scope === 'plan') return false;
    const probe: UncertaintyRow = { key: spec.key, distribution: { kind: 'uniform', min: spec.min, max: spec.max } };
    return !validateUncertainty(s, [probe]).some((p) => p.code === 'notUncertain');
  });
}

export type TableAction =
  | { type: 'add'; scenario: Scenario; key: string }
  | { type: 'remove'; id: string }
  | { type: 'key'; id: string; key: string; scenario: Scenario }
  | { type: 'segment'; id: string; segment: string; scenario: Scenario }
  | { type: 'kind'; id: string; kind: DistributionKind }
  | { type: 'param'; id: string; param: ParamName; text: string }
  | { type: 'trials' | 'seed'; text: string }
  | { type: 'latinHypercube'; on: boolean }
  | { type: 'reset'; scenario: Scenario }
  | { type: 'locale'; locale: string }
  /** Rows made elsewhere (the calibration's fitted parameters): normal, mean and sd as given; a row for the same key and segment is replaced. */
  | { type: 'import'; rows: readonly UncertaintyRow[] };

/** Actions that change the rows (not the run settings or the locale): the table is then the user's own. */
const EDITS: ReadonlySet<TableAction['type']> = new Set(['add', 'remove', 'key', 'segment', 'kind', 'param', 'import']);

export function reduceTable(d: TableDraft, a: TableAction): TableDraft {
  const next = reduceRows(d, a);
  return EDITS.has(a.type) && next !== d && !next.edited ? { ...next, edited: true } : next;
}

function reduceRows(d: TableDraft, a: TableAction): TableDraft {
  const edit = (id: string, f: (r: RowDraft) => RowDraft) => ({ ...d, rows: d.rows.map((r) => (r.id === id ? f(r) : r)) });
  switch (a.type) {
    case 'add':
      return { ...d, rows: [...d.rows, newRow(a.scenario, `u${d.nextId}`, a.key, d.locale)], nextId: d.nextId + 1 };
    case 'remove':
      return { ...d, rows: d.rows.filter((r) => r.id !== a.id) };
    case 'key':
      // Another key has other units: its parameters start again around its own value.
      return edit(a.id, (r) => ({ ...newRow(a.scenario, r.id, a.key, d.locale, r.kind), segment: findSpec(a.key)?.scope === 'segment' ? r.segment : '' }));
    case 'segment':
      return edit(a.id, (r) => newRow(a.scenario, r.id, r.key, d.locale, r.kind, a.segment));
    case 'kind':
      return edit(a.id, (r) => ({ ...r, kind: a.kind }));
    case 'param':
      return edit(a.id, (r) => ({ ...r, params: { ...r.params, [a.param]: a.text } }));
    case 'trials':
    case 'seed':
      return { ...d, [a.type]: a.text };
    case 'latinHypercube':
      return { ...d, latinHypercube: a.on };
    case 'reset':
      return { ...defaultTable(a.scenario, d.locale), trials: d.trials, seed: d.seed, latinHypercube: d.latinHypercube };
    case 'locale':
      return relocalize(d, a.locale);
    case 'import':
      return importRows(d, a.rows);
  }
}

function importRows(d: TableDraft, rows: readonly UncertaintyRow[]): TableDraft {
  let nextId = d.nextId;
  const same = (r: RowDraft, u: UncertaintyRow) => r.key === u.key && r.segment === (u.segment ?? '');
  const imported = rows.filter((u) => u.distribution.kind === 'normal').map((u): RowDraft => {
    const spec = findSpec(u.key)!;
    const { mean, sd } = u.distribution as { mean: number; sd: number };
    const params = { min: '', mode: '', max: '', mean: displayText(spec, mean, d.locale), sd: displayText(spec, sd, d.locale) };
    return { id: `u${nextId++}`, key: u.key, segment: u.segment ?? '', kind: 'normal', params };
  });
  return { ...d, rows: [...d.rows.filter((r) => !rows.some((u) => same(r, u))), ...imported], nextId };
}

/** Rewrites every text that parses in the old locale in the new one; text that does not parse stays as typed. */
function relocalize(d: TableDraft, locale: string): TableDraft {
  if (locale === d.locale) return d;
  const rows = d.rows.map((r) => {
    const spec = findSpec(r.key)!;
    const params = { ...r.params };
    for (const p of PARAM_NAMES) {
      const v = parseField(spec, r.params[p], d.locale);
      if (Number.isFinite(v)) params[p] = displayText(spec, v, locale);
    }
    return { ...r, params };
  });
  const trials = parseNumber(d.trials, d.locale);
  return { ...d, rows, locale, trials: Number.isFinite(trials) ? formats(locale, 'USD').number(trials) : d.trials };
}

/** "Responsiveness to pay" or "Logo churn — SMB". */
export function rowLabel(r: Pick<RowDraft, 'key' | 'segment'>, lang: Language): string {
  const label = findSpec(r.key)?.label[lang] ?? r.key;
  return r.segment ? `${label} — ${r.segment}` : label;
}

export interface RunSettings {
  trials: number;
  seed: number | string;
  latinHypercube: boolean;
}

export interface TableEvaluation {
  /** The table for the engine, when every row is valid and the engine accepts it (whatever the run settings). */
  rows?: UncertaintyRow[];
  settings?: RunSettings;
  /** Each row's distribution, for the rows whose own fields are valid (their shape previews). */
  specs: Map<string, DistributionSpec>;
  /** Field path ("row:u1:max", "trials") → message. */
  fieldErrors: Map<string, string>;
  messages: string[];
}

/** The path of a field of the table. */
export const rowPath = (id: string, field: ParamName | 'key' | 'segment' | 'kind') => `row:${id}:${field}`;

/** A value in the units the field is typed in, for a message ("8 %", "0.6"). */
function shown(spec: AssumptionSpec, v: number, locale: string, lang: Language): string {
  const unit = unitSuffix(spec, lang, formats(locale, 'USD').currencySymbol());
  return `${formats(locale, 'USD').number(toDisplay(spec, v), 6)}${unit ? ` ${unit}` : ''}`;
}

function evaluateRow(r: RowDraft, s: Scenario, d: TableDraft, lang: Language, fail: (path: string, text: string) => void): UncertaintyRow | undefined {
  const spec = findSpec(r.key);
  if (!spec) {
    fail(rowPath(r.id, 'key'), describeProblem({ code: 'unknownKey', key: r.key }, lang));
    return undefined;
  }
  if (r.segment && !s.segments.some((g) => g.name === r.segment)) {
    fail(rowPath(r.id, 'segment'), u(lang, 'segmentGone', { name: r.segment }));
    return undefined;
  }
  const label = rowLabel(r, lang);
  const names = DISTRIBUTION_PARAMETERS[r.kind] as readonly ParamName[];
  const values: Partial<Record<ParamName, number>> = {};
  let ok = true;
  for (const p of names) {
    const text = r.params[p] ?? '';
    const name = `${label}: ${u(lang, `param.${p}`)}`;
    if (p === 'sd') {
      const v = parseField(spec, text, d.locale);
      if (!Number.isFinite(v)) fail(rowPath(r.id, p), describeProblem({ code: 'notANumber', key: name, value: text.trim() }, lang));
      else if (!(v > 0)) fail(rowPath(r.id, p), u(lang, 'mustBePositive'));
      else values[p] = v;
    } else {
      // min, mode, max and mean are values of the assumption itself: inside its valid range.
      const { value, problem } = fieldProblem(spec, text, d.locale, name);
      if (problem) fail(rowPath(r.id, p), describeProblem(problem, lang));
      else values[p] = value;
    }
    if (values[p] === undefined) ok = false;
  }
  if (!ok) return undefined;
  const v = values as Record<ParamName, number>;
  if ((r.kind === 'triangular' || r.kind === 'pert' || r.kind === 'uniform') && !(v.min < v.max)) {
    fail(rowPath(r.id, 'max'), u(lang, 'mustBeAboveMin', { min: shown(spec, v.min, d.locale, lang) }));
    return undefined;
  }
  if ((r.kind === 'triangular' || r.kind === 'pert') && !(v.mode >= v.min && v.mode <= v.max)) {
    fail(rowPath(r.id, 'mode'), u(lang, 'modeBetween', { min: shown(spec, v.min, d.locale, lang), max: shown(spec, v.max, d.locale, lang) }));
    return undefined;
  }
  const distribution = toSpec(r.kind, v);
  // The engine's own check (e.g. a lognormal with almost no probability inside the range).
  const problems = validateDistribution(label, distribution, spec.min, spec.max);
  if (problems.length) {
    fail(rowPath(r.id, names[0]), problems.map((p) => describeProblem(p, lang)).join('; '));
    return undefined;
  }
  return { key: r.key, ...(r.segment ? { segment: r.segment } : {}), distribution };
}

export function toSpec(kind: DistributionKind, v: Record<ParamName, number>): DistributionSpec {
  switch (kind) {
    case 'triangular':
    case 'pert':
      return { kind, min: v.min, mode: v.mode, max: v.max };
    case 'uniform':
      return { kind, min: v.min, max: v.max };
    case 'normal':
    case 'lognormal':
      return { kind, mean: v.mean, sd: v.sd };
  }
}

/** The label the engine gives a row ("churn", "SMB.churn"): how its problems name it. */
const engineLabel = (r: UncertaintyRow) => (r.segment ? `${r.segment}.${r.key}` : r.key);

function runSettings(d: TableDraft, lang: Language, fail: (path: string, text: string) => void): RunSettings | undefined {
  const trials = parseNumber(d.trials, d.locale);
  let ok = true;
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_PANE_TRIALS) {
    const code = Number.isNaN(trials) ? 'notANumber' : Number.isInteger(trials) ? 'outOfRange' : 'notInteger';
    fail('trials', describeProblem({ code, key: u(lang, 'trials'), value: d.trials.trim(), min: 1, max: MAX_PANE_TRIALS }, lang));
    ok = false;
  }
  const seedText = d.seed.trim();
  if (!seedText) {
    fail('seed', u(lang, 'seedNeeded'));
    ok = false;
  }
  // A whole number is a number seed (the worksheet function's 1 and the pane's 1 give the same draws); anything else a text seed.
  const seed = /^\d{1,15}$/.test(seedText) ? Number(seedText) : seedText;
  return ok ? { trials, seed, latinHypercube: d.latinHypercube } : undefined;
}

/** Every problem of the table and the run settings at once, each pinned to its field. */
export function evaluateTable(d: TableDraft, s: Scenario, lang: Language): TableEvaluation {
  const fieldErrors = new Map<string, string>();
  const messages: string[] = [];
  const fail = (path: string, text: string) => {
    if (!fieldErrors.has(path)) fieldErrors.set(path, text);
    messages.push(text);
  };
  const rows: UncertaintyRow[] = [];
  const drafts: RowDraft[] = [];
  const specs = new Map<string, DistributionSpec>();
  for (const r of d.rows) {
    const row = evaluateRow(r, s, d, lang, fail);
    if (row) {
      rows.push(row);
      drafts.push(r);
      specs.set(r.id, row.distribution);
    }
  }
  const rowsOk = messages.length === 0;
  const settings = runSettings(d, lang, fail);
  if (!rowsOk) return { fieldErrors, messages, settings, specs };
  const problems: Problem[] = validateUncertainty(s, rows);
  for (const p of problems) {
    // Pin each problem to the last row it names (a duplicate is the later row).
    const at = [...rows.keys()].reverse().find((i) => engineLabel(rows[i]) === p.key || rows[i].key === p.key);
    fail(at === undefined ? 'table' : rowPath(drafts[at].id, 'key'), describeProblem(p, lang));
  }
  return problems.length ? { fieldErrors, messages, settings, specs } : { rows, settings, specs, fieldErrors, messages };
}

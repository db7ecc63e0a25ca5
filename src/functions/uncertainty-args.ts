/**
 * The range arguments of CEQ.SIMULATE, CEQ.TORNADO and CEQ.OPTIMIZE, read into engine inputs. Each
 * accepts an optional header row (first cell key/clave) and ignores blank rows.
 *
 * - uncertainty: key | distribution | p1 | p2 | p3, where the parameters are, by distribution:
 *   triangular and pert min, mode, max; uniform min, max; normal and lognormal mean, sd (of the value
 *   itself, not of its log). A key "Segment.key" (SMB.churn) varies that segment only. Every problem
 *   of every row is reported at once.
 * - bounds: key | min | max for the decision rates; a blank min or max is the rate's catalogue limit.
 * - budget: blank (year-1 comp cost no higher than the baseline's), a number (that year-1 comp cost),
 *   none, or a kind (year1_comp_cost, comp_cost_share) optionally followed by its limit.
 */
import {
  CATALOGUE, DECISION_KEYS, DISTRIBUTION_KINDS, DISTRIBUTION_PARAMETERS, findSpec, MAX_UNCERTAINTY_ROWS, ModelError, nearestKey,
  type Budget, type CorrelationInput, type DecisionKey, type DistributionKind, type DistributionSpec, type OptimizeOptions, type Problem, type UncertaintyRow,
} from '../engine';
import { cellNumber, checkNumber, gridArg, isBlank, showCell, type Cell, type Grid } from './cells';
import { invalidArgument } from './errors';

const normal = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

/** A word table as a Map (own entries only), from an object literal. */
export function wordsOf<T extends string>(words: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(words));
}

/**
 * Spellings of each distribution, English and Spanish. Every table a user-typed word indexes is a Map:
 * a plain object would answer "constructor" or "toString" from Object.prototype.
 */
const KIND_WORDS: ReadonlyMap<string, DistributionKind> = wordsOf({
  triangular: 'triangular', triangle: 'triangular', tri: 'triangular', triangulo: 'triangular', triángulo: 'triangular',
  pert: 'pert', betapert: 'pert',
  uniform: 'uniform', uniforme: 'uniform',
  normal: 'normal', gaussian: 'normal', gauss: 'normal',
  lognormal: 'lognormal', lognormale: 'lognormal', logarítmiconormal: 'lognormal', logaritmiconormal: 'lognormal',
});

const HEADER_WORDS = new Set(['key', 'keys', 'clave', 'claves', 'assumption', 'supuesto', 'rate', 'tasa'].map(normal));

/** Non-blank rows, without a header row, each with its 1-based row number in the range. */
function rowsOf(name: string, raw: Cell): { cells: Cell[]; row: number }[] {
  const grid: Grid = gridArg(name, raw);
  const rows = grid.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => r.cells.some((c) => !isBlank(c)));
  const first = rows[0]?.cells[0];
  if (typeof first === 'string' && HEADER_WORDS.has(normal(first))) rows.shift();
  return rows;
}

let keyIndex: Map<string, string> | undefined;
/** The catalogue key a cell names, spelled loosely (new_customers is newCustomers), or the text as typed. */
function catalogueKey(text: string): string {
  keyIndex ??= new Map(CATALOGUE.map((s) => [normal(s.key), s.key]));
  return keyIndex.get(normal(text)) ?? text;
}

/** "SMB.churn" → segment SMB, key churn, when SMB is a segment name; otherwise the whole text is the key. */
function keyAndSegment(text: string, segments: readonly string[]): { key: string; segment?: string } {
  const dot = text.lastIndexOf('.');
  if (dot > 0 && !findSpec(catalogueKey(text))) {
    const segment = text.slice(0, dot).trim();
    const key = catalogueKey(text.slice(dot + 1).trim());
    return { key, segment: segments.find((g) => g === segment) ?? segments.find((g) => normal(g) === normal(segment)) ?? segment };
  }
  return { key: catalogueKey(text) };
}

/** The uncertainty argument as engine rows; throws every problem of every row at once. */
export function parseUncertainty(raw: Cell, segments: readonly string[], name = 'uncertainty'): UncertaintyRow[] {
  const problems: Problem[] = [];
  const out: UncertaintyRow[] = [];
  const rows = rowsOf(name, raw);
  // Refused before any row is read: the engine takes no more rows, and each bad one would cost a "did you mean".
  if (rows.length > MAX_UNCERTAINTY_ROWS) {
    throw invalidArgument({ code: 'tooLarge', key: name, value: rows.length, min: 1, max: MAX_UNCERTAINTY_ROWS, detail: 'rows' });
  }
  for (const { cells, row } of rows) {
    const [keyCell, kindCell, ...params] = cells;
    if (isBlank(keyCell) || typeof keyCell !== 'string') {
      problems.push({ code: 'missing', key: name, detail: 'rowNeedsKey', args: { row } });
      continue;
    }
    const { key, segment } = keyAndSegment(keyCell.trim(), segments);
    const label = segment ? `${segment}.${key}` : key;
    const kind = typeof kindCell === 'string' ? KIND_WORDS.get(normal(kindCell)) : undefined;
    if (!kind) {
      problems.push({ code: 'notAllowed', key: label, value: showCell(kindCell), suggestion: DISTRIBUTION_KINDS.join(', ') });
      continue;
    }
    const names = DISTRIBUTION_PARAMETERS[kind];
    const spec: Record<string, unknown> = { kind };
    names.forEach((p, i) => {
      const cell = params[i];
      const n = cellNumber(cell);
      if (isBlank(cell)) problems.push({ code: 'missing', key: `${label}.${p}`, detail: 'distributionParameters', args: { kind, names: names.join(', ') } });
      else if (n === undefined) problems.push({ code: 'notANumber', key: `${label}.${p}`, value: showCell(cell) });
      else spec[p] = n;
    });
    const extra = params.slice(names.length).findIndex((c) => !isBlank(c));
    if (extra >= 0) {
      problems.push({ code: 'inconsistent', key: label, value: showCell(params[names.length + extra]),
        detail: 'extraParameter', args: { kind, count: names.length, names: names.join(', '), position: names.length + extra + 1 } });
    }
    out.push({ key, ...(segment ? { segment } : {}), distribution: spec as unknown as DistributionSpec });
  }
  if (problems.length) throw new ModelError('invalid', problems);
  return out;
}

/** The most rows a bounds range may hold (there are five decision rates; room for notes and blanks). */
export const MAX_BOUNDS_ROWS = 100;

/** The bounds argument; a rate that is not listed stays at the baseline plan's value. */
export function parseBounds(raw: Cell, name = 'bounds'): OptimizeOptions['bounds'] {
  const bounds: OptimizeOptions['bounds'] = {};
  const problems: Problem[] = [];
  const rows = rowsOf(name, raw);
  if (rows.length > MAX_BOUNDS_ROWS) throw invalidArgument({ code: 'tooLarge', key: name, value: rows.length, min: 1, max: MAX_BOUNDS_ROWS, detail: 'rows' });
  for (const { cells, row } of rows) {
    const text = String(showCell(cells[0])).trim();
    const key = DECISION_KEYS.find((k) => normal(k) === normal(text)) as DecisionKey | undefined;
    if (!key) {
      problems.push(isBlank(cells[0]) ? { code: 'missing', key: name, detail: 'boundWithoutKey', args: { row } }
        : { code: 'notAllowed', key: name, value: text, suggestion: DECISION_KEYS.join(', ') });
      continue;
    }
    if (bounds[key]) {
      problems.push({ code: 'inconsistent', key: `${name}.${key}`, detail: 'appearsTwice' });
      continue;
    }
    const spec = findSpec(key)!;
    const end = (cell: Cell, label: string, fallback: number): number => {
      if (isBlank(cell)) return fallback;
      const n = cellNumber(cell);
      if (n === undefined) {
        problems.push({ code: 'notANumber', key: label, value: showCell(cell), min: spec.min, max: spec.max });
        return fallback;
      }
      const problem = checkNumber(label, n, spec);
      if (problem) problems.push(problem);
      return n;
    };
    const min = end(cells[1], `${name}.${key}.min`, spec.min);
    const max = end(cells[2], `${name}.${key}.max`, spec.max);
    if (min > max) problems.push({ code: 'inconsistent', key: `${name}.${key}`, value: min, detail: 'minAboveMax', args: { min, max } });
    bounds[key] = { min, max };
  }
  if (problems.length) throw new ModelError('invalid', problems);
  if (Object.keys(bounds).length === 0) {
    throw invalidArgument({ code: 'emptyData', key: name, detail: 'boundsRows', args: { keys: DECISION_KEYS.join(', ') } });
  }
  return bounds;
}

const BUDGET_WORDS: ReadonlyMap<string, Budget['kind']> = wordsOf<Budget['kind']>({
  none: 'none', ninguno: 'none', no: 'none',
  year1compcost: 'year1CompCost', year1: 'year1CompCost', costeaño1: 'year1CompCost', costeano1: 'year1CompCost',
  compcostshare: 'compCostShare', share: 'compCostShare', proporcion: 'compCostShare', proporción: 'compCostShare',
});
const BUDGET_NAMES = 'none, year1_comp_cost, comp_cost_share';

/** The budget argument: one or two cells (a row or a column). */
export function parseBudget(raw: Cell, name = 'budget'): Budget {
  const cells = gridArg(name, raw).flat().filter((c) => !isBlank(c));
  if (cells.length === 0) return { kind: 'year1CompCost' };
  if (cells.length > 2) throw invalidArgument({ code: 'badShape', key: name, value: cells.length, detail: 'budgetCells' });
  const [first, second] = cells;
  const firstNumber = cellNumber(first);
  if (cells.length === 1 && firstNumber !== undefined) return { kind: 'year1CompCost', limit: limitOf(name, firstNumber) };
  const kind = typeof first === 'string' ? BUDGET_WORDS.get(normal(first)) : undefined;
  if (!kind) throw invalidArgument({ code: 'notAllowed', key: name, value: showCell(first), suggestion: BUDGET_NAMES });
  if (second === undefined) return { kind };
  if (kind === 'none') throw invalidArgument({ code: 'inconsistent', key: name, value: showCell(second), detail: 'noneTakesNoLimit' });
  const n = cellNumber(second);
  if (n === undefined) throw invalidArgument({ code: 'notANumber', key: `${name} limit`, value: showCell(second), min: 0, max: 1e15 });
  return { kind, limit: limitOf(name, n) };
}

function limitOf(name: string, n: number): number {
  const problem = checkNumber(`${name} limit`, n, { min: 0, max: 1e15 });
  if (problem) throw invalidArgument(problem);
  return n;
}

/** A name from a fixed list, spelled loosely (customer_equity, CustomerEquity); did-you-mean otherwise. */
export function choiceOf<T extends string>(name: string, text: string, choices: ReadonlyMap<string, T>, shown: readonly string[]): T {
  const found = choices.get(normal(text));
  if (found) return found;
  const near = nearestKey(text, shown);
  throw invalidArgument(near ? { code: 'unknownKey', key: `${name} "${text}"`, suggestion: near } : { code: 'notAllowed', key: name, value: text, suggestion: shown.join(', ') });
}

/**
 * The correlation argument: a square range whose header row and first column name the same uncertain
 * keys in the same order (the corner cell is ignored), 1 on the diagonal, rank correlations in [−1, 1]
 * elsewhere. A blank cell takes its mirror's value (so the lower triangle alone is enough), or 0.
 * Returns undefined for a blank argument.
 */
export function parseCorrelation(raw: Cell, segments: readonly string[], name = 'correlation'): CorrelationInput | undefined {
  if (isBlank(raw)) return undefined;
  const grid: Grid = gridArg(name, raw).filter((r) => r.some((c) => !isBlank(c)));
  const n = grid.length - 1;
  const shape = () => invalidArgument({ code: 'badShape', key: name, value: `${grid.length} × ${grid[0]?.length ?? 0}`, detail: 'correlationShape', args: { n: Math.max(n, 0) } });
  if (n < 1 || grid.some((r) => r.length < n + 1)) throw shape();
  const label = (c: Cell) => {
    const { key, segment } = keyAndSegment(String(showCell(c)).trim(), segments);
    return segment ? `${segment}.${key}` : key;
  };
  const columns = grid[0].slice(1, n + 1).map(label);
  const keys = grid.slice(1).map((r) => label(r[0]));
  if (columns.some((k, i) => k !== keys[i]) || grid[0].slice(n + 1).some((c) => !isBlank(c))) throw shape();
  const problems: Problem[] = [];
  const cell = (i: number, j: number) => grid[i + 1][j + 1];
  const matrix = keys.map((_, i) => keys.map((__, j) => {
    const own = cell(i, j);
    const c = isBlank(own) ? cell(j, i) : own;
    if (isBlank(c)) return i === j ? NaN : 0;
    const v = cellNumber(c);
    if (v === undefined) {
      problems.push({ code: 'notANumber', key: `${name} ${keys[i]} × ${keys[j]}`, value: showCell(c), min: -1, max: 1 });
      return 0;
    }
    return v;
  }));
  if (problems.length) throw new ModelError('invalid', problems);
  return { keys, matrix };
}

/**
 * The table of custom functions (HyperFormula's FinancialPlugin style): each entry is the function's
 * id, its arguments as data and a thin adapter over an engine function. `invoke` is the one path
 * every call takes: coerce the arguments (args.ts), run the adapter, check the result (rectangular,
 * finite, no nulls, capped) and turn any failure into #VALUE! or #N/A (errors.ts).
 */
import {
  baselineFlows, CATALOGUE, crossoverPeriod, findSpec, notAvailable, planBehaviour, planUsesQuotas,
  quotaTargetBehaviour, type AssumptionSpec, type Comparison, type Language, type Projection,
  clvConstantRetention, MAX_CLV_YEARS, sbgDERL, sbgFit, sbgRetention, sbgSurvival, SBG_MAX_PARAMETER,
  SBG_MAX_PERIOD, SBG_MIN_DISCOUNT_RATE, SBG_MIN_PARAMETER,
} from '../engine';
import { arg, coerceArgs, type ArgSpec, type ValuesOf } from './args';
import { MAX_SPILL_ROWS, type Cell, type NumberRule } from './cells';
import { displayLanguage, functionError, invalidArgument, toFunctionError } from './errors';
import { excelFunctionName } from './excel-names';
import { checkPlans, defaultAssumptions, metricOf, PROJECT_METRICS, run, scenarioOf, snake } from './model';
import { unitOfLabel } from './ranges';
import { grossRevenueRetention, netRevenueRetention } from './retention';
import { SUMMARY_TRIALS, summaryChances, summaryUncertainty } from './summary-chances';

export type Result = Cell[][] | number;

export interface FunctionDef<A extends readonly ArgSpec[] = readonly ArgSpec[]> {
  /** Stable ASCII id stored in workbooks; never change one. */
  id: string;
  args: A;
  /** `matrix` results spill (declared any[][] or number[][]); `scalar` results are one number. */
  result: 'matrix' | 'scalar';
  core: (...values: ValuesOf<A>) => Result;
}

function def<const A extends readonly ArgSpec[]>(d: FunctionDef<A>): FunctionDef {
  return d as unknown as FunctionDef;
}

const spec = (key: string): AssumptionSpec => findSpec(key)!;
const MONEY: NumberRule = { min: 0, max: 1e15 };
const SIGNED_MONEY: NumberRule = { min: -1e15, max: 1e15 };
const FRACTION: NumberRule = { min: 0, max: 1 };
const SHAPE: NumberRule = { min: SBG_MIN_PARAMETER, max: SBG_MAX_PARAMETER };
const SBG_RATE: NumberRule = { min: SBG_MIN_DISCOUNT_RATE, max: 1 };
/** The most survivor counts CEQ.SBG.FIT reads (each fit evaluates the likelihood thousands of times). */
export const MAX_SURVIVORS = 1000;

/** The catalogue as a table: key, one value column per segment (scenario-wide keys in the first only), unit, meaning. */
function defaultsTable(segments: string[], language: Language): Cell[][] {
  const names = segments.length ? segments : ['default'];
  const rows: Cell[][] = [['key', ...names, 'unit', 'meaning']];
  for (const s of CATALOGUE) {
    const values = names.map((_, i) => (i === 0 || s.scope === 'segment' ? s.defaultValue : ''));
    rows.push([s.key, ...values, s.unit, s.meaning[language]]);
  }
  return rows;
}

const SUMMARY_ROWS: readonly (keyof Comparison)[] = [
  'crossoverPeriod', 'breakevenPeriod', 'shortTermSacrifice', 'npvDelta', 'customerEquityBaseline', 'customerEquityProposed',
  'customerEquityDelta', 'tenureNpvDelta', 'year1RevenueDelta', 'finalYearRevenueDelta', 'year1CompCostDelta', 'finalYearCompCostDelta',
  'terminalShareBaseline', 'terminalShareProposed',
];

/** The text SUMMARY shows for a period that never comes (an identifier, the same in every language). */
export const NEVER = 'never';

export const FUNCTIONS: readonly FunctionDef[] = [
  def({
    id: 'DEFAULTS', result: 'matrix', args: [arg.names('segments')],
    core: (segments) => defaultsTable(segments, displayLanguage()),
  }),
  def({
    id: 'PROJECT', result: 'matrix',
    args: [arg.assumptions(), arg.plan('plan'), arg.maybeNumber('years', spec('horizonYears')), arg.maybeNumber('periods_per_year', spec('periodsPerYear'))],
    core: (a, plan, years, ppy) => projectionRows(run(scenarioOf(a, plan.values, [], years, ppy), { baseline: 'plan' }).baseline),
  }),
  def({
    id: 'COMPARE', result: 'matrix',
    args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), arg.text('metric', 'revenue'), arg.maybeNumber('years', spec('horizonYears'))],
    core: (a, baseline, proposed, metricName, years) => {
      const metric = metricOf('metric', metricName);
      const r = run(scenarioOf(a, baseline.values, [proposed.values], years), { baseline: 'baseline_plan', proposed: 'proposed_plan' });
      const b = r.baseline.series(metric);
      const q = r.proposed[0].series(metric);
      const rows: Cell[][] = [['period', 'baseline', 'proposed', 'delta', 'cumulative_delta']];
      let cumulative = 0;
      for (let t = 0; t < b.length; t++) rows.push([t + 1, b[t], q[t], q[t] - b[t], (cumulative += q[t] - b[t])]);
      return rows;
    },
  }),
  def({
    id: 'SUMMARY', result: 'matrix',
    args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), arg.maybeNumber('years', spec('horizonYears')),
      arg.raw('uncertainty'), arg.number('trials', { min: SUMMARY_TRIALS.min, max: SUMMARY_TRIALS.max, integer: true }, SUMMARY_TRIALS.fallback),
      arg.number('seed', { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true }, 1)],
    core: (a, baseline, proposed, years, uncertainty, trials, seed) => {
      const s = scenarioOf(a, baseline.values, [proposed.values], years);
      const c = run(s, { baseline: 'baseline_plan', proposed: 'proposed_plan' }).comparisons[0];
      const rows: Cell[][] = SUMMARY_ROWS.map((key) => [snake(key), c[key] ?? NEVER]);
      const table = summaryUncertainty(uncertainty, s);
      return table ? [...rows, ...summaryChances(s, table, trials, seed, NEVER)] : rows;
    },
  }),
  def({
    id: 'EFFORT', result: 'matrix',
    args: [arg.plan('baseline_plan'), arg.plan('proposed_plan'), arg.number('responsiveness', spec('responsiveness'), spec('responsiveness').defaultValue)],
    core: (baseline, proposed, responsiveness) => {
      checkPlans(baseline, proposed, { baseline: 'baseline_plan', proposed: 'proposed_plan' });
      const s = scenarioOf(defaultAssumptions(), baseline.values, [proposed.values]);
      s.behaviour.responsiveness = responsiveness;
      // Plans paid on quotas move effort through their effective rates at the baseline's expected
      // attainment (quota-project.ts), as CEQ.PROJECT's projections do; flat plans through their rates.
      const quotas = planUsesQuotas(baseline.values) || planUsesQuotas(proposed.values);
      const behaviour = quotas ? quotaTargetBehaviour(s, proposed.values) : planBehaviour(proposed.values, baseline.values, s.behaviour, baselineFlows(s.segments.map((g) => g.values)));
      return [behaviour.sales.slice()];
    },
  }),
  def({
    id: 'CLV', result: 'scalar',
    args: [arg.number('margin', SIGNED_MONEY), arg.number('retention', FRACTION), arg.number('discount_rate', FRACTION),
      arg.maybeNumber('years', { min: 1, max: MAX_CLV_YEARS, integer: true }), arg.number('timing', { min: 0, max: 1, allowed: [0, 1] }, 0)],
    core: (margin, retention, rate, years, timing) => clvConstantRetention(margin, retention, rate, years, timing === 1 ? 'afterRenewal' : 'now'),
  }),
  def({
    id: 'SBG.FIT', result: 'matrix', args: [arg.vector('survivors', MAX_SURVIVORS, 0)],
    core: (survivors) => {
      const fit = sbgFit(survivors);
      return [[fit.alpha, fit.beta, fit.logLikelihood]];
    },
  }),
  def({
    id: 'SBG.RETENTION', result: 'scalar',
    args: [arg.number('alpha', SHAPE), arg.number('beta', SHAPE), arg.number('t', { min: 1, max: SBG_MAX_PERIOD, integer: true })],
    core: (alpha, beta, t) => sbgRetention(alpha, beta, t),
  }),
  def({
    id: 'SBG.SURVIVAL', result: 'scalar',
    args: [arg.number('alpha', SHAPE), arg.number('beta', SHAPE), arg.number('t', { min: 0, max: SBG_MAX_PERIOD, integer: true })],
    core: (alpha, beta, t) => sbgSurvival(alpha, beta, t),
  }),
  def({
    id: 'SBG.DERL', result: 'scalar',
    args: [arg.number('alpha', SHAPE), arg.number('beta', SHAPE), arg.number('discount_rate', SBG_RATE),
      arg.number('renewals', { min: 0, max: SBG_MAX_PERIOD, integer: true })],
    core: (alpha, beta, rate, renewals) => sbgDERL(alpha, beta, rate, renewals),
  }),
  def({
    id: 'NRR', result: 'scalar',
    args: [arg.number('start_arr', { ...MONEY, above: true }), arg.number('expansion', MONEY), arg.number('contraction', MONEY), arg.number('churned', MONEY)],
    core: (start, expansion, contraction, churned) => {
      checkLosses(start, contraction, churned);
      const nrr = netRevenueRetention(start, expansion, contraction, churned);
      // A start_arr near 0 beside a large expansion has no NRR a cell can hold (5e-324 against 1e15): name the input.
      if (!Number.isFinite(nrr)) {
        throw invalidArgument({ code: 'inconsistent', key: 'start_arr', value: start, detail: 'ratioOverflow', args: { other: 'expansion', amount: expansion } });
      }
      return nrr;
    },
  }),
  def({
    id: 'GRR', result: 'scalar',
    args: [arg.number('start_arr', { ...MONEY, above: true }), arg.number('contraction', MONEY), arg.number('churned', MONEY)],
    core: (start, contraction, churned) => {
      checkLosses(start, contraction, churned);
      return grossRevenueRetention(start, contraction, churned);
    },
  }),
  def({
    id: 'CROSSOVER', result: 'scalar',
    args: [arg.vector('baseline_series'), arg.vector('proposed_series'), arg.boolean('cumulative', false)],
    core: (baseline, proposed, cumulative) => {
      if (baseline.length !== proposed.length) {
        throw invalidArgument({ code: 'badShape', key: 'proposed_series', value: proposed.length, detail: 'lengthMismatch', args: { other: 'baseline_series', length: baseline.length } });
      }
      const period = crossoverPeriod(baseline, proposed, cumulative);
      if (period === null) throw notAvailable({ code: 'never', key: 'crossover' });
      return period;
    },
  }),
];

let projectHeader: readonly string[] | undefined;

/** PROJECT's spill: the header row, then one row per period (filled column by column from the series). */
function projectionRows(p: Projection): Cell[][] {
  projectHeader ??= ['period', ...PROJECT_METRICS.map(snake)];
  const rows: Cell[][] = [projectHeader.slice()];
  for (let t = 0; t < p.periods; t++) {
    const row = new Array<Cell>(PROJECT_METRICS.length + 1);
    row[0] = t + 1;
    rows.push(row);
  }
  PROJECT_METRICS.forEach((m, j) => {
    const series = p.series(m);
    for (let t = 0; t < series.length; t++) rows[t + 1][j + 1] = series[t];
  });
  return rows;
}

/** Contraction and churn come out of the starting ARR, so together they cannot exceed it. */
function checkLosses(start: number, contraction: number, churned: number): void {
  if (contraction + churned > start) {
    throw invalidArgument({ code: 'inconsistent', key: 'churned', value: churned, detail: 'lossesExceedStart', args: { losses: contraction + churned, start } });
  }
}

let byId: Map<string, FunctionDef> | undefined;
export function functionDef(id: string): FunctionDef {
  byId ??= new Map(FUNCTIONS.map((f) => [f.id, f]));
  return byId.get(id)!;
}

/** Time spent per phase, when a benchmark sets globalThis.__ceqProfile (never in production). */
interface Profile {
  now(): number;
  args: number;
  engine: number;
  result: number;
  calls: number;
}

const NON_FINITE: Record<Language, string> = {
  en: 'the result is not a finite number for these inputs',
  es: 'el resultado no es un número finito con estas entradas',
};

function finiteCell(v: Cell, id: string, language: Language): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw functionError('invalid', `${excelFunctionName(id, language)}: ${NON_FINITE[language]}`);
    return v === 0 ? 0 : v;
  }
  return typeof v === 'string' || typeof v === 'boolean' ? v : String(v);
}

/** Rectangular, finite, no nulls, at most MAX_SPILL_ROWS rows; scalars stay scalars. */
function finish(d: FunctionDef, out: Result, language: Language): Result {
  if (d.result === 'scalar') return finiteCell(out, d.id, language) as number;
  const rows = out as Cell[][];
  if (rows.length > MAX_SPILL_ROWS) throw invalidArgument({ code: 'tooLarge', key: excelFunctionName(d.id, language), value: rows.length, min: 1, max: MAX_SPILL_ROWS, detail: 'rows' });
  if (rows.length === 0) return [['']];
  let width = 1;
  for (const r of rows) width = Math.max(width, r.length);
  // The adapters build fresh arrays, so cells are checked (and short rows padded) in place.
  for (const r of rows) {
    for (let j = 0; j < width; j++) {
      const v = r[j];
      if (typeof v !== 'number' || !Number.isFinite(v) || v === 0) r[j] = finiteCell(v, d.id, language);
    }
  }
  return rows;
}

/** Runs one call of a function as Excel makes it: returns its result or throws a CustomFunctions error. */
export function invoke(d: FunctionDef, raw: readonly Cell[]): Result {
  const language = displayLanguage();
  const profile = (globalThis as { __ceqProfile?: Profile }).__ceqProfile;
  try {
    if (!profile) return finish(d, d.core(...coerceArgs(d.args, raw)), language);
    const t0 = profile.now();
    const values = coerceArgs(d.args, raw);
    const t1 = profile.now();
    const out = d.core(...values);
    const t2 = profile.now();
    const result = finish(d, out, language);
    profile.args += t1 - t0;
    profile.engine += t2 - t1;
    profile.result += profile.now() - t2;
    profile.calls++;
    return result;
  } catch (e) {
    throw toFunctionError(e, language, unitOfLabel);
  }
}

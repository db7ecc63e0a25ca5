/**
 * The table of CEQ.SIMULATE, CEQ.TORNADO and CEQ.OPTIMIZE, next to table.ts and built from the same
 * parts: arguments as data coerced by args.ts (range arguments of their own read by
 * uncertainty-args.ts), thin adapters over the engine, every failure turned into #VALUE! or #N/A by
 * errors.ts, and each result checked by table.ts's `invoke` (rectangular, finite, capped).
 *
 * Long runs must not freeze Excel. A call whose work (projected segment-periods) is small runs at once
 * and returns its result; a larger one returns a Promise and runs in slices of about 60,000
 * segment-periods (a few milliseconds each), giving the event loop a turn between slices, and stops
 * at the next slice when Excel cancels it (the functions are @cancelable: Excel passes a
 * CancelableInvocation whose onCanceled we set). Excel's runtime treats any custom function's result
 * as possibly asynchronous (functions are async unless flagged supportSync), so a value and a Promise
 * are both valid returns.
 */
import {
  monteCarloWork, OPENING_METRICS, optimizeWork, RATE_METRICS, runWork, runWorkInSlices, STOCK_METRICS, tornadoWork,
  type Budget, type ComparisonOutput, type Language, type MonteCarloResult, type Objective, type OptimizeResult, type Scenario,
  type TornadoResult, type Work,
} from '../engine';
import { arg, coerceArgs, type ArgSpec } from './args';
import { isBlank, type Cell } from './cells';
import { displayLanguage, invalidArgument, toFunctionError } from './errors';
import { metricOf, run, scenarioOf, snake } from './model';
import { unitOfLabel } from './ranges';
import { invoke, NEVER, type FunctionDef } from './table';
import { choiceOf, parseBounds, parseBudget, parseUncertainty } from './uncertainty-args';
import type { ParsedAssumptions, ParsedPlan } from './ranges';

export const MAX_FUNCTION_TRIALS = 100_000;
export const DEFAULT_FUNCTION_TRIALS = 1000;
/** Work (projected segment-periods) a call does at once; above it the call runs in slices. */
export const SYNC_WORK = 300_000;
/** Work a call may do at all: about 20 seconds on one core. */
export const MAX_WORK = 60_000_000;
const SLICE_WORK = 60_000;
/** Projections an optimisation needs at most, for deciding whether it runs at once. */
const OPTIMIZE_PROJECTIONS = 4000;

/** What Excel passes last to a @cancelable function. */
export interface Invocation {
  onCanceled?: () => void;
}

/** A range argument read by uncertainty-args.ts once the scenario is known. */
interface RangeArg {
  type: 'range';
  name: string;
  optional: boolean;
}
type Arg = ArgSpec | RangeArg;
const range = (name: string, optional = false): RangeArg => ({ type: 'range', name, optional });

interface Job<T> {
  work: Work<T>;
  /** Units the work yields in all (Infinity when unknown) and the segment-periods one unit projects. */
  total: number;
  unitCost: number;
  unit: string;
  /** Segment-periods the whole call projects at most. */
  estimate: number;
  format: (result: T) => Cell[][];
}

interface UncertainDef {
  id: string;
  args: readonly Arg[];
  job: (values: unknown[], raw: readonly Cell[]) => Job<unknown>;
}

const PLANS = { baseline: 'baseline_plan', proposed: 'proposed_plan' };

/** The scenario the arguments describe, validated with messages that name the arguments. */
function scenarioFrom(a: ParsedAssumptions, baseline: ParsedPlan, proposed?: ParsedPlan): Scenario {
  const s = scenarioOf(a, baseline.values, proposed ? [proposed.values] : []);
  run(s, PLANS);
  return s;
}

const sizeOf = (s: Scenario) => s.settings.horizonYears * s.settings.periodsPerYear * s.segments.length;

function checkWork(name: string, s: Scenario, estimate: number): void {
  if (estimate > MAX_WORK) {
    throw invalidArgument({ code: 'tooLarge', key: name, value: estimate, max: MAX_WORK, detail: 'workSize', args: { perProjection: sizeOf(s) } });
  }
}

// ── CEQ.SIMULATE ──────────────────────────────────────────────────────────────────────────────────

const isFlow = (m: string) => !RATE_METRICS.has(m as never) && !STOCK_METRICS.has(m as never) && !OPENING_METRICS.has(m as never);

/** "contribution" (the delta per period) or "cumulative_contribution" (its running total). */
function seriesOf(text: string) {
  const cumulative = /^cumulative[_\s-]?/i.test(text.trim());
  const metric = metricOf('metric', cumulative ? text.trim().replace(/^cumulative[_\s-]?/i, '') : text);
  if (cumulative && !isFlow(metric)) {
    throw invalidArgument({ code: 'inconsistent', key: 'metric', value: text, detail: 'runningTotalNeedsFlow', args: { metric: snake(metric) } });
  }
  return { metric, cumulative };
}

/** The 1-based period by which half the trials have broken even, or never. */
function medianPeriod(byPeriod: number[], trials: number): number | string {
  let sum = 0;
  for (let t = 0; t < byPeriod.length; t++) if ((sum += byPeriod[t]) * 2 >= trials) return t + 1;
  return NEVER;
}

const STAT_COLUMNS = ['mean', 'sd', 'p5', 'p10', 'p50', 'p90', 'p95'] as const;

function simulationRows(r: MonteCarloResult): Cell[][] {
  const bands = r.series[0].bands;
  const rows: Cell[][] = [['period', ...STAT_COLUMNS]];
  for (let t = 0; t < r.periods; t++) rows.push([t + 1, ...STAT_COLUMNS.map((c) => bands[c][t])]);
  const o = r.plans[0];
  rows.push(['']);
  const facts: [string, Cell][] = [
    ['trials', r.trials],
    ['p_win_npv', o.pWinNpv],
    ['p_win_equity', o.pWinEquity],
    ['p_breakeven_within_tenure', o.pBreakevenWithinTenure],
    ['p_breakeven_never', o.breakeven.never / r.trials],
    ['breakeven_p50', medianPeriod(o.breakeven.byPeriod, r.trials)],
    ['npv_delta_mean', o.npvDelta.mean], ['npv_delta_p10', o.npvDelta.p10], ['npv_delta_p50', o.npvDelta.p50], ['npv_delta_p90', o.npvDelta.p90],
    ['equity_delta_mean', o.customerEquityDelta.mean], ['equity_delta_p10', o.customerEquityDelta.p10],
    ['equity_delta_p50', o.customerEquityDelta.p50], ['equity_delta_p90', o.customerEquityDelta.p90],
    ['redrawn_trials', r.redrawn],
  ];
  for (const [key, value] of facts) rows.push([key, value]);
  return rows;
}

const simulate: UncertainDef = {
  id: 'SIMULATE',
  args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), range('uncertainty'),
    arg.number('trials', { min: 1, max: MAX_FUNCTION_TRIALS, integer: true }, DEFAULT_FUNCTION_TRIALS),
    arg.number('seed', { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true }, 1),
    arg.text('metric', 'cumulative_contribution')],
  job: (values, raw) => {
    const [a, baseline, proposed, , trials, seed, metricText] = values as [ParsedAssumptions, ParsedPlan, ParsedPlan, unknown, number, number, string];
    const s = scenarioFrom(a, baseline, proposed);
    const rows = parseUncertainty(raw[3], s.segments.map((g) => g.name));
    if (rows.length === 0) throw invalidArgument({ code: 'emptyData', key: 'uncertainty', detail: 'uncertaintyRows' });
    const { metric, cumulative } = seriesOf(metricText);
    const unitCost = 2 * sizeOf(s);
    checkWork('trials × periods × segments × 2 plans', s, trials * unitCost);
    return {
      work: monteCarloWork(s, rows, { trials, seed, metrics: [metric], kinds: [cumulative ? 'cumulativeDelta' : 'delta'] }),
      total: trials, unitCost, unit: 'trials', estimate: trials * unitCost, format: simulationRows as Job<unknown>['format'],
    };
  },
};

// ── CEQ.TORNADO ───────────────────────────────────────────────────────────────────────────────────

const OUTPUTS: readonly ComparisonOutput[] = [
  'customerEquityDelta', 'npvDelta', 'tenureNpvDelta', 'shortTermSacrifice', 'customerEquityProposed', 'year1RevenueDelta',
  'finalYearRevenueDelta', 'year1CompCostDelta', 'finalYearCompCostDelta',
];
const normalName = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
const OUTPUT_NAMES = Object.fromEntries(OUTPUTS.map((o) => [normalName(o), o])) as Record<string, ComparisonOutput>;

function tornadoRows(r: TornadoResult): Cell[][] {
  const rows: Cell[][] = [['key', 'low_input', 'high_input', 'output_low', 'output_high', 'swing']];
  for (const x of r.rows) rows.push([x.label, x.low, x.high, x.outputLow, x.outputHigh, x.swing]);
  return rows;
}

const tornadoDef: UncertainDef = {
  id: 'TORNADO',
  args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), range('uncertainty', true), arg.text('metric', 'customer_equity_delta')],
  job: (values, raw) => {
    const [a, baseline, proposed, , metricText] = values as [ParsedAssumptions, ParsedPlan, ParsedPlan, unknown, string];
    const s = scenarioFrom(a, baseline, proposed);
    const output = choiceOf('metric', metricText, OUTPUT_NAMES, OUTPUTS.map(snake));
    const { work, total } = tornadoWork(s, parseUncertainty(raw[3], s.segments.map((g) => g.name)), { output });
    const unitCost = 2 * sizeOf(s);
    checkWork('assumptions × periods × segments', s, total * unitCost);
    return { work, total, unitCost, unit: 'comparisons', estimate: total * unitCost, format: tornadoRows as Job<unknown>['format'] };
  },
};

// ── CEQ.OPTIMIZE ──────────────────────────────────────────────────────────────────────────────────

const OBJECTIVE_NAMES: Record<string, Objective> = {
  customerequity: 'customerEquity', equity: 'customerEquity', valorcliente: 'customerEquity', valordelcliente: 'customerEquity',
  npv: 'npv', van: 'npv', finalyeararr: 'finalYearArr', arr: 'finalYearArr', arrfinal: 'finalYearArr',
};

function optimumRows(r: OptimizeResult): Cell[][] {
  const at = new Map(r.binding.map((b) => [b.key as string, b.at]));
  const rows: Cell[][] = Object.entries(r.plan).map(([key, value]) => [key, value, at.get(key) ?? '']);
  rows.push(['objective', snake(r.objective)], ['objective_value', r.value], ['baseline_value', r.baselineValue]);
  const budget: Budget | OptimizeResult['budget'] = r.budget ?? { kind: 'none' };
  rows.push(['budget', snake(budget.kind)]);
  if (r.budget) rows.push(['budget_limit', r.budget.limit], ['budget_used', r.budget.used, r.budget.binding ? 'binding' : '']);
  rows.push(['customer_equity_delta', r.comparison.customerEquityDelta], ['npv_delta', r.comparison.npvDelta], ['evaluations', r.evaluations]);
  return rows;
}

const optimizeDef: UncertainDef = {
  id: 'OPTIMIZE',
  args: [arg.assumptions(), arg.plan('baseline_plan'), range('bounds'), arg.text('objective', 'customer_equity'), range('budget', true)],
  job: (values, raw) => {
    const [a, baseline, , objectiveText] = values as [ParsedAssumptions, ParsedPlan, unknown, string];
    const s = scenarioFrom(a, baseline);
    const bounds = parseBounds(raw[2]);
    const objective = choiceOf('objective', objectiveText, OBJECTIVE_NAMES, ['customer_equity', 'npv', 'final_year_arr']);
    const budget = parseBudget(raw[4]);
    const work = optimizeWork(s, { bounds, objective, budget });
    return { work, total: Infinity, unitCost: sizeOf(s), unit: 'projections', estimate: OPTIMIZE_PROJECTIONS * sizeOf(s),
      format: optimumRows as Job<unknown>['format'] };
  },
};

export const UNCERTAIN_FUNCTIONS: readonly UncertainDef[] = [simulate, tornadoDef, optimizeDef];

// ── Running a call ────────────────────────────────────────────────────────────────────────────────

/** Checks a finished result's cells through table.ts (rectangular, finite, capped), errors included. */
function respond(id: string, build: () => Cell[][]): Cell[][] {
  const def: FunctionDef = { id, args: [], result: 'matrix', core: build };
  return invoke(def, []) as Cell[][];
}

interface Timers {
  setTimeout?: (f: () => void, ms: number) => unknown;
  MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(m: unknown): void; close(): void } };
}

/**
 * Gives the event loop a turn (Excel's cancel notice arrives as a task): a MessageChannel message where
 * there is one (browsers clamp nested zero-delay timers to 4 ms), a timer otherwise.
 */
function pause(): Promise<void> {
  const g = globalThis as Timers;
  if (g.MessageChannel) {
    const channel = new g.MessageChannel();
    return new Promise((resolve) => {
      channel.port1.onmessage = () => {
        channel.port1.close();
        channel.port2.close();
        resolve();
      };
      channel.port2.postMessage(0);
    });
  }
  const timer = g.setTimeout;
  return timer ? new Promise((resolve) => { timer(resolve, 0); }) : Promise.resolve();
}

function prepare(d: UncertainDef, raw: readonly Cell[], language: Language): Job<unknown> {
  try {
    const values = d.args.map((a, i) => {
      if (a.type !== 'range') return coerceArgs([a] as const, [raw[i]])[0];
      if (!a.optional && isBlank(raw[i])) throw invalidArgument({ code: 'missing', key: a.name });
      return undefined;
    });
    return d.job(values, raw);
  } catch (e) {
    throw toFunctionError(e, language, unitOfLabel);
  }
}

/** One call as Excel makes it: a result, a Promise of one, or a thrown CustomFunctions error. */
export function callUncertain(id: string, raw: readonly Cell[], invocation?: Invocation): Cell[][] | Promise<Cell[][]> {
  const d = UNCERTAIN_FUNCTIONS.find((f) => f.id === id)!;
  const language = displayLanguage();
  const job = prepare(d, raw, language);
  if (job.estimate <= SYNC_WORK) return respond(id, () => job.format(runWork(job.work, job.total, {}, job.unit)));
  let cancelled = false;
  if (invocation && typeof invocation === 'object') invocation.onCanceled = () => { cancelled = true; };
  const sliceUnits = Math.max(1, Math.floor(SLICE_WORK / job.unitCost));
  return runWorkInSlices(job.work, job.total, { pause, sliceUnits, isCancelled: () => cancelled }, job.unit)
    .then((result) => respond(id, () => job.format(result)), (e) => { throw toFunctionError(e, language, unitOfLabel); });
}

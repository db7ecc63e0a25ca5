/**
 * The table of CEQ.SIMULATE, CEQ.TORNADO and CEQ.OPTIMIZE, next to table.ts and built from the same
 * parts: arguments as data coerced by args.ts (range arguments of their own read by
 * uncertainty-args.ts), thin adapters over the engine, every failure turned into #VALUE! or #N/A by
 * errors.ts, and each result checked by table.ts's `invoke` (rectangular, finite, capped).
 *
 * How a call runs (at once or in slices, cancelled by Excel) is uncertainty-run.ts's job.
 */
import {
  monteCarloWork, OPENING_METRICS, optimizeWork, planUsesQuotas, RATE_METRICS, SENSITIVITY_OUTPUTS, STOCK_METRICS, tornadoWork,
  varianceSensitivity, type SensitivityOutput,
  type Budget, type ComparisonOutput, type MonteCarloResult, type Objective, type OptimizeResult, type Scenario,
  type TornadoResult, type Work,
} from '../engine';
import { arg, type ArgSpec } from './args';
import type { Cell } from './cells';
import { invalidArgument } from './errors';
import { metricOf, scenarioOf, snake, validateFor } from './model';
import { NEVER } from './table';
import { choiceOf, parseBounds, parseBudget, parseCorrelation, parseUncertainty, wordsOf } from './uncertainty-args';
import { chanceRows } from './uncertainty-rows';
import type { ParsedAssumptions, ParsedPlan } from './ranges';

export const MAX_FUNCTION_TRIALS = 100_000;
export const DEFAULT_FUNCTION_TRIALS = 1000;
/** Work (segment-periods projected) a call may do at all: about 20 seconds on one core. */
export const MAX_WORK = 60_000_000;
/**
 * What one projection costs besides its segment-periods (set-up, behaviour, the comparison), in
 * segment-periods: measured, a 5-period projection costs about as much as 17 segment-periods.
 */
const PROJECTION_OVERHEAD = 12;

/** A range argument read by uncertainty-args.ts once the scenario is known. */
interface RangeArg {
  type: 'range';
  name: string;
  optional: boolean;
}
type Arg = ArgSpec | RangeArg;
const range = (name: string, optional = false): RangeArg => ({ type: 'range', name, optional });

export interface Job<T> {
  work: Work<T>;
  /** Units the work yields in all (Infinity when unknown) and what one unit costs (segment-periods and overhead). */
  total: number;
  unitCost: number;
  unit: string;
  /** The cost of what preparing the job projected already (the optimiser's baseline), in the same measure. */
  spent: number;
  format: (result: T) => Cell[][];
}

export interface UncertainDef {
  id: string;
  args: readonly Arg[];
  job: (values: unknown[], raw: readonly Cell[]) => Job<unknown>;
}

const PLANS = { baseline: 'baseline_plan', proposed: 'proposed_plan' };

/** The scenario the arguments describe, validated with messages that name the arguments. */
function scenarioFrom(a: ParsedAssumptions, baseline: ParsedPlan, proposed?: ParsedPlan): Scenario {
  const s = scenarioOf(a, baseline.values, proposed ? [proposed.values] : []);
  validateFor(s, PLANS);
  return s;
}

const sizeOf = (s: Scenario) => s.settings.horizonYears * s.settings.periodsPerYear * s.segments.length;
/** A plan paid on quotas projects each segment-period several times over (attainment curves per role): measured, up to 4×. */
const QUOTA_FACTOR = 4;
const projectionCost = (s: Scenario) => (sizeOf(s) + PROJECTION_OVERHEAD)
  * ([s.baseline, ...s.proposed].some((p) => planUsesQuotas(p.values)) ? QUOTA_FACTOR : 1);

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

const STAT_COLUMNS = ['mean', 'sd', 'p5', 'p10', 'p50', 'p90', 'p95'] as const;

/** Per period the statistics and the standard error of the mean (sd / √trials); then the key/value rows. */
function simulationRows(r: MonteCarloResult): Cell[][] {
  const bands = r.series[0].bands;
  const rows: Cell[][] = [['period', ...STAT_COLUMNS, 'mean_se']];
  const root = Math.sqrt(r.trials);
  for (let t = 0; t < r.periods; t++) rows.push([t + 1, ...STAT_COLUMNS.map((c) => bands[c][t]), bands.sd[t] / root]);
  rows.push(['']);
  for (const [key, value] of chanceRows(r, NEVER)) rows.push([key, value]);
  return rows;
}

const simulate: UncertainDef = {
  id: 'SIMULATE',
  args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), range('uncertainty'),
    arg.number('trials', { min: 1, max: MAX_FUNCTION_TRIALS, integer: true }, DEFAULT_FUNCTION_TRIALS),
    arg.number('seed', { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true }, 1),
    arg.text('metric', 'cumulative_contribution'), range('correlation', true), arg.boolean('latin_hypercube', false)],
  job: (values, raw) => {
    const [a, baseline, proposed, , trials, seed, metricText, , latinHypercube] = values as
      [ParsedAssumptions, ParsedPlan, ParsedPlan, unknown, number, number, string, unknown, boolean];
    const s = scenarioFrom(a, baseline, proposed);
    const segments = s.segments.map((g) => g.name);
    const rows = parseUncertainty(raw[3], segments);
    if (rows.length === 0) throw invalidArgument({ code: 'emptyData', key: 'uncertainty', detail: 'uncertaintyRows' });
    const correlation = parseCorrelation(raw[7], segments);
    const { metric, cumulative } = seriesOf(metricText);
    checkWork('trials × periods × segments × 2 plans', s, trials * 2 * sizeOf(s));
    return {
      work: monteCarloWork(s, rows, { trials, seed, latinHypercube, correlation, metrics: [metric], kinds: [cumulative ? 'cumulativeDelta' : 'delta'] }),
      total: trials, unitCost: 2 * projectionCost(s), spent: 0, unit: 'trials', format: simulationRows as Job<unknown>['format'],
    };
  },
};

// ── CEQ.SENSITIVITY ───────────────────────────────────────────────────────────────────────────────

const normalName = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
const SENSITIVITY_NAMES: ReadonlyMap<string, SensitivityOutput> = new Map(SENSITIVITY_OUTPUTS.map((o) => [normalName(o), o]));

function sensitivityRows(r: MonteCarloResult, output: SensitivityOutput): Cell[][] {
  const v = varianceSensitivity(r, output);
  const rows: Cell[][] = [['key', 'rank_correlation', 'rank_correlation_se', 'contribution']];
  for (const x of v.rows) rows.push([x.label, x.rankCorrelation, x.rankCorrelationError, x.contribution]);
  return rows;
}

const sensitivityDef: UncertainDef = {
  id: 'SENSITIVITY',
  args: [arg.assumptions(), arg.plan('baseline_plan'), arg.plan('proposed_plan'), range('uncertainty'), arg.text('metric', 'customer_equity_delta'),
    arg.number('trials', { min: 10, max: MAX_FUNCTION_TRIALS, integer: true }, DEFAULT_FUNCTION_TRIALS),
    arg.number('seed', { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true }, 1),
    range('correlation', true), arg.boolean('latin_hypercube', false)],
  job: (values, raw) => {
    const [a, baseline, proposed, , outputText, trials, seed, , latinHypercube] = values as
      [ParsedAssumptions, ParsedPlan, ParsedPlan, unknown, string, number, number, unknown, boolean];
    const s = scenarioFrom(a, baseline, proposed);
    const segments = s.segments.map((g) => g.name);
    const rows = parseUncertainty(raw[3], segments);
    if (rows.length === 0) throw invalidArgument({ code: 'emptyData', key: 'uncertainty', detail: 'uncertaintyRows' });
    const output = choiceOf('metric', outputText, SENSITIVITY_NAMES, SENSITIVITY_OUTPUTS.map(snake));
    const correlation = parseCorrelation(raw[7], segments);
    checkWork('trials × periods × segments × 2 plans', s, trials * 2 * sizeOf(s));
    return {
      work: monteCarloWork(s, rows, { trials, seed, latinHypercube, correlation, kinds: [] }),
      total: trials, unitCost: 2 * projectionCost(s), spent: 0, unit: 'trials',
      format: ((r: MonteCarloResult) => sensitivityRows(r, output)) as Job<unknown>['format'],
    };
  },
};

// ── CEQ.TORNADO ───────────────────────────────────────────────────────────────────────────────────

const OUTPUTS: readonly ComparisonOutput[] = [
  'customerEquityDelta', 'npvDelta', 'tenureNpvDelta', 'shortTermSacrifice', 'customerEquityProposed', 'year1RevenueDelta',
  'finalYearRevenueDelta', 'year1CompCostDelta', 'finalYearCompCostDelta',
];
const OUTPUT_NAMES: ReadonlyMap<string, ComparisonOutput> = new Map(OUTPUTS.map((o) => [normalName(o), o]));

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
    checkWork('assumptions × periods × segments', s, total * 2 * sizeOf(s));
    return { work, total, unitCost: 2 * projectionCost(s), spent: 0, unit: 'comparisons', format: tornadoRows as Job<unknown>['format'] };
  },
};

// ── CEQ.OPTIMIZE ──────────────────────────────────────────────────────────────────────────────────

const OBJECTIVE_NAMES = wordsOf<Objective>({
  customerequity: 'customerEquity', equity: 'customerEquity', valorcliente: 'customerEquity', valordelcliente: 'customerEquity',
  npv: 'npv', van: 'npv', finalyeararr: 'finalYearArr', arr: 'finalYearArr', arrfinal: 'finalYearArr',
});

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
    return { work, total: Infinity, unitCost: projectionCost(s), spent: projectionCost(s), unit: 'projections', format: optimumRows as Job<unknown>['format'] };
  },
};

export const UNCERTAIN_FUNCTIONS: readonly UncertainDef[] = [simulate, sensitivityDef, tornadoDef, optimizeDef];

/**
 * What the model functions (PROJECT, COMPARE, SUMMARY, EFFORT) share: a Scenario from parsed
 * arguments, validation whose messages name the arguments the user typed, and metric names in the
 * snake_case of the PROJECT header.
 */
import {
  defaultsOf, METRICS, ModelError, nearestKey, projectScenario, relationProblems, validateScenario,
  type Metric, type PlanValues, type Problem, type Scenario, type ScenarioResult,
} from '../engine';
import { invalidArgument } from './errors';
import type { ParsedAssumptions, ParsedPlan } from './ranges';

export const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The metrics of CEQ.PROJECT's columns, in order (after `period`). */
export const PROJECT_METRICS: readonly Metric[] = [
  'customers', 'newCustomers', 'churnedCustomers', 'arr', 'newArr', 'expansionArr', 'contractionArr', 'churnedArr',
  'revenue', 'grossProfit', 'compCost', 'contribution', 'nrr', 'grr',
];

let metricIndex: Map<string, Metric> | undefined;

/** A metric from its snake_case name (any engine metric; the PROJECT header lists the usual ones). */
export function metricOf(argName: string, text: string): Metric {
  metricIndex ??= new Map(METRICS.map((m) => [snake(m), m]));
  const metric = metricIndex.get(text.trim().toLowerCase()) ?? metricIndex.get(snake(text.trim()));
  if (metric) return metric;
  const names = METRICS.map(snake);
  throw invalidArgument({ code: 'unknownKey', key: `${argName} "${text}"`, suggestion: nearestKey(text, names) ?? PROJECT_METRICS.map(snake).join(', ') });
}

/** Plan argument names, to say "plan.commissionNew" instead of the engine's "baseline.commissionNew". */
export interface PlanNames {
  baseline: string;
  proposed?: string;
}

/**
 * The scenario of one call. Parsed arguments are shared by every call that reads the same ranges
 * (range-memo.ts) and never changed, so their records are used as they are; only the settings are
 * copied, for the horizon and periods the call may override.
 */
export function scenarioOf(a: ParsedAssumptions, baseline: PlanValues, proposed: PlanValues[], years?: number, periodsPerYear?: number): Scenario {
  const settings = { ...a.settings };
  if (years !== undefined) settings.horizonYears = years;
  if (periodsPerYear !== undefined) settings.periodsPerYear = periodsPerYear;
  return {
    name: 'CEQ',
    settings,
    segments: a.segments,
    behaviour: a.behaviour,
    baseline: { name: 'baseline', values: baseline },
    proposed: proposed.map((values, i) => ({ name: `proposed${i + 1}`, values })),
  };
}

function relabel(problems: readonly Problem[], names: PlanNames): Problem[] {
  return problems.map((p) => {
    const key = p.key?.replace(/^baseline\./, `${names.baseline}.`).replace(/^proposed\d*\./, `${names.proposed ?? 'proposed'}.`);
    return key === p.key ? p : { ...p, key };
  });
}

/**
 * Validates and runs a scenario built from parsed arguments; problems name the plan arguments the user
 * typed. Every value was checked against its catalogue row as it was read (ranges.ts, args.ts: the
 * message names the cell), so only what ties values together is left to check (the engine's
 * relationProblems), not every range a second time: Excel recalculates whole sheets of these cells.
 */
export function run(s: Scenario, names: PlanNames): ScenarioResult {
  try {
    if (!checkedBefore(s)) {
      const problems = relationProblems(s);
      if (problems.length) throw new ModelError('invalid', problems);
      consistent = partsOf(s);
    }
    return projectScenario(s);
  } catch (e) {
    throw e instanceof ModelError ? new ModelError(e.kind, relabel(e.problems, names)) : e;
  }
}

/**
 * What relationProblems reads (not the settings), as the objects they are: the parsed ranges of
 * range-memo.ts, which a sheet of cells on the same ranges shares and nobody changes. The last set
 * found consistent is kept, so those cells check it once.
 */
const partsOf = (s: Scenario): readonly object[] => [s.behaviour, s.segments, s.baseline.values, ...s.proposed.map((p) => p.values)];
let consistent: readonly object[] = [];
function checkedBefore(s: Scenario): boolean {
  if (consistent.length !== 3 + s.proposed.length || consistent[0] !== s.behaviour || consistent[1] !== s.segments || consistent[2] !== s.baseline.values) return false;
  for (let i = 0; i < s.proposed.length; i++) if (consistent[3 + i] !== s.proposed[i].values) return false;
  return true;
}

/** Validates the scenario without projecting it; problems name the plan arguments the user typed. */
export function validateFor(s: Scenario, names: PlanNames): void {
  const problems = validateScenario(s);
  if (problems.length) throw new ModelError('invalid', relabel(problems, names));
}

/** The catalogue's assumptions, one default segment (EFFORT needs only the plans and behaviour). */
export function defaultAssumptions(): ParsedAssumptions {
  return {
    settings: defaultsOf('scenario'),
    behaviour: defaultsOf('behaviour'),
    segments: [{ name: 'Segment 1', values: defaultsOf('segment') }],
    notes: [],
  };
}

/** Checks two plans against the default assumptions. */
export function checkPlans(baseline: ParsedPlan, proposed: ParsedPlan, names: PlanNames): void {
  const problems = validateScenario(scenarioOf(defaultAssumptions(), baseline.values, [proposed.values]));
  if (problems.length) throw new ModelError('invalid', relabel(problems, names));
}

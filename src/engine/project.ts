import type { BehaviourValues, PlanValues, ScenarioSettings, SegmentValues } from './catalogue';
import { baselineFlows, planBehaviour, type PlanBehaviour } from './behaviour';
import { M, METRIC_COUNT, type Metric } from './metrics';
import { B, behaviourPath, SERIES_COUNT, type BehaviourSeries } from './project-behaviour';
import { emptyRunOffBook, periodLogs, projectSegment, sumSegments } from './project-segment';
import type { Scenario } from './scenario';
import { terminalValue, type RunOffBook } from './terminal';

export { BEHAVIOUR_SERIES, type BehaviourSeries } from './project-behaviour';

/**
 * The result of projecting one plan: every metric per period, per segment and in total (the total is
 * stored as one more segment, at index `segmentNames.length`), plus the terminal value of the book.
 */
export class Projection {
  constructor(
    readonly periodsPerYear: number,
    readonly periods: number,
    readonly segmentNames: readonly string[],
    readonly data: Float64Array,
    readonly behaviour: Float64Array,
    /** Value of the book on hand at the horizon run off (terminal.ts), per segment then total (undiscounted, as of the horizon). */
    readonly terminalValue: Float64Array,
  ) {}

  get totalIndex(): number {
    return this.segmentNames.length;
  }

  /** One metric for one period (0-based); the total unless a segment index is given. */
  value(metric: Metric, period: number, segment = this.segmentNames.length): number {
    return this.data[(segment * METRIC_COUNT + M[metric]) * this.periods + period];
  }

  /** A view (not a copy) of one metric over all periods. */
  series(metric: Metric, segment = this.segmentNames.length): Float64Array {
    const start = (segment * METRIC_COUNT + M[metric]) * this.periods;
    return this.data.subarray(start, start + this.periods);
  }

  behaviourSeries(name: BehaviourSeries): Float64Array {
    return this.behaviour.subarray(B[name] * this.periods, (B[name] + 1) * this.periods);
  }
}

export function projectScenarioPlan(s: Scenario, plan: PlanValues): Projection {
  return project(s.settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour, s.baseline.values, plan);
}

/**
 * What a plan with a quota layer (quota-project.ts) adds to a projection. Flat plans pass none, so
 * their loop is exactly the one below.
 */
export interface ProjectionHook {
  /** The long-run behaviour to move toward, instead of planBehaviour(plan, baseline, b). */
  target?: PlanBehaviour;
  /** Filled with the ARR of the customers who leave at their first renewal, at [segment·periods + period]. */
  firstRenewalChurnArr?: Float64Array;
  /** Adds pay the loop does not know to each segment's rows, after the loop and before totals and terminal values. */
  addPay?(data: Float64Array, periods: number, segments: number): void;
}

/** What a projection returns: a Projector (projector.ts) keeps one set and reuses it. */
export interface ProjectionBuffers {
  /** Metrics per segment then total: [(segment · METRIC_COUNT + metric) · periods + period]. */
  data: Float64Array;
  /** The behaviour path, [series · periods + period]. */
  behaviour: Float64Array;
  /** Terminal value per segment then total. */
  terminal: Float64Array;
}

/**
 * Buffers for a projection of `segments` segments over `periods` periods: views of one allocation
 * (each typed array costs about a microsecond to allocate, as much as a segment's whole loop).
 */
export function projectionBuffers(segments: number, periods: number): ProjectionBuffers {
  const dataSize = (segments + 1) * METRIC_COUNT * periods;
  const behaviourSize = SERIES_COUNT * periods;
  const all = new Float64Array(dataSize + behaviourSize + segments + 1);
  return {
    data: all.subarray(0, dataSize),
    behaviour: all.subarray(dataSize, dataSize + behaviourSize),
    terminal: all.subarray(dataSize + behaviourSize),
  };
}

/** What a projection needs only while it runs, shared by every projection (they never nest). */
const adopted = new Float64Array(SERIES_COUNT);
let logs = new Float64Array(2 * 120);
const books: RunOffBook[] = [];

/**
 * Projects one plan against the baseline plan's behaviour (MODEL.md sections 5 and 6, version 2).
 * Inputs must already be valid (validateScenario): this function is the hot loop and checks nothing.
 */
export function project(
  settings: ScenarioSettings,
  segmentNames: readonly string[],
  segments: readonly SegmentValues[],
  b: BehaviourValues,
  baseline: PlanValues,
  plan: PlanValues,
  hook?: ProjectionHook,
): Projection {
  const P = settings.horizonYears * settings.periodsPerYear;
  const buffers = projectionBuffers(segments.length, P);
  projectInto(buffers, settings, segments, b, baseline, plan, hook);
  return new Projection(settings.periodsPerYear, P, segmentNames, buffers.data, buffers.behaviour, buffers.terminal);
}

/**
 * project() into buffers sized for the scenario's shape (projectionBuffers), overwriting every entry:
 * the Monte Carlo trials reuse one set per plan instead of allocating a projection each.
 */
export function projectInto(
  buffers: ProjectionBuffers,
  settings: ScenarioSettings,
  segments: readonly SegmentValues[],
  b: BehaviourValues,
  baseline: PlanValues,
  plan: PlanValues,
  hook?: ProjectionHook,
): void {
  const ppy = settings.periodsPerYear;
  const P = settings.horizonYears * ppy;
  const dt = 1 / ppy;
  const nSeg = segments.length;
  const { data, behaviour, terminal } = buffers;
  const target = hook?.target ?? planBehaviour(plan, baseline, b, baselineFlows(segments));
  behaviourPath(behaviour, adopted, b, plan, target, P, dt);
  if (logs.length < 2 * P) logs = new Float64Array(2 * P);
  periodLogs(logs, behaviour, P, b);
  while (books.length < nSeg) books.push(emptyRunOffBook());

  let totalStart = 0;
  for (let s = 0; s < nSeg; s++) totalStart += segments[s].customers;
  for (let s = 0; s < nSeg; s++) {
    const weight = totalStart > 0 ? segments[s].customers / totalStart : 1 / nSeg;
    projectSegment(data, s, P, dt, settings, segments[s], b, baseline, plan, behaviour, adopted, logs, weight, hook?.firstRenewalChurnArr, books[s]);
  }
  // Pay the loop does not know (quota layer) follows the book into the run-off, so it is added first.
  hook?.addPay?.(data, P, nSeg);
  terminal[nSeg] = 0;
  for (let s = 0; s < nSeg; s++) {
    terminal[s] = terminalValue(books[s], data, s * METRIC_COUNT * P, P, ppy, settings.discountRate, settings.discountTiming === 1);
    terminal[nSeg] += terminal[s];
  }
  sumSegments(data, nSeg, P, ppy);
}

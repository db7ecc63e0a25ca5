import type { BehaviourValues, PlanValues, ScenarioSettings, SegmentValues } from './catalogue';
import { M, METRIC_COUNT, type Metric } from './metrics';
import { B, type BehaviourSeries } from './project-behaviour';
import { projectInto, projectionBuffers, type ProjectionHook } from './project-into';
import type { Scenario } from './scenario';

export { BEHAVIOUR_SERIES, type BehaviourSeries } from './project-behaviour';
export type { ProjectionHook } from './project-into';

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

/**
 * A projector owns the buffers of one projection and projects plans of the same scenario shape into
 * them again and again: the Monte Carlo trials (montecarlo-trial.ts) keep one per plan, so a trial
 * allocates nothing. Each call overwrites the previous result, so a caller reads what it needs from a
 * projection before it projects the next plan with the same projector.
 */
import {
  Projection, projectInto, projectionBuffers, totalsOf, type Metric, type PlanValues, type ProjectionBuffers, type ProjectionHook, type Scenario, type SegmentValues,
} from '../model';
import { planUsesQuotas } from '../quota';
import { projectPlan } from './run';

export class Projector {
  private buffers: ProjectionBuffers | undefined;
  private projection: Projection | undefined;
  private readonly values: SegmentValues[] = [];
  /** The projection the last call returned. */
  last: Projection | undefined;

  private readonly hook: ProjectionHook | undefined;

  /**
   * `flat`: the caller knows that neither the plans it will project nor the baseline have a quota layer
   * (a Monte Carlo run's plans keep their keys: draws only change values), so no call looks for one.
   * `totals`: the only metrics whose totals the caller reads (a trial reads two or three of some
   * forty); the other totals of the projection are then not computed and must not be read. Segment
   * rows and terminal values are always complete.
   */
  constructor(private readonly flat = false, totals?: readonly Metric[]) {
    this.hook = totals ? { totals: totalsOf(totals) } : undefined;
  }

  /**
   * projectPlan(s, plan), into this projector's buffers (the same Projection object every time). Plans
   * with a quota layer go through projectPlan, which allocates (their report is kept per projection).
   */
  project(s: Scenario, plan: PlanValues): Projection {
    if (!this.flat && (planUsesQuotas(plan) || planUsesQuotas(s.baseline.values))) return (this.last = projectPlan(s, plan));
    const { settings, segments } = s;
    const P = settings.horizonYears * settings.periodsPerYear;
    let projection = this.projection;
    if (projection === undefined || !sameShape(projection, s, P)) {
      const buffers = projectionBuffers(segments.length, P);
      projection = new Projection(settings.periodsPerYear, P, segments.map((g) => g.name), buffers.data, buffers.behaviour, buffers.terminal);
      this.buffers = buffers;
      this.projection = projection;
    }
    const values = this.values;
    values.length = segments.length;
    for (let i = 0; i < segments.length; i++) values[i] = segments[i].values;
    projectInto(this.buffers!, settings, values, s.behaviour, s.baseline.values, plan, this.hook);
    return (this.last = projection);
  }
}

/** Whether a projection has the periods and segments a projection of `s` would have. */
function sameShape(p: Projection, s: Scenario, periods: number): boolean {
  if (p.periods !== periods || p.periodsPerYear !== s.settings.periodsPerYear || p.segmentNames.length !== s.segments.length) return false;
  for (let i = 0; i < s.segments.length; i++) if (p.segmentNames[i] !== s.segments[i].name) return false;
  return true;
}

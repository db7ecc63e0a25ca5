import {
  defaultsOf,
  type BehaviourValues,
  type PlanValues,
  type ScenarioSettings,
  type SegmentValues,
} from './catalogue';

/** A customer segment (SMB, Mid-market, …) with its own base and rates. */
export interface Segment {
  name: string;
  values: SegmentValues;
}

export interface NamedPlan {
  name: string;
  values: PlanValues;
}

/**
 * Everything one projection needs. Plans apply company-wide: commission rates to every segment, the
 * service bonus pool and prevention budget split across segments by starting customers.
 */
export interface Scenario {
  name: string;
  settings: ScenarioSettings;
  segments: Segment[];
  behaviour: BehaviourValues;
  baseline: NamedPlan;
  proposed: NamedPlan[];
}

export function defaultSegment(name = 'Mid-market'): Segment {
  return { name, values: defaultsOf('segment') };
}

export function defaultPlan(name = 'Baseline'): NamedPlan {
  return { name, values: defaultsOf('plan') };
}

/** The catalogue's defaults, with a proposed plan that moves pay from new deals toward retention. */
export function defaultScenario(): Scenario {
  const proposed = defaultPlan('Retention plan');
  proposed.values.commissionNew = 0.07;
  proposed.values.commissionRenewal = 0.05;
  proposed.values.commissionExpansion = 0.1;
  proposed.values.clawback = 0.5;
  proposed.values.outcomeWeight = 0.6;
  return {
    name: 'Default scenario',
    settings: defaultsOf('scenario'),
    segments: [defaultSegment()],
    behaviour: defaultsOf('behaviour'),
    baseline: defaultPlan('Baseline'),
    proposed: [proposed],
  };
}

export function cloneScenario(s: Scenario): Scenario {
  return {
    name: s.name,
    settings: { ...s.settings },
    segments: s.segments.map((g) => ({ name: g.name, values: { ...g.values } })),
    behaviour: { ...s.behaviour },
    baseline: { name: s.baseline.name, values: { ...s.baseline.values } },
    proposed: s.proposed.map((p) => ({ name: p.name, values: { ...p.values } })),
  };
}

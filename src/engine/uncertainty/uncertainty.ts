/**
 * The uncertainty table: which assumptions carry a distribution, validated like the rest of the
 * catalogue (unknown key → "did you mean", bad parameters, every problem at once), and resolved into
 * `Dimension`s: one sampler per row, truncated to the key's valid range, and the places in a scenario
 * it writes to.
 *
 * A row for a segment key with no segment names one draw per trial that every segment takes (the same
 * value everywhere); a row naming a segment varies that segment alone. A key may appear once, either
 * for all segments or per segment.
 *
 * Keys that cannot carry a distribution: plan rates (decisions, compared or optimised instead),
 * whole-number and choice settings (horizon, periods per year, tenure, contract term, discount timing:
 * they shape the layout) and the three effort shares (they must add up to 1). sBG parameters may vary
 * only in a segment that already uses an sBG curve.
 */
import { findSpec, type AssumptionKey, type AssumptionSpec, serviceChurnAtStart, type Scenario } from '../model';
import { truncatedSampler, validateDistribution, type DistributionSpec, type TruncatedSampler } from './distributions';
import { ModelError, type Problem, type DetailId } from '../text';
import {
  effortFloorProblem, nearestKey, resolveFloorProblem, sbgPairProblem, serviceChurnProblem, unknownKeyProblem,
} from '../scenario';

export interface UncertaintyRow {
  key: string;
  /** A segment's name: vary that segment only. Omitted: one draw for every segment (segment keys only). */
  segment?: string;
  distribution: DistributionSpec;
}

/** A validated row, ready to sample. */
export interface Dimension {
  /** How results and messages name it: "churn", or "SMB.churn" for one segment. */
  label: string;
  key: AssumptionKey;
  scope: AssumptionSpec['scope'];
  /** Index of the one segment it varies; undefined for every segment or a scenario/behaviour key. */
  segment?: number;
  distribution: DistributionSpec;
  /** The distribution truncated to the key's valid range [spec.min, spec.max]. */
  sampler: TruncatedSampler;
}

export const MAX_UNCERTAINTY_ROWS = 200;

const EFFORT_KEYS = ['effortAcquire', 'effortRetain', 'effortExpand'] as const;
const EFFORT_SHARES: ReadonlySet<string> = new Set(EFFORT_KEYS);

/** Why a catalogue key cannot carry a distribution in this scenario (a reason id of notUncertain), if it cannot. */
function cannotVary(spec: AssumptionSpec, s: Scenario, segment: number | undefined): DetailId | undefined {
  if (spec.scope === 'plan') return 'notUncertainPlan';
  if (spec.integer || spec.allowed) return 'notUncertainWhole';
  if (EFFORT_SHARES.has(spec.key)) return 'notUncertainEffort';
  if (spec.key === 'sbgAlpha' || spec.key === 'sbgBeta') {
    const segments = segment === undefined ? s.segments : [s.segments[segment]];
    if (segments.some((g) => !(g.values.sbgAlpha > 0 && g.values.sbgBeta > 0))) return 'notUncertainFlatChurn';
  }
  return undefined;
}

function labelOf(row: UncertaintyRow): string {
  return row.segment !== undefined && row.segment !== '' ? `${row.segment}.${row.key}` : row.key;
}

interface Checked {
  problems: Problem[];
  dimensions: Dimension[];
}

function checkRows(s: Scenario, rows: readonly UncertaintyRow[]): Checked {
  const problems: Problem[] = [];
  const dimensions: Dimension[] = [];
  if (rows.length > MAX_UNCERTAINTY_ROWS) {
    return { problems: [{ code: 'tooLarge', key: 'uncertainty', value: rows.length, min: 1, max: MAX_UNCERTAINTY_ROWS, detail: 'rows' }], dimensions };
  }
  const names = s.segments.map((g) => g.name);
  /** key → "all" or the set of segment indices already varied, and the first label, for duplicates. */
  const seen = new Map<string, { all: boolean; segments: Set<number>; label: string }>();
  for (const row of rows) {
    const label = labelOf(row);
    const spec = findSpec(row.key);
    if (!spec) {
      problems.push(unknownKeyProblem(label, row.key));
      continue;
    }
    let segment: number | undefined;
    if (row.segment !== undefined && row.segment !== '') {
      if (spec.scope !== 'segment') {
        problems.push({ code: 'inconsistent', key: label, detail: 'scenarioWide', args: { key: spec.key } });
        continue;
      }
      segment = names.indexOf(row.segment);
      if (segment < 0) {
        problems.push({ code: 'unknownKey', key: row.segment, suggestion: nearestKey(row.segment, names) });
        continue;
      }
    }
    const reason = cannotVary(spec, s, segment);
    if (reason) {
      problems.push({ code: 'notUncertain', key: label, detail: reason });
      continue;
    }
    const before = seen.get(spec.key);
    const all = segment === undefined;
    if (before && (before.all || all || before.segments.has(segment!))) {
      problems.push({ code: 'inconsistent', key: label, detail: 'variedTwice', args: { other: before.label } });
      continue;
    }
    const entry = before ?? { all, segments: new Set<number>(), label };
    if (segment !== undefined) entry.segments.add(segment);
    seen.set(spec.key, entry);
    const found = validateDistribution(label, row.distribution, spec.min, spec.max);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    dimensions.push({
      label, key: spec.key as AssumptionKey, scope: spec.scope, segment, distribution: row.distribution,
      sampler: truncatedSampler(row.distribution, spec.min, spec.max, label),
    });
  }
  return { problems, dimensions };
}

/** Every problem with an uncertainty table for scenario `s`, at once; empty when it is valid. */
export function validateUncertainty(s: Scenario, rows: readonly UncertaintyRow[]): Problem[] {
  return checkRows(s, rows).problems;
}

/** The table's rows as samplers; throws a ModelError listing every problem. */
export function resolveUncertainty(s: Scenario, rows: readonly UncertaintyRow[]): Dimension[] {
  const { problems, dimensions } = checkRows(s, rows);
  if (problems.length > 0) throw new ModelError('invalid', problems);
  return dimensions;
}

/** The records (and the key in them) a dimension writes to in scenario `s`. */
export function targetsOf(s: Scenario, d: Dimension): Record<string, number>[] {
  switch (d.scope) {
    case 'scenario': return [s.settings];
    case 'behaviour': return [s.behaviour];
    case 'segment': return d.segment === undefined ? s.segments.map((g) => g.values) : [s.segments[d.segment].values];
    case 'plan': return [s.baseline.values, ...s.proposed.map((p) => p.values)];
  }
}

/**
 * The cross-field rules of validateScenario that values drawn for non-plan keys can break, checked
 * cheaply (no allocation) for one trial: effort shares at least the floor, the resolving share leaving
 * the floor on each side, both sBG parameters above 0 or both 0, and service-driven churn under the
 * baseline plan no higher than the entered churn. Returns the first rule broken, as validation words
 * it, or undefined.
 */
export function trialInconsistency(s: Scenario): Problem | undefined {
  const b = s.behaviour;
  const floor = b.effortFloor;
  for (const key of EFFORT_KEYS) if (b[key] < floor) return effortFloorProblem(key, b[key], floor);
  if (b.resolveEffortShare < floor || 1 - b.resolveEffortShare < floor) return resolveFloorProblem(b.resolveEffortShare, floor);
  for (const g of s.segments) {
    const v = g.values;
    const prefix = s.segments.length > 1 ? `${g.name}.` : '';
    if ((v.sbgAlpha > 0) !== (v.sbgBeta > 0)) return sbgPairProblem(prefix, v.sbgAlpha, v.sbgBeta);
    const service = serviceChurnAtStart(v, b, s.baseline.values);
    if (service > v.churn + 1e-12) return serviceChurnProblem(prefix, v.churn, service);
  }
  return undefined;
}

/**
 * The uncertainty table a new or loaded scenario starts with (docs/uncertainty.md, "The default
 * table", gives each range and where it comes from). One place: the task pane's Uncertainty tab, the
 * Summary's "how sure" run and CEQ.SUMMARY's default all read DEFAULT_UNCERTAINTY.
 *
 * Each row is a distribution around the scenario's own value v, from low·v to high·v (kept inside the
 * key's valid range), with its mode at v. It covers the behavioural parameters nobody knows well and
 * the business assumptions that move the answer most. A row whose key is not in the catalogue (model
 * version 2's effortElasticity, nonCashPull, attritionElasticity before that model is merged) or
 * cannot vary in this scenario is left out, as is a row whose value is at its key's minimum (no range
 * around 0 can be defended). Segment keys get one row per segment when there are several (each
 * segment's own value; the segments' draws independent).
 */
import { findSpec, type AssumptionSpec, type Scenario } from '../model';
import type { DistributionKind } from './distributions';
import { validateUncertainty, type UncertaintyRow } from './uncertainty';

export interface DefaultUncertainty {
  key: string;
  kind: Extract<DistributionKind, 'triangular' | 'pert'>;
  /** Ends as factors of the scenario's value. */
  low: number;
  high: number;
  /** Why this range: the heading of its entry in docs/uncertainty.md's table. */
  source: 'incentiveResponse' | 'sellingElasticity' | 'judgement' | 'forecastError' | 'costOfCapital' | 'modelV2';
}

export const DEFAULT_UNCERTAINTY: readonly DefaultUncertainty[] = [
  // Behaviour: how pay moves effort and effort moves outcomes.
  { key: 'responsiveness', kind: 'pert', low: 0, high: 2, source: 'incentiveResponse' },
  { key: 'effortElasticity', kind: 'pert', low: 0.5, high: 1.5, source: 'modelV2' },
  { key: 'nonCashPull', kind: 'pert', low: 0.5, high: 1.5, source: 'modelV2' },
  { key: 'attritionElasticity', kind: 'pert', low: 0.5, high: 1.5, source: 'modelV2' },
  { key: 'elasticityAcquire', kind: 'triangular', low: 0.5, high: 1.5, source: 'sellingElasticity' },
  { key: 'elasticityRetain', kind: 'triangular', low: 0.5, high: 1.5, source: 'sellingElasticity' },
  { key: 'elasticityExpand', kind: 'triangular', low: 0.5, high: 1.5, source: 'sellingElasticity' },
  { key: 'elasticityResolution', kind: 'triangular', low: 0.5, high: 1.5, source: 'judgement' },
  // The business: the assumptions the Summary's drivers are usually made of.
  { key: 'churn', kind: 'triangular', low: 0.8, high: 1.25, source: 'forecastError' },
  { key: 'newCustomers', kind: 'triangular', low: 0.75, high: 1.2, source: 'forecastError' },
  { key: 'expansion', kind: 'triangular', low: 0.7, high: 1.3, source: 'forecastError' },
  { key: 'arpa', kind: 'triangular', low: 0.9, high: 1.1, source: 'forecastError' },
  { key: 'discountRate', kind: 'triangular', low: 0.8, high: 1.3, source: 'costOfCapital' },
];

/** The value of `key` in the scenario: the named segment's, the mean over segments, or the scenario's. */
export function valueIn(s: Scenario, spec: AssumptionSpec, segment = ''): number {
  const read = (r: object) => (r as Record<string, number>)[spec.key];
  if (spec.scope === 'segment') {
    const one = s.segments.find((g) => g.name === segment);
    if (one) return read(one.values);
    return s.segments.reduce((a, g) => a + read(g.values), 0) / s.segments.length;
  }
  return read(spec.scope === 'behaviour' ? s.behaviour : s.settings);
}

/** The default rows that apply to scenario `s`, each with its key's spec and segment ('' = every segment). */
export function defaultUncertaintyFor(s: Scenario): { row: DefaultUncertainty; spec: AssumptionSpec; segment: string }[] {
  const out: { row: DefaultUncertainty; spec: AssumptionSpec; segment: string }[] = [];
  for (const row of DEFAULT_UNCERTAINTY) {
    const spec = findSpec(row.key);
    if (!spec || spec.scope === 'plan') continue;
    const segments = spec.scope === 'segment' && s.segments.length > 1 ? s.segments.map((g) => g.name) : [''];
    for (const segment of segments) {
      if (!(valueIn(s, spec, segment) > spec.min)) continue;
      const probe: UncertaintyRow = { key: spec.key, ...(segment ? { segment } : {}), distribution: { kind: 'uniform', min: spec.min, max: spec.max } };
      if (validateUncertainty(s, [probe]).length > 0) continue;
      out.push({ row, spec, segment });
    }
  }
  return out;
}

/** The default table for scenario `s` as engine rows (exact values: no rounding for display). */
export function defaultUncertaintyRows(s: Scenario): UncertaintyRow[] {
  return defaultUncertaintyFor(s).map(({ row, spec, segment }) => {
    const v = valueIn(s, spec, segment);
    const clamp = (x: number) => Math.min(spec.max, Math.max(spec.min, x));
    const min = clamp(v * row.low);
    const max = clamp(v * row.high);
    const mode = clamp(v);
    return { key: spec.key, ...(segment ? { segment } : {}), distribution: { kind: row.kind, min, mode, max: max > min ? max : min + (spec.max - spec.min) * 1e-3 } };
  });
}

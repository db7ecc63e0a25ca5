import { findSpec, type AssumptionKey, compare, type Comparison, cloneScenario, type Scenario } from '../model';
import { projectPlan } from '../scenario';

/** Assumptions nobody knows well: the default candidates for "what matters most". */
export const UNCERTAIN_KEYS: readonly AssumptionKey[] = [
  'responsiveness', 'elasticityAcquire', 'elasticityRetain', 'elasticityExpand', 'elasticityResolution',
  'misSoldShare', 'overSellingElasticity', 'misSoldChurn', 'pChurnIfUnresolved', 'saveRate', 'womNegative',
  'womPositive', 'adoptionHalfLife', 'churn', 'expansion', 'newCustomers', 'discountRate',
];

export type ComparisonOutput = Exclude<keyof Comparison, 'crossoverPeriod' | 'breakevenPeriod'>;

/** Every comparison output a tornado or a swing may measure (checked by inclusion, never by indexing). */
export const COMPARISON_OUTPUTS: readonly ComparisonOutput[] = [
  'shortTermSacrifice', 'npvDelta', 'customerEquityBaseline', 'customerEquityProposed', 'customerEquityDelta', 'tenureNpvDelta',
  'year1RevenueDelta', 'finalYearRevenueDelta', 'year1CompCostDelta', 'finalYearCompCostDelta',
];

export function isComparisonOutput(name: unknown): name is ComparisonOutput {
  return typeof name === 'string' && (COMPARISON_OUTPUTS as readonly string[]).includes(name);
}

export interface Swing {
  key: AssumptionKey;
  /** The input values at the low and high end (for a segment key: the first segment's). */
  low: number;
  high: number;
  outputLow: number;
  outputHigh: number;
  /** |outputHigh − outputLow| */
  swing: number;
}

/**
 * Sets one assumption wherever it lives (scenario, behaviour, every segment, or every plan) to
 * `value(current)`, clamped to its valid range.
 */
export function withAssumption(s: Scenario, key: AssumptionKey, value: (current: number) => number): Scenario {
  const spec = findSpec(key);
  if (!spec) throw new Error(`unknown key ${key}`);
  const clamp = (x: number) => Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(x) : x));
  const out = cloneScenario(s);
  const set = (record: Record<string, number>) => { record[key] = clamp(value(record[key])); };
  if (spec.scope === 'scenario') set(out.settings);
  else if (spec.scope === 'behaviour') set(out.behaviour);
  else if (spec.scope === 'segment') out.segments.forEach((g) => set(g.values));
  else [out.baseline, ...out.proposed].forEach((p) => set(p.values));
  return out;
}

function outputOf(s: Scenario, output: ComparisonOutput, planIndex: number): number {
  const baseline = projectPlan(s, s.baseline.values);
  return compare(baseline, projectPlan(s, s.proposed[planIndex].values), s.settings)[output];
}

/**
 * One-at-a-time swing of each key by ±`relative` (20 % by default) on a comparison output of one
 * proposed plan, sorted by swing, largest first. Swings that break a cross-field rule are skipped.
 */
export function swings(
  s: Scenario,
  keys: readonly AssumptionKey[] = UNCERTAIN_KEYS,
  output: ComparisonOutput = 'customerEquityDelta',
  relative = 0.2,
  planIndex = 0,
): Swing[] {
  const rows: Swing[] = [];
  for (const key of keys) {
    const low = withAssumption(s, key, (x) => x * (1 - relative));
    const high = withAssumption(s, key, (x) => x * (1 + relative));
    try {
      const outputLow = outputOf(low, output, planIndex);
      const outputHigh = outputOf(high, output, planIndex);
      rows.push({ key, low: firstValue(low, key), high: firstValue(high, key), outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow) });
    } catch {
      // A swing outside what the equations accept says nothing about sensitivity: leave it out.
    }
  }
  return rows.sort((a, b) => b.swing - a.swing);
}

function firstValue(s: Scenario, key: AssumptionKey): number {
  const r = { ...s.settings, ...s.behaviour, ...s.segments[0].values, ...s.proposed[0]?.values } as Record<string, number>;
  return r[key];
}

/** The `count` assumptions that move the customer-equity delta most (the executive summary's list). */
export function topDrivers(s: Scenario, count = 3): Swing[] {
  if (s.proposed.length === 0) return [];
  return swings(s).slice(0, count);
}

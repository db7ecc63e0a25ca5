/**
 * The tornado (MODEL.md section 9): one at a time, each uncertain assumption moves from its P10 to its
 * P90 (the quantiles of its row in the uncertainty table, truncated to its valid range), or by ±20 %
 * of its current value where it has no row (keys from sensitivity.ts's UNCERTAIN_KEYS by default,
 * through its withAssumption), everything else held at the scenario's values; the rows are sorted by
 * how far a chosen comparison output moves. A swing whose scenario breaks a cross-field rule is
 * reported in `skipped`, not charted.
 */
import {
  type AssumptionKey, compare, cloneScenario, type Scenario, runWork, runWorkInSlices, type Progress,
  type SliceOptions, type Work,
} from '../model';
import { type Problem, invalid } from '../text';
import { projectPlan, assertValidScenario, validateScenario } from '../scenario';
import { COMPARISON_OUTPUTS, isComparisonOutput, UNCERTAIN_KEYS, withAssumption, type ComparisonOutput } from './sensitivity';
import { resolveUncertainty, targetsOf, type Dimension, type UncertaintyRow } from '../uncertainty';

export interface TornadoOptions {
  /** The comparison output whose movement is measured (default customerEquityDelta). */
  output?: ComparisonOutput;
  /** Which proposed plan is compared with the baseline (default 0, the first). */
  planIndex?: number;
  /** The relative swing of keys without a distribution (default 0.2, i.e. ±20 %). */
  relative?: number;
  /** Keys swung by ±relative when the table has no row for them (default UNCERTAIN_KEYS). */
  keys?: readonly AssumptionKey[];
}

export interface TornadoRow {
  /** The key, or "Segment.key" for a row that varies one segment. */
  label: string;
  /** Input at the low and high end (for a ±relative segment key: the first segment's). */
  low: number;
  high: number;
  outputLow: number;
  outputHigh: number;
  /** |outputHigh − outputLow| */
  swing: number;
  /** Where the ends come from: the row's P10 and P90, or ±relative. */
  source: 'distribution' | 'relative';
}

export interface TornadoResult {
  output: ComparisonOutput;
  /** The output with every assumption at its value. */
  base: number;
  rows: TornadoRow[];
  skipped: { label: string; problems: Problem[] }[];
}

interface Swing {
  label: string;
  source: TornadoRow['source'];
  low: Scenario;
  high: Scenario;
  lowValue: number;
  highValue: number;
}

function outputOf(s: Scenario, output: ComparisonOutput, planIndex: number): number {
  return compare(projectPlan(s, s.baseline.values), projectPlan(s, s.proposed[planIndex].values), s.settings)[output];
}

function withDimension(s: Scenario, d: Dimension, value: number): Scenario {
  const out = cloneScenario(s);
  for (const record of targetsOf(out, d)) record[d.key] = value;
  return out;
}

function firstValue(s: Scenario, key: AssumptionKey): number {
  const r = { ...s.settings, ...s.behaviour, ...s.segments[0].values } as Record<string, number>;
  return r[key];
}

function swingsOf(s: Scenario, dims: Dimension[], o: Required<TornadoOptions>): Swing[] {
  const out: Swing[] = dims.map((d) => {
    const lowValue = d.sampler.quantile(0.1);
    const highValue = d.sampler.quantile(0.9);
    return { label: d.label, source: 'distribution', low: withDimension(s, d, lowValue), high: withDimension(s, d, highValue), lowValue, highValue };
  });
  const covered = new Set(dims.map((d) => d.key as string));
  for (const key of o.keys) {
    if (covered.has(key)) continue;
    const low = withAssumption(s, key, (x) => x * (1 - o.relative));
    const high = withAssumption(s, key, (x) => x * (1 + o.relative));
    out.push({ label: key, source: 'relative', low, high, lowValue: firstValue(low, key), highValue: firstValue(high, key) });
  }
  return out;
}

function* tornadoSteps(s: Scenario, swings: Swing[], o: Required<TornadoOptions>): Work<TornadoResult> {
  const base = outputOf(s, o.output, o.planIndex);
  yield 1;
  const rows: TornadoRow[] = [];
  const skipped: TornadoResult['skipped'] = [];
  for (const w of swings) {
    const problems = [...validateScenario(w.low), ...validateScenario(w.high)];
    if (problems.length > 0) {
      skipped.push({ label: w.label, problems });
      yield 2;
      continue;
    }
    const outputLow = outputOf(w.low, o.output, o.planIndex);
    yield 1;
    const outputHigh = outputOf(w.high, o.output, o.planIndex);
    yield 1;
    rows.push({ label: w.label, low: w.lowValue, high: w.highValue, outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow), source: w.source });
  }
  // Largest swing first; equal swings in table order (a stable sort keeps the result deterministic).
  rows.sort((a, b) => b.swing - a.swing);
  return { output: o.output, base, rows, skipped };
}

interface TornadoSetup {
  work: Work<TornadoResult>;
  /** Comparisons to run: one for the base, two per swing (the unit of progress). */
  total: number;
}

function prepareTornado(s: Scenario, table: readonly UncertaintyRow[], options: TornadoOptions): TornadoSetup {
  assertValidScenario(s);
  const o: Required<TornadoOptions> = {
    output: options.output ?? 'customerEquityDelta', planIndex: options.planIndex ?? 0, relative: options.relative ?? 0.2,
    keys: options.keys ?? UNCERTAIN_KEYS,
  };
  if (!Number.isInteger(o.planIndex) || o.planIndex < 0 || o.planIndex >= s.proposed.length) {
    throw invalid({ code: 'outOfRange', key: 'planIndex', value: o.planIndex, min: 0, max: s.proposed.length - 1 });
  }
  if (!isComparisonOutput(o.output)) throw invalid({ code: 'notAllowed', key: 'output', value: String(o.output), suggestion: COMPARISON_OUTPUTS.join(', ') });
  if (!(o.relative > 0 && o.relative < 1)) throw invalid({ code: 'outOfRange', key: 'relative', value: o.relative, min: 0, max: 1 });
  const swings = swingsOf(s, resolveUncertainty(s, table), o);
  return { work: tornadoSteps(s, swings, o), total: 1 + 2 * swings.length };
}

/** The tornado as a generator (one unit per comparison), for a caller that drives it (work.ts). */
export function tornadoWork(s: Scenario, table: readonly UncertaintyRow[], options: TornadoOptions = {}): { work: Work<TornadoResult>; total: number } {
  return prepareTornado(s, table, options);
}

export function tornado(s: Scenario, table: readonly UncertaintyRow[], options: TornadoOptions & Progress = {}): TornadoResult {
  const { work, total } = prepareTornado(s, table, options);
  return runWork(work, total, { checkEvery: 8, ...options }, 'comparisons');
}

export function tornadoAsync(s: Scenario, table: readonly UncertaintyRow[], options: TornadoOptions & SliceOptions): Promise<TornadoResult> {
  const { work, total } = prepareTornado(s, table, options);
  return runWorkInSlices(work, total, { sliceUnits: 8, ...options }, 'comparisons');
}

/**
 * Monte Carlo over an uncertainty table (MODEL.md section 9).
 *
 * Each trial draws one value per row of the table, writes it into a copy of the scenario, projects the
 * baseline plan and every proposed plan with those same values (a paired comparison: the baseline
 * against itself gives a delta of exactly 0 in every trial), and keeps a few numbers per trial (NPV and
 * customer-equity deltas, crossover and break-even periods…) plus, for the chosen metrics, one number
 * per period. Nothing else of a trial is kept, so 100,000 trials of a 10-year annual scenario with the
 * default metric take about 40 MB.
 *
 * Draws (reproducible on every platform: random.ts documents the generator bit for bit):
 * - trial k uses the sub-stream `createRandom(seed).fork(k)`; its first D uniforms (D = rows of the
 *   table, in table order) are the trial's draws, so trial k can be reproduced on its own and the
 *   results do not depend on how the run was sliced or how far it got;
 * - with Latin hypercube sampling the first draws come instead from a hypercube of `trials` strata per
 *   row built from `createRandom(seed).fork(2^32 − 1)` (lhs.ts);
 * - each uniform u becomes a value by the row's inverse CDF, truncated to the key's valid range;
 * - a trial whose values break a cross-field rule of the model (service-driven churn above churn, an
 *   effort share below the floor…) is drawn again from its own sub-stream (plain draws, also under
 *   LHS), up to MAX_REDRAWS times: the joint distribution is truncated to consistent scenarios the way
 *   each row is truncated to its key's range. `redrawn` counts such trials.
 *
 * Statistics are exact (every stored value is used; mean, sample sd and PERCENTILE.INC as in stats.ts).
 */
import { RATE_METRICS, STOCK_METRICS, OPENING_METRICS, isMetric, type Metric } from './metrics';
import { discountFactor } from './discount';
import { invalid, ModelError, type Problem } from './errors';
import { latinHypercube } from './lhs';
import type { Projection } from './project';
import { createRandom, type RandomSource } from './random';
import { projectPlan } from './run';
import { cloneScenario, type Scenario } from './scenario';
import { summariseRun } from './montecarlo-summary';
import { resolveUncertainty, targetsOf, trialInconsistency, type Dimension, type UncertaintyRow } from './uncertainty';
import { assertValidScenario } from './validate';
import { runWork, runWorkInSlices, type Progress, type SliceOptions, type Work } from './work';
import type { MonteCarloResult, PlanTrials, SeriesKind } from './montecarlo-types';

export * from './montecarlo-types';
export { periodDistribution } from './montecarlo-summary';

export const MAX_TRIALS = 1_000_000;
/** Per-period values kept for the statistics (8 bytes each): 16 million is 128 MB. */
export const MAX_STORED_VALUES = 16_000_000;
export const MAX_REDRAWS = 100;
export const DEFAULT_TRIALS = 1000;
export const DEFAULT_SEED = 1;
/** The sub-stream the Latin hypercube is built from (trial sub-streams are 0 … trials − 1). */
export const LHS_STREAM = 0xffffffff;

export interface MonteCarloOptions {
  trials?: number;
  seed?: number | string;
  latinHypercube?: boolean;
  /** Metrics with per-period statistics (default contribution). */
  metrics?: readonly Metric[];
  /**
   * Which per-period series of each metric (default all four): the baseline, each proposed plan, each
   * delta (proposed − baseline) and each cumulative delta (flows only: not for stocks, openings, rates).
   */
  kinds?: readonly SeriesKind[];
}

/** One per-period series being collected: values[t · trials + k] is period t of trial k. */
export interface Store {
  metric: Metric;
  kind: SeriesKind;
  plan?: number;
  values: Float64Array;
}

/** Everything a run needs, prepared and checked before the first trial. */
export interface Setup {
  scenario: Scenario;
  trial: Scenario;
  dimensions: Dimension[];
  targets: Record<string, number>[][];
  trials: number;
  seed: number | string;
  latinHypercube: boolean;
  root: RandomSource;
  hypercube?: Float64Array[];
  periods: number;
  tenurePeriods: number;
  discount: Float64Array;
  rateVaries: boolean;
  metrics: Metric[];
  stores: Store[];
  inputs: Float64Array[];
  baselineEquity: Float64Array;
  outcomes: PlanTrials[];
  redrawn: number;
  /** Where each metric's total series starts in a projection's data (see offsetOf). */
  offsets: Map<Metric, number>;
}

const isFlow = (m: Metric) => !RATE_METRICS.has(m) && !STOCK_METRICS.has(m) && !OPENING_METRICS.has(m);

function checkTrials(trials: number): void {
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw invalid({ code: Number.isInteger(trials) ? 'outOfRange' : 'notInteger', key: 'trials', value: trials, min: 1, max: MAX_TRIALS });
  }
}

function storesOf(metrics: Metric[], kinds: readonly SeriesKind[], plans: number, size: number): Store[] {
  const stores: Store[] = [];
  for (const metric of metrics) {
    if (kinds.includes('baseline')) stores.push({ metric, kind: 'baseline', values: new Float64Array(size) });
    for (let j = 0; j < plans; j++) {
      for (const kind of ['proposed', 'delta', 'cumulativeDelta'] as const) {
        if (kinds.includes(kind) && (kind !== 'cumulativeDelta' || isFlow(metric))) stores.push({ metric, kind, plan: j, values: new Float64Array(size) });
      }
    }
  }
  return stores;
}

/** Checks everything and allocates the run; throws a ModelError before any trial runs. */
export function prepareMonteCarlo(s: Scenario, rows: readonly UncertaintyRow[], o: MonteCarloOptions = {}): Setup {
  assertValidScenario(s);
  const dimensions = resolveUncertainty(s, rows);
  const trials = o.trials ?? DEFAULT_TRIALS;
  checkTrials(trials);
  const metrics = [...(o.metrics ?? ['contribution'])];
  for (const m of metrics) if (!isMetric(m)) throw invalid({ code: 'unknownKey', key: `metric ${String(m)}` });
  const kinds = o.kinds ?? ['baseline', 'proposed', 'delta', 'cumulativeDelta'];
  const periods = s.settings.horizonYears * s.settings.periodsPerYear;
  const plans = s.proposed.length;
  const perTrial = storesOf(metrics, kinds, plans, 0).length * periods;
  if (perTrial * trials > MAX_STORED_VALUES) {
    throw invalid({ code: 'tooLarge', key: 'trials × periods × series', value: perTrial * trials, max: MAX_STORED_VALUES });
  }
  const seed = o.seed ?? DEFAULT_SEED;
  const root = createRandom(seed);
  const trial = cloneScenario(s);
  const lhs = o.latinHypercube === true;
  const ppy = s.settings.periodsPerYear;
  return {
    scenario: s, trial, dimensions, trials, seed, root, latinHypercube: lhs, periods,
    targets: dimensions.map((d) => targetsOf(trial, d)),
    hypercube: lhs ? latinHypercube(trials, dimensions.length, root.fork(LHS_STREAM)) : undefined,
    tenurePeriods: Math.min(periods, s.settings.tenureYears * ppy),
    discount: discountFactors(s, periods),
    rateVaries: dimensions.some((d) => d.key === 'discountRate'),
    metrics,
    stores: storesOf(metrics, kinds, plans, perTrial === 0 ? 0 : trials * periods),
    inputs: dimensions.map(() => new Float64Array(trials)),
    baselineEquity: new Float64Array(trials),
    outcomes: s.proposed.map(() => ({
      npvDelta: new Float64Array(trials), customerEquityDelta: new Float64Array(trials), tenureNpvDelta: new Float64Array(trials),
      shortTermSacrifice: new Float64Array(trials), crossoverPeriod: new Int32Array(trials), breakevenPeriod: new Int32Array(trials),
    })),
    redrawn: 0,
    offsets: new Map(),
  };
}

function discountFactors(s: Scenario, periods: number, out: Float64Array = new Float64Array(periods + 1)): Float64Array {
  const { discountRate, periodsPerYear, discountTiming, horizonYears } = s.settings;
  for (let t = 0; t < periods; t++) out[t] = discountFactor(discountRate, t, periodsPerYear, discountTiming === 1);
  // The last slot discounts the terminal value from the horizon (compare.ts customerEquity).
  out[periods] = Math.pow(1 + discountRate, -horizonYears);
  return out;
}

/** Draws trial k's values into the trial scenario (again, while they break a cross-field rule). */
function drawTrial(c: Setup, k: number): void {
  const stream = c.root.fork(k);
  const dims = c.dimensions;
  let broken: Problem | undefined;
  for (let attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
    for (let d = 0; d < dims.length; d++) {
      const u = attempt === 0 && c.hypercube ? c.hypercube[d][k] : stream.next();
      const x = dims[d].sampler.quantile(u);
      const key = dims[d].key;
      const targets = c.targets[d];
      for (let i = 0; i < targets.length; i++) targets[i][key] = x;
      c.inputs[d][k] = x;
    }
    broken = trialInconsistency(c.trial);
    if (broken === undefined) return;
    if (attempt === 0) c.redrawn++;
  }
  // The summary names the rule; the rule itself follows with its values, as validation says it.
  throw new ModelError('invalid', [{ code: 'inconsistent', key: 'uncertainty', detail: 'redrawsExhausted',
    args: { trial: k + 1, draws: MAX_REDRAWS + 1, rule: broken!.key ?? '' } }, broken!]);
}

/**
 * Where a metric's total series starts in a projection's data. The layout depends only on the
 * scenario's shape, the same in every trial, so it is read once (through Projection.series) and the
 * hot loop indexes the data directly instead of making a view per series per trial.
 */
function offsetOf(c: Setup, p: Projection, metric: Metric): number {
  let at = c.offsets.get(metric);
  if (at === undefined) {
    at = (p.series(metric).byteOffset - p.data.byteOffset) / Float64Array.BYTES_PER_ELEMENT;
    c.offsets.set(metric, at);
  }
  return at;
}

/** compare.ts's crossoverPeriod on running totals, for series at offsets in two data arrays. */
function crossoverAt(a: Float64Array, ai: number, b: Float64Array, bi: number, n: number): number {
  let sumA = 0, sumB = 0, from = 0;
  for (let t = 0; t < n; t++) {
    sumA += a[ai + t];
    sumB += b[bi + t];
    if (sumB >= sumA) { if (from === 0) from = t + 1; } else from = 0;
  }
  return from;
}

/** Projects trial k's baseline and proposed plans and records what the run keeps. */
function evaluateTrial(c: Setup, k: number): void {
  const s = c.trial;
  const P = c.periods;
  const T = c.trials;
  const df = c.rateVaries ? discountFactors(s, P, c.discount) : c.discount;
  const base = projectPlan(s, s.baseline.values);
  const bd = base.data;
  const contribution = offsetOf(c, base, 'contribution');
  const revenue = offsetOf(c, base, 'revenue');
  let pvBase = 0;
  for (let t = 0; t < P; t++) pvBase += bd[contribution + t] * df[t];
  const equityBase = pvBase + base.terminalValue[base.totalIndex] * df[P];
  c.baselineEquity[k] = equityBase;
  const proposals = s.proposed.map((p) => projectPlan(s, p.values));
  for (let j = 0; j < proposals.length; j++) {
    const p = proposals[j];
    const pd = p.data;
    const o = c.outcomes[j];
    let npv = 0, tenure = 0, pv = 0;
    for (let t = 0; t < P; t++) {
      const q = pd[contribution + t];
      const d = (q - bd[contribution + t]) * df[t];
      npv += d;
      if (t < c.tenurePeriods) tenure += d;
      pv += q * df[t];
    }
    const breakeven = crossoverAt(bd, contribution, pd, contribution, P);
    const before = breakeven === 0 ? P : breakeven - 1;
    let sacrifice = 0;
    for (let t = 0; t < before; t++) {
      const d = pd[contribution + t] - bd[contribution + t];
      if (d < 0) sacrifice += d;
    }
    o.npvDelta[k] = npv;
    o.tenureNpvDelta[k] = tenure;
    o.customerEquityDelta[k] = pv + p.terminalValue[p.totalIndex] * df[P] - equityBase;
    o.shortTermSacrifice[k] = sacrifice;
    o.breakevenPeriod[k] = breakeven;
    o.crossoverPeriod[k] = crossoverAt(bd, revenue, pd, revenue, P);
  }
  for (const store of c.stores) {
    const at = offsetOf(c, base, store.metric);
    const v = store.values;
    if (store.kind === 'baseline') {
      for (let t = 0; t < P; t++) v[t * T + k] = bd[at + t];
      continue;
    }
    const qd = proposals[store.plan!].data;
    if (store.kind === 'proposed') for (let t = 0; t < P; t++) v[t * T + k] = qd[at + t];
    else if (store.kind === 'delta') for (let t = 0; t < P; t++) v[t * T + k] = qd[at + t] - bd[at + t];
    else {
      let sum = 0;
      for (let t = 0; t < P; t++) v[t * T + k] = sum += qd[at + t] - bd[at + t];
    }
  }
}

function* simulate(c: Setup): Work<MonteCarloResult> {
  for (let k = 0; k < c.trials; k++) {
    drawTrial(c, k);
    evaluateTrial(c, k);
    yield 1;
  }
  return yield* summariseRun(c);
}

/** The run as a generator (one unit per trial), for a caller that drives it (see work.ts). Checks eagerly. */
export function monteCarloWork(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions = {}): Work<MonteCarloResult> {
  return simulate(prepareMonteCarlo(s, rows, options));
}

/** Runs every trial on this thread; `isCancelled` is checked every `checkEvery` trials. */
export function runMonteCarlo(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions & Progress = {}): MonteCarloResult {
  const c = prepareMonteCarlo(s, rows, options);
  return runWork(simulate(c), c.trials, options);
}

/** Runs the trials in slices, awaiting `options.pause()` between them (a Web Worker, an Excel function). */
export function runMonteCarloAsync(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions & SliceOptions): Promise<MonteCarloResult> {
  const c = prepareMonteCarlo(s, rows, options);
  return runWorkInSlices(simulate(c), c.trials, options);
}

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
 * - with a correlation matrix the first draws of the correlated rows (LHS or not) are re-paired across
 *   trials by Iman–Conover (montecarlo-draws.ts, iman-conover.ts); a matrix that is not positive
 *   definite is first repaired to the nearest correlation matrix and the result says so;
 * - each uniform u becomes a value by the row's inverse CDF, truncated to the key's valid range;
 * - a trial whose values break a cross-field rule of the model (service-driven churn above churn, an
 *   effort share below the floor…) is drawn again from its own sub-stream (plain draws, also under
 *   LHS), up to MAX_REDRAWS times: the joint distribution is truncated to consistent scenarios the way
 *   each row is truncated to its key's range. `redrawn` counts such trials.
 *
 * Statistics are exact (every stored value is used; mean, sample sd and PERCENTILE.INC as in stats.ts),
 * each mean and probability with its Monte Carlo standard error (montecarlo-errors.ts). A run may stop
 * early, at the first multiple of CHECKPOINT_TRIALS trials where every standard error is within a
 * tolerance. A run may also be one part (trials `from` … `to` − 1) of a run split over a pool of
 * workers (montecarlo-parts.ts): the parts' numbers are the whole run's, bit for bit.
 */
import { createRandom } from '../math';
import {
  cloneScenario, isMetric, OPENING_METRICS, RATE_METRICS, runWork, runWorkInSlices, STOCK_METRICS,
  type Metric, type Progress, type Scenario, type SliceOptions, type Work,
} from '../model';
import { planUsesQuotas } from '../quota';
import { assertValidScenario, Projector } from '../scenario';
import { invalid } from '../text';
import { firstDraws, resolveCorrelation } from './montecarlo-draws';
import { converged } from './montecarlo-errors';
import { summariseRunWork } from './montecarlo-summary';
import { discountFactors, drawTrial, evaluateTrial } from './montecarlo-trial';
import { resolveUncertainty, targetsOf, type UncertaintyRow } from './uncertainty';
import type { MonteCarloOptions, MonteCarloResult, PlanTrials, SeriesKind, Setup, Store } from './montecarlo-types';

export * from './montecarlo-types';
export { periodDistribution } from './montecarlo-summary';
export * from './montecarlo-draws';
export * from './montecarlo-errors';
export { MAX_REDRAWS } from './montecarlo-trial';

export const MAX_TRIALS = 1_000_000;
/** Per-period values kept for the statistics (8 bytes each): 16 million is 128 MB. */
export const MAX_STORED_VALUES = 16_000_000;
export const DEFAULT_TRIALS = 1000;
export const DEFAULT_SEED = 1;
/** A run with a tolerance checks it after every this many trials (the same trials whatever the pool size). */
export const CHECKPOINT_TRIALS = 500;

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
  const first = o.from ?? 0;
  const last = o.to ?? trials;
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last > trials || last < first) {
    throw invalid({ code: 'outOfRange', key: 'trials from … to', value: `${first} … ${last}`, min: 0, max: trials });
  }
  const count = last - first;
  const correlation = o.correlation && o.correlation.keys.length > 0 ? resolveCorrelation(dimensions, o.correlation) : undefined;
  return {
    scenario: s, trial, dimensions, trials, seed, root, latinHypercube: lhs, periods, first, count, correlation,
    tolerance: o.from === undefined && o.to === undefined ? o.tolerance : undefined,
    targets: dimensions.map((d) => targetsOf(trial, d)),
    columns: o.draws === false ? undefined : firstDraws(trials, dimensions, root, lhs, correlation, seed),
    tenurePeriods: Math.min(periods, s.settings.tenureYears * ppy),
    discount: discountFactors(s, periods),
    rateVaries: dimensions.some((d) => d.key === 'discountRate'),
    metrics,
    stores: storesOf(metrics, kinds, plans, perTrial === 0 ? 0 : count * periods),
    inputs: dimensions.map(() => new Float64Array(count)),
    baselineEquity: new Float64Array(count),
    outcomes: s.proposed.map(() => emptyTrials(count)),
    redrawn: 0,
    redrawnTrials: [],
    offsets: new Map(),
    projectors: projectorsFor(trial, metrics),
  };
}

/**
 * One projector per plan of the trial scenario, the baseline first (montecarlo-trial.ts), totalling
 * only what a trial reads: contribution and revenue, and the metrics kept per period.
 */
function projectorsFor(trial: Scenario, metrics: readonly Metric[]): Projector[] {
  const plans = [trial.baseline, ...trial.proposed];
  const flat = !plans.some((p) => planUsesQuotas(p.values));
  const totals: Metric[] = ['contribution', 'revenue', ...metrics];
  return plans.map(() => new Projector(flat, totals));
}

export function emptyTrials(n: number): PlanTrials {
  return {
    npvDelta: new Float64Array(n), customerEquityDelta: new Float64Array(n), tenureNpvDelta: new Float64Array(n),
    shortTermSacrifice: new Float64Array(n), crossoverPeriod: new Int32Array(n), breakevenPeriod: new Int32Array(n),
  };
}

/** Runs this setup's trials in order (stopping at a checkpoint within the tolerance, if one is set). */
export function* runTrials(c: Setup): Work<Setup> {
  const end = c.first + c.count;
  for (let k = c.first; k < end; k++) {
    drawTrial(c, k);
    evaluateTrial(c, k);
    yield 1;
    const n = k + 1 - c.first;
    if (c.tolerance && n < c.count && n % CHECKPOINT_TRIALS === 0 && converged(c.outcomes, c.baselineEquity, n, c.tenurePeriods, c.tolerance)) {
      return truncated(c, n);
    }
  }
  return c;
}

/** The setup's first n trials alone (per-period stores copied into an n-trial layout). */
export function truncated(c: Setup, n: number): Setup {
  const P = c.periods;
  const stores = c.stores.map((st) => {
    const values = new Float64Array(n * P);
    for (let t = 0; t < P; t++) values.set(st.values.subarray(t * c.count, t * c.count + n), t * n);
    return { ...st, values };
  });
  const cut = <A extends Float64Array | Int32Array>(a: A) => a.slice(0, n) as A;
  const redrawnTrials = c.redrawnTrials.filter((k) => k < c.first + n);
  return {
    ...c, count: n, stores, redrawnTrials, redrawn: redrawnTrials.length, inputs: c.inputs.map(cut), baselineEquity: cut(c.baselineEquity),
    outcomes: c.outcomes.map((o) => ({
      npvDelta: cut(o.npvDelta), customerEquityDelta: cut(o.customerEquityDelta), tenureNpvDelta: cut(o.tenureNpvDelta),
      shortTermSacrifice: cut(o.shortTermSacrifice), crossoverPeriod: cut(o.crossoverPeriod), breakevenPeriod: cut(o.breakevenPeriod),
    })),
  };
}

function* simulate(c: Setup): Work<MonteCarloResult> {
  return yield* summariseRunWork(yield* runTrials(c));
}

/** The run as a generator (one unit per trial), for a caller that drives it (see work.ts). Checks eagerly. */
export function monteCarloWork(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions = {}): Work<MonteCarloResult> {
  return simulate(prepareMonteCarlo(s, rows, options));
}

/** Runs every trial on this thread; `isCancelled` is checked every `checkEvery` trials. */
export function runMonteCarlo(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions & Progress = {}): MonteCarloResult {
  const c = prepareMonteCarlo(s, rows, options);
  return runWork(simulate(c), c.count, options);
}

/** Runs the trials in slices, awaiting `options.pause()` between them (a Web Worker, an Excel function). */
export function runMonteCarloAsync(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions & SliceOptions): Promise<MonteCarloResult> {
  const c = prepareMonteCarlo(s, rows, options);
  return runWorkInSlices(simulate(c), c.count, options);
}

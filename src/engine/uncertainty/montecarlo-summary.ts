/**
 * Turns the numbers a Monte Carlo run kept (montecarlo.ts) into its result: spreads, bands, shares.
 * Summarising up to 16 million kept values takes a third of a second, so the summary as work yields a
 * pause point (a step of 0 units, work.ts) after each SUMMARY_CHUNK values: a caller running in
 * slices pauses there.
 */
import type { Work } from '../model';
import type { MonteCarloResult, PeriodBands, PeriodDistribution, PlanOutcome, PlanTrials, SeriesStats, Setup } from './montecarlo-types';
import { converged, meanAndError, outcomeErrors } from './montecarlo-errors';
import { spreadOf } from '../math';

/** Values summarised between two pause points (a few milliseconds). */
const SUMMARY_CHUNK = 1_000_000;

function* bandsOf(values: Float64Array, trials: number, periods: number, scratch: Float64Array): Generator<number, PeriodBands, void> {
  const bands: PeriodBands = {
    mean: new Float64Array(periods), sd: new Float64Array(periods), p5: new Float64Array(periods), p10: new Float64Array(periods),
    p50: new Float64Array(periods), p90: new Float64Array(periods), p95: new Float64Array(periods),
  };
  let sinceBreak = 0;
  for (let t = 0; t < periods; t++) {
    if ((sinceBreak += trials) >= SUMMARY_CHUNK) {
      sinceBreak = 0;
      yield 0;
    }
    const s = spreadOf(values.subarray(t * trials, (t + 1) * trials), scratch);
    bands.mean[t] = s.mean;
    bands.sd[t] = s.sd;
    bands.p5[t] = s.p5;
    bands.p10[t] = s.p10;
    bands.p50[t] = s.p50;
    bands.p90[t] = s.p90;
    bands.p95[t] = s.p95;
  }
  return bands;
}

/** Counts of a 1-based period (0 = never) per period and per year. */
export function periodDistribution(periodOf: Int32Array, periods: number, periodsPerYear: number): PeriodDistribution {
  const byPeriod = new Array<number>(periods).fill(0);
  let never = 0;
  for (let k = 0; k < periodOf.length; k++) {
    const p = periodOf[k];
    if (p === 0) never++;
    else byPeriod[p - 1]++;
  }
  const byYear = new Array<number>(periods / periodsPerYear).fill(0);
  byPeriod.forEach((n, t) => { byYear[Math.floor(t / periodsPerYear)] += n; });
  return { byPeriod, byYear, never };
}

function shareAbove(values: Float64Array, threshold: number): number {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (values[k] > threshold) n++;
  return n / values.length;
}

function planOutcome(c: Setup, j: number, scratch: Float64Array): PlanOutcome {
  const o: PlanTrials = c.outcomes[j];
  const ppy = c.scenario.settings.periodsPerYear;
  let within = 0;
  for (let k = 0; k < c.count; k++) {
    const p = o.breakevenPeriod[k];
    if (p > 0 && p <= c.tenurePeriods) within++;
  }
  return {
    name: c.scenario.proposed[j].name,
    trials: o,
    npvDelta: spreadOf(o.npvDelta, scratch),
    customerEquityDelta: spreadOf(o.customerEquityDelta, scratch),
    tenureNpvDelta: spreadOf(o.tenureNpvDelta, scratch),
    shortTermSacrifice: spreadOf(o.shortTermSacrifice, scratch),
    pWinNpv: shareAbove(o.npvDelta, 0),
    pWinEquity: shareAbove(o.customerEquityDelta, 0),
    pBreakevenWithinTenure: within / c.count,
    crossover: periodDistribution(o.crossoverPeriod, c.periods, ppy),
    breakeven: periodDistribution(o.breakevenPeriod, c.periods, ppy),
    errors: outcomeErrors(o, c.count, c.tenurePeriods),
  };
}

/** The summary at once (the pool's collector, which pauses between parts instead). */
export function summariseRun(c: Setup): MonteCarloResult {
  const work = summariseRunWork(c);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** The summary as work: pause points between chunks of kept values. */
export function* summariseRunWork(c: Setup): Work<MonteCarloResult> {
  const scratch = new Float64Array(c.count);
  const series: SeriesStats[] = [];
  for (const store of c.stores) {
    series.push({
      metric: store.metric,
      kind: store.kind,
      ...(store.plan === undefined ? {} : { plan: store.plan }),
      bands: yield* bandsOf(store.values, c.count, c.periods, scratch),
    });
  }
  return {
    trials: c.count,
    requestedTrials: c.trials,
    ...(c.tolerance ? { converged: converged(c.outcomes, c.baselineEquity, c.count, c.tenurePeriods, c.tolerance) } : {}),
    ...(c.correlation ? { correlation: c.correlation } : {}),
    seed: c.seed,
    latinHypercube: c.latinHypercube,
    redrawn: c.redrawn,
    periods: c.periods,
    periodsPerYear: c.scenario.settings.periodsPerYear,
    tenurePeriods: c.tenurePeriods,
    dimensions: c.dimensions.map((d) => ({
      label: d.label, key: d.key, distribution: d.distribution,
      ...(d.segment === undefined ? {} : { segment: c.scenario.segments[d.segment].name }),
    })),
    inputs: c.inputs,
    baselineEquity: c.baselineEquity,
    baselineEquitySpread: spreadOf(c.baselineEquity, scratch),
    baselineEquityError: meanAndError(c.baselineEquity).se,
    plans: c.scenario.proposed.map((_, j) => planOutcome(c, j, scratch)),
    series,
  };
}

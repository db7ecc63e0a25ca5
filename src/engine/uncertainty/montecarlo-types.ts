/** What a Monte Carlo run returns (montecarlo.ts). Arrays indexed by trial have one entry per trial. */
import type { DistributionSpec } from './distributions';
import type { Metric, Scenario } from '../model';
import type { CorrelationInfo, CorrelationInput } from './montecarlo-draws';
import type { RandomSource, Spread } from '../math';
import type { Dimension } from './uncertainty';
import type { Projector } from '../scenario';

/** baseline, each proposed plan, their difference, and the running total of that difference. */
export type SeriesKind = 'baseline' | 'proposed' | 'delta' | 'cumulativeDelta';

/** One number per period (index 0 = period 1) for each statistic: a fan chart reads p10, p50, p90. */
export interface PeriodBands {
  mean: Float64Array;
  sd: Float64Array;
  p5: Float64Array;
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  p95: Float64Array;
}

export interface SeriesStats {
  metric: Metric;
  kind: SeriesKind;
  /** Index of the proposed plan (absent for the baseline). */
  plan?: number;
  bands: PeriodBands;
}

/** When something first happens for good (crossover, break-even), counted over the trials. */
export interface PeriodDistribution {
  /** byPeriod[t]: trials in which it happens in period t + 1. */
  byPeriod: number[];
  /** byYear[y]: trials in which it happens during year y + 1. */
  byYear: number[];
  /** Trials in which it never happens within the horizon. */
  never: number;
}

export interface PlanTrials {
  npvDelta: Float64Array;
  customerEquityDelta: Float64Array;
  tenureNpvDelta: Float64Array;
  shortTermSacrifice: Float64Array;
  /** 1-based period, 0 = never. */
  crossoverPeriod: Int32Array;
  breakevenPeriod: Int32Array;
}

export interface PlanOutcome {
  name: string;
  trials: PlanTrials;
  npvDelta: Spread;
  customerEquityDelta: Spread;
  tenureNpvDelta: Spread;
  shortTermSacrifice: Spread;
  /** Share of trials in which the proposal's NPV delta is above 0 (strictly: a tie is not a win). */
  pWinNpv: number;
  /** Share of trials in which the proposal's customer equity is above the baseline's. */
  pWinEquity: number;
  /** Share of trials that break even (cumulative contribution) within tenureYears. */
  pBreakevenWithinTenure: number;
  crossover: PeriodDistribution;
  breakeven: PeriodDistribution;
  /** The Monte Carlo standard error of each mean and probability above (montecarlo-errors.ts). */
  errors: OutcomeErrors;
}

export interface DimensionInfo {
  label: string;
  key: string;
  /** The segment's name when the row varies one segment. */
  segment?: string;
  distribution: DistributionSpec;
}

export interface MonteCarloResult {
  /** Trials run: fewer than requestedTrials when a tolerance stopped the run early. */
  trials: number;
  requestedTrials: number;
  /** Set when the run had a tolerance: whether every standard error got within it. */
  converged?: boolean;
  /** The rank correlations the draws were given (absent: independent rows). */
  correlation?: CorrelationInfo;
  seed: number | string;
  latinHypercube: boolean;
  /** Trials drawn again because their first values broke a rule of the model. */
  redrawn: number;
  periods: number;
  periodsPerYear: number;
  /** Periods within tenureYears (capped at the horizon). */
  tenurePeriods: number;
  dimensions: DimensionInfo[];
  /** inputs[d][k]: the value row d took in trial k. */
  inputs: Float64Array[];
  baselineEquity: Float64Array;
  baselineEquitySpread: Spread;
  /** Standard error of the baseline's mean customer equity. */
  baselineEquityError: number;
  plans: PlanOutcome[];
  series: SeriesStats[];
}

/** Standard-error tolerances a run may stop at (see montecarlo-errors.ts). */
export interface Tolerance {
  probability?: number;
  relativeMean?: number;
}

/** The standard error of every mean and probability a run reports for one proposed plan. */
export interface OutcomeErrors {
  npvDeltaMean: number;
  customerEquityDeltaMean: number;
  tenureNpvDeltaMean: number;
  shortTermSacrificeMean: number;
  pWinNpv: number;
  pWinEquity: number;
  pBreakevenWithinTenure: number;
}

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
  /** Rank correlations among rows of the table (by label); rows not named are independent. */
  correlation?: CorrelationInput;
  /** Stop at the first checkpoint where every standard error is within it (see montecarlo-errors.ts). */
  tolerance?: Tolerance;
  /** Run only trials from … to − 1 (a part of a pooled run; no tolerance then). */
  from?: number;
  to?: number;
  /** false: allocate and check only, draw nothing (the pool's collector, montecarlo-pool.ts). */
  draws?: boolean;
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
  /** Precomputed first draws (LHS, correlated rows) over all `trials`: columns[d][k]. */
  columns?: Float64Array[];
  correlation?: CorrelationInfo;
  tolerance?: Tolerance;
  /** This setup's trials are first … first + count − 1; its arrays hold `count` entries (index k − first). */
  first: number;
  count: number;
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
  /** The trials (indices) that were redrawn, in order. */
  redrawnTrials: number[];
  /** Where each metric's total series starts in a projection's data (see offsetOf). */
  offsets: Map<Metric, number>;
  /** One projector per plan, the baseline first: every trial projects into the same buffers. */
  projectors: Projector[];
}

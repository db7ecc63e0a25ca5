/**
 * Variance-based sensitivity from the trials of a Monte Carlo run (MODEL.md section 9), beside the
 * one-at-a-time tornado: for each uncertain input, its rank (Spearman) correlation with the chosen
 * output over the trials, and its contribution to the output's variance, ρ² / Σρ² (the normalised
 * squared rank correlations, as Crystal Ball and @RISK report it). Unlike the tornado it moves every
 * input at once, over its whole distribution, correlations included; the contributions are an
 * approximation that is exact for an additive model in the ranks of independent inputs, and read as
 * "share of the explained variation", not as a Sobol index.
 */
import { ranks, pearson } from './correlation';
import { invalid } from '../text';
import type { MonteCarloResult, PlanTrials } from './montecarlo-types';

export const SENSITIVITY_OUTPUTS = ['customerEquityDelta', 'npvDelta', 'tenureNpvDelta', 'shortTermSacrifice'] as const;
export type SensitivityOutput = (typeof SENSITIVITY_OUTPUTS)[number];

export interface VarianceRow {
  label: string;
  /** Spearman correlation of the input with the output over the trials, in [−1, 1]. */
  rankCorrelation: number;
  /** ρ² / Σρ² over the inputs, in [0, 1]; the rows add up to 1 (0 each when every ρ is 0). */
  contribution: number;
  /** Approximate standard error of ρ: (1 − ρ²) / √(n − 3) (Fisher's large-sample formula). */
  rankCorrelationError: number;
}

export interface VarianceSensitivity {
  output: SensitivityOutput;
  planIndex: number;
  trials: number;
  /** Largest contribution first. */
  rows: VarianceRow[];
}

export function varianceSensitivity(r: MonteCarloResult, output: SensitivityOutput = 'customerEquityDelta', planIndex = 0): VarianceSensitivity {
  if (!SENSITIVITY_OUTPUTS.includes(output)) throw invalid({ code: 'unknownKey', key: `output ${String(output)}` });
  if (!Number.isInteger(planIndex) || planIndex < 0 || planIndex >= r.plans.length) {
    throw invalid({ code: 'outOfRange', key: 'planIndex', value: planIndex, min: 0, max: r.plans.length - 1 });
  }
  const y: Float64Array = (r.plans[planIndex].trials as PlanTrials)[output];
  const ry = ranks(y);
  const n = y.length;
  const rhos = r.inputs.map((x) => pearson(ranks(x), ry));
  const total = rhos.reduce((a, v) => a + v * v, 0);
  const rows = r.dimensions.map((d, i) => ({
    label: d.label,
    rankCorrelation: rhos[i],
    contribution: total > 0 ? (rhos[i] * rhos[i]) / total : 0,
    rankCorrelationError: n > 3 ? (1 - rhos[i] * rhos[i]) / Math.sqrt(n - 3) : NaN,
  }));
  rows.sort((a, b) => b.contribution - a.contribution || a.label.localeCompare(b.label));
  return { output, planIndex, trials: n, rows };
}

/**
 * The first draws of every trial of a Monte Carlo run (montecarlo.ts), when they are not simply the
 * first uniforms of each trial's own sub-stream: under Latin hypercube sampling, and when some inputs
 * are correlated (Iman–Conover re-pairs the whole sample, iman-conover.ts). Either way the columns
 * depend only on the seed, the table, the matrix and the number of trials, so a worker that runs
 * trials 5,000 to 9,999 builds the same columns as one that runs them all and reads its slice: results
 * are identical whatever the pool size.
 */
import { correlationProblems, nearestCorrelation, type Matrix } from './correlation';
import { ModelError, type Problem } from '../text';
import { imanConover } from './iman-conover';
import { latinHypercube } from './lhs';
import type { RandomSource } from '../math';
import type { Dimension } from './uncertainty';

/** The sub-stream the Latin hypercube is built from (trial sub-streams are 0 … trials − 1). */
export const LHS_STREAM = 0xffffffff;
/** The sub-stream Iman–Conover's score permutations come from. */
export const CORRELATION_STREAM = 0xfffffffe;

/** A requested rank-correlation matrix: keys are row labels of the uncertainty table (churn, SMB.churn). */
export interface CorrelationInput {
  keys: readonly string[];
  matrix: Matrix;
}

/** The correlation a run used, in the order of `labels`. */
export interface CorrelationInfo {
  labels: string[];
  requested: Matrix;
  /** `requested` itself, or its nearest positive definite correlation matrix (Higham) when it was not. */
  used: Matrix;
  repaired: boolean;
  /** Largest change of any entry made by the repair. */
  largestChange: number;
}

/** Checks a requested matrix against the table's rows and repairs it if needed; throws every problem at once. */
export function resolveCorrelation(dims: readonly Dimension[], input: CorrelationInput): CorrelationInfo {
  const labels = dims.map((d) => d.label);
  const problems: Problem[] = [];
  input.keys.forEach((k, i) => {
    if (!labels.includes(k)) problems.push({ code: 'inconsistent', key: `correlation ${k}`, detail: 'correlationUnknownKey', args: { keys: labels.join(', ') } });
    else if (input.keys.indexOf(k) !== i) problems.push({ code: 'inconsistent', key: `correlation ${k}`, detail: 'variedTwice', args: { other: k } });
  });
  problems.push(...correlationProblems(input.matrix, input.keys));
  if (problems.length > 0) throw new ModelError('invalid', problems);
  const fixed = nearestCorrelation(input.matrix);
  return {
    labels: [...input.keys], requested: input.matrix.map((r) => [...r]), used: fixed.matrix,
    repaired: fixed.repaired, largestChange: fixed.largestChange,
  };
}

/**
 * The last columns built, by what they depend on: a worker of a pool runs several blocks of one run,
 * and each would otherwise build the same columns again. The columns are only ever read.
 */
let last: { key: string; columns: Float64Array[] } | undefined;

/**
 * Precomputed first draws (columns[d][k] for dimension d, trial k), or undefined when each trial simply
 * takes the first uniforms of its own sub-stream. `seed` is the one `root` was made from (the cache's key).
 */
export function firstDraws(trials: number, dims: readonly Dimension[], root: RandomSource, lhs: boolean, correlation: CorrelationInfo | undefined,
  seed: number | string): Float64Array[] | undefined {
  const correlated = correlation && correlation.labels.length > 1 && correlation.used.some((r, i) => r.some((v, j) => i !== j && v !== 0));
  if (!lhs && !correlated) return undefined;
  const index = correlated ? correlation.labels.map((l) => dims.findIndex((d) => d.label === l)) : [];
  const key = JSON.stringify([typeof seed, seed, trials, dims.length, lhs, index, correlated ? correlation.used : null]);
  if (last?.key === key) return last.columns;
  const columns = buildDraws(trials, dims, root, lhs, correlated ? { index, matrix: correlation.used } : undefined);
  last = { key, columns };
  return columns;
}

function buildDraws(trials: number, dims: readonly Dimension[], root: RandomSource, lhs: boolean, correlated?: { index: number[]; matrix: Matrix }): Float64Array[] {
  let columns: Float64Array[];
  if (lhs) columns = latinHypercube(trials, dims.length, root.fork(LHS_STREAM));
  else {
    columns = dims.map(() => new Float64Array(trials));
    for (let k = 0; k < trials; k++) {
      const stream = root.fork(k);
      for (let d = 0; d < dims.length; d++) columns[d][k] = stream.next();
    }
  }
  if (correlated) imanConover(correlated.index.map((d) => columns[d]), correlated.matrix, root.fork(CORRELATION_STREAM));
  return columns;
}

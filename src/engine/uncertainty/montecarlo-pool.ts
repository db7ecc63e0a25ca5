/**
 * A Monte Carlo run split over a pool of workers (MODEL.md section 9; the task pane's worker pool).
 *
 * Trial k's numbers depend only on the seed, the table, the matrix, the number of trials and k
 * (montecarlo.ts: sub-stream fork(k); precomputed columns built whole in every worker), so the run is
 * cut into blocks of trials, any worker runs any block (`runPart`), and the blocks are put back in
 * trial order into one setup whose summary is the single-threaded run's, bit for bit, whatever the
 * number of workers and however the blocks were shared out.
 *
 * A tolerance is checked exactly as the single-threaded run checks it: at each multiple of
 * CHECKPOINT_TRIALS, on the trials before it, as soon as they have all come back; blocks are
 * multiples of CHECKPOINT_TRIALS so the run stops at the same trial.
 */
import {
  cancelledError, runWork, runWorkInSlices, type Progress, type Scenario, type SliceOptions, type Work,
} from '../model';
import {
  CHECKPOINT_TRIALS, prepareMonteCarlo, runTrials, truncated, type MonteCarloOptions, type Setup,
} from './montecarlo';
import { converged, outcomeErrors } from './montecarlo-errors';
import { summariseRun } from './montecarlo-summary';
import type { MonteCarloResult, OutcomeErrors, PlanTrials } from './montecarlo-types';
import type { UncertaintyRow } from './uncertainty';

/** What one block of trials returns: plain data (typed arrays), so a worker can post it. */
export interface MonteCarloPart {
  from: number;
  to: number;
  redrawn: number;
  redrawnTrials: number[];
  inputs: Float64Array[];
  baselineEquity: Float64Array;
  outcomes: PlanTrials[];
  /** One array per per-period series, values[t · (to − from) + (k − from)]. */
  stores: Float64Array[];
}

function partOf(c: Setup): MonteCarloPart {
  return {
    from: c.first, to: c.first + c.count, redrawn: c.redrawn, redrawnTrials: c.redrawnTrials, inputs: c.inputs, baselineEquity: c.baselineEquity,
    outcomes: c.outcomes, stores: c.stores.map((s) => s.values),
  };
}

function* partWork(c: Setup): Work<MonteCarloPart> {
  return partOf(yield* runTrials(c));
}

/** Trials from … to − 1 of the run `options` describes (tolerance ignored: the pool checks it). */
export function runPart(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions & Progress, from: number, to: number): MonteCarloPart {
  const c = prepareMonteCarlo(s, rows, { ...options, from, to });
  return runWork(partWork(c), c.count, options);
}

export function runPartAsync(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions & SliceOptions, from: number, to: number): Promise<MonteCarloPart> {
  const c = prepareMonteCarlo(s, rows, { ...options, from, to });
  return runWorkInSlices(partWork(c), c.count, options);
}

/** Copies a part into the whole run's setup (allocated for all its trials). */
function place(c: Setup, p: MonteCarloPart): void {
  const n = p.to - p.from;
  p.inputs.forEach((v, d) => c.inputs[d].set(v, p.from));
  c.baselineEquity.set(p.baselineEquity, p.from);
  p.outcomes.forEach((o, j) => {
    const into = c.outcomes[j];
    into.npvDelta.set(o.npvDelta, p.from); into.customerEquityDelta.set(o.customerEquityDelta, p.from);
    into.tenureNpvDelta.set(o.tenureNpvDelta, p.from); into.shortTermSacrifice.set(o.shortTermSacrifice, p.from);
    into.crossoverPeriod.set(o.crossoverPeriod, p.from); into.breakevenPeriod.set(o.breakevenPeriod, p.from);
  });
  p.stores.forEach((values, i) => {
    for (let t = 0; t < c.periods; t++) c.stores[i].values.set(values.subarray(t * n, (t + 1) * n), t * c.count + p.from);
  });
  c.redrawn += p.redrawn;
  c.redrawnTrials.push(...p.redrawnTrials);
}

/** Blocks of trials for a pool: multiples of CHECKPOINT_TRIALS, about four per worker (at least one). */
export function blocksOf(trials: number, workers: number): { from: number; to: number }[] {
  const target = Math.ceil(trials / (4 * Math.max(1, workers)));
  const size = Math.max(CHECKPOINT_TRIALS, Math.ceil(target / CHECKPOINT_TRIALS) * CHECKPOINT_TRIALS);
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < trials; from += size) out.push({ from, to: Math.min(trials, from + size) });
  return out;
}

/** One member of a pool: runs a block and resolves with it (a Web Worker, or this thread in tests and the fallback). */
export interface PartRunner {
  run(from: number, to: number): Promise<MonteCarloPart>;
  /** Stops the block running now (its promise then rejects). */
  cancel?(): void;
}

export interface PoolProgress {
  /** Trials back, in a row from trial 1, the total, and each plan's standard errors over them. */
  onProgress?: (done: number, total: number, errors: OutcomeErrors[]) => void;
  isCancelled?: () => boolean;
}

/** Runs the whole Monte Carlo on `runners` (block by block, each runner taking the next block when free). */
export async function runPooled(s: Scenario, rows: readonly UncertaintyRow[], options: MonteCarloOptions, runners: readonly PartRunner[],
  progress: PoolProgress = {}): Promise<MonteCarloResult> {
  const { from: _from, to: _to, ...whole } = options;
  const setup = prepareMonteCarlo(s, rows, { ...whole, draws: false });
  const c = setup;
  const blocks = blocksOf(c.trials, runners.length);
  const arrived = new Array<boolean>(blocks.length).fill(false);
  let nextBlock = 0, prefixBlocks = 0, stopAt: number | undefined, failure: unknown;
  const contiguous = () => (prefixBlocks === 0 ? 0 : blocks[prefixBlocks - 1].to);
  const advance = () => {
    const before = contiguous();
    while (prefixBlocks < blocks.length && arrived[prefixBlocks]) prefixBlocks++;
    const now = contiguous();
    if (setup.tolerance && stopAt === undefined) {
      for (let n = (Math.floor(before / CHECKPOINT_TRIALS) + 1) * CHECKPOINT_TRIALS; n <= now && n < c.trials; n += CHECKPOINT_TRIALS) {
        if (converged(setup.outcomes, setup.baselineEquity, n, setup.tenurePeriods, setup.tolerance)) { stopAt = n; break; }
      }
    }
    if (now > before) progress.onProgress?.(now, c.trials, setup.outcomes.map((o) => outcomeErrors(o, now, setup.tenurePeriods)));
  };
  const worker = async (r: PartRunner) => {
    while (failure === undefined && stopAt === undefined && nextBlock < blocks.length) {
      if (progress.isCancelled?.()) throw cancelledError(contiguous(), c.trials);
      const i = nextBlock++;
      const part = await r.run(blocks[i].from, blocks[i].to);
      place(setup, part);
      arrived[i] = true;
      advance();
    }
  };
  await Promise.all(runners.map((r) => worker(r).catch((e: unknown) => {
    failure ??= e;
    for (const other of runners) if (other !== r) other.cancel?.();
  })));
  if (failure !== undefined) throw failure;
  if (progress.isCancelled?.()) throw cancelledError(contiguous(), c.trials);
  setup.redrawnTrials.sort((a, b) => a - b);
  return summariseRun(stopAt !== undefined ? truncated(setup, stopAt) : setup);
}

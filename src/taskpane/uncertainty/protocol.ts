/**
 * The messages between the pane and the Monte Carlo worker, and the worker's side of them.
 *
 *   pane → worker   { type: 'start', id, job }      a Monte Carlo run, a tornado or an optimisation
 *                   { type: 'cancel', id }
 *   worker → pane   { type: 'progress', id, done, total }   once per slice
 *                   { type: 'result', id, result }
 *                   { type: 'cancelled', id, done, total }
 *                   { type: 'error', id, message, problems? }
 *
 * Every job runs in slices (the engine's *Async drivers) and awaits `pause()` between them, so a
 * cancel message is handled within one slice (a few milliseconds). Everything posted is plain data
 * (structured clone): the optimiser's projection is dropped and its summary kept. This module imports
 * the engine only: the worker bundle carries no React or Fluent UI; the main-thread fallback
 * (runner.ts) runs the same handler.
 */
import {
  budgetValue, isCancellation, ModelError, objectiveValue, optimizePlanAsync, projectPlan, runMonteCarloAsync, runPartAsync, tornadoAsync,
  type CorrelationInput, type MonteCarloPart, type MonteCarloResult, type OptimizeOptions, type Tolerance, type PlanValues, type Problem, type Scenario, type TornadoOptions,
  type TornadoResult, type UncertaintyRow,
} from '../../engine';
import type { OptimumSummary } from '../../workbook/uncertainty-sheet';

export interface MonteCarloJob {
  kind: 'monteCarlo';
  scenario: Scenario;
  rows: UncertaintyRow[];
  trials: number;
  seed: number | string;
  latinHypercube: boolean;
  correlation?: CorrelationInput;
  tolerance?: Tolerance;
}

/** Trials from … to − 1 of a Monte Carlo run, for one worker of the pool (pool.ts). */
export interface MonteCarloPartJob extends Omit<MonteCarloJob, 'kind'> {
  kind: 'monteCarloPart';
  from: number;
  to: number;
}

export interface TornadoJob {
  kind: 'tornado';
  scenario: Scenario;
  rows: UncertaintyRow[];
  options: TornadoOptions;
}

export interface OptimizeJob {
  kind: 'optimize';
  scenario: Scenario;
  options: OptimizeOptions;
  /** The plan the optimum is set beside (its objective and budget use are reported too). */
  current: PlanValues;
}

export type Job = MonteCarloJob | MonteCarloPartJob | TornadoJob | OptimizeJob;

export interface JobResults {
  monteCarlo: MonteCarloResult;
  monteCarloPart: MonteCarloPart;
  tornado: TornadoResult;
  optimize: OptimumSummary;
}

export type Request = { type: 'start'; id: number; job: Job } | { type: 'cancel'; id: number };

export type Reply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: JobResults[Job['kind']] }
  | { type: 'cancelled'; id: number; done: number; total: number }
  | { type: 'error'; id: number; message: string; problems?: Problem[] };

/**
 * The per-period series a pane run keeps: the running total of the contribution delta, which the fan
 * chart and the workbook's statistics table read (one series per plan keeps 100,000 trials of a
 * 10-year annual scenario at 8 MB a plan). The draws do not depend on this choice.
 */
export const PANE_SERIES = { metrics: ['contribution'], kinds: ['cumulativeDelta'] } as const;

/** Trials per slice: about 10 ms of work whatever the scenario's length (a trial costs about 2 µs per period). */
export function trialsPerSlice(s: Scenario): number {
  const periods = s.settings.horizonYears * s.settings.periodsPerYear * (1 + s.proposed.length);
  return Math.max(10, Math.round(10_000 / periods));
}

async function runJob(job: Job, progress: { onProgress: (done: number, total: number) => void; isCancelled: () => boolean; pause: () => Promise<void> }):
  Promise<JobResults[Job['kind']]> {
  switch (job.kind) {
    case 'monteCarlo':
      return runMonteCarloAsync(job.scenario, job.rows, {
        trials: job.trials, seed: job.seed, latinHypercube: job.latinHypercube, correlation: job.correlation, tolerance: job.tolerance, ...PANE_SERIES,
        sliceUnits: trialsPerSlice(job.scenario), ...progress,
      });
    case 'monteCarloPart':
      return runPartAsync(job.scenario, job.rows, {
        trials: job.trials, seed: job.seed, latinHypercube: job.latinHypercube, correlation: job.correlation, ...PANE_SERIES,
        sliceUnits: trialsPerSlice(job.scenario), ...progress,
      }, job.from, job.to);
    case 'tornado':
      return tornadoAsync(job.scenario, job.rows, { ...job.options, sliceUnits: 4, ...progress });
    case 'optimize': {
      const r = await optimizePlanAsync(job.scenario, { ...job.options, sliceUnits: 20, ...progress });
      const current = projectPlan(job.scenario, job.current);
      const { projection: _projection, ...rest } = r;
      return {
        ...rest,
        current: job.current,
        currentValue: objectiveValue(current, job.scenario, r.objective),
        currentBudgetUsed: r.budget ? budgetValue(current, r.budget.kind) : undefined,
      };
    }
  }
}

/**
 * The worker's side: returns the function that handles each request, posting replies through `post`.
 * Several jobs may run at once (each awaits `pause` between slices); a cancel for a job that has
 * finished is ignored.
 */
export function createJobHandler(post: (r: Reply) => void, pause: () => Promise<void>): (r: Request) => void {
  const cancelled = new Set<number>();
  const running = new Set<number>();
  return (req) => {
    if (req.type === 'cancel') {
      if (running.has(req.id)) cancelled.add(req.id);
      return;
    }
    const { id, job } = req;
    running.add(id);
    let last = { done: 0, total: 0 };
    const progress = {
      onProgress: (done: number, total: number) => {
        last = { done, total };
        post({ type: 'progress', id, done, total });
      },
      isCancelled: () => cancelled.has(id),
      pause,
    };
    runJob(job, progress).then(
      (result) => post({ type: 'result', id, result }),
      (e: unknown) => {
        if (isCancellation(e)) post({ type: 'cancelled', id, done: Number(e.problems[0].value ?? last.done), total: last.total });
        else if (e instanceof ModelError) post({ type: 'error', id, message: e.message, problems: e.problems });
        else post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
      },
    ).finally(() => {
      running.delete(id);
      cancelled.delete(id);
    });
  };
}

/**
 * The pane's pool of Monte Carlo workers: hardware concurrency − 1 of them (at least 1, at most 8),
 * each a JobRunner (its own Web Worker, or this thread where there are none). A run is cut into
 * blocks of trials that the workers take in turn (engine montecarlo-pool.ts's runPooled); the result
 * is the same, bit for bit, whatever the pool's size. One pool serves the whole pane (the Summary's
 * short run and the Uncertainty tab's), created on first use.
 */
import { cancelledError, isCancellation, ModelError, runPooled, type MonteCarloResult, type OutcomeErrors, type PartRunner } from '../../engine';
import type { MonteCarloJob } from './protocol';
import { createRunner, type JobRunner, type Outcome } from './runner';

export const MAX_POOL = 8;

/** Workers for a machine with `cores` logical cores: all but one for the pane's own thread, 1 to 8. */
export function poolSize(cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined): number {
  return Math.min(MAX_POOL, Math.max(1, (Number.isFinite(cores) && cores ? cores : 2) - 1));
}

export type PoolProgress = (done: number, total: number, errors: OutcomeErrors[]) => void;

export interface PoolHandle {
  promise: Promise<Outcome<MonteCarloResult>>;
  cancel(): void;
}

const done = (e: unknown) => (isCancellation(e) ? Number(e.problems[0].value ?? 0) : 0);
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class MonteCarloPool {
  constructor(private readonly runners: readonly JobRunner[]) {}

  get size(): number { return this.runners.length; }

  /** Where the workers run: 'worker' when every one is a Web Worker. */
  get where(): 'worker' | 'main' { return this.runners.every((r) => r.where === 'worker') ? 'worker' : 'main'; }

  run(job: MonteCarloJob, onProgress?: PoolProgress): PoolHandle {
    let cancelled = false;
    const inFlight = new Set<{ cancel(): void }>();
    const { kind: _kind, ...rest } = job;
    const parts: PartRunner[] = this.runners.map((runner) => {
      let current: { cancel(): void } | undefined;
      return {
        run: async (from, to) => {
          const handle = runner.run<'monteCarloPart'>({ ...rest, kind: 'monteCarloPart', from, to });
          current = handle;
          inFlight.add(handle);
          const outcome = await handle.promise;
          inFlight.delete(handle);
          if (outcome.status === 'done') return outcome.result;
          if (outcome.status === 'error') throw new ModelError('invalid', outcome.problems ?? [{ code: 'inconsistent', key: 'worker', value: outcome.message }]);
          throw cancelledError(from, job.trials);
        },
        cancel: () => current?.cancel(),
      };
    });
    const started = now();
    const promise = runPooled(job.scenario, job.rows, {
      trials: job.trials, seed: job.seed, latinHypercube: job.latinHypercube, correlation: job.correlation, tolerance: job.tolerance,
      metrics: ['contribution'], kinds: ['cumulativeDelta'],
    }, parts, { onProgress, isCancelled: () => cancelled }).then(
      (result): Outcome<MonteCarloResult> => ({ status: 'done', result, ms: now() - started }),
      (e: unknown): Outcome<MonteCarloResult> => {
        if (cancelled || isCancellation(e)) return { status: 'cancelled', done: done(e), total: job.trials };
        if (e instanceof ModelError) return { status: 'error', message: e.message, problems: e.problems };
        return { status: 'error', message: e instanceof Error ? e.message : String(e) };
      },
    );
    return {
      promise,
      cancel: () => {
        cancelled = true;
        for (const h of inFlight) h.cancel();
      },
    };
  }

  dispose(): void {
    for (const r of this.runners) r.dispose();
  }
}

/** A pool of `size` runners. */
export async function createPool(size = poolSize()): Promise<MonteCarloPool> {
  return new MonteCarloPool(await Promise.all(Array.from({ length: size }, () => createRunner())));
}

let shared: Promise<MonteCarloPool> | undefined;

/** The pane's one pool. */
export function sharedPool(): Promise<MonteCarloPool> {
  return (shared ??= createPool());
}

/** For tests: forget the shared pool (its workers stopped). */
export function resetSharedPool(): void {
  void shared?.then((p) => p.dispose());
  shared = undefined;
}

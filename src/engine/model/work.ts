/**
 * Long computations (Monte Carlo, tornado, optimiser) are written once, as generators that yield after
 * each unit of work (a trial, a projection). Two drivers run them:
 * - `runWork`: synchronously, checking `isCancelled` and reporting progress every `checkEvery` units
 *   (a Web Worker that polls a shared flag, a test);
 * - `runWorkInSlices`: `sliceUnits` units at a time, awaiting `pause()` between slices so the caller's
 *   event loop can deliver a cancel message (a Web Worker's onmessage, Excel's onCanceled). The engine
 *   has no timers: the caller passes `pause` (e.g. `() => new Promise((r) => setTimeout(r, 0))`).
 * A step of 0 units is a pause point inside bookkeeping (summarising a run): no progress, but
 * `runWorkInSlices` ends its slice there.
 * A cancelled run stops at the next check and throws a ModelError with code `cancelled` whose value
 * is the number of units done ("the calculation was cancelled").
 */
import { ModelError } from '../text';

/** A computation: yields the number of units just done (usually 1), returns its result. */
export type Work<T> = Generator<number, T, void>;

export interface Progress {
  /** Units done so far, and the total when known in advance (Infinity otherwise). */
  onProgress?: (done: number, total: number) => void;
  /** Checked every `checkEvery` units; true stops the run. */
  isCancelled?: () => boolean;
  /** How often (in units) to check for cancellation and report progress. Default 1000. */
  checkEvery?: number;
}

export interface SliceOptions extends Progress {
  /** Resolves when the caller's event loop has had a turn. */
  pause: () => Promise<void>;
  /** Units run between two pauses (cancellation is checked at every pause too). Default checkEvery. */
  sliceUnits?: number;
}

export const DEFAULT_CHECK_EVERY = 1000;

/** The error a cancelled run throws: code `cancelled`, `value` = units done, `max` = the total. */
export function cancelledError(done: number, total: number, unit = 'trials'): ModelError {
  return new ModelError('invalid', [{ code: 'cancelled', key: unit, value: done, max: Number.isFinite(total) ? total : undefined }]);
}

export function isCancellation(e: unknown): e is ModelError {
  return e instanceof ModelError && e.problems.length === 1 && e.problems[0].code === 'cancelled';
}

function every(options: Progress): number {
  const n = options.checkEvery ?? DEFAULT_CHECK_EVERY;
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_CHECK_EVERY;
}

/** Runs `work` to the end on this thread. */
export function runWork<T>(work: Work<T>, total: number, options: Progress = {}, unit = 'trials'): T {
  const check = every(options);
  let done = 0;
  let next = check;
  for (;;) {
    const step = work.next();
    if (step.done) {
      options.onProgress?.(done, total);
      return step.value;
    }
    done += step.value;
    if (done >= next) {
      next = done + check;
      options.onProgress?.(done, total);
      if (options.isCancelled?.()) {
        work.return(undefined as never);
        throw cancelledError(done, total, unit);
      }
    }
  }
}

/** Runs `work` in slices, awaiting `pause()` between them. */
export async function runWorkInSlices<T>(work: Work<T>, total: number, options: SliceOptions, unit = 'trials'): Promise<T> {
  const slice = Math.max(1, Math.floor(options.sliceUnits ?? every(options)));
  let done = 0;
  for (;;) {
    if (options.isCancelled?.()) {
      work.return(undefined as never);
      throw cancelledError(done, total, unit);
    }
    const end = done + slice;
    while (done < end) {
      const step = work.next();
      if (step.done) {
        options.onProgress?.(done, total);
        return step.value;
      }
      done += step.value;
      if (step.value === 0) break;
    }
    options.onProgress?.(done, total);
    await options.pause();
  }
}

/**
 * Running a call of CEQ.SIMULATE, CEQ.TORNADO or CEQ.OPTIMIZE (uncertainty-table.ts) without freezing
 * Excel. Work is counted in units (a trial, a comparison, a projection), each costing its projected
 * segment-periods plus a projection's overhead, never timed, so a call behaves the same on every
 * machine:
 * - a call runs at once up to SYNC_WORK (with what preparing it projected) and returns its spill when
 *   it finishes within it;
 * - any other returns a Promise, gives the event loop a turn, and goes on in slices of SLICE_WORK (tens
 *   of milliseconds each; the summary of a long run pauses too), stopping at the next slice when Excel
 *   cancels it (the functions are @cancelable: Excel passes a CancelableInvocation whose onCanceled we
 *   set). Excel's runtime treats any custom function's result as possibly asynchronous (functions are
 *   async unless flagged supportSync), so a value and a Promise are both valid returns.
 */
import { runWorkInSlices, type Language } from '../engine';
import { coerceArgs } from './args';
import { checkArgumentSize, isBlank, type Cell } from './cells';
import { displayLanguage, invalidArgument, toFunctionError } from './errors';
import { unitOfLabel } from './ranges';
import { invoke, type FunctionDef } from './table';
import { UNCERTAIN_FUNCTIONS, type Job, type UncertainDef } from './uncertainty-table';

/** Work a call does at once (segment-periods and overheads, about a tenth of a second); above it the call runs in slices. */
export const SYNC_WORK = 100_000;
/** Work between two turns of the event loop. */
export const SLICE_WORK = 30_000;

/** What Excel passes last to a @cancelable function. */
export interface Invocation {
  onCanceled?: () => void;
}

/** Checks a finished result's cells through table.ts (rectangular, finite, capped), errors included. */
function respond(id: string, build: () => Cell[][]): Cell[][] {
  const def: FunctionDef = { id, args: [], result: 'matrix', core: build };
  return invoke(def, []) as Cell[][];
}

interface Timers {
  setTimeout?: (f: () => void, ms: number) => unknown;
  MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(m: unknown): void; close(): void } };
}

/**
 * Gives the event loop a turn (Excel's cancel notice arrives as a task): a MessageChannel message where
 * there is one (browsers clamp nested zero-delay timers to 4 ms), a timer otherwise.
 */
function pause(): Promise<void> {
  const g = globalThis as Timers;
  if (g.MessageChannel) {
    const channel = new g.MessageChannel();
    return new Promise((resolve) => {
      channel.port1.onmessage = () => {
        channel.port1.close();
        channel.port2.close();
        resolve();
      };
      channel.port2.postMessage(0);
    });
  }
  const timer = g.setTimeout;
  return timer ? new Promise((resolve) => { timer(resolve, 0); }) : Promise.resolve();
}

function prepare(d: UncertainDef, raw: readonly Cell[], language: Language): Job<unknown> {
  try {
    const values = d.args.map((a, i) => {
      if (a.type !== 'range') return coerceArgs([a] as const, [raw[i]])[0];
      checkArgumentSize(a.name, raw[i]);
      if (!a.optional && isBlank(raw[i])) throw invalidArgument({ code: 'missing', key: a.name });
      return undefined;
    });
    return d.job(values, raw);
  } catch (e) {
    throw toFunctionError(e, language, unitOfLabel);
  }
}

/** Runs up to `units` units of a job's work on this thread (none when units ≤ 0); errors as Excel shows them. */
function advance(job: Job<unknown>, units: number, language: Language): IteratorResult<number, unknown> {
  if (units <= 0) return { done: false, value: 0 };
  try {
    let done = 0;
    for (;;) {
      const step = job.work.next();
      if (step.done || (done += step.value) >= units) return step;
    }
  } catch (e) {
    throw toFunctionError(e, language, unitOfLabel);
  }
}

/**
 * The flag Excel's onCanceled sets. Made apart from the run, so that the handler Excel keeps on its
 * invocation object (for as long as it likes) holds this flag only, never the run and its arrays.
 */
function cancelFlag(invocation?: Invocation): { cancelled: boolean } {
  const flag = { cancelled: false };
  if (invocation && typeof invocation === 'object') invocation.onCanceled = () => { flag.cancelled = true; };
  return flag;
}

/** One call as Excel makes it: a result, a Promise of one, or a thrown CustomFunctions error. */
export function callUncertain(id: string, raw: readonly Cell[], invocation?: Invocation): Cell[][] | Promise<Cell[][]> {
  const d = UNCERTAIN_FUNCTIONS.find((f) => f.id === id)!;
  const language = displayLanguage();
  const job = prepare(d, raw, language);
  const first = advance(job, Math.floor((SYNC_WORK - job.spent) / job.unitCost), language);
  if (first.done) return respond(id, () => job.format(first.value));
  const flag = cancelFlag(invocation);
  const sliceUnits = Math.max(1, Math.floor(SLICE_WORK / job.unitCost));
  const format = job.format;
  // A turn of the event loop first: this call has done its share at once already.
  return pause().then(() => runWorkInSlices(job.work, job.total, { pause, sliceUnits, isCancelled: () => flag.cancelled }, job.unit))
    .then((result) => respond(id, () => format(result)), (e) => { throw toFunctionError(e, language, unitOfLabel); });
}

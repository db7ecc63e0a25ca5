import * as React from 'react';
import type { OutcomeErrors, Problem } from '../../engine';
import type { Job, JobResults } from './protocol';
import { createRunner, type JobRunner } from './runner';

/** One runner (one worker) for the tab, started on the first job and stopped when the tab goes away. */
export function useRunner(): () => Promise<JobRunner> {
  const runner = React.useRef<Promise<JobRunner>>();
  React.useEffect(() => () => {
    void runner.current?.then((r) => r.dispose());
    runner.current = undefined;
  }, []);
  return React.useCallback(() => (runner.current ??= createRunner()), []);
}

/** A finished job's result, with what it was computed for (so the screen can tell when it is out of date). */
export interface Done<T, M> {
  result: T;
  meta: M;
  ms: number;
  where: 'worker' | 'main';
}

export type JobState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; cancelling: boolean; /** A pooled Monte Carlo's standard errors so far, per plan. */ errors?: OutcomeErrors[] }
  | { status: 'cancelled'; done: number; total: number }
  | { status: 'error'; message: string; problems?: Problem[] };

/**
 * Runs jobs of one kind, one at a time: a new start cancels the one before. `onDone` receives each
 * result with the `meta` it was started with.
 */
export function useJob<K extends Job['kind'], M>(getRunner: () => Promise<JobRunner>, onDone: (d: Done<JobResults[K], M>) => void) {
  const [state, setState] = React.useState<JobState>({ status: 'idle' });
  const current = React.useRef<{ cancel(): void; token: object }>();
  const done = React.useRef(onDone);
  done.current = onDone;

  const start = React.useCallback(async (job: Extract<Job, { kind: K }>, meta: M) => {
    current.current?.cancel();
    const token = {};
    // Cancel may come before the runner (and so the job) exists: remember it and pass it on.
    const job$: { handle?: { cancel(): void }; wanted?: boolean } = {};
    current.current = { cancel: () => { job$.wanted = true; job$.handle?.cancel(); }, token };
    setState({ status: 'running', done: 0, total: 0, cancelling: false });
    const runner = await getRunner();
    if (current.current?.token !== token) return;
    const run = runner.run<K>(job, (d, total) => {
      if (current.current?.token === token) setState((s) => (s.status === 'running' ? { ...s, done: d, total } : s));
    });
    job$.handle = run;
    if (job$.wanted) run.cancel();
    const outcome = await run.promise;
    if (current.current?.token !== token) return;
    current.current = undefined;
    if (outcome.status === 'done') {
      setState({ status: 'idle' });
      done.current({ result: outcome.result, meta, ms: outcome.ms, where: runner.where });
    } else if (outcome.status === 'cancelled') setState({ status: 'cancelled', done: outcome.done, total: outcome.total });
    else setState({ status: 'error', message: outcome.message, problems: outcome.problems });
  }, [getRunner]);

  const cancel = React.useCallback(() => {
    if (!current.current) return;
    current.current.cancel();
    setState((s) => (s.status === 'running' ? { ...s, cancelling: true } : s));
  }, []);

  return { state, start, cancel };
}

import * as React from 'react';
import type { MonteCarloResult } from '../../engine';
import { sharedPool, type MonteCarloPool } from './pool';
import type { MonteCarloJob } from './protocol';
import type { Done, JobState } from './useJob';

/**
 * Monte Carlo runs on the pane's worker pool, one at a time: a new start cancels the one before (as
 * useJob does for a single worker). While a run goes, the state carries each plan's standard errors
 * over the trials back so far, for the progress bar.
 */
export function usePooledMonteCarlo<M>(onDone: (d: Done<MonteCarloResult, M>) => void, getPool: () => Promise<MonteCarloPool> = sharedPool) {
  const [state, setState] = React.useState<JobState>({ status: 'idle' });
  const current = React.useRef<{ cancel(): void; token: object }>();
  const done = React.useRef(onDone);
  done.current = onDone;
  React.useEffect(() => () => current.current?.cancel(), []);

  const start = React.useCallback(async (job: MonteCarloJob, meta: M) => {
    current.current?.cancel();
    const token = {};
    const run$: { handle?: { cancel(): void }; wanted?: boolean } = {};
    current.current = { cancel: () => { run$.wanted = true; run$.handle?.cancel(); }, token };
    setState({ status: 'running', done: 0, total: job.trials, cancelling: false });
    const pool = await getPool();
    if (current.current?.token !== token) return;
    const handle = pool.run(job, (d, total, errors) => {
      if (current.current?.token === token) setState((s) => (s.status === 'running' ? { ...s, done: d, total, errors } : s));
    });
    run$.handle = handle;
    if (run$.wanted) handle.cancel();
    const outcome = await handle.promise;
    if (current.current?.token !== token) return;
    current.current = undefined;
    if (outcome.status === 'done') {
      setState({ status: 'idle' });
      done.current({ result: outcome.result, meta, ms: outcome.ms, where: pool.where });
    } else if (outcome.status === 'cancelled') setState({ status: 'cancelled', done: outcome.done, total: outcome.total });
    else setState({ status: 'error', message: outcome.message, problems: outcome.problems });
  }, [getPool]);

  const cancel = React.useCallback(() => {
    if (!current.current) return;
    current.current.cancel();
    setState((s) => (s.status === 'running' ? { ...s, cancelling: true } : s));
  }, []);

  return { state, start, cancel };
}

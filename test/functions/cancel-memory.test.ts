/**
 * A cancelled CEQ.SIMULATE lets its memory go: Excel keeps the invocation object (and the onCanceled
 * handler we set on it) for as long as it likes, so the handler must hold nothing of the run. Six
 * cancelled 100,000-trial runs allocate about 26 MB each; after a garbage collection the memory still
 * in use must be well under three runs' worth (the collector may not have released the last one yet).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { UNCERTAINTY_BY_ID } from '../../src/functions/uncertainty';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const simulate = UNCERTAINTY_BY_ID['SIMULATE'] as (...args: unknown[]) => unknown;
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 2 ** 20;
const TRIALS = 100_000;
const PERIODS = 24;
/** What one run allocates: the kept series, one input, the baseline equity and six outcome arrays per trial. */
const PER_RUN = (TRIALS * (PERIODS + 8) * 8) / MB;

/** Lets pending tasks (and the collector's finalisation) run, without waiting on a clock. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

it('keeps nothing of six cancelled 100,000-trial runs once they have stopped', async () => {
  const kept: { onCanceled?: () => void }[] = [];
  gc();
  await turn();
  const before = memory();
  for (let i = 0; i < 6; i++) {
    const invocation: { onCanceled?: () => void } = {};
    const result = simulate([['horizonYears', 2], ['periodsPerYear', 12]], [['commissionNew', 0.1]], [['commissionNew', 0.12]],
      [['churn', 'uniform', 0.05, 0.2]], TRIALS, 1, 'cumulative_contribution', null, null, invocation) as Promise<unknown>;
    expect(typeof invocation.onCanceled).toBe('function');
    invocation.onCanceled!();
    await expect(result).rejects.toMatchObject({ message: 'the calculation was cancelled' });
    kept.push(invocation); // as Excel does
  }
  gc();
  await turn();
  gc();
  const retained = (memory() - before) / MB;
  console.log(`cancelled runs kept by their invocations: ${kept.length} of ${PER_RUN.toFixed(1)} MB each; memory still in use: ${retained.toFixed(1)} MB`);
  expect(retained).toBeLessThan(3 * PER_RUN);
}, 120_000);

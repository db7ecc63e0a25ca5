/**
 * A cancelled CEQ.SIMULATE lets its memory go: Excel keeps the invocation object (and the onCanceled
 * handler we set on it) for as long as it likes, so the handler must hold nothing of the run. Three
 * cancelled 100,000-trial runs allocate about 50 MB each; after a garbage collection the heap must not
 * have kept them.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { UNCERTAINTY_BY_ID } from '../../src/functions/uncertainty';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const simulate = UNCERTAINTY_BY_ID['CEQ.SIMULATE'] as (...args: unknown[]) => unknown;
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 2 ** 20;

it('keeps nothing of three cancelled 100,000-trial runs once they have stopped', async () => {
  const kept: { onCanceled?: () => void }[] = [];
  const run = async () => {
    const invocation: { onCanceled?: () => void } = {};
    const result = simulate([['horizonYears', 5], ['periodsPerYear', 12]], [['commissionNew', 0.1]], [['commissionNew', 0.12]],
      [['churn', 'uniform', 0.05, 0.2]], 100_000, 1, 'cumulative_contribution', invocation) as Promise<unknown>;
    expect(typeof invocation.onCanceled).toBe('function');
    invocation.onCanceled!();
    await expect(result).rejects.toMatchObject({ message: 'the calculation was cancelled' });
    kept.push(invocation); // as Excel does
  };
  await run(); // warm-up: code and caches that stay anyway
  gc();
  const before = memory();
  for (let i = 0; i < 3; i++) await run();
  gc();
  const retained = (memory() - before) / MB;
  console.log(`cancelled runs: ${kept.length}, memory kept after the last three: ${retained.toFixed(1)} MB`);
  expect(retained).toBeLessThan(30);
});

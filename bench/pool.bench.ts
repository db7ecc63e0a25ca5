/**
 * Monte Carlo trials per second on one thread and on a pool of worker threads (node's worker_threads
 * standing in for the pane's Web Workers; the same engine runPooled and block split), the Monte Carlo
 * bench's scenario and table, 40,000 trials, LHS off. The pool's result is checked equal to the
 * single-threaded one. On a shared 2-core machine the pool cannot beat one thread by much: the figure
 * printed says how many cores there were.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { runMonteCarlo, runPart, runPooled, type MonteCarloPart, type PartRunner } from '../src/engine';
import { scenario, TABLE } from './montecarlo.bench';

const TRIALS = 40_000;
const OPTIONS = { trials: TRIALS, seed: 7, kinds: [] as [] };

/** Runs inside each worker thread: blocks in, parts out (their typed arrays transferred). */
export function worker(): void {
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const s = scenario();
  parentPort!.on('message', ({ from, to }: { from: number; to: number }) => {
    const part = runPart(s, TABLE, OPTIONS, from, to);
    const buffers = [...part.inputs, part.baselineEquity, ...part.outcomes.flatMap((o) => Object.values(o) as ArrayBufferView[])].map((a) => (a as Float64Array).buffer);
    parentPort!.postMessage(part, buffers as ArrayBuffer[]);
  });
}

function threadRunner(file: string): PartRunner & { stop(): Promise<number> } {
  const w = new Worker(`require(${JSON.stringify(file)}).worker()`, { eval: true });
  return {
    run: (from, to) => new Promise<MonteCarloPart>((resolve, reject) => {
      // Each listener goes when the other fires, so a long run does not pile them up on the worker.
      const onError = (error: Error) => {
        w.off('message', onMessage);
        reject(error);
      };
      const onMessage = (part: MonteCarloPart) => {
        w.off('error', onError);
        resolve(part);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage({ from, to });
    }),
    stop: () => w.terminate(),
  };
}

export async function run(): Promise<string[]> {
  const s = scenario();
  runMonteCarlo(s, TABLE, { ...OPTIONS, trials: 2000 }); // warm-up
  const start = performance.now();
  const single = runMonteCarlo(s, TABLE, OPTIONS);
  const singleRate = TRIALS / ((performance.now() - start) / 1000);
  const cores = availableParallelism();
  const lines = [`pool: ${cores} logical cores here; one thread ${singleRate.toFixed(0)} trials/s (${TRIALS.toLocaleString('en')} trials, 10 years x 3 segments)`];
  for (const size of [...new Set([Math.min(8, Math.max(1, cores - 1)), 2, 4])]) {
    const runners = Array.from({ length: size }, () => threadRunner(__filename));
    await runPooled(s, TABLE, { ...OPTIONS, trials: 4 * 500 * size }, runners); // warm-up each thread
    const t0 = performance.now();
    const pooled = await runPooled(s, TABLE, OPTIONS, runners);
    const rate = TRIALS / ((performance.now() - t0) / 1000);
    await Promise.all(runners.map((r) => r.stop()));
    const same = pooled.plans[0].pWinEquity === single.plans[0].pWinEquity && pooled.plans[0].customerEquityDelta.mean === single.plans[0].customerEquityDelta.mean;
    lines.push(`pool:   ${size} worker thread(s): ${rate.toFixed(0)} trials/s (${(rate / singleRate).toFixed(2)}x one thread; same result as one thread: ${same ? 'yes' : 'NO'})`);
  }
  return lines;
}

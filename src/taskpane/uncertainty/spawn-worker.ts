/**
 * Starts the Monte Carlo worker. Alone in its module because `import.meta` is what webpack 5 reads to
 * emit the worker as its own chunk, and what jest's CommonJS cannot parse: runner.ts imports this
 * module only where a Worker exists (never in jsdom).
 */
export function spawnWorker(): Worker {
  return new Worker(/* webpackChunkName: "monte-carlo-worker" */ new URL('./monte-carlo.worker.ts', import.meta.url));
}

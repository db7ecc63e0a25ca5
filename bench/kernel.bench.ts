/**
 * The projection inside a Monte Carlo trial against the bare loop of the same arithmetic
 * (bench/kernel.ts), side by side in one run on the Monte Carlo bench's scenario (10 years × 3
 * segments, annual): time per projection of one plan, and their ratio (issue 14's target: at most 3×;
 * the rewrite of project.ts that would meet it is deferred). Also the whole trial (draws, two
 * projections, the per-trial summary) against two kernel calls. Best of three rounds each.
 */
import { performance } from 'node:perf_hooks';
import { cloneScenario, projectPlan, runMonteCarlo } from '../src/engine';
import { createKernel, kernelContribution } from './kernel';
import { scenario, TABLE } from './montecarlo.bench';

const COUNT = 100_000;

function best(f: () => number): number {
  let t = Infinity;
  for (let i = 0; i < 3; i++) t = Math.min(t, f());
  return t;
}

export async function run(): Promise<string[]> {
  const s = cloneScenario(scenario());
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  const kernel = createKernel(s.segments.length, P);
  const plans = [s.baseline.values, s.proposed[0].values];
  let sink = 0;
  const projection = best(() => {
    const start = performance.now();
    for (let i = 0; i < COUNT; i++) sink += projectPlan(s, plans[i & 1]).value('contribution', P - 1);
    return (performance.now() - start) / COUNT;
  });
  const bare = best(() => {
    const start = performance.now();
    for (let i = 0; i < COUNT; i++) {
      kernel.run(s, plans[i & 1]);
      sink += kernelContribution(kernel, P - 1);
    }
    return (performance.now() - start) / COUNT;
  });
  const trials = 20_000;
  const trial = best(() => {
    const start = performance.now();
    runMonteCarlo(s, TABLE, { trials, seed: 1, kinds: [] });
    return (performance.now() - start) / trials;
  });
  kernel.run(s, plans[1]);
  const engine = projectPlan(s, plans[1]);
  let worst = 0;
  for (let t = 0; t < P; t++) worst = Math.max(worst, Math.abs(kernelContribution(kernel, t) - engine.value('contribution', t)) / Math.abs(engine.value('contribution', t)));
  if (!Number.isFinite(sink)) throw new Error('no result');
  const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
  return [
    `kernel: one projection (10 years x 3 segments, annual): engine projectPlan ${us(projection)}, bare loop ${us(bare)}: ratio ${(projection / bare).toFixed(1)}x (target ≤ 3x: ${projection / bare <= 3 ? 'met' : 'NOT met; the project.ts rewrite is deferred'})`,
    `kernel:   a whole trial (draws, 2 projections, summary, default kinds off) ${us(trial)} = ${(trial / (2 * bare)).toFixed(1)}x two bare loops`,
    `kernel:   the bare loop's contribution differs from the engine's by up to ${(100 * worst).toFixed(1)} % per period (a yardstick of the same arithmetic, not the same model)`,
  ];
}

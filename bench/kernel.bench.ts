/**
 * The projection inside a Monte Carlo trial against a bare loop of the same arithmetic
 * (bench/kernel.ts), side by side in one run on the Monte Carlo bench's scenario (10 years × 3
 * segments, annual): time per projection of one plan and their ratio (issue 14's target: at most 3×),
 * for the projector a trial uses (buffers reused) and for projectPlan (a new projection each call).
 * Also the whole trial (draws, two projections, the per-trial summary) against two kernel calls, and
 * the largest difference between the kernel's contribution and terminal value and the engine's.
 * Best of three interleaved rounds each, after a warm-up round.
 */
import { performance } from 'node:perf_hooks';
import { cloneScenario, projectPlan, runMonteCarlo, type PlanValues, type Scenario } from '../src/engine';
import { Projector } from '../src/engine';
import { createKernel, type Kernel } from './kernel';
import { scenario, TABLE } from './montecarlo.bench';

const COUNT = 100_000;

function best(f: () => number): number {
  let t = Infinity;
  for (let i = 0; i < 3; i++) t = Math.min(t, f());
  return t;
}

/** Largest relative difference between the kernel's contribution (every segment and period, and the total) and terminal values and the engine's. */
export function kernelDifference(s: Scenario, plan: PlanValues, kernel: Kernel = createKernel(s.segments.length, s.settings.horizonYears)): number {
  kernel.run(s, plan);
  const engine = projectPlan(s, plan);
  const P = engine.periods;
  const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
  let worst = 0;
  for (let g = 0; g <= s.segments.length; g++) {
    for (let t = 0; t < P; t++) worst = Math.max(worst, relative(kernel.contribution[g * P + t], engine.value('contribution', t, g)));
    worst = Math.max(worst, relative(kernel.terminal[g], engine.terminalValue[g]));
  }
  return worst;
}

export async function run(): Promise<string[]> {
  const s = cloneScenario(scenario());
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  const kernel = createKernel(s.segments.length, P);
  const plans = [s.baseline.values, s.proposed[0].values];
  const projectors = [new Projector(true, ['contribution', 'revenue']), new Projector(true, ['contribution', 'revenue'])]; // as a Monte Carlo run makes them for flat plans
  let sink = 0;
  const steps = [
    (i: number) => projectors[i & 1].project(s, plans[i & 1]).terminalValue[3],
    (i: number) => projectPlan(s, plans[i & 1]).terminalValue[3],
    (i: number) => {
      kernel.run(s, plans[i & 1]);
      return kernel.terminal[3];
    },
  ];
  // Interleaved rounds, so that all three see the same machine (it is shared); the best round of each.
  const times = [Infinity, Infinity, Infinity];
  for (let round = 0; round < 4; round++) {
    steps.forEach((step, j) => {
      const start = performance.now();
      for (let i = 0; i < COUNT; i++) sink += step(i);
      if (round > 0) times[j] = Math.min(times[j], (performance.now() - start) / COUNT);
    });
  }
  const [inTrial, fresh, bare] = times;
  const trials = 20_000;
  const trial = best(() => {
    const start = performance.now();
    runMonteCarlo(s, TABLE, { trials, seed: 1, kinds: [] });
    return (performance.now() - start) / trials;
  });
  const worst = Math.max(...plans.map((plan) => kernelDifference(s, plan, kernel)));
  if (!Number.isFinite(sink)) throw new Error('no result');
  const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
  const ratio = inTrial / bare;
  return [
    `kernel: one projection (10 years x 3 segments, annual): engine in a trial (projector, buffers reused) ${us(inTrial)}, bare loop of the same arithmetic ${us(bare)}: `
      + `ratio ${ratio.toFixed(2)}x (target ≤ 3x: ${ratio <= 3 ? 'met' : 'NOT met'})`,
    `kernel:   projectPlan (a new projection each call) ${us(fresh)} = ${(fresh / bare).toFixed(2)}x the bare loop`,
    `kernel:   a whole trial (draws, 2 projections, summary, default kinds off) ${us(trial)} = ${(trial / (2 * bare)).toFixed(2)}x two bare loops`,
    `kernel:   the bare loop's contribution (every segment, period and total) and terminal values differ from the engine's by at most ${worst.toExponential(1)} relative`,
  ];
}

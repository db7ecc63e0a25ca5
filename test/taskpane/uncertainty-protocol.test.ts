/**
 * The worker protocol without a real worker: the worker's handler (protocol.ts) and the pane's
 * runner (runner.ts) joined by a channel that structured-clones every message and delivers it on a
 * later turn of the event loop, as postMessage does. Checks that a run through the protocol gives the
 * engine's own numbers for the same seed, that progress is reported and Cancel stops a run within a
 * slice, that errors arrive as problems, that results survive the clone (the optimiser's projection
 * is dropped), and that a worker that fails to load hands its jobs to the main thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  budgetValue, objectiveValue, optimizePlan, projectPlan, runMonteCarlo, scenarioFromJson, tornado,
  type Scenario, type ScenarioJson, type UncertaintyRow,
} from '../../src/engine';
import { createJobHandler, PANE_SERIES, trialsPerSlice, type Reply, type Request } from '../../src/taskpane/uncertainty/protocol';
import { defaultOptimizerDraft, evaluateOptimizer } from '../../src/taskpane/uncertainty/optimizer';
import { JobRunner, localPort, type Port } from '../../src/taskpane/uncertainty/runner';


const example = (): Scenario => scenarioFromJson(JSON.parse(readFileSync(join(__dirname, '../../examples/mid-market-saas.json'), 'utf8')) as ScenarioJson);
const ROWS: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.2 } },
  { key: 'elasticityRetain', distribution: { kind: 'triangular', min: 0.2, mode: 0.4, max: 0.6 } },
  { key: 'churn', segment: 'SMB', distribution: { kind: 'normal', mean: 0.18, sd: 0.03 } },
];
const turn = () => new Promise<void>((r) => setImmediate(r));

/** A worker stand-in: the handler on the far side of a structured-clone channel; `log` records every reply. */
function clonedWorker() {
  const log: Reply[] = [];
  const port: Port & { terminated?: boolean } = {
    onmessage: null,
    postMessage: (req: Request) => {
      const copy = structuredClone(req);
      setImmediate(() => handle(copy));
    },
    terminate() { port.terminated = true; },
  };
  const handle = createJobHandler((reply) => {
    const copy = structuredClone(reply);
    log.push(copy);
    setImmediate(() => port.onmessage?.({ data: copy }));
  }, turn);
  return { port, log };
}

describe('a Monte Carlo run through the protocol', () => {
  it('gives the engine\'s numbers for the same seed, with progress in slices up to the total', async () => {
    const s = example();
    const { port } = clonedWorker();
    const runner = new JobRunner(port, 'worker');
    const progress: [number, number][] = [];
    const outcome = await runner.run({ kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 3000, seed: 42, latinHypercube: true },
      (done, total) => progress.push([done, total])).promise;
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    const direct = runMonteCarlo(s, ROWS, { trials: 3000, seed: 42, latinHypercube: true, ...PANE_SERIES });
    const r = outcome.result;
    expect(r.plans[0].pWinNpv).toBe(direct.plans[0].pWinNpv);
    expect(r.plans[0].pWinEquity).toBe(direct.plans[0].pWinEquity);
    expect(Array.from(r.plans[0].trials.npvDelta)).toEqual(Array.from(direct.plans[0].trials.npvDelta));
    const fan = (x: typeof r) => x.series.find((q) => q.kind === 'cumulativeDelta')!.bands;
    expect(Array.from(fan(r).p50)).toEqual(Array.from(fan(direct).p50));
    expect(r.plans[0].breakeven).toEqual(direct.plans[0].breakeven);
    // One report per slice, increasing, ending at the total.
    const slice = trialsPerSlice(s);
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(3000 / slice));
    expect(progress.every(([, total]) => total === 3000)).toBe(true);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1][0])).toBe(true);
    expect(progress[progress.length - 1][0]).toBe(3000);
    expect(outcome.ms).toBeGreaterThan(0);
  });

  it('Cancel stops the run within a slice: a cancelled reply, then nothing more for that job', async () => {
    const s = example();
    const { port, log } = clonedWorker();
    const runner = new JobRunner(port, 'worker');
    let cancelledAt: number | undefined;
    const handle: ReturnType<typeof runner.run<'monteCarlo'>> = runner.run({ kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 50_000, seed: 1, latinHypercube: false }, (done) => {
      if (cancelledAt === undefined && done > 0) {
        cancelledAt = done;
        handle.cancel();
      }
    });
    const outcome = await handle.promise;
    expect(outcome.status).toBe('cancelled');
    if (outcome.status !== 'cancelled') return;
    expect(outcome.total).toBe(50_000);
    // Stopped at the next slice boundary (or the one after: the cancel crosses the channel meanwhile).
    expect(outcome.done).toBeLessThanOrEqual(cancelledAt! + 2 * trialsPerSlice(s));
    for (let i = 0; i < 20; i++) await turn();
    const after = log.slice(log.findIndex((r) => r.type === 'cancelled') + 1);
    expect(after).toEqual([]);
  });

  it('reports a bad table as the engine\'s problems, and an over-large run before any trial', async () => {
    const { port } = clonedWorker();
    const runner = new JobRunner(port, 'worker');
    const bad = await runner.run({ kind: 'monteCarlo', scenario: example(), rows: [{ key: 'resposiveness', distribution: { kind: 'uniform', min: 0, max: 1 } }],
      trials: 10, seed: 1, latinHypercube: false }).promise;
    expect(bad.status).toBe('error');
    if (bad.status === 'error') expect(bad.problems).toEqual([expect.objectContaining({ code: 'unknownKey', suggestion: 'responsiveness' })]);
    const big = await runner.run({ kind: 'monteCarlo', scenario: example(), rows: ROWS, trials: 2_000_000, seed: 1, latinHypercube: false }).promise;
    expect(big.status).toBe('error');
    if (big.status === 'error') expect(big.problems?.[0]).toEqual(expect.objectContaining({ key: 'trials', max: 1_000_000 }));
  });
});

describe('tornado and optimiser jobs', () => {
  it('the tornado arrives as the engine computes it, sorted by swing', async () => {
    const s = example();
    const runner = new JobRunner(clonedWorker().port, 'worker');
    const outcome = await runner.run({ kind: 'tornado', scenario: s, rows: ROWS, options: { output: 'npvDelta' } }).promise;
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome.result).toEqual(tornado(s, ROWS, { output: 'npvDelta' }));
    const swings = outcome.result.rows.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it('the optimum crosses the clone as plain data, beside the current plan\'s objective and budget use', async () => {
    const s = example();
    const bounds = { commissionRenewal: { min: 0, max: 0.1 }, clawback: { min: 0, max: 1 } };
    const current = s.proposed[0].values;
    const runner = new JobRunner(clonedWorker().port, 'worker');
    const outcome = await runner.run({ kind: 'optimize', scenario: s, options: { bounds, start: current }, current }).promise;
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    const direct = optimizePlan(s, { bounds, start: current });
    const r = outcome.result;
    expect(r.plan).toEqual(direct.plan);
    expect(r.value).toBe(direct.value);
    expect(r.binding).toEqual(direct.binding);
    expect(r.budget).toEqual(direct.budget);
    expect('projection' in r).toBe(false);
    const p = projectPlan(s, current);
    expect(r.currentValue).toBe(objectiveValue(p, s, 'customerEquity'));
    expect(r.currentBudgetUsed).toBe(budgetValue(p, 'year1CompCost'));
  });

  it('with the panel\'s default bounds (0 to 3× the current plan\'s rates) the optimum pays, and every rate at a bound sits exactly on it', () => {
    // Model version 2: pay sets effort level and attrition, so paying nothing is no longer the optimum
    // (version 1 paid about 1e-12 on every commission).
    const s = example();
    const current = s.proposed[0].values;
    const draft = defaultOptimizerDraft('en-US', current);
    const { options } = evaluateOptimizer(draft, 'en');
    expect(options!.bounds.commissionNew!.min).toBe(0);
    expect(options!.bounds.commissionNew!.max).toBeCloseTo(3 * current.commissionNew, 12);
    const r = optimizePlan(s, { ...options!, start: current });
    expect(r.plan.commissionNew + r.plan.commissionRenewal + r.plan.commissionExpansion).toBeGreaterThan(0.05);
    for (const key of ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const) {
      const at = r.binding.find((b) => b.key === key)?.at;
      if (at === 'lower') expect(r.plan[key]).toBe(0);
      if (at === 'upper') expect(r.plan[key]).toBe(options!.bounds[key]!.max);
    }
  });

  it('runs two jobs at once; cancelling one leaves the other', async () => {
    const s = example();
    const runner = new JobRunner(clonedWorker().port, 'worker');
    const long = runner.run({ kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 40_000, seed: 3, latinHypercube: false });
    const short = runner.run({ kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 500, seed: 3, latinHypercube: false });
    const shortOutcome = await short.promise;
    long.cancel();
    expect(shortOutcome.status).toBe('done');
    expect((await long.promise).status).toBe('cancelled');
  });
});

describe('where the jobs run', () => {
  it('the main-thread port runs the same handler', async () => {
    const s = example();
    const runner = new JobRunner(localPort(), 'main');
    const outcome = await runner.run({ kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 400, seed: 'plan review', latinHypercube: false }).promise;
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome.result.plans[0].pWinNpv).toBe(runMonteCarlo(s, ROWS, { trials: 400, seed: 'plan review', ...PANE_SERIES }).plans[0].pWinNpv);
  });

  it('a worker whose script fails before answering hands its jobs to the main thread', async () => {
    const broken: Port & { terminated?: boolean } = {
      onmessage: null, onerror: null,
      postMessage: () => setImmediate(() => broken.onerror?.({ message: 'NetworkError: failed to load worker script' })),
      terminate() { broken.terminated = true; },
    };
    const runner = new JobRunner(broken, 'worker');
    const outcome = await runner.run({ kind: 'monteCarlo', scenario: example(), rows: ROWS, trials: 200, seed: 5, latinHypercube: false }).promise;
    expect(outcome.status).toBe('done');
    expect(runner.where).toBe('main');
    expect(broken.terminated).toBe(true);
  });
});

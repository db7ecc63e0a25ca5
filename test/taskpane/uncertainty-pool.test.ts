/**
 * The pane's worker pool through the protocol: 1, 2 and 4 workers (the worker's handler behind a
 * structured-clone channel, as postMessage does) give the single-threaded engine run bit for bit,
 * correlations and LHS included, and report standard errors that shrink as trials come back; Cancel
 * stops every worker; the correlation editor's draft becomes the engine's matrix.
 */
import {
  runMonteCarlo, scenarioFromJson, type OutcomeErrors, type ScenarioJson, type UncertaintyRow,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { evaluateCorrelation } from '../../src/taskpane/uncertainty/correlation-draft';
import { MonteCarloPool, poolSize } from '../../src/taskpane/uncertainty/pool';
import { createJobHandler, PANE_SERIES, type MonteCarloJob, type Reply, type Request } from '../../src/taskpane/uncertainty/protocol';
import { JobRunner, type Port } from '../../src/taskpane/uncertainty/runner';

jest.setTimeout(60_000);

const example = () => scenarioFromJson(midMarket as ScenarioJson);
const turn = () => new Promise<void>((r) => setImmediate(r));

function clonedWorker(): Port {
  const port: Port = {
    onmessage: null,
    postMessage: (req: Request) => {
      const copy = structuredClone(req);
      setImmediate(() => handle(copy));
    },
  };
  const handle = createJobHandler((reply: Reply) => {
    const copy = structuredClone(reply);
    setImmediate(() => port.onmessage?.({ data: copy }));
  }, turn);
  return port;
}

const pool = (size: number) => new MonteCarloPool(Array.from({ length: size }, () => new JobRunner(clonedWorker(), 'worker')));

const ROWS: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0, mode: 0.6, max: 1.2 } },
  { key: 'churn', segment: 'SMB', distribution: { kind: 'triangular', min: 0.14, mode: 0.18, max: 0.24 } },
  { key: 'discountRate', distribution: { kind: 'uniform', min: 0.08, max: 0.13 } },
];

describe('the pane’s worker pool', () => {
  it('has hardware concurrency − 1 workers, 1 to 8', () => {
    expect([1, 2, 3, 8, 16, undefined].map((c) => poolSize(c))).toEqual([1, 1, 2, 7, 8, 1]);
  });

  it.each([1, 2, 4])('with %i workers gives the single-threaded run bit for bit, with shrinking standard errors', async (size) => {
    const s = example();
    const correlation = { keys: ['responsiveness', 'SMB.churn'], matrix: [[1, 0.4], [0.4, 1]] };
    const job: MonteCarloJob = { kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 4100, seed: 9, latinHypercube: true, correlation };
    const seen: { done: number; errors: OutcomeErrors[] }[] = [];
    const outcome = await pool(size).run(job, (done, _total, errors) => seen.push({ done, errors })).promise;
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    const direct = runMonteCarlo(s, ROWS, { trials: 4100, seed: 9, latinHypercube: true, correlation, ...PANE_SERIES });
    expect(outcome.result).toEqual(direct);
    expect(seen.map((x) => x.done)).toEqual([...seen.map((x) => x.done)].sort((a, b) => a - b));
    expect(seen[seen.length - 1].done).toBe(4100);
    const first = seen[0].errors[0].npvDeltaMean;
    const last = seen[seen.length - 1].errors[0].npvDeltaMean;
    expect(last).toBeLessThan(first);
    expect(last).toBeCloseTo(direct.plans[0].errors.npvDeltaMean, 6);
  });

  it('Cancel stops every worker and keeps nothing', async () => {
    const s = example();
    const handle = pool(2).run({ kind: 'monteCarlo', scenario: s, rows: ROWS, trials: 60_000, seed: 1, latinHypercube: false });
    await turn();
    handle.cancel();
    const outcome = await handle.promise;
    expect(outcome.status).toBe('cancelled');
  });

  it('the matrix editor’s draft: blank is 0, a bad entry is marked, an impossible matrix is flagged with its repair', () => {
    const rows = ROWS;
    const ok = evaluateCorrelation({ chosen: ['responsiveness', 'SMB.churn'], cells: { 'responsiveness|SMB.churn': '-0.5' }, tolerance: '0.5' }, rows, 'en-US');
    expect(ok.correlation).toEqual({ keys: ['responsiveness', 'SMB.churn'], matrix: [[1, -0.5], [-0.5, 1]] });
    expect(ok.tolerance).toEqual({ probability: 0.005 });
    const bad = evaluateCorrelation({ chosen: ['responsiveness', 'SMB.churn'], cells: { 'responsiveness|SMB.churn': '1,5' }, tolerance: '0' }, rows, 'en-US');
    expect([...bad.bad].sort()).toEqual(['responsiveness|SMB.churn', 'tolerance']);
    const cells = { 'responsiveness|SMB.churn': '0.9', 'responsiveness|discountRate': '0.9', 'SMB.churn|discountRate': '-0.9' };
    const odd = evaluateCorrelation({ chosen: ['responsiveness', 'SMB.churn', 'discountRate'], cells, tolerance: '' }, rows, 'en-US');
    expect(odd.repairedBy).toBeGreaterThan(0.1);
    expect(odd.correlation).toBeDefined();
  });
});


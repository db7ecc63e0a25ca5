/**
 * One PROJECT cell against the engine's own projection of the same scenario, side by side in one run
 * (issue 10: a sheet recalculates many such cells, so the adapter may cost at most 3× the projection).
 * The cell is what a user builds first: a DEFAULTS spill fed back as the assumptions (key, value, unit,
 * meaning), the plan's defaults as a key/value range, 10 years, annual. It runs through the BUILT
 * bundle (dist/functions.js), loaded as an ordinary script in this process as Excel's runtime loads
 * it; the engine runs bundled by esbuild in the same process. Every call is timed on its own, engine
 * and cell alternating, and each side reports its median: a busy machine that preempts a few calls
 * moves neither figure. The same cell in the tests' vm sandbox is printed too: there every global
 * lookup (Math, Number…) goes through the sandbox object first, a cost of Node's vm, not of Excel.
 */
import { performance } from 'node:perf_hooks';
import { CATALOGUE, defaultScenario, projectPlan } from '../src/engine';
import { distMissing, loadBundle } from '../test/functions/host';

const PAIRS = 20_000;
const TARGET = 3;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Times `fns` one call each in turn, `rounds` times, after a warm-up; the median µs of each. */
function sideBySide(fns: readonly (() => number)[], rounds: number): number[] {
  const samples = fns.map(() => new Array<number>(rounds));
  let sink = 0;
  for (let i = 0; i < 2000; i++) for (const f of fns) sink += f();
  for (let r = 0; r < rounds; r++) {
    fns.forEach((f, k) => {
      const start = performance.now();
      sink += f();
      samples[k][r] = 1000 * (performance.now() - start);
    });
  }
  if (!(sink > 0)) throw new Error('nothing computed');
  return samples.map(median);
}

export async function run(): Promise<string[]> {
  const missing = distMissing('functions.js');
  if (missing) return [`cell bench: ${missing}`];
  const bundle = loadBundle({ realm: 'this' });
  const sandboxed = loadBundle().functions.get('PROJECT')!;
  const project = bundle.functions.get('PROJECT')!;
  const defaults = bundle.functions.get('DEFAULTS')!() as unknown[][];
  const assumptions = defaults.filter((r) => CATALOGUE.find((s) => s.key === r[0])?.scope !== 'plan');
  const plan = defaults.filter((r) => CATALOGUE.find((s) => s.key === r[0])?.scope === 'plan').map((r) => [r[0], r[1]]);
  const args = [assumptions, plan, 10, 1];

  const s = defaultScenario();
  s.settings.horizonYears = 10;
  s.settings.periodsPerYear = 1;
  s.segments = s.segments.slice(0, 1);
  const engineOnce = () => projectPlan(s, s.baseline.values).value('arr', 9);
  const cellOnce = () => (project(...args) as number[][])[10][4];
  const sandboxOnce = () => (sandboxed(...args) as number[][])[10][4];
  const same = Math.abs(engineOnce() - cellOnce()) <= 1e-9 * Math.abs(engineOnce());

  const [e, c] = sideBySide([engineOnce, cellOnce], PAIRS);
  const [e2, sandbox] = sideBySide([engineOnce, sandboxOnce], PAIRS / 10);
  const ratio = c / e;
  return [
    `cell: one PROJECT cell (DEFAULTS spill as assumptions, default plan, 10 years annual, ${s.segments.length} segment) vs the engine's projection of the same scenario, median of ${PAIRS} alternating calls`,
    `cell:   engine projection ${e.toFixed(1)} µs, cell (parse + validate + compute + shape) ${c.toFixed(1)} µs; ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'NOT met'})${same ? '' : ' (!) the two disagree on year-10 ARR'}`,
    `cell:   the same cell in the tests' vm sandbox: ${sandbox.toFixed(1)} µs (${(sandbox / e2).toFixed(1)}×; Node's vm interposes on every global lookup)`,
  ];
}

/**
 * One PROJECT cell against the engine's own projection of the same scenario, side by side in one run
 * (issue 10: a sheet recalculates many such cells, so the adapter may cost at most 3× the projection).
 * The cell is what a user builds first: a DEFAULTS spill fed back as the assumptions (key, value, unit,
 * meaning), the plan's defaults as a key/value range, 10 years, annual. It runs through the BUILT
 * bundle (dist/functions.js), loaded as an ordinary script in this process as Excel's runtime loads
 * it; the engine runs bundled by esbuild in the same process. Rounds alternate between the two and
 * each side reports its best round, so a busy machine slows both alike. The same cell in the tests'
 * vm sandbox is printed too: there every global lookup (Math, Number…) goes through the sandbox
 * object first, a cost of Node's vm, not of Excel.
 */
import { performance } from 'node:perf_hooks';
import { CATALOGUE, defaultScenario, projectPlan } from '../src/engine';
import { distMissing, loadBundle } from '../test/functions/host';

const ROUNDS = 15;
const CALLS = 2000;
const TARGET = 3;

function bestOf(rounds: number[]): number {
  return Math.min(...rounds);
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

  const time = (f: () => number): number => {
    let sink = 0;
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) sink += f();
    const ms = performance.now() - start;
    if (!(sink > 0)) throw new Error('nothing computed');
    return (1000 * ms) / CALLS;
  };
  for (let i = 0; i < 3; i++) { time(engineOnce); time(cellOnce); time(sandboxOnce); } // warm-up
  const engine: number[] = [];
  const cell: number[] = [];
  const sandbox: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    engine.push(time(engineOnce));
    cell.push(time(cellOnce));
    if (r % 3 === 0) sandbox.push(time(sandboxOnce));
  }
  const e = bestOf(engine);
  const c = bestOf(cell);
  const ratio = c / e;
  return [
    `cell: one PROJECT cell (DEFAULTS spill as assumptions, default plan, 10 years annual, ${s.segments.length} segment) vs the engine's projection of the same scenario, best of ${ROUNDS} rounds of ${CALLS}`,
    `cell:   engine projection ${e.toFixed(1)} µs, cell (parse + validate + compute + shape) ${c.toFixed(1)} µs; ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'NOT met'})${same ? '' : ' (!) the two disagree on year-10 ARR'}`,
    `cell:   the same cell in the tests' vm sandbox: ${bestOf(sandbox).toFixed(1)} µs (${(bestOf(sandbox) / e).toFixed(1)}×; Node's vm interposes on every global lookup)`,
  ];
}

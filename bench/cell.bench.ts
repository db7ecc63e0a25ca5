/**
 * One PROJECT cell against the engine's own projection of the same scenario, side by side in one run
 * (issue 10: a sheet recalculates many such cells, so the adapter may cost at most 3× the projection).
 * The cell is what a user builds first: a DEFAULTS spill fed back as the assumptions (key, value, unit,
 * meaning), the plan's defaults as a key/value range, 10 years, annual. It runs through the BUILT
 * bundle (dist/functions.js) in the vm sandbox that stands in for Excel's runtime; the engine runs
 * bundled by esbuild. Rounds alternate between the two, and each side reports its best round, so a
 * busy machine slows both alike.
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
  const bundle = loadBundle();
  const project = bundle.functions.get('PROJECT') ?? bundle.functions.get('PROJECT')!;
  const defaults = (bundle.functions.get('DEFAULTS') ?? bundle.functions.get('DEFAULTS')!)() as unknown[][];
  const assumptions = defaults.filter((r) => CATALOGUE.find((s) => s.key === r[0])?.scope !== 'plan');
  const plan = defaults.filter((r) => CATALOGUE.find((s) => s.key === r[0])?.scope === 'plan').map((r) => [r[0], r[1]]);
  const args = [assumptions, plan, 10, 1];

  const s = defaultScenario();
  s.settings.horizonYears = 10;
  s.settings.periodsPerYear = 1;
  s.segments = s.segments.slice(0, 1);
  const engineOnce = () => projectPlan(s, s.baseline.values).value('arr', 9);
  const cellOnce = () => (project(...args) as number[][])[10][4];
  const same = Math.abs(engineOnce() - cellOnce()) <= 1e-9 * Math.abs(engineOnce());

  const time = (f: () => number): number => {
    let sink = 0;
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) sink += f();
    const ms = performance.now() - start;
    if (!(sink > 0)) throw new Error('nothing computed');
    return (1000 * ms) / CALLS;
  };
  for (let i = 0; i < 3; i++) { time(engineOnce); time(cellOnce); } // warm-up
  const engine: number[] = [];
  const cell: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    engine.push(time(engineOnce));
    cell.push(time(cellOnce));
  }
  const e = bestOf(engine);
  const c = bestOf(cell);
  const ratio = c / e;
  return [
    `cell: one PROJECT cell (DEFAULTS spill as assumptions, default plan, 10 years annual, ${s.segments.length} segment) vs the engine's projection of the same scenario, best of ${ROUNDS} rounds of ${CALLS}`,
    `cell:   engine projection ${e.toFixed(1)} µs, cell (parse + validate + compute + shape) ${c.toFixed(1)} µs; ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'NOT met'})${same ? '' : ' (!) the two disagree on year-10 ARR'}`,
  ];
}

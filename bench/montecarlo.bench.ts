/**
 * Monte Carlo speed and memory (issue 6):
 * 1. 100,000 paired trials (baseline and proposal on the same draws) of a 10-year, 3-segment annual
 *    scenario with a six-row uncertainty table, run in a fresh child process so its peak resident
 *    memory (process.resourceUsage().maxRSS) is the run's own. Targets: ≤ 2 s on one core, < 200 MB.
 *    Wall time is the best of two runs; CPU time (all the process's threads, garbage collection
 *    included) is shown beside it because other work on a shared machine inflates wall time.
 * 2. Where the time goes: the same number of projections alone (one projector per plan, as a run
 *    makes them), without sampling or statistics.
 * 3. The same trials the way a spreadsheet Monte Carlo add-in does them: write the drawn inputs into
 *    the plain-formula model (src/workbook, both plans on one sheet), let the formula engine
 *    (HyperFormula) recalculate, read the NPV and customer-equity deltas; on fewer trials. Reported as
 *    trials per second for both and their ratio, after checking both give the same numbers.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  cloneScenario, defaultScenario, defaultSegment, runMonteCarlo, type MonteCarloResult, type Scenario, type UncertaintyRow,
} from '../src/engine';
import { Projector } from '../src/engine';
import type { OutputCell } from '../src/workbook';

const TRIALS = 100_000;
const SEED = 2026;
const SPREADSHEET_SECONDS = 4;

export function scenario(): Scenario {
  const s = defaultScenario();
  s.settings.horizonYears = 10;
  s.segments = [defaultSegment('SMB'), defaultSegment('Mid-market'), defaultSegment('Enterprise')];
  Object.assign(s.segments[0].values, { customers: 1200, arpa: 9000, churn: 0.16, newCustomers: 400, acquisitionCost: 2500 });
  Object.assign(s.segments[2].values, { customers: 90, arpa: 120_000, churn: 0.07, newCustomers: 20, acquisitionCost: 30_000, contactsPerCustomer: 3 });
  return s;
}

export const TABLE: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0, mode: 0.6, max: 1.4 } },
  { key: 'elasticityAcquire', distribution: { kind: 'triangular', min: 0.2, mode: 0.34, max: 0.5 } },
  { key: 'churn', segment: 'SMB', distribution: { kind: 'normal', mean: 0.16, sd: 0.03 } },
  { key: 'misSoldChurn', distribution: { kind: 'uniform', min: 0.4, max: 0.7 } },
  { key: 'womNegative', distribution: { kind: 'lognormal', mean: 0.9, sd: 0.3 } },
  { key: 'expansion', segment: 'Enterprise', distribution: { kind: 'pert', min: 0.08, mode: 0.14, max: 0.25 } },
];

/**
 * Runs in the child process: the 100,000-trial run (best of two, after a warm-up), then the same
 * number of projections timed alone (best of two), and the process's peak memory, as one JSON line.
 */
export function child(): void {
  const s = scenario();
  runMonteCarlo(s, TABLE, { trials: 2000, seed: 1 }); // warm-up (JIT), not timed
  let seconds = Infinity;
  let cpuSeconds = Infinity;
  let r: MonteCarloResult | undefined;
  for (let rep = 0; rep < 2; rep++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    r = runMonteCarlo(s, TABLE, { trials: TRIALS, seed: SEED });
    const used = process.cpuUsage(cpu);
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
    cpuSeconds = Math.min(cpuSeconds, (used.user + used.system) / 1e6);
  }
  const projections = Math.min(projectionsAlone(s, 2 * TRIALS), projectionsAlone(s, 2 * TRIALS));
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, cpuSeconds, projections, maxRssMb, pWin: r!.plans[0].pWinEquity, redrawn: r!.redrawn }));
}

/** `count` projections of both plans in turn, on a copy of the scenario and with one projector per plan, as a run makes them. */
function projectionsAlone(original: Scenario, count: number): number {
  const s = cloneScenario(original);
  const projectors = [new Projector(true, ['contribution', 'revenue']), new Projector(true, ['contribution', 'revenue'])]; // totalling what a trial reads, as a run does
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += projectors[0].project(s, s.baseline.values).value('revenue', 0);
  const start = performance.now();
  for (let i = 0; i < count; i++) sink += projectors[i % 2].project(s, i % 2 ? s.baseline.values : s.proposed[0].values).value('revenue', 0);
  if (!(sink > 0)) throw new Error('projections gave nothing');
  return (performance.now() - start) / 1000;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Trials through the plain-formula model in HyperFormula, for `seconds`; checked against the engine's trials. */
async function spreadsheetTrials(s: Scenario, r: MonteCarloResult, seconds: number): Promise<{ trials: number; perSecond: number; worst: number }> {
  // Loaded here, not at the top: the timed child process runs the engine alone, as a Web Worker would.
  const { buildWorkbook, segmentIds, scalarName, segmentName } = await import('../src/workbook');
  const { evaluate, namesWithSheets } = await import('../test/workbook/hf');
  const wb = buildWorkbook(s, { sheets: ['inputs', 'plain'] });
  const ev = evaluate(wb.sheets, namesWithSheets(wb.names, wb.sheets));
  const sheetId = (key: string) => ev.hf.getSheetId(wb.sheets.find((x) => x.key === key)!.name)!;
  const inputs = sheetId('inputs');
  const ids = segmentIds(s);
  const cells = r.dimensions.map((d) => {
    const name = d.segment ? segmentName(d.key, ids[s.segments.findIndex((g) => g.name === d.segment)]) : scalarName(d.key);
    const at = parseRef(wb.names.find((n) => n.name === name)!.ref);
    return { sheet: inputs, ...at };
  });
  const output = (field: string): OutputCell => wb.outputs.find((o) => o.sheet === 'plain' && o.ref.kind === 'comparison' && o.ref.plan === 1 && o.ref.field === field)!;
  const outs = ['npvDelta', 'customerEquityDelta'].map(output).map((o) => ({ sheet: sheetId('plain'), row: o.row, col: o.col }));
  let worst = 0;
  let k = 0;
  const start = performance.now();
  for (; performance.now() - start < seconds * 1000 && k < r.trials; k++) {
    ev.hf.batch(() => cells.forEach((c, d) => ev.hf.setCellContents(c, [[r.inputs[d][k]]])));
    const [npv, equity] = outs.map((o) => ev.hf.getCellValue(o) as number);
    const want = [r.plans[0].trials.npvDelta[k], r.plans[0].trials.customerEquityDelta[k]];
    [npv, equity].forEach((v, i) => { worst = Math.max(worst, Math.abs(v - want[i]) / Math.max(1, Math.abs(want[i]))); });
  }
  const elapsed = (performance.now() - start) / 1000;
  return { trials: k, perSecond: k / elapsed, worst };
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const self = __filename;
  const c = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(self)}).child()`], { encoding: 'utf8' });
  if (c.status !== 0) return [`montecarlo: child run failed: ${c.stderr}`];
  const m = JSON.parse(c.stdout.trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number; projections: number; maxRssMb: number; pWin: number; redrawn: number };
  const engineRate = TRIALS / m.seconds;
  lines.push(`montecarlo: ${TRIALS.toLocaleString('en')} paired trials, 10 years x 3 segments, annual, 6 uncertain rows: ${m.seconds.toFixed(2)} s wall (best of 2), ${m.cpuSeconds.toFixed(2)} s CPU, `
    + `${engineRate.toFixed(0)} trials/s (target ≤ 2 s: ${m.seconds <= 2 ? 'met' : 'NOT met'}); peak RSS ${m.maxRssMb.toFixed(0)} MB (target < 200 MB: ${m.maxRssMb < 200 ? 'met' : 'NOT met'}); `
    + `P(win on equity) ${m.pWin.toFixed(3)}, ${m.redrawn} trials redrawn`);

  const s = scenario();
  lines.push(`montecarlo:   ${(2 * TRIALS).toLocaleString('en')} projections timed alone: ${m.projections.toFixed(2)} s (${((100 * m.projections) / m.seconds).toFixed(0)} % of the run); `
    + 'the rest is drawing, per-trial summaries and the per-period statistics');

  const sample = runMonteCarlo(s, TABLE, { trials: 2000, seed: SEED, kinds: [] });
  const hf = await spreadsheetTrials(s, sample, SPREADSHEET_SECONDS);
  lines.push(`montecarlo: the same trials recalculating the plain-formula model in HyperFormula: ${hf.trials} trials in ${SPREADSHEET_SECONDS} s, `
    + `${hf.perSecond.toFixed(1)} trials/s (largest difference from the engine ${hf.worst.toExponential(1)} relative)`);
  lines.push(`montecarlo:   engine / spreadsheet: ${(engineRate / hf.perSecond).toFixed(0)} times faster`);
  return lines;
}

if (process.argv[1]?.endsWith('montecarlo.bench.ts')) run().then((lines) => console.log(lines.join('\n')));

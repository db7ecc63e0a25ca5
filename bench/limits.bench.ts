/**
 * Issue 12's figures, from the sources: how long the longest texts and ranges Excel can pass take to
 * read, and the longest stretch a custom function holds the thread on the heaviest inputs (a whole
 * synchronous call; long runs pause between slices, measured in test/functions/time-fuzz.test.ts).
 * Medians of several runs after a warm-up; wall clock and this process's CPU time.
 */
import { performance } from 'node:perf_hooks';
import { COMPONENTS, ROLES } from '../src/engine';
import { parseNumberText } from '../src/functions/cells';
import { BY_ID } from '../src/functions/functions';
import { UNCERTAINTY_BY_ID } from '../src/functions/uncertainty';

type Fn = (...args: unknown[]) => unknown;
const fns = { ...BY_ID, ...UNCERTAINTY_BY_ID } as Record<string, Fn>;

function attempt(f: () => void): void {
  try {
    f();
  } catch {
    /* refusals are what some cases measure */
  }
}

function median(f: () => void, runs: number): { wall: number; cpu: number } {
  attempt(f);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    attempt(f);
    walls.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: mid(walls), cpu: mid(cpus) };
}

const SEGMENTS = Array.from({ length: 50 }, (_, i) => `S${i + 1}`);
const BIG = [['key', ...SEGMENTS], ['horizonYears', 30, ...SEGMENTS.slice(1).map(() => '')], ['periodsPerYear', 12, ...SEGMENTS.slice(1).map(() => '')]];
const QUOTAS = [['commissionNew', 0.08], ...ROLES.flatMap((r) => [[`${r.id}.headcount`, 5], ...COMPONENTS.flatMap((c) => [
  [`${r.id}.${c.id}.weight`, 0.25], [`${r.id}.${c.id}.quota`, 2_000_000]])])];
const P = [['commissionNew', 0.1]];

export async function run(): Promise<string[]> {
  const long = `${'1'.repeat(32_766)}x`;
  const names = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 50 }, (_, j) => `n${i}_${j}`));
  const cases: [string, () => void, number][] = [
    ['parse one 32,767-character cell (digits then x)', () => parseNumberText(long), 21],
    ['CEQ.CLV of that cell', () => fns['CLV'](long, 0.9, 0.1), 21],
    ['CEQ.PROJECT with three such notes', () => fns['PROJECT']([['key', 'value', 'notes'], ['churn', 0.1, long], ['arpa', 1000, long], ['customers', 10, long]], P), 11],
    ['CEQ.DEFAULTS on 2,000 × 50 distinct names (refused)', () => fns['DEFAULTS'](names), 5],
    ['CEQ.PROJECT 50 segments × 360 months', () => fns['PROJECT'](BIG, P), 5],
    ['CEQ.PROJECT 50 × 360, every role on quotas', () => fns['PROJECT'](BIG, QUOTAS), 5],
    ['CEQ.COMPARE 50 × 360, quotas against flat', () => fns['COMPARE'](BIG, P, QUOTAS), 5],
    ['CEQ.SIMULATE at the synchronous limit (2,000 trials × 5 years)', () => fns['SIMULATE']([['churn', 0.1]], P, [['commissionNew', 0.12]], [['churn', 'uniform', 0.05, 0.2]], 2000), 5],
    ['CEQ.OPTIMIZE five rates, default budget', () => fns['OPTIMIZE']([['churn', 0.1]], P, [['commissionNew', 0, 0.2], ['commissionRenewal', 0, 0.2],
      ['commissionExpansion', 0, 0.2], ['clawback', 0, 1], ['outcomeWeight', 0, 1]]), 5],
  ];
  const lines: string[] = [];
  for (const [label, f, runs] of cases) {
    const m = median(f, runs);
    lines.push(`limits: ${label}: ${m.wall.toFixed(2)} ms (${m.cpu.toFixed(1)} ms CPU)`);
  }
  return lines;
}

if (process.argv[1]?.endsWith('limits.bench.ts')) run().then((lines) => console.log(lines.join('\n')));

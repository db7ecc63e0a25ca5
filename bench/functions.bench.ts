/**
 * 1,000 CEQ.PROJECT cells with different inputs, evaluated through the BUILT bundle (dist/functions.js)
 * in a vm sandbox standing in for Excel's runtime. Reports the total time and how it splits between
 * argument parsing (coercion, key/value ranges), the engine (validation and projection) and result
 * checking, read from the bundle's own phase counters (globalThis.__ceqProfile).
 * Target: parsing takes no longer than the engine.
 */
import { performance } from 'node:perf_hooks';
import { CATALOGUE } from '../src/engine';
import { distMissing, loadBundle } from '../test/functions/host';

const CELLS = 1000;

/** A small deterministic generator (mulberry32), so every run sees the same 1,000 inputs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half the cells read a short key/value range, half a whole CEQ.DEFAULTS-shaped table with edits. */
function inputs(i: number, rnd: () => number): unknown[] {
  const churn = 0.08 + 0.17 * rnd(); // above the default service-driven churn (about 0.061)
  const plan = [['commissionNew', `${(6 + 6 * rnd()).toFixed(1)}%`], ['commissionRenewal', 0.01 + 0.04 * rnd()], ['clawback', rnd() < 0.5 ? 0 : 0.5]];
  const ppy = [1, 4, 12][i % 3];
  if (i % 2 === 0) {
    return [[['customers', Math.round(200 + 800 * rnd())], ['arpa', `${Math.round(10 + 40 * rnd())} 000`], ['churn', churn], ['newCustomers', 50 + Math.round(150 * rnd())],
      ['discountRate', '10%'], ['responsiveness', 2 * rnd()]], plan, 5, ppy];
  }
  const table: unknown[][] = [['key', 'SMB', 'Enterprise', 'unit', 'meaning']];
  for (const s of CATALOGUE) {
    if (s.scope === 'plan') continue;
    table.push([s.key, s.defaultValue, s.scope === 'segment' ? s.defaultValue : '', s.unit, s.meaning.en]);
  }
  table[table.findIndex((r) => r[0] === 'churn')][1] = churn;
  return [table, plan, 5, ppy];
}

export async function run(): Promise<string[]> {
  const missing = distMissing('functions.js');
  if (missing) return [`functions bench: ${missing}`];
  const profile = { now: () => performance.now(), args: 0, engine: 0, result: 0, calls: 0 };
  const bundle = loadBundle({ globals: { __ceqProfile: profile } });
  const project = bundle.functions.get('PROJECT')!;
  const rnd = random(42);
  const cells = Array.from({ length: CELLS }, (_, i) => inputs(i, rnd));

  for (let i = 0; i < 50; i++) {
    try {
      project(...cells[i]); // warm-up, not counted
    } catch {
      /* counted below */
    }
  }
  Object.assign(profile, { args: 0, engine: 0, result: 0, calls: 0 });

  let rows = 0;
  let errors = 0;
  const start = performance.now();
  for (const args of cells) {
    try {
      rows += (project(...args) as unknown[][]).length;
    } catch {
      errors++;
    }
  }
  const total = performance.now() - start;
  const measured = profile.args + profile.engine + profile.result;
  const pct = (x: number) => `${((100 * x) / total).toFixed(1)} %`;
  const verdict = profile.args <= profile.engine ? 'met' : 'NOT met';
  return [
    `functions: ${CELLS} CEQ.PROJECT cells through dist/functions.js (periods 5/20/60, two input shapes): ${total.toFixed(1)} ms, ${((1000 * total) / CELLS).toFixed(0)} µs a cell, ${rows} rows, ${errors} errors`,
    `functions:   argument parsing ${profile.args.toFixed(1)} ms (${pct(profile.args)}), engine ${profile.engine.toFixed(1)} ms (${pct(profile.engine)}), result checks ${profile.result.toFixed(1)} ms (${pct(profile.result)}), call overhead ${(total - measured).toFixed(1)} ms`,
    `functions:   target parsing ≤ engine: ${verdict} (parsing/engine = ${(profile.args / profile.engine).toFixed(2)})`,
  ];
}

if (process.argv[1]?.endsWith('functions.bench.ts')) run().then((lines) => console.log(lines.join('\n')));

/**
 * No custom function holds Excel's thread long on any input Excel can pass. Every function is called
 * with inputs chosen to be slow (32,767-character cells, 100,000-cell ranges, the largest projections,
 * quota plans, long runs) and with random ones; the time of each stretch between two turns of the event
 * loop (a whole synchronous call, or one slice of a long run) is measured and the worst cases are
 * PRINTED. Nothing here asserts on time (house rule): the bound comes from the code, which counts work
 * and refuses oversized inputs before any; this test checks that each call gives a well-formed spill
 * or a #VALUE!/#N/A with a message, and that the oversized inputs are refused, not worked through.
 */
import fc from 'fast-check';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { CATALOGUE, COMPONENTS, ROLES } from '../../src/engine';
import { MAX_INPUT_CELLS, MAX_INPUT_TEXT } from '../../src/functions/cells';
import { ATTRIBUTION_BY_ID } from '../../src/functions/attribution';
import { CALIBRATION_BY_ID } from '../../src/functions/calibration';
import { BY_ID } from '../../src/functions/functions';
import { QUOTA_BY_ID } from '../../src/functions/quotas';
import { UNCERTAINTY_BY_ID } from '../../src/functions/uncertainty';

type Fn = (...args: unknown[]) => unknown;
const FUNCTIONS: Record<string, Fn> = { ...BY_ID, ...UNCERTAINTY_BY_ID, ...QUOTA_BY_ID, ...ATTRIBUTION_BY_ID, ...CALIBRATION_BY_ID } as Record<string, Fn>;
/** Declared parameters before Excel's invocation argument. */
const DECLARED: Record<string, number> = { 'SIMULATE': 9, 'SENSITIVITY': 9, 'TORNADO': 5, 'OPTIMIZE': 5 };

// ── Measuring the stretches between turns of the event loop ──────────────────────────────────────
// The functions pause through globalThis.setTimeout when there is no MessageChannel: a stand-in
// records when each stretch ends (a pause) and the next begins.
const realTimeout = globalThis.setTimeout;
const realChannel = (globalThis as { MessageChannel?: unknown }).MessageChannel;
let stretchStart = 0;
let cpuStart = process.cpuUsage();
let blocks = 0;
let onBlock: (() => void) | undefined;
let current = '';
/** Wall-clock time (inflated on a busy machine) and this process's CPU time, which the load inflates less. */
const worst: { ms: number; cpu: number; label: string }[] = [];

function startStretch(): void {
  stretchStart = performance.now();
  cpuStart = process.cpuUsage();
}

function endStretch(): void {
  const ms = performance.now() - stretchStart;
  const used = process.cpuUsage(cpuStart);
  worst.push({ ms, cpu: (used.user + used.system) / 1000, label: current });
  worst.sort((a, b) => b.ms - a.ms);
  worst.length = Math.min(worst.length, 8);
  blocks++;
  onBlock?.();
}

beforeAll(() => {
  (globalThis as { MessageChannel?: unknown }).MessageChannel = undefined;
  globalThis.setTimeout = ((f: () => void) => {
    endStretch();
    return realTimeout(() => {
      startStretch();
      f();
    }, 0);
  }) as typeof setTimeout;
});
afterAll(() => {
  globalThis.setTimeout = realTimeout;
  (globalThis as { MessageChannel?: unknown }).MessageChannel = realChannel;
  const lines = worst.map((w) => `  ${w.ms.toFixed(1)} ms (${w.cpu.toFixed(0)} ms CPU)  ${w.label}`);
  console.log(`longest stretches between turns of the event loop, worst first (load average ${os.loadavg()[0].toFixed(1)}):\n${lines.join('\n')}`);
});

/** Calls a function as Excel does; a long run is cancelled after `cancelAfter` stretches. */
async function measure(label: string, id: string, args: unknown[], cancelAfter = Infinity): Promise<unknown> {
  const invocation: { onCanceled?: () => void } = {};
  const padded = id in DECLARED ? [...args, ...new Array(Math.max(0, DECLARED[id] - args.length)).fill(undefined), invocation] : args;
  current = label;
  blocks = 0;
  onBlock = () => { if (blocks >= cancelAfter) invocation.onCanceled?.(); };
  startStretch();
  let result: unknown;
  try {
    result = FUNCTIONS[id](...padded);
  } catch (e) {
    result = e;
  }
  if (result && typeof (result as Promise<unknown>).then === 'function') result = await (result as Promise<unknown>).then((v) => v, (e) => e);
  endStretch();
  onBlock = undefined;
  return result;
}

/** A spill of finite numbers and strings, or a #VALUE!/#N/A with a message (never an internal failure). */
function expectWellFormed(result: unknown): void {
  if (result instanceof Error) {
    const e = result as Error & { code?: string };
    expect(['#VALUE!', '#N/A']).toContain(e.code);
    expect(e.message).not.toMatch(/unexpected error|not a finite number/);
    expect(e.message.length).toBeGreaterThan(3);
    return;
  }
  if (typeof result === 'number') {
    expect(Number.isFinite(result)).toBe(true);
    return;
  }
  const rows = result as unknown[][];
  expect(Array.isArray(rows) && rows.length > 0).toBe(true);
  for (const row of rows) {
    expect(row.length).toBe(rows[0].length);
    for (const v of row) expect((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string').toBe(true);
  }
}

const messageOf = (r: unknown) => (r instanceof Error ? r.message : '');

// ── Inputs ────────────────────────────────────────────────────────────────────────────────────────
const LONG_DIGITS = `${'1'.repeat(32_766)}x`;
const LONG_WORD = 'c'.repeat(32_767);
const LONG_SPACES = ' '.repeat(32_767);
const LONG_GROUPS = '1,000'.repeat(6553);
const LONG_TEXTS = [LONG_DIGITS, LONG_WORD, LONG_SPACES, LONG_GROUPS];
const grid = (h: number, w: number, f: (i: number, j: number) => unknown) => Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => f(i, j)));
const column = (values: unknown[]) => values.map((v) => [v]);

const P = [['commissionNew', 0.1]];
const A = [['churn', 0.1]];
const U1 = [['churn', 'uniform', 0.05, 0.2]];
const BOUNDS = [['commissionNew', 0, 0.2], ['commissionRenewal', 0, 0.2], ['commissionExpansion', 0, 0.2], ['clawback', 0, 1], ['outcomeWeight', 0, 1]];

/** The largest projection: 50 segments, 30 years by month. */
const SEGMENTS = Array.from({ length: 50 }, (_, i) => `S${i + 1}`);
const BIG = [['key', ...SEGMENTS], ['horizonYears', 30, ...SEGMENTS.slice(1).map(() => '')], ['periodsPerYear', 12, ...SEGMENTS.slice(1).map(() => '')],
  ['churn', ...SEGMENTS.map((_, i) => 0.08 + i * 0.002)]];
/** A plan that pays every role on every component (the quota layer's heaviest projection). */
const QUOTAS = [['commissionNew', 0.08], ...ROLES.flatMap((r) => [[`${r.id}.headcount`, 5], ...COMPONENTS.flatMap((c) => [
  [`${r.id}.${c.id}.weight`, 0.25], [`${r.id}.${c.id}.quota`, 2_000_000], [`${r.id}.${c.id}.threshold`, 0.5]])])];
const UNCERTAIN_KEYS = CATALOGUE.filter((s) => s.scope === 'segment' && !s.integer && !s.allowed && !s.key.startsWith('sbg')).map((s) => s.key);

describe('inputs chosen to be slow', () => {
  it('32,767-character cells in every place a function reads text', async () => {
    for (const text of LONG_TEXTS) {
      const kind = text === LONG_DIGITS ? 'digits+x' : text === LONG_WORD ? 'letters' : text === LONG_SPACES ? 'spaces' : '1,000 repeated';
      expectWellFormed(await measure(`CEQ.CLV margin of 32,767 ${kind}`, 'CLV', [text, 0.9, 0.1]));
      expectWellFormed(await measure(`CEQ.PROJECT with 60 notes cells of ${kind}`, 'PROJECT',
        [[['key', 'value', 'notes'], ['churn', 0.1, text], ...grid(59, 3, (i, j) => (j === 0 ? null : j === 1 ? null : text))], P]));
      expectWellFormed(await measure(`CEQ.PROJECT key of ${kind}`, 'PROJECT', [[[text, 1]], P]));
      expectWellFormed(await measure(`CEQ.PROJECT quota key of ${kind}`, 'PROJECT', [A, [[`ae.${text}`, 1]]]));
      expectWellFormed(await measure(`CEQ.COMPARE metric of ${kind}`, 'COMPARE', [A, P, P, text]));
      expectWellFormed(await measure(`CEQ.SIMULATE metric of ${kind}`, 'SIMULATE', [A, P, P, U1, 10, 1, text]));
      expectWellFormed(await measure(`CEQ.SIMULATE 60 rows keyed by ${kind}`, 'SIMULATE', [A, P, P, grid(60, 4, (i, j) => [text, 'uniform', 0.05, 0.2][j]), 10]));
      expectWellFormed(await measure(`CEQ.SIMULATE distribution of ${kind}`, 'SIMULATE', [A, P, P, [['churn', text, 0.05, 0.2]], 10]));
      expectWellFormed(await measure(`CEQ.TORNADO metric of ${kind}`, 'TORNADO', [A, P, P, U1, text]));
      expectWellFormed(await measure(`CEQ.OPTIMIZE objective of ${kind}`, 'OPTIMIZE', [A, P, BOUNDS.slice(0, 1), text]));
      expectWellFormed(await measure(`CEQ.OPTIMIZE budget of ${kind}`, 'OPTIMIZE', [A, P, BOUNDS.slice(0, 1), null, [[text, 0.1]]]));
      expectWellFormed(await measure(`CEQ.OPTIMIZE 60 bounds keyed by ${kind}`, 'OPTIMIZE', [A, P, grid(60, 3, (i, j) => [text, 0, 0.1][j])]));
      expectWellFormed(await measure(`CEQ.CROSSOVER cumulative flag of ${kind}`, 'CROSSOVER', [[[1]], [[2]], text]));
      expectWellFormed(await measure(`CEQ.DEFAULTS 50 names of ${kind}`, 'DEFAULTS', [grid(1, 50, (i, j) => `${j}${text}`)]));
      expectWellFormed(await measure(`CEQ.SBG.FIT survivor of ${kind}`, 'SBG.FIT', [column([1000, 900, text])]));
    }
  }, 300_000);

  it('100,000-cell ranges of numbers, short keys, texts and blanks', async () => {
    const shapes: [string, number, number][] = [['1×100,000', 1, MAX_INPUT_CELLS], ['100,000×1', MAX_INPUT_CELLS, 1], ['2,000×50', 2000, 50]];
    for (const [shape, h, w] of shapes) {
      const fills: [string, (i: number, j: number) => unknown][] = [
        ['numbers', (i, j) => i + j], ['keys', (i, j) => (j === 0 ? CATALOGUE[i % CATALOGUE.length].key : 0.1)], ['20-letter texts', () => 't'.repeat(20)],
        ['blanks after a key', (i, j) => (i === 0 && j === 0 ? 'churn' : null)], ['"key" header, note words', (i, j) => (i === 0 ? (j === 0 ? 'key' : 'notes') : `n${j}`)],
      ];
      for (const [what, fill] of fills) {
        const range = grid(h, w, fill);
        expectWellFormed(await measure(`CEQ.PROJECT assumptions ${shape} of ${what}`, 'PROJECT', [range, P]));
        expectWellFormed(await measure(`CEQ.PROJECT plan ${shape} of ${what}`, 'PROJECT', [A, range]));
        expectWellFormed(await measure(`CEQ.DEFAULTS ${shape} of ${what}`, 'DEFAULTS', [range]));
        expectWellFormed(await measure(`CEQ.CROSSOVER ${shape} of ${what}`, 'CROSSOVER', [range, range, true]));
        expectWellFormed(await measure(`CEQ.SBG.FIT ${shape} of ${what}`, 'SBG.FIT', [range]));
        expectWellFormed(await measure(`CEQ.SIMULATE uncertainty ${shape} of ${what}`, 'SIMULATE', [A, P, P, range, 10]));
        expectWellFormed(await measure(`CEQ.OPTIMIZE bounds ${shape} of ${what}`, 'OPTIMIZE', [A, P, range]));
        expectWellFormed(await measure(`CEQ.ATTAINMENT bands ${shape} of ${what}`, 'ATTAINMENT', [1, 0.35, range]));
      }
    }
    // A table of every key, 50 segments and 1,700 note columns of text: every note cell is read.
    const notes = [['key', ...SEGMENTS, ...Array.from({ length: 1700 }, () => 'notes')],
      ...CATALOGUE.filter((s) => s.scope !== 'plan').map((s) => [s.key, ...SEGMENTS.map(() => (s.scope === 'segment' ? s.defaultValue : '')), ...Array.from({ length: 1700 }, () => 'a note')])];
    notes.forEach((row, i) => { if (i > 0 && row[0] !== 'key' && CATALOGUE.find((s) => s.key === row[0])?.scope !== 'segment') row[1] = CATALOGUE.find((s) => s.key === row[0])!.defaultValue; });
    expectWellFormed(await measure('CEQ.PROJECT every key, 50 segments, 1,700 note columns', 'PROJECT', [notes, P]));
  }, 300_000);

  it('the largest projections, quota plans and long numeric work', async () => {
    expectWellFormed(await measure('CEQ.PROJECT 50 segments × 360 months', 'PROJECT', [BIG, P]));
    expectWellFormed(await measure('CEQ.PROJECT 50 segments × 360 months, every role on quotas', 'PROJECT', [BIG, QUOTAS]));
    expectWellFormed(await measure('CEQ.COMPARE 50 × 360, quotas', 'COMPARE', [BIG, P, QUOTAS, 'contribution']));
    expectWellFormed(await measure('CEQ.SUMMARY 50 × 360, quotas', 'SUMMARY', [BIG, QUOTAS, P]));
    expectWellFormed(await measure('CEQ.EFFORT quotas', 'EFFORT', [P, QUOTAS, 2]));
    expectWellFormed(await measure('CEQ.CROSSOVER 5,000 alternating 1e300 running totals', 'CROSSOVER',
      [column(Array.from({ length: 5000 }, (_, i) => (i % 2 ? 1e300 : -1e300))), column(Array.from({ length: 5000 }, (_, i) => (i % 2 ? -1e300 : 1e300))), true]));
    expectWellFormed(await measure('CEQ.CROSSOVER 5,000 tied running totals', 'CROSSOVER', [column(new Array(5000).fill(0.1)), column(new Array(5000).fill(0.1)), true]));
    for (const [what, f] of [['geometric', (i: number) => 1e9 * 0.97 ** i], ['flat', (i: number) => 1000 - Math.min(i, 999)], ['one step', (i: number) => (i < 500 ? 1e6 : 1)]] as const) {
      expectWellFormed(await measure(`CEQ.SBG.FIT 1,000 survivors, ${what}`, 'SBG.FIT', [column(Array.from({ length: 1000 }, (_, i) => Math.round(f(i))))]));
    }
    expectWellFormed(await measure('CEQ.ATTAINMENT 100 bands', 'ATTAINMENT', [1, 2, column(Array.from({ length: 100 }, (_, i) => (i + 1) * 10))]));
    // Long runs: their slices, then cancelled (a whole run at this size takes minutes).
    expectWellFormed(await measure('CEQ.SIMULATE 50 × 360, quotas, 100,000 trials (3 slices)', 'SIMULATE', [BIG, P, QUOTAS, U1, 1000], 3));
    expectWellFormed(await measure('CEQ.SIMULATE 1 × 360, 100,000 trials (4 slices)', 'SIMULATE', [BIG.map((r) => r.slice(0, 2)), P, P, U1, 100_000], 4));
    expectWellFormed(await measure('CEQ.TORNADO 50 × 360, 200 rows (3 slices)', 'TORNADO',
      [BIG, P, QUOTAS, UNCERTAIN_KEYS.flatMap((key) => SEGMENTS.slice(0, 200 / UNCERTAIN_KEYS.length + 1).map((g) => [`${g}.${key}`, 'normal', 0.1, 0.01])).slice(0, 200)], 3));
    expectWellFormed(await measure('CEQ.OPTIMIZE 50 × 360, quotas, five rates (3 slices)', 'OPTIMIZE', [BIG, QUOTAS, BOUNDS], 3));
    // Whole runs that end with a long summary, or many budget bisections.
    expectWellFormed(await measure('CEQ.SIMULATE 30,000 trials × 12 months, to the end', 'SIMULATE', [[['periodsPerYear', 12], ['horizonYears', 1]], P, P, U1, 30_000]));
    expectWellFormed(await measure('CEQ.OPTIMIZE five rates, comp-cost-share budget, to the end', 'OPTIMIZE', [A, P, BOUNDS, 'npv', [['comp_cost_share', 0.12]]]));
  }, 300_000);

  it('refuses oversized inputs before doing any work', async () => {
    const tooMany = await measure('CEQ.PROJECT 100,001 cells', 'PROJECT', [grid(MAX_INPUT_CELLS / 50 + 1, 50, () => 1), P]);
    expect(messageOf(tooMany)).toMatch(/cells is too large/);
    const tooLong = await measure('CEQ.PROJECT 62 cells of 32,767 characters', 'PROJECT', [grid(62, 2, (i, j) => (j === 0 ? 'churn' : LONG_WORD)), P]);
    expect(messageOf(tooLong)).toContain(`characters of text is too large; the limit is ${MAX_INPUT_TEXT}`);
    const scalar = await measure('CEQ.COMPARE metric of 2,000,001 characters', 'COMPARE', [A, P, P, 'x'.repeat(MAX_INPUT_TEXT + 1)]);
    expect(messageOf(scalar)).toMatch(/metric: 2000001 characters of text is too large/);
    const trials = await measure('CEQ.SIMULATE 100,001 trials', 'SIMULATE', [A, P, P, U1, 100_001]);
    expect(messageOf(trials)).toMatch(/trials: 100001 is outside the valid range/);
    const work = await measure('CEQ.SIMULATE 50 × 360 × 100,000 trials', 'SIMULATE', [BIG, P, P, U1, 100_000]);
    expect(messageOf(work)).toMatch(/is too large; the limit is 60000000/);
    const rows = await measure('CEQ.SIMULATE 201 uncertainty rows', 'SIMULATE', [A, P, P, grid(201, 4, (i, j) => ['churn', 'uniform', 0.05, 0.2][j]), 10]);
    expect(messageOf(rows)).toMatch(/uncertainty: 201 rows is too large/);
    const names = await measure('CEQ.DEFAULTS 51 names, two the same', 'DEFAULTS', [grid(1, 51, (i, j) => (j === 50 ? 'n0' : `n${j}`))]);
    expect(messageOf(names)).toMatch(/segments: 51 names is too large/);
  }, 300_000);
});

// ── Random inputs ─────────────────────────────────────────────────────────────────────────────────
const KEYS = CATALOGUE.map((s) => s.key);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.constant(null), fc.constant(''), fc.boolean(), fc.double(), fc.integer({ min: -5, max: 40 }), fc.string()) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS, ...Object.getOwnPropertyNames(Object.prototype), 'uniform', 'normal', 'npv', 'none', 'comp_cost_share', '10%', '0,125', '1,200') },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_TEXTS, 1e308, -1e308, 5e-324) },
);
/** Ranges from one cell to 100,000 (large ones repeat one cell, as a filled-down column does). */
const range: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom([1, 100_000], [100_000, 1], [2000, 50], [50, 2000], [300, 300]), cell).map(([[h, w], c]) => grid(h, w, () => c)) },
  { weight: 1, arbitrary: cell },
);
const ARITY: Record<string, number> = {
  'DEFAULTS': 1, 'PROJECT': 4, 'COMPARE': 5, 'SUMMARY': 7, 'EFFORT': 3, 'CLV': 5, 'SBG.FIT': 1, 'SBG.RETENTION': 3,
  'SBG.SURVIVAL': 3, 'SBG.DERL': 4, 'NRR': 4, 'GRR': 3, 'CROSSOVER': 3, 'SIMULATE': 9, 'SENSITIVITY': 9, 'TORNADO': 5, 'OPTIMIZE': 5,
  'PAYOUT': 5, 'ATTAINMENT': 3, 'ATTRIBUTION': 4, 'BRIDGE': 3, 'CALIBRATE': 3, 'BACKTEST': 5,
};

describe('random inputs', () => {
  it('every function, any cells and ranges: a well-formed spill or error', async () => {
    expect(Object.keys(ARITY).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    let calls = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...Object.keys(ARITY)).chain((id) => fc.tuple(fc.constant(id), fc.array(range, { minLength: ARITY[id], maxLength: ARITY[id] }))),
      async ([id, args]) => {
        calls++;
        expectWellFormed(await measure(`random ${id}`, id, args, 3));
      }), { numRuns: 100 });
    console.log(`random calls: ${calls}`);
  }, 300_000);
});

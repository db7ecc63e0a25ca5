import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cloneScenario, scenarioFromJson, type Scenario } from '../../src/engine';
import { buildWorkbook, type BuiltWorkbook } from '../../src/workbook';
import { scenarioArbitrary } from '../engine/arbitraries';
import { close, evaluate, namesWithSheets, relError } from './hf';

const examplesDir = join(__dirname, '../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'))
  .map((f) => [f, scenarioFromJson(JSON.parse(readFileSync(join(examplesDir, f), 'utf8')))] as const);

interface Check { outputs: number; formulas: number; worst: number; worstAbs: number; failures: string[] }

/**
 * Loads the exact formulas a writer would put in Excel into HyperFormula and compares every engine
 * output cell with the engine (and every formula cell with the value the builder computed for it).
 */
function check(s: Scenario): Check {
  const wb: BuiltWorkbook = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'] });
  const ev = evaluate(wb.sheets, namesWithSheets(wb.names, wb.sheets));
  const failures: string[] = [];
  let worst = 0;
  let worstAbs = 0;
  let formulas = 0;
  const cellAt = new Map(wb.sheets.map((sh) => [sh.key, new Map(sh.cells.map((c) => [`${c.row}:${c.col}`, c]))]));
  for (const sh of wb.sheets) {
    for (const c of sh.cells) {
      if (c.formula === undefined) continue;
      formulas++;
      const v = ev.value(sh.name, c.row, c.col);
      if (typeof v === 'object' && v !== null) failures.push(`${sh.name}!R${c.row + 1}C${c.col + 1} is an error: ${JSON.stringify(v)} = ${c.formula}`);
    }
  }
  for (const o of wb.outputs) {
    const sh = wb.sheets.find((x) => x.key === o.sheet)!;
    const expected = cellAt.get(o.sheet)!.get(`${o.row}:${o.col}`)!.result;
    const v = ev.value(sh.name, o.row, o.col);
    if (typeof v === 'number' && typeof expected === 'number') {
      // Relative error where it means something (|x| ≥ 1); absolute error for small values such as
      // a delta of two nearly equal revenues, where 1e-16 of the revenue can be 1e-8 of the delta.
      if (Math.abs(expected) >= 1) worst = Math.max(worst, relError(v, expected));
      else worstAbs = Math.max(worstAbs, Math.abs(v - expected));
    }
    if (!close(v, expected)) failures.push(`${JSON.stringify(o.ref)}: formulas give ${String(v)}, engine ${String(expected)}`);
  }
  return { outputs: wb.outputs.length, formulas, worst, worstAbs, failures: failures.slice(0, 10) };
}

const worstSeen: number[] = [];
const worstAbsSeen: number[] = [];
afterAll(() => {
  // Figures for the report: the largest differences seen between formulas and engine.
  if (process.env.CEQ_REPORT) {
    console.log(`formulas vs engine: max relative error ${Math.max(...worstSeen)} (|x| ≥ 1), max absolute error ${Math.max(...worstAbsSeen)} (|x| < 1)`);
  }
});

describe('the plain-formula model, evaluated by HyperFormula, equals the engine', () => {
  it.each(examples)('%s as written (annual, quarterly or monthly)', (_, s) => {
    const r = check(s);
    worstSeen.push(r.worst);
    worstAbsSeen.push(r.worstAbs);
    expect(r.failures).toEqual([]);
    expect(r.outputs).toBeGreaterThan(100);
  });

  it.each(examples)('%s in the other granularities', (_, example) => {
    for (const ppy of [1, 4, 12].filter((x) => x !== example.settings.periodsPerYear)) {
      const s = cloneScenario(example);
      s.settings.periodsPerYear = ppy;
      // Monthly sBG cohort matrices grow with the square of the periods: keep those to five years.
      if (ppy === 12 && s.segments.some((g) => g.values.sbgAlpha > 0)) s.settings.horizonYears = Math.min(5, s.settings.horizonYears);
      const r = check(s);
      worstSeen.push(r.worst);
      worstAbsSeen.push(r.worstAbs);
      expect(r.failures).toEqual([]);
    }
  });

  it('the baseline against itself: zero deltas, crossover and break-even in period 1', () => {
    const s = cloneScenario(examples[0][1]);
    s.proposed = [{ name: 'Same', values: { ...s.baseline.values } }];
    expect(check(s).failures).toEqual([]);
  });

  it('a proposal that never breaks even writes "none", as the engine reports null', () => {
    const s = cloneScenario(examples[0][1]);
    s.proposed[0].values.serviceBonusPool = s.baseline.values.serviceBonusPool * 5;
    s.behaviour.responsiveness = 0;
    const wb = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'] });
    expect(wb.result.comparisons[0].breakevenPeriod).toBeNull();
    expect(check(s).failures).toEqual([]);
  });

  it('random valid scenarios (flat and sBG, 1–3 segments, annual/quarterly/monthly)', () => {
    fc.assert(fc.property(scenarioArbitrary().filter((s) => {
      const P = s.settings.horizonYears * s.settings.periodsPerYear;
      return P <= 72 || s.segments.every((g) => !(g.values.sbgAlpha > 0));
    }), (s) => {
      const r = check(s);
      worstSeen.push(r.worst);
      worstAbsSeen.push(r.worstAbs);
      expect(r.failures).toEqual([]);
    }), { numRuns: 25 });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { runScenario, scenarioFromJson, validateScenario, type Scenario } from '../../src/engine';
import { buildWorkbook, engineValue, type BuiltWorkbook } from '../../src/workbook';
import { scenarioArbitrary } from '../engine/arbitraries';
import { close, evaluate, namesWithSheets, relError, type Evaluated } from './hf';

/** The glass box (MODEL.md section 10): the plain-formula sheets, evaluated by HyperFormula, against the engine. */
export const GLASS_BOX_SHEETS = ['inputs', 'plain', 'summary'] as const;

const examplesDir = join(__dirname, '../../examples');
export const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace('.json', ''), scenarioFromJson(JSON.parse(readFileSync(join(examplesDir, f), 'utf8')))] as const);

export interface Check {
  /** Engine-output cells compared with the engine, and every other formula cell with the builder's value. */
  outputs: number;
  formulas: number;
  worstRel: number;
  worstAbs: number;
  failures: string[];
}

/** Largest differences seen, for the report (CEQ_REPORT=1 prints them). */
export const seen = { rel: 0, abs: 0, outputs: 0, formulas: 0 };

export function load(wb: BuiltWorkbook): Evaluated {
  return evaluate(wb.sheets, namesWithSheets(wb.names, wb.sheets));
}

/**
 * Every formula cell, evaluated by HyperFormula from the exact text a writer puts in Excel: no error
 * anywhere; each cell that stands for an engine number equals `expected(ref)` (the engine's value) to
 * 1e-9 relative (1e-6 absolute near zero); each other formula cell equals the value the builder
 * computed for it (what the export caches).
 */
export function check(wb: BuiltWorkbook, ev: Evaluated, expected: (o: BuiltWorkbook['outputs'][number]) => unknown = cachedResults(wb)): Check {
  const failures: string[] = [];
  let worstRel = 0;
  let worstAbs = 0;
  let formulas = 0;
  const isOutput = new Set(wb.outputs.map((o) => `${o.sheet}:${o.row}:${o.col}`));
  for (const sh of wb.sheets) {
    for (const c of sh.cells) {
      if (c.formula === undefined) continue;
      formulas++;
      const v = ev.value(sh.name, c.row, c.col);
      if (typeof v === 'object' && v !== null) failures.push(`${sh.name}!R${c.row + 1}C${c.col + 1} is an error: ${JSON.stringify(v)} = ${c.formula}`);
      else if (!isOutput.has(`${sh.key}:${c.row}:${c.col}`) && !close(v, c.result)) {
        failures.push(`${sh.name}!R${c.row + 1}C${c.col + 1}: ${String(v)}, builder ${String(c.result)} = ${c.formula}`);
      }
    }
  }
  for (const o of wb.outputs) {
    const sh = wb.sheets.find((x) => x.key === o.sheet)!;
    const want = expected(o);
    const v = ev.value(sh.name, o.row, o.col);
    if (typeof v === 'number' && typeof want === 'number') {
      // Relative error where it means something (|x| ≥ 1); absolute for small values such as a delta of
      // two nearly equal revenues, where 1e-16 of the revenue can be 1e-8 of the delta.
      if (Math.abs(want) >= 1) worstRel = Math.max(worstRel, relError(v, want));
      else worstAbs = Math.max(worstAbs, Math.abs(v - want));
    }
    if (!close(v, want as never)) failures.push(`${JSON.stringify(o.ref)}: formulas give ${String(v)}, engine ${String(want)}`);
  }
  seen.rel = Math.max(seen.rel, worstRel);
  seen.abs = Math.max(seen.abs, worstAbs);
  seen.outputs += wb.outputs.length;
  seen.formulas += formulas;
  return { outputs: wb.outputs.length, formulas, worstRel, worstAbs, failures: failures.slice(0, 10) };
}

/** The engine's numbers as the builder attached them to the output cells (build.ts attachEngineResults). */
function cachedResults(wb: BuiltWorkbook) {
  const at = new Map(wb.sheets.flatMap((sh) => sh.cells.map((c) => [`${sh.key}:${c.row}:${c.col}`, c.result] as const)));
  return (o: BuiltWorkbook['outputs'][number]) => at.get(`${o.sheet}:${o.row}:${o.col}`);
}

export function checkScenario(s: Scenario): Check {
  const wb = buildWorkbook(s, { sheets: GLASS_BOX_SHEETS });
  return check(wb, load(wb));
}

/**
 * Random valid scenarios of one granularity, wider than the engine's arbitrary: discount timing,
 * executive tenure, contraction, a second proposed plan. Horizons are capped so monthly runs stay
 * small (the formulas do not change with the horizon, only their number does).
 */
export function glassBoxScenarios(periodsPerYear: 1 | 4 | 12): fc.Arbitrary<Scenario> {
  const maxYears = { 1: 12, 4: 5, 12: 3 }[periodsPerYear];
  return fc.tuple(
    scenarioArbitrary({ periodsPerYear: fc.constant(periodsPerYear) }),
    fc.record({
      years: fc.integer({ min: 1, max: maxYears }),
      discountTiming: fc.constantFrom(0, 1),
      tenureYears: fc.integer({ min: 1, max: 12 }),
      contraction: fc.double({ min: 0, max: 0.2, noNaN: true }),
      second: fc.option(fc.record({ commissionNew: fc.double({ min: 0.01, max: 0.3, noNaN: true }), clawback: fc.double({ min: 0, max: 1, noNaN: true }) })),
    }),
  ).map(([s, x]) => {
    s.settings.horizonYears = Math.min(s.settings.horizonYears, x.years);
    s.settings.discountTiming = x.discountTiming;
    s.settings.tenureYears = x.tenureYears;
    s.segments[0].values.contraction = x.contraction;
    if (x.second) s.proposed.push({ name: 'Second', values: { ...s.proposed[0].values, ...x.second } });
    return s;
  }).filter((s) => validateScenario(s).length === 0);
}

/** The engine's value of every output cell for another scenario of the same layout. */
export function engineOf(s: Scenario) {
  const r = runScenario(s);
  return (o: BuiltWorkbook['outputs'][number]) => engineValue(o.ref, s, r);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloneScenario, deltaSeries, cumulative, scenarioFromJson, type Language, type Metric, type Scenario } from '../../src/engine';
import { functionIdOf } from '../../src/functions/excel-names';
import { liveFunctionNames } from '../../src/office/workbook';
import { functionDef, invoke, NEVER } from '../../src/functions/table';
import { PROJECT_METRICS, snake } from '../../src/functions/model';
import {
  buildWorkbook, LIVE_COMPARE_METRICS, parseRange, plansWithQuotas, SUMMARY_FIELDS, type BuiltWorkbook, type CellSpec, type SheetSpec,
} from '../../src/workbook';
import { close } from './hf';

/**
 * The live sheet calls the add-in's custom functions. Here every call written into it is run through
 * the functions' own entry point (src/functions/table.ts invoke, what each registered function calls)
 * with the values its defined names point at on the inputs sheet, and the spilled result is compared
 * with the engine. This would fail on a wrong argument order, a name the function does not know, a
 * range shape its parser rejects, or a spill that runs into another block of the sheet.
 */
const examplesDir = join(__dirname, '../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'))
  .map((f) => [f, scenarioFromJson(JSON.parse(readFileSync(join(examplesDir, f), 'utf8')))] as const);


type Grid = unknown[][];

function namedValues(wb: BuiltWorkbook, name: string): Grid {
  const n = wb.names.find((x) => x.name === name);
  if (!n) throw new Error(`no defined name ${name}`);
  const sheet = wb.sheets.find((s) => s.key === n.sheet)!;
  const at = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const b = parseRange(n.ref);
  const out: Grid = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: unknown[] = [];
    // Excel passes a blank cell as null (web) and a formula's value; our input cells are constants.
    for (let c = b.c0; c <= b.c1; c++) row.push(at.get(`${r}:${c}`)?.value ?? null);
    out.push(row);
  }
  return out;
}

interface Call { cell: CellSpec; id: string; result: unknown }

/** Runs every custom-function call of the live sheet as Excel would, with the named ranges' values. */
function runLiveSheet(wb: BuiltWorkbook): { live: SheetSpec; calls: Call[] } {
  const live = wb.sheets.find((s) => s.key === 'live')!;
  const calls: Call[] = [];
  for (const cell of live.cells) {
    const m = /^(CEQ\.[A-Z.]+)\((.*)\)$/.exec(cell.formula ?? '');
    if (!m) continue;
    const id = functionIdOf(m[1]);
    if (!id) throw new Error(`${m[1]} is not a function the add-in registers`);
    const args = m[2].split(',').map((a) => (a.startsWith('"') ? a.slice(1, -1) : namedValues(wb, a)));
    calls.push({ cell, id, result: invoke(functionDef(id), args as never) });
  }
  return { live, calls };
}

function projectionColumn(header: unknown[], metric: Metric): number {
  return header.indexOf(snake(metric));
}

function checkAgainstEngine(s: Scenario, lang: Language) {
  const wb = buildWorkbook(s, { lang, functionNames: liveFunctionNames(lang) });
  const { live, calls } = runLiveSheet(wb);
  const r = wb.result;
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  const failures: string[] = [];
  const expectClose = (what: string, got: unknown, want: number | string) => {
    if (!close(got, want)) failures.push(`${what}: function ${String(got)}, engine ${String(want)}`);
  };
  // CEQ.PROJECT runs a plan as the plan in force, so only the baseline's matches the model: the
  // proposed plans are shown through CEQ.COMPARE, which runs them against the baseline.
  expect(calls.filter((c) => c.id === 'PROJECT')).toHaveLength(1);
  expect(calls.filter((c) => c.id === 'SUMMARY')).toHaveLength(s.proposed.length);
  expect(calls.filter((c) => c.id === 'COMPARE')).toHaveLength(LIVE_COMPARE_METRICS.length * s.proposed.length);

  let project = 0;
  let summary = 0;
  let compare = 0;
  const occupied = new Set(live.cells.map((c) => `${c.row}:${c.col}`));
  for (const call of calls) {
    const rows = call.result as unknown[][];
    expect(Array.isArray(rows)).toBe(true);
    // The spill lands on empty cells only (anything else in the way is #SPILL! in Excel).
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < rows[i].length; j++) {
        if ((i || j) && occupied.has(`${call.cell.row + i}:${call.cell.col + j}`)) failures.push(`${call.id} at R${call.cell.row + 1}C${call.cell.col + 1} spills into a written cell`);
      }
    }
    if (call.id === 'PROJECT') {
      const p = project++;
      const projection = p === 0 ? r.baseline : r.proposed[p - 1];
      expect(rows).toHaveLength(P + 1);
      for (const metric of PROJECT_METRICS) {
        const col = projectionColumn(rows[0], metric);
        for (let t = 0; t < P; t++) expectClose(`PROJECT plan ${p} ${metric} period ${t + 1}`, rows[t + 1][col], projection.value(metric, t));
      }
    } else if (call.id === 'SUMMARY') {
      const c = r.comparisons[summary++] as unknown as Record<string, number | null>;
      expect(rows.map((x) => x[0])).toEqual(SUMMARY_FIELDS.map((f) => snake(f)));
      SUMMARY_FIELDS.forEach((field, k) => expectClose(`SUMMARY ${field}`, rows[k][1], c[field] ?? NEVER));
    } else {
      const k = LIVE_COMPARE_METRICS.length;
      const p = Math.floor(compare / k) + 1;
      const name = LIVE_COMPARE_METRICS[compare++ % k];
      const metric = PROJECT_METRICS.find((m) => snake(m) === name)!;
      const base = r.baseline.series(metric);
      const prop = r.proposed[p - 1].series(metric);
      const delta = deltaSeries(r.baseline, r.proposed[p - 1], metric);
      const cum = cumulative(delta);
      expect(rows).toHaveLength(P + 1);
      for (let t = 0; t < P; t++) {
        expectClose(`COMPARE ${metric} baseline ${t + 1}`, rows[t + 1][1], base[t]);
        expectClose(`COMPARE ${metric} proposed ${t + 1}`, rows[t + 1][2], prop[t]);
        expectClose(`COMPARE ${metric} delta ${t + 1}`, rows[t + 1][3], delta[t]);
        expectClose(`COMPARE ${metric} cumulative ${t + 1}`, rows[t + 1][4], cum[t]);
      }
    }
  }
  return failures;
}

describe('the live sheet: CEQ functions over the inputs sheet equal the engine', () => {
  it.each(examples)('%s', (_, s) => {
    expect(checkAgainstEngine(s, 'en').slice(0, 10)).toEqual([]);
  });

  it('in Spanish: the Spanish function names are the ones the add-in registers, with the same results', () => {
    const s = cloneScenario(examples[0][1]);
    const wb = buildWorkbook(s, { lang: 'es', functionNames: liveFunctionNames('es') });
    const names = new Set(wb.sheets.find((x) => x.key === 'live')!.cells.map((c) => /^(CEQ\.[A-Z.]+)\(/.exec(c.formula ?? '')?.[1]).filter(Boolean));
    // What a Spanish Excel builds from the manifest's namespace and functions-es.json's names.
    expect([...names].sort()).toEqual(['CEQ.COMPARAR', 'CEQ.PROYECTAR', 'CEQ.RESUMEN']);
    expect(checkAgainstEngine(s, 'es').slice(0, 10)).toEqual([]);
  });

  it('writes the names Excel builds, namespace + "." + metadata name, in English', () => {
    const wb = buildWorkbook(cloneScenario(examples[0][1]), { functionNames: liveFunctionNames('en') });
    const names = new Set(wb.sheets.find((x) => x.key === 'live')!.cells.map((c) => /^(CEQ\.[A-Z.]+)\(/.exec(c.formula ?? '')?.[1]).filter(Boolean));
    expect([...names].sort()).toEqual(['CEQ.COMPARE', 'CEQ.PROJECT', 'CEQ.SUMMARY']);
    expect(() => buildWorkbook(cloneScenario(examples[0][1]))).toThrow(/functionNames/);
  });

  it('two proposed plans, monthly: every block has room for its spill', () => {
    const s = cloneScenario(examples[0][1]);
    s.settings.periodsPerYear = 12;
    s.settings.horizonYears = 3;
    s.proposed.push({ name: 'Second', values: { ...s.proposed[0].values, commissionNew: 0.05 } });
    expect(checkAgainstEngine(s, 'en').slice(0, 10)).toEqual([]);
  });
});

describe('plans the plain-formula model does not cover yet', () => {
  it('a plan that pays roles on quotas is refused by name, in both languages, before anything is built', () => {
    const s = cloneScenario(examples[0][1]);
    (s.proposed[0].values as Record<string, number>)['ae.newArr.quota'] = 1_000_000;
    expect(plansWithQuotas(s)).toEqual([s.proposed[0].name]);
    expect(() => buildWorkbook(s)).toThrow(new RegExp(`quotas yet \\(${s.proposed[0].name}\\)`));
    expect(() => buildWorkbook(s, { lang: 'es' })).toThrow(/cuotas por puesto/);
    expect(plansWithQuotas(examples[0][1])).toEqual([]);
  });
});

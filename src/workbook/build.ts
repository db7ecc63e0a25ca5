import {
  assertValidScenario, cumulative, customerEquity, deltaSeries, runScenario, yearly, type Language, type Scenario, type ScenarioResult,
} from '../engine';
import { buildInputsSheet, type InputsLayout } from './inputs-sheet';
import { SHEET_NAMES } from './labels';
import { buildLiveSheet, type LiveFunctionNames } from './live-sheet';
import { assertPlainModelCovers, buildPlainSheet } from './plain-sheet';
import { buildSummarySheet } from './summary-sheet';
import type { OutputRef, SheetKey, SheetSpec, WorkbookSpec } from './types';
import type { Value } from './expr';

export interface BuildOptions {
  lang?: Language;
  /** Actual sheet names (after avoiding a user's sheets of the same name); defaults from SHEET_NAMES. */
  sheetNames?: Partial<Record<SheetKey, string>>;
  /** Which sheets to build: the CLI export leaves out the live sheet (it needs the add-in). */
  sheets?: readonly SheetKey[];
  /** The live sheet's function names as Excel builds them (src/functions/excel-names.ts); needed when it is built. */
  functionNames?: LiveFunctionNames;
}

export interface BuiltWorkbook extends WorkbookSpec {
  result: ScenarioResult;
  inputsLayout: InputsLayout;
}

export const ALL_SHEETS: readonly SheetKey[] = ['inputs', 'plain', 'live', 'summary'];

export function defaultSheetNames(lang: Language): Record<SheetKey, string> {
  const names = {} as Record<SheetKey, string>;
  for (const key of Object.keys(SHEET_NAMES) as SheetKey[]) names[key] = SHEET_NAMES[key][lang];
  return names;
}

/**
 * Describes the whole workbook for a valid scenario. Every formula cell carries its value as `result`:
 * the engine's own number where the cell stands for an engine output, the formula's computed value
 * elsewhere (see expr.ts). Throws a ModelError for an invalid scenario and an Error when the layout
 * would be too large.
 */
export function buildWorkbook(s: Scenario, o: BuildOptions = {}): BuiltWorkbook {
  const lang = o.lang ?? 'en';
  assertPlainModelCovers(s, lang);
  assertValidScenario(s);
  const names = { ...defaultSheetNames(lang), ...o.sheetNames };
  const wanted = new Set(o.sheets ?? ALL_SHEETS);
  const inputs = buildInputsSheet(s, names.inputs, lang);
  const plain = buildPlainSheet(s, names.plain, lang, inputs.refs);
  const summary = buildSummarySheet(s, names.summary, lang, plain);
  const result = runScenario(s);
  const sheets: SheetSpec[] = [inputs.sheet.build(), plain.sheet.build()];
  if (wanted.has('live')) {
    if (!o.functionNames) throw new Error('buildWorkbook: the live sheet needs functionNames (src/office/workbook.ts liveFunctionNames)');
    sheets.push(buildLiveSheet(s, names.live, lang, plain, o.functionNames).sheet.build());
  }
  sheets.push(summary.sheet.build());
  const outputs = [...plain.outputs, ...summary.outputs];
  const spec: BuiltWorkbook = {
    sheets: sheets.filter((sh) => wanted.has(sh.key)),
    names: [...inputs.names, ...plain.names].filter((n) => wanted.has(n.sheet)),
    outputs,
    result,
    inputsLayout: inputs.layout,
  };
  attachEngineResults(spec, s, lang);
  return spec;
}

/** The engine's number for one output cell ("none" text for a comparison that never happens). */
export function engineValue(ref: OutputRef, s: Scenario, r: ScenarioResult, lang: Language = 'en'): Value {
  const projection = ref.plan === 0 ? r.baseline : r.proposed[ref.plan - 1];
  switch (ref.kind) {
    case 'metric':
      return projection.value(ref.metric, ref.period, ref.segment === 'total' ? projection.totalIndex : ref.segment);
    case 'terminal':
      return projection.terminalValue[ref.segment === 'total' ? projection.totalIndex : ref.segment];
    case 'equity':
      return customerEquity(projection, s.settings);
    case 'comparison': {
      const v = (r.comparisons[ref.plan - 1] as unknown as Record<string, number | null>)[ref.field];
      return v === null ? (lang === 'es' ? 'ninguno' : 'none') : v;
    }
    case 'yearly':
      return yearly(projection)[ref.year][ref.metric];
    case 'cumulativeDelta': {
      const ppy = s.settings.periodsPerYear;
      return cumulative(deltaSeries(r.baseline, projection, ref.metric))[(ref.year + 1) * ppy - 1];
    }
  }
}

function attachEngineResults(spec: BuiltWorkbook, s: Scenario, lang: Language): void {
  const byKey = new Map(spec.sheets.map((sh) => [sh.key, new Map(sh.cells.map((c) => [c.row * 100_000 + c.col, c]))]));
  for (const out of spec.outputs) {
    const cell = byKey.get(out.sheet)?.get(out.row * 100_000 + out.col);
    if (cell && cell.formula !== undefined) cell.result = engineValue(out.ref, s, spec.result, lang);
  }
}

import type { Comparison, Language, Scenario } from '../engine';
import { absAddress, cellAddress, sheetPrefix } from './a1';
import { atom, text, type Ex } from './expr';
import { FORMAT, pick, t, type Pair } from './labels';
import { ASSUMPTIONS_NAME, planRangeName } from './names';
import type { PlainSheet } from './plain-sheet';
import { SheetBuilder } from './sheet-builder';

/** Function ids of the add-in's custom functions this sheet calls (ids never change). */
export type LiveFunctionId = 'PROJECT' | 'COMPARE' | 'SUMMARY';
export const LIVE_FUNCTION_IDS: readonly LiveFunctionId[] = ['PROJECT', 'COMPARE', 'SUMMARY'];

/**
 * The names Excel knows them by in the workbook's language (`CEQ.PROJECT`, `CEQ.PROYECTAR`): the
 * manifest's namespace + "." + the metadata name. This layer may not import src/functions, so callers
 * pass src/functions/excel-names.ts's names (src/office/workbook.ts liveFunctionNames); there is no
 * default here, so no second copy of them can drift.
 */
export type LiveFunctionNames = Record<LiveFunctionId, string>;

/** The rows CEQ.SUMMARY spills, in its order (src/functions/table.ts SUMMARY_ROWS; a test checks both). */
export const SUMMARY_FIELDS: readonly (keyof Comparison)[] = [
  'crossoverPeriod', 'breakevenPeriod', 'shortTermSacrifice', 'npvDelta', 'customerEquityBaseline', 'customerEquityProposed',
  'customerEquityDelta', 'tenureNpvDelta', 'year1RevenueDelta', 'finalYearRevenueDelta', 'year1CompCostDelta', 'finalYearCompCostDelta',
  'terminalShareBaseline', 'terminalShareProposed',
];

/** Metrics shown with CEQ.COMPARE for each proposed plan, side by side (CEQ.PROJECT's snake_case names). */
export const LIVE_COMPARE_METRICS = ['revenue', 'contribution', 'arr', 'comp_cost'] as const;
/** Columns of one CEQ.COMPARE spill (period, baseline, proposed, delta, cumulative delta) and of a CEQ.PROJECT spill. */
const COMPARE_WIDTH = 5;

/** Rows each spilled result needs, so that no spill runs into the next block (#SPILL!). */
export function liveSpill(s: Scenario): { summary: number; compare: number; project: number } {
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  return { summary: SUMMARY_FIELDS.length, compare: P + 1, project: P + 1 };
}

const L: Record<string, Pair> = {
  modelSheet: { en: 'model sheet', es: 'hoja del modelo' },
  difference: { en: 'difference', es: 'diferencia' },
  spilled: { en: 'spilled result', es: 'resultado desbordado' },
};

/** The note under the PROJECT call, naming the functions as this workbook's Excel does. */
function projectNote(lang: Language, names: LiveFunctionNames): string {
  return lang === 'en'
    ? `${names.PROJECT} projects one plan as the plan in force (nobody changes behaviour), so it is shown for the baseline; each proposed plan is shown against the baseline with ${names.COMPARE} above.`
    : `${names.PROJECT} proyecta un plan como el plan vigente (nadie cambia de comportamiento), por eso se muestra para el plan base; cada plan propuesto se muestra frente al plan base con ${names.COMPARE}, más arriba.`;
}

export interface LiveSheet {
  sheet: SheetBuilder;
  /** Where each call sits (its top-left cell), for the real-Excel test and the docs. */
  calls: { fn: LiveFunctionId; plan: number; row: number; col: number; metric?: string }[];
}

/**
 * Live functions over the inputs sheet: for each proposed plan CEQ.SUMMARY (beside it the same figures
 * from the model sheet and their difference, so anyone can see both computations agree) and CEQ.COMPARE
 * on revenue, contribution, ARR and comp cost; then CEQ.PROJECT for the baseline. (CEQ.PROJECT of a
 * proposed plan would project it as the plan in force, without the change in behaviour a switch from
 * the baseline brings, so it would not match the model sheet: the proposed plans appear through
 * CEQ.COMPARE, which runs them against the baseline.) Argument shapes: the assumptions range
 * (key column + one column per segment, header row) and plan ranges (key/value columns, header row),
 * all by defined name, as src/functions/table.ts declares them:
 *   PROJECT(assumptions, plan)  COMPARE(assumptions, baseline_plan, proposed_plan, metric)
 *   SUMMARY(assumptions, baseline_plan, proposed_plan)
 */
export function buildLiveSheet(s: Scenario, sheetName: string, lang: Language, plain: PlainSheet, functionNames: LiveFunctionNames): LiveSheet {
  const sh = new SheetBuilder('live', sheetName);
  const calls: LiveSheet['calls'] = [];
  sh.set(0, 0, t('liveTitle', lang), { style: 'title' });
  sh.set(1, 0, t('liveNote', lang), { style: 'note' });
  const spill = liveSpill(s);
  const model = sheetPrefix(plain.sheet.name);
  const fromModel = (row: number, col: number): Ex => atom(`${model}${absAddress(row, col)}`, plain.sheet.valueAt(row, col));
  const plans = [s.baseline, ...s.proposed];
  const args = (...parts: string[]) => parts.join(',');
  const formula = (fn: LiveFunctionId, ...parts: string[]): Ex => ({ f: `${functionNames[fn]}(${args(...parts)})`, v: '', p: 9 });
  let row = 3;

  for (let p = 1; p < plans.length; p++) {
    const name = plans[p].name;
    // CEQ.SUMMARY, with the model sheet's figures beside it.
    sh.set(row, 0, `${functionNames.SUMMARY}: ${name}`, { style: 'subtitle' });
    sh.set(row + 1, 0, pick(L.spilled, lang), { style: 'header' });
    sh.set(row + 1, 1, '', { style: 'header' });
    sh.set(row + 1, 2, pick(L.modelSheet, lang), { style: 'header' });
    sh.set(row + 1, 3, pick(L.difference, lang), { style: 'header' });
    const top = row + 2;
    sh.set(top, 0, formula('SUMMARY', ASSUMPTIONS_NAME, planRangeName(0), planRangeName(p)));
    calls.push({ fn: 'SUMMARY', plan: p, row: top, col: 0 });
    SUMMARY_FIELDS.forEach((field, k) => {
      const at = plain.resultCell(p, field);
      const share = field === 'terminalShareBaseline' || field === 'terminalShareProposed';
      const money = !share && field !== 'crossoverPeriod' && field !== 'breakevenPeriod';
      sh.set(top + k, 2, fromModel(at.row, at.col), { style: 'output', format: share ? FORMAT.share : money ? FORMAT.money : FORMAT.int });
      const spilled = cellAddress(top + k, 1);
      const modelCell = cellAddress(top + k, 2);
      // Numbers only: a period that never comes is "never" from the function, "none" on the model sheet.
      sh.set(top + k, 3, { f: `IF(AND(ISNUMBER(${spilled}),ISNUMBER(${modelCell})),${spilled}-${modelCell},"")`, v: '', p: 9 }, { style: 'check', format: FORMAT.money });
    });
    row = top + spill.summary + 2;

    // CEQ.COMPARE, one metric beside the other.
    LIVE_COMPARE_METRICS.forEach((metric, m) => {
      const col = m * (COMPARE_WIDTH + 1);
      sh.set(row, col, `${functionNames.COMPARE}: ${name}, ${metric}`, { style: 'subtitle' });
      sh.set(row + 1, col, formula('COMPARE', ASSUMPTIONS_NAME, planRangeName(0), planRangeName(p), text(metric).f));
      calls.push({ fn: 'COMPARE', plan: p, row: row + 1, col, metric });
    });
    row += 1 + spill.compare + 2;
  }

  sh.set(row, 0, `${functionNames.PROJECT}: ${plans[0].name}`, { style: 'subtitle' });
  sh.set(row + 1, 0, projectNote(lang, functionNames), { style: 'note' });
  sh.set(row + 2, 0, formula('PROJECT', ASSUMPTIONS_NAME, planRangeName(0)));
  calls.push({ fn: 'PROJECT', plan: 0, row: row + 2, col: 0 });
  sh.width(0, 28);
  for (let c = 1; c < 2 * (COMPARE_WIDTH + 1); c++) sh.width(c, 16);
  return { sheet: sh, calls };
}

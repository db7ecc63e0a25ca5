import type { Language, Scenario } from '../engine';
import { t } from './labels';
import { ASSUMPTIONS_NAME, planRangeName } from './names';
import { SheetBuilder } from './sheet-builder';

/** Function ids of the add-in's custom functions this sheet calls (ids never change). */
export type LiveFunctionId = 'PROJECT' | 'COMPARE' | 'SUMMARY';

/**
 * The names Excel shows for them. Custom function names are not translated in Range.formulas the way
 * built-ins are (EXCEL.md), so a Spanish Excel needs the Spanish names written. When
 * src/functions/names-es.ts lands, pass its table as `functionNames` instead of relying on this one.
 */
export const LIVE_FUNCTION_NAMES: Record<Language, Record<LiveFunctionId, string>> = {
  en: { PROJECT: 'CEQ.PROJECT', COMPARE: 'CEQ.COMPARE', SUMMARY: 'CEQ.SUMMARY' },
  es: { PROJECT: 'CEQ.PROYECTAR', COMPARE: 'CEQ.COMPARAR', SUMMARY: 'CEQ.RESUMEN' },
};

/** Rows left for each spilled result before the next one starts (a spill into filled cells is #SPILL!). */
export function liveSpacing(s: Scenario): { summary: number; compare: number; project: number } {
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  return { summary: 30, compare: 30, project: P + 6 };
}

/**
 * Live functions over the inputs sheet: CEQ.SUMMARY and CEQ.COMPARE for each proposed plan, then
 * CEQ.PROJECT for every plan. Argument shapes: the assumptions range (key column + one column per
 * segment, header row) and plan ranges (key/value columns, header row), all by defined name.
 */
export function buildLiveSheet(s: Scenario, sheetName: string, lang: Language, functionNames = LIVE_FUNCTION_NAMES[lang]): SheetBuilder {
  const sh = new SheetBuilder('live', sheetName);
  sh.set(0, 0, t('liveTitle', lang), { style: 'title' });
  sh.set(1, 0, t('liveNote', lang), { style: 'note' });
  const space = liveSpacing(s);
  let row = 3;
  const call = (id: LiveFunctionId, plan: number) =>
    `${functionNames[id]}(${ASSUMPTIONS_NAME},${planRangeName(0)},${planRangeName(plan)})`;
  const block = (label: string, formula: string, rows: number) => {
    sh.set(row, 0, label, { style: 'subtitle' });
    sh.set(row + 1, 0, { f: formula, v: '', p: 9 });
    row += rows;
  };
  for (let p = 1; p <= s.proposed.length; p++) {
    block(`${functionNames.SUMMARY}: ${s.proposed[p - 1].name}`, call('SUMMARY', p), space.summary);
    block(`${functionNames.COMPARE}: ${s.proposed[p - 1].name}`, call('COMPARE', p), space.compare);
  }
  const plans = [s.baseline, ...s.proposed];
  plans.forEach((pl, p) => block(`${functionNames.PROJECT}: ${pl.name}`, call('PROJECT', p), space.project));
  sh.width(0, 28);
  return sh;
}

import { specsOf, type AssumptionSpec, type Language, type Scenario } from '../engine';
import { absAddress, rangeAddress } from './a1';
import { atom, type Ex } from './expr';
import { pick, t, UNIT_FORMAT, UNIT_TEXT } from './labels';
import {
  ASSUMPTIONS_NAME, planId, planName, planRangeName, scalarName, segmentIds, segmentName,
} from './names';
import { SheetBuilder } from './sheet-builder';
import type { NameSpec } from './types';

/** Keys whose value shapes the model sheet (rows, cohort columns): changing them needs a new insert. */
export const LAYOUT_KEYS: ReadonlySet<string> = new Set(['horizonYears', 'periodsPerYear', 'sbgAlpha', 'sbgBeta']);

/** How the other sheets refer to an input: by its defined name, carrying its current value. */
export interface InputRefs {
  scenario(key: string): Ex;
  behaviour(key: string): Ex;
  segment(key: string, s: number): Ex;
  plan(key: string, p: number): Ex;
}

export interface InputsLayout {
  /** 0-based rows and columns of the assumption table (header row included). */
  assumptions: { r0: number; r1: number; c0: number; c1: number };
  /** Per plan: its key/value block (header row included). */
  plans: { r0: number; r1: number; c0: number; c1: number }[];
}

export interface InputsSheet {
  sheet: SheetBuilder;
  names: NameSpec[];
  refs: InputRefs;
  layout: InputsLayout;
}

const HEADER_ROW = 4;

/**
 * The inputs sheet, laid out like CEQ.DEFAULTS output: key, one value column per segment, unit,
 * meaning. Scenario and behaviour keys have their value in the first segment column. Plans follow as
 * key/value column pairs side by side, so each plan is a two-column range a custom function can read.
 */
export function buildInputsSheet(s: Scenario, sheetName: string, lang: Language): InputsSheet {
  const sh = new SheetBuilder('inputs', sheetName);
  const names: NameSpec[] = [];
  const seg = segmentIds(s);
  const nSeg = s.segments.length;
  const values = new Map<string, Ex>();

  sh.set(0, 0, t('inputsTitle', lang), { style: 'title' });
  sh.set(1, 0, t('scenario', lang), { style: 'label' });
  sh.set(1, 1, s.name, { style: 'subtitle' });
  sh.set(2, 0, t('inputsNote', lang), { style: 'note' });

  // ── The assumption table ────────────────────────────────────────────────────────────────────
  const unitCol = 1 + nSeg;
  const meaningCol = unitCol + 1;
  sh.set(HEADER_ROW, 0, t('key', lang), { style: 'header' });
  s.segments.forEach((g, i) => sh.set(HEADER_ROW, 1 + i, g.name, { style: 'header' }));
  sh.set(HEADER_ROW, unitCol, t('unit', lang), { style: 'header' });
  sh.set(HEADER_ROW, meaningCol, t('meaning', lang), { style: 'header' });

  let row = HEADER_ROW + 1;
  const meaningOf = (spec: AssumptionSpec) =>
    `${pick(spec.label, lang)}: ${pick(spec.meaning, lang)}${LAYOUT_KEYS.has(spec.key) ? t('layout', lang) : ''}`;
  const writeRow = (spec: AssumptionSpec, cells: number[], name: (i: number) => string) => {
    sh.set(row, 0, spec.key, { style: 'key' });
    cells.forEach((v, i) => {
      sh.set(row, 1 + i, v, { style: 'input', format: UNIT_FORMAT[spec.unit] });
      const n = name(i);
      names.push({ name: n, sheet: 'inputs', ref: absAddress(row, 1 + i) });
      values.set(n, atom(n, v));
    });
    for (let i = cells.length; i < nSeg; i++) sh.set(row, 1 + i, '', { style: 'inputUnused' });
    sh.set(row, unitCol, pick(UNIT_TEXT[spec.unit], lang), { style: 'label' });
    sh.set(row, meaningCol, meaningOf(spec), { style: 'label' });
    sh.validations.push(validationOf(spec, rangeAddress(row, 1, row, cells.length), lang));
    row++;
  };
  for (const spec of specsOf('scenario')) writeRow(spec, [s.settings[spec.key as keyof typeof s.settings]], () => scalarName(spec.key));
  for (const spec of specsOf('segment')) {
    writeRow(spec, s.segments.map((g) => g.values[spec.key as keyof typeof g.values]), (i) => segmentName(spec.key, seg[i]));
  }
  for (const spec of specsOf('behaviour')) writeRow(spec, [s.behaviour[spec.key as keyof typeof s.behaviour]], () => scalarName(spec.key));
  const assumptions = { r0: HEADER_ROW, r1: row - 1, c0: 0, c1: nSeg };
  names.push({ name: ASSUMPTIONS_NAME, sheet: 'inputs', ref: rangeAddress(assumptions.r0, 0, assumptions.r1, nSeg, { absRow: true, absCol: true }) });

  // ── The plans ───────────────────────────────────────────────────────────────────────────────
  row += 1;
  sh.set(row, 0, t('plansTitle', lang), { style: 'subtitle' });
  row += 1;
  const plans = [s.baseline, ...s.proposed];
  const planHeader = row;
  const planUnitCol = 2 * plans.length;
  plans.forEach((p, i) => {
    sh.set(planHeader, 2 * i, t('key', lang), { style: 'header' });
    sh.set(planHeader, 2 * i + 1, p.name, { style: 'header' });
  });
  sh.set(planHeader, planUnitCol, t('unit', lang), { style: 'header' });
  sh.set(planHeader, planUnitCol + 1, t('meaning', lang), { style: 'header' });
  row++;
  for (const spec of specsOf('plan')) {
    plans.forEach((p, i) => {
      const v = p.values[spec.key as keyof typeof p.values];
      sh.set(row, 2 * i, spec.key, { style: 'key' });
      sh.set(row, 2 * i + 1, v, { style: 'input', format: UNIT_FORMAT[spec.unit] });
      const n = planName(spec.key, i);
      names.push({ name: n, sheet: 'inputs', ref: absAddress(row, 2 * i + 1) });
      values.set(n, atom(n, v));
      sh.validations.push(validationOf(spec, absAddress(row, 2 * i + 1).replace(/\$/g, ''), lang));
    });
    sh.set(row, planUnitCol, pick(UNIT_TEXT[spec.unit], lang), { style: 'label' });
    sh.set(row, planUnitCol + 1, meaningOf(spec), { style: 'label' });
    row++;
  }
  const planBlocks = plans.map((_, i) => ({ r0: planHeader, r1: row - 1, c0: 2 * i, c1: 2 * i + 1 }));
  planBlocks.forEach((b, i) => names.push({
    name: planRangeName(i), sheet: 'inputs', ref: rangeAddress(b.r0, b.c0, b.r1, b.c1, { absRow: true, absCol: true }),
    comment: `${planId(i)}: ${plans[i].name}`,
  }));

  sh.width(0, 24);
  for (let c = 1; c <= Math.max(nSeg, 2 * plans.length); c++) sh.width(c, 16);
  sh.width(unitCol, Math.max(sh.columnWidths[unitCol] ?? 0, 14));
  sh.width(meaningCol, Math.max(sh.columnWidths[meaningCol] ?? 0, 60));
  sh.width(planUnitCol + 1, Math.max(sh.columnWidths[planUnitCol + 1] ?? 0, 60));
  sh.freeze = { rows: HEADER_ROW + 1, cols: 1 };
  // Preview: the title, the scenario keys and the segment table (the behaviour rows follow the same pattern).
  sh.print = { areas: [{ r0: 0, c0: 0, r1: HEADER_ROW + specsOf('scenario').length + specsOf('segment').length + 6, c1: meaningCol }] };

  const get = (n: string): Ex => {
    const e = values.get(n);
    if (!e) throw new Error(`no input named ${n}`);
    return e;
  };
  const refs: InputRefs = {
    scenario: (key) => get(scalarName(key)),
    behaviour: (key) => get(scalarName(key)),
    segment: (key, i) => get(segmentName(key, seg[i])),
    plan: (key, p) => get(planName(key, p)),
  };
  return { sheet: sh, names, refs, layout: { assumptions, plans: planBlocks } };
}

function validationOf(spec: AssumptionSpec, range: string, lang: Language) {
  const title = `${spec.key}: ${t('validationTitle', lang)}`;
  if (spec.allowed) {
    return { range, kind: 'list' as const, list: spec.allowed, title, message: `${spec.key}: ${t('oneOf', lang)} ${spec.allowed.join(', ')}` };
  }
  const whole = spec.integer ? `${t('wholeNumber', lang)} ` : '';
  return {
    range, kind: spec.integer ? ('whole' as const) : ('decimal' as const), min: spec.min, max: spec.max, title,
    message: `${spec.key}: ${whole}${t('between', lang)} ${spec.min} ${t('and', lang)} ${spec.max}`,
  };
}

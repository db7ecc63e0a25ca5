/**
 * The deterministic model as ordinary formulas (the "plain" model sheet): src/engine/model/project.ts
 * and compare.ts step by step, one row per period, so that a reader can audit every number with Excel
 * alone. Each model block is written by its own file, next to the engine step it mirrors (each file's
 * top comment names the engine file and function and the MODEL.md section):
 *   layout.ts          the sheet's frame: rows, column blocks, the PlainContext every block writes through
 *   constants.ts       global and segment constants   (behaviour.ts baselineFlows, project.ts set-up)
 *   plan-constants.ts  each plan's behaviour targets   (behaviour.ts planBehaviour)
 *   behaviour-path.ts  time columns, behaviour path    (project.ts behaviourPath)
 *   book.ts, curves.ts customers, book, flows          (project.ts projectSegment, churn.ts)
 *   money.ts           money lines                     (project.ts projectSegment)
 *   totals.ts          totals and comparisons          (project.ts sumSegments, compare.ts)
 *   terminal.ts        terminal value run-off          (terminal.ts terminalValue)
 *   results.ts         results, headers, print layout  (compare.ts compare)
 * Why the equations are written here a second time rather than declared once as data that both the
 * engine and this writer read (issue 16): an interpreted expression in the engine's hot loop cannot
 * meet issue 14's "at most 3× a bare loop"; generating code at run time needs the CSP's 'unsafe-eval';
 * generating it at build time would put generated code in the hot loop. So the two copies stay, kept
 * equal cell by cell by test/workbook (the plain sheet equals the engine on every cell) and by the
 * LibreOffice and HyperFormula recalculation checks.
 */
import type { Language, Scenario } from '../../engine';
import type { COMPARE_COLUMNS } from '../columns';
import type { InputRefs } from '../inputs-sheet';
import type { SheetBuilder } from '../sheet-builder';
import type { NameSpec, OutputCell } from '../types';
import { writeBehaviourPath, writeTimeColumns } from './behaviour-path';
import { writeSegment } from './book';
import { writeGlobalConstants, writeSegmentConstants } from './constants';
import { layoutPlainSheet, plainCellCount, writePeriodTableHeaders, type ResultKey } from './layout';
import { writePlanConstants } from './plan-constants';
import { writeFrame, writeResults } from './results';
import { writeTerminalValues } from './terminal';
import { writeComparisons, writeTotal } from './totals';
import { t as tx } from '../labels';

export { plainCellCount, RESULT_KEYS, type ResultKey } from './layout';

/** Refuse to write more formula cells than this into one sheet (Excel copes, but writing gets slow). */
export const MAX_PLAIN_CELLS = 400_000;

export interface PlainSheet {
  sheet: SheetBuilder;
  names: NameSpec[];
  outputs: OutputCell[];
  /** Rows of the period table (0-based, inclusive). */
  firstRow: number;
  lastRow: number;
  /** Column of a total metric of a plan, of a comparison column of a proposed plan. */
  totalCol(plan: number, key: string): number;
  compareCol(plan: number, key: keyof typeof COMPARE_COLUMNS): number;
  /** Cells of the results block: per plan (equity, pv…) and per proposed plan (comparison fields). */
  resultCell(plan: number, key: ResultKey): { row: number; col: number };
}

/**
 * Plans the model sheet cannot mirror yet: a plan that pays roles on quotas (MODEL.md section 8) holds
 * keys beyond the catalogue's flat plan keys (`ae.newArr.quota`, …; the engine's planUsesQuotas tests
 * the same: a dot in a key). THE PLACE TO EXTEND: to support quota plans, add their per-period payout
 * columns to the segment block (book.ts and money.ts, after `commissionExpansion`) and their behaviour
 * ratios to the plan constants (plan-constants.ts), then drop the refusal below. Until then such a
 * scenario is refused with a message rather than written with numbers that ignore the quota layer.
 */
export function plansWithQuotas(s: Scenario): string[] {
  return [s.baseline, ...s.proposed].filter((p) => Object.keys(p.values).some((key) => key.includes('.'))).map((p) => p.name);
}

/** Throws, naming the plans, when the model sheet cannot mirror the scenario (see plansWithQuotas). */
export function assertPlainModelCovers(s: Scenario, lang: Language): void {
  const quota = plansWithQuotas(s);
  if (quota.length) {
    throw new Error(lang === 'es'
      ? `El modelo en fórmulas normales aún no cubre planes con cuotas por puesto (${quota.join(', ')}): inserte o exporte un escenario sin puestos, o use las funciones CEQ.`
      : `The plain-formula model does not cover plans that pay roles on quotas yet (${quota.join(', ')}): insert or export a scenario without roles, or use the CEQ functions.`);
  }
}

/**
 * Blocks from left to right: time; then per plan its behaviour path, one block per segment and the
 * total; then per proposed plan the comparison with the baseline; then, per plan and segment, the
 * book's pool matrices and the run-off table. Written in this order (later blocks read earlier cells).
 */
export function buildPlainSheet(s: Scenario, sheetName: string, lang: Language, inp: InputRefs): PlainSheet {
  assertPlainModelCovers(s, lang);
  const cells = plainCellCount(s);
  if (cells > MAX_PLAIN_CELLS) {
    throw new Error(lang === 'es'
      ? `El modelo necesitaría ${cells} celdas (máximo ${MAX_PLAIN_CELLS}): use menos períodos por año, un horizonte más corto o abandono constante en lugar de sBG.`
      : `The model would need ${cells} cells (at most ${MAX_PLAIN_CELLS}): use fewer periods per year, a shorter horizon, or flat churn instead of sBG.`);
  }
  const c = layoutPlainSheet(s, sheetName, lang, inp);
  const { sh } = c;
  sh.set(0, 0, tx('plainTitle', lang), { style: 'title' });
  sh.set(1, 0, tx('plainNote', lang), { style: 'note' });

  const gc = writeGlobalConstants(c);
  const planConst = writePlanConstants(c, gc);
  const segConst = writeSegmentConstants(c, gc);
  writePeriodTableHeaders(c);
  writeTimeColumns(c, gc);
  for (let p = 0; p < c.nPlans; p++) {
    const bv = writeBehaviourPath(c, gc, planConst[p], p);
    for (let i = 0; i < c.nSeg; i++) writeSegment(c, gc, segConst[i], bv, p, i);
    writeTotal(c, p);
  }
  writeComparisons(c, gc);
  const tvCells = writeTerminalValues(c, gc, planConst, segConst);
  writeResults(c, tvCells);
  writeFrame(c);

  return {
    sheet: sh,
    names: c.names,
    outputs: c.outputs,
    firstRow: c.rows.first,
    lastRow: c.rows.last,
    totalCol: (p, key) => c.blocks.total[p].col(key),
    compareCol: (p, key) => c.blocks.compare[p - 1].col(key),
    resultCell: (p, key) => ({ row: c.rows.res(key), col: c.VAL + p }),
  };
}

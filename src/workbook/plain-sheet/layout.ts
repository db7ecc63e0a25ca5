/**
 * Where everything sits on the plain-formula model sheet: the constant blocks at the top (rows), the
 * period table below them (one row per period) and its column blocks from left to right: time; per plan
 * its behaviour path, one block per segment and the total; per proposed plan the comparison; per plan
 * and segment the book's pool matrices and the run-off table. Mirrors no engine step: it is the
 * sheet's frame, which every block file (constants.ts, plan-constants.ts, behaviour-path.ts, book.ts,
 * money.ts, totals.ts, terminal.ts, results.ts) writes into through the PlainContext built here.
 */
import { RUN_OFF_YEARS, type Language, type NamedPlan, type Scenario } from '../../engine';
import { COMPARE_COLUMNS, SEGMENT_COLUMNS, TIME_COLUMNS, TOTAL_COLUMNS, BEHAVIOUR_COLUMNS, type ColumnDef } from '../columns';
import { num, type Ex } from '../expr';
import type { InputRefs } from '../inputs-sheet';
import { pick, t as tx } from '../labels';
import { SheetBuilder } from '../sheet-builder';
import type { NameSpec, OutputCell } from '../types';

export const RESULT_KEYS = [
  'pvContribution', 'terminalValue', 'terminalValuePv', 'customerEquity',
  'crossoverPeriod', 'breakevenPeriod', 'shortTermSacrifice', 'npvDelta', 'customerEquityBaseline', 'customerEquityProposed',
  'customerEquityDelta', 'tenureNpvDelta', 'year1RevenueDelta', 'finalYearRevenueDelta', 'year1CompCostDelta',
  'finalYearCompCostDelta', 'terminalShareBaseline', 'terminalShareProposed', 'terminalValueShare', 'periodsBeforeBreakeven',
] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];

export const GLOBAL_KEYS = ['dt', 'periods', 'tenurePeriods', 'freeSales', 'freeService', 'adoptionRate', 'ownResolution0', 'humanResolution0', 'unresolved0', 'totalStart',
  'flowNew', 'flowRenewed', 'flowExpansion', 'flowLeaving', 'firstRenewalChurn', 'layoutOk'] as const;
export type GlobalKey = (typeof GLOBAL_KEYS)[number];

export const PLAN_KEYS = ['pullNew', 'pullRenewal', 'pullExpansion', 'weightAcquire', 'weightRetain', 'weightExpand', 'weightTotal',
  'targetAcquire', 'targetRetain', 'targetExpand', 'pullResolve', 'pullClose', 'weightResolve', 'weightClose', 'targetResolve',
  'clawbackRelief', 'overSellingPressure', 'targetMisSold', 'salesPay', 'salesPay0', 'salesPayRatio', 'salesPayroll', 'targetSalesAttrition',
  'targetSalesLevel', 'servicePayRatio', 'servicePayroll', 'targetServiceAttrition', 'targetServiceLevel', 'preventionFactor',
  'adoptedRetain', 'adoptedExpand', 'adoptedResolve', 'adoptedSalesLevel', 'adoptedServiceLevel', 'adoptedUnresolved',
  'adoptedSalesChurnFactor', 'adoptedExpansionFactor', 'adoptedHandoff'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export const SEG_KEYS = ['service0', 'sales0', 'newShare', 'detractors0', 'contractionStep', 'contractionHalf', 'termPeriods', 'weight'] as const;
export type SegKey = (typeof SEG_KEYS)[number];

export const TV_KEYS = ['costPerCustomer', 'renewalRate', 'expansionRate', 'finalChurn', 'finalPressure', 'finalExpansion', 'termSurvival',
  'runOffSum', 'tailRatio', 'terminalValue'] as const;
export type TvKey = (typeof TV_KEYS)[number];

/** Columns of a run-off table (terminal.ts), one row per run-off year. */
export const RUN_OFF_KEYS = ['year', 'customersBegin', 'arrBegin', 'expansion', 'midGrowth', 'customersEnd', 'arrEnd', 'renewed', 'expanded', 'contribution', 'discounted'] as const;
export type RunOffKey = (typeof RUN_OFF_KEYS)[number];

/** Column allocator for one block: keys in display order. */
export class Block {
  readonly cols = new Map<string, number>();
  constructor(readonly start: number, keys: readonly string[], readonly defs: Record<string, ColumnDef>, readonly group: string) {
    keys.forEach((k, i) => this.cols.set(k, start + i));
  }
  col(key: string): number {
    const c = this.cols.get(key);
    if (c === undefined) throw new Error(`no column ${key}`);
    return c;
  }
  get end(): number {
    return this.start + this.cols.size;
  }
}

export const isSbg = (s: Scenario, i: number) => s.segments[i].values.sbgAlpha > 0 && s.segments[i].values.sbgBeta > 0;

/** Pools of a segment's book (project.ts): the starting base plus a ring of renewal phases (flat) or one cohort per period (sBG). */
export const poolCount = (s: Scenario, i: number) => 1 + (isSbg(s, i) ? s.settings.horizonYears * s.settings.periodsPerYear : s.segments[i].values.contractTermYears * s.settings.periodsPerYear);

/** Cells the model sheet will need for this scenario (to refuse oversized sBG layouts up front). */
export function plainCellCount(s: Scenario): number {
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  const plans = 1 + s.proposed.length;
  const nSeg = s.segments.length;
  const perPlan = Object.keys(BEHAVIOUR_COLUMNS).length + nSeg * Object.keys(SEGMENT_COLUMNS).length + Object.keys(TOTAL_COLUMNS).length;
  let cells = P * (Object.keys(TIME_COLUMNS).length + plans * perPlan + s.proposed.length * Object.keys(COMPARE_COLUMNS).length);
  for (let i = 0; i < nSeg; i++) {
    cells += plans * 2 * poolCount(s, i) * P;
    cells += plans * RUN_OFF_YEARS * (RUN_OFF_KEYS.length + (isSbg(s, i) ? 2 * (poolCount(s, i) + 1) : 0));
  }
  return cells;
}

/** The sheet being written, its frame, and the input cells every formula reads. */
export interface PlainContext {
  s: Scenario;
  lang: Language;
  sh: SheetBuilder;
  names: NameSpec[];
  outputs: OutputCell[];
  ppy: number;
  /** Periods in the horizon. */
  P: number;
  nSeg: number;
  plans: NamedPlan[];
  nPlans: number;
  /** Input cells: scenario settings, behaviour, segment i, plan p (inputs-sheet.ts). */
  S(key: string): Ex;
  B(key: string): Ex;
  G(key: string, i: number): Ex;
  PL(key: string, p: number): Ex;
  one: Ex;
  zero: Ex;
  /** First value column of the top blocks. */
  VAL: number;
  rows: {
    globalHeader: number; planHeader: number; segHeader: number; tvHeader: number; resHeader: number;
    groupRow: number; labelRow: number;
    /** The period table's first and last rows. */
    first: number; last: number;
    global(k: GlobalKey): number;
    plan(k: PlanKey): number;
    seg(k: SegKey): number;
    tv(seg: number, k: TvKey): number;
    res(k: ResultKey): number;
    /** The row of period t (0-based). */
    of(t: number): number;
  };
  blocks: {
    time: Block;
    behaviour: Block[];
    segment: Block[][];
    total: Block[];
    /** compare[p − 1]: proposed plan p against the baseline. */
    compare: Block[];
    /** The book's pools per plan and segment, customers (n) and ARR (a), one column per pool. */
    pools: { n: number; a: number; count: number }[][];
    /** The run-off of the horizon-end book per plan and segment: RUN_OFF_YEARS rows from the first period row. */
    runOff: { start: number; n: number; a: number; pools: number }[][];
    /** One past the last column used. */
    end: number;
  };
  planLabel(p: number): string;
  /** A time column's cell in period t. */
  tv(key: keyof typeof TIME_COLUMNS, t: number): Ex;
  header(row: number, title: string, cols: string[]): void;
  constRow(row: number, label: string, meaning: string): void;
}

export function layoutPlainSheet(s: Scenario, sheetName: string, lang: Language, inp: InputRefs): PlainContext {
  const sh = new SheetBuilder('plain', sheetName);
  const ppy = s.settings.periodsPerYear;
  const P = s.settings.horizonYears * ppy;
  const nSeg = s.segments.length;
  const plans = [s.baseline, ...s.proposed];
  const nPlans = plans.length;

  // ── Row layout ──────────────────────────────────────────────────────────────────────────────
  const VAL = 2;
  let r = 3;
  const globalHeader = r;
  r = globalHeader + 1 + GLOBAL_KEYS.length + 1;
  const planHeader = r;
  r = planHeader + 1 + PLAN_KEYS.length + 1;
  const segHeader = r;
  r = segHeader + 1 + SEG_KEYS.length + 1;
  const tvHeader = r;
  r = tvHeader + 1 + nSeg * TV_KEYS.length + 1;
  const resHeader = r;
  r = resHeader + 1 + RESULT_KEYS.length + 2;
  const groupRow = r;
  const first = r + 2;
  const rowOf = (t: number) => first + t;

  // ── Column layout ───────────────────────────────────────────────────────────────────────────
  const planLabel = (p: number) => plans[p].name;
  const time = new Block(0, Object.keys(TIME_COLUMNS), TIME_COLUMNS, tx('time', lang));
  let c = time.end;
  const behaviour: Block[] = [];
  const segment: Block[][] = [];
  const total: Block[] = [];
  for (let p = 0; p < nPlans; p++) {
    const bb = new Block(c, Object.keys(BEHAVIOUR_COLUMNS), BEHAVIOUR_COLUMNS, `${planLabel(p)}: ${tx('behaviour', lang)}`);
    behaviour.push(bb);
    c = bb.end;
    segment.push([]);
    for (let i = 0; i < nSeg; i++) {
      const sb = new Block(c, Object.keys(SEGMENT_COLUMNS), SEGMENT_COLUMNS, `${planLabel(p)}: ${s.segments[i].name}`);
      segment[p].push(sb);
      c = sb.end;
    }
    const tb = new Block(c, Object.keys(TOTAL_COLUMNS), TOTAL_COLUMNS, `${planLabel(p)}: ${tx('total', lang)}`);
    total.push(tb);
    c = tb.end;
  }
  const compare: Block[] = [];
  for (let p = 1; p < nPlans; p++) {
    const cb = new Block(c, Object.keys(COMPARE_COLUMNS), COMPARE_COLUMNS, `${planLabel(p)} ${tx('comparison', lang)}`);
    compare.push(cb);
    c = cb.end;
  }
  // Pools: the starting base, then the ring of renewal phases (flat churn: termPeriods columns) or one
  // cohort per joining period (sBG: P columns).
  const pools: PlainContext['blocks']['pools'] = [];
  for (let p = 0; p < nPlans; p++) {
    pools.push([]);
    for (let i = 0; i < nSeg; i++) {
      const count = poolCount(s, i);
      pools[p].push({ n: c, a: c + count, count });
      c += 2 * count;
    }
  }
  const runOff: PlainContext['blocks']['runOff'] = [];
  for (let p = 0; p < nPlans; p++) {
    runOff.push([]);
    for (let i = 0; i < nSeg; i++) {
      const poolsOfRunOff = isSbg(s, i) ? poolCount(s, i) + 1 : 0;
      runOff[p].push({ start: c, n: c + RUN_OFF_KEYS.length, a: c + RUN_OFF_KEYS.length + poolsOfRunOff, pools: poolsOfRunOff });
      c += RUN_OFF_KEYS.length + 2 * poolsOfRunOff;
    }
  }

  return {
    s, lang, sh, names: [], outputs: [], ppy, P, nSeg, plans, nPlans,
    S: (key) => inp.scenario(key),
    B: (key) => inp.behaviour(key),
    G: (key, i) => inp.segment(key, i),
    PL: (key, p) => inp.plan(key, p),
    one: num(1),
    zero: num(0),
    VAL,
    rows: {
      globalHeader, planHeader, segHeader, tvHeader, resHeader, groupRow, labelRow: groupRow + 1, first, last: first + P - 1,
      global: (k) => globalHeader + 1 + GLOBAL_KEYS.indexOf(k),
      plan: (k) => planHeader + 1 + PLAN_KEYS.indexOf(k),
      seg: (k) => segHeader + 1 + SEG_KEYS.indexOf(k),
      tv: (seg, k) => tvHeader + 1 + seg * TV_KEYS.length + TV_KEYS.indexOf(k),
      res: (k) => resHeader + 1 + RESULT_KEYS.indexOf(k),
      of: rowOf,
    },
    blocks: { time, behaviour, segment, total, compare, pools, runOff, end: c },
    planLabel,
    tv: (key, t) => sh.ref(rowOf(t), time.col(key)),
    header: (row, title, cols) => {
      sh.set(row, 0, title, { style: 'group' });
      sh.set(row, 1, '', { style: 'group' });
      cols.forEach((name, i) => sh.set(row, VAL + i, name, { style: 'header' }));
    },
    constRow: (row, label, meaning) => {
      sh.set(row, 0, label, { style: 'key' });
      sh.set(row, 1, meaning, { style: 'label' });
    },
  };
}

/** The period table's two header rows (block group titles, column labels) and the frozen panes. */
export function writePeriodTableHeaders(c: PlainContext): void {
  const { sh, lang, blocks } = c;
  const { groupRow, labelRow } = c.rows;
  sh.set(groupRow - 1, 0, tx('periodTable', lang), { style: 'subtitle' });
  const allBlocks = [blocks.time, ...blocks.behaviour, ...blocks.segment.flat(), ...blocks.total, ...blocks.compare];
  for (const b of allBlocks) {
    sh.set(groupRow, b.start, b.group, { style: 'group' });
    for (const [key, col] of b.cols) {
      if (col !== b.start) sh.set(groupRow, col, '', { style: 'group' });
      sh.set(labelRow, col, pick(b.defs[key].label, lang), { style: 'header' });
    }
  }
  sh.freeze = { rows: labelRow + 1, cols: 2 };
}

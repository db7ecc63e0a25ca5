import { METRICS, RUN_OFF_YEARS, type Language, type Scenario } from '../engine';
import { absAddress } from './a1';
import {
  COMPARE_COLUMNS, METRIC_COLUMN, SEGMENT_COLUMNS, TIME_COLUMNS, TOTAL_COLUMNS, TOTAL_SUMMED, BEHAVIOUR_COLUMNS,
  type ColumnDef, type SegmentColumn,
} from './columns';
import {
  add, and, atom, div, eq, exp, ge, gt, iff, index, int, le, ln, lt, max, min, mul, neg, num, pow, powSafe, sqrt,
  sub, sum, sumOf, text, type Ex,
} from './expr';
import type { InputRefs } from './inputs-sheet';
import { FORMAT, pick, t as tx, type Pair } from './labels';
import { DT_NAME } from './names';
import { SheetBuilder } from './sheet-builder';
import type { NameSpec, OutputCell } from './types';

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

export const RESULT_KEYS = [
  'pvContribution', 'terminalValue', 'terminalValuePv', 'customerEquity',
  'crossoverPeriod', 'breakevenPeriod', 'shortTermSacrifice', 'npvDelta', 'customerEquityBaseline', 'customerEquityProposed',
  'customerEquityDelta', 'tenureNpvDelta', 'year1RevenueDelta', 'finalYearRevenueDelta', 'year1CompCostDelta',
  'finalYearCompCostDelta', 'terminalShareBaseline', 'terminalShareProposed', 'terminalValueShare', 'periodsBeforeBreakeven',
] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];

const RESULT_LABELS: Record<ResultKey, Pair> = {
  pvContribution: { en: 'PV of contribution over the horizon', es: 'VA de la contribución en el horizonte' },
  terminalValue: { en: 'Terminal value at the horizon', es: 'Valor terminal en el horizonte' },
  terminalValuePv: { en: 'PV of the terminal value', es: 'VA del valor terminal' },
  customerEquity: { en: 'Customer equity', es: 'Valor del cliente (customer equity)' },
  crossoverPeriod: { en: 'Crossover period (cumulative revenue)', es: 'Período de cruce (ingresos acumulados)' },
  breakevenPeriod: { en: 'Break-even period (cumulative contribution)', es: 'Período de equilibrio (contribución acumulada)' },
  shortTermSacrifice: { en: 'Short-term sacrifice', es: 'Sacrificio a corto plazo' },
  npvDelta: { en: 'NPV of the change', es: 'VAN del cambio' },
  customerEquityBaseline: { en: 'Customer equity: baseline', es: 'Valor del cliente: plan base' },
  customerEquityProposed: { en: 'Customer equity: proposed', es: 'Valor del cliente: propuesta' },
  customerEquityDelta: { en: 'Change in customer equity', es: 'Cambio en el valor del cliente' },
  tenureNpvDelta: { en: 'NPV within executive tenure', es: 'VAN dentro del mandato' },
  year1RevenueDelta: { en: 'Year-1 revenue Δ', es: 'Δ ingresos año 1' },
  finalYearRevenueDelta: { en: 'Final-year revenue Δ', es: 'Δ ingresos último año' },
  year1CompCostDelta: { en: 'Year-1 comp cost Δ', es: 'Δ coste de retribución año 1' },
  finalYearCompCostDelta: { en: 'Final-year comp cost Δ', es: 'Δ coste de retribución último año' },
  terminalShareBaseline: { en: 'Terminal value share of customer equity: baseline', es: 'Parte del valor terminal en el valor del cliente: plan base' },
  terminalShareProposed: { en: 'Terminal value share of customer equity: proposed', es: 'Parte del valor terminal en el valor del cliente: propuesta' },
  terminalValueShare: { en: 'Terminal value share of customer equity', es: 'Parte del valor terminal en el valor del cliente' },
  periodsBeforeBreakeven: { en: 'Periods before break-even (all when it never breaks even)', es: 'Períodos antes del equilibrio (todos si no se alcanza)' },
};

/** Column allocator for one block: keys in display order. */
class Block {
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

const isSbg = (s: Scenario, i: number) => s.segments[i].values.sbgAlpha > 0 && s.segments[i].values.sbgBeta > 0;

/** Pools of a segment's book (project.ts): the starting base plus a ring of renewal phases (flat) or one cohort per period (sBG). */
const poolCount = (s: Scenario, i: number) => 1 + (isSbg(s, i) ? s.settings.horizonYears * s.settings.periodsPerYear : s.segments[i].values.contractTermYears * s.settings.periodsPerYear);

/** Columns of a run-off table (terminal.ts), one row per run-off year. */
const RUN_OFF_KEYS = ['year', 'customersBegin', 'arrBegin', 'expansion', 'midGrowth', 'customersEnd', 'arrEnd', 'renewed', 'expanded', 'contribution', 'discounted'] as const;
const RUN_OFF_LABELS: Record<(typeof RUN_OFF_KEYS)[number], Pair> = {
  year: { en: 'run-off year', es: 'año de liquidación' },
  customersBegin: { en: 'customers at start', es: 'clientes al inicio' },
  arrBegin: { en: 'ARR at start', es: 'ARR al inicio' },
  expansion: { en: 'expansion (ceiling applied)', es: 'expansión (con techo)' },
  midGrowth: { en: 'half-year growth of a renewal', es: 'crecimiento de medio año de una renovación' },
  customersEnd: { en: 'customers at end', es: 'clientes al final' },
  arrEnd: { en: 'ARR at end', es: 'ARR al final' },
  renewed: { en: 'ARR renewed', es: 'ARR renovado' },
  expanded: { en: 'expansion ARR', es: 'ARR de expansión' },
  contribution: { en: 'contribution', es: 'contribución' },
  discounted: { en: 'discounted to the horizon', es: 'descontada al horizonte' },
};

interface RunOffHelpers {
  p: number;
  i: number;
  sbg: boolean;
  nPools: number;
  termP: number;
  CTn: number;
  hazardAt(opportunity: Ex, pressure: Ex): Ex;
  spanSurvival(x: Ex, pressure: Ex, span?: Ex): Ex;
  ceilingAtMid(arpaNow: Ex, expansion: Ex, span: Ex): Ex;
  sbgRenewal(r: number, pressure: Ex): Ex;
}

/**
 * Plans the model sheet cannot mirror yet: a plan that pays roles on quotas (MODEL.md section 8) holds
 * keys beyond the catalogue's flat plan keys (`ae.newArr.quota`, …; the engine's planUsesQuotas tests
 * the same: a dot in a key). THE PLACE TO EXTEND: to support quota plans, add their per-period payout
 * columns to the segment block (after `commissionExpansion`) and their behaviour ratios to the plan
 * constants, then drop the refusal below. Until then such a scenario is refused with a message rather
 * than written with numbers that ignore the quota layer.
 */
export function plansWithQuotas(s: Scenario): string[] {
  return [s.baseline, ...s.proposed].filter((p) => Object.keys(p.values).some((key) => key.includes('.'))).map((p) => p.name);
}

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

/**
 * The deterministic model as ordinary formulas: src/engine/project.ts and compare.ts step by step,
 * one row per period. Blocks from left to right: time; then per plan its behaviour path, one block per
 * segment and the total; then per proposed plan the comparison with the baseline; then, for segments
 * on an sBG curve, per plan the cohort matrices (churn step, customers, ARR: one column per cohort).
 */
/** Throws, naming the plans, when the model sheet cannot mirror the scenario (see plansWithQuotas). */
export function assertPlainModelCovers(s: Scenario, lang: Language): void {
  const quota = plansWithQuotas(s);
  if (quota.length) {
    throw new Error(lang === 'es'
      ? `El modelo en fórmulas normales aún no cubre planes con cuotas por puesto (${quota.join(', ')}): inserte o exporte un escenario sin puestos, o use las funciones CEQ.`
      : `The plain-formula model does not cover plans that pay roles on quotas yet (${quota.join(', ')}): insert or export a scenario without roles, or use the CEQ functions.`);
  }
}

export function buildPlainSheet(s: Scenario, sheetName: string, lang: Language, inp: InputRefs): PlainSheet {
  assertPlainModelCovers(s, lang);
  const cells = plainCellCount(s);
  if (cells > MAX_PLAIN_CELLS) {
    throw new Error(lang === 'es'
      ? `El modelo necesitaría ${cells} celdas (máximo ${MAX_PLAIN_CELLS}): use menos períodos por año, un horizonte más corto o abandono constante en lugar de sBG.`
      : `The model would need ${cells} cells (at most ${MAX_PLAIN_CELLS}): use fewer periods per year, a shorter horizon, or flat churn instead of sBG.`);
  }
  const sh = new SheetBuilder('plain', sheetName);
  const names: NameSpec[] = [];
  const outputs: OutputCell[] = [];
  const ppy = s.settings.periodsPerYear;
  const P = s.settings.horizonYears * ppy;
  const nSeg = s.segments.length;
  const plans = [s.baseline, ...s.proposed];
  const nPlans = plans.length;
  const S = (key: string) => inp.scenario(key);
  const B = (key: string) => inp.behaviour(key);
  const G = (key: string, i: number) => inp.segment(key, i);
  const PL = (key: string, p: number) => inp.plan(key, p);
  const one = num(1);
  const zero = num(0);
  const periodStep = (annual: Ex, dtEx: Ex) => iff(eq(S('periodsPerYear'), one), annual, sub(one, pow(sub(one, annual), dtEx)));

  // ── Row layout ──────────────────────────────────────────────────────────────────────────────
  const VAL = 2; // first value column of the top blocks
  let r = 3;
  const globalHeader = r;
  const GLOBAL_KEYS = ['dt', 'periods', 'tenurePeriods', 'freeSales', 'freeService', 'adoptionRate', 'ownResolution0', 'humanResolution0', 'unresolved0', 'totalStart',
    'flowNew', 'flowRenewed', 'flowExpansion', 'flowLeaving', 'firstRenewalChurn', 'layoutOk'] as const;
  const globalRow = (k: (typeof GLOBAL_KEYS)[number]) => globalHeader + 1 + GLOBAL_KEYS.indexOf(k);
  r = globalHeader + 1 + GLOBAL_KEYS.length + 1;
  const planHeader = r;
  const PLAN_KEYS = ['pullNew', 'pullRenewal', 'pullExpansion', 'weightAcquire', 'weightRetain', 'weightExpand', 'weightTotal',
    'targetAcquire', 'targetRetain', 'targetExpand', 'pullResolve', 'pullClose', 'weightResolve', 'weightClose', 'targetResolve',
    'clawbackRelief', 'overSellingPressure', 'targetMisSold', 'salesPay', 'salesPay0', 'salesPayRatio', 'salesPayroll', 'targetSalesAttrition',
    'targetSalesLevel', 'servicePayRatio', 'servicePayroll', 'targetServiceAttrition', 'targetServiceLevel', 'preventionFactor',
    'adoptedRetain', 'adoptedExpand', 'adoptedResolve', 'adoptedSalesLevel', 'adoptedServiceLevel', 'adoptedUnresolved',
    'adoptedSalesChurnFactor', 'adoptedExpansionFactor', 'adoptedHandoff'] as const;
  const planRow = (k: (typeof PLAN_KEYS)[number]) => planHeader + 1 + PLAN_KEYS.indexOf(k);
  r = planHeader + 1 + PLAN_KEYS.length + 1;
  const segHeader = r;
  const SEG_KEYS = ['service0', 'sales0', 'newShare', 'detractors0', 'contractionStep', 'contractionHalf', 'termPeriods', 'weight'] as const;
  const segRow = (k: (typeof SEG_KEYS)[number]) => segHeader + 1 + SEG_KEYS.indexOf(k);
  r = segHeader + 1 + SEG_KEYS.length + 1;
  const tvHeader = r;
  const TV_KEYS = ['costPerCustomer', 'renewalRate', 'expansionRate', 'finalChurn', 'finalPressure', 'finalExpansion', 'termSurvival',
    'runOffSum', 'tailRatio', 'terminalValue'] as const;
  const tvRow = (seg: number, k: (typeof TV_KEYS)[number]) => tvHeader + 1 + seg * TV_KEYS.length + TV_KEYS.indexOf(k);
  r = tvHeader + 1 + nSeg * TV_KEYS.length + 1;
  const resHeader = r;
  const resRow = (k: ResultKey) => resHeader + 1 + RESULT_KEYS.indexOf(k);
  r = resHeader + 1 + RESULT_KEYS.length + 2;
  const groupRow = r;
  const labelRow = r + 1;
  const first = r + 2;
  const last = first + P - 1;
  const rowOf = (t: number) => first + t;

  // ── Column layout ───────────────────────────────────────────────────────────────────────────
  const planLabel = (p: number) => plans[p].name;
  const time = new Block(0, Object.keys(TIME_COLUMNS), TIME_COLUMNS, tx('time', lang));
  let c = time.end;
  const behaviourBlocks: Block[] = [];
  const segBlocks: Block[][] = [];
  const totalBlocks: Block[] = [];
  for (let p = 0; p < nPlans; p++) {
    const bb = new Block(c, Object.keys(BEHAVIOUR_COLUMNS), BEHAVIOUR_COLUMNS, `${planLabel(p)}: ${tx('behaviour', lang)}`);
    behaviourBlocks.push(bb);
    c = bb.end;
    segBlocks.push([]);
    for (let i = 0; i < nSeg; i++) {
      const sb = new Block(c, Object.keys(SEGMENT_COLUMNS), SEGMENT_COLUMNS, `${planLabel(p)}: ${s.segments[i].name}`);
      segBlocks[p].push(sb);
      c = sb.end;
    }
    const tb = new Block(c, Object.keys(TOTAL_COLUMNS), TOTAL_COLUMNS, `${planLabel(p)}: ${tx('total', lang)}`);
    totalBlocks.push(tb);
    c = tb.end;
  }
  const compareBlocks: Block[] = [];
  for (let p = 1; p < nPlans; p++) {
    const cb = new Block(c, Object.keys(COMPARE_COLUMNS), COMPARE_COLUMNS, `${planLabel(p)} ${tx('comparison', lang)}`);
    compareBlocks.push(cb);
    c = cb.end;
  }
  /**
   * The book's pools per plan and segment, customers (n) and ARR (a), one column per pool: the starting
   * base, then the ring of renewal phases (flat churn: termPeriods columns) or one cohort per joining
   * period (sBG: P columns).
   */
  const poolCols: { n: number; a: number; count: number }[][] = [];
  for (let p = 0; p < nPlans; p++) {
    poolCols.push([]);
    for (let i = 0; i < nSeg; i++) {
      const count = poolCount(s, i);
      poolCols[p].push({ n: c, a: c + count, count });
      c += 2 * count;
    }
  }
  /** The run-off of the horizon-end book per plan and segment: RUN_OFF_YEARS rows from the first period row. */
  const runOffCols: { start: number; n: number; a: number; pools: number }[][] = [];
  for (let p = 0; p < nPlans; p++) {
    runOffCols.push([]);
    for (let i = 0; i < nSeg; i++) {
      const pools = isSbg(s, i) ? poolCount(s, i) + 1 : 0;
      runOffCols[p].push({ start: c, n: c + RUN_OFF_KEYS.length, a: c + RUN_OFF_KEYS.length + pools, pools });
      c += RUN_OFF_KEYS.length + 2 * pools;
    }
  }
  const runOffs: RunOffHelpers[] = [];

  // ── Titles and headers ──────────────────────────────────────────────────────────────────────
  sh.set(0, 0, tx('plainTitle', lang), { style: 'title' });
  sh.set(1, 0, tx('plainNote', lang), { style: 'note' });
  const header = (row: number, title: string, cols: string[]) => {
    sh.set(row, 0, title, { style: 'group' });
    sh.set(row, 1, '', { style: 'group' });
    cols.forEach((name, i) => sh.set(row, VAL + i, name, { style: 'header' }));
  };
  const constRow = (row: number, label: string, meaning: string) => {
    sh.set(row, 0, label, { style: 'key' });
    sh.set(row, 1, meaning, { style: 'label' });
  };

  // ── Global constants ────────────────────────────────────────────────────────────────────────
  header(globalHeader, tx('globalBlock', lang), ['']);
  const gset = (k: (typeof GLOBAL_KEYS)[number], meaning: string, e: Ex, format: string = FORMAT.factor) => {
    constRow(globalRow(k), k, meaning);
    sh.set(globalRow(k), VAL, e, { style: 'calc', format });
    return sh.abs(globalRow(k), VAL);
  };
  const dtCell = gset('dt', lang === 'es' ? 'Duración de un período en años' : 'Length of a period in years', div(one, S('periodsPerYear')));
  names.push({ name: DT_NAME, sheet: 'plain', ref: absAddress(globalRow('dt'), VAL) });
  const dt = atom(DT_NAME, dtCell.v);
  gset('periods', lang === 'es' ? 'Períodos del horizonte' : 'Periods in the horizon', mul(S('horizonYears'), S('periodsPerYear')), FORMAT.int);
  const tenurePeriods = gset('tenurePeriods', lang === 'es' ? 'Períodos del mandato (como máximo el horizonte)' : 'Periods of executive tenure (at most the horizon)',
    min(mul(S('horizonYears'), S('periodsPerYear')), mul(S('tenureYears'), S('periodsPerYear'))), FORMAT.int);
  const freeSales = gset('freeSales', lang === 'es' ? 'Esfuerzo comercial libre (1 − 3 × mínimo)' : 'Free sales effort (1 − 3 × floor)', sub(one, mul(num(3), B('effortFloor'))));
  const freeService = gset('freeService', lang === 'es' ? 'Esfuerzo de soporte libre (1 − 2 × mínimo)' : 'Free service effort (1 − 2 × floor)', sub(one, mul(num(2), B('effortFloor'))));
  const halfLife = B('adoptionHalfLife');
  const instant = num(0.000000001);
  const k = gset('adoptionRate', lang === 'es' ? 'ln 2 / semivida de adopción (0 si inmediata)' : 'ln 2 / adoption half-life (0 when instant)',
    iff(gt(halfLife, instant), div(ln(num(2)), halfLife), zero));
  const own0 = gset('ownResolution0', lang === 'es' ? 'Resolución humana del plan base, sin asistencia' : 'Human resolution under the baseline, before assist',
    min(num(0.99), B('resolutionRate')), FORMAT.share);
  const human0 = gset('humanResolution0', lang === 'es' ? 'Resolución humana del plan base' : 'Human resolution under the baseline',
    add(own0, mul(PL('agentAssist', 0), sub(one, own0))), FORMAT.share);
  const unresolved0 = gset('unresolved0', lang === 'es' ? 'Contactos sin resolver con el plan base' : 'Contacts left unresolved under the baseline',
    add(mul(sub(one, PL('automationShare', 0)), sub(one, human0)), mul(PL('automationShare', 0), sub(one, B('automationResolution')))), FORMAT.share);
  const totalStart = gset('totalStart', lang === 'es' ? 'Clientes iniciales de todos los segmentos' : 'Starting customers, all segments',
    sumOf(...s.segments.map((_, i) => G('customers', i))), FORMAT.count);
  // Baseline year-1 flows that price expected variable pay (behaviour.ts baselineFlows).
  const flowOf = (f: (i: number) => Ex) => sumOf(...s.segments.map((_, i) => f(i)));
  const flowNew = gset('flowNew', lang === 'es' ? 'ARR nuevo del año 1 con el plan base' : 'Year-1 new ARR under the baseline',
    flowOf((i) => mul(G('newCustomers', i), G('arpa', i))), FORMAT.money);
  const flowRenewed = gset('flowRenewed', lang === 'es' ? 'ARR que renueva en el año 1 (neto de abandono)' : 'Year-1 ARR renewing (net of churn)',
    flowOf((i) => div(mul(mul(G('customers', i), G('arpa', i)), sub(one, G('churn', i))), G('contractTermYears', i))), FORMAT.money);
  const flowExpansion = gset('flowExpansion', lang === 'es' ? 'ARR de expansión del año 1' : 'Year-1 expansion ARR',
    flowOf((i) => mul(mul(mul(mul(G('customers', i), G('arpa', i)), sub(one, G('churn', i))), sub(one, G('contraction', i))), G('expansion', i))), FORMAT.money);
  const flowLeaving = gset('flowLeaving', lang === 'es' ? 'ARR nuevo que se iría en su primera renovación' : 'New ARR that would leave at its first renewal',
    flowOf((i) => mul(mul(G('newCustomers', i), G('arpa', i)), sub(one, pow(sub(one, G('churn', i)), G('contractTermYears', i))))), FORMAT.money);
  const firstRenewalChurn = gset('firstRenewalChurn', lang === 'es' ? 'Abandono en la primera renovación (ponderado por ARR)' : 'First-renewal churn (ARR-weighted)',
    iff(gt(flowNew, zero), div(flowLeaving, flowNew), zero), FORMAT.share);
  const layoutChecks: Ex[] = [eq(S('horizonYears'), num(s.settings.horizonYears)), eq(S('periodsPerYear'), num(ppy))];
  // The book's pools follow each segment's contract term (renewal phases, first renewals).
  s.segments.forEach((g, i) => layoutChecks.push(eq(G('contractTermYears', i), num(g.values.contractTermYears))));
  // A segment is on the sBG curve when alpha and beta are both above 0 (project.ts useSbg).
  s.segments.forEach((_, i) => layoutChecks.push(eq(iff(and(gt(G('sbgAlpha', i), zero), gt(G('sbgBeta', i), zero)), one, zero), num(isSbg(s, i) ? 1 : 0))));
  constRow(globalRow('layoutOk'), 'layoutOk', tx('layoutCheck', lang));
  sh.set(globalRow('layoutOk'), VAL, and(...layoutChecks), { style: 'check' });

  // ── Plan constants ──────────────────────────────────────────────────────────────────────────
  header(planHeader, tx('planBlock', lang), plans.map((p) => p.name));
  const m = (en: string, es: string): Pair => ({ en, es });
  const planMeaning: Record<(typeof PLAN_KEYS)[number], Pair> = {
    pullNew: m('pull of acquiring: (commissionNew ÷ baseline + λ) ÷ (1 + λ)', 'atracción de captar: (commissionNew ÷ plan base + λ) ÷ (1 + λ)'),
    pullRenewal: m('pull of retaining (commissionRenewal)', 'atracción de retener (commissionRenewal)'),
    pullExpansion: m('pull of expanding (commissionExpansion)', 'atracción de ampliar (commissionExpansion)'),
    weightAcquire: m('attraction weight: free share × pull^responsiveness', 'peso de atracción: parte libre × atracción^sensibilidad'),
    weightRetain: m('attraction weight: retain', 'peso de atracción: retener'),
    weightExpand: m('attraction weight: expand', 'peso de atracción: ampliar'),
    weightTotal: m('sum of the three weights', 'suma de los tres pesos'),
    targetAcquire: m('effort share on acquiring once adopted: floor + free × weight ÷ total', 'esfuerzo en captar una vez adoptado: mínimo + libre × peso ÷ total'),
    targetRetain: m('effort share on retaining once adopted', 'esfuerzo en retener una vez adoptado'),
    targetExpand: m('effort share on expanding once adopted', 'esfuerzo en ampliar una vez adoptado'),
    pullResolve: m('pull of resolving (outcomeWeight)', 'atracción de resolver (outcomeWeight)'),
    pullClose: m('pull of closing (1 − outcomeWeight)', 'atracción de cerrar (1 − outcomeWeight)'),
    weightResolve: m('attraction weight: resolving', 'peso de atracción: resolver'),
    weightClose: m('attraction weight: closing', 'peso de atracción: cerrar'),
    targetResolve: m('service effort resolving once adopted', 'esfuerzo de soporte en resolver una vez adoptado'),
    clawbackRelief: m('k = (1 − clawback × misSoldChurn) ÷ baseline', 'k = (1 − clawback × misSoldChurn) ÷ plan base'),
    overSellingPressure: m('pullNew^γ × k^δ', 'pullNew^γ × k^δ'),
    targetMisSold: m('mis-sold share once adopted: μ⁰ × pressure^responsiveness, between the floor and 0.9', 'proporción mal vendida una vez adoptado: μ⁰ × presión^sensibilidad, entre el mínimo y 0,9'),
    salesPay: m('expected variable sales pay V at the baseline flows, less the expected clawback', 'retribución variable comercial esperada V con los flujos base, menos la recuperación esperada'),
    salesPay0: m('the same under the baseline plan (V⁰)', 'lo mismo con el plan base (V⁰)'),
    salesPayRatio: m('V ÷ V⁰', 'V ÷ V⁰'),
    salesPayroll: m('sales target pay a year: (1 − v) × V⁰ ÷ v + V', 'retribución objetivo comercial al año: (1 − v) × V⁰ ÷ v + V'),
    targetSalesAttrition: m('sales attrition: min(0.9, a⁰ × T^−κ), T = 1 − v + v × V ÷ V⁰', 'rotación comercial: min(0,9; a⁰ × T^−κ), T = 1 − v + v × V ÷ V⁰'),
    targetSalesLevel: m('sales effort level: ((V ÷ V⁰ + λ) ÷ (1 + λ))^η × (1 − extra attrition × ramp loss)', 'nivel de esfuerzo comercial: ((V ÷ V⁰ + λ) ÷ (1 + λ))^η × (1 − rotación extra × pérdida en rampa)'),
    servicePayRatio: m('bonus pool ÷ baseline', 'bono ÷ plan base'),
    servicePayroll: m('service target pay a year', 'retribución objetivo de soporte al año'),
    targetServiceAttrition: m('service attrition', 'rotación de soporte'),
    targetServiceLevel: m('service effort level', 'nivel de esfuerzo de soporte'),
    preventionFactor: m('yearly factor on contacts per customer from prevention', 'factor anual sobre contactos por cliente por la prevención'),
    adoptedRetain: m('fully adopted: effort share on retaining (run-off)', 'adoptado del todo: esfuerzo en retener (liquidación)'),
    adoptedExpand: m('fully adopted: effort share on expanding', 'adoptado del todo: esfuerzo en ampliar'),
    adoptedResolve: m('fully adopted: service effort resolving', 'adoptado del todo: esfuerzo en resolver'),
    adoptedSalesLevel: m('fully adopted: sales effort level', 'adoptado del todo: nivel de esfuerzo comercial'),
    adoptedServiceLevel: m('fully adopted: service effort level', 'adoptado del todo: nivel de esfuerzo de soporte'),
    adoptedUnresolved: m('fully adopted: contacts unresolved', 'adoptado del todo: contactos sin resolver'),
    adoptedSalesChurnFactor: m('fully adopted: sales churn factor', 'adoptado del todo: factor de abandono comercial'),
    adoptedExpansionFactor: m('fully adopted: expansion factor', 'adoptado del todo: factor de expansión'),
    adoptedHandoff: m('fully adopted: churn from hand-offs', 'adoptado del todo: abandono por traspasos'),
  };
  const eps = B('responsiveness');
  const floor = B('effortFloor');
  const lambda = B('nonCashPull');
  const pullOf = (ratio: Ex) => div(add(ratio, lambda), add(one, lambda));
  const cap = num(1e12);
  const planConst: Record<string, Ex>[] = [];
  for (let p = 0; p < nPlans; p++) {
    const col = VAL + p;
    const out: Record<string, Ex> = {};
    const put = (key: (typeof PLAN_KEYS)[number], e: Ex, format: string = FORMAT.factor) => {
      sh.set(planRow(key), col, e, { style: 'calc', format });
      out[key] = sh.abs(planRow(key), col);
      return out[key];
    };
    const pullNew = put('pullNew', pullOf(div(PL('commissionNew', p), PL('commissionNew', 0))));
    const pullRenewal = put('pullRenewal', pullOf(div(PL('commissionRenewal', p), PL('commissionRenewal', 0))));
    const pullExpansion = put('pullExpansion', pullOf(div(PL('commissionExpansion', p), PL('commissionExpansion', 0))));
    const w = (b: Ex, pullEx: Ex, free: Ex) => mul(div(sub(b, floor), free), powSafe(pullEx, eps));
    const wA = put('weightAcquire', w(B('effortAcquire'), pullNew, freeSales));
    const wR = put('weightRetain', w(B('effortRetain'), pullRenewal, freeSales));
    const wE = put('weightExpand', w(B('effortExpand'), pullExpansion, freeSales));
    const wT = put('weightTotal', add(add(wA, wR), wE));
    const target = (wi: Ex, b: Ex) => iff(gt(wT, zero), add(floor, mul(freeSales, div(wi, wT))), b);
    const tA = put('targetAcquire', target(wA, B('effortAcquire')), FORMAT.share);
    const tR = put('targetRetain', target(wR, B('effortRetain')), FORMAT.share);
    const tE = put('targetExpand', target(wE, B('effortExpand')), FORMAT.share);
    void tA;
    const pRes = put('pullResolve', pullOf(div(PL('outcomeWeight', p), PL('outcomeWeight', 0))));
    const pClose = put('pullClose', pullOf(div(sub(one, PL('outcomeWeight', p)), sub(one, PL('outcomeWeight', 0)))));
    const wRes = put('weightResolve', w(B('resolveEffortShare'), pRes, freeService));
    const wClose = put('weightClose', w(sub(one, B('resolveEffortShare')), pClose, freeService));
    const wSrv = add(wRes, wClose);
    const tRes = put('targetResolve', iff(gt(wSrv, zero), add(floor, mul(freeService, div(wRes, wSrv))), B('resolveEffortShare')), FORMAT.share);
    const q = B('misSoldChurn');
    const relief = put('clawbackRelief', div(sub(one, mul(PL('clawback', p), q)), sub(one, mul(PL('clawback', 0), q))));
    const pressure = put('overSellingPressure', mul(powSafe(pullNew, B('overSellingElasticity')), powSafe(relief, B('clawbackElasticity'))));
    const mu = put('targetMisSold', min(num(0.9), max(min(B('misSoldFloor'), B('misSoldShare')), mul(B('misSoldShare'), powSafe(pressure, eps)))), FORMAT.share);
    // Expected variable pay at the baseline's year-1 flows (behaviour.ts expectedSalesPay).
    const payAt = (plan: number, misSold: Ex) => add(add(
      mul(mul(PL('commissionNew', plan), flowNew), sub(one, mul(PL('clawback', plan), add(mul(sub(one, misSold), firstRenewalChurn), mul(misSold, q))))),
      mul(PL('commissionRenewal', plan), flowRenewed)), mul(PL('commissionExpansion', plan), flowExpansion));
    const pay = put('salesPay', payAt(p, mu), FORMAT.money);
    const pay0 = put('salesPay0', payAt(0, B('misSoldShare')), FORMAT.money);
    const workforce = (ratioKey: 'salesPayRatio' | 'servicePayRatio', payrollKey: 'salesPayroll' | 'servicePayroll',
      attritionKey: 'targetSalesAttrition' | 'targetServiceAttrition', levelKey: 'targetSalesLevel' | 'targetServiceLevel',
      v: Ex, x: Ex, x0: Ex, a0: Ex) => {
      const ratio = put(ratioKey, min(cap, iff(gt(x0, zero), div(x, x0), one)));
      put(payrollKey, iff(gt(x0, zero), add(div(mul(sub(one, v), x0), v), min(x, mul(cap, x0))), zero), FORMAT.money);
      const attrition = put(attritionKey, min(num(0.9), mul(a0, powSafe(add(sub(one, v), mul(v, ratio)), neg(B('attritionElasticity'))))), FORMAT.share);
      put(levelKey, mul(powSafe(pullOf(ratio), B('effortElasticity')), sub(one, mul(sub(attrition, a0), B('rampLoss')))));
    };
    workforce('salesPayRatio', 'salesPayroll', 'targetSalesAttrition', 'targetSalesLevel', B('salesVariableShare'), pay, pay0, B('salesAttrition'));
    workforce('servicePayRatio', 'servicePayroll', 'targetServiceAttrition', 'targetServiceLevel', B('serviceVariableShare'),
      PL('serviceBonusPool', p), PL('serviceBonusPool', 0), B('serviceAttrition'));
    put('preventionFactor', sub(one, min(num(0.99), div(div(PL('preventionBudget', p), B('preventionCostPerPoint')), num(100)))));
    // Fully adopted behaviour, for the run-off of the horizon-end book (project.ts `adopted`).
    const adopt = (start: Ex, targetEx: Ex) => add(start, mul(sub(targetEx, start), one));
    const aR = put('adoptedRetain', adopt(B('effortRetain'), tR), FORMAT.share);
    const aE = put('adoptedExpand', adopt(B('effortExpand'), tE), FORMAT.share);
    const aRes = put('adoptedResolve', adopt(B('resolveEffortShare'), tRes), FORMAT.share);
    const aSL = put('adoptedSalesLevel', adopt(one, out.targetSalesLevel));
    const aVL = put('adoptedServiceLevel', adopt(one, out.targetServiceLevel));
    put('adoptedUnresolved', unresolvedOf(aRes, aVL, p), FORMAT.share);
    put('adoptedSalesChurnFactor', powSafe(div(mul(aR, aSL), B('effortRetain')), neg(B('elasticityRetain'))));
    put('adoptedExpansionFactor', powSafe(div(mul(aE, aSL), B('effortExpand')), B('elasticityExpand')));
    put('adoptedHandoff', mul(sub(adopt(B('salesAttrition'), out.targetSalesAttrition), B('salesAttrition')), B('handoffChurn')), FORMAT.share);
    planConst.push(out);
  }
  PLAN_KEYS.forEach((k2) => constRow(planRow(k2), k2, pick(planMeaning[k2], lang)));

  // ── Segment constants ───────────────────────────────────────────────────────────────────────
  header(segHeader, tx('segmentBlock', lang), s.segments.map((g) => g.name));
  const segMeaning: Record<(typeof SEG_KEYS)[number], Pair> = {
    service0: { en: 'service-driven part of churn under the baseline', es: 'parte del abandono debida a soporte con el plan base' },
    sales0: { en: 'sales-driven part of churn: churn − service0', es: 'parte del abandono debida a ventas: abandono − service0' },
    newShare: { en: 'new customers ÷ (new + starting customers)', es: 'clientes nuevos ÷ (nuevos + iniciales)' },
    detractors0: { en: 'detractor share under the baseline (a union of churned, mis-sold and unresolved)', es: 'proporción de detractores con el plan base (unión de perdidos, mal vendidos y no resueltos)' },
    contractionStep: { en: 'contraction per period', es: 'contracción por período' },
    contractionHalf: { en: 'contraction over half a period (joiners)', es: 'contracción de medio período (los que entran)' },
    termPeriods: { en: 'periods in a contract term', es: 'períodos de un contrato' },
    weight: { en: 'share of the service bonus and prevention budget', es: 'parte del bono de soporte y de la prevención' },
  };
  const segConst: Record<string, Ex>[] = [];
  for (let i = 0; i < nSeg; i++) {
    const col = VAL + i;
    const out: Record<string, Ex> = {};
    const put = (key: (typeof SEG_KEYS)[number], e: Ex, format: string = FORMAT.factor) => {
      sh.set(segRow(key), col, e, { style: 'calc', format });
      out[key] = sh.abs(segRow(key), col);
      return out[key];
    };
    // Churn from unresolved contacts as a probability: 1 − (1 − u·p·(1 − save))^contacts.
    const perContact = mul(mul(unresolved0, B('pChurnIfUnresolved')), sub(one, B('saveRate')));
    const service0 = put('service0', sub(one, powSafe(sub(one, perContact), G('contactsPerCustomer', i))), FORMAT.share);
    put('sales0', max(zero, sub(G('churn', i), service0)), FORMAT.share);
    const both = add(G('newCustomers', i), G('customers', i));
    const newShare = put('newShare', iff(gt(both, zero), div(G('newCustomers', i), both), zero), FORMAT.share);
    put('detractors0', union(G('churn', i), mul(B('misSoldShare'), newShare), unresolvedDetractors(G('contactsPerCustomer', i), unresolved0)), FORMAT.share);
    const cStep = put('contractionStep', sub(one, pow(sub(one, G('contraction', i)), dt)), FORMAT.share);
    put('contractionHalf', sub(one, sqrt(sub(one, cStep))), FORMAT.share);
    put('termPeriods', mul(G('contractTermYears', i), S('periodsPerYear')), FORMAT.int);
    put('weight', iff(gt(totalStart, zero), div(G('customers', i), totalStart), div(one, num(nSeg))), FORMAT.share);
    segConst.push(out);
  }
  SEG_KEYS.forEach((k2) => constRow(segRow(k2), k2, pick(segMeaning[k2], lang)));

  // ── Period table headers ────────────────────────────────────────────────────────────────────
  sh.set(groupRow - 1, 0, tx('periodTable', lang), { style: 'subtitle' });
  const allBlocks = [time, ...behaviourBlocks, ...segBlocks.flat(), ...totalBlocks, ...compareBlocks];
  for (const b of allBlocks) {
    sh.set(groupRow, b.start, b.group, { style: 'group' });
    for (const [key, col] of b.cols) {
      if (col !== b.start) sh.set(groupRow, col, '', { style: 'group' });
      sh.set(labelRow, col, pick(b.defs[key].label, lang), { style: 'header' });
    }
  }
  sh.freeze = { rows: labelRow + 1, cols: 2 };

  // ── Time columns ────────────────────────────────────────────────────────────────────────────
  const tv = (key: keyof typeof TIME_COLUMNS, t: number) => sh.ref(rowOf(t), time.col(key));
  for (let t = 0; t < P; t++) {
    const row = rowOf(t);
    sh.set(row, time.col('period'), t + 1, { format: FORMAT.int });
    sh.set(row, time.col('year'), Math.floor(t / ppy) + 1, { format: FORMAT.int });
    const tIndex = sub(tv('period', t), one);
    sh.set(row, time.col('t0'), mul(tIndex, dt), { format: FORMAT.years });
    sh.set(row, time.col('mid'), add(tv('t0', t), div(dt, num(2))), { format: FORMAT.years });
    const t0 = tv('t0', t);
    const t1 = mul(tv('period', t), dt);
    const adoption = iff(gt(halfLife, instant),
      sub(one, div(sub(exp(mul(neg(k), t0)), exp(mul(neg(k), t1))), mul(k, sub(t1, t0)))), one);
    sh.set(row, time.col('adoption'), adoption, { format: FORMAT.share });
    const years = div(add(tIndex, iff(eq(S('discountTiming'), one), one, num(0.5))), S('periodsPerYear'));
    sh.set(row, time.col('discountFactor'), pow(add(one, S('discountRate')), neg(years)), { format: FORMAT.factor });
  }

  // ── Per plan: behaviour, segments, total ────────────────────────────────────────────────────
  for (let p = 0; p < nPlans; p++) {
    const bb = behaviourBlocks[p];
    const pc = planConst[p];
    const bv = (key: keyof typeof BEHAVIOUR_COLUMNS, t: number) => sh.ref(rowOf(t), bb.col(key));
    for (let t = 0; t < P; t++) {
      const row = rowOf(t);
      const a = tv('adoption', t);
      const put = (key: keyof typeof BEHAVIOUR_COLUMNS, e: Ex) => sh.set(row, bb.col(key), e, { format: BEHAVIOUR_COLUMNS[key].format });
      const move = (start: Ex, target: Ex) => add(start, mul(sub(target, start), a));
      put('effortAcquire', move(B('effortAcquire'), pc.targetAcquire));
      put('effortRetain', move(B('effortRetain'), pc.targetRetain));
      put('effortExpand', move(B('effortExpand'), pc.targetExpand));
      put('resolveShare', move(B('resolveEffortShare'), pc.targetResolve));
      put('salesLevel', move(one, pc.targetSalesLevel));
      put('serviceLevel', move(one, pc.targetServiceLevel));
      put('salesAttrition', move(B('salesAttrition'), pc.targetSalesAttrition));
      put('serviceAttrition', move(B('serviceAttrition'), pc.targetServiceAttrition));
      // Resolution responds to absolute service effort: resolving share × level.
      put('ownResolution', min(num(0.99), mul(B('resolutionRate'),
        powSafe(div(mul(bv('resolveShare', t), bv('serviceLevel', t)), B('resolveEffortShare')), B('elasticityResolution')))));
      put('humanResolution', add(bv('ownResolution', t), mul(PL('agentAssist', p), sub(one, bv('ownResolution', t)))));
      put('unresolved', add(mul(sub(one, PL('automationShare', p)), sub(one, bv('humanResolution', t))),
        mul(PL('automationShare', p), sub(one, B('automationResolution')))));
      put('misSold', move(B('misSoldShare'), pc.targetMisSold));
      // Outcomes respond to absolute effort (share × level) against the baseline share.
      put('acquisitionFactor', powSafe(div(mul(bv('effortAcquire', t), bv('salesLevel', t)), B('effortAcquire')), B('elasticityAcquire')));
      put('salesChurnFactor', powSafe(div(mul(bv('effortRetain', t), bv('salesLevel', t)), B('effortRetain')), neg(B('elasticityRetain'))));
      put('expansionFactor', powSafe(div(mul(bv('effortExpand', t), bv('salesLevel', t)), B('effortExpand')), B('elasticityExpand')));
      put('contactsFactor', pow(pc.preventionFactor, mul(add(sub(tv('period', t), one), num(0.5)), dt)));
      put('handoffChurn', mul(sub(bv('salesAttrition', t), B('salesAttrition')), B('handoffChurn')));
      put('resolveCostFactor', powSafe(div(bv('resolveShare', t), B('resolveEffortShare')), B('resolveCostElasticity')));
      put('peopleCost', mul(B('replacementCost'), add(mul(bv('salesAttrition', t), pc.salesPayroll), mul(bv('serviceAttrition', t), pc.servicePayroll))));
    }

    for (let i = 0; i < nSeg; i++) {
      buildSegment(p, i, bv);
    }

    // Total: flows and stocks add up across segments; rates are recomputed.
    const tb = totalBlocks[p];
    for (let t = 0; t < P; t++) {
      const row = rowOf(t);
      const seg = (key: SegmentColumn, i: number) => sh.ref(row, segBlocks[p][i].col(key));
      for (const key of TOTAL_SUMMED) {
        sh.set(row, tb.col(key), sumOf(...s.segments.map((_, i) => seg(key, i))), { format: SEGMENT_COLUMNS[key].format });
      }
      const tot = (key: string) => sh.ref(row, tb.col(key));
      sh.set(row, tb.col('churnRate'), churnRateOf(tot('churnedCustomers'), tot('customersBegin')), { format: FORMAT.share });
      const [nrr, grr] = retentionOf(tot('arrBegin'), tot('expansionArr'), tot('contractionArr'), tot('churnedArr'));
      sh.set(row, tb.col('nrr'), nrr, { format: FORMAT.share });
      sh.set(row, tb.col('grr'), grr, { format: FORMAT.share });
      sh.set(row, tb.col('pvContribution'), mul(tot('contribution'), tv('discountFactor', t)), { format: FORMAT.money });
      for (const m of METRICS) {
        const key = METRIC_COLUMN[m];
        outputs.push({ sheet: 'plain', row, col: tb.col(key), ref: { kind: 'metric', plan: p, segment: 'total', metric: m, period: t } });
      }
    }
  }

  /** Share of contacts left unresolved for a resolving share and service effort level (behaviour.ts unresolvedShare). */
  function unresolvedOf(resolve: Ex, level: Ex, p: number): Ex {
    const own = min(num(0.99), mul(B('resolutionRate'), powSafe(div(mul(resolve, level), B('resolveEffortShare')), B('elasticityResolution'))));
    const human = add(own, mul(PL('agentAssist', p), sub(one, own)));
    return add(mul(sub(one, PL('automationShare', p)), sub(one, human)), mul(PL('automationShare', p), sub(one, B('automationResolution'))));
  }

  function serviceChurnOf(contacts: Ex, unresolved: Ex): Ex {
    return sub(one, powSafe(sub(one, mul(mul(unresolved, B('pChurnIfUnresolved')), sub(one, B('saveRate')))), contacts));
  }
  function union(a: Ex, b: Ex, c2: Ex): Ex {
    return sub(one, mul(mul(sub(one, a), sub(one, b)), sub(one, c2)));
  }
  function unresolvedDetractors(contacts: Ex, unresolved: Ex): Ex {
    return sub(one, powSafe(sub(one, min(one, mul(unresolved, B('pDetractorIfUnresolved')))), contacts));
  }

  function churnRateOf(churned: Ex, begin: Ex): Ex {
    return iff(gt(begin, zero), iff(eq(S('periodsPerYear'), one), div(churned, begin), sub(one, pow(sub(one, div(churned, begin)), S('periodsPerYear')))), zero);
  }
  function retentionOf(arrBegin: Ex, expansion: Ex, contraction: Ex, churned: Ex): [Ex, Ex] {
    const net = max(zero, div(sub(sub(add(arrBegin, expansion), contraction), churned), arrBegin));
    const gross = max(zero, div(sub(sub(arrBegin, contraction), churned), arrBegin));
    const annual = (x: Ex) => iff(gt(arrBegin, zero), iff(eq(S('periodsPerYear'), one), x, pow(x, S('periodsPerYear'))), zero);
    return [annual(net), annual(gross)];
  }

  /** One segment of one plan: project.ts projectSegment, one row per period. */
  function buildSegment(p: number, i: number, bv: (key: keyof typeof BEHAVIOUR_COLUMNS, t: number) => Ex): void {
    const blk = segBlocks[p][i];
    const sc = segConst[i];
    const g = (key: string) => G(key, i);
    const sbg = isSbg(s, i);
    const pools = poolCols[p][i];
    const nPools = pools.count;
    const termP = s.segments[i].values.contractTermYears * ppy;
    const CTn = s.segments[i].values.contractTermYears;
    const alpha = g('sbgAlpha');
    const beta = g('sbgBeta');
    const CT = g('contractTermYears');
    const v = (key: SegmentColumn, t: number) => sh.ref(rowOf(t), blk.col(key));
    const colRange = (key: SegmentColumn) => sh.rangeOf(first, blk.col(key), last, blk.col(key));
    const poolRange = (base: number, t: number) => sh.rangeOf(rowOf(t), base, rowOf(t), base + nPools - 1);

    for (let t = 0; t < P; t++) {
      const row = rowOf(t);
      const put = (key: SegmentColumn, e: Ex | number) => {
        sh.set(row, blk.col(key), e, { format: SEGMENT_COLUMNS[key].format });
        return sh.ref(row, blk.col(key));
      };
      const period = tv('period', t);
      const t0 = tv('t0', t);
      const unresolved = bv('unresolved', t);
      const misSold = bv('misSold', t);
      const phase = t % termP;

      // Churn pressure relative to the baseline: the starting base moves to it as its contracts renew.
      const cpc = g('contactsPerCustomer');
      const contacts = put('contactsPerCustomer', iff(gt(cpc, B('minContacts')), max(B('minContacts'), mul(cpc, bv('contactsFactor', t))), cpc));
      const churnNow = put('churnNow', max(zero, add(add(mul(sc.sales0, bv('salesChurnFactor', t)), serviceChurnOf(contacts, unresolved)), bv('handoffChurn', t))));
      const t1 = add(t0, dt);
      const integral = (x: Ex) => iff(le(x, CT), div(mul(x, x), mul(num(2), CT)), add(div(CT, num(2)), sub(x, CT)));
      const renewed = put('renewedShare', iff(ge(t0, CT), one, div(sub(integral(t1), integral(t0)), sub(t1, t0))));
      const c0 = g('churn');
      // project.ts phasedChurn: from c0 to the plan's churn linearly in the hazard −ln(1 − c).
      const renewing = put('renewingChurn', min(num(0.99), churnNow));
      const flatChurn = put('flatChurn', iff(ge(renewed, one), renewing,
        sub(one, mul(pow(sub(one, c0), sub(one, renewed)), pow(sub(one, renewing), renewed)))));
      const pressure = put('pressure', iff(gt(c0, zero), div(flatChurn, c0), one));
      const renewingPressure = put('renewingPressure', iff(gt(c0, zero), div(renewing, c0), one));
      const renewalSurvival = put('renewalSurvival', sbg ? sbgRenewal(1, renewingPressure) : pow(sub(one, renewing), CT));
      // The starting base churns a little every period (its renewals spread evenly): flat or sBG by tenure.
      const churnStep = put('churnStep', sbg
        ? sub(one, spanSurvival(add(t0, g('baseTenureYears')), pressure))
        : periodStep(flatChurn, dt));

      // Word of mouth: fewer detractors weigh more than more promoters.
      const promoters = put('promoters', iff(lt(unresolved0, one),
        min(one, div(mul(B('promoterShare'), sub(one, unresolved)), sub(one, unresolved0))), B('promoterShare')));
      const detractors = put('detractors', union(flatChurn, mul(misSold, sc.newShare), unresolvedDetractors(contacts, unresolved)));
      const wom = put('wordOfMouth', max(zero, sub(add(one, mul(B('womPositive'), sub(promoters, B('promoterShare')))),
        mul(B('womNegative'), sub(detractors, sc.detractors0)))));

      // New customers arrive and wait for their first renewal (they do not depend on the book).
      const newN = put('newCustomers', mul(mul(mul(g('newCustomers'), bv('acquisitionFactor', t)), wom), dt));
      put('newGood', mul(newN, sub(one, misSold)));
      const newBad = put('newBad', mul(newN, misSold));

      // The cohort renewing now is the one that joined termPeriods ago.
      const term = sc.termPeriods;
      const back = sub(period, term);
      const good = put('renewingGood', iff(ge(sub(period, one), term), index(colRange('newGood'), back), zero));
      const bad = put('renewingBad', iff(ge(sub(period, one), term), index(colRange('newBad'), back), zero));

      // Stocks at the start of the period.
      const pending = put('pendingBegin', t === 0 ? zero
        : sub(sub(add(v('pendingBegin', t - 1), v('newCustomers', t - 1)), v('renewingGood', t - 1)), v('renewingBad', t - 1)));
      const msBegin = put('misSoldBegin', t === 0 ? zero : v('misSoldEnd', t - 1));
      const msEnd = put('misSoldEnd', add(sub(msBegin, bad), newBad));
      const nPrev = (j: number) => (t === 0 ? (j === 0 ? g('customers') : zero) : sh.ref(row - 1, pools.n + j));
      const aPrev = (j: number) => (t === 0 ? (j === 0 ? mul(g('customers'), g('arpa')) : zero) : sh.ref(row - 1, pools.a + j));
      const bookN = put('bookCustomersBegin', t === 0 ? g('customers') : sum(poolRange(pools.n, t - 1)));
      const bookA = put('bookArrBegin', t === 0 ? mul(g('customers'), g('arpa')) : sum(poolRange(pools.a, t - 1)));
      const customersBegin = put('customersBegin', add(bookN, pending));
      const arrBegin = put('arrBegin', add(bookA, mul(pending, g('arpa'))));

      // Expansion fades as ARR per account nears the wallet, read at mid-period (churn.ts ceilingAtMid).
      const base = mul(g('expansion'), bv('expansionFactor', t));
      const ceiling = put('ceilingFactor', iff(gt(customersBegin, zero), ceilingAtMid(div(arrBegin, customersBegin), base, dt), one));
      const expansionRate = put('expansionRate', mul(base, ceiling));
      const expansionStep = put('expansionStep', iff(eq(S('periodsPerYear'), one), expansionRate, sub(pow(add(one, expansionRate), dt), one)));
      const midGrowth = put('midGrowth', sqrt(mul(sub(one, sc.contractionStep), add(one, expansionStep))));

      // 1. The book: the starting base churns every period; a pool that has renewed churns when it renews again.
      const renewingPools: number[] = [];
      for (let j = 1; j < nPools; j++) if (poolRenews(j, t)) renewingPools.push(j);
      const survivalOf = (j: number): Ex => (j === 0 ? sub(one, churnStep) : renewingPools.includes(j) ? poolSurvival(j, t, renewingPressure, renewalSurvival) : one);
      const cycle = put('startCycleSurvival', t === 0 || phase === 0 ? one : mul(v('startCycleSurvival', t - 1), sub(one, v('churnStep', t - 1))));
      const live = Array.from({ length: nPools }, (_, j) => j).filter((j) => poolExists(j, t - 1));
      const bookChurned = put('bookChurned', sumOf(...live.filter((j) => j === 0 || renewingPools.includes(j)).map((j) => mul(nPrev(j), sub(one, survivalOf(j))))));
      const bookChurnedA = put('bookChurnedArr', sumOf(...live.filter((j) => j === 0 || renewingPools.includes(j)).map((j) => mul(aPrev(j), sub(one, survivalOf(j))))));
      const staying = put('bookStaying', sub(bookA, bookChurnedA));
      const contraction = put('bookContraction', mul(staying, sc.contractionStep));
      const expansion = put('bookExpansion', mul(sub(staying, contraction), expansionStep));
      const yearSurvival = sbg ? (ppy === 1 ? sub(one, churnStep) : pow(sub(one, churnStep), S('periodsPerYear'))) : sub(one, flatChurn);
      const startRenewed = mul(mul(mul(div(aPrev(0), cycle), midGrowth), CTn === 1 ? yearSurvival : pow(yearSurvival, CT)), div(dt, CT));
      const bookRenewed = put('bookRenewedArr', sumOf(startRenewed, ...renewingPools.filter((j) => live.includes(j)).map((j) => mul(mul(aPrev(j), midGrowth), survivalOf(j)))));

      // 2. Cohorts reaching their first renewal.
      const survival = put('termSurvival', renewalSurvival);
      const leavers = put('leavers', add(mul(good, sub(one, survival)), mul(bad, B('misSoldChurn'))));
      const survivors = put('survivors', sub(add(good, bad), leavers));
      put('clawbacks', mul(mul(mul(leavers, g('arpa')), PL('commissionNew', p)), PL('clawback', p)));
      const jStaying = put('joinStaying', mul(survivors, g('arpa')));
      const jContraction = put('joinContraction', mul(jStaying, sc.contractionHalf));
      const jExpansion = put('joinExpansion', mul(sub(jStaying, jContraction), sub(sqrt(add(one, expansionStep)), one)));
      const churnedN = put('churnedCustomers', add(bookChurned, leavers));
      const churnedA = put('churnedArr', add(bookChurnedA, mul(leavers, g('arpa'))));
      const contractionA = put('contractionArr', add(contraction, jContraction));
      const expansionA = put('expansionArr', add(expansion, jExpansion));
      const renewedA = put('renewedArr', add(bookRenewed, jStaying));
      // Pool stocks at the end: survivors join the ring slot of their renewal phase (flat) or a new cohort (sBG).
      const joinPool = t >= termP ? (sbg ? t - termP + 1 : 1 + phase) : -1;
      for (let j = 0; j < nPools; j++) {
        if (!poolExists(j, t)) continue;
        const old = poolExists(j, t - 1);
        const stay = old ? mul(aPrev(j), survivalOf(j)) : zero;
        const kept = sub(stay, mul(stay, sc.contractionStep));
        let n = old ? mul(nPrev(j), survivalOf(j)) : zero;
        let arr = add(kept, mul(kept, expansionStep));
        if (j === joinPool) {
          n = old ? add(n, survivors) : survivors;
          const joined = add(sub(jStaying, jContraction), jExpansion);
          arr = old ? add(arr, joined) : joined;
        }
        sh.set(row, pools.n + j, n, { format: FORMAT.count });
        sh.set(row, pools.a + j, arr, { format: FORMAT.money });
      }
      put('bookCustomersEnd', sum(poolRange(pools.n, t)));
      put('bookArrEnd', sum(poolRange(pools.a, t)));

      // 3. Money.
      const newA = put('newArr', mul(newN, g('arpa')));
      const customersEnd = put('customers', sub(add(customersBegin, newN), churnedN));
      const arrEnd = put('arr', sub(sub(add(add(arrBegin, newA), expansionA), contractionA), churnedA));
      const avg = put('avgCustomers', div(add(customersBegin, customersEnd), num(2)));
      const revenue = put('revenue', mul(div(add(arrBegin, arrEnd), num(2)), dt));
      const contactCount = put('contacts', mul(mul(contacts, dt), add(avg, div(mul(B('misSoldContactUplift'), add(msBegin, msEnd)), num(2)))));
      // A human contact costs more the more it is truly resolved, plus agent assist; automated ones their own rate.
      const human = add(mul(g('costPerContact'), bv('resolveCostFactor', t)), mul(B('assistCostPerContact'), PL('agentAssist', p)));
      const unitCost = put('contactUnitCost', add(mul(sub(one, PL('automationShare', p)), human), mul(PL('automationShare', p), B('costPerAutomatedContact'))));
      const contactCost = put('contactCost', mul(contactCount, unitCost));
      const gp = put('grossProfit', sub(sub(mul(revenue, g('grossMargin')), mul(mul(g('costToServe'), avg), dt)), contactCost));
      const cN = put('commissionNew', mul(PL('commissionNew', p), newA));
      const cR = put('commissionRenewal', mul(PL('commissionRenewal', p), renewedA));
      const cE = put('commissionExpansion', mul(PL('commissionExpansion', p), expansionA));
      const bonus = put('serviceBonus', mul(mul(PL('serviceBonusPool', p), dt), sc.weight));
      const comp = put('compCost', add(sub(add(add(cN, cR), cE), v('clawbacks', t)), bonus));
      const people = put('peopleCost', mul(mul(bv('peopleCost', t), dt), sc.weight));
      const acq = put('acquisitionSpend', mul(newN, g('acquisitionCost')));
      const prev = put('preventionSpend', mul(mul(PL('preventionBudget', p), dt), sc.weight));
      put('contribution', sub(sub(sub(sub(gp, comp), people), acq), prev));
      const rescuedRate = min(one, mul(mul(contacts, B('pChurnIfUnresolved')), sub(one, mul(unresolved, sub(one, B('saveRate'))))));
      put('rescuedArr', mul(mul(arrBegin, rescuedRate), dt));
      put('contactsPrevented', mul(mul(sub(cpc, contacts), dt), avg));
      put('churnRate', churnRateOf(churnedN, customersBegin));
      const [nrr, grr] = retentionOf(arrBegin, expansionA, contractionA, churnedA);
      put('nrr', nrr);
      put('grr', grr);
      put('customerYears', div(div(add(customersBegin, customersEnd), num(2)), S('periodsPerYear')));
      for (const m2 of METRICS) {
        outputs.push({ sheet: 'plain', row, col: blk.col(METRIC_COLUMN[m2]), ref: { kind: 'metric', plan: p, segment: i, metric: m2, period: t } });
      }
    }

    /** Does pool j hold customers at the end of period t? Pool 0 always; flat ring slots always; sBG cohort j from period j − 1 + termP on. */
    function poolExists(j: number, t: number): boolean {
      if (t < 0) return j === 0;
      return j === 0 || !sbg || t >= j - 1 + termP;
    }
    /** Does pool j (j ≥ 1) renew in period t? Flat: the ring slot of the period's phase; sBG: a whole number of terms since acquisition. */
    function poolRenews(j: number, t: number): boolean {
      if (!sbg) return j === 1 + (t % termP);
      const joined = j - 1 + termP; // the period the cohort joined the book (its first renewal)
      return t > joined && (t - (joined - termP)) % termP === 0;
    }
    /** Survival of pool j renewing in period t. */
    function poolSurvival(j: number, t: number, renewingPressure: Ex, flatRenewal: Ex): Ex {
      if (!sbg) return flatRenewal;
      const acquired = j - 1;
      return sbgRenewal((t - acquired) / termP, renewingPressure);
    }
    /** sBG: probability a contract survives its r-th renewal, opportunities (r − 1)·T + 1 … r·T (churn.ts sbgRenewalSurvival). */
    function sbgRenewal(r: number, pressureEx: Ex): Ex {
      let e: Ex | undefined;
      for (let kk = (r - 1) * CTn + 1; kk <= r * CTn; kk++) {
        const f = sub(one, hazardAt(num(kk), pressureEx));
        e = e ? mul(e, f) : f;
      }
      return e!;
    }
    function hazardAt(opportunity: Ex, pressureEx: Ex): Ex {
      return min(num(0.99), mul(sub(one, div(sub(add(beta, opportunity), one), sub(add(add(alpha, beta), opportunity), one))), pressureEx));
    }
    /** sBG: survival over the tenure span [x, x + dt], cut at whole years (churn.ts sbgSpanSurvival). */
    function spanSurvival(x: Ex, pressureEx: Ex, span: Ex = dt): Ex {
      const from = max(zero, x);
      const whole = int(add(from, num(1e-9)));
      const end = add(x, span);
      const to = min(end, add(whole, one));
      const firstPiece = powSafe(sub(one, hazardAt(add(whole, one), pressureEx)), sub(to, from));
      const rest = sub(end, to);
      return iff(gt(rest, num(1e-9)), mul(firstPiece, powSafe(sub(one, hazardAt(add(whole, num(2)), pressureEx)), rest)), firstPiece);
    }
    /** churn.ts ceilingAtMid for this segment. */
    function ceilingAtMid(arpaNow: Ex, expansionEx: Ex, span: Ex): Ex {
      const wm = g('walletMultiple');
      const factor = (x: Ex) => iff(le(wm, one), zero, max(zero, div(sub(mul(wm, g('arpa')), x), sub(mul(wm, g('arpa')), g('arpa')))));
      const mid = mul(arpaNow, pow(mul(sub(one, g('contraction')), add(one, mul(expansionEx, factor(arpaNow)))), div(span, num(2))));
      return iff(eq(wm, zero), one, factor(mid));
    }
    runOffs.push({ p, i, sbg, nPools, termP, CTn, hazardAt, spanSurvival, ceilingAtMid, sbgRenewal });
  }

  // ── Comparison blocks ───────────────────────────────────────────────────────────────────────
  for (let p = 1; p < nPlans; p++) {
    const cb = compareBlocks[p - 1];
    const base = (key: string, t: number) => sh.ref(rowOf(t), totalBlocks[0].col(key));
    const prop = (key: string, t: number) => sh.ref(rowOf(t), totalBlocks[p].col(key));
    const cv = (key: keyof typeof COMPARE_COLUMNS, t: number) => sh.ref(rowOf(t), cb.col(key));
    for (let t = 0; t < P; t++) {
      const row = rowOf(t);
      const put = (key: keyof typeof COMPARE_COLUMNS, e: Ex) => sh.set(row, cb.col(key), e, { format: COMPARE_COLUMNS[key].format });
      put('revenueDelta', sub(prop('revenue', t), base('revenue', t)));
      put('arrDelta', sub(prop('arr', t), base('arr', t)));
      put('contributionDelta', sub(prop('contribution', t), base('contribution', t)));
      put('compCostDelta', sub(prop('compCost', t), base('compCost', t)));
      put('customersDelta', sub(prop('customers', t), base('customers', t)));
      const cumulate = (key: keyof typeof COMPARE_COLUMNS, x: Ex) => put(key, t === 0 ? x : add(cv(key, t - 1), x));
      cumulate('cumRevenueBaseline', base('revenue', t));
      cumulate('cumRevenueProposed', prop('revenue', t));
      cumulate('cumContributionBaseline', base('contribution', t));
      cumulate('cumContributionProposed', prop('contribution', t));
      cumulate('cumContributionDelta', cv('contributionDelta', t));
      put('pvDelta', mul(cv('contributionDelta', t), tv('discountFactor', t)));
      put('tenurePvDelta', iff(le(tv('period', t), tenurePeriods), cv('pvDelta', t), zero));
    }
    // "Ahead from here on" is read from the bottom up: ahead now and in every later period.
    for (let t = P - 1; t >= 0; t--) {
      const row = rowOf(t);
      const ahead = (key: 'revenueAhead' | 'contributionAhead', a: Ex, b: Ex) => {
        const now = ge(a, b);
        sh.set(row, cb.col(key), t === P - 1 ? iff(now, one, zero) : iff(and(now, eq(cv(key, t + 1), one)), one, zero), { format: FORMAT.int });
      };
      ahead('revenueAhead', cv('cumRevenueProposed', t), cv('cumRevenueBaseline', t));
      ahead('contributionAhead', cv('cumContributionProposed', t), cv('cumContributionBaseline', t));
    }
  }

  // ── Terminal values: the run-off of the horizon-end book (terminal.ts) ─────────────────────
  header(tvHeader, lang === 'es' ? 'Valor terminal por segmento: liquidación de la cartera del horizonte' : 'Terminal value per segment: run-off of the horizon-end book', plans.map((pl) => pl.name));
  const tvMeaning: Record<(typeof TV_KEYS)[number], Pair> = {
    costPerCustomer: { en: 'last year: cost per customer-year (cost to serve, contacts, bonus, prevention, people)', es: 'último año: coste por cliente-año (servicio, contactos, bono, prevención, personas)' },
    renewalRate: { en: 'last year: renewal pay per ARR renewed', es: 'último año: pago por renovación por ARR renovado' },
    expansionRate: { en: 'last year: expansion pay per ARR expanded', es: 'último año: pago por expansión por ARR ampliado' },
    finalChurn: { en: 'annual churn, fully adopted (at most 0.99)', es: 'abandono anual, adoptado del todo (como mucho 0,99)' },
    finalPressure: { en: 'churn pressure, fully adopted (sBG)', es: 'presión de abandono, adoptada del todo (sBG)' },
    finalExpansion: { en: 'expansion before the ceiling, fully adopted', es: 'expansión antes del techo, adoptada del todo' },
    termSurvival: { en: 'first-renewal survival of the customers still in their first term', es: 'supervivencia en la primera renovación de los que siguen en su primer contrato' },
    runOffSum: { en: `sum of the ${RUN_OFF_YEARS} run-off years, discounted to the horizon`, es: `suma de los ${RUN_OFF_YEARS} años de liquidación, descontados al horizonte` },
    tailRatio: { en: 'last year ÷ the year before (the geometric tail when in (0, 1))', es: 'último año ÷ el anterior (la cola geométrica si está en (0, 1))' },
    terminalValue: { en: 'run-off sum + last year × ratio ÷ (1 − ratio)', es: 'suma + último año × ratio ÷ (1 − ratio)' },
  };
  const firstOfLastYear = Math.max(0, P - ppy);
  const tvCells: Ex[][] = plans.map(() => []);
  for (const ro of runOffs) {
    const { p, i } = ro;
    const col = VAL + p;
    const blk = segBlocks[p][i];
    const g = (key: string) => G(key, i);
    const lastYear = (key: SegmentColumn) => sum(sh.rangeOf(rowOf(firstOfLastYear), blk.col(key), last, blk.col(key)));
    const put = (key: (typeof TV_KEYS)[number], e: Ex, format: string) => {
      sh.set(tvRow(i, key), col, e, { style: 'calc', format });
      return sh.abs(tvRow(i, key), col);
    };
    const pc = planConst[p];
    const cy = lastYear('customerYears');
    const overhead = add(add(lastYear('serviceBonus'), lastYear('preventionSpend')), lastYear('peopleCost'));
    const cost = put('costPerCustomer', iff(gt(cy, zero), div(add(sub(mul(g('grossMargin'), lastYear('revenue')), lastYear('grossProfit')), overhead), cy), zero), FORMAT.money);
    const rRate = put('renewalRate', iff(gt(lastYear('renewedArr'), zero), div(lastYear('commissionRenewal'), lastYear('renewedArr')), zero), FORMAT.share);
    const eRate = put('expansionRate', iff(gt(lastYear('expansionArr'), zero), div(lastYear('commissionExpansion'), lastYear('expansionArr')), zero), FORMAT.share);
    const finalContacts = sh.abs(last, blk.col('contactsPerCustomer'));
    const churn = put('finalChurn', min(num(0.99), max(zero, add(add(mul(segConst[i].sales0, pc.adoptedSalesChurnFactor),
      serviceChurnOf(finalContacts, pc.adoptedUnresolved)), pc.adoptedHandoff))), FORMAT.share);
    const pressure = put('finalPressure', iff(gt(g('churn'), zero), div(churn, g('churn')), one), FORMAT.factor);
    const e = put('finalExpansion', mul(g('expansion'), pc.adoptedExpansionFactor), FORMAT.share);
    const termSurvival = put('termSurvival', ro.sbg ? ro.sbgRenewal(1, pressure) : pow(sub(one, churn), g('contractTermYears')), FORMAT.share);
    // The book at the horizon: its pools, and the customers still in their first term (good and mis-sold).
    const pools = poolCols[p][i];
    const pendingBad = sh.abs(last, blk.col('misSoldEnd'));
    const pendingAll = sub(sub(add(sh.abs(last, blk.col('pendingBegin')), sh.abs(last, blk.col('newCustomers'))), sh.abs(last, blk.col('renewingGood'))), sh.abs(last, blk.col('renewingBad')));
    const pendingGood = sub(pendingAll, pendingBad);
    const joiners = add(mul(pendingGood, termSurvival), mul(pendingBad, sub(one, B('misSoldChurn'))));
    const halfContraction = sub(one, sqrt(sub(one, g('contraction'))));
    const rc = runOffCols[p][i];
    const at = (key: (typeof RUN_OFF_KEYS)[number], y: number) => sh.ref(rowOf(y), rc.start + RUN_OFF_KEYS.indexOf(key));
    const horizonPools = Array.from({ length: ro.nPools }, (_, j) => j).filter((j) => j === 0 || !ro.sbg || P - 1 >= j - 1 + ro.termP);
    for (let y = 0; y < RUN_OFF_YEARS; y++) {
      const row = rowOf(y);
      const set = (key: (typeof RUN_OFF_KEYS)[number], x: Ex | number, format: string = FORMAT.money) => {
        sh.set(row, rc.start + RUN_OFF_KEYS.indexOf(key), x, { format });
        return at(key, y);
      };
      set('year', y + 1, FORMAT.int);
      const bookN = y === 0 ? sum(sh.rangeOf(last, pools.n, last, pools.n + pools.count - 1)) : at('customersEnd', y - 1);
      const bookA = y === 0 ? sum(sh.rangeOf(last, pools.a, last, pools.a + pools.count - 1)) : at('arrEnd', y - 1);
      const nb = set('customersBegin', y === 0 ? add(pendingAll, bookN) : bookN, FORMAT.count);
      const ab = set('arrBegin', y === 0 ? add(mul(pendingAll, g('arpa')), bookA) : bookA);
      const expansion = set('expansion', iff(gt(nb, zero), mul(e, ro.ceilingAtMid(div(ab, nb), e, one)), zero), FORMAT.share);
      const mg = set('midGrowth', sqrt(mul(sub(one, g('contraction')), add(one, expansion))), FORMAT.factor);
      const joinKept = mul(mul(joiners, g('arpa')), sub(one, halfContraction));
      const joinGrown = mul(joinKept, sub(sqrt(add(one, expansion)), one));
      let nEnd: Ex, aEnd: Ex, staying: Ex;
      if (!ro.sbg) {
        staying = mul(bookA, sub(one, churn));
        const kept = mul(staying, sub(one, g('contraction')));
        nEnd = mul(bookN, sub(one, churn));
        aEnd = mul(kept, add(one, expansion));
        if (y === 0) {
          nEnd = add(nEnd, joiners);
          aEnd = add(aEnd, add(joinKept, joinGrown));
        }
        set('expanded', y === 0 ? add(mul(kept, expansion), joinGrown) : mul(kept, expansion));
      } else {
        // Each pool on its own sBG curve: the starting base by tenure, the others one renewal opportunity a year.
        const survivalOf = (j: number): Ex => {
          if (j === 0) return ro.spanSurvival(add(add(S('horizonYears'), g('baseTenureYears')), num(y)), pressure, one);
          if (j === ro.nPools) return sub(one, ro.hazardAt(num(ro.CTn + y), pressure));
          const opportunity = Math.floor((P - 1 - (j - 1)) / ro.termP) * ro.CTn + 1 + y;
          return sub(one, ro.hazardAt(num(opportunity), pressure));
        };
        const livePools = y === 0 ? horizonPools : [...horizonPools, ro.nPools];
        const stays: Ex[] = [];
        const keeps: Ex[] = [];
        for (const j of livePools) {
          const nPrev = y === 0 ? sh.abs(last, pools.n + j) : sh.ref(row - 1, rc.n + j);
          const aPrev = y === 0 ? sh.abs(last, pools.a + j) : sh.ref(row - 1, rc.a + j);
          const sv = survivalOf(j);
          const st = mul(aPrev, sv);
          const kept = mul(st, sub(one, g('contraction')));
          stays.push(st);
          keeps.push(kept);
          sh.set(row, rc.n + j, mul(nPrev, sv), { format: FORMAT.count });
          sh.set(row, rc.a + j, mul(kept, add(one, expansion)), { format: FORMAT.money });
        }
        if (y === 0) {
          sh.set(row, rc.n + ro.nPools, joiners, { format: FORMAT.count });
          sh.set(row, rc.a + ro.nPools, add(joinKept, joinGrown), { format: FORMAT.money });
        }
        staying = sumOf(...stays);
        nEnd = sum(sh.rangeOf(row, rc.n, row, rc.n + rc.pools - 1));
        aEnd = sum(sh.rangeOf(row, rc.a, row, rc.a + rc.pools - 1));
        const expandedBook = mul(sumOf(...keeps), expansion);
        set('expanded', y === 0 ? add(expandedBook, joinGrown) : expandedBook);
      }
      const ne = set('customersEnd', nEnd, FORMAT.count);
      const ae = set('arrEnd', aEnd);
      const renewed = set('renewed', y === 0 ? add(div(mul(staying, mg), g('contractTermYears')), mul(joiners, g('arpa'))) : div(mul(staying, mg), g('contractTermYears')));
      const contribution = set('contribution', iff(gt(nb, zero), sub(sub(sub(mul(g('grossMargin'), div(add(ab, ae), num(2))), mul(cost, div(add(nb, ne), num(2)))),
        mul(rRate, renewed)), mul(eRate, at('expanded', y))), zero));
      set('discounted', mul(contribution, pow(add(one, S('discountRate')), neg(add(num(y), iff(eq(S('discountTiming'), one), one, num(0.5)))))));
    }
    const discounted = sh.rangeOf(rowOf(0), rc.start + RUN_OFF_KEYS.indexOf('discounted'), rowOf(RUN_OFF_YEARS - 1), rc.start + RUN_OFF_KEYS.indexOf('discounted'));
    const runOffSum = put('runOffSum', sum(discounted), FORMAT.money);
    const lastY = at('discounted', RUN_OFF_YEARS - 1);
    const prevY = at('discounted', RUN_OFF_YEARS - 2);
    const ratio = put('tailRatio', iff(eq(prevY, zero), zero, div(lastY, prevY)), FORMAT.factor);
    const value = put('terminalValue', iff(and(gt(ratio, zero), lt(ratio, one)), add(runOffSum, div(mul(lastY, ratio), sub(one, ratio))), runOffSum), FORMAT.money);
    tvCells[p][i] = value;
    outputs.push({ sheet: 'plain', row: tvRow(i, 'terminalValue'), col, ref: { kind: 'terminal', plan: p, segment: i } });
    // Headers of the run-off table.
    const title = `${planLabel(p)}: ${s.segments[i].name}: ${lang === 'es' ? 'liquidación' : 'run-off'}`;
    RUN_OFF_KEYS.forEach((key, k) => {
      sh.set(groupRow, rc.start + k, k === 0 ? title : '', { style: 'group' });
      sh.set(labelRow, rc.start + k, pick(RUN_OFF_LABELS[key], lang), { style: 'header' });
    });
    for (let j = 0; j < rc.pools; j++) {
      sh.set(groupRow, rc.n + j, j === 0 ? `${title}: ${tx('cohorts', lang)}: ${lang === 'es' ? 'clientes' : 'customers'}` : '', { style: 'group' });
      sh.set(groupRow, rc.a + j, j === 0 ? `${title}: ${tx('cohorts', lang)}: ARR` : '', { style: 'group' });
      sh.set(labelRow, rc.n + j, j === 0 ? tx('start', lang) : `${tx('joined', lang)} ${j}`, { style: 'header' });
      sh.set(labelRow, rc.a + j, j === 0 ? tx('start', lang) : `${tx('joined', lang)} ${j}`, { style: 'header' });
    }
  }
  for (let i = 0; i < nSeg; i++) {
    TV_KEYS.forEach((k2) => constRow(tvRow(i, k2), `${s.segments[i].name}: ${k2}`, pick(tvMeaning[k2], lang)));
  }

  // ── Results ─────────────────────────────────────────────────────────────────────────────────
  header(resHeader, tx('resultsBlock', lang), plans.map((pl) => pl.name));
  RESULT_KEYS.forEach((k2) => constRow(resRow(k2), k2, pick(RESULT_LABELS[k2], lang)));
  const none = text(tx('none', lang));
  for (let p = 0; p < nPlans; p++) {
    const col = VAL + p;
    const put = (key: ResultKey, e: Ex, format: string = FORMAT.money) => {
      sh.set(resRow(key), col, e, { style: 'output', format });
      return sh.abs(resRow(key), col);
    };
    const tb = totalBlocks[p];
    const pv = put('pvContribution', sum(sh.rangeOf(first, tb.col('pvContribution'), last, tb.col('pvContribution'))));
    const terminal = put('terminalValue', sumOf(...tvCells[p]));
    outputs.push({ sheet: 'plain', row: resRow('terminalValue'), col, ref: { kind: 'terminal', plan: p, segment: 'total' } });
    const terminalPv = put('terminalValuePv', mul(terminal, pow(add(one, S('discountRate')), neg(S('horizonYears')))));
    const equity = put('customerEquity', add(pv, terminalPv));
    outputs.push({ sheet: 'plain', row: resRow('customerEquity'), col, ref: { kind: 'equity', plan: p } });
    put('terminalValueShare', iff(eq(equity, zero), zero, div(terminalPv, equity)), FORMAT.share);
  }
  for (let p = 1; p < nPlans; p++) {
    const col = VAL + p;
    const cb = compareBlocks[p - 1];
    const whole = (key: keyof typeof COMPARE_COLUMNS) => sh.rangeOf(first, cb.col(key), last, cb.col(key));
    const yearOf = (key: keyof typeof COMPARE_COLUMNS, from: number) => sum(sh.rangeOf(rowOf(from), cb.col(key), rowOf(from + ppy - 1), cb.col(key)));
    const put = (key: ResultKey, e: Ex, format: string = FORMAT.money) => {
      sh.set(resRow(key), col, e, { style: 'output', format });
      outputs.push({ sheet: 'plain', row: resRow(key), col, ref: { kind: 'comparison', plan: p, field: key } });
      return sh.abs(resRow(key), col);
    };
    const periodFrom = (count: Ex) => iff(gt(count, zero), sub(num(P + 1), count), none);
    put('crossoverPeriod', periodFrom(sum(whole('revenueAhead'))), FORMAT.int);
    sh.set(resRow('periodsBeforeBreakeven'), col, sub(num(P), sum(whole('contributionAhead'))), { style: 'calc', format: FORMAT.int });
    const before = sh.abs(resRow('periodsBeforeBreakeven'), col);
    put('breakevenPeriod', iff(lt(before, num(P)), add(before, one), none), FORMAT.int);
    // Sacrifice: negative contribution deltas before break-even (every period when it never breaks even).
    for (let t = 0; t < P; t++) {
      const delta = sh.ref(rowOf(t), cb.col('contributionDelta'));
      sh.set(rowOf(t), cb.col('sacrifice'), iff(and(le(tv('period', t), before), lt(delta, zero)), delta, zero), { format: FORMAT.money });
    }
    put('shortTermSacrifice', sum(whole('sacrifice')));
    put('npvDelta', sum(whole('pvDelta')));
    const ceBase = put('customerEquityBaseline', sh.abs(resRow('customerEquity'), VAL));
    const ceProp = put('customerEquityProposed', sh.abs(resRow('customerEquity'), col));
    put('customerEquityDelta', sub(ceProp, ceBase));
    put('tenureNpvDelta', sum(whole('tenurePvDelta')));
    put('year1RevenueDelta', yearOf('revenueDelta', 0));
    put('finalYearRevenueDelta', yearOf('revenueDelta', P - ppy));
    put('year1CompCostDelta', yearOf('compCostDelta', 0));
    put('finalYearCompCostDelta', yearOf('compCostDelta', P - ppy));
    put('terminalShareBaseline', sh.abs(resRow('terminalValueShare'), VAL), FORMAT.share);
    put('terminalShareProposed', sh.abs(resRow('terminalValueShare'), col), FORMAT.share);
  }

  // ── Pool matrix headers ─────────────────────────────────────────────────────────────────────
  for (let p = 0; p < nPlans; p++) {
    for (let i = 0; i < nSeg; i++) {
      const pc2 = poolCols[p][i];
      const what: [number, Pair][] = [[pc2.n, { en: 'customers', es: 'clientes' }], [pc2.a, { en: 'ARR', es: 'ARR' }]];
      for (const [start, label] of what) {
        sh.set(groupRow, start, `${planLabel(p)}: ${s.segments[i].name}: ${tx('cohorts', lang)}: ${pick(label, lang)}`, { style: 'group' });
        for (let j = 0; j < pc2.count; j++) {
          if (j > 0) sh.set(groupRow, start + j, '', { style: 'group' });
          sh.set(labelRow, start + j, j === 0 ? tx('start', lang) : isSbg(s, i) ? `${tx('joined', lang)} ${j}` : `${lang === 'es' ? 'fase' : 'phase'} ${j}`, { style: 'header' });
        }
      }
    }
  }

  sh.width(0, 30);
  sh.width(1, 48);
  for (let col = VAL; col < c; col++) sh.width(col, 14);
  // Preview (docs screenshots): the time and behaviour constants; and the first periods of the table
  // with the time columns, the baseline's main totals and the first comparison (other columns hidden).
  const topWidth = VAL + Math.max(nPlans, nSeg);
  const shown = [...time.cols.values(),
    ...['customersBegin', 'newCustomers', 'churnedCustomers', 'customers', 'arr', 'revenue', 'grossProfit', 'compCost', 'contribution', 'nrr']
      .map((key) => totalBlocks[0].col(key)),
    ...(nPlans > 1 ? (['revenueDelta', 'contributionDelta', 'cumContributionDelta', 'pvDelta'] as const).map((key) => compareBlocks[0].col(key)) : [])];
  const lastShown = Math.max(...shown);
  sh.print = {
    areas: [
      { r0: 0, c0: 0, r1: planHeader + PLAN_KEYS.length, c1: topWidth - 1 },
      // Columns A and B are wide for the labels above; the period and year below need little.
      { r0: groupRow - 1, c0: 0, r1: Math.min(last, first + 23), c1: lastShown, colWidths: { 0: 8, 1: 6 } },
    ],
    hideCols: Array.from({ length: lastShown + 1 }, (_, col) => col).filter((col) => col >= topWidth && !shown.includes(col)),
  };

  return {
    sheet: sh,
    names,
    outputs,
    firstRow: first,
    lastRow: last,
    totalCol: (p, key) => totalBlocks[p].col(key),
    compareCol: (p, key) => compareBlocks[p - 1].col(key),
    resultCell: (p, key) => ({ row: resRow(key), col: VAL + p }),
  };
}


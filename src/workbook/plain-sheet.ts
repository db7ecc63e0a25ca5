import { METRICS, type Language, type Scenario } from '../engine';
import { absAddress } from './a1';
import {
  COMPARE_COLUMNS, METRIC_COLUMN, SEGMENT_COLUMNS, TIME_COLUMNS, TOTAL_COLUMNS, TOTAL_SUMMED, BEHAVIOUR_COLUMNS,
  type ColumnDef, type SegmentColumn,
} from './columns';
import {
  add, and, atom, div, eq, exp, ge, gt, iff, index, int, le, ln, lt, max, min, mul, neg, num, pow, powSafe, sqrt,
  sub, sum, sumOf, sumproduct, text, type Ex,
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
  'finalYearCompCostDelta', 'periodsBeforeBreakeven',
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
  const sbg = s.segments.filter((_, i) => isSbg(s, i)).length;
  cells += plans * sbg * 3 * (P * (P + 1) / 2 + P);
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
  const GLOBAL_KEYS = ['dt', 'periods', 'tenurePeriods', 'freeSales', 'freeService', 'adoptionRate', 'ownResolution0', 'humanResolution0', 'unresolved0', 'totalStart', 'layoutOk'] as const;
  const globalRow = (k: (typeof GLOBAL_KEYS)[number]) => globalHeader + 1 + GLOBAL_KEYS.indexOf(k);
  r = globalHeader + 1 + GLOBAL_KEYS.length + 1;
  const planHeader = r;
  const PLAN_KEYS = ['ratioNew', 'ratioRenewal', 'ratioExpansion', 'weightAcquire', 'weightRetain', 'weightExpand', 'weightTotal',
    'targetAcquire', 'targetRetain', 'targetExpand', 'ratioResolve', 'ratioClose', 'weightResolve', 'weightClose', 'targetResolve',
    'clawbackRelief', 'overSellingPressure', 'targetMisSold', 'preventionFactor'] as const;
  const planRow = (k: (typeof PLAN_KEYS)[number]) => planHeader + 1 + PLAN_KEYS.indexOf(k);
  r = planHeader + 1 + PLAN_KEYS.length + 1;
  const segHeader = r;
  const SEG_KEYS = ['service0', 'sales0', 'newShare', 'detractors0', 'contractionStep', 'termPeriods', 'weight'] as const;
  const segRow = (k: (typeof SEG_KEYS)[number]) => segHeader + 1 + SEG_KEYS.indexOf(k);
  r = segHeader + 1 + SEG_KEYS.length + 1;
  const tvHeader = r;
  const TV_KEYS = ['margin', 'customerYears', 'churned', 'opening', 'customersAtEnd', 'retention', 'terminalValue'] as const;
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
  /** sBG cohort matrices per plan and segment: q, N, A, each P+1 columns (starting base, then one per joining period). */
  const cohortCols: ({ q: number; n: number; a: number } | undefined)[][] = [];
  for (let p = 0; p < nPlans; p++) {
    cohortCols.push([]);
    for (let i = 0; i < nSeg; i++) {
      if (!isSbg(s, i)) {
        cohortCols[p].push(undefined);
        continue;
      }
      cohortCols[p].push({ q: c, n: c + P + 1, a: c + 2 * (P + 1) });
      c += 3 * (P + 1);
    }
  }

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
  const layoutChecks: Ex[] = [eq(S('horizonYears'), num(s.settings.horizonYears)), eq(S('periodsPerYear'), num(ppy))];
  // A segment is on the sBG curve when alpha and beta are both above 0 (project.ts useSbg).
  s.segments.forEach((_, i) => layoutChecks.push(eq(iff(and(gt(G('sbgAlpha', i), zero), gt(G('sbgBeta', i), zero)), one, zero), num(isSbg(s, i) ? 1 : 0))));
  constRow(globalRow('layoutOk'), 'layoutOk', tx('layoutCheck', lang));
  sh.set(globalRow('layoutOk'), VAL, and(...layoutChecks), { style: 'check' });

  // ── Plan constants ──────────────────────────────────────────────────────────────────────────
  header(planHeader, tx('planBlock', lang), plans.map((p) => p.name));
  const planMeaning: Record<(typeof PLAN_KEYS)[number], Pair> = {
    ratioNew: { en: 'commissionNew ÷ baseline (incentive intensity ratio)', es: 'commissionNew ÷ plan base (intensidad relativa)' },
    ratioRenewal: { en: 'commissionRenewal ÷ baseline', es: 'commissionRenewal ÷ plan base' },
    ratioExpansion: { en: 'commissionExpansion ÷ baseline', es: 'commissionExpansion ÷ plan base' },
    weightAcquire: { en: 'attraction weight: free share × ratio^responsiveness', es: 'peso de atracción: parte libre × ratio^sensibilidad' },
    weightRetain: { en: 'attraction weight: retain', es: 'peso de atracción: retener' },
    weightExpand: { en: 'attraction weight: expand', es: 'peso de atracción: ampliar' },
    weightTotal: { en: 'sum of the three weights', es: 'suma de los tres pesos' },
    targetAcquire: { en: 'effort share on acquiring once adopted: floor + free × weight ÷ total', es: 'esfuerzo en captar una vez adoptado: mínimo + libre × peso ÷ total' },
    targetRetain: { en: 'effort share on retaining once adopted', es: 'esfuerzo en retener una vez adoptado' },
    targetExpand: { en: 'effort share on expanding once adopted', es: 'esfuerzo en ampliar una vez adoptado' },
    ratioResolve: { en: 'outcomeWeight ÷ baseline', es: 'outcomeWeight ÷ plan base' },
    ratioClose: { en: '(1 − outcomeWeight) ÷ baseline', es: '(1 − outcomeWeight) ÷ plan base' },
    weightResolve: { en: 'attraction weight: resolving', es: 'peso de atracción: resolver' },
    weightClose: { en: 'attraction weight: closing', es: 'peso de atracción: cerrar' },
    targetResolve: { en: 'service effort resolving once adopted', es: 'esfuerzo de soporte en resolver una vez adoptado' },
    clawbackRelief: { en: '(1 − clawback) ÷ baseline', es: '(1 − clawback) ÷ plan base' },
    overSellingPressure: { en: 'ratioNew^γ × relief^δ', es: 'ratioNew^γ × alivio^δ' },
    targetMisSold: { en: 'mis-sold share once adopted: min(0.9, μ⁰ × pressure^responsiveness)', es: 'proporción mal vendida una vez adoptado: min(0,9; μ⁰ × presión^sensibilidad)' },
    preventionFactor: { en: 'yearly factor on contacts per customer from prevention', es: 'factor anual sobre contactos por cliente por la prevención' },
  };
  const eps = B('responsiveness');
  const floor = B('effortFloor');
  const planConst: Record<string, Ex>[] = [];
  for (let p = 0; p < nPlans; p++) {
    const col = VAL + p;
    const out: Record<string, Ex> = {};
    const put = (key: (typeof PLAN_KEYS)[number], e: Ex, format: string = FORMAT.factor) => {
      sh.set(planRow(key), col, e, { style: 'calc', format });
      out[key] = sh.abs(planRow(key), col);
      return out[key];
    };
    const ratioNew = put('ratioNew', div(PL('commissionNew', p), PL('commissionNew', 0)));
    const ratioRenewal = put('ratioRenewal', div(PL('commissionRenewal', p), PL('commissionRenewal', 0)));
    const ratioExpansion = put('ratioExpansion', div(PL('commissionExpansion', p), PL('commissionExpansion', 0)));
    const w = (b: Ex, ratio: Ex, free: Ex) => mul(div(sub(b, floor), free), powSafe(ratio, eps));
    const wA = put('weightAcquire', w(B('effortAcquire'), ratioNew, freeSales));
    const wR = put('weightRetain', w(B('effortRetain'), ratioRenewal, freeSales));
    const wE = put('weightExpand', w(B('effortExpand'), ratioExpansion, freeSales));
    const wT = put('weightTotal', add(add(wA, wR), wE));
    const target = (wi: Ex, b: Ex) => iff(gt(wT, zero), add(floor, mul(freeSales, div(wi, wT))), b);
    put('targetAcquire', target(wA, B('effortAcquire')), FORMAT.share);
    put('targetRetain', target(wR, B('effortRetain')), FORMAT.share);
    put('targetExpand', target(wE, B('effortExpand')), FORMAT.share);
    const rRes = put('ratioResolve', div(PL('outcomeWeight', p), PL('outcomeWeight', 0)));
    const rClose = put('ratioClose', div(sub(one, PL('outcomeWeight', p)), sub(one, PL('outcomeWeight', 0))));
    const wRes = put('weightResolve', w(B('resolveEffortShare'), rRes, freeService));
    const wClose = put('weightClose', w(sub(one, B('resolveEffortShare')), rClose, freeService));
    const wSrv = add(wRes, wClose);
    put('targetResolve', iff(gt(wSrv, zero), add(floor, mul(freeService, div(wRes, wSrv))), B('resolveEffortShare')), FORMAT.share);
    const relief = put('clawbackRelief', div(sub(one, PL('clawback', p)), sub(one, PL('clawback', 0))));
    const pressure = put('overSellingPressure', mul(powSafe(ratioNew, B('overSellingElasticity')), powSafe(relief, B('clawbackElasticity'))));
    put('targetMisSold', min(num(0.9), mul(B('misSoldShare'), powSafe(pressure, eps))), FORMAT.share);
    put('preventionFactor', sub(one, min(num(0.99), div(div(PL('preventionBudget', p), B('preventionCostPerPoint')), num(100)))));
    planConst.push(out);
  }
  PLAN_KEYS.forEach((k2) => constRow(planRow(k2), k2, pick(planMeaning[k2], lang)));

  // ── Segment constants ───────────────────────────────────────────────────────────────────────
  header(segHeader, tx('segmentBlock', lang), s.segments.map((g) => g.name));
  const segMeaning: Record<(typeof SEG_KEYS)[number], Pair> = {
    service0: { en: 'service-driven part of churn under the baseline', es: 'parte del abandono debida a soporte con el plan base' },
    sales0: { en: 'sales-driven part of churn: churn − service0', es: 'parte del abandono debida a ventas: abandono − service0' },
    newShare: { en: 'new customers ÷ (new + starting customers)', es: 'clientes nuevos ÷ (nuevos + iniciales)' },
    detractors0: { en: 'detractor share under the baseline', es: 'proporción de detractores con el plan base' },
    contractionStep: { en: 'contraction per period', es: 'contracción por período' },
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
    const service0 = put('service0', mul(mul(mul(G('contactsPerCustomer', i), unresolved0), B('pChurnIfUnresolved')), sub(one, B('saveRate'))), FORMAT.share);
    put('sales0', max(zero, sub(G('churn', i), service0)), FORMAT.share);
    const both = add(G('newCustomers', i), G('customers', i));
    const newShare = put('newShare', iff(gt(both, zero), div(G('newCustomers', i), both), zero), FORMAT.share);
    put('detractors0', add(add(G('churn', i), mul(B('misSoldShare'), newShare)),
      min(one, mul(mul(G('contactsPerCustomer', i), unresolved0), B('pDetractorIfUnresolved')))), FORMAT.share);
    put('contractionStep', sub(one, pow(sub(one, G('contraction', i)), dt)), FORMAT.share);
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
      put('ownResolution', min(num(0.99), mul(B('resolutionRate'), powSafe(div(bv('resolveShare', t), B('resolveEffortShare')), B('elasticityResolution')))));
      put('humanResolution', add(bv('ownResolution', t), mul(PL('agentAssist', p), sub(one, bv('ownResolution', t)))));
      put('unresolved', add(mul(sub(one, PL('automationShare', p)), sub(one, bv('humanResolution', t))),
        mul(PL('automationShare', p), sub(one, B('automationResolution')))));
      put('misSold', move(B('misSoldShare'), pc.targetMisSold));
      put('acquisitionFactor', powSafe(div(bv('effortAcquire', t), B('effortAcquire')), B('elasticityAcquire')));
      put('salesChurnFactor', powSafe(div(bv('effortRetain', t), B('effortRetain')), neg(B('elasticityRetain'))));
      put('expansionFactor', powSafe(div(bv('effortExpand', t), B('effortExpand')), B('elasticityExpand')));
      put('contactsFactor', pow(pc.preventionFactor, mul(add(sub(tv('period', t), one), num(0.5)), dt)));
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
    const cohorts = cohortCols[p][i];
    const alpha = g('sbgAlpha');
    const beta = g('sbgBeta');
    const CT = g('contractTermYears');
    const v = (key: SegmentColumn, t: number) => sh.ref(rowOf(t), blk.col(key));
    const colRange = (key: SegmentColumn) => sh.rangeOf(first, blk.col(key), last, blk.col(key));
    /** Annual sBG churn at a tenure (years), scaled by the churn pressure: project.ts sbgHazard. */
    const hazardAtOpportunity = (opportunity: Ex, pressure: Ex) =>
      min(num(0.99), mul(sub(one, div(sub(add(beta, opportunity), one), sub(add(add(alpha, beta), opportunity), one))), pressure));
    const opportunityAt = (tenure: Ex) => add(int(max(zero, tenure)), one);

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

      // Churn pressure relative to the baseline, phased in as contracts renew.
      const cpc = g('contactsPerCustomer');
      const contacts = put('contactsPerCustomer', iff(gt(cpc, B('minContacts')), max(B('minContacts'), mul(cpc, bv('contactsFactor', t))), cpc));
      const churnNow = put('churnNow', add(mul(sc.sales0, bv('salesChurnFactor', t)),
        mul(mul(mul(contacts, unresolved), B('pChurnIfUnresolved')), sub(one, B('saveRate')))));
      const t1 = add(t0, dt);
      const integral = (x: Ex) => iff(le(x, CT), div(mul(x, x), mul(num(2), CT)), add(div(CT, num(2)), sub(x, CT)));
      const renewed = put('renewedShare', iff(ge(t0, CT), one, div(sub(integral(t1), integral(t0)), sub(t1, t0))));
      const c0 = g('churn');
      // project.ts phasedChurn: from c0 to the plan's churn linearly in the hazard −ln(1 − c).
      const after = min(num(0.99), churnNow);
      const flatChurn = put('flatChurn', iff(ge(renewed, one), after,
        sub(one, mul(pow(sub(one, c0), sub(one, renewed)), pow(sub(one, after), renewed)))));
      const pressure = put('pressure', iff(gt(c0, zero), div(flatChurn, c0), one));
      const expansionRate = put('expansionRate', mul(g('expansion'), bv('expansionFactor', t)));
      const expansionStep = put('expansionStep', iff(eq(S('periodsPerYear'), one), expansionRate, sub(pow(add(one, expansionRate), dt), one)));
      // Book churn step (flat) or the joiners' sBG step at tenure term + dt/4.
      const churnStep = put('churnStep', sbg
        ? periodStep(hazardAtOpportunity(opportunityAt(add(CT, div(dt, num(4)))), pressure), dt)
        : periodStep(flatChurn, dt));

      // Word of mouth: fewer detractors weigh more than more promoters.
      const promoters = put('promoters', iff(lt(unresolved0, one),
        min(one, div(mul(B('promoterShare'), sub(one, unresolved)), sub(one, unresolved0))), B('promoterShare')));
      const detractors = put('detractors', add(add(flatChurn, mul(misSold, sc.newShare)),
        min(one, mul(mul(contacts, unresolved), B('pDetractorIfUnresolved')))));
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
      let bookN: Ex, bookA: Ex;
      if (t === 0) {
        bookN = put('bookCustomersBegin', g('customers'));
        bookA = put('bookArrBegin', mul(g('customers'), g('arpa')));
      } else if (sbg) {
        bookN = put('bookCustomersBegin', sum(sh.rangeOf(row - 1, cohorts!.n, row - 1, cohorts!.n + P)));
        bookA = put('bookArrBegin', sum(sh.rangeOf(row - 1, cohorts!.a, row - 1, cohorts!.a + P)));
      } else {
        bookN = put('bookCustomersBegin', v('bookCustomersEnd', t - 1));
        bookA = put('bookArrBegin', v('bookArrEnd', t - 1));
      }
      const customersBegin = put('customersBegin', add(bookN, pending));
      const arrBegin = put('arrBegin', add(bookA, mul(pending, g('arpa'))));

      // 1. The established book: churn, then contraction and expansion of what stays.
      if (sbg) writeCohortHazards(t, pressure);
      const bookChurned = put('bookChurned', sbg ? cohortChurn(t, 'n') : mul(bookN, churnStep));
      const bookChurnedA = put('bookChurnedArr', sbg ? cohortChurn(t, 'a') : mul(bookA, churnStep));
      const staying = put('bookStaying', sbg ? sub(bookA, bookChurnedA) : mul(bookA, sub(one, churnStep)));
      const contraction = put('bookContraction', mul(staying, sc.contractionStep));
      const expansion = put('bookExpansion', mul(sub(staying, contraction), expansionStep));
      const bookRenewed = put('bookRenewedArr', div(mul(staying, dt), CT));

      // 2. Cohorts reaching their first renewal.
      const survival = put('termSurvival', sbg ? sbgTermSurvival(pressure) : pow(sub(one, flatChurn), CT));
      const leavers = put('leavers', add(mul(good, sub(one, survival)), mul(bad, B('misSoldChurn'))));
      const survivors = put('survivors', sub(add(good, bad), leavers));
      put('clawbacks', mul(mul(mul(leavers, g('arpa')), PL('commissionNew', p)), PL('clawback', p)));
      const qHalf = put('joinChurnStep', sub(one, sqrt(sub(one, churnStep))));
      const jStaying = put('joinStaying', mul(mul(survivors, g('arpa')), sub(one, qHalf)));
      const jContraction = put('joinContraction', mul(jStaying, sub(one, sqrt(sub(one, sc.contractionStep)))));
      const jExpansion = put('joinExpansion', mul(sub(jStaying, jContraction), sub(sqrt(add(one, expansionStep)), one)));
      const churnedN = put('churnedCustomers', add(add(bookChurned, leavers), mul(survivors, qHalf)));
      const churnedA = put('churnedArr', add(add(bookChurnedA, mul(leavers, g('arpa'))), mul(mul(survivors, g('arpa')), qHalf)));
      const contractionA = put('contractionArr', add(contraction, jContraction));
      const expansionA = put('expansionArr', add(expansion, jExpansion));
      const renewedA = put('renewedArr', add(bookRenewed, mul(survivors, g('arpa'))));
      if (sbg) {
        writeCohortStocks(t, survivors, qHalf, jStaying, jContraction, jExpansion, expansionStep);
        put('bookCustomersEnd', sum(sh.rangeOf(row, cohorts!.n, row, cohorts!.n + P)));
        put('bookArrEnd', sum(sh.rangeOf(row, cohorts!.a, row, cohorts!.a + P)));
      } else {
        put('bookCustomersEnd', add(mul(bookN, sub(one, churnStep)), mul(survivors, sub(one, qHalf))));
        put('bookArrEnd', add(add(sub(staying, contraction), expansion), add(sub(jStaying, jContraction), jExpansion)));
      }

      // 3. Money.
      const newA = put('newArr', mul(newN, g('arpa')));
      const customersEnd = put('customers', sub(add(customersBegin, newN), churnedN));
      const arrEnd = put('arr', sub(sub(add(add(arrBegin, newA), expansionA), contractionA), churnedA));
      const avg = put('avgCustomers', div(add(customersBegin, customersEnd), num(2)));
      const revenue = put('revenue', mul(div(add(arrBegin, arrEnd), num(2)), dt));
      const contactCount = put('contacts', mul(mul(contacts, dt), add(avg, div(mul(B('misSoldContactUplift'), add(msBegin, msEnd)), num(2)))));
      const unitCost = add(mul(sub(one, PL('automationShare', p)), g('costPerContact')), mul(PL('automationShare', p), B('costPerAutomatedContact')));
      const contactCost = put('contactCost', mul(contactCount, unitCost));
      const gp = put('grossProfit', sub(sub(mul(revenue, g('grossMargin')), mul(mul(g('costToServe'), avg), dt)), contactCost));
      const cN = put('commissionNew', mul(PL('commissionNew', p), newA));
      const cR = put('commissionRenewal', mul(PL('commissionRenewal', p), renewedA));
      const cE = put('commissionExpansion', mul(PL('commissionExpansion', p), expansionA));
      const bonus = put('serviceBonus', mul(mul(PL('serviceBonusPool', p), dt), sc.weight));
      const comp = put('compCost', add(sub(add(add(cN, cR), cE), v('clawbacks', t)), bonus));
      const acq = put('acquisitionSpend', mul(newN, g('acquisitionCost')));
      const prev = put('preventionSpend', mul(mul(PL('preventionBudget', p), dt), sc.weight));
      put('contribution', sub(sub(sub(gp, comp), acq), prev));
      const rescuedRate = min(one, mul(mul(contacts, B('pChurnIfUnresolved')), sub(one, mul(unresolved, sub(one, B('saveRate'))))));
      put('rescuedArr', mul(mul(arrBegin, rescuedRate), dt));
      put('contactsPrevented', mul(mul(sub(cpc, contacts), dt), avg));
      put('churnRate', churnRateOf(churnedN, customersBegin));
      const [nrr, grr] = retentionOf(arrBegin, expansionA, contractionA, churnedA);
      put('nrr', nrr);
      put('grr', grr);
      put('terminalMargin', sub(sub(sub(sub(gp, cR), cE), bonus), prev));
      put('customerYears', div(div(add(customersBegin, customersEnd), num(2)), S('periodsPerYear')));
      for (const m of METRICS) {
        outputs.push({ sheet: 'plain', row, col: blk.col(METRIC_COLUMN[m]), ref: { kind: 'metric', plan: p, segment: i, metric: m, period: t } });
      }
    }

    /** sBG: the churn step of every cohort on the book this period (row t of the q matrix). */
    function writeCohortHazards(t: number, pressure: Ex): void {
      const row = rowOf(t);
      for (let j = 0; j <= P; j++) {
        const joined = j - 1; // cohort j > 0 joined in period j − 1; cohort 0 is the starting base
        if (j > 0 && t <= joined) continue;
        const origin = j === 0 ? neg(g('baseTenureYears')) : sub(sh.abs(rowOf(joined), time.col('mid')), CT);
        const tenure = sub(tv('mid', t), origin);
        sh.set(row, cohorts!.q + j, periodStep(hazardAtOpportunity(opportunityAt(tenure), pressure), dt), { format: FORMAT.share });
      }
    }

    /** sBG: Σ over cohorts of (customers or ARR at the start) × churn step. */
    function cohortChurn(t: number, which: 'n' | 'a'): Ex {
      const row = rowOf(t);
      const q = sh.rangeOf(row, cohorts!.q, row, cohorts!.q + P);
      if (t === 0) {
        const start = which === 'n' ? g('customers') : mul(g('customers'), g('arpa'));
        return mul(start, sh.ref(row, cohorts!.q));
      }
      const base = which === 'n' ? cohorts!.n : cohorts!.a;
      return sumproduct(sh.rangeOf(row - 1, base, row - 1, base + P), q);
    }

    /** sBG: customers and ARR of every cohort at the end of period t; the joiners start a new cohort. */
    function writeCohortStocks(t: number, survivors: Ex, qHalf: Ex, jS: Ex, jC: Ex, jE: Ex, expansionStep: Ex): void {
      const row = rowOf(t);
      for (let j = 0; j <= P; j++) {
        const joined = j - 1;
        if (j > 0 && t < joined) continue;
        const nCol = cohorts!.n + j;
        const aCol = cohorts!.a + j;
        if (j > 0 && t === joined) {
          sh.set(row, nCol, mul(survivors, sub(one, qHalf)), { format: FORMAT.count });
          sh.set(row, aCol, add(sub(jS, jC), jE), { format: FORMAT.money });
          continue;
        }
        const q = sh.ref(row, cohorts!.q + j);
        const nPrev = t === 0 ? g('customers') : sh.ref(row - 1, nCol);
        const aPrev = t === 0 ? mul(g('customers'), g('arpa')) : sh.ref(row - 1, aCol);
        sh.set(row, nCol, mul(nPrev, sub(one, q)), { format: FORMAT.count });
        const stay = mul(aPrev, sub(one, q));
        const kept = sub(stay, mul(stay, sc.contractionStep));
        sh.set(row, aCol, add(kept, mul(kept, expansionStep)), { format: FORMAT.money });
      }
    }

    /** sBG: probability a new customer survives its first contract term (at most 5 yearly renewals). */
    function sbgTermSurvival(pressure: Ex): Ex {
      let e: Ex = sub(one, hazardAtOpportunity(one, pressure));
      for (let kk = 2; kk <= 5; kk++) e = mul(e, iff(le(num(kk), CT), sub(one, hazardAtOpportunity(num(kk), pressure)), one));
      return e;
    }
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

  // ── Terminal values ─────────────────────────────────────────────────────────────────────────
  header(tvHeader, lang === 'es' ? 'Valor terminal por segmento' : 'Terminal value per segment', plans.map((pl) => pl.name));
  const tvMeaning: Record<(typeof TV_KEYS)[number], Pair> = {
    margin: { en: 'last year: margin kept (gross profit − renewal and expansion commission − bonus − prevention)', es: 'último año: margen retenido (beneficio bruto − comisiones de renovación y expansión − bono − prevención)' },
    customerYears: { en: 'last year: customer-years', es: 'último año: clientes-año' },
    churned: { en: 'last year: customers churned', es: 'último año: clientes perdidos' },
    opening: { en: 'customers at the start of the last year', es: 'clientes al inicio del último año' },
    customersAtEnd: { en: 'customers at the horizon', es: 'clientes en el horizonte' },
    retention: { en: 'logo retention r of the last year (at most 0.99)', es: 'retención de clientes r del último año (como mucho 0,99)' },
    terminalValue: { en: 'customers × margin per customer × r ÷ (1 + discount − r)', es: 'clientes × margen por cliente × r ÷ (1 + descuento − r)' },
  };
  const firstOfLastYear = Math.max(0, P - ppy);
  const tvCells: Ex[][] = [];
  for (let p = 0; p < nPlans; p++) {
    tvCells.push([]);
    for (let i = 0; i < nSeg; i++) {
      const col = VAL + p;
      const blk = segBlocks[p][i];
      const lastYear = (key: SegmentColumn) => sh.rangeOf(rowOf(firstOfLastYear), blk.col(key), last, blk.col(key));
      const put = (key: (typeof TV_KEYS)[number], e: Ex, format: string) => {
        sh.set(tvRow(i, key), col, e, { style: 'calc', format });
        return sh.abs(tvRow(i, key), col);
      };
      const margin = put('margin', sum(lastYear('terminalMargin')), FORMAT.money);
      const cy = put('customerYears', sum(lastYear('customerYears')), FORMAT.count);
      const churned = put('churned', sum(lastYear('churnedCustomers')), FORMAT.count);
      const opening = put('opening', sh.abs(rowOf(firstOfLastYear), blk.col('customersBegin')), FORMAT.count);
      const atEnd = put('customersAtEnd', sh.abs(last, blk.col('customers')), FORMAT.count);
      const retention = put('retention', iff(gt(opening, zero), min(num(0.99), max(zero, sub(one, div(churned, opening)))), zero), FORMAT.share);
      const value = put('terminalValue', iff(and(gt(cy, zero), gt(opening, zero)),
        div(mul(mul(atEnd, div(margin, cy)), retention), sub(add(one, S('discountRate')), retention)), zero), FORMAT.money);
      tvCells[p].push(value);
      outputs.push({ sheet: 'plain', row: tvRow(i, 'terminalValue'), col, ref: { kind: 'terminal', plan: p, segment: i } });
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
    put('customerEquity', add(pv, terminalPv));
    outputs.push({ sheet: 'plain', row: resRow('customerEquity'), col, ref: { kind: 'equity', plan: p } });
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
  }

  // ── sBG cohort matrix headers ───────────────────────────────────────────────────────────────
  for (let p = 0; p < nPlans; p++) {
    for (let i = 0; i < nSeg; i++) {
      const cc = cohortCols[p][i];
      if (!cc) continue;
      const what: [number, Pair][] = [
        [cc.q, { en: 'churn step', es: 'abandono del período' }],
        [cc.n, { en: 'customers', es: 'clientes' }],
        [cc.a, { en: 'ARR', es: 'ARR' }],
      ];
      for (const [start, label] of what) {
        sh.set(groupRow, start, `${planLabel(p)}: ${s.segments[i].name}: ${tx('cohorts', lang)}: ${pick(label, lang)}`, { style: 'group' });
        for (let j = 0; j <= P; j++) {
          if (j > 0) sh.set(groupRow, start + j, '', { style: 'group' });
          sh.set(labelRow, start + j, j === 0 ? tx('start', lang) : `${tx('joined', lang)} ${j}`, { style: 'header' });
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


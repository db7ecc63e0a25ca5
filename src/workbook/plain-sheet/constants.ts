/**
 * The global and segment constants at the top of the plain sheet: what src/engine/model/project.ts
 * computes once before its period loop (projectSegment's set-up: the service-driven part of churn,
 * the new-customer share, detractors under the baseline, per-period contraction) and
 * src/engine/model/behaviour.ts baselineFlows (the baseline's year-1 flows that price variable pay).
 * MODEL.md sections 2 (time), 3 (customer base), 5 (behaviour) and 6 (flows).
 */
import { absAddress } from '../a1';
import { add, and, atom, div, eq, gt, iff, ln, max, min, mul, num, pow, powSafe, sqrt, sub, sumOf, type Ex } from '../expr';
import { FORMAT, pick, t as tx, type Pair } from '../labels';
import { DT_NAME } from '../names';
import { union, unresolvedDetractors } from './formulas';
import { isSbg, SEG_KEYS, type GlobalKey, type PlainContext, type SegKey } from './layout';

/** The global constants' cells, as the later blocks read them. */
export interface GlobalConstants {
  /** The length of a period in years (the workbook name DT_NAME). */
  dt: Ex;
  tenurePeriods: Ex;
  freeSales: Ex;
  freeService: Ex;
  halfLife: Ex;
  /** A half-life at most this is instant adoption. */
  instant: Ex;
  adoptionRate: Ex;
  unresolved0: Ex;
  totalStart: Ex;
  flowNew: Ex;
  flowRenewed: Ex;
  flowExpansion: Ex;
  firstRenewalChurn: Ex;
}

export function writeGlobalConstants(c: PlainContext): GlobalConstants {
  const { s, lang, sh, S, B, G, PL, one, zero, VAL } = c;
  c.header(c.rows.globalHeader, tx('globalBlock', lang), ['']);
  const gset = (k: GlobalKey, meaning: string, e: Ex, format: string = FORMAT.factor) => {
    c.constRow(c.rows.global(k), k, meaning);
    sh.set(c.rows.global(k), VAL, e, { style: 'calc', format });
    return sh.abs(c.rows.global(k), VAL);
  };
  const dtCell = gset('dt', lang === 'es' ? 'Duración de un período en años' : 'Length of a period in years', div(one, S('periodsPerYear')));
  c.names.push({ name: DT_NAME, sheet: 'plain', ref: absAddress(c.rows.global('dt'), VAL) });
  const dt = atom(DT_NAME, dtCell.v);
  gset('periods', lang === 'es' ? 'Períodos del horizonte' : 'Periods in the horizon', mul(S('horizonYears'), S('periodsPerYear')), FORMAT.int);
  const tenurePeriods = gset('tenurePeriods', lang === 'es' ? 'Períodos del mandato (como máximo el horizonte)' : 'Periods of executive tenure (at most the horizon)',
    min(mul(S('horizonYears'), S('periodsPerYear')), mul(S('tenureYears'), S('periodsPerYear'))), FORMAT.int);
  const freeSales = gset('freeSales', lang === 'es' ? 'Esfuerzo comercial libre (1 − 3 × mínimo)' : 'Free sales effort (1 − 3 × floor)', sub(one, mul(num(3), B('effortFloor'))));
  const freeService = gset('freeService', lang === 'es' ? 'Esfuerzo de soporte libre (1 − 2 × mínimo)' : 'Free service effort (1 − 2 × floor)', sub(one, mul(num(2), B('effortFloor'))));
  const halfLife = B('adoptionHalfLife');
  const instant = num(0.000000001);
  const adoptionRate = gset('adoptionRate', lang === 'es' ? 'ln 2 / semivida de adopción (0 si inmediata)' : 'ln 2 / adoption half-life (0 when instant)',
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
  const layoutChecks: Ex[] = [eq(S('horizonYears'), num(s.settings.horizonYears)), eq(S('periodsPerYear'), num(c.ppy))];
  // The book's pools follow each segment's contract term (renewal phases, first renewals).
  s.segments.forEach((g, i) => layoutChecks.push(eq(G('contractTermYears', i), num(g.values.contractTermYears))));
  // A segment is on the sBG curve when alpha and beta are both above 0 (project.ts useSbg).
  s.segments.forEach((_, i) => layoutChecks.push(eq(iff(and(gt(G('sbgAlpha', i), zero), gt(G('sbgBeta', i), zero)), one, zero), num(isSbg(s, i) ? 1 : 0))));
  c.constRow(c.rows.global('layoutOk'), 'layoutOk', tx('layoutCheck', lang));
  sh.set(c.rows.global('layoutOk'), VAL, and(...layoutChecks), { style: 'check' });
  return { dt, tenurePeriods, freeSales, freeService, halfLife, instant, adoptionRate, unresolved0, totalStart, flowNew, flowRenewed, flowExpansion, firstRenewalChurn };
}

const SEG_MEANING: Record<SegKey, Pair> = {
  service0: { en: 'service-driven part of churn under the baseline', es: 'parte del abandono debida a soporte con el plan base' },
  sales0: { en: 'sales-driven part of churn: churn − service0', es: 'parte del abandono debida a ventas: abandono − service0' },
  newShare: { en: 'new customers ÷ (new + starting customers)', es: 'clientes nuevos ÷ (nuevos + iniciales)' },
  detractors0: { en: 'detractor share under the baseline (a union of churned, mis-sold and unresolved)', es: 'proporción de detractores con el plan base (unión de perdidos, mal vendidos y no resueltos)' },
  contractionStep: { en: 'contraction per period', es: 'contracción por período' },
  contractionHalf: { en: 'contraction over half a period (joiners)', es: 'contracción de medio período (los que entran)' },
  termPeriods: { en: 'periods in a contract term', es: 'períodos de un contrato' },
  weight: { en: 'share of the service bonus and prevention budget', es: 'parte del bono de soporte y de la prevención' },
};

/** Per segment (one column each): the constants projectSegment computes before its loop. */
export function writeSegmentConstants(c: PlainContext, gc: GlobalConstants): Record<string, Ex>[] {
  const { s, lang, sh, S, B, G, one, zero, VAL, nSeg } = c;
  c.header(c.rows.segHeader, tx('segmentBlock', lang), s.segments.map((g) => g.name));
  const segConst: Record<string, Ex>[] = [];
  for (let i = 0; i < nSeg; i++) {
    const col = VAL + i;
    const out: Record<string, Ex> = {};
    const put = (key: SegKey, e: Ex, format: string = FORMAT.factor) => {
      sh.set(c.rows.seg(key), col, e, { style: 'calc', format });
      out[key] = sh.abs(c.rows.seg(key), col);
      return out[key];
    };
    // Churn from unresolved contacts as a probability: 1 − (1 − u·p·(1 − save))^contacts.
    const perContact = mul(mul(gc.unresolved0, B('pChurnIfUnresolved')), sub(one, B('saveRate')));
    const service0 = put('service0', sub(one, powSafe(sub(one, perContact), G('contactsPerCustomer', i))), FORMAT.share);
    put('sales0', max(zero, sub(G('churn', i), service0)), FORMAT.share);
    const both = add(G('newCustomers', i), G('customers', i));
    const newShare = put('newShare', iff(gt(both, zero), div(G('newCustomers', i), both), zero), FORMAT.share);
    put('detractors0', union(c, G('churn', i), mul(B('misSoldShare'), newShare), unresolvedDetractors(c, G('contactsPerCustomer', i), gc.unresolved0)), FORMAT.share);
    const cStep = put('contractionStep', sub(one, pow(sub(one, G('contraction', i)), gc.dt)), FORMAT.share);
    put('contractionHalf', sub(one, sqrt(sub(one, cStep))), FORMAT.share);
    put('termPeriods', mul(G('contractTermYears', i), S('periodsPerYear')), FORMAT.int);
    put('weight', iff(gt(gc.totalStart, zero), div(G('customers', i), gc.totalStart), div(one, num(nSeg))), FORMAT.share);
    segConst.push(out);
  }
  SEG_KEYS.forEach((k2) => c.constRow(c.rows.seg(k2), k2, pick(SEG_MEANING[k2], lang)));
  return segConst;
}

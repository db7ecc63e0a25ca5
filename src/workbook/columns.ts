import type { Metric } from '../engine';
import { FORMAT, type Pair } from './labels';

/** A column of the model sheet: its header in both languages and its number format. */
export interface ColumnDef {
  label: Pair;
  format: string;
}

const c = (en: string, es: string, format: string): ColumnDef => ({ label: { en, es }, format });
const M = FORMAT.money;
const N = FORMAT.count;
const S = FORMAT.share;
const F = FORMAT.factor;

export const TIME_COLUMNS = {
  period: c('period', 'período', FORMAT.int),
  year: c('year', 'año', FORMAT.int),
  t0: c('start (years)', 'inicio (años)', FORMAT.years),
  mid: c('mid-period (years)', 'mitad del período (años)', FORMAT.years),
  adoption: c('adoption reached', 'adopción alcanzada', S),
  discountFactor: c('discount factor', 'factor de descuento', F),
} satisfies Record<string, ColumnDef>;

export const BEHAVIOUR_COLUMNS = {
  effortAcquire: c('effort: acquire', 'esfuerzo: captar', S),
  effortRetain: c('effort: retain', 'esfuerzo: retener', S),
  effortExpand: c('effort: expand', 'esfuerzo: ampliar', S),
  resolveShare: c('service effort resolving', 'esfuerzo de soporte en resolver', S),
  ownResolution: c('resolution before assist', 'resolución sin asistencia', S),
  humanResolution: c('human resolution', 'resolución humana', S),
  unresolved: c('contacts unresolved', 'contactos sin resolver', S),
  misSold: c('mis-sold share', 'proporción mal vendida', S),
  acquisitionFactor: c('acquisition factor', 'factor de captación', F),
  salesChurnFactor: c('sales churn factor', 'factor de abandono comercial', F),
  expansionFactor: c('expansion factor', 'factor de expansión', F),
  contactsFactor: c('contacts factor (prevention)', 'factor de contactos (prevención)', F),
  salesLevel: c('sales effort level', 'nivel de esfuerzo comercial', F),
  serviceLevel: c('service effort level', 'nivel de esfuerzo de soporte', F),
  salesAttrition: c('sales attrition', 'rotación comercial', S),
  serviceAttrition: c('service attrition', 'rotación de soporte', S),
  handoffChurn: c('churn from hand-offs', 'abandono por traspasos', S),
  resolveCostFactor: c('cost factor of resolving', 'factor de coste de resolver', F),
  peopleCost: c('people cost a year (all segments)', 'coste de personas al año (todos los segmentos)', M),
} satisfies Record<string, ColumnDef>;

export const SEGMENT_COLUMNS = {
  contactsPerCustomer: c('contacts per customer', 'contactos por cliente', F),
  churnNow: c('churn if renewed now', 'abandono si renovara ahora', S),
  renewedShare: c('share of base renewed', 'parte de la base renovada', S),
  pressure: c('churn pressure', 'presión de abandono', F),
  renewingChurn: c('churn of a contract renewing now', 'abandono de un contrato que renueva ahora', S),
  flatChurn: c('annual churn of the starting base', 'abandono anual de la base inicial', S),
  renewingPressure: c('churn pressure at renewal', 'presión de abandono al renovar', F),
  renewalSurvival: c('survival of a renewal', 'supervivencia de una renovación', S),
  ceilingFactor: c('expansion ceiling factor', 'factor del techo de expansión', F),
  expansionRate: c('annual expansion', 'expansión anual', S),
  expansionStep: c('expansion step', 'expansión del período', S),
  midGrowth: c('half-period growth of a renewal', 'crecimiento de medio período de una renovación', F),
  churnStep: c('churn step of the starting base', 'abandono del período de la base inicial', S),
  startCycleSurvival: c('starting base: survival since its term began', 'base inicial: supervivencia desde que empezó su contrato', S),
  promoters: c('promoters', 'promotores', S),
  detractors: c('detractors', 'detractores', S),
  wordOfMouth: c('word of mouth factor', 'factor boca a boca', F),
  newCustomers: c('new customers', 'clientes nuevos', N),
  newGood: c('new: well sold', 'nuevos: bien vendidos', N),
  newBad: c('new: mis-sold', 'nuevos: mal vendidos', N),
  renewingGood: c('first renewal: well sold', 'primera renovación: bien vendidos', N),
  renewingBad: c('first renewal: mis-sold', 'primera renovación: mal vendidos', N),
  pendingBegin: c('in first term at start', 'en primer contrato al inicio', N),
  misSoldBegin: c('mis-sold on books at start', 'mal vendidos en cartera al inicio', N),
  misSoldEnd: c('mis-sold on books at end', 'mal vendidos en cartera al final', N),
  bookCustomersBegin: c('established customers at start', 'clientes consolidados al inicio', N),
  bookArrBegin: c('established ARR at start', 'ARR consolidado al inicio', M),
  customersBegin: c('customers at start', 'clientes al inicio', N),
  arrBegin: c('ARR at start', 'ARR al inicio', M),
  bookChurned: c('established: churned', 'consolidados: bajas', N),
  bookChurnedArr: c('established: churned ARR', 'consolidados: ARR perdido', M),
  bookStaying: c('established: ARR staying', 'consolidados: ARR que se queda', M),
  bookContraction: c('established: contraction', 'consolidados: contracción', M),
  bookExpansion: c('established: expansion', 'consolidados: expansión', M),
  bookRenewedArr: c('established: renewed ARR', 'consolidados: ARR renovado', M),
  termSurvival: c('first-term survival', 'supervivencia del primer contrato', S),
  leavers: c('first renewal: leavers', 'primera renovación: bajas', N),
  survivors: c('first renewal: survivors', 'primera renovación: supervivientes', N),
  clawbacks: c('clawbacks', 'recuperaciones de comisión', M),
  joinStaying: c('joiners: ARR staying', 'los que entran: ARR que se queda', M),
  joinContraction: c('joiners: contraction', 'los que entran: contracción', M),
  joinExpansion: c('joiners: expansion', 'los que entran: expansión', M),
  churnedCustomers: c('churned customers', 'clientes perdidos', N),
  churnedArr: c('churned ARR', 'ARR perdido', M),
  contractionArr: c('contraction ARR', 'ARR de contracción', M),
  expansionArr: c('expansion ARR', 'ARR de expansión', M),
  renewedArr: c('renewed ARR', 'ARR renovado', M),
  bookCustomersEnd: c('established customers at end', 'clientes consolidados al final', N),
  bookArrEnd: c('established ARR at end', 'ARR consolidado al final', M),
  newArr: c('new ARR', 'ARR nuevo', M),
  customers: c('customers at end', 'clientes al final', N),
  arr: c('ARR at end', 'ARR al final', M),
  avgCustomers: c('average customers', 'clientes medios', N),
  revenue: c('revenue', 'ingresos', M),
  contacts: c('service contacts', 'contactos de soporte', N),
  contactUnitCost: c('cost per contact', 'coste por contacto', M),
  contactCost: c('contact cost', 'coste de contactos', M),
  grossProfit: c('gross profit', 'beneficio bruto', M),
  commissionNew: c('commission on new', 'comisión sobre nuevo', M),
  commissionRenewal: c('commission on renewals', 'comisión sobre renovaciones', M),
  commissionExpansion: c('commission on expansion', 'comisión sobre expansión', M),
  serviceBonus: c('service bonus', 'bono de soporte', M),
  compCost: c('compensation cost', 'coste de retribución', M),
  peopleCost: c('people cost (replacing leavers)', 'coste de personas (sustituir a quien se va)', M),
  acquisitionSpend: c('acquisition spend', 'gasto de adquisición', M),
  preventionSpend: c('prevention spend', 'gasto de prevención', M),
  contribution: c('contribution', 'contribución', M),
  rescuedArr: c('ARR rescued by service', 'ARR rescatado por soporte', M),
  contactsPrevented: c('contacts prevented', 'contactos evitados', N),
  churnRate: c('logo churn (annualised)', 'abandono de clientes (anualizado)', S),
  nrr: c('NRR (annualised)', 'NRR (anualizado)', S),
  grr: c('GRR (annualised)', 'GRR (anualizado)', S),
  customerYears: c('customer-years', 'clientes-año', N),
} satisfies Record<string, ColumnDef>;

export type SegmentColumn = keyof typeof SEGMENT_COLUMNS;

/** Metrics summed across segments in the total block (rates are recomputed). */
export const TOTAL_SUMMED = [
  'customersBegin', 'customers', 'newCustomers', 'churnedCustomers', 'arrBegin', 'arr', 'newArr', 'expansionArr',
  'contractionArr', 'churnedArr', 'renewedArr', 'revenue', 'grossProfit', 'compCost', 'commissionNew', 'commissionRenewal',
  'commissionExpansion', 'clawbacks', 'serviceBonus', 'acquisitionSpend', 'preventionSpend', 'contribution', 'contacts',
  'contactCost', 'rescuedArr', 'contactsPrevented', 'newBad', 'peopleCost',
] as const satisfies readonly SegmentColumn[];

export const TOTAL_COLUMNS = {
  ...Object.fromEntries(TOTAL_SUMMED.map((k) => [k, SEGMENT_COLUMNS[k]])),
  churnRate: SEGMENT_COLUMNS.churnRate,
  nrr: SEGMENT_COLUMNS.nrr,
  grr: SEGMENT_COLUMNS.grr,
  pvContribution: c('PV of contribution', 'VA de la contribución', M),
} as Record<string, ColumnDef>;

export const COMPARE_COLUMNS = {
  revenueDelta: c('revenue Δ', 'Δ ingresos', M),
  arrDelta: c('ARR Δ', 'Δ ARR', M),
  contributionDelta: c('contribution Δ', 'Δ contribución', M),
  compCostDelta: c('comp cost Δ', 'Δ coste de retribución', M),
  customersDelta: c('customers Δ', 'Δ clientes', N),
  cumRevenueBaseline: c('cumulative revenue: baseline', 'ingresos acumulados: plan base', M),
  cumRevenueProposed: c('cumulative revenue: proposed', 'ingresos acumulados: propuesta', M),
  cumContributionBaseline: c('cumulative contribution: baseline', 'contribución acumulada: plan base', M),
  cumContributionProposed: c('cumulative contribution: proposed', 'contribución acumulada: propuesta', M),
  cumContributionDelta: c('cumulative contribution Δ', 'Δ contribución acumulada', M),
  revenueAhead: c('revenue ahead from here on (1/0)', 'ingresos por delante desde aquí (1/0)', FORMAT.int),
  contributionAhead: c('contribution ahead from here on (1/0)', 'contribución por delante desde aquí (1/0)', FORMAT.int),
  sacrifice: c('short-term sacrifice', 'sacrificio a corto plazo', M),
  pvDelta: c('PV of contribution Δ', 'VA de la Δ contribución', M),
  tenurePvDelta: c('PV Δ within tenure', 'VA de la Δ dentro del mandato', M),
} satisfies Record<string, ColumnDef>;

/** Which segment column holds each engine metric. */
export const METRIC_COLUMN: Record<Metric, SegmentColumn> = {
  customers: 'customers', newCustomers: 'newCustomers', churnedCustomers: 'churnedCustomers', arr: 'arr', newArr: 'newArr',
  expansionArr: 'expansionArr', contractionArr: 'contractionArr', churnedArr: 'churnedArr', revenue: 'revenue',
  grossProfit: 'grossProfit', compCost: 'compCost', contribution: 'contribution', nrr: 'nrr', grr: 'grr',
  commissionNew: 'commissionNew', commissionRenewal: 'commissionRenewal', commissionExpansion: 'commissionExpansion',
  clawbacks: 'clawbacks', serviceBonus: 'serviceBonus', acquisitionSpend: 'acquisitionSpend', preventionSpend: 'preventionSpend',
  contacts: 'contacts', contactCost: 'contactCost', rescuedArr: 'rescuedArr', contactsPrevented: 'contactsPrevented',
  misSoldNew: 'newBad', arrBegin: 'arrBegin', customersBegin: 'customersBegin', renewedArr: 'renewedArr',
  churnedCustomersFromBase: 'churnedCustomers', churnRate: 'churnRate', peopleCost: 'peopleCost',
};

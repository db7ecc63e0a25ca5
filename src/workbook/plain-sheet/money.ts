/**
 * The money lines of one segment of one plan in one period: the sheet's copy of the end of
 * src/engine/model/project.ts projectSegment (new ARR, revenue, contacts and their cost, gross profit,
 * commissions and clawbacks, the service bonus, people, acquisition and prevention spend,
 * contribution, rescued ARR, the period's rates). MODEL.md section 6, flows and money.
 */
import type { BEHAVIOUR_COLUMNS, SegmentColumn } from '../columns';
import { add, div, min, mul, num, sub, type Ex } from '../expr';
import { churnRateOf, retentionOf } from './formulas';
import type { PlainContext } from './layout';

/** What book.ts has already written for this period that the money lines read. */
export interface MoneyInputs {
  p: number;
  i: number;
  t: number;
  dt: Ex;
  sc: Record<string, Ex>;
  bv: (key: keyof typeof BEHAVIOUR_COLUMNS, t: number) => Ex;
  /** Writes a segment column in this period's row and returns its cell. */
  put: (key: SegmentColumn, e: Ex | number) => Ex;
  /** A segment column's cell in period t. */
  v: (key: SegmentColumn, t: number) => Ex;
  newN: Ex;
  customersBegin: Ex;
  arrBegin: Ex;
  churnedN: Ex;
  churnedA: Ex;
  expansionA: Ex;
  contractionA: Ex;
  renewedA: Ex;
  contacts: Ex;
  /** The segment's contacts per customer before prevention. */
  cpc: Ex;
  unresolved: Ex;
  msBegin: Ex;
  msEnd: Ex;
}

export function writeMoneyLines(c: PlainContext, m: MoneyInputs): void {
  const { S, B, PL, one } = c;
  const g = (key: string) => c.G(key, m.i);
  const { p, t, dt, sc, bv, put, v, newN, customersBegin, arrBegin, churnedN, churnedA, expansionA, contractionA, renewedA, contacts, cpc, unresolved, msBegin, msEnd } = m;
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
  put('churnRate', churnRateOf(c, churnedN, customersBegin));
  const [nrr, grr] = retentionOf(c, arrBegin, expansionA, contractionA, churnedA);
  put('nrr', nrr);
  put('grr', grr);
  put('customerYears', div(div(add(customersBegin, customersEnd), num(2)), S('periodsPerYear')));
}

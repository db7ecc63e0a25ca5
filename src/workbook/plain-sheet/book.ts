/**
 * One segment of one plan, one row per period: the sheet's copy of src/engine/model/project.ts
 * projectSegment up to its money lines: churn pressure and the phased churn, word of mouth, new
 * customers and their first renewal, the book's pools (the starting base and a ring of renewal phases,
 * or one sBG cohort per joining period), contraction and expansion under the ceiling, and the flows of
 * customers and ARR. The money lines are money.ts. MODEL.md section 3 (customer base, retention curves),
 * section 5 (word of mouth) and section 6 (flows, per period and segment).
 */
import { METRICS } from '../../engine';
import { METRIC_COLUMN, SEGMENT_COLUMNS, type SegmentColumn } from '../columns';
import { add, div, eq, ge, gt, iff, index, le, lt, max, min, mul, num, pow, sqrt, sub, sum, sumOf, type Ex } from '../expr';
import { FORMAT } from '../labels';
import type { BehaviourValue } from './behaviour-path';
import type { GlobalConstants } from './constants';
import { segmentCurves } from './curves';
import { serviceChurnOf, union, unresolvedDetractors } from './formulas';
import { isSbg, type PlainContext } from './layout';
import { writeMoneyLines } from './money';

/** One segment of one plan: project.ts projectSegment, one row per period. */
export function writeSegment(c: PlainContext, gc: GlobalConstants, sc: Record<string, Ex>, bv: BehaviourValue, p: number, i: number): void {
  const { s, sh, S, B, PL, one, zero, P, ppy, tv } = c;
  const { first, last } = c.rows;
  const rowOf = c.rows.of;
  const { dt, unresolved0 } = gc;
  const { sbgRenewal, spanSurvival, ceilingAtMid } = segmentCurves(c, i, dt);
  const periodStep = (annual: Ex, dtEx: Ex) => iff(eq(S('periodsPerYear'), one), annual, sub(one, pow(sub(one, annual), dtEx)));
  const blk = c.blocks.segment[p][i];
  const g = (key: string) => c.G(key, i);
  const sbg = isSbg(s, i);
  const pools = c.blocks.pools[p][i];
  const nPools = pools.count;
  const termP = s.segments[i].values.contractTermYears * ppy;
  const CTn = s.segments[i].values.contractTermYears;
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
    const churnNow = put('churnNow', max(zero, add(add(mul(sc.sales0, bv('salesChurnFactor', t)), serviceChurnOf(c, contacts, unresolved)), bv('handoffChurn', t))));
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
    const detractors = put('detractors', union(c, flatChurn, mul(misSold, sc.newShare), unresolvedDetractors(c, contacts, unresolved)));
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

    // 3. Money (money.ts).
    writeMoneyLines(c, { p, i, t, dt, sc, bv, put, v, newN, customersBegin, arrBegin, churnedN, churnedA, expansionA, contractionA, renewedA, contacts, cpc, unresolved, msBegin, msEnd });
    for (const m2 of METRICS) {
      c.outputs.push({ sheet: 'plain', row, col: blk.col(METRIC_COLUMN[m2]), ref: { kind: 'metric', plan: p, segment: i, metric: m2, period: t } });
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
}

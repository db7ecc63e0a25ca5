/**
 * Each plan's total block and each proposed plan's comparison with the baseline, one row per period:
 * the sheet's copy of src/engine/model/project.ts sumSegments (flows and stocks add up over segments,
 * rates are recomputed) and of src/engine/model/compare.ts (deltaSeries, cumulative, the "ahead from
 * here on" flags behind crossoverPeriod, the discounted delta). MODEL.md sections 6 and 7.
 */
import { METRICS } from '../../engine';
import { COMPARE_COLUMNS, METRIC_COLUMN, SEGMENT_COLUMNS, TOTAL_SUMMED, type SegmentColumn } from '../columns';
import { add, and, eq, ge, iff, le, mul, sub, sumOf, type Ex } from '../expr';
import { FORMAT } from '../labels';
import type { GlobalConstants } from './constants';
import { churnRateOf, retentionOf } from './formulas';
import type { PlainContext } from './layout';

/** Plan p's total block: project.ts sumSegments. */
export function writeTotal(c: PlainContext, p: number): void {
  const { s, sh, P, tv } = c;
  // Total: flows and stocks add up across segments; rates are recomputed.
  const tb = c.blocks.total[p];
  for (let t = 0; t < P; t++) {
    const row = c.rows.of(t);
    const seg = (key: SegmentColumn, i: number) => sh.ref(row, c.blocks.segment[p][i].col(key));
    for (const key of TOTAL_SUMMED) {
      sh.set(row, tb.col(key), sumOf(...s.segments.map((_, i) => seg(key, i))), { format: SEGMENT_COLUMNS[key].format });
    }
    const tot = (key: string) => sh.ref(row, tb.col(key));
    sh.set(row, tb.col('churnRate'), churnRateOf(c, tot('churnedCustomers'), tot('customersBegin')), { format: FORMAT.share });
    const [nrr, grr] = retentionOf(c, tot('arrBegin'), tot('expansionArr'), tot('contractionArr'), tot('churnedArr'));
    sh.set(row, tb.col('nrr'), nrr, { format: FORMAT.share });
    sh.set(row, tb.col('grr'), grr, { format: FORMAT.share });
    sh.set(row, tb.col('pvContribution'), mul(tot('contribution'), tv('discountFactor', t)), { format: FORMAT.money });
    for (const m of METRICS) {
      const key = METRIC_COLUMN[m];
      c.outputs.push({ sheet: 'plain', row, col: tb.col(key), ref: { kind: 'metric', plan: p, segment: 'total', metric: m, period: t } });
    }
  }
}

/** Every proposed plan against the baseline: compare.ts, period by period. */
export function writeComparisons(c: PlainContext, gc: GlobalConstants): void {
  const { sh, one, zero, P, nPlans, tv } = c;
  for (let p = 1; p < nPlans; p++) {
    const cb = c.blocks.compare[p - 1];
    const base = (key: string, t: number) => sh.ref(c.rows.of(t), c.blocks.total[0].col(key));
    const prop = (key: string, t: number) => sh.ref(c.rows.of(t), c.blocks.total[p].col(key));
    const cv = (key: keyof typeof COMPARE_COLUMNS, t: number) => sh.ref(c.rows.of(t), cb.col(key));
    for (let t = 0; t < P; t++) {
      const row = c.rows.of(t);
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
      put('tenurePvDelta', iff(le(tv('period', t), gc.tenurePeriods), cv('pvDelta', t), zero));
    }
    // "Ahead from here on" is read from the bottom up: ahead now and in every later period.
    for (let t = P - 1; t >= 0; t--) {
      const row = c.rows.of(t);
      const ahead = (key: 'revenueAhead' | 'contributionAhead', a: Ex, b: Ex) => {
        const now = ge(a, b);
        sh.set(row, cb.col(key), t === P - 1 ? iff(now, one, zero) : iff(and(now, eq(cv(key, t + 1), one)), one, zero), { format: FORMAT.int });
      };
      ahead('revenueAhead', cv('cumRevenueProposed', t), cv('cumRevenueBaseline', t));
      ahead('contributionAhead', cv('cumContributionProposed', t), cv('cumContributionBaseline', t));
    }
  }
}

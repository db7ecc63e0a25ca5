/**
 * The time columns and each plan's behaviour path, one row per period: the sheet's copy of
 * src/engine/model/project.ts behaviourPath (effort shares, levels and attrition moving from the
 * baseline to the plan's targets as adoption proceeds, resolution, the outcome factors) and of
 * behaviour.ts adoptionAverage, resolveCostFactor. MODEL.md section 2 (time, discounting) and
 * section 5 (behaviour, adoption).
 */
import { BEHAVIOUR_COLUMNS } from '../columns';
import { add, div, eq, exp, gt, iff, min, mul, neg, num, pow, powSafe, sub, type Ex } from '../expr';
import { FORMAT } from '../labels';
import type { GlobalConstants } from './constants';
import type { PlainContext } from './layout';

/** A behaviour column's cell of one plan in period t. */
export type BehaviourValue = (key: keyof typeof BEHAVIOUR_COLUMNS, t: number) => Ex;

export function writeTimeColumns(c: PlainContext, gc: GlobalConstants): void {
  const { sh, S, one, P, ppy, tv } = c;
  const { time } = c.blocks;
  const { dt, halfLife, instant, adoptionRate: k } = gc;
  for (let t = 0; t < P; t++) {
    const row = c.rows.of(t);
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
}

/** Plan p's behaviour block; returns the reader of its cells for the segment blocks. */
export function writeBehaviourPath(c: PlainContext, gc: GlobalConstants, pc: Record<string, Ex>, p: number): BehaviourValue {
  const { sh, B, PL, one, P, tv } = c;
  const { dt } = gc;
  const bb = c.blocks.behaviour[p];
  const bv: BehaviourValue = (key, t) => sh.ref(c.rows.of(t), bb.col(key));
  for (let t = 0; t < P; t++) {
    const row = c.rows.of(t);
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
  return bv;
}

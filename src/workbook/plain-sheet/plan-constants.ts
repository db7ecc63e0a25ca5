/**
 * The plan constants block of the plain sheet, one column per plan: the sheet's copy of
 * src/engine/model/behaviour.ts planBehaviour (attractionShares, salesIntensityRatios, misSoldShare,
 * expectedSalesPay, workforce, withRampLoss) and of project.ts's fully adopted behaviour (`adopted`, for
 * the run-off). MODEL.md section 5, behaviour: how pay moves effort.
 */
import { add, div, gt, iff, max, min, mul, neg, num, powSafe, sub, type Ex } from '../expr';
import { FORMAT, pick, t as tx, type Pair } from '../labels';
import type { GlobalConstants } from './constants';
import { unresolvedOf } from './formulas';
import { PLAN_KEYS, type PlainContext, type PlanKey } from './layout';

const m = (en: string, es: string): Pair => ({ en, es });
const PLAN_MEANING: Record<PlanKey, Pair> = {
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

/** Writes the block and returns each plan's constants (cells) by key. */
export function writePlanConstants(c: PlainContext, gc: GlobalConstants): Record<string, Ex>[] {
  const { lang, sh, B, PL, one, zero, VAL, nPlans, plans } = c;
  c.header(c.rows.planHeader, tx('planBlock', lang), plans.map((p) => p.name));
  const eps = B('responsiveness');
  const floor = B('effortFloor');
  const lambda = B('nonCashPull');
  const pullOf = (ratio: Ex) => div(add(ratio, lambda), add(one, lambda));
  const cap = num(1e12);
  const planConst: Record<string, Ex>[] = [];
  for (let p = 0; p < nPlans; p++) {
    const col = VAL + p;
    const out: Record<string, Ex> = {};
    const put = (key: PlanKey, e: Ex, format: string = FORMAT.factor) => {
      sh.set(c.rows.plan(key), col, e, { style: 'calc', format });
      out[key] = sh.abs(c.rows.plan(key), col);
      return out[key];
    };
    const pullNew = put('pullNew', pullOf(div(PL('commissionNew', p), PL('commissionNew', 0))));
    const pullRenewal = put('pullRenewal', pullOf(div(PL('commissionRenewal', p), PL('commissionRenewal', 0))));
    const pullExpansion = put('pullExpansion', pullOf(div(PL('commissionExpansion', p), PL('commissionExpansion', 0))));
    const w = (b: Ex, pullEx: Ex, free: Ex) => mul(div(sub(b, floor), free), powSafe(pullEx, eps));
    const wA = put('weightAcquire', w(B('effortAcquire'), pullNew, gc.freeSales));
    const wR = put('weightRetain', w(B('effortRetain'), pullRenewal, gc.freeSales));
    const wE = put('weightExpand', w(B('effortExpand'), pullExpansion, gc.freeSales));
    const wT = put('weightTotal', add(add(wA, wR), wE));
    const target = (wi: Ex, b: Ex) => iff(gt(wT, zero), add(floor, mul(gc.freeSales, div(wi, wT))), b);
    const tA = put('targetAcquire', target(wA, B('effortAcquire')), FORMAT.share);
    const tR = put('targetRetain', target(wR, B('effortRetain')), FORMAT.share);
    const tE = put('targetExpand', target(wE, B('effortExpand')), FORMAT.share);
    void tA;
    const pRes = put('pullResolve', pullOf(div(PL('outcomeWeight', p), PL('outcomeWeight', 0))));
    const pClose = put('pullClose', pullOf(div(sub(one, PL('outcomeWeight', p)), sub(one, PL('outcomeWeight', 0)))));
    const wRes = put('weightResolve', w(B('resolveEffortShare'), pRes, gc.freeService));
    const wClose = put('weightClose', w(sub(one, B('resolveEffortShare')), pClose, gc.freeService));
    const wSrv = add(wRes, wClose);
    const tRes = put('targetResolve', iff(gt(wSrv, zero), add(floor, mul(gc.freeService, div(wRes, wSrv))), B('resolveEffortShare')), FORMAT.share);
    const q = B('misSoldChurn');
    const relief = put('clawbackRelief', div(sub(one, mul(PL('clawback', p), q)), sub(one, mul(PL('clawback', 0), q))));
    const pressure = put('overSellingPressure', mul(powSafe(pullNew, B('overSellingElasticity')), powSafe(relief, B('clawbackElasticity'))));
    const mu = put('targetMisSold', min(num(0.9), max(min(B('misSoldFloor'), B('misSoldShare')), mul(B('misSoldShare'), powSafe(pressure, eps)))), FORMAT.share);
    // Expected variable pay at the baseline's year-1 flows (behaviour.ts expectedSalesPay).
    const payAt = (plan: number, misSold: Ex) => add(add(
      mul(mul(PL('commissionNew', plan), gc.flowNew), sub(one, mul(PL('clawback', plan), add(mul(sub(one, misSold), gc.firstRenewalChurn), mul(misSold, q))))),
      mul(PL('commissionRenewal', plan), gc.flowRenewed)), mul(PL('commissionExpansion', plan), gc.flowExpansion));
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
    put('adoptedUnresolved', unresolvedOf(c, aRes, aVL, p), FORMAT.share);
    put('adoptedSalesChurnFactor', powSafe(div(mul(aR, aSL), B('effortRetain')), neg(B('elasticityRetain'))));
    put('adoptedExpansionFactor', powSafe(div(mul(aE, aSL), B('effortExpand')), B('elasticityExpand')));
    put('adoptedHandoff', mul(sub(adopt(B('salesAttrition'), out.targetSalesAttrition), B('salesAttrition')), B('handoffChurn')), FORMAT.share);
    planConst.push(out);
  }
  PLAN_KEYS.forEach((k2) => c.constRow(c.rows.plan(k2), k2, pick(PLAN_MEANING[k2], lang)));
  return planConst;
}

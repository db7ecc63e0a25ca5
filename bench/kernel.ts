/**
 * The bare loop the projection is measured against (issue 14): the same arithmetic as the engine's
 * projection of one plan (MODEL.md version 2: src/engine/behaviour.ts, project-behaviour.ts,
 * project-segment.ts, terminal.ts) for the bench's case only (flat churn, annual periods, one-year
 * contracts, no quota layer), written the way a hand-tuned kernel would be: the plan's long-run
 * behaviour in scalars, the behaviour path and the per-period logarithms once per plan, then each
 * segment's book in a handful of locals, the run-off of the horizon-end book as terminal.ts computes
 * it, structure-of-arrays buffers allocated once, nothing allocated while it runs, no objects, no
 * branches for the cases it does not cover, and only the outputs a trial needs (contribution per
 * segment and total, terminal value). kernel.bench.ts checks that they equal the engine's.
 */
import type { PlanValues, Scenario } from '../src/engine';

const { exp, expm1, log1p, max, min, pow, sqrt } = Math;
/** Years of run-off before the geometric tail (src/engine/model/terminal-flat.ts RUN_OFF_YEARS). */
const RUN_OFF_YEARS = 50;
const MAX_PAY_RATIO = 1e12;

export interface Kernel {
  segments: number;
  periods: number;
  /** contribution[s · periods + t]; the total at segment index `segments`. */
  contribution: Float64Array;
  /** Terminal value per segment, then the total. */
  terminal: Float64Array;
  run(s: Scenario, plan: PlanValues): void;
}

export function createKernel(segments: number, periods: number): Kernel {
  const S = segments, P = periods;
  const contribution = new Float64Array((S + 1) * P);
  const terminal = new Float64Array(S + 1);
  // The behaviour path, one array per series (structure of arrays).
  const acquisitionF = new Float64Array(P), churnF = new Float64Array(P), expansionF = new Float64Array(P);
  const unresolvedT = new Float64Array(P), misSoldT = new Float64Array(P), contactsF = new Float64Array(P);
  const handoffT = new Float64Array(P), resolveCostT = new Float64Array(P), peopleCostT = new Float64Array(P);
  const serviceLogT = new Float64Array(P), detractorLogT = new Float64Array(P);

  function run(sc: Scenario, plan: PlanValues): void {
    const b = sc.behaviour, base = sc.baseline.values;
    const lambda = b.nonCashPull, eps = b.responsiveness, floorShare = b.effortFloor;
    const bAcq = b.effortAcquire, bRet = b.effortRetain, bExp = b.effortExpand, bRes = b.resolveEffortShare;

    // The plan's long-run behaviour (behaviour.ts planBehaviour): pulls, shares, mis-selling, pay, workforces.
    const r0 = base.commissionNew > 0 ? plan.commissionNew / base.commissionNew : 1;
    const r1 = base.commissionRenewal > 0 ? plan.commissionRenewal / base.commissionRenewal : 1;
    const r2 = base.commissionExpansion > 0 ? plan.commissionExpansion / base.commissionExpansion : 1;
    const p0 = r0 === 1 ? 1 : (r0 + lambda) / (1 + lambda);
    const p1 = r1 === 1 ? 1 : (r1 + lambda) / (1 + lambda);
    const p2 = r2 === 1 ? 1 : (r2 + lambda) / (1 + lambda);
    let sAcq = bAcq, sRet = bRet, sExp = bExp;
    if (eps !== 0 && !(p0 === 1 && p1 === 1 && p2 === 1)) {
      const free = 1 - 3 * floorShare;
      const w0 = ((bAcq - floorShare) / free) * pow(p0, eps), w1 = ((bRet - floorShare) / free) * pow(p1, eps), w2 = ((bExp - floorShare) / free) * pow(p2, eps);
      const total = w0 + w1 + w2;
      if (total > 0) {
        sAcq = floorShare + free * (w0 / total);
        sRet = floorShare + free * (w1 / total);
        sExp = floorShare + free * (w2 / total);
      }
    }
    const o0 = base.outcomeWeight > 0 ? plan.outcomeWeight / base.outcomeWeight : 1;
    const o1 = 1 - base.outcomeWeight > 0 ? (1 - plan.outcomeWeight) / (1 - base.outcomeWeight) : 1;
    const q0 = o0 === 1 ? 1 : (o0 + lambda) / (1 + lambda);
    const q1 = o1 === 1 ? 1 : (o1 + lambda) / (1 + lambda);
    let sResolve = bRes;
    if (eps !== 0 && !(q0 === 1 && q1 === 1)) {
      const free = 1 - 2 * floorShare;
      const w0 = ((bRes - floorShare) / free) * pow(q0, eps), w1 = ((1 - bRes - floorShare) / free) * pow(q1, eps);
      if (w0 + w1 > 0) sResolve = floorShare + free * (w0 / (w0 + w1));
    }
    const q = b.misSoldChurn;
    const relief = 1 - base.clawback * q > 0 ? (1 - plan.clawback * q) / (1 - base.clawback * q) : 1;
    const pressure = pow(p0, b.overSellingElasticity) * pow(relief, b.clawbackElasticity);
    const misSoldTarget = pressure === 1 || eps === 0 ? b.misSoldShare
      : min(0.9, max(min(b.misSoldFloor, b.misSoldShare), b.misSoldShare * pow(pressure, eps)));
    let newArr = 0, renewedArr = 0, expansionArr = 0, leaving = 0, totalStart = 0;
    for (let s = 0; s < S; s++) {
      const v = sc.segments[s].values;
      const book = v.customers * v.arpa, n = v.newCustomers * v.arpa;
      newArr += n;
      renewedArr += book * (1 - v.churn) / v.contractTermYears;
      expansionArr += book * (1 - v.churn) * (1 - v.contraction) * v.expansion;
      leaving += n * (1 - pow(1 - v.churn, v.contractTermYears));
      totalStart += v.customers;
    }
    const firstRenewalChurn = newArr > 0 ? leaving / newArr : 0;
    const clawed = (1 - misSoldTarget) * firstRenewalChurn + misSoldTarget * q, clawed0 = (1 - b.misSoldShare) * firstRenewalChurn + b.misSoldShare * q;
    const pay = plan.commissionNew * newArr * (1 - plan.clawback * clawed) + plan.commissionRenewal * renewedArr + plan.commissionExpansion * expansionArr;
    const pay0 = base.commissionNew * newArr * (1 - base.clawback * clawed0) + base.commissionRenewal * renewedArr + base.commissionExpansion * expansionArr;
    // The two workforces (behaviour.ts workforce and withRampLoss).
    const ratioS = min(MAX_PAY_RATIO, pay0 > 0 ? pay / pay0 : 1);
    const levelS = ratioS === 1 ? 1 : pow(ratioS === 1 ? 1 : (ratioS + lambda) / (1 + lambda), b.effortElasticity);
    const attrS = ratioS === 1 ? b.salesAttrition : min(0.9, b.salesAttrition * pow(1 - b.salesVariableShare + b.salesVariableShare * ratioS, -b.attritionElasticity));
    const payrollS = pay0 > 0 ? (1 - b.salesVariableShare) * pay0 / b.salesVariableShare + min(pay, MAX_PAY_RATIO * pay0) : 0;
    const bonus = plan.serviceBonusPool, bonus0 = base.serviceBonusPool;
    const ratioV = min(MAX_PAY_RATIO, bonus0 > 0 ? bonus / bonus0 : 1);
    const levelV = ratioV === 1 ? 1 : pow(ratioV === 1 ? 1 : (ratioV + lambda) / (1 + lambda), b.effortElasticity);
    const attrV = ratioV === 1 ? b.serviceAttrition : min(0.9, b.serviceAttrition * pow(1 - b.serviceVariableShare + b.serviceVariableShare * ratioV, -b.attritionElasticity));
    const payrollV = bonus0 > 0 ? (1 - b.serviceVariableShare) * bonus0 / b.serviceVariableShare + min(bonus, MAX_PAY_RATIO * bonus0) : 0;
    const salesLevelT = levelS * (1 - (attrS - b.salesAttrition) * b.rampLoss);
    const serviceLevelT = levelV * (1 - (attrV - b.serviceAttrition) * b.rampLoss);

    // The behaviour path (project-behaviour.ts), annual, and the per-period logarithms.
    const auto = plan.automationShare, assist = plan.agentAssist, resRate = b.resolutionRate;
    const prevention = 1 - min(0.99, plan.preventionBudget / b.preventionCostPerPoint / 100);
    const k = Math.LN2 / b.adoptionHalfLife, instant = !(b.adoptionHalfLife > 1e-9);
    const churnLogFactor = b.pChurnIfUnresolved * (1 - b.saveRate);
    let adoptedChurnF = 1, adoptedExpansionF = 1, adoptedUnresolved = 0, adoptedHandoff = 0;
    for (let t = 0; t <= P; t++) {
      const a = t === P || instant ? 1 : 1 - (exp(-k * t) - exp(-k * (t + 1))) / (k * (t + 1 - t));
      const resolve = bRes + (sResolve - bRes) * a;
      const salesLevel = 1 + (salesLevelT - 1) * a, serviceLevel = 1 + (serviceLevelT - 1) * a;
      const salesAttr = b.salesAttrition + (attrS - b.salesAttrition) * a, serviceAttr = b.serviceAttrition + (attrV - b.serviceAttrition) * a;
      const effort = resolve * serviceLevel / bRes;
      const own = effort === 1 ? resRate : min(0.99, resRate * pow(effort, b.elasticityResolution));
      const unresolved = (1 - auto) * (1 - (own + assist * (1 - own))) + auto * (1 - b.automationResolution);
      const fRet = (bRet + (sRet - bRet) * a) * salesLevel / bRet, fExp = (bExp + (sExp - bExp) * a) * salesLevel / bExp;
      const churnFactor = fRet === 1 ? 1 : pow(fRet, -b.elasticityRetain), expansionFactor = fExp === 1 ? 1 : pow(fExp, b.elasticityExpand);
      const handoff = (salesAttr - b.salesAttrition) * b.handoffChurn;
      if (t === P) {
        adoptedChurnF = churnFactor; adoptedExpansionF = expansionFactor; adoptedUnresolved = unresolved; adoptedHandoff = handoff;
        break;
      }
      const fAcq = (bAcq + (sAcq - bAcq) * a) * salesLevel / bAcq;
      acquisitionF[t] = fAcq === 1 ? 1 : pow(fAcq, b.elasticityAcquire);
      churnF[t] = churnFactor;
      expansionF[t] = expansionFactor;
      unresolvedT[t] = unresolved;
      misSoldT[t] = b.misSoldShare + (misSoldTarget - b.misSoldShare) * a;
      contactsF[t] = pow(prevention, t + 0.5);
      handoffT[t] = handoff;
      const resolveRatio = resolve / bRes;
      resolveCostT[t] = resolveRatio === 1 ? 1 : pow(resolveRatio, b.resolveCostElasticity);
      peopleCostT[t] = b.replacementCost * (salesAttr * payrollS + serviceAttr * payrollV);
      serviceLogT[t] = log1p(-unresolved * churnLogFactor);
      detractorLogT[t] = log1p(-min(1, unresolved * b.pDetractorIfUnresolved));
    }

    // Each segment's book over the horizon (project-segment.ts), then its run-off (terminal.ts).
    const unresolved0 = (1 - base.automationShare) * (1 - (resRate + base.agentAssist * (1 - resRate))) + base.automationShare * (1 - b.automationResolution);
    const promoterShare = b.promoterShare, minContacts = b.minContacts, misSoldChurn = b.misSoldChurn, uplift = b.misSoldContactUplift;
    const humanCost = (1 - auto), assistCost = b.assistCostPerContact * assist, automatedCost = auto * b.costPerAutomatedContact;
    const cNew = plan.commissionNew, cRen = plan.commissionRenewal, cExp = plan.commissionExpansion, claw = plan.clawback;
    const endOfPeriod = sc.settings.discountTiming === 1, rate = sc.settings.discountRate;
    const total = S * P;
    contribution.fill(0, total, total + P);
    terminal[S] = 0;
    for (let s = 0; s < S; s++) {
      const v = sc.segments[s].values;
      const c0 = v.churn, arpa = v.arpa, cpc = v.contactsPerCustomer, contraction = v.contraction, wallet = v.walletMultiple * arpa;
      const service0 = -expm1(cpc * log1p(-unresolved0 * churnLogFactor));
      const sales0 = max(0, c0 - service0);
      const newShare = v.newCustomers + v.customers > 0 ? v.newCustomers / (v.newCustomers + v.customers) : 0;
      const detractors0 = 1 - (1 - c0) * (1 - b.misSoldShare * newShare) * (1 + expm1(cpc * log1p(-min(1, unresolved0 * b.pDetractorIfUnresolved))));
      const cStep = 1 - (1 - contraction), cHalf = 1 - sqrt(1 - cStep);
      const weight = totalStart > 0 ? v.customers / totalStart : 1 / S;
      const bonusShare = plan.serviceBonusPool * weight, preventionShare = plan.preventionBudget * weight;
      let n0 = v.customers, a0 = v.customers * arpa, n1 = 0, a1 = 0, good = 0, bad = 0, misSoldOnBooks = 0;
      let lastRevenue = 0, lastGross = 0, lastOverhead = 0, lastCustomerYears = 0, lastRenewed = 0, lastExpanded = 0;
      for (let t = 0; t < P; t++) {
        const contacts = cpc > minContacts ? max(minContacts, cpc * contactsF[t]) : cpc;
        const churnNow = max(0, sales0 * churnF[t] - expm1(contacts * serviceLogT[t]) + handoffT[t]);
        const renewing = min(0.99, churnNow);
        // The first year half the starting base has renewed under the plan (project-segment.ts, phasedChurn).
        const flat = t > 0 ? renewing : 1 - pow(1 - c0, 0.5) * pow(1 - renewing, 0.5);
        const misSold = misSoldT[t];
        const promoters = unresolved0 < 1 ? min(1, promoterShare * (1 - unresolvedT[t]) / (1 - unresolved0)) : promoterShare;
        const detractors = 1 - (1 - flat) * (1 - misSold * newShare) * (1 + expm1(contacts * detractorLogT[t]));
        const wom = max(0, 1 + b.womPositive * (promoters - promoterShare) - b.womNegative * (detractors - detractors0));
        const pending = good + bad;
        const customersBegin = n0 + n1 + pending, arrBegin = a0 + a1 + pending * arpa;
        const misSoldBegin = misSoldOnBooks;
        const eBase = v.expansion * expansionF[t];
        let eStep = eBase;
        if (customersBegin > 0 && v.walletMultiple !== 0) {
          const arpaNow = arrBegin / customersBegin;
          const first = v.walletMultiple <= 1 ? 0 : max(0, (wallet - arpaNow) / (wallet - arpa));
          const mid = arpaNow * sqrt((1 - contraction) * (1 + eBase * first));
          eStep = eBase * (v.walletMultiple <= 1 ? 0 : max(0, (wallet - mid) / (wallet - arpa)));
        }
        const midGrowth = sqrt((1 - cStep) * (1 + eStep));
        // The starting base (renews every year) and the renewed book, then last year's new customers at their first renewal.
        const survival0 = 1 - flat, survival1 = 1 - renewing;
        const staying0 = a0 * survival0, staying1 = a1 * survival1;
        const contraction0 = staying0 * cStep, contraction1 = staying1 * cStep;
        const expansion0 = (staying0 - contraction0) * eStep, expansion1 = (staying1 - contraction1) * eStep;
        let renewedA = a0 * midGrowth * survival0 + a1 * midGrowth * survival1;
        let churnedN = n0 * (1 - survival0) + n1 * (1 - survival1), churnedA = a0 - staying0 + (a1 - staying1);
        let contractionA = contraction0 + contraction1, expansionA = expansion0 + expansion1, clawbacks = 0;
        n0 *= survival0; a0 = staying0 - contraction0 + expansion0;
        n1 *= survival1; a1 = staying1 - contraction1 + expansion1;
        if (t >= 1) {
          const leavers = good * (1 - survival1) + bad * misSoldChurn;
          const survivors = good + bad - leavers;
          churnedN += leavers;
          churnedA += leavers * arpa;
          clawbacks = leavers * arpa * cNew * claw;
          misSoldOnBooks -= bad;
          const staying = survivors * arpa, joinContraction = staying * cHalf;
          const joinExpansion = (staying - joinContraction) * (sqrt(1 + eStep) - 1);
          contractionA += joinContraction;
          expansionA += joinExpansion;
          renewedA += staying;
          n1 += survivors;
          a1 += staying - joinContraction + joinExpansion;
        }
        const newN = v.newCustomers * acquisitionF[t] * wom;
        good = newN * (1 - misSold);
        bad = newN * misSold;
        misSoldOnBooks += newN * misSold;
        const newA = newN * arpa;
        const customersEnd = customersBegin + newN - churnedN;
        const arrEnd = arrBegin + newA + expansionA - contractionA - churnedA;
        const avgCustomers = (customersBegin + customersEnd) / 2, revenue = (arrBegin + arrEnd) / 2;
        const contactCount = contacts * (avgCustomers + uplift * (misSoldBegin + misSoldOnBooks) / 2);
        const grossProfit = revenue * v.grossMargin - v.costToServe * avgCustomers - contactCount * (humanCost * (v.costPerContact * resolveCostT[t] + assistCost) + automatedCost);
        const compCost = cNew * newA + cRen * renewedA + cExp * expansionA - clawbacks + bonusShare;
        const people = peopleCostT[t] * weight;
        const value = grossProfit - compCost - people - newN * v.acquisitionCost - preventionShare;
        contribution[s * P + t] = value;
        contribution[total + t] += value;
        lastRevenue = revenue; lastGross = grossProfit; lastOverhead = bonusShare + preventionShare + people;
        lastCustomerYears = avgCustomers; lastRenewed = renewedA; lastExpanded = expansionA;
      }
      // The run-off of the horizon-end book under the fully adopted behaviour (terminal.ts flatRunOff).
      let value = 0;
      if (lastCustomerYears > 0) {
        const contacts = cpc > minContacts ? max(minContacts, cpc * contactsF[P - 1]) : cpc;
        const churn = min(0.99, max(0, sales0 * adoptedChurnF - expm1(contacts * log1p(-adoptedUnresolved * churnLogFactor)) + adoptedHandoff));
        const cost = (v.grossMargin * lastRevenue - lastGross + lastOverhead) / lastCustomerYears;
        const renewalRate = lastRenewed > 0 ? cRen : 0, expansionRate = lastExpanded > 0 ? cExp : 0;
        const survival = 1 - churn, halfContraction = 1 - sqrt(1 - contraction), yearFactor = 1 / (1 + rate);
        const expansion = v.expansion * adoptedExpansionF;
        const discount = pow(1 + rate, endOfPeriod ? -1 : -0.5);
        // The first year, customers still in their first term joining at its end.
        let n = n0 + n1, a = a0 + a1;
        const joining = good + bad;
        const customersBegin = joining + n, arrBegin = joining * arpa + a;
        let previous = 0, last = 0;
        if (customersBegin > 0) {
          let e = expansion;
          if (v.walletMultiple !== 0) {
            const arpaNow = arrBegin / customersBegin;
            const first = v.walletMultiple <= 1 ? 0 : max(0, (wallet - arpaNow) / (wallet - arpa));
            const mid = arpaNow * sqrt((1 - contraction) * (1 + expansion * first));
            e = expansion * (v.walletMultiple <= 1 ? 0 : max(0, (wallet - mid) / (wallet - arpa)));
          }
          const staying = a * survival, kept = staying * (1 - contraction);
          let renewedA = staying * sqrt((1 - contraction) * (1 + e)), expansionA = kept * e;
          n *= survival;
          a = kept * (1 + e);
          if (joining > 0) {
            const survivors = good * survival + bad * (1 - misSoldChurn);
            const joinKept = survivors * arpa * (1 - halfContraction), grown = joinKept * (sqrt(1 + e) - 1);
            renewedA += survivors * arpa;
            expansionA += grown;
            n += survivors;
            a += joinKept + grown;
          }
          last = (v.grossMargin * (arrBegin + a) / 2 - cost * (customersBegin + n) / 2 - renewalRate * renewedA - expansionRate * expansionA) * discount;
          value = last;
        }
        // Then per customer on the book: contribution = customers × f(ARR per account) (terminal-flat.ts).
        const keep = 1 - contraction, capped = v.walletMultiple !== 0 && v.walletMultiple <= 1;
        const inverseGap = v.walletMultiple > 1 ? 1 / (wallet - arpa) : 0, toWalletFull = v.walletMultiple > 1 ? wallet * inverseGap : capped ? 0 : 1;
        const keepExpansion = capped ? 0 : keep * expansion;
        const arpaWeight = v.grossMargin / 2 + expansionRate * survival * keep, growthWeight = v.grossMargin * survival / 2 - expansionRate * survival;
        const rootWeight = renewalRate * survival, customerCost = cost * (1 + survival) / 2, decay = survival * yearFactor;
        let customers = n > 0 ? n * discount * yearFactor : 0, arpaNow = n > 0 ? a / n : 0;
        for (let y = 1; y < RUN_OFF_YEARS; y++) {
          const scaled = arpaNow * inverseGap, toWallet = toWalletFull - scaled;
          const root = sqrt(keep + keepExpansion * (toWallet > 0 ? toWallet : 0));
          const toWalletAtMid = toWalletFull - scaled * root;
          const growth = keep + keepExpansion * (toWalletAtMid > 0 ? toWalletAtMid : 0);
          previous = last;
          last = (arpaNow * (arpaWeight + growthWeight * growth - rootWeight * sqrt(growth)) - customerCost) * customers;
          value += last;
          customers *= decay;
          arpaNow *= growth;
        }
        const ratio = previous !== 0 ? last / previous : 0;
        if (ratio > 0 && ratio < 1) value += last * ratio / (1 - ratio);
      }
      terminal[s] = value;
      terminal[S] += value;
    }
  }
  return { segments, periods, contribution, terminal, run };
}

/** The contribution total of period t, as the engine's Projection.value('contribution', t) reads it. */
export const kernelContribution = (k: Kernel, t: number) => k.contribution[k.segments * k.periods + t];

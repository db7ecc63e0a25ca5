/**
 * The bare loop the projection is measured against (issue 14): the same arithmetic as one trial's
 * projection of one plan (engine project.ts: behaviour path, churn pressure, word of mouth, the
 * established book, the first renewal of last period's cohort, new customers, the money lines, the
 * segment totals and the terminal value), for the bench's case (flat churn, annual periods, one-year
 * contracts), written the way a hand-tuned kernel would be: structure-of-arrays inputs and outputs
 * allocated once and reused across trials, no objects, no allocation in the loop, no views.
 *
 * It is a yardstick, not a second model: its figures are checked against the engine's only to the
 * extent that both compute the same contribution line (kernel.bench.ts prints the largest difference).
 */
import type { PlanValues, Scenario } from '../src/engine';

/** The outputs kept per segment and period: enough to make the trial's NPV and customer equity. */
const OUT = { customers: 0, arr: 1, revenue: 2, compCost: 3, contribution: 4, newCustomers: 5, churned: 6 } as const;
const OUTPUTS = 7;

export interface Kernel {
  segments: number;
  periods: number;
  /** out[(metric · segments + s) · periods + t]; totals at segment index `segments`. */
  out: Float64Array;
  terminal: Float64Array;
  run(s: Scenario, plan: PlanValues): void;
}

export function createKernel(segments: number, periods: number): Kernel {
  const S = segments, P = periods;
  const out = new Float64Array(OUTPUTS * (S + 1) * P);
  const path = new Float64Array(8 * P);
  const terminal = new Float64Array(S + 1);
  const at = (m: number, s: number, t: number) => (m * (S + 1) + s) * P + t;
  return {
    segments, periods, out, terminal,
    run(sc, plan) {
      const b = sc.behaviour;
      const base = sc.baseline.values;
      // Behaviour path: effort shares moving toward the plan's target, outcome factors (4 powers a period).
      const r = b.responsiveness;
      const pull = (x: number, y: number) => (y > 0 ? Math.pow(x / y, r) : 1);
      let a0 = b.effortAcquire * pull(plan.commissionNew, base.commissionNew);
      let a1 = b.effortRetain * pull(plan.commissionRenewal + plan.outcomeWeight, base.commissionRenewal + base.outcomeWeight);
      let a2 = b.effortExpand * pull(plan.commissionExpansion, base.commissionExpansion);
      const sum = a0 + a1 + a2;
      a0 /= sum; a1 /= sum; a2 /= sum;
      const prevention = 1 - Math.min(0.99, plan.preventionBudget / b.preventionCostPerPoint / 100);
      const half = b.adoptionHalfLife;
      for (let t = 0; t < P; t++) {
        const ad = half > 0 ? 1 - Math.pow(0.5, (t + 0.5) / half) : 1;
        const e0 = b.effortAcquire + (a0 - b.effortAcquire) * ad;
        const e1 = b.effortRetain + (a1 - b.effortRetain) * ad;
        const e2 = b.effortExpand + (a2 - b.effortExpand) * ad;
        path[t] = Math.pow(e0 / b.effortAcquire, b.elasticityAcquire);
        path[P + t] = Math.pow(e1 / b.effortRetain, -b.elasticityRetain);
        path[2 * P + t] = Math.pow(e2 / b.effortExpand, b.elasticityExpand);
        path[3 * P + t] = Math.pow(prevention, t + 0.5);
        path[4 * P + t] = (1 - b.resolutionRate) * (1 - plan.automationShare * b.automationResolution);
        path[5 * P + t] = b.misSoldShare * (1 + b.overSellingElasticity * (e0 - b.effortAcquire));
      }
      out.fill(0, 0, out.length);
      terminal[S] = 0;
      for (let s = 0; s < S; s++) {
        const v = sc.segments[s].values;
        const unresolved0 = path[4 * P];
        const service0 = Math.min(v.churn, v.contactsPerCustomer * unresolved0 * b.pChurnIfUnresolved * (1 - b.saveRate));
        const sales0 = v.churn - service0;
        const newShare = v.newCustomers / (v.newCustomers + v.customers);
        const detractors0 = v.churn + b.misSoldShare * newShare + Math.min(1, v.contactsPerCustomer * unresolved0 * b.pDetractorIfUnresolved);
        const contactUnitCost = (1 - plan.automationShare) * v.costPerContact + plan.automationShare * b.costPerAutomatedContact;
        let bookN = v.customers, bookA = v.customers * v.arpa, pendingGood = 0, pendingBad = 0;
        for (let t = 0; t < P; t++) {
          const unresolved = path[4 * P + t];
          const misSold = path[5 * P + t];
          const contacts = Math.max(b.minContacts, v.contactsPerCustomer * path[3 * P + t]);
          const churn = sales0 * path[P + t] + Math.min(1, contacts * unresolved * b.pChurnIfUnresolved * (1 - b.saveRate));
          const expansionStep = v.expansion * path[2 * P + t];
          const promoters = Math.min(1, b.promoterShare * (1 - unresolved) / (1 - unresolved0));
          const detractors = churn + misSold * newShare + Math.min(1, contacts * unresolved * b.pDetractorIfUnresolved);
          const wom = Math.max(0, 1 + b.womPositive * (promoters - b.promoterShare) - b.womNegative * (detractors - detractors0));
          const customersBegin = bookN + pendingGood + pendingBad;
          const arrBegin = bookA + (pendingGood + pendingBad) * v.arpa;
          // The book.
          const stayingA = bookA * (1 - churn);
          const contraction = stayingA * v.contraction;
          const expansion = (stayingA - contraction) * expansionStep;
          let churnedN = bookN * churn, churnedA = bookA * churn, contractionA = contraction, expansionA = expansion;
          let renewedA = stayingA;
          bookN *= 1 - churn;
          bookA = stayingA - contraction + expansion;
          // Last period's cohort at its first renewal.
          const leavers = pendingGood * churn + pendingBad * b.misSoldChurn;
          const survivors = pendingGood + pendingBad - leavers;
          const clawbacks = leavers * v.arpa * plan.commissionNew * plan.clawback;
          const qHalf = 1 - Math.sqrt(1 - churn);
          const sA = survivors * v.arpa * (1 - qHalf);
          const sC = sA * (1 - Math.sqrt(1 - v.contraction));
          const sE = (sA - sC) * (Math.sqrt(1 + expansionStep) - 1);
          churnedN += leavers + survivors * qHalf;
          churnedA += leavers * v.arpa + survivors * v.arpa * qHalf;
          contractionA += sC; expansionA += sE; renewedA += survivors * v.arpa;
          bookN += survivors * (1 - qHalf);
          bookA += sA - sC + sE;
          // New customers.
          const newN = v.newCustomers * path[t] * wom;
          pendingGood = newN * (1 - misSold);
          pendingBad = newN * misSold;
          const newA = newN * v.arpa;
          const customersEnd = customersBegin + newN - churnedN;
          const arrEnd = arrBegin + newA + expansionA - contractionA - churnedA;
          const avg = (customersBegin + customersEnd) / 2;
          const revenue = (arrBegin + arrEnd) / 2;
          const contactCost = contacts * (avg + b.misSoldContactUplift * newN * misSold / 2) * contactUnitCost;
          const grossProfit = revenue * v.grossMargin - v.costToServe * avg - contactCost;
          const compCost = plan.commissionNew * newA + plan.commissionRenewal * renewedA + plan.commissionExpansion * expansionA - clawbacks
            + plan.serviceBonusPool / S;
          const contribution = grossProfit - compCost - newN * v.acquisitionCost - plan.preventionBudget / S;
          out[at(OUT.customers, s, t)] = customersEnd;
          out[at(OUT.arr, s, t)] = arrEnd;
          out[at(OUT.revenue, s, t)] = revenue;
          out[at(OUT.compCost, s, t)] = compCost;
          out[at(OUT.contribution, s, t)] = contribution;
          out[at(OUT.newCustomers, s, t)] = newN;
          out[at(OUT.churned, s, t)] = churnedN;
          for (let m = 0; m < OUTPUTS; m++) out[at(m, S, t)] += out[at(m, s, t)];
        }
        // Terminal value: the last period's contribution per customer as a growing perpetuity of the retained book.
        const last = out[at(OUT.contribution, s, P - 1)];
        const retention = 1 - out[at(OUT.churned, s, P - 1)] / Math.max(1e-9, out[at(OUT.customers, s, P - 1)] + out[at(OUT.churned, s, P - 1)]);
        terminal[s] = last * retention / (1 + sc.settings.discountRate - retention);
        terminal[S] += terminal[s];
      }
    },
  };
}

/** The contribution total of period t, as the engine's Projection.value('contribution', t) reads it. */
export const kernelContribution = (k: Kernel, t: number) => k.out[(OUT.contribution * (k.segments + 1) + k.segments) * k.periods + t];

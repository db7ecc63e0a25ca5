import {
  baselineFlows, expectedSalesPay, M, METRIC_COUNT, planBehaviour, project, salesBaseline, withRampLoss, workforce,
  type BaselineFlows, type ComponentId, type ComponentValues, type Metric, type PlanBehaviour, type PlanValues, type Projection, type Scenario,
} from '../model';
import { expectedPayout, expectedPayoutSlope, type PayoutCurve } from './quota-curve';
import type { ComponentIncentive, Incentives, YearOutcomes } from './quota-incentives';
import { rolesOf, targetPay, type Role } from './quota-plan';
import { rememberQuotaRun, type ComponentPay, type QuotaPay } from './quota-report';

export type { ComponentIncentive, Incentives, YearOutcomes } from './quota-incentives';

/**
 * Projecting a plan with a quota layer (MODEL.md section 8). The customer flows come from the same
 * loop as flat plans (project.ts); the quota layer acts on them twice:
 * 1. Before the loop, on behaviour. Each component pays, at the margin, rate = target pay / quota ×
 *    d(expected payout)/d(expected attainment) per unit of its outcome, with the slope read at the
 *    attainment the baseline delivers in year 1. Rates add to the plan's flat commission rates, so
 *    effort responds to them exactly as to commissions (section 5): a flat-equivalent quota plan (linear
 *    curves, target/quota = the flat rate) behaves exactly like the flat plan. Service-outcome pay
 *    raises the share of service pay on outcomes; role clawbacks weigh in the clawback by their rates.
 * 2. After the loop, on pay. Each year's outcome over the role's total quota is the expected attainment;
 *    expected payouts (closed form, quota-curve.ts) are spread over the year's periods and segments in
 *    proportion to the outcome and added to the matching pay line (new ARR to commissionNew, renewal to
 *    commissionRenewal, expansion to commissionExpansion, service to serviceBonus), so comp cost,
 *    contribution and the terminal value keep MODEL.md section 6's identities. Role clawbacks return a
 *    share of the year's new-ARR payout per unit of ARR of the customers leaving at their first renewal.
 */

/** The modeled outcome each component is measured on (ARR per period; attainment is per year). */
export const COMPONENT_OUTCOME: Readonly<Record<ComponentId, Metric>> = {
  newArr: 'newArr', renewal: 'renewedArr', expansion: 'expansionArr', service: 'rescuedArr',
};

/** The pay line each component's payout joins. */
const PAY_LINE: Readonly<Record<ComponentId, Metric>> = {
  newArr: 'commissionNew', renewal: 'commissionRenewal', expansion: 'commissionExpansion', service: 'serviceBonus',
};

export function curveOf(c: ComponentValues): PayoutCurve {
  return { threshold: c.threshold, decelerator: c.decelerator, accelerator: c.accelerator, cap: c.cap };
}

/** Expected attainment of a role on a component: the company's outcome over the role's total quota. */
export function expectedAttainment(role: Role, c: ComponentValues, outcome: number): number {
  return outcome / (role.values.headcount * c.quota);
}

/** The behaviour of the baseline plan itself (section 5: identical plans give the baseline shares). */
function baselineBehaviour(s: Scenario): PlanBehaviour {
  const flat = planBehaviour(s.baseline.values, s.baseline.values, s.behaviour, baselineFlows(s.segments.map((g) => g.values)));
  return { ...flat, sales: salesBaseline(s.behaviour), resolveShare: s.behaviour.resolveEffortShare, misSold: s.behaviour.misSoldShare };
}

function outcomesOfYear(p: Projection, year: number): YearOutcomes {
  const out = {} as YearOutcomes;
  for (const [c, metric] of Object.entries(COMPONENT_OUTCOME) as [ComponentId, Metric][]) {
    let sum = 0;
    for (let t = year * p.periodsPerYear; t < (year + 1) * p.periodsPerYear; t++) sum += p.value(metric, t);
    out[c] = sum;
  }
  return out;
}

/** The outcomes of year 1 under the baseline plan: where the slopes that move effort are read. */
export function baselineYearOneOutcomes(s: Scenario): YearOutcomes {
  const settings = { ...s.settings, horizonYears: 1 };
  const p = project(settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour,
    s.baseline.values, s.baseline.values, { target: baselineBehaviour(s) });
  return outcomesOfYear(p, 0);
}

/** The flat-rate equivalent of a plan's incentives at the margin (the plan itself when it has no roles). */
export function effectiveIncentives(plan: PlanValues, outcomes: YearOutcomes, cv: number, roles = rolesOf(plan)): Incentives {
  if (roles.length === 0) return { values: plan, components: [] };
  const components: ComponentIncentive[] = [];
  const rates: YearOutcomes = { newArr: 0, renewal: 0, expansion: 0, service: 0 };
  let clawedRate = 0;
  for (const role of roles) {
    for (const [id, c] of Object.entries(role.components) as [ComponentId, ComponentValues][]) {
      const attainment = expectedAttainment(role, c, outcomes[id]);
      const slope = expectedPayoutSlope(curveOf(c), attainment, cv);
      const rate = (targetPay(role, c) / c.quota) * slope;
      components.push({ role: role.id, component: id, expectedAttainment: attainment, slope, rate });
      rates[id] += rate;
      if (id === 'newArr') clawedRate += rate * role.values.clawback;
    }
  }
  const values = { ...plan };
  values.commissionNew = plan.commissionNew + rates.newArr;
  values.commissionRenewal = plan.commissionRenewal + rates.renewal;
  values.commissionExpansion = plan.commissionExpansion + rates.expansion;
  if (rates.newArr > 0) values.clawback = (plan.commissionNew * plan.clawback + clawedRate) / values.commissionNew;
  // Service pay on outcomes, like w_i = rate × the baseline flow it earns on (section 5), joins the
  // outcome-paid part of the service bonus pool.
  const serviceOnOutcomes = rates.service * outcomes.service;
  if (serviceOnOutcomes > 0) {
    values.outcomeWeight = (plan.serviceBonusPool * plan.outcomeWeight + serviceOnOutcomes) / (plan.serviceBonusPool + serviceOnOutcomes);
  }
  return { values, components };
}

/**
 * Expected variable pay a year of a plan, per workforce, priced like the flat plan's V on the
 * baseline's year-1 flows (behaviour.ts baselineFlows; the service component on the baseline's year-1
 * rescued ARR): its flat commissions (less the expected clawback) or bonus pool, plus each role's
 * expected payout there (headcount × target variable pay × expected payout share over the spread of
 * attainment, less the role's expected clawback on new ARR). Service-component pay counts toward the
 * service workforce, the rest toward sales. This, not the marginal rates that move the shares, is
 * MODEL.md section 5's V: a capped curve pays its people in full while paying nothing at the margin.
 */
export function expectedQuotaPay(plan: PlanValues, outcomes: YearOutcomes, cv: number, misSold: number, flows: BaselineFlows, s: Scenario): { sales: number; service: number } {
  const b = s.behaviour;
  const clawedShare = (1 - misSold) * flows.firstRenewalChurn + misSold * b.misSoldChurn;
  let sales = expectedSalesPay(plan, flows, misSold, b);
  let service = plan.serviceBonusPool;
  for (const role of rolesOf(plan)) {
    for (const [id, c] of Object.entries(role.components) as [ComponentId, ComponentValues][]) {
      const flow = id === 'newArr' ? flows.newArr : id === 'renewal' ? flows.renewedArr : id === 'expansion' ? flows.expansionArr : outcomes.service;
      const pay = role.values.headcount * targetPay(role, c) * expectedPayout(curveOf(c), expectedAttainment(role, c, flow), cv);
      if (id === 'service') service += pay;
      else sales += id === 'newArr' ? pay * (1 - role.values.clawback * clawedShare) : pay;
    }
  }
  return { sales, service };
}

/**
 * The plan's effort levels, attrition and payrolls from its expected pay (expectedQuotaPay) against the
 * baseline's; the shares and mis-selling stay those of the effective marginal rates.
 */
function withExpectedPay(target: PlanBehaviour, s: Scenario, plan: PlanValues, outcomes: YearOutcomes, flows: BaselineFlows): PlanBehaviour {
  const b = s.behaviour;
  const cv = b.attainmentCV;
  const pay = expectedQuotaPay(plan, outcomes, cv, target.misSold, flows, s);
  const pay0 = expectedQuotaPay(s.baseline.values, outcomes, cv, b.misSoldShare, flows, s);
  const sales = workforce(pay.sales, pay0.sales, b.salesVariableShare, b.salesAttrition, b);
  const service = workforce(pay.service, pay0.service, b.serviceVariableShare, b.serviceAttrition, b);
  return {
    ...target,
    salesLevel: withRampLoss(sales.level, sales.attrition, b.salesAttrition, b),
    serviceLevel: withRampLoss(service.level, service.attrition, b.serviceAttrition, b),
    salesAttrition: sales.attrition,
    serviceAttrition: service.attrition,
    salesPayroll: sales.payroll,
    servicePayroll: service.payroll,
  };
}

/** The long-run behaviour of a plan when it or the baseline pays on quotas. */
export function quotaTargetBehaviour(s: Scenario, plan: PlanValues, outcomes = baselineYearOneOutcomes(s)): PlanBehaviour {
  const cv = s.behaviour.attainmentCV;
  const flows = baselineFlows(s.segments.map((g) => g.values));
  const shares = planBehaviour(effectiveIncentives(plan, outcomes, cv).values, effectiveIncentives(s.baseline.values, outcomes, cv).values, s.behaviour, flows);
  return withExpectedPay(shares, s, plan, outcomes, flows);
}

/** Projects a plan when it or the baseline has roles (run.ts sends flat scenarios to project directly). */
export function projectWithQuotas(s: Scenario, plan: PlanValues): Projection {
  const outcomes0 = baselineYearOneOutcomes(s);
  const cv = s.behaviour.attainmentCV;
  const roles = rolesOf(plan);
  const incentives = effectiveIncentives(plan, outcomes0, cv, roles);
  const flows = baselineFlows(s.segments.map((g) => g.values));
  const shares = planBehaviour(incentives.values, effectiveIncentives(s.baseline.values, outcomes0, cv).values, s.behaviour, flows);
  const target = withExpectedPay(shares, s, plan, outcomes0, flows);
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  const leavers = new Float64Array(s.segments.length * P);
  let pay: QuotaPay = { roles, components: [], clawback: [] };
  const p = project(s.settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour, s.baseline.values, plan, {
    target,
    firstRenewalChurnArr: leavers,
    addPay: (data, periods, nSeg) => { pay = addQuotaPay(data, periods, nSeg, s.settings.periodsPerYear, roles, cv, leavers); },
  });
  rememberQuotaRun(p, { pay, cv, incentives, baselineOutcomes: outcomes0 });
  return p;
}

/**
 * Adds each role's expected payouts and clawbacks to every segment's rows (before totals are summed)
 * and returns them per role, component and year. Runs once per projection of a quota plan (a Monte
 * Carlo run makes thousands): rows are addressed by number and nothing is built for the report here.
 */
function addQuotaPay(
  data: Float64Array, P: number, nSeg: number, ppy: number, roles: readonly Role[], cv: number, leavers: Float64Array,
): QuotaPay {
  const nYears = P / ppy;
  const stride = METRIC_COUNT * P;
  const compCost = M.compCost * P;
  const contribution = M.contribution * P;
  const clawbacks = M.clawbacks * P;
  // A payout with no outcome to follow (a curve that pays at 0 attainment) is spread like the service bonus pool.
  let customers = 0;
  for (let s = 0; s < nSeg; s++) customers += data[s * stride + M.customersBegin * P];
  const components: ComponentPay[] = [];
  const clawback = roles.map(() => new Float64Array(nYears));
  roles.forEach((role, r) => {
    const newArrRate = new Float64Array(nYears);
    for (const [id, values] of Object.entries(role.components) as [ComponentId, ComponentValues][]) {
      const outcomeRow = M[COMPONENT_OUTCOME[id]] * P;
      const payRow = M[PAY_LINE[id]] * P;
      const curve = curveOf(values);
      const team = role.values.headcount * targetPay(role, values);
      const totalQuota = role.values.headcount * values.quota;
      const outcome = new Float64Array(nYears);
      const payoutShare = new Float64Array(nYears);
      for (let y = 0; y < nYears; y++) {
        const [from, to] = [y * ppy, (y + 1) * ppy];
        let o = 0;
        for (let s = 0; s < nSeg; s++) for (let t = from; t < to; t++) o += data[s * stride + outcomeRow + t];
        const share = expectedPayout(curve, o / totalQuota, cv);
        const pay = team * share;
        for (let s = 0; s < nSeg; s++) {
          const base = s * stride;
          const weight = customers > 0 ? data[base + M.customersBegin * P] / customers : 1 / nSeg;
          for (let t = from; t < to; t++) {
            const amount = o > 0 ? (pay * data[base + outcomeRow + t]) / o : (pay * weight) / ppy;
            data[base + payRow + t] += amount;
            data[base + compCost + t] += amount;
            data[base + contribution + t] -= amount;
          }
        }
        outcome[y] = o;
        payoutShare[y] = share;
        if (id === 'newArr' && o > 0) newArrRate[y] = pay / o;
      }
      components.push({ role: r, component: id, values, outcome, payoutShare });
    }
    if (!(role.values.clawback > 0)) return;
    for (let y = 0; y < nYears; y++) {
      const rate = role.values.clawback * newArrRate[y];
      if (!(rate > 0)) continue;
      for (let s = 0; s < nSeg; s++) {
        const base = s * stride;
        for (let t = y * ppy; t < (y + 1) * ppy; t++) {
          const amount = leavers[s * P + t] * rate;
          data[base + clawbacks + t] += amount;
          data[base + compCost + t] -= amount;
          data[base + contribution + t] += amount;
          clawback[r][y] += amount;
        }
      }
    }
  });
  return { roles: [...roles], components, clawback };
}

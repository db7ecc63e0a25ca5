import { planBehaviour, salesBaseline, type PlanBehaviour } from './behaviour';
import type { ComponentId, ComponentValues, PlanValues, RoleId } from './catalogue';
import { M, METRIC_COUNT, type Metric } from './metrics';
import { project, type Projection } from './project';
import { expectedPayout, expectedPayoutSlope, shareAtOrAboveQuota, type PayoutCurve } from './quota-curve';
import { rolesOf, targetPay, type Role } from './quota-plan';
import type { Scenario } from './scenario';

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

export type YearOutcomes = Record<ComponentId, number>;

export function curveOf(c: ComponentValues): PayoutCurve {
  return { threshold: c.threshold, decelerator: c.decelerator, accelerator: c.accelerator, cap: c.cap };
}

/** Expected attainment of a role on a component: the company's outcome over the role's total quota. */
export function expectedAttainment(role: Role, c: ComponentValues, outcome: number): number {
  return outcome / (role.values.headcount * c.quota);
}

/** The incentive one component of one role gives at the margin. */
export interface ComponentIncentive {
  role: RoleId;
  component: ComponentId;
  /** Expected attainment at the baseline's year-1 outcome. */
  expectedAttainment: number;
  /** d(expected payout share)/d(expected attainment) there. */
  slope: number;
  /** Pay per unit of outcome at the margin: target pay / quota × slope (a commission-rate equivalent). */
  rate: number;
}

export interface Incentives {
  /** The plan with its flat commission rates, clawback and outcome weight replaced by effective ones. */
  values: PlanValues;
  components: ComponentIncentive[];
}

/** The behaviour of the baseline plan itself (section 5: identical plans give the baseline shares). */
function baselineBehaviour(s: Scenario): PlanBehaviour {
  return { sales: salesBaseline(s.behaviour), resolveShare: s.behaviour.resolveEffortShare, misSold: s.behaviour.misSoldShare };
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
export function effectiveIncentives(plan: PlanValues, outcomes: YearOutcomes, cv: number): Incentives {
  const roles = rolesOf(plan);
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

/** The long-run behaviour of a plan when it or the baseline pays on quotas. */
export function quotaTargetBehaviour(s: Scenario, plan: PlanValues, outcomes = baselineYearOneOutcomes(s)): PlanBehaviour {
  const cv = s.behaviour.attainmentCV;
  return planBehaviour(effectiveIncentives(plan, outcomes, cv).values, effectiveIncentives(s.baseline.values, outcomes, cv).values, s.behaviour);
}

export interface QuotaComponentYear {
  component: ComponentId;
  /** The company's outcome in the year (ARR). */
  outcome: number;
  /** Headcount × quota. */
  totalQuota: number;
  expectedAttainment: number;
  /** Expected payout as a share of target. */
  payoutShare: number;
  /** Expected payout of everyone in the role. */
  payout: number;
  /** Share of the people at or above quota. */
  atOrAboveQuota: number;
}

export interface QuotaRoleYear {
  year: number;
  components: QuotaComponentYear[];
  payout: number;
  clawback: number;
  /** payout − clawback: what the role adds to comp cost. */
  variablePay: number;
  /** Headcount × on-target earnings × (1 − variable share): reported, not in comp cost (see docs/quotas.md). */
  basePay: number;
  totalPay: number;
  variablePayShareOfRevenue: number;
}

export interface QuotaRoleReport {
  id: RoleId;
  headcount: number;
  /** Target variable pay of everyone in the role, per year. */
  targetVariablePay: number;
  years: QuotaRoleYear[];
}

export interface QuotaYear {
  year: number;
  revenue: number;
  /** The plan's whole comp cost (flat pay and quota payouts, net of clawbacks). */
  compCost: number;
  compCostShareOfRevenue: number;
  /** What the quota layer adds to comp cost. */
  variablePay: number;
}

export interface QuotaReport {
  roles: QuotaRoleReport[];
  years: QuotaYear[];
  /** The incentives that moved effort, read at the baseline's year-1 outcomes. */
  incentives: ComponentIncentive[];
  /** The flat-rate equivalent of the plan at the margin. */
  effective: Pick<PlanValues, 'commissionNew' | 'commissionRenewal' | 'commissionExpansion' | 'clawback' | 'outcomeWeight'>;
  baselineOutcomes: YearOutcomes;
}

const reports = new WeakMap<Projection, QuotaReport>();

/** The quota report of a projection made by projectPlan for a plan with roles; undefined otherwise. */
export function quotaReport(p: Projection): QuotaReport | undefined {
  return reports.get(p);
}

/** Projects a plan when it or the baseline has roles (run.ts sends flat scenarios to project directly). */
export function projectWithQuotas(s: Scenario, plan: PlanValues): Projection {
  const outcomes0 = baselineYearOneOutcomes(s);
  const cv = s.behaviour.attainmentCV;
  const incentives = effectiveIncentives(plan, outcomes0, cv);
  const target = planBehaviour(incentives.values, effectiveIncentives(s.baseline.values, outcomes0, cv).values, s.behaviour);
  const P = s.settings.horizonYears * s.settings.periodsPerYear;
  const leavers = new Float64Array(s.segments.length * P);
  const roles = rolesOf(plan);
  let years: QuotaRoleYear[][] = [];
  const p = project(s.settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour, s.baseline.values, plan, {
    target,
    firstRenewalChurnArr: leavers,
    addPay: (data, periods, nSeg) => { years = addQuotaPay(data, periods, nSeg, s.settings.periodsPerYear, roles, cv, leavers); },
  });
  const e = incentives.values;
  reports.set(p, {
    roles: roles.map((role, r) => ({
      id: role.id,
      headcount: role.values.headcount,
      targetVariablePay: role.values.headcount * role.values.ote * role.values.variableShare,
      years: years[r],
    })),
    years: years.length ? years[0].map((_, y) => quotaYear(p, y, years)) : [],
    incentives: incentives.components,
    effective: { commissionNew: e.commissionNew, commissionRenewal: e.commissionRenewal, commissionExpansion: e.commissionExpansion,
      clawback: e.clawback, outcomeWeight: e.outcomeWeight },
    baselineOutcomes: outcomes0,
  });
  return p;
}

function quotaYear(p: Projection, y: number, roles: QuotaRoleYear[][]): QuotaYear {
  let revenue = 0, compCost = 0;
  for (let t = y * p.periodsPerYear; t < (y + 1) * p.periodsPerYear; t++) {
    revenue += p.value('revenue', t);
    compCost += p.value('compCost', t);
  }
  let variablePay = 0;
  for (const role of roles) variablePay += role[y].variablePay;
  for (const role of roles) role[y].variablePayShareOfRevenue = revenue !== 0 ? role[y].variablePay / revenue : 0;
  return { year: y + 1, revenue, compCost, compCostShareOfRevenue: revenue !== 0 ? compCost / revenue : 0, variablePay };
}

/**
 * Adds each role's expected payouts and clawbacks to every segment's rows (before totals are summed)
 * and returns them per role and year.
 */
function addQuotaPay(
  data: Float64Array, P: number, nSeg: number, ppy: number, roles: readonly Role[], cv: number, leavers: Float64Array,
): QuotaRoleYear[][] {
  const at = (s: number, metric: Metric, t: number) => (s * METRIC_COUNT + M[metric]) * P + t;
  const nYears = P / ppy;
  const add = (s: number, metric: Metric, t: number, amount: number) => {
    data[at(s, metric, t)] += amount;
    data[at(s, 'compCost', t)] += amount;
    data[at(s, 'contribution', t)] -= amount;
  };
  // A payout with no outcome to follow (a curve that pays at 0 attainment) is spread like the service bonus pool.
  let customers = 0;
  for (let s = 0; s < nSeg; s++) customers += data[at(s, 'customersBegin', 0)];
  const weight = (s: number) => (customers > 0 ? data[at(s, 'customersBegin', 0)] / customers : 1 / nSeg);

  return roles.map((role) => Array.from({ length: nYears }, (_, y) => {
    const periods = { from: y * ppy, to: (y + 1) * ppy };
    const components: QuotaComponentYear[] = [];
    let payout = 0, newArrRate = 0;
    for (const [id, c] of Object.entries(role.components) as [ComponentId, ComponentValues][]) {
      let outcome = 0;
      for (let s = 0; s < nSeg; s++) for (let t = periods.from; t < periods.to; t++) outcome += data[at(s, COMPONENT_OUTCOME[id], t)];
      const attainment = expectedAttainment(role, c, outcome);
      const payoutShare = expectedPayout(curveOf(c), attainment, cv);
      const pay = role.values.headcount * targetPay(role, c) * payoutShare;
      for (let s = 0; s < nSeg; s++) {
        for (let t = periods.from; t < periods.to; t++) {
          add(s, PAY_LINE[id], t, outcome > 0 ? (pay * data[at(s, COMPONENT_OUTCOME[id], t)]) / outcome : (pay * weight(s)) / ppy);
        }
      }
      if (id === 'newArr' && outcome > 0) newArrRate = pay / outcome;
      payout += pay;
      components.push({ component: id, outcome, totalQuota: role.values.headcount * c.quota, expectedAttainment: attainment, payoutShare,
        payout: pay, atOrAboveQuota: shareAtOrAboveQuota(attainment, cv) });
    }
    let clawback = 0;
    const clawbackRate = role.values.clawback * newArrRate;
    if (clawbackRate > 0) {
      for (let s = 0; s < nSeg; s++) {
        for (let t = periods.from; t < periods.to; t++) {
          const amount = leavers[s * P + t] * clawbackRate;
          data[at(s, 'clawbacks', t)] += amount;
          data[at(s, 'compCost', t)] -= amount;
          data[at(s, 'contribution', t)] += amount;
          clawback += amount;
        }
      }
    }
    const basePay = role.values.headcount * role.values.ote * (1 - role.values.variableShare);
    return { year: y + 1, components, payout, clawback, variablePay: payout - clawback, basePay, totalPay: basePay + payout - clawback,
      variablePayShareOfRevenue: 0 };
  }));
}

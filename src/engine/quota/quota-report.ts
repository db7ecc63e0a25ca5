import type { ComponentId, ComponentValues, PlanValues, RoleId, Projection } from '../model';
import { shareAtOrAboveQuota } from './quota-curve';
import { targetPay, type Role } from './quota-plan';
import type { ComponentIncentive, Incentives, YearOutcomes } from './quota-incentives';

/**
 * What a plan's quota layer paid, role by role and year by year (MODEL.md section 8's reports):
 * expected payout per role and component, share of people at or above quota, comp cost per role and
 * comp cost as a share of revenue. The projection keeps only the numbers (quota-project.ts); the
 * report is built from them the first time it is asked for, so Monte Carlo runs that never read it
 * do not pay for it.
 */

/** One component's year-by-year outcome and expected payout share, as the projection computed them. */
export interface ComponentPay {
  /** Index of the role in QuotaPay.roles. */
  role: number;
  component: ComponentId;
  values: ComponentValues;
  outcome: Float64Array;
  payoutShare: Float64Array;
}

export interface QuotaPay {
  roles: Role[];
  components: ComponentPay[];
  /** Per role, per year: what its clawbacks returned. */
  clawback: Float64Array[];
}

export interface QuotaRun {
  pay: QuotaPay;
  cv: number;
  incentives: Incentives;
  baselineOutcomes: YearOutcomes;
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

const runs = new WeakMap<Projection, QuotaRun>();
const reports = new WeakMap<Projection, QuotaReport>();

/** Called by projectWithQuotas: the numbers a report is built from. */
export function rememberQuotaRun(p: Projection, run: QuotaRun): void {
  runs.set(p, run);
}

/** The quota report of a projection made by projectPlan for a plan with roles; undefined otherwise. */
export function quotaReport(p: Projection): QuotaReport | undefined {
  const cached = reports.get(p);
  if (cached) return cached;
  const run = runs.get(p);
  if (!run) return undefined;
  const report = buildReport(p, run);
  reports.set(p, report);
  return report;
}

function yearSum(p: Projection, metric: 'revenue' | 'compCost', y: number): number {
  let sum = 0;
  for (let t = y * p.periodsPerYear; t < (y + 1) * p.periodsPerYear; t++) sum += p.value(metric, t);
  return sum;
}

function buildReport(p: Projection, { pay, cv, incentives, baselineOutcomes }: QuotaRun): QuotaReport {
  const nYears = p.periods / p.periodsPerYear;
  const revenue = Array.from({ length: nYears }, (_, y) => yearSum(p, 'revenue', y));
  const roles = pay.roles.map((role, r): QuotaRoleReport => ({
    id: role.id,
    headcount: role.values.headcount,
    targetVariablePay: role.values.headcount * role.values.ote * role.values.variableShare,
    years: revenue.map((rev, y) => {
      const components = pay.components.filter((c) => c.role === r).map((c) => componentYear(role, c, y, cv));
      const payout = components.reduce((sum, c) => sum + c.payout, 0);
      const clawback = pay.clawback[r][y];
      const basePay = role.values.headcount * role.values.ote * (1 - role.values.variableShare);
      return { year: y + 1, components, payout, clawback, variablePay: payout - clawback, basePay, totalPay: basePay + payout - clawback,
        variablePayShareOfRevenue: rev !== 0 ? (payout - clawback) / rev : 0 };
    }),
  }));
  const years = revenue.map((rev, y): QuotaYear => {
    const compCost = yearSum(p, 'compCost', y);
    return { year: y + 1, revenue: rev, compCost, compCostShareOfRevenue: rev !== 0 ? compCost / rev : 0,
      variablePay: roles.reduce((sum, role) => sum + role.years[y].variablePay, 0) };
  });
  const e = incentives.values;
  return {
    roles,
    years: pay.roles.length ? years : [],
    incentives: incentives.components,
    effective: { commissionNew: e.commissionNew, commissionRenewal: e.commissionRenewal, commissionExpansion: e.commissionExpansion,
      clawback: e.clawback, outcomeWeight: e.outcomeWeight },
    baselineOutcomes,
  };
}

function componentYear(role: Role, c: ComponentPay, y: number, cv: number): QuotaComponentYear {
  const totalQuota = role.values.headcount * c.values.quota;
  const expectedAttainment = c.outcome[y] / totalQuota;
  return {
    component: c.component, outcome: c.outcome[y], totalQuota, expectedAttainment, payoutShare: c.payoutShare[y],
    payout: role.values.headcount * targetPay(role, c.values) * c.payoutShare[y], atOrAboveQuota: shareAtOrAboveQuota(expectedAttainment, cv),
  };
}

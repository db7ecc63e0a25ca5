/**
 * What the designer's figures and charts read, from the last valid results: for the baseline and the
 * proposed plan shown, the plan as computed (budget-neutral scaling applied), its quota report
 * (quotaReport) and its comp cost per year. Flat plans have no report; their comp cost still shows.
 */
import {
  quotaReport, rolesOf, yearly,
  type ComponentId, type PlanValues, type Projection, type QuotaComponentYear, type QuotaReport, type QuotaRoleYear, type Role, type RoleId, type YearRow,
} from '../../engine';
import type { Computed } from '../state/compute';

export interface PlanSide {
  side: 'baseline' | 'proposed';
  name: string;
  plan: PlanValues;
  roles: Role[];
  projection: Projection;
  report?: QuotaReport;
  years: YearRow[];
}

export function planSides(c: Computed, planIndex: number): PlanSide[] {
  const index = Math.min(planIndex, c.result.proposed.length - 1);
  const side = (s: PlanSide['side'], name: string, plan: PlanValues, projection: Projection): PlanSide =>
    ({ side: s, name, plan, roles: rolesOf(plan), projection, report: quotaReport(projection), years: yearly(projection) });
  const out = [side('baseline', c.scenario.baseline.name, c.scenario.baseline.values, c.result.baseline)];
  if (index >= 0) out.push(side('proposed', c.scenario.proposed[index].name, c.scenario.proposed[index].values, c.result.proposed[index]));
  return out;
}

/** A role's figures in one year (1-based), when the plan pays it. */
export function roleYear(s: PlanSide, role: RoleId, year: number): QuotaRoleYear | undefined {
  return s.report?.roles.find((r) => r.id === role)?.years[year - 1];
}

export function componentYear(s: PlanSide, role: RoleId, component: ComponentId, year: number): QuotaComponentYear | undefined {
  return roleYear(s, role, year)?.components.find((c) => c.component === component);
}

/** Comp cost and revenue of one year, from the quota report when the plan has one (the same numbers otherwise). */
export function costYear(s: PlanSide, year: number): { compCost: number; share: number } {
  const q = s.report?.years[year - 1];
  if (q) return { compCost: q.compCost, share: q.compCostShareOfRevenue };
  const y = s.years[year - 1];
  return { compCost: y.compCost, share: y.revenue !== 0 ? y.compCost / y.revenue : 0 };
}

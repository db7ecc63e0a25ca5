import type { ComponentId, PlanValues, RoleId } from '../model';

/**
 * What a plan's quota layer gives at the margin, as data: quota-project.ts computes it and
 * quota-report.ts reports it (kept apart so that neither of those two imports the other).
 */

/** A year's outcome per component (ARR over the year's periods). */
export type YearOutcomes = Record<ComponentId, number>;

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

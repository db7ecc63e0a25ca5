/**
 * The worked example of docs/quotas.md and docs/cuotas.md, computed with the engine: every checked
 * table of those pages, row by row, as numbers (or texts such as "none"). The pages' plan tables are
 * the inputs: `plansOf` reads them, so the example is exactly what the page says.
 */
import {
  attainmentBands, budgetNeutralPlan, compare, DEFAULT_ATTAINMENT_BANDS, defaultScenario, payout, projectPlan, quotaReport,
  quotaTargetBehaviour, rolesOf, runScenario, yearly,
  type PayoutCurve, type PlanValues, type Projection, type Scenario,
} from '../../src/engine';

export type Cell = number | string;
export type Rows = Cell[][];

/** Attainments at which the page shows both account-executive curves. */
export const CURVE_POINTS = [0.4, 0.5, 0.8, 1, 1.2, 1.5, 2, 2.5];

/** The scenario of the example: the catalogue's default mid-market segment, with the page's two plans. */
export function exampleScenario(current: Record<string, number>, changes: Record<string, number>): Scenario {
  const s = defaultScenario();
  const base = { ...s.baseline.values, ...current } as PlanValues;
  s.baseline = { name: 'Current plan', values: base };
  s.proposed = [{ name: 'Retention plan', values: { ...base, ...changes } as PlanValues }];
  return s;
}

function curveOfRole(plan: PlanValues, role: string): PayoutCurve {
  const c = rolesOf(plan).find((r) => r.id === role)!.components.newArr!;
  return { threshold: c.threshold, decelerator: c.decelerator, accelerator: c.accelerator, cap: c.cap };
}

function roleRows(p: Projection): Rows {
  return quotaReport(p)!.roles.flatMap((role) => role.years[0].components.map((c) => [c.expectedAttainment, c.payoutShare, c.payout, c.atOrAboveQuota]));
}

const none = (period: number | null, word: string): Cell => period ?? word;

/** Every checked table of the page, in `language` ("none" is "ninguno" in Spanish). */
export function exampleTables(s: Scenario, language: 'en' | 'es'): Record<string, Rows> {
  const word = language === 'en' ? 'none' : 'ninguno';
  const [current, proposed] = [s.baseline.values, s.proposed[0].values];
  const r = runScenario(s);
  const [base, prop] = [r.baseline, r.proposed[0]];
  const c = r.comparisons[0];
  const cv = s.behaviour.attainmentCV;
  const effective = [quotaReport(base)!.effective, quotaReport(prop)!.effective];
  const behaviour = [quotaTargetBehaviour(s, current), quotaTargetBehaviour(s, proposed)];
  const neutral = budgetNeutralPlan(s, proposed);
  const neutralComparison = compare(base, projectPlan(s, neutral.plan), s.settings);
  const roles = rolesOf(neutral.plan);
  const years = [yearly(base), yearly(prop)];
  return {
    'payout-curve': CURVE_POINTS.map((a) => [payout(a, curveOfRole(current, 'ae')), payout(a, curveOfRole(proposed, 'ae'))]),
    spread: attainmentBands(1, cv, DEFAULT_ATTAINMENT_BANDS).map((share) => [share]),
    'current-roles': roleRows(base),
    'proposed-roles': roleRows(prop),
    incentives: [
      [effective[0].commissionNew, effective[1].commissionNew],
      [effective[0].commissionRenewal, effective[1].commissionRenewal],
      [effective[0].commissionExpansion, effective[1].commissionExpansion],
      [effective[0].clawback, effective[1].clawback],
      [effective[0].outcomeWeight, effective[1].outcomeWeight],
      ...[0, 1, 2].map((i) => behaviour.map((b) => b.sales[i])),
      behaviour.map((b) => b.resolveShare),
      behaviour.map((b) => b.misSold),
    ],
    money: years[0].map((y, k) => [y.compCost, y.compCostShare, years[1][k].compCost, years[1][k].compCostShare]),
    comparison: [
      [none(c.breakevenPeriod, word)], [c.shortTermSacrifice], [c.year1CompCostDelta], [c.finalYearRevenueDelta],
      [c.npvDelta], [c.customerEquityDelta],
    ],
    'budget-neutral': [
      [neutral.factor],
      ...roles.map((role) => [role.values.ote, role.values.variableShare]),
      [neutralComparison.year1CompCostDelta], [none(neutralComparison.breakevenPeriod, word)], [neutralComparison.npvDelta],
      [neutralComparison.customerEquityDelta],
    ],
  };
}

/** docs/quotas.md's worked example (sections 4 and 5): the quota designer's tests open it. */
import { defaultScenario, type PlanValues, type Scenario } from '../../src/engine';

export const CURRENT = {
  commissionNew: 0, commissionRenewal: 0, commissionExpansion: 0,
  'ae.headcount': 4, 'ae.ote': 160_000, 'ae.variableShare': 0.5, 'ae.newArr.quota': 720_000, 'ae.newArr.accelerator': 1.5,
  'am.headcount': 3, 'am.ote': 130_000, 'am.variableShare': 0.3, 'am.renewal.weight': 0.5, 'am.renewal.quota': 3_500_000,
  'am.expansion.weight': 0.5, 'am.expansion.quota': 500_000,
};

export const CHANGES = {
  'ae.clawback': 0.5, 'ae.newArr.threshold': 0.5, 'ae.newArr.accelerator': 1, 'ae.newArr.cap': 1.5,
  'am.renewal.weight': 0.7, 'am.expansion.weight': 0.3, 'am.renewal.threshold': 0.8, 'am.renewal.decelerator': 5, 'am.renewal.accelerator': 3,
  'cs.headcount': 5, 'cs.ote': 90_000, 'cs.variableShare': 0.2, 'cs.service.quota': 430_000,
};

/** The catalogue's default mid-market segment with the page's current plan and redesign. */
export function quotaScenario(changes: Record<string, number> = {}): Scenario {
  const s = defaultScenario();
  const base = { ...s.baseline.values, ...CURRENT } as PlanValues;
  s.baseline = { name: 'Current plan', values: base };
  s.proposed = [{ name: 'Retention plan', values: { ...base, ...CHANGES, ...changes } as PlanValues }];
  return s;
}

/**
 * The quota designer's edits as draft actions (`planKeys`: texts to set, keys to remove). Pure: tested
 * without React. Roles, components and fields are the catalogue's (ROLES, COMPONENTS, QUOTA_CATALOGUE);
 * what the designer adds starts from the catalogue's defaults, with quotas set where this year's
 * modeled outcome puts expected attainment at 100 %.
 */
import {
  COMPONENT_OUTCOME, componentKey, COMPONENTS, findSpec, newRole, roleEntries, roleKey,
  type ComponentId, type RoleId, type YearRow,
} from '../../engine';
import { parseField } from '../../i18n';
import type { Action, DraftRow, Raw } from '../state/draft';
import { layoutOf, quotaFieldSpec, quotaKeysIn, quotaTexts, weightTexts } from '../state/quota-fields';

export type PlanKeys = Extract<Action, { type: 'planKeys' }>;

/** What each role is paid on when added afresh (docs/quotas.md, section 1). */
export const STARTING_COMPONENTS: Readonly<Record<RoleId, readonly ComponentId[]>> = {
  ae: ['newArr'], am: ['renewal', 'expansion'], cs: ['renewal', 'service'], support: ['service'],
};

/** The company's outcome a component is measured on, in one year of a projection (ARR). */
export function outcomeOf(year: YearRow | undefined, component: ComponentId): number {
  return year ? year[COMPONENT_OUTCOME[component]] : 0;
}

/** A quota that puts expected attainment at 100 % for `outcome` shared by `headcount`: three significant digits. */
export function quotaFor(outcome: number, headcount: number): number | undefined {
  const perHead = outcome / headcount;
  if (!(perHead >= 1) || !Number.isFinite(perHead)) return undefined;
  return +perHead.toPrecision(3);
}

const keysWithPrefix = (values: Raw, prefix: string) => Object.keys(values).filter((k) => k.startsWith(prefix));

/**
 * Adds `role` to the plan `target`: a copy of the role from `copyFrom` (another plan that has it), or a
 * new role on its starting components, equal weights, quotas from `year` (the first year of the plan's
 * last results).
 */
export function addRole(target: DraftRow, role: RoleId, locale: string, copyFrom?: DraftRow, year?: YearRow): PlanKeys {
  const set: Raw = {};
  if (copyFrom) {
    for (const key of keysWithPrefix(copyFrom.values, `${role}.`)) set[key] = copyFrom.values[key];
  } else {
    const r = newRole(role, STARTING_COMPONENTS[role]);
    for (const c of STARTING_COMPONENTS[role]) {
      const q = quotaFor(outcomeOf(year, c), r.values.headcount);
      if (q !== undefined) r.components[c]!.quota = q;
    }
    Object.assign(set, quotaTexts(Object.fromEntries(roleEntries(r)), locale));
  }
  return { type: 'planKeys', id: target.id, set };
}

export function removeRole(target: DraftRow, role: RoleId): PlanKeys {
  return { type: 'planKeys', id: target.id, set: {}, remove: keysWithPrefix(target.values, `${role}.`) };
}

/**
 * Adds a component to a role of `target` with weight 0 (the role's weights keep adding up to 1 until
 * the user moves some weight onto it): its curve and quota copied from `copyFrom` when that plan pays
 * the role on it, else the catalogue's defaults with the quota from `year`.
 */
export function addComponent(target: DraftRow, role: RoleId, component: ComponentId, locale: string, copyFrom?: DraftRow, year?: YearRow): PlanKeys {
  const prefix = `${role}.${component}.`;
  const set: Raw = {};
  const source = copyFrom && keysWithPrefix(copyFrom.values, prefix);
  if (source?.length) {
    for (const key of source) set[key] = copyFrom!.values[key];
  } else {
    const c = newRole(role, [component]).components[component]!;
    const headcount = parseField(quotaFieldSpec(roleKey(role, 'headcount'))!, target.values[roleKey(role, 'headcount')] ?? '', locale);
    c.quota = quotaFor(outcomeOf(year, component), headcount) ?? c.quota;
    const texts = quotaTexts(Object.fromEntries([...Object.entries(c)].map(([f, v]) => [componentKey(role, component, f), v])), locale);
    for (const [key, text] of Object.entries(texts)) if (key.startsWith(prefix)) set[key] = text;
  }
  set[componentKey(role, component, 'weight')] = '0';
  return { type: 'planKeys', id: target.id, set };
}

export function removeComponent(target: DraftRow, role: RoleId, component: ComponentId): PlanKeys {
  return { type: 'planKeys', id: target.id, set: {}, remove: keysWithPrefix(target.values, `${role}.${component}.`) };
}

/** The sum of a role's weights as typed (NaN when one is not a number). */
export function weightSum(row: DraftRow, role: RoleId, locale: string): number {
  const components = layoutOf(row.values).get(role) ?? [];
  return components.reduce((sum, c) => {
    const key = componentKey(role, c, 'weight');
    return sum + parseField(quotaFieldSpec(key)!, row.values[key] ?? '', locale);
  }, 0);
}

/** Scales a role's weights to add up to 100 %, keeping their proportions (nothing when they add up to 0 or one is not a number). */
export function scaleWeights(row: DraftRow, role: RoleId, locale: string): PlanKeys | undefined {
  const components = layoutOf(row.values).get(role) ?? [];
  const sum = weightSum(row, role, locale);
  if (!(sum > 0)) return undefined;
  const weights = components.map((c) => {
    const name = componentKey(role, c, 'weight');
    return { name, value: parseField(quotaFieldSpec(name)!, row.values[name], locale) / sum };
  });
  return { type: 'planKeys', id: row.id, set: weightTexts(weights, locale) };
}

/** Whether the plan pays on quotas (has a role). */
export function hasRoles(row: DraftRow): boolean {
  return quotaKeysIn(row.values).length > 0;
}

const FLAT_RATES: readonly [ComponentId, 'commissionNew' | 'commissionRenewal' | 'commissionExpansion'][] = [
  ['newArr', 'commissionNew'], ['renewal', 'commissionRenewal'], ['expansion', 'commissionExpansion'],
];
/** Whether the plan's texts pay a commission on new, renewed or expansion ARR (what flatEquivalent moves onto a role). */
export function paysFlat(row: DraftRow, locale: string): boolean {
  return FLAT_RATES.some(([, key]) => parseField(findSpec(key)!, row.values[key] ?? '', locale) > 0);
}

/** Headcount of the one role a flat plan becomes (the catalogue's default). */
const FLAT_HEADCOUNT = 10;

/**
 * One account-executive role that pays exactly what the plan's flat commissions pay (docs/quotas.md):
 * per component, target pay ÷ quota equals the flat rate and the curve is linear with a cap no one
 * reaches (no threshold, decelerator and accelerator 1, cap 100×), so expected payout = rate × outcome
 * in every year and the effective rates that move effort are the flat rates. Quotas put year-1
 * attainment at 100 %: quota_c = outcome_c ÷ headcount, OTE = Σ rate_c·quota_c, weight_c =
 * rate_c·quota_c ÷ OTE, all variable. The flat rates and the clawback move onto the role (set to 0).
 * `years` are the plan's last results (a component with no outcome in year 1 takes its largest year).
 * Undefined when the plan pays no commission or already has roles.
 */
export function flatEquivalent(row: DraftRow, years: readonly YearRow[], locale: string): PlanKeys | undefined {
  if (hasRoles(row) || years.length === 0) return undefined;
  const rate = (key: string) => parseField(findSpec(key)!, row.values[key] ?? '', locale);
  const parts: { component: ComponentId; rate: number; quota: number }[] = [];
  for (const [component, key] of FLAT_RATES) {
    const r = rate(key);
    if (!(r > 0)) continue;
    const outcome = outcomeOf(years[0], component) || Math.max(...years.map((y) => outcomeOf(y, component)));
    const quota = quotaFor(outcome, FLAT_HEADCOUNT);
    if (quota !== undefined) parts.push({ component, rate: r, quota });
  }
  const clawback = rate('clawback');
  if (parts.length === 0 || !Number.isFinite(clawback)) return undefined;
  const ote = parts.reduce((sum, p) => sum + p.rate * p.quota, 0);
  const role = newRole('ae', parts.map((p) => p.component));
  Object.assign(role.values, { headcount: FLAT_HEADCOUNT, ote, variableShare: 1, clawback });
  for (const p of parts) Object.assign(role.components[p.component]!, { weight: (p.rate * p.quota) / ote, quota: p.quota, cap: 100 });
  const set: Raw = { commissionNew: '0', commissionRenewal: '0', commissionExpansion: '0', clawback: '0' };
  Object.assign(set, quotaTexts(Object.fromEntries(roleEntries(role)), locale));
  return { type: 'planKeys', id: row.id, set };
}

/** Components a role of some plan could still be paid on, in catalogue order. */
export function missingComponents(row: DraftRow, role: RoleId): ComponentId[] {
  const have = layoutOf(row.values).get(role) ?? [];
  return COMPONENTS.map((c) => c.id as ComponentId).filter((c) => !have.includes(c));
}

/**
 * The quota layer of a plan in the draft (MODEL.md section 8, docs/quotas.md). A plan row's texts hold
 * its quota keys (`ae.headcount`, `ae.newArr.quota`) beside the flat ones, every field of each role and
 * component written out, so the designer shows them all and a removed role is simply a removed key.
 * Ranges, units, labels and meanings come from QUOTA_CATALOGUE through findQuotaKey.
 */
import {
  COMPONENTS, findQuotaKey, isQuotaKeyName, roleEntries, ROLES, rolesOf,
  type AssumptionSpec, type ComponentId, type Language, type PlanValues, type RoleId,
} from '../../engine';
import { displayText, parseNumber } from '../../i18n';

const specs = new Map<string, AssumptionSpec>();

/**
 * A quota key's catalogue row in the shape the pane's inputs and field checks take: the key is the
 * plan key, the label the catalogue's short one ("Quota"). One object per key, so memoised inputs keep it.
 */
export function quotaFieldSpec(name: string): AssumptionSpec | undefined {
  let spec = specs.get(name);
  if (!spec) {
    const key = findQuotaKey(name);
    if (!key) return undefined;
    spec = { ...key.spec, key: name, scope: 'plan' };
    specs.set(name, spec);
  }
  return spec;
}

/** The quota keys among a row's texts. */
export function quotaKeysIn(values: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(values).filter((k) => isQuotaKeyName(k) && findQuotaKey(k) !== undefined);
}

/** The record without its quota keys (the rest of a plan row's loaded values). */
export function withoutQuotaKeys<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!isQuotaKeyName(k)) out[k] = v;
  return out as T;
}

/** "Account executive · New ARR · Quota" (a field's full name in messages); undefined for a flat key. */
export function quotaLabel(name: string, lang: Language): string | undefined {
  const key = isQuotaKeyName(name) ? findQuotaKey(name) : undefined;
  if (!key) return undefined;
  const role = ROLES.find((r) => r.id === key.role)!.label[lang];
  const component = key.component && COMPONENTS.find((c) => c.id === key.component)!.label[lang];
  return [role, component, key.spec.label[lang]].filter(Boolean).join(' · ');
}

/**
 * The texts of a plan's quota layer: every field of every role and component (catalogue defaults where
 * a key is absent). Weights that add up to 1 keep adding up to 1 in their six-decimal texts: the last
 * weight of a role takes what the others leave (1/3 + 1/3 + 1/3 → 33.333333 + 33.333333 + 33.333334).
 */
export function quotaTexts(plan: Readonly<Record<string, number>>, locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of rolesOf(plan as PlanValues)) {
    for (const [name, v] of roleEntries(role)) out[name] = displayText(quotaFieldSpec(name)!, v, locale);
    const weights = (Object.keys(role.components) as ComponentId[]).map((c) => ({ name: `${role.id}.${c}.weight`, value: role.components[c]!.weight }));
    Object.assign(out, weightTexts(weights, locale));
  }
  return out;
}

/** Weight texts (percent, six decimals) that add up exactly when the weights add up to 1. */
export function weightTexts(weights: readonly { name: string; value: number }[], locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  const sum = weights.reduce((s, w) => s + w.value, 0);
  const percent = weights.map((w) => Math.round(w.value * 1e8) / 1e6);
  if (weights.length > 1 && Math.abs(sum - 1) <= 1e-9) {
    percent[percent.length - 1] = Math.round((100 - percent.slice(0, -1).reduce((s, p) => s + p, 0)) * 1e6) / 1e6;
  }
  weights.forEach((w, i) => { out[w.name] = displayText(quotaFieldSpec(w.name)!, percent[i] / 100, locale); });
  return out;
}

/**
 * A weight's text as a reader wants it (issue 15): the stored six-decimal percentage "30.827203" shows
 * as "30.8" (one decimal; two significant digits under 1 %; trailing zeros dropped; "30,8" in Spanish), the "%" being the
 * field's unit. Undefined when the text is not a number (shown as typed, with its error) or already short.
 */
export function weightDisplay(text: string, locale: string): string | undefined {
  const percent = parseNumber(text, locale);
  if (!Number.isFinite(percent)) return undefined;
  // Under 1 %, two significant digits (0.25, 0.0001): a small weight never reads as 0.
  const small = percent !== 0 && Math.abs(percent) < 1;
  const short = new Intl.NumberFormat(locale, small ? { maximumSignificantDigits: 2, useGrouping: false } : { maximumFractionDigits: 1, useGrouping: false }).format(percent);
  return short === text.trim() ? undefined : short;
}

/** AssumptionTable's displayOf for the designer's tables: weights short, every other field as stored. */
export const quotaDisplayOf = (spec: AssumptionSpec) => (spec.key.endsWith('.weight') ? weightDisplay : undefined);

/** The roles and components a row's texts define, in catalogue order. */
export function layoutOf(values: Readonly<Record<string, unknown>>): Map<RoleId, ComponentId[]> {
  const found = new Map<RoleId, Set<ComponentId>>();
  for (const name of quotaKeysIn(values)) {
    const key = findQuotaKey(name)!;
    const set = found.get(key.role) ?? new Set<ComponentId>();
    if (key.component) set.add(key.component);
    found.set(key.role, set);
  }
  const out = new Map<RoleId, ComponentId[]>();
  for (const { id } of ROLES) {
    const set = found.get(id);
    if (set) out.set(id, COMPONENTS.map((c) => c.id as ComponentId).filter((c) => set.has(c)));
  }
  return out;
}

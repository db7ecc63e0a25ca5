import {
  COMPONENTS, quotaDefaultsOf, quotaSpecsOf, ROLES,
  type ComponentId, type ComponentValues, type PlanValues, type QuotaSpec, type RoleId, type RoleValues,
} from '../model';

/**
 * The quota layer of a plan, as keys. A plan stays one flat record of numbers (key/value ranges,
 * scenario JSON, the task pane and the Monte Carlo code all handle it as such); its quota layer is the
 * keys `<role>.<field>` (ae.headcount, ae.ote, ae.variableShare, ae.clawback) and
 * `<role>.<component>.<field>` (ae.newArr.weight, ae.newArr.quota, ae.newArr.threshold, …), every name
 * derived here from the catalogue's ROLES, COMPONENTS and QUOTA_CATALOGUE. A role exists when one of its
 * keys is present; a component of a role exists when one of its keys is present.
 */

/** One role of a plan's quota layer: its people and pay, and the components it is paid on. */
export interface Role {
  id: RoleId;
  values: RoleValues;
  /** Only the components the role is paid on, in COMPONENTS order; their weights add up to 1. */
  components: Partial<Record<ComponentId, ComponentValues>>;
}

/** One quota key: its name in a plan, whose role (and component) it belongs to, and its catalogue row. */
export interface QuotaKey {
  name: string;
  role: RoleId;
  component?: ComponentId;
  spec: QuotaSpec;
}

export function roleKey(role: RoleId, field: string): string {
  return `${role}.${field}`;
}

export function componentKey(role: RoleId, component: ComponentId, field: string): string {
  return `${role}.${component}.${field}`;
}

let all: { list: QuotaKey[]; byName: Map<string, QuotaKey> } | undefined;
function index() {
  if (!all) {
    const list: QuotaKey[] = [];
    for (const { id: role } of ROLES) {
      for (const spec of quotaSpecsOf('role')) list.push({ name: roleKey(role, spec.key), role, spec });
      for (const { id: component } of COMPONENTS) {
        for (const spec of quotaSpecsOf('component')) list.push({ name: componentKey(role, component, spec.key), role, component, spec });
      }
    }
    all = { list, byName: new Map(list.map((k) => [k.name, k])) };
  }
  return all;
}

/** Every quota key a plan may hold, role by role. */
export function quotaKeys(): readonly QuotaKey[] {
  return index().list;
}

export function findQuotaKey(name: string): QuotaKey | undefined {
  return index().byName.get(name);
}

/** Flat catalogue keys never contain a dot; quota keys always do. */
export function isQuotaKeyName(key: string): boolean {
  return key.includes('.');
}

/**
 * Whether a plan has a quota layer. The plain-formula workbook mirrors flat plans only: it checks
 * this to say so instead of showing numbers that ignore the quota layer.
 */
export function planUsesQuotas(plan: PlanValues): boolean {
  for (const key in plan) if (isQuotaKeyName(key)) return true;
  return false;
}

/** The roles of a plan, in ROLES order, with catalogue defaults where a key is absent. */
export function rolesOf(plan: PlanValues): Role[] {
  const values = plan as Record<string, number>;
  const roles = new Map<RoleId, Role>();
  for (const name of Object.keys(values)) {
    const key = isQuotaKeyName(name) ? findQuotaKey(name) : undefined;
    if (!key) continue;
    let role = roles.get(key.role);
    if (!role) roles.set(key.role, (role = { id: key.role, values: quotaDefaultsOf('role'), components: {} }));
    if (key.component) {
      const component = (role.components[key.component] ??= quotaDefaultsOf('component'));
      component[key.spec.key as keyof ComponentValues] = values[name];
    } else {
      role.values[key.spec.key as keyof RoleValues] = values[name];
    }
  }
  return ROLES.filter((r) => roles.has(r.id)).map((r) => {
    const role = roles.get(r.id)!;
    const components: Role['components'] = {};
    for (const { id } of COMPONENTS) if (role.components[id]) components[id] = role.components[id];
    return { ...role, components };
  });
}

/**
 * A new role with the catalogue's defaults, paid on `components` with equal weights (a starting point
 * for a plan designer; its quotas are the catalogue's placeholder until set).
 */
export function newRole(id: RoleId, components: readonly ComponentId[]): Role {
  const role: Role = { id, values: quotaDefaultsOf('role'), components: {} };
  for (const { id: c } of COMPONENTS) {
    if (components.includes(c)) role.components[c] = { ...quotaDefaultsOf('component'), weight: 1 / components.length };
  }
  return role;
}

/** A role as plan keys, every field written out. */
export function roleEntries(role: Role): [string, number][] {
  const out: [string, number][] = Object.entries(role.values).map(([field, v]) => [roleKey(role.id, field), v]);
  for (const { id } of COMPONENTS) {
    const c = role.components[id];
    if (c) for (const [field, v] of Object.entries(c)) out.push([componentKey(role.id, id, field), v]);
  }
  return out;
}

/** The plan with its quota layer replaced by `roles` (none: a flat plan again). */
export function withRoles(plan: PlanValues, roles: readonly Role[]): PlanValues {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(plan)) if (!isQuotaKeyName(key)) out[key] = v;
  for (const role of roles) for (const [key, v] of roleEntries(role)) out[key] = v;
  return out as PlanValues;
}

/** Target variable pay per person on one component: on-target earnings × variable share × weight. */
export function targetPay(role: Role, component: ComponentValues): number {
  return role.values.ote * role.values.variableShare * component.weight;
}

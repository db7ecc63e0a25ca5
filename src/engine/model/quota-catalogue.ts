import type { ValueSpec } from './catalogue';

/**
 * The quota layer's catalogue (MODEL.md section 8). A plan may pay roles on quotas instead of (or
 * besides) flat rates. These rows are kept out of catalogue.ts's CATALOGUE on purpose: CATALOGUE is what the flat forms, CEQ.DEFAULTS and the
 * assumptions ranges list, one value per key, while these keys repeat per role and component. In a
 * key/value range they are spelled `<role>.<field>` and `<role>.<component>.<field>` (ae.headcount,
 * ae.newArr.quota): see src/engine/quota/quota-plan.ts, which derives every name from the tables below.
 */

/** The roles a plan may pay on quotas. */
export const ROLES = [
  { id: 'ae', label: { en: 'Account executive', es: 'Ejecutivo de cuentas' },
    meaning: { en: 'Wins new customers.', es: 'Capta clientes nuevos.' } },
  { id: 'am', label: { en: 'Account manager', es: 'Gestor de cuentas' },
    meaning: { en: 'Renews and grows existing accounts.', es: 'Renueva y amplía las cuentas existentes.' } },
  { id: 'cs', label: { en: 'Customer success', es: 'Éxito de cliente' },
    meaning: { en: 'Keeps customers using the product: adoption, renewals, saves.', es: 'Mantiene a los clientes usando el producto: adopción, renovaciones, rescates.' } },
  { id: 'support', label: { en: 'Support', es: 'Soporte' },
    meaning: { en: 'Resolves service contacts.', es: 'Resuelve los contactos de soporte.' } },
] as const;

/** What a role can be paid on: each component is measured by one modeled outcome, in ARR a year. */
export const COMPONENTS = [
  { id: 'newArr', label: { en: 'New ARR', es: 'ARR nuevo' },
    meaning: { en: 'ARR of the new customers won in the year; moves effort toward acquiring.',
      es: 'ARR de los clientes nuevos ganados en el año; lleva esfuerzo hacia captar.' } },
  { id: 'renewal', label: { en: 'Renewal', es: 'Renovación' },
    meaning: { en: 'ARR renewed in the year; moves effort toward retaining.', es: 'ARR renovado en el año; lleva esfuerzo hacia retener.' } },
  { id: 'expansion', label: { en: 'Expansion', es: 'Expansión' },
    meaning: { en: 'Expansion ARR of the year; moves effort toward expanding.', es: 'ARR de expansión del año; lleva esfuerzo hacia ampliar.' } },
  { id: 'service', label: { en: 'Service outcome', es: 'Resultado de servicio' },
    meaning: { en: 'ARR rescued by service in the year (churn avoided by resolving and saving); moves service effort toward resolving.',
      es: 'ARR rescatado por soporte en el año (abandono evitado al resolver y rescatar); lleva el esfuerzo de soporte hacia resolver.' } },
] as const;

export type RoleId = (typeof ROLES)[number]['id'];
export type ComponentId = (typeof COMPONENTS)[number]['id'];

/** `role` rows are set once per role, `component` rows once per component of a role. */
export type QuotaScope = 'role' | 'component';

export interface QuotaSpec extends ValueSpec {
  readonly scope: QuotaScope;
}

const quotaSpec = <K extends string, S extends QuotaScope>(s: QuotaSpec & { key: K; scope: S }) => s;

export const QUOTA_CATALOGUE = [
  quotaSpec({ key: 'headcount', scope: 'role', unit: 'count', min: 0.1, max: 100_000, defaultValue: 10,
    label: { en: 'Headcount', es: 'Plantilla' },
    meaning: { en: 'People in the role (full-time equivalents).', es: 'Personas en el puesto (equivalentes a jornada completa).' } }),
  quotaSpec({ key: 'ote', scope: 'role', unit: 'currency', min: 0, max: 100_000_000, defaultValue: 150_000,
    label: { en: 'On-target earnings', es: 'Retribución objetivo' },
    meaning: { en: 'Pay per person per year at 100 % attainment: base salary plus target variable pay.',
      es: 'Retribución anual por persona al 100 % de cumplimiento: salario fijo más variable objetivo.' } }),
  quotaSpec({ key: 'variableShare', scope: 'role', unit: 'share', min: 0, max: 1, defaultValue: 0.5,
    label: { en: 'Variable share', es: 'Parte variable' },
    meaning: { en: 'Share of on-target earnings paid on the components; the rest is base salary, reported but not in comp cost.',
      es: 'Parte de la retribución objetivo pagada por los componentes; el resto es salario fijo, que se informa pero no entra en el coste de retribución.' } }),
  quotaSpec({ key: 'clawback', scope: 'role', unit: 'share', min: 0, max: 1, defaultValue: 0,
    label: { en: 'Clawback', es: 'Recuperación de comisión' },
    meaning: { en: 'Share of the new-ARR payout returned when the customer leaves at its first renewal.',
      es: 'Parte del pago por ARR nuevo que se devuelve si el cliente se va en su primera renovación.' } }),
  quotaSpec({ key: 'weight', scope: 'component', unit: 'share', min: 0, max: 1, defaultValue: 1,
    label: { en: 'Weight', es: 'Peso' },
    meaning: { en: 'Share of the role\'s target variable pay on this component; the weights of a role add up to 1.',
      es: 'Parte del variable objetivo del puesto ligada a este componente; los pesos de un puesto suman 1.' } }),
  quotaSpec({ key: 'quota', scope: 'component', unit: 'currency', min: 1, max: 1e12, defaultValue: 1_000_000,
    label: { en: 'Quota', es: 'Cuota' },
    meaning: { en: 'Outcome per person per year (ARR) that pays 100 % of the component\'s target. Required: the default only pre-fills a form.',
      es: 'Resultado por persona y año (ARR) que paga el 100 % del objetivo del componente. Obligatoria: el valor por defecto solo rellena un formulario.' } }),
  quotaSpec({ key: 'threshold', scope: 'component', unit: 'share', min: 0, max: 1, defaultValue: 0,
    label: { en: 'Threshold', es: 'Umbral' },
    meaning: { en: 'Attainment below which the component pays nothing.', es: 'Cumplimiento por debajo del cual el componente no paga nada.' } }),
  quotaSpec({ key: 'decelerator', scope: 'component', unit: 'multiplier', min: 0, max: 10, defaultValue: 1,
    label: { en: 'Decelerator', es: 'Decelerador' },
    meaning: { en: 'Slope of the payout below quota: payout falls this many points per point of attainment short of quota (1 = one for one; 2 pays 80 % attainment 60 %).',
      es: 'Pendiente del pago por debajo de la cuota: el pago baja tantos puntos por cada punto que falta para la cuota (1 = uno por uno; 2 paga un 60 % por un 80 % de cumplimiento).' } }),
  quotaSpec({ key: 'accelerator', scope: 'component', unit: 'multiplier', min: 0, max: 10, defaultValue: 1,
    label: { en: 'Accelerator', es: 'Acelerador' },
    meaning: { en: 'Slope of the payout above quota (2 pays 110 % attainment 120 % of target).',
      es: 'Pendiente del pago por encima de la cuota (2 paga un 120 % del objetivo por un 110 % de cumplimiento).' } }),
  quotaSpec({ key: 'cap', scope: 'component', unit: 'multiplier', min: 1, max: 100, defaultValue: 3,
    label: { en: 'Cap', es: 'Tope' },
    meaning: { en: 'Most the component pays, as a multiple of its target (3 = 300 %).', es: 'Máximo que paga el componente, como múltiplo de su objetivo (3 = 300 %).' } }),
] as const;

export type QuotaKeyOf<S extends QuotaScope> = Extract<(typeof QUOTA_CATALOGUE)[number], { scope: S }>['key'];
export type RoleField = QuotaKeyOf<'role'>;
export type ComponentField = QuotaKeyOf<'component'>;
export type RoleValues = Record<RoleField, number>;
export type ComponentValues = Record<ComponentField, number>;

export function quotaSpecsOf(scope: QuotaScope): QuotaSpec[] {
  return QUOTA_CATALOGUE.filter((s) => s.scope === scope);
}

export function quotaDefaultsOf<S extends QuotaScope>(scope: S): Record<QuotaKeyOf<S>, number> {
  const out: Record<string, number> = {};
  for (const s of QUOTA_CATALOGUE) if (s.scope === scope) out[s.key] = s.defaultValue;
  return out as Record<QuotaKeyOf<S>, number>;
}

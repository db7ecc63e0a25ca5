import type { Problem, ProblemCode } from './errors';

/** The one place where problem texts live, in both languages the product speaks. */
export type Language = 'en' | 'es';

type Template = (p: Problem, value: string, range: string) => string;

const en: Record<ProblemCode, Template> = {
  notANumber: (p, v, r) => `${p.key}: "${v}" is not a number${r ? `; valid range ${r}` : ''}`,
  outOfRange: (p, v, r) => `${p.key}: ${v} is outside the valid range ${r}`,
  notInteger: (p, v, r) => `${p.key}: ${v} must be a whole number${r ? ` in ${r}` : ''}`,
  notAllowed: (p, v) => `${p.key}: ${v} is not allowed; use one of ${p.suggestion}`,
  unknownKey: (p) => `unknown key "${p.key}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  missing: (p) => `${p.key} is required${p.detail ? ` (${p.detail})` : ''}`,
  blankUsesDefault: (p, v) => `${p.key} is blank, so its default ${v} is used`,
  inconsistent: (p) => `${p.key}: ${p.detail ?? 'values are inconsistent'}`,
  emptyData: (p) => `${p.key}: no data${p.detail ? ` (${p.detail})` : ''}`,
  tooFewPoints: (p) => `${p.key}: too few data points${p.detail ? ` (${p.detail})` : ''}`,
  nonMonotone: (p, v) => `${p.key}: survivor counts must never rise, but ${v} does`,
  notConverged: (p) => `${p.key}: the fit did not converge${p.detail ? ` (${p.detail})` : ''}`,
  never: (p) => `${p.key}: never happens within the horizon`,
  tooLarge: (p, v, r) => `${p.key}: ${v} is too large; the limit is ${limit(p, r)}${p.detail ? ` (${p.detail})` : ''}`,
  badShape: (p) => `${p.key}: ${p.detail ?? 'the range has the wrong shape'}`,
  badDistribution: (p) => `${p.key}: ${p.detail ?? 'invalid distribution parameters'}`,
  cancelled: () => 'the calculation was cancelled',
  notUncertain: (p) => `${p.key}: cannot carry a distribution (${(p.detail && CANNOT_VARY.en[p.detail]) ?? p.detail ?? ''})`,
  infeasible: (p, v) => `${p.key}: ${v} cannot be met within the bounds; the lowest reachable is ${formatValue(p.min)}`,
  weightsSum: (p, v) => `${p.key}: the component weights of a role must add up to 1, not ${v}`,
};

const es: Record<ProblemCode, Template> = {
  notANumber: (p, v, r) => `${p.key}: "${v}" no es un número${r ? `; rango válido ${r}` : ''}`,
  outOfRange: (p, v, r) => `${p.key}: ${v} está fuera del rango válido ${r}`,
  notInteger: (p, v, r) => `${p.key}: ${v} debe ser un número entero${r ? ` en ${r}` : ''}`,
  notAllowed: (p, v) => `${p.key}: ${v} no está permitido; use uno de ${p.suggestion}`,
  unknownKey: (p) => `clave desconocida "${p.key}"${p.suggestion ? `; ¿quiso decir "${p.suggestion}"?` : ''}`,
  missing: (p) => `${p.key} es obligatorio${p.detail ? ` (${p.detail})` : ''}`,
  blankUsesDefault: (p, v) => `${p.key} está en blanco; se usa su valor por defecto ${v}`,
  inconsistent: (p) => `${p.key}: ${p.detail ?? 'los valores son incoherentes'}`,
  emptyData: (p) => `${p.key}: no hay datos${p.detail ? ` (${p.detail})` : ''}`,
  tooFewPoints: (p) => `${p.key}: muy pocos datos${p.detail ? ` (${p.detail})` : ''}`,
  nonMonotone: (p, v) => `${p.key}: los supervivientes nunca pueden aumentar, pero ${v} aumenta`,
  notConverged: (p) => `${p.key}: el ajuste no convergió${p.detail ? ` (${p.detail})` : ''}`,
  never: (p) => `${p.key}: no ocurre dentro del horizonte`,
  tooLarge: (p, v, r) => `${p.key}: ${v} es demasiado grande; el límite es ${limit(p, r)}${p.detail ? ` (${p.detail})` : ''}`,
  badShape: (p) => `${p.key}: ${p.detail ?? 'el rango no tiene la forma correcta'}`,
  badDistribution: (p) => `${p.key}: ${p.detail ?? 'parámetros de distribución no válidos'}`,
  cancelled: () => 'se canceló el cálculo',
  notUncertain: (p) => `${p.key}: no puede llevar una distribución (${(p.detail && CANNOT_VARY.es[p.detail]) ?? p.detail ?? ''})`,
  infeasible: (p, v) => `${p.key}: ${v} no se puede cumplir dentro de los límites; lo mínimo alcanzable es ${formatValue(p.min)}`,
  weightsSum: (p, v) => `${p.key}: los pesos de los componentes de un puesto deben sumar 1, no ${v}`,
};

/** Why a key cannot carry a distribution (Problem.detail of notUncertain). */
const CANNOT_VARY: Record<Language, Record<string, string>> = {
  en: {
    plan: 'plan rates are decisions, not uncertain assumptions: compare plans instead',
    whole: 'a whole-number or choice setting: run one scenario per value instead',
    effort: 'the three effort shares must add up to 1, so one cannot vary alone',
    flatChurn: 'this segment has flat churn: set both sBG parameters above 0 first',
  },
  es: {
    plan: 'las tasas del plan son decisiones, no supuestos inciertos: compare planes',
    whole: 'es un ajuste entero o de opción: ejecute un escenario por valor',
    effort: 'los tres repartos de esfuerzo deben sumar 1, así que uno no puede variar solo',
    flatChurn: 'este segmento tiene abandono constante: fije antes ambos parámetros sBG por encima de 0',
  },
};

/** A limit with no lower end is just its maximum ("1", not "−∞ – 1"). */
function limit(p: Problem, range: string): string {
  return p.min === undefined && p.max !== undefined ? String(p.max) : range;
}

const templates: Record<Language, Record<ProblemCode, Template>> = { en, es };

const BLANK: Record<Language, string> = { en: '(blank)', es: '(en blanco)' };

function formatValue(value: unknown, language: Language = 'en'): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(+value.toPrecision(12)) : String(value);
  if (value === null || value === undefined || value === '') return BLANK[language];
  return String(value);
}

function formatRange(p: Problem): string {
  if (p.min === undefined && p.max === undefined) return '';
  return `${p.min ?? '−∞'} to ${p.max ?? '∞'}`.replace(' to ', ' – ');
}

export function describeProblem(problem: Problem, language: Language = 'en'): string {
  return templates[language][problem.code](problem, formatValue(problem.value, language), formatRange(problem));
}

export function describeProblems(problems: readonly Problem[], language: Language = 'en'): string {
  return problems.map((p) => describeProblem(p, language)).join('; ');
}

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
  tooLarge: (p, v, r) => `${p.key}: ${v} is too large; the limit is ${r}`,
  badShape: (p) => `${p.key}: ${p.detail ?? 'the range has the wrong shape'}`,
  badDistribution: (p) => `${p.key}: ${p.detail ?? 'invalid distribution parameters'}`,
  cancelled: () => 'the calculation was cancelled',
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
  tooLarge: (p, v, r) => `${p.key}: ${v} es demasiado grande; el límite es ${r}`,
  badShape: (p) => `${p.key}: ${p.detail ?? 'el rango no tiene la forma correcta'}`,
  badDistribution: (p) => `${p.key}: ${p.detail ?? 'parámetros de distribución no válidos'}`,
  cancelled: () => 'se canceló el cálculo',
};

const templates: Record<Language, Record<ProblemCode, Template>> = { en, es };

function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(+value.toPrecision(12)) : String(value);
  if (value === null || value === undefined || value === '') return '(blank)';
  return String(value);
}

function formatRange(p: Problem): string {
  if (p.min === undefined && p.max === undefined) return '';
  return `${p.min ?? '−∞'} to ${p.max ?? '∞'}`.replace(' to ', ' – ');
}

export function describeProblem(problem: Problem, language: Language = 'en'): string {
  return templates[language][problem.code](problem, formatValue(problem.value), formatRange(problem));
}

export function describeProblems(problems: readonly Problem[], language: Language = 'en'): string {
  return problems.map((p) => describeProblem(p, language)).join('; ');
}

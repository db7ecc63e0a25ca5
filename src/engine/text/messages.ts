import { excerptOf, type Problem } from './errors';
import { DETAILS } from './details';
import type { Detail, Facts, Language, ProblemCode } from './problem';

/**
 * The one place where problem texts live, in both languages the product speaks. A Problem carries
 * facts (key, value, range, args) and, where its code alone does not say enough, a detail id from
 * details.ts's table; nothing else in the engine, the functions or the workbook writes words for a user.
 */
export type { Detail, Facts, Language, Say } from './problem';
export { DETAIL_IDS, isNeutralDetail, type DetailId } from './details';

type Template = (p: Problem, f: Facts & { detail: string; unit: string }) => string;

const en: Record<ProblemCode, Template> = {
  notANumber: (p, f) => `${p.key}: "${f.value}" is not a number${note(f.detail)}${f.range ? `; valid range ${f.range}` : ''}`,
  outOfRange: (p, f) => `${p.key}: ${f.value} is outside the valid range ${f.range}`,
  notInteger: (p, f) => `${p.key}: ${f.value} must be a whole number${f.range ? ` in ${f.range}` : ''}`,
  notAllowed: (p, f) => `${p.key}: ${f.value} is not allowed; use one of ${p.suggestion}`,
  unknownKey: (p) => `unknown key "${p.key}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  missing: (p, f) => `${p.key} is required${note(f.detail)}`,
  blankUsesDefault: (p, f) => `${p.key} is blank, so its default ${f.value} is used`,
  inconsistent: (p, f) => `${p.key}: ${f.detail || 'values are inconsistent'}`,
  emptyData: (p, f) => `${p.key}: no data${note(f.detail)}`,
  tooFewPoints: (p, f) => `${p.key}: too few data points${note(f.detail)}`,
  nonMonotone: (p, f) => `${p.key}: survivor counts must never rise, but ${f.value} does`,
  notConverged: (p, f) => `${p.key}: the fit did not converge${note(f.detail)}`,
  never: (p) => `${p.key}: never happens within the horizon`,
  tooLarge: (p, f) => `${p.key}: ${f.value}${f.unit} is too large; the limit is ${limit(p, f)}${note(f.detail)}`,
  badShape: (p, f) => `${p.key}: ${f.detail || 'the range has the wrong shape'}`,
  badDistribution: (p, f) => `${p.key}: ${f.detail || 'invalid distribution parameters'}`,
  cancelled: () => 'the calculation was cancelled',
  notUncertain: (p, f) => `${p.key}: cannot carry a distribution (${f.detail})`,
  infeasible: (p, f) => `${p.key}: ${f.value} cannot be met within the bounds; the lowest reachable is ${f.n(p.min)}`,
  weightsSum: (p, f) => `${p.key}: the component weights of a role must add up to 1, not ${f.value}`,
};

const es: Record<ProblemCode, Template> = {
  notANumber: (p, f) => `${p.key}: "${f.value}" no es un número${note(f.detail)}${f.range ? `; rango válido ${f.range}` : ''}`,
  outOfRange: (p, f) => `${p.key}: ${f.value} está fuera del rango válido ${f.range}`,
  notInteger: (p, f) => `${p.key}: ${f.value} debe ser un número entero${f.range ? ` en ${f.range}` : ''}`,
  notAllowed: (p, f) => `${p.key}: ${f.value} no está permitido; use uno de ${p.suggestion}`,
  unknownKey: (p) => `clave desconocida "${p.key}"${p.suggestion ? `; ¿quiso decir "${p.suggestion}"?` : ''}`,
  missing: (p, f) => `${p.key} es obligatorio${note(f.detail)}`,
  blankUsesDefault: (p, f) => `${p.key} está en blanco; se usa su valor por defecto ${f.value}`,
  inconsistent: (p, f) => `${p.key}: ${f.detail || 'los valores son incoherentes'}`,
  emptyData: (p, f) => `${p.key}: no hay datos${note(f.detail)}`,
  tooFewPoints: (p, f) => `${p.key}: muy pocos datos${note(f.detail)}`,
  nonMonotone: (p, f) => `${p.key}: los supervivientes nunca pueden aumentar, pero ${f.value} aumenta`,
  notConverged: (p, f) => `${p.key}: el ajuste no convergió${note(f.detail)}`,
  never: (p) => `${p.key}: no ocurre dentro del horizonte`,
  tooLarge: (p, f) => `${p.key}: ${f.value}${f.unit} es demasiado grande; el límite es ${limit(p, f)}${note(f.detail)}`,
  badShape: (p, f) => `${p.key}: ${f.detail || 'el rango no tiene la forma correcta'}`,
  badDistribution: (p, f) => `${p.key}: ${f.detail || 'parámetros de distribución no válidos'}`,
  cancelled: () => 'se canceló el cálculo',
  notUncertain: (p, f) => `${p.key}: no puede llevar una distribución (${f.detail})`,
  infeasible: (p, f) => `${p.key}: ${f.value} no se puede cumplir dentro de los límites; lo mínimo alcanzable es ${f.n(p.min)}`,
  weightsSum: (p, f) => `${p.key}: los pesos de los componentes de un puesto deben sumar 1, no ${f.value}`,
};

const templates: Record<Language, Record<ProblemCode, Template>> = { en, es };

const note = (detail: string) => (detail ? ` (${detail})` : '');

/** A limit with no lower end is just its maximum ("1", not "−∞ – 1"). */
function limit(p: Problem, f: Facts): string {
  return p.min === undefined && p.max !== undefined ? f.n(p.max) : f.range;
}

const BLANK: Record<Language, string> = { en: '(blank)', es: '(en blanco)' };

/**
 * A number as a message in `language` writes it: 12 significant digits, no grouping, a decimal point
 * in English (0.95) and a decimal comma in Spanish (0,95); infinities as ∞ and −∞.
 */
export function formatNumber(x: number, language: Language = 'en'): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  const text = String(+x.toPrecision(12));
  return language === 'es' ? text.replace('.', ',') : text;
}

/**
 * A problem's value: numbers as formatNumber writes them, text as typed, nothing as "(blank)", a list or
 * an object as a short JSON excerpt (never "[object Object]", and never by calling anything it holds).
 */
function formatValue(value: unknown, language: Language): string {
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, language) : String(value);
  if (value === null || value === undefined || value === '') return BLANK[language];
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') return excerptOf(value);
  return String(value);
}

function factsOf(p: Problem, language: Language): Facts {
  const n = (x: unknown) => (typeof x === 'number' ? formatNumber(x, language) : String(x));
  const range = p.min === undefined && p.max === undefined ? '' : `${p.min === undefined ? '−∞' : n(p.min)} – ${p.max === undefined ? '∞' : n(p.max)}`;
  // A Spanish interval separates its ends with ";", since "," is its decimal mark.
  const interval = (lo: unknown, hi: unknown) => `[${n(lo)}${language === 'es' ? ';' : ','} ${n(hi)}]`;
  return { value: formatValue(p.value, language), range, n, interval, a: p.args ?? {} };
}

export function describeProblem(problem: Problem, language: Language = 'en'): string {
  const facts = factsOf(problem, language);
  const detail: Detail | undefined = problem.detail === undefined ? undefined : DETAILS[problem.detail];
  const text = detail ? detail[language](problem, facts) : '';
  if (detail?.place === 'whole') return `${problem.key}: ${text}`;
  const unit = detail?.place === 'unit' ? ` ${text}` : '';
  return templates[language][problem.code](problem, { ...facts, detail: unit ? '' : text, unit });
}

export function describeProblems(problems: readonly Problem[], language: Language = 'en'): string {
  return problems.map((p) => describeProblem(p, language)).join('; ');
}

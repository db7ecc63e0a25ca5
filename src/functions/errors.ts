/**
 * Errors of the custom functions, in one place. Only #VALUE! (invalidValue) and #N/A (notAvailable)
 * carry a message in Excel (EXCEL.md), so every failure becomes one of those two: an engine
 * ModelError keeps its kind, anything unexpected becomes #VALUE! with a short text (never an
 * unhandled exception). Messages come from the engine's describeProblem, in the add-in's display
 * language when Office tells us, English otherwise.
 */
import { describeProblem, formatNumber, ModelError, type ErrorKind, type Language, type Problem } from '../engine';

/** The error a function throws: a CustomFunctions.Error where the runtime has one, else this shape. */
export interface FunctionError {
  code: string;
  message: string;
}

/** Excel's codes (CustomFunctions.ErrorCode values), used when the runtime is absent (tests, preview). */
const FALLBACK_CODE: Record<ErrorKind, string> = { invalid: '#VALUE!', notAvailable: '#N/A' };

class PlainFunctionError extends Error implements FunctionError {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'FunctionError';
    this.code = code;
  }
}

interface Runtime {
  Error: new (code: unknown, message?: string) => FunctionError;
  ErrorCode: { invalidValue: unknown; notAvailable: unknown };
}

function runtime(): Runtime | undefined {
  const cf = (globalThis as { CustomFunctions?: Partial<Runtime> }).CustomFunctions;
  return cf && typeof cf.Error === 'function' && cf.ErrorCode ? (cf as Runtime) : undefined;
}

/** The add-in's display language: Spanish when Office says so, English otherwise (and outside Office). */
export function displayLanguage(): Language {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const tag = office?.context?.displayLanguage;
    return typeof tag === 'string' && tag.toLowerCase().startsWith('es') ? 'es' : 'en';
  } catch {
    return 'en';
  }
}

/** Excel shows the message as a tooltip: one line, bounded. */
const MAX_MESSAGE = 250;

export function functionError(kind: ErrorKind, message: string): FunctionError {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  const rt = runtime();
  if (rt) return new rt.Error(kind === 'invalid' ? rt.ErrorCode.invalidValue : rt.ErrorCode.notAvailable, text);
  return new PlainFunctionError(FALLBACK_CODE[kind], text);
}

const MORE: Record<Language, (n: number) => string> = {
  en: (n) => ` (and ${n} more problem${n === 1 ? '' : 's'})`,
  es: (n) => ` (y ${n} problema${n === 1 ? '' : 's'} más)`,
};

const INTERNAL: Record<Language, string> = {
  en: 'unexpected error in the add-in',
  es: 'error inesperado en el complemento',
};

/** Units in which a plain number is easily typed 100 times too large (10 instead of 10 %). */
const FRACTION_UNITS = new Set(['share', 'rate']);
const PERCENT_HINT: Record<Language, (v: string) => string> = {
  en: (v) => ` (percentages are fractions: did you mean ${v}%?)`,
  es: (v) => ` (los porcentajes son fracciones: ¿quiso decir ${v} %?)`,
};

/**
 * Whether an out-of-range value looks like a percentage typed as a whole number: the key's unit is a
 * fraction (share or rate), the value is above 1 and at most 100, and a hundredth of it is valid. A
 * value whose hundredth is still out of range (or a key counted in years, multiples, money) gets no hint.
 */
export function looksLikePercent(problem: Problem, unit: string | undefined): boolean {
  const v = problem.value;
  if (problem.code !== 'outOfRange' || !unit || !FRACTION_UNITS.has(unit) || typeof v !== 'number' || !(v > 1 && v <= 100)) return false;
  return (problem.min === undefined || v / 100 >= problem.min) && (problem.max === undefined || v / 100 <= problem.max);
}

/** A problem in the user's language, with a hint when a percentage was typed as a whole number. */
export function problemText(problem: Problem, language: Language, unit?: string): string {
  const text = describeProblem(problem, language);
  return looksLikePercent(problem, unit) ? text + PERCENT_HINT[language](formatNumber(problem.value as number, language)) : text;
}

/** The text of several problems: the first in full, then how many more (a tooltip has little room). */
export function problemsText(problems: readonly Problem[], language: Language, unitOf?: (key: string) => string | undefined): string {
  if (problems.length === 0) return INTERNAL[language];
  const first = problems[0];
  const text = problemText(first, language, first.key ? unitOf?.(first.key) : undefined);
  return problems.length > 1 ? text + MORE[language](problems.length - 1) : text;
}

/** Carries a problem from argument checks up to the one place that turns it into an Excel error. */
export function invalidArgument(problem: Problem): ModelError {
  return new ModelError('invalid', [problem]);
}

export function isFunctionError(e: unknown): e is FunctionError {
  if (e instanceof PlainFunctionError) return true;
  const rt = runtime();
  return rt !== undefined && e instanceof rt.Error;
}

/** Any thrown value → the error Excel shows. Never rethrows anything else. */
export function toFunctionError(e: unknown, language: Language, unitOf?: (key: string) => string | undefined): FunctionError {
  if (isFunctionError(e)) return e;
  if (e instanceof ModelError) return functionError(e.kind, problemsText(e.problems, language, unitOf));
  const detail = e instanceof Error && e.message ? `: ${e.message}` : '';
  return functionError('invalid', INTERNAL[language] + detail);
}

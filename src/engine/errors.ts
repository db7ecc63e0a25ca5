import type { DetailId } from './messages';

/**
 * Every problem the engine reports is data (a code plus the facts), never a pre-formatted string, so the
 * custom functions, the task pane and the docs can each say it in English or Spanish (see messages.ts).
 */
export type ProblemCode =
  | 'notANumber'
  | 'outOfRange'
  | 'notInteger'
  | 'notAllowed'
  | 'unknownKey'
  | 'missing'
  | 'blankUsesDefault'
  | 'inconsistent'
  | 'emptyData'
  | 'tooFewPoints'
  | 'nonMonotone'
  | 'notConverged'
  | 'never'
  | 'tooLarge'
  | 'badShape'
  | 'badDistribution'
  | 'cancelled'
  | 'notUncertain'
  | 'infeasible'
  | 'weightsSum';

export interface Problem {
  code: ProblemCode;
  /** The assumption key, argument or cell the problem is about. */
  key?: string;
  value?: unknown;
  min?: number;
  max?: number;
  /** For unknownKey: the nearest catalogue key. For notAllowed: the allowed values, comma separated. */
  suggestion?: string;
  /** What the code alone does not say, as an id of messages.ts's table (said there in both languages). */
  detail?: DetailId;
  /** Facts a detail needs that have no field of their own: numbers, keys, identifiers (never words). */
  args?: Readonly<Record<string, number | string>>;
}

/** 'invalid' becomes #VALUE! in Excel, 'notAvailable' becomes #N/A (an answer that does not exist). */
export type ErrorKind = 'invalid' | 'notAvailable';

export class ModelError extends Error {
  readonly kind: ErrorKind;
  readonly problems: Problem[];
  constructor(kind: ErrorKind, problems: Problem[], message?: string) {
    super(message ?? problems.map(describeProblemPlain).join('; '));
    this.name = 'ModelError';
    this.kind = kind;
    this.problems = problems;
  }
}

export function invalid(problem: Problem): ModelError {
  return new ModelError('invalid', [problem]);
}

export function notAvailable(problem: Problem): ModelError {
  return new ModelError('notAvailable', [problem]);
}

/** English fallback used for Error.message; user-facing text comes from messages.ts. */
function describeProblemPlain(p: Problem): string {
  const parts: string[] = [p.code];
  if (p.key !== undefined) parts.push(`key=${p.key}`);
  if (p.value !== undefined) parts.push(`value=${String(p.value)}`);
  if (p.min !== undefined || p.max !== undefined) parts.push(`range=[${p.min ?? ''}, ${p.max ?? ''}]`);
  if (p.suggestion) parts.push(`suggestion=${p.suggestion}`);
  if (p.detail) parts.push(`detail=${p.detail}`);
  if (p.args) parts.push(Object.entries(p.args).map(([k, v]) => `${k}=${String(v)}`).join(' '));
  return parts.join(' ');
}

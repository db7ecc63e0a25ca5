import type { DetailId } from './details';
import type { ProblemFacts } from './problem';

export type { ProblemCode, ProblemFacts } from './problem';

/**
 * Every problem the engine reports is data (a code plus the facts, problem.ts), never a pre-formatted
 * string, so the custom functions, the task pane and the docs can each say it in English or Spanish
 * (messages.ts).
 */
export interface Problem extends ProblemFacts {
  /** What the code alone does not say, as an id of details.ts's table (said there in both languages). */
  detail?: DetailId;
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

/**
 * Any value as a short JSON-like excerpt ({"toString": 1}, [1, [2, …]]), at most `budget` characters.
 * Reads only own enumerable data (never calls toString or valueOf, never recurses deeper than 3
 * levels), so values parsed from any JSON, however deep or odd, can be named in a message.
 */
export function excerptOf(value: unknown, budget = 60): string {
  const out: string[] = [];
  let left = budget;
  const put = (text: string) => {
    if (left <= 0) return false;
    out.push(text.length > left ? `${text.slice(0, left)}…` : text);
    left -= text.length;
    return left > 0;
  };
  const walk = (x: unknown, depth: number): boolean => {
    if (x === null || typeof x === 'number' || typeof x === 'boolean') return put(String(x));
    if (typeof x === 'string') return put(JSON.stringify(x.length > budget ? `${x.slice(0, budget)}…` : x));
    if (typeof x !== 'object') return put(typeof x);
    const list = Array.isArray(x);
    const keys = list ? [] : Object.keys(x);
    const size = list ? (x as unknown[]).length : keys.length;
    if (size === 0) return put(list ? '[]' : '{}');
    if (depth >= 3) return put(list ? '[…]' : '{…}');
    if (!put(list ? '[' : '{')) return false;
    for (let i = 0; i < size; i++) {
      if (i > 0 && !put(', ')) return false;
      if (!list && !put(`${JSON.stringify(keys[i])}: `)) return false;
      if (!walk(list ? (x as unknown[])[i] : (x as Record<string, unknown>)[keys[i]], depth + 1)) return false;
    }
    return put(list ? ']' : '}');
  };
  walk(value, 0);
  return out.join('');
}

/** A value in a plain message: texts and numbers as they are, anything else as an excerpt. */
function plainValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : excerptOf(value);
}

/** English fallback used for Error.message; user-facing text comes from messages.ts. */
function describeProblemPlain(p: Problem): string {
  const parts: string[] = [p.code];
  if (p.key !== undefined) parts.push(`key=${plainValue(p.key)}`);
  if (p.value !== undefined) parts.push(`value=${plainValue(p.value)}`);
  if (p.min !== undefined || p.max !== undefined) parts.push(`range=[${p.min ?? ''}, ${p.max ?? ''}]`);
  if (p.suggestion) parts.push(`suggestion=${plainValue(p.suggestion)}`);
  if (p.detail) parts.push(`detail=${p.detail}`);
  if (p.args) parts.push(Object.entries(p.args).map(([k, v]) => `${k}=${plainValue(v)}`).join(' '));
  return parts.join(' ');
}

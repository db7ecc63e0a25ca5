/**
 * The words-free shapes every text table and template is written against: a problem's code and facts
 * (errors.ts adds the detail id), the languages, and what a detail's text function receives. Nothing
 * here imports anything, so the tables (details.ts and its parts) and errors.ts can all build on it.
 */
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

/** A problem's facts: everything but the detail id (errors.ts's Problem adds `detail`). */
export interface ProblemFacts {
  code: ProblemCode;
  /** The assumption key, argument or cell the problem is about. */
  key?: string;
  value?: unknown;
  min?: number;
  max?: number;
  /** For unknownKey: the nearest catalogue key. For notAllowed: the allowed values, comma separated. */
  suggestion?: string;
  /** Facts a detail needs that have no field of their own: numbers, keys, identifiers (never words). */
  args?: Readonly<Record<string, number | string>>;
}

export type Language = 'en' | 'es';

/** What a template reads besides the problem itself, already written the way `language` writes it. */
export interface Facts {
  /** The problem's value. */
  value: string;
  /** The problem's valid range ("0 – 0.95"), or ''. */
  range: string;
  /** Any fact (a number, a key) as this language writes it: 0.95 in English, 0,95 in Spanish. */
  n: (x: unknown) => string;
  /** [lo, hi] as this language writes an interval: "[0, 0.95]", "[0; 0,95]". */
  interval: (lo: unknown, hi: unknown) => string;
  /** The problem's args (numbers and keys a detail needs that have no field of their own). */
  a: Readonly<Record<string, number | string>>;
}

export type Say = (p: ProblemFacts, f: Facts) => string;

export interface Detail {
  en: Say;
  es: Say;
  /**
   * Where the text goes: by default the code's template places it (a note in parentheses, or the
   * whole explanation of `inconsistent`, `badShape`, `badDistribution`); `whole` makes it everything
   * after the key; `unit` names what the value counts (5001 rows is too large).
   */
  place?: 'whole' | 'unit';
  /** The same in both languages: keys, formulas and identifiers only (no words to translate). */
  neutral?: true;
}

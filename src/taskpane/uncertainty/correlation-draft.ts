/**
 * The correlation matrix and the stopping tolerance as the user types them in the Uncertainty tab,
 * and from them what the engine takes (a CorrelationInput, a Tolerance) or the fields to mark. Rows
 * are named by their label in the uncertainty table (churn, SMB.churn); only the chosen rows are in
 * the matrix, the others stay independent. Texts are in the reader's locale.
 */
import { correlationProblems, nearestCorrelation, type CorrelationInput, type Tolerance, type UncertaintyRow } from '../../engine';
import { parseNumber } from '../../i18n';

export interface CorrelationDraft {
  /** Labels of the rows in the matrix, in table order. */
  chosen: string[];
  /** "a|b" (a before b in `chosen`) → the typed rank correlation. */
  cells: Record<string, string>;
  /** Stop when every probability's standard error is under this many percentage points ('' = run every trial). */
  tolerance: string;
}

export const emptyCorrelation = (): CorrelationDraft => ({ chosen: [], cells: {}, tolerance: '' });

export const labelOf = (r: Pick<UncertaintyRow, 'key' | 'segment'>) => (r.segment ? `${r.segment}.${r.key}` : r.key);
export const pairKey = (a: string, b: string) => `${a}|${b}`;

export interface CorrelationEvaluation {
  correlation?: CorrelationInput;
  tolerance?: Tolerance;
  /** Field ("a|b", "tolerance") → what is wrong. */
  bad: Set<string>;
  /** Set when the matrix is valid entry by entry but not positive semi-definite: the repair's largest change. */
  repairedBy?: number;
}

/** The draft for the rows of the table now (rows that left the table leave the matrix). */
export function evaluateCorrelation(d: CorrelationDraft, rows: readonly UncertaintyRow[] | undefined, locale: string): CorrelationEvaluation {
  const bad = new Set<string>();
  const labels = new Set((rows ?? []).map(labelOf));
  const chosen = d.chosen.filter((l) => labels.has(l));
  let tolerance: Tolerance | undefined;
  if (d.tolerance.trim() !== '') {
    const points = parseNumber(d.tolerance, locale);
    if (!(points > 0 && points <= 50)) bad.add('tolerance');
    else tolerance = { probability: points / 100 };
  }
  if (chosen.length < 2) return { bad, tolerance };
  const matrix = chosen.map((a, i) => chosen.map((b, j) => {
    if (i === j) return 1;
    const key = i > j ? pairKey(b, a) : pairKey(a, b);
    const text = d.cells[key] ?? '';
    if (text.trim() === '') return 0;
    const v = parseNumber(text, locale);
    if (!(v >= -1 && v <= 1)) bad.add(key);
    return v;
  }));
  if (bad.size > 0 || correlationProblems(matrix, chosen).length > 0) return { bad, tolerance };
  const repair = nearestCorrelation(matrix);
  return { bad, tolerance, correlation: { keys: chosen, matrix }, ...(repair.repaired ? { repairedBy: repair.largestChange } : {}) };
}

/** The draft with these pairs' rank correlations set (their rows added to the matrix where missing). */
export function withPairs(d: CorrelationDraft, pairs: readonly { a: string; b: string; rank: number }[], locale: string): CorrelationDraft {
  const chosen = [...d.chosen];
  const cells = { ...d.cells };
  for (const p of pairs) {
    for (const label of [p.a, p.b]) if (!chosen.includes(label)) chosen.push(label);
    const [first, second] = chosen.indexOf(p.a) < chosen.indexOf(p.b) ? [p.a, p.b] : [p.b, p.a];
    cells[pairKey(first, second)] = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(p.rank);
  }
  return { ...d, chosen, cells };
}

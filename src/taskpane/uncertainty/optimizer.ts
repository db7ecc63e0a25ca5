/**
 * The optimiser panel's inputs as typed (bounds per rate, objective, budget) and from them the
 * engine's OptimizeOptions, or the problems that stop it. Bounds are typed as percentages, like the
 * plan inputs of the scenario form.
 */
import {
  DECISION_KEYS, describeProblem, findSpec, type Budget, type BudgetKind, type DecisionKey, type Language, type Objective,
  type OptimizeOptions,
} from '../../engine';
import { displayText, parseField, parseNumber } from '../../i18n';
import { fieldProblem } from '../state/evaluate';
import { u } from './texts';

export type BudgetChoice = BudgetKind | 'none';

export interface OptimizerDraft {
  objective: Objective;
  budget: BudgetChoice;
  /** The budget's limit as typed; blank = the baseline plan's own figure. */
  limit: string;
  bounds: Record<DecisionKey, { min: string; max: string }>;
  locale: string;
}

/** Commission rates start between 0 and three times the current plan's rate: see defaultOptimizerDraft. */
const COMMISSION_KEYS: ReadonlySet<string> = new Set(['commissionNew', 'commissionRenewal', 'commissionExpansion']);

/**
 * In model version 2 pay has a price and a return (it sets how much effort people give and whether
 * they stay), so each commission starts bounded to 0 – 3× the current plan's rate (MODEL.md section
 * 9): wide enough that the search, not the bounds, finds the answer, and a rate that ends at a bound
 * is reported as such. Clawback and outcome weight keep the catalogue's range.
 */
export function defaultOptimizerDraft(locale: string, current?: Readonly<Record<string, number>>): OptimizerDraft {
  const bounds = {} as OptimizerDraft['bounds'];
  for (const key of DECISION_KEYS) {
    const spec = findSpec(key)!;
    const rate = current?.[key];
    const relative = COMMISSION_KEYS.has(key) && rate !== undefined && rate > 0;
    const min = spec.min;
    const max = relative ? Math.min(spec.max, rate * 3) : spec.max;
    bounds[key] = { min: displayText(spec, min, locale), max: displayText(spec, max, locale) };
  }
  return { objective: 'customerEquity', budget: 'year1CompCost', limit: '', bounds, locale };
}

/** The same inputs typed in another locale (text that does not parse stays as typed). */
export function relocalizeOptimizer(d: OptimizerDraft, locale: string): OptimizerDraft {
  if (locale === d.locale) return d;
  const bounds = { ...d.bounds };
  for (const key of DECISION_KEYS) {
    const spec = findSpec(key)!;
    const convert = (text: string) => {
      const v = parseField(spec, text, d.locale);
      return Number.isFinite(v) ? displayText(spec, v, locale) : text;
    };
    bounds[key] = { min: convert(d.bounds[key].min), max: convert(d.bounds[key].max) };
  }
  const limit = parseNumber(d.limit, d.locale);
  return { ...d, bounds, locale, limit: d.limit.trim() && Number.isFinite(limit) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(limit) : d.limit };
}

export interface OptimizerEvaluation {
  options?: Omit<OptimizeOptions, 'start'>;
  fieldErrors: Map<string, string>;
}

export const boundPath = (key: DecisionKey, end: 'min' | 'max') => `bound:${key}:${end}`;

/** The limit in the engine's units: money for year-1 comp cost, a fraction for the share typed as a percentage. */
export function parseLimit(kind: BudgetKind, text: string, locale: string): number {
  const v = parseNumber(text, locale);
  return kind === 'compCostShare' ? v / 100 : v;
}

export function evaluateOptimizer(d: OptimizerDraft, lang: Language): OptimizerEvaluation {
  const fieldErrors = new Map<string, string>();
  const bounds: OptimizeOptions['bounds'] = {};
  for (const key of DECISION_KEYS) {
    const spec = findSpec(key)!;
    const ends: Partial<Record<'min' | 'max', number>> = {};
    for (const end of ['min', 'max'] as const) {
      const { value, problem } = fieldProblem(spec, d.bounds[key][end], d.locale, `${spec.label[lang]} (${u(lang, end === 'min' ? 'lower' : 'upper')})`);
      if (problem) fieldErrors.set(boundPath(key, end), describeProblem(problem, lang));
      else ends[end] = value;
    }
    if (ends.min !== undefined && ends.max !== undefined) {
      if (ends.min > ends.max) fieldErrors.set(boundPath(key, 'max'), u(lang, 'boundOrder', { min: d.bounds[key].min.trim() }));
      else bounds[key] = { min: ends.min, max: ends.max };
    }
  }
  let budget: Budget = { kind: 'none' };
  if (d.budget !== 'none') {
    if (d.limit.trim() === '') budget = { kind: d.budget };
    else {
      const limit = parseLimit(d.budget, d.limit, d.locale);
      if (!(Number.isFinite(limit) && limit >= 0)) {
        fieldErrors.set('limit', describeProblem({ code: Number.isNaN(limit) ? 'notANumber' : 'outOfRange', key: u(lang, 'budgetLimit'), value: d.limit.trim(), min: 0 }, lang));
      } else budget = { kind: d.budget, limit };
    }
  }
  return fieldErrors.size ? { fieldErrors } : { options: { bounds, objective: d.objective, budget }, fieldErrors };
}

/**
 * CEQ.SUMMARY's optional uncertainty argument: with it, the summary's rows are followed by how sure
 * they are, from a short paired Monte Carlo run done at once (the same rows as CEQ.SIMULATE's
 * key/value part, uncertainty-rows.ts). TRUE (or default / predeterminada) takes the default
 * uncertainty table (engine default-uncertainty.ts); a range is read as CEQ.SIMULATE's uncertainty.
 * The run is synchronous, so its size is capped: a longer one belongs in CEQ.SIMULATE.
 */
import { defaultUncertaintyRows, runMonteCarlo, type Scenario, type UncertaintyRow } from '../engine';
import { isBlank, type Cell } from './cells';
import { invalidArgument } from './errors';
import { parseUncertainty } from './uncertainty-args';
import { chanceRows } from './uncertainty-rows';

export const SUMMARY_TRIALS = { min: 100, max: 20_000, fallback: 2000 };
/**
 * Projected segment-periods a summary's run may take. The run is synchronous, and no call may hold
 * Excel for more than about 200 ms (docs/promises.md): 150,000 is the default 2,000 trials of a
 * 10-year, 3-segment annual scenario with room to spare, about 0.15 s on one core.
 */
export const MAX_SUMMARY_WORK = 150_000;

const DEFAULT_WORDS = new Set(['default', 'defaults', 'predeterminada', 'predeterminado', 'defecto']);

function scalar(raw: Cell): Cell {
  return Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1 ? raw[0][0] : raw;
}

/** The uncertainty rows the argument asks for, or undefined for none (blank or FALSE). */
export function summaryUncertainty(raw: Cell, s: Scenario): UncertaintyRow[] | undefined {
  const one = scalar(raw);
  if (isBlank(one) || one === false) return undefined;
  if (one === true || (typeof one === 'string' && DEFAULT_WORDS.has(one.trim().toLowerCase()))) return defaultUncertaintyRows(s);
  const rows = parseUncertainty(raw, s.segments.map((g) => g.name));
  if (rows.length === 0) throw invalidArgument({ code: 'emptyData', key: 'uncertainty', detail: 'uncertaintyRows' });
  return rows;
}

export function summaryChances(s: Scenario, rows: UncertaintyRow[], trials: number, seed: number, never: string): Cell[][] {
  const work = trials * 2 * s.settings.horizonYears * s.settings.periodsPerYear * s.segments.length;
  if (work > MAX_SUMMARY_WORK) {
    throw invalidArgument({ code: 'tooLarge', key: 'trials × periods × segments × 2 plans', value: work, max: MAX_SUMMARY_WORK, detail: 'summaryRunSize' });
  }
  const r = runMonteCarlo(s, rows, { trials, seed, kinds: [] });
  return chanceRows(r, never);
}

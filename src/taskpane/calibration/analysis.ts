/**
 * What the "Your data" step shows, computed from a ledger grid (pure, tested without React): the
 * parsed ledger, its bridge and calibration, the back-test against the baseline plan, and the scenario
 * and uncertainty rows "Use as baseline" produces.
 */
import {
  backtest, calibrate, describeProblem, ModelError, parseLedger, CALIBRATED_KEYS,
  type Backtest, type Calibration, type Language, type LedgerUnit, type Scenario, type SegmentValues, type UncertaintyRow,
} from '../../engine';

export interface Analysis {
  calibration: Calibration;
  backtest?: Backtest;
  /** Why the back-test did not run (the ledger is too short, or the projection refused the calibration). */
  backtestError?: string;
}

export function analyseLedger(grid: readonly (readonly unknown[])[], scenario: Scenario, language: Language, unit?: LedgerUnit): Analysis {
  const ledger = parseLedger(grid, { unit });
  const calibration = calibrate(ledger);
  const ppy = ledger.periodsPerYear;
  // Hold out the last year: calibrate on everything before it, as far back as the data go.
  if (ledger.periods <= ppy + 1) return { calibration };
  try {
    const base = { segments: Object.fromEntries(scenario.segments.map((g) => [g.name, g.values])), behaviour: scenario.behaviour };
    return { calibration, backtest: backtest(ledger, scenario.baseline.values, ledger.periods - 1 - ppy, undefined, base) };
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    return { calibration, backtestError: e.problems.map((p) => describeProblem(p, language)).join('; ') };
  }
}

/**
 * The scenario with its segments from the ledger: one per ledger segment, the calibrated keys from the
 * data and every other key from the scenario's segment of the same name (else its first segment).
 */
export function baselineFrom(scenario: Scenario, calibration: Calibration): Scenario {
  const segments = calibration.segments.map((s) => {
    const like = scenario.segments.find((g) => g.name === s.name) ?? scenario.segments[0];
    const values = { ...like.values } as Record<string, number>;
    for (const key of CALIBRATED_KEYS) values[key] = s.values[key].value;
    return { name: s.name, values: values as SegmentValues };
  });
  return { ...scenario, segments };
}

/** The fitted sBG parameters with standard errors, as normal uncertainty rows of their segment. */
/** Two fitted parameters whose estimates are correlated, by their uncertainty-table labels (SMB.sbgAlpha). */
export interface FittedPair {
  a: string;
  b: string;
  /** Rank (Spearman) correlation, what the Monte Carlo's Iman–Conover pairing takes. */
  rank: number;
}

/**
 * The correlation of each segment's α and β estimates (from the observed information), as a rank
 * correlation: for jointly normal estimates Spearman's ρ is (6/π)·asin(r/2) of Pearson's r.
 */
export function fittedCorrelations(calibration: Calibration): FittedPair[] {
  const pairs: FittedPair[] = [];
  for (const s of calibration.segments) {
    const r = s.fit?.correlation;
    if (!s.curveIdentified || r === undefined || !Number.isFinite(r)) continue;
    pairs.push({ a: `${s.name}.sbgAlpha`, b: `${s.name}.sbgBeta`, rank: (6 / Math.PI) * Math.asin(r / 2) });
  }
  return pairs;
}

export function fittedUncertainty(calibration: Calibration): UncertaintyRow[] {
  const rows: UncertaintyRow[] = [];
  for (const s of calibration.segments) {
    if (!s.curveIdentified) continue;
    for (const key of ['sbgAlpha', 'sbgBeta'] as const) {
      const v = s.values[key];
      rows.push({ key, segment: s.name, distribution: { kind: 'normal', mean: v.value, sd: v.se } });
    }
  }
  return rows;
}

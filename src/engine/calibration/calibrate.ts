import { findSpec, type SegmentKey } from '../model';
import { buildBridge, type Bridge } from './bridge';
import { cohortData, fitCohorts, type CohortFit } from './cohorts';
import type { Ledger } from './ledger';

/**
 * Calibrated segment assumptions, in the catalogue's keys and units (annual rates), over a trailing
 * window of the bridge (MODEL.md section 10). With k periods in the window and p periods a year:
 * - churn = 1 − (1 − h)^p, h = customers churned ÷ customers at the periods' openings (pooled);
 * - contraction = 1 − (1 − c)^p, c = contraction ÷ ARR retained (opening − churned ARR);
 * - expansion = (1 + e)^p − 1, e = expansion ÷ ARR retained after contraction;
 *   (the projection applies them in that order, contraction then expansion of what stays);
 * - newCustomers = (new + reactivated customers) · p / k: the model has no reactivation flow, so a
 *   customer who comes back is one acquired again;
 * - customers and arpa at the last period; sbgAlpha, sbgBeta from the cohorts (cohorts.ts);
 *   a fit that the data cannot pin down (a parameter under twice its standard error, or beyond the
 *   catalogue's range) leaves both at 0, flat churn, rather than put a guess on the projection;
 *   baseTenureYears the mean tenure of the last period's customers since their first period in the
 *   ledger (a lower bound for those already there in period 0).
 * Standard errors: binomial for churn, Poisson for new customers, the ratio estimator's (linearised,
 * one observation per retained customer and period) for contraction and expansion, the spread across accounts for arpa, the observed
 * information for α and β; each carried to the annual figure by the delta method. `n` is how much data
 * stands behind the value (customer-periods, customers, accounts or periods, as `unitOfN` says).
 */
export const CALIBRATED_KEYS = [
  'customers', 'arpa', 'churn', 'contraction', 'expansion', 'newCustomers', 'sbgAlpha', 'sbgBeta', 'baseTenureYears',
] as const satisfies readonly SegmentKey[];
export type CalibratedKey = (typeof CALIBRATED_KEYS)[number];

/** What `n` counts for each key. */
export const UNIT_OF_N: Record<CalibratedKey, 'customers' | 'customerPeriods' | 'accounts'> = {
  customers: 'customers', arpa: 'accounts', churn: 'customerPeriods', contraction: 'customerPeriods', expansion: 'customerPeriods',
  newCustomers: 'customers', sbgAlpha: 'customers', sbgBeta: 'customers', baseTenureYears: 'customers',
};

export interface CalibratedValue {
  value: number;
  /** How much data stands behind the value (see UNIT_OF_N). */
  n: number;
  /** Standard error; NaN where there is none (a count at the last period, a fit on a bound). */
  se: number;
  /** The estimate fell outside the catalogue's range and was set to its nearest end. */
  clamped?: boolean;
}

export interface SegmentCalibration {
  name: string;
  values: Record<CalibratedKey, CalibratedValue>;
  /** The sBG fit, or undefined when the cohorts cannot identify one (flat churn is then used). */
  fit?: CohortFit;
  /** The fit is used (sbgAlpha, sbgBeta above 0): each parameter at least twice its standard error, inside the catalogue's range. */
  curveIdentified: boolean;
  /** Customers on the books in period 0, left out of the fit. */
  leftOut: number;
  /** Mean starting ARR of the window's new customers (not a catalogue key: arpa is the book's), with its standard error. */
  newArpa: CalibratedValue;
}

export interface Calibration {
  ledger: Ledger;
  bridge: Bridge;
  /** Period indices of the window (first and last, inclusive) and its length in months. */
  windowFrom: number;
  windowTo: number;
  windowMonths: number;
  segments: SegmentCalibration[];
}

export const DEFAULT_WINDOW_MONTHS = 12;

function clampToCatalogue(key: CalibratedKey, v: CalibratedValue): CalibratedValue {
  const spec = findSpec(key)!;
  if (!Number.isFinite(v.value)) return { ...v, value: spec.defaultValue, se: NaN, clamped: true };
  if (v.value < spec.min) return { ...v, value: spec.min, clamped: true };
  if (v.value > spec.max) return { ...v, value: spec.max, clamped: true };
  return v;
}

/**
 * Standard errors of the pooled monthly contraction rate c = Σd/Σa and expansion rate e = Σx/Σ(a − d)
 * over the customers retained from one period to the next in [from, to] (a their ARR before, d the
 * contraction, x the expansion): √Σ(d − c·a)² / Σa, the ratio estimator's linearised error.
 */
function ratioErrors(ledger: Ledger, segment: number, from: number, to: number, c: number, e: number): [number, number] {
  let contraction = 0, expansion = 0, base = 0, baseAfter = 0;
  for (let i = 0; i < ledger.customers.length; i++) {
    if (ledger.customerSegment[i] !== segment) continue;
    for (let j = ledger.offsets[i] + 1; j < ledger.offsets[i + 1]; j++) {
      const t = ledger.entryPeriod[j];
      if (t < from || t > to || ledger.entryPeriod[j - 1] !== t - 1) continue;
      const a = ledger.entryCents[j - 1];
      const change = ledger.entryCents[j] - a;
      const d = change < 0 ? -change : 0;
      const x = change > 0 ? change : 0;
      contraction += (d - c * a) ** 2;
      expansion += (x - e * (a - d)) ** 2;
      base += a;
      baseAfter += a - d;
    }
  }
  return [Math.sqrt(contraction) / base, Math.sqrt(expansion) / baseAfter];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sdOfMean = (xs: number[]) => {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

/** Calibrates every segment of `ledger` over the last `windowMonths` months (at most the ledger's length). */
export function calibrate(ledger: Ledger, windowMonths = DEFAULT_WINDOW_MONTHS, bridge = buildBridge(ledger)): Calibration {
  const p = ledger.periodsPerYear;
  const P = ledger.periods;
  const k = Math.max(1, Math.min(P - 1, Math.round((windowMonths * p) / 12)));
  const from = P - k;
  const to = P - 1;
  const segments = ledger.segments.map((name, s): SegmentCalibration => {
    const v = (field: Parameters<Bridge['value']>[0], t: number) => bridge.value(field, t, s);
    let atRisk = 0, churned = 0, added = 0, contraction = 0, expansion = 0, retained = 0, retainedAfter = 0, retainedCustomers = 0;
    for (let t = from; t <= to; t++) {
      atRisk += v('openingCustomers', t);
      churned += v('churnedCustomers', t);
      added += v('newCustomers', t) + v('reactivatedCustomers', t);
      const kept = v('opening', t) - v('churn', t);
      retained += kept;
      retainedAfter += kept - v('contraction', t);
      contraction += v('contraction', t);
      expansion += v('expansion', t);
      retainedCustomers += v('openingCustomers', t) - v('churnedCustomers', t);
    }
    const h = atRisk > 0 ? churned / atRisk : NaN;
    const c = retained > 0 ? contraction / retained : NaN;
    const e = retainedAfter > 0 ? expansion / retainedAfter : NaN;
    const [cSe, eSe] = ratioErrors(ledger, s, from, to, c, e);
    const customers = v('closingCustomers', to);
    const arpaValues: number[] = [];
    let tenure = 0;
    for (let i = 0; i < ledger.customers.length; i++) {
      if (ledger.customerSegment[i] !== s) continue;
      const last = ledger.offsets[i + 1] - 1;
      if (last < ledger.offsets[i] || ledger.entryPeriod[last] !== to) continue;
      arpaValues.push(ledger.entryCents[last] / 100);
      tenure += (to - ledger.entryPeriod[ledger.offsets[i]] + 1) / p;
    }
    const firstArr: number[] = [];
    for (let i = 0; i < ledger.customers.length; i++) {
      const first = ledger.offsets[i];
      if (ledger.customerSegment[i] === s && first < ledger.offsets[i + 1] && ledger.entryPeriod[first] >= Math.max(1, from)) {
        firstArr.push(ledger.entryCents[first] / 100);
      }
    }
    const data = cohortData(ledger, s);
    const fit = fitCohorts(data);
    const alphaMax = findSpec('sbgAlpha')!.max;
    const curveIdentified = fit !== undefined && fit.alpha >= 2 * fit.alphaSe && fit.beta >= 2 * fit.betaSe
      && fit.alpha <= alphaMax && fit.beta <= findSpec('sbgBeta')!.max;
    const values: Record<CalibratedKey, CalibratedValue> = {
      customers: { value: customers, n: customers, se: NaN },
      arpa: { value: customers > 0 ? v('closing', to) / 100 / customers : NaN, n: customers, se: sdOfMean(arpaValues) },
      churn: { value: 1 - (1 - h) ** p, n: atRisk, se: Math.sqrt((h * (1 - h)) / atRisk) * p * (1 - h) ** (p - 1) },
      contraction: { value: 1 - (1 - c) ** p, n: retainedCustomers, se: cSe * p * (1 - c) ** (p - 1) },
      expansion: { value: (1 + e) ** p - 1, n: retainedCustomers, se: eSe * p * (1 + e) ** (p - 1) },
      newCustomers: { value: (added * p) / k, n: added, se: (Math.sqrt(added) * p) / k },
      sbgAlpha: { value: curveIdentified ? fit.alpha : 0, n: data.customers, se: curveIdentified ? fit.alphaSe : NaN },
      sbgBeta: { value: curveIdentified ? fit.beta : 0, n: data.customers, se: curveIdentified ? fit.betaSe : NaN },
      baseTenureYears: { value: arpaValues.length ? tenure / arpaValues.length : 0, n: arpaValues.length, se: NaN },
    };
    for (const key of CALIBRATED_KEYS) values[key] = clampToCatalogue(key, values[key]);
    const newArpa = { value: firstArr.length ? mean(firstArr) : NaN, n: firstArr.length, se: sdOfMean(firstArr) };
    return { name, values, fit, curveIdentified, leftOut: data.leftOut, newArpa };
  });
  return { ledger, bridge, windowFrom: from, windowTo: to, windowMonths: (k * 12) / p, segments };
}

/** The ledger as it stood at period `last` (inclusive): later entries dropped, period count cut. */
export function ledgerUpTo(ledger: Ledger, last: number): Ledger {
  const offsets = new Int32Array(ledger.customers.length + 1);
  const periods: number[] = [];
  const cents: number[] = [];
  for (let c = 0; c < ledger.customers.length; c++) {
    offsets[c] = periods.length;
    for (let i = ledger.offsets[c]; i < ledger.offsets[c + 1] && ledger.entryPeriod[i] <= last; i++) {
      periods.push(ledger.entryPeriod[i]);
      cents.push(ledger.entryCents[i]);
    }
  }
  offsets[ledger.customers.length] = periods.length;
  return {
    ...ledger, periods: last + 1, labels: ledger.labels.slice(0, last + 1), offsets,
    entryPeriod: Int32Array.from(periods), entryCents: Float64Array.from(cents),
  };
}

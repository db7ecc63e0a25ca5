/**
 * One trial of a Monte Carlo run (montecarlo.ts): its draws written into the trial scenario (drawn
 * again while they break a cross-field rule), then the baseline and every proposed plan projected
 * with them (each plan by its own projector, into buffers reused by every trial) and the few
 * numbers a run keeps recorded at the trial's index. The hot path: nothing is allocated (plans with a
 * quota layer excepted).
 */
import { discountFactor, type Metric, type Projection, type Scenario } from '../model';
import { ModelError, type Problem } from '../text';
import type { Setup } from './montecarlo-types';
import { trialInconsistency } from './uncertainty';

export const MAX_REDRAWS = 100;

export function discountFactors(s: Scenario, periods: number, out: Float64Array = new Float64Array(periods + 1)): Float64Array {
  const { discountRate, periodsPerYear, discountTiming, horizonYears } = s.settings;
  for (let t = 0; t < periods; t++) out[t] = discountFactor(discountRate, t, periodsPerYear, discountTiming === 1);
  // The last slot discounts the terminal value from the horizon (compare.ts customerEquity).
  out[periods] = Math.pow(1 + discountRate, -horizonYears);
  return out;
}

/** Draws trial k's values into the trial scenario (again, while they break a cross-field rule). */
export function drawTrial(c: Setup, k: number): void {
  const stream = c.root.fork(k);
  const dims = c.dimensions;
  const at = k - c.first;
  let broken: Problem | undefined;
  for (let attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
    for (let d = 0; d < dims.length; d++) {
      const u = attempt === 0 && c.columns ? c.columns[d][k] : stream.next();
      const x = dims[d].sampler.quantile(u);
      const key = dims[d].key;
      const targets = c.targets[d];
      for (let i = 0; i < targets.length; i++) targets[i][key] = x;
      c.inputs[d][at] = x;
    }
    broken = trialInconsistency(c.trial);
    if (broken === undefined) return;
    if (attempt === 0) {
      c.redrawn++;
      c.redrawnTrials.push(k);
    }
  }
  // The summary names the rule; the rule itself follows with its values, as validation says it.
  throw new ModelError('invalid', [{ code: 'inconsistent', key: 'uncertainty', detail: 'redrawsExhausted',
    args: { trial: k + 1, draws: MAX_REDRAWS + 1, rule: broken!.key ?? '' } }, broken!]);
}

/**
 * Where a metric's total series starts in a projection's data. The layout depends only on the
 * scenario's shape, the same in every trial, so it is read once (through Projection.series) and the
 * hot loop indexes the data directly instead of making a view per series per trial.
 */
function offsetOf(c: Setup, p: Projection, metric: Metric): number {
  let at = c.offsets.get(metric);
  if (at === undefined) {
    at = (p.series(metric).byteOffset - p.data.byteOffset) / Float64Array.BYTES_PER_ELEMENT;
    c.offsets.set(metric, at);
  }
  return at;
}

/** compare.ts's crossoverPeriod on running totals, for series at offsets in two data arrays. */
function crossoverAt(a: Float64Array, ai: number, b: Float64Array, bi: number, n: number): number {
  let sumA = 0, sumB = 0, from = 0;
  for (let t = 0; t < n; t++) {
    sumA += a[ai + t];
    sumB += b[bi + t];
    if (sumB >= sumA) { if (from === 0) from = t + 1; } else from = 0;
  }
  return from;
}

/** Projects trial k's baseline and proposed plans and records what the run keeps (at index k − first). */
export function evaluateTrial(c: Setup, trial: number): void {
  const k = trial - c.first;
  const s = c.trial;
  const P = c.periods;
  const T = c.count;
  const df = c.rateVaries ? discountFactors(s, P, c.discount) : c.discount;
  const base = c.projectors[0].project(s, s.baseline.values);
  const bd = base.data;
  const contribution = offsetOf(c, base, 'contribution');
  const revenue = offsetOf(c, base, 'revenue');
  let pvBase = 0;
  for (let t = 0; t < P; t++) pvBase += bd[contribution + t] * df[t];
  const equityBase = pvBase + base.terminalValue[base.totalIndex] * df[P];
  c.baselineEquity[k] = equityBase;
  const plans = s.proposed.length;
  for (let j = 0; j < plans; j++) {
    const p = c.projectors[j + 1].project(s, s.proposed[j].values);
    const pd = p.data;
    const o = c.outcomes[j];
    let npv = 0, tenure = 0, pv = 0;
    for (let t = 0; t < P; t++) {
      const q = pd[contribution + t];
      const d = (q - bd[contribution + t]) * df[t];
      npv += d;
      if (t < c.tenurePeriods) tenure += d;
      pv += q * df[t];
    }
    const breakeven = crossoverAt(bd, contribution, pd, contribution, P);
    const before = breakeven === 0 ? P : breakeven - 1;
    let sacrifice = 0;
    for (let t = 0; t < before; t++) {
      const d = pd[contribution + t] - bd[contribution + t];
      if (d < 0) sacrifice += d;
    }
    o.npvDelta[k] = npv;
    o.tenureNpvDelta[k] = tenure;
    o.customerEquityDelta[k] = pv + p.terminalValue[p.totalIndex] * df[P] - equityBase;
    o.shortTermSacrifice[k] = sacrifice;
    o.breakevenPeriod[k] = breakeven;
    o.crossoverPeriod[k] = crossoverAt(bd, revenue, pd, revenue, P);
  }
  for (const store of c.stores) {
    const at = offsetOf(c, base, store.metric);
    const v = store.values;
    if (store.kind === 'baseline') {
      for (let t = 0; t < P; t++) v[t * T + k] = bd[at + t];
      continue;
    }
    const qd = c.projectors[store.plan! + 1].last!.data;
    if (store.kind === 'proposed') for (let t = 0; t < P; t++) v[t * T + k] = qd[at + t];
    else if (store.kind === 'delta') for (let t = 0; t < P; t++) v[t * T + k] = qd[at + t] - bd[at + t];
    else {
      let sum = 0;
      for (let t = 0; t < P; t++) v[t * T + k] = sum += qd[at + t] - bd[at + t];
    }
  }
}

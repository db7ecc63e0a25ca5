/**
 * The Monte Carlo runner: reproducible draws, paired plans, exact statistics, the same answers as
 * compare() trial by trial, prompt cancellation.
 */
import {
  cloneScenario, compare, defaultScenario, defaultSegment, describeProblem, isCancellation, ModelError, projectPlan,
  runMonteCarlo, runMonteCarloAsync, summarize, validateScenario, MAX_TRIALS,
  type MonteCarloResult, type Scenario, type UncertaintyRow,
} from '../../src/engine';

const TABLE: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.4 } },
  { key: 'churn', segment: 'SMB', distribution: { kind: 'normal', mean: 0.14, sd: 0.02 } },
  { key: 'elasticityAcquire', distribution: { kind: 'triangular', min: 0.2, mode: 0.34, max: 0.5 } },
  { key: 'womNegative', distribution: { kind: 'lognormal', mean: 0.9, sd: 0.3 } },
  { key: 'discountRate', distribution: { kind: 'uniform', min: 0.08, max: 0.12 } },
];

function twoSegments(): Scenario {
  const s = defaultScenario();
  s.settings.horizonYears = 6;
  s.segments = [defaultSegment('SMB'), defaultSegment('Enterprise')];
  s.segments[0].values.churn = 0.14;
  s.segments[1].values.arpa = 90_000;
  s.segments[1].values.customers = 80;
  return s;
}

/** The scenario trial k ran on, rebuilt from the values the result kept. */
function trialScenario(s: Scenario, r: MonteCarloResult, k: number): Scenario {
  const t = cloneScenario(s);
  r.dimensions.forEach((d, i) => {
    const v = r.inputs[i][k];
    if (d.key === 'discountRate') t.settings.discountRate = v;
    else if (d.segment) t.segments.find((g) => g.name === d.segment)!.values[d.key as 'churn'] = v;
    else if (d.key in t.behaviour) t.behaviour[d.key as 'responsiveness'] = v;
    else t.segments.forEach((g) => { g.values[d.key as 'churn'] = v; });
  });
  return t;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('runMonteCarlo', () => {
  const s = twoSegments();
  const run = runMonteCarlo(s, TABLE, { trials: 400, seed: 42 });

  it('gives bit-identical results for the same seed, and different ones for another seed', () => {
    const again = runMonteCarlo(s, TABLE, { trials: 400, seed: 42 });
    expect(again).toEqual(run);
    const other = runMonteCarlo(s, TABLE, { trials: 400, seed: 43 });
    expect(other.plans[0].trials.npvDelta).not.toEqual(run.plans[0].trials.npvDelta);
  });

  it('draws trial k from its own sub-stream: a longer run starts with the same trials, however it is sliced', async () => {
    const longer = runMonteCarlo(s, TABLE, { trials: 600, seed: 42 });
    expect(longer.inputs.map((c) => c.slice(0, 400))).toEqual(run.inputs);
    expect(longer.plans[0].trials.customerEquityDelta.slice(0, 400)).toEqual(run.plans[0].trials.customerEquityDelta);
    const sliced = await runMonteCarloAsync(s, TABLE, { trials: 400, seed: 42, sliceUnits: 7, pause: () => Promise.resolve() });
    expect(sliced).toEqual(run);
  });

  it('keeps every draw inside its key\'s valid range and every trial a valid scenario', () => {
    const churn = run.inputs[1];
    expect(Math.min(...churn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...run.inputs[3])).toBeLessThanOrEqual(5); // womNegative's range is 0 – 5
    for (let k = 0; k < run.trials; k += 37) expect(validateScenario(trialScenario(s, run, k))).toEqual([]);
  });

  it('gives, trial by trial, what compare() gives for that trial\'s scenario', () => {
    for (let k = 0; k < run.trials; k += 41) {
      const t = trialScenario(s, run, k);
      const c = compare(projectPlan(t, t.baseline.values), projectPlan(t, t.proposed[0].values), t.settings);
      const o = run.plans[0].trials;
      expect(close(o.npvDelta[k], c.npvDelta)).toBe(true);
      expect(close(o.customerEquityDelta[k], c.customerEquityDelta)).toBe(true);
      expect(close(o.tenureNpvDelta[k], c.tenureNpvDelta)).toBe(true);
      expect(close(o.shortTermSacrifice[k], c.shortTermSacrifice)).toBe(true);
      expect(o.breakevenPeriod[k]).toBe(c.breakevenPeriod ?? 0);
      expect(o.crossoverPeriod[k]).toBe(c.crossoverPeriod ?? 0);
      expect(close(run.baselineEquity[k], c.customerEquityBaseline)).toBe(true);
    }
  });

  it('summarises exactly: the spreads equal stats.ts summarize of the kept values', () => {
    const o = run.plans[0];
    const want = summarize(o.trials.npvDelta);
    for (const key of ['mean', 'sd', 'min', 'max', 'p5', 'p10', 'p50', 'p90', 'p95'] as const) expect(o.npvDelta[key]).toBe(want[key]);
    let wins = 0;
    o.trials.customerEquityDelta.forEach((x) => { if (x > 0) wins++; });
    expect(o.pWinEquity).toBe(wins / run.trials);
  });

  it('gives per-period bands of each series, ordered p5 ≤ p10 ≤ p50 ≤ p90 ≤ p95, cumulative deltas only for flows', () => {
    const kinds = run.series.map((x) => `${x.kind}${x.plan ?? ''}`);
    expect(kinds).toEqual(['baseline', 'proposed0', 'delta0', 'cumulativeDelta0']);
    const arr = runMonteCarlo(s, TABLE, { trials: 50, metrics: ['arr', 'revenue'] }).series;
    expect(arr.map((x) => `${x.metric}.${x.kind}`)).toEqual(['arr.baseline', 'arr.proposed', 'arr.delta', 'revenue.baseline', 'revenue.proposed', 'revenue.delta', 'revenue.cumulativeDelta']);
    for (const { bands } of run.series) {
      expect(bands.p50).toHaveLength(run.periods);
      for (let t = 0; t < run.periods; t++) {
        expect(bands.p5[t]).toBeLessThanOrEqual(bands.p10[t]);
        expect(bands.p10[t]).toBeLessThanOrEqual(bands.p50[t]);
        expect(bands.p50[t]).toBeLessThanOrEqual(bands.p90[t]);
        expect(bands.p90[t]).toBeLessThanOrEqual(bands.p95[t]);
        expect(bands.sd[t]).toBeGreaterThanOrEqual(0);
      }
    }
    // The cumulative delta's last period, averaged, is the mean of the sum of the per-period deltas.
    const delta = run.series[2].bands.mean;
    const last = run.series[3].bands.mean[run.periods - 1];
    expect(close(last, delta.reduce((a, b) => a + b, 0))).toBe(true);
  });

  it('counts crossover and break-even periods, "never" included, per period and per year', () => {
    for (const d of [run.plans[0].crossover, run.plans[0].breakeven]) {
      expect(d.byPeriod.reduce((a, b) => a + b, 0) + d.never).toBe(run.trials);
      expect(d.byYear).toEqual(d.byPeriod); // annual periods
    }
    const within = Array.from(run.plans[0].trials.breakevenPeriod).filter((p) => p > 0 && p <= 4).length;
    expect(run.plans[0].pBreakevenWithinTenure).toBe(within / run.trials);
    const quarterly = cloneScenario(s);
    quarterly.settings.periodsPerYear = 4;
    const q = runMonteCarlo(quarterly, TABLE, { trials: 40 }).plans[0].breakeven;
    expect(q.byYear).toHaveLength(6);
    expect(q.byYear.reduce((a, b) => a + b, 0)).toBe(q.byPeriod.reduce((a, b) => a + b, 0));
  });
});

describe('paired draws', () => {
  it('the baseline against itself gives a delta of exactly 0 in every trial and every period', () => {
    const s = twoSegments();
    s.proposed = [{ name: 'same', values: { ...s.baseline.values } }];
    const r = runMonteCarlo(s, TABLE, { trials: 300, seed: 9, latinHypercube: true });
    const o = r.plans[0].trials;
    for (let k = 0; k < r.trials; k++) {
      expect(o.npvDelta[k]).toBe(0);
      expect(o.customerEquityDelta[k]).toBe(0);
      expect(o.tenureNpvDelta[k]).toBe(0);
      expect(o.breakevenPeriod[k]).toBe(1); // equal running totals: "at or above" from the first period
    }
    for (const x of r.series.filter((x) => x.kind === 'delta' || x.kind === 'cumulativeDelta')) {
      for (const band of Object.values(x.bands)) expect(Array.from(band as Float64Array).every((v) => v === 0)).toBe(true);
    }
    expect(r.plans[0].pWinNpv).toBe(0);
    expect(r.plans[0].pWinEquity).toBe(0);
  });

  it('drives every proposed plan with the same draws', () => {
    const s = twoSegments();
    s.proposed.push({ name: 'copy', values: { ...s.proposed[0].values } });
    const r = runMonteCarlo(s, TABLE, { trials: 100, seed: 5 });
    expect(r.plans[1].trials).toEqual(r.plans[0].trials);
  });
});

describe('Latin hypercube through the runner', () => {
  it('hits each of the trials strata exactly once per row', () => {
    const s = defaultScenario();
    const table: UncertaintyRow[] = [
      { key: 'saveRate', distribution: { kind: 'uniform', min: 0, max: 1 } }, // valid range 0 – 1: the value is the uniform itself
      { key: 'automationResolution', distribution: { kind: 'uniform', min: 0, max: 1 } },
    ];
    const trials = 997;
    const r = runMonteCarlo(s, table, { trials, seed: 3, latinHypercube: true });
    expect(r.redrawn).toBe(0);
    for (const column of r.inputs) {
      const hits = new Array<number>(trials).fill(0);
      column.forEach((u) => hits[Math.floor(u * trials)]++);
      expect(hits.every((h) => h === 1)).toBe(true);
    }
  });
});

describe('draws that break a rule of the model', () => {
  it('are drawn again (counted in redrawn), so every trial is a valid scenario', () => {
    const s = defaultScenario(); // service-driven churn under the baseline ≈ 0.0594
    const table: UncertaintyRow[] = [{ key: 'churn', distribution: { kind: 'uniform', min: 0.03, max: 0.15 } }];
    const r = runMonteCarlo(s, table, { trials: 500, seed: 1 });
    expect(r.redrawn).toBeGreaterThan(50);
    expect(Math.min(...r.inputs[0])).toBeGreaterThan(0.0593);
  });

  it('stop the run with a message when nearly every draw breaks one', () => {
    const s = defaultScenario();
    const table: UncertaintyRow[] = [{ key: 'churn', distribution: { kind: 'uniform', min: 0, max: 0.0594 } }];
    try {
      runMonteCarlo(s, table, { trials: 10 });
      throw new Error('expected a ModelError');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      // The summary names the rule; the rule follows with its values, as validation words it.
      const [summary, rule] = (e as ModelError).problems.map((p) => describeProblem(p));
      expect(summary).toBe('uncertainty: trial 1: 101 draws in a row break a rule of the model (churn); narrow the distributions');
      expect(rule).toMatch(/^churn: 0\.0\d+ is less than the service-driven churn under the baseline \(0\.059\d*\)/);
    }
  });
});

describe('checks before the first trial', () => {
  const s = defaultScenario();
  it.each([
    [{ trials: 0 }, 'trials: 0 is outside the valid range 1 – 1000000'],
    [{ trials: 2.5 }, 'trials: 2.5 must be a whole number'],
    [{ trials: MAX_TRIALS + 1 }, 'trials: 1000001 is outside'],
    [{ seed: 1.5 }, 'seed: 1.5 must be a whole number'],
    [{ trials: 1_000_000, metrics: ['contribution', 'revenue', 'arr'] as const }, 'trials × periods × series: 55000000 is too large; the limit is 16000000'],
  ])('%j', (options, message) => {
    expect(() => runMonteCarlo(s, TABLE.slice(0, 1), options)).toThrow(ModelError);
    try {
      runMonteCarlo(s, TABLE.slice(0, 1), options);
    } catch (e) {
      expect(describeProblem((e as ModelError).problems[0])).toContain(message);
    }
  });
});

describe('cancellation', () => {
  const s = twoSegments();

  it('stops at the next check after isCancelled turns true, and says how many trials were done', () => {
    let evaluated = 0;
    let cancelled = false;
    const progress: number[] = [];
    try {
      runMonteCarlo(s, TABLE, {
        trials: 5000, checkEvery: 25,
        onProgress: (done) => { progress.push(done); evaluated = done; if (done >= 100) cancelled = true; },
        isCancelled: () => cancelled,
      });
      throw new Error('not cancelled');
    } catch (e) {
      expect(isCancellation(e)).toBe(true);
      const p = (e as ModelError).problems[0];
      expect(p.value).toBe(100); // cancelled at trial 100, noticed at that same check: no trial after it ran
      expect(describeProblem(p)).toBe('the calculation was cancelled');
      expect(describeProblem(p, 'es')).toBe('se canceló el cálculo');
    }
    expect(progress).toEqual([25, 50, 75, 100]);
    expect(evaluated).toBe(100);
  });

  it('stops a sliced run at the next pause', async () => {
    let pauses = 0;
    let cancelled = false;
    const run = runMonteCarloAsync(s, TABLE, {
      trials: 100_000, sliceUnits: 50,
      pause: async () => { pauses++; if (pauses === 3) cancelled = true; },
      isCancelled: () => cancelled,
    });
    await expect(run).rejects.toMatchObject({ problems: [{ code: 'cancelled', value: 150, max: 100_000 }] });
    expect(pauses).toBe(3);
  });
});

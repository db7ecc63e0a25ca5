/**
 * The tornado: rows with a distribution swing between its P10 and P90, the others by ±20 % exactly as
 * sensitivity.ts's swings() does; sorted by swing; swings that break a rule are reported, not charted.
 */
import {
  compare, defaultScenario, distributionQuantile, findSpec, isCancellation, projectPlan, swings, tornado, tornadoAsync,
  withAssumption, type Scenario, type UncertaintyRow,
} from '../../src/engine';

const TABLE: UncertaintyRow[] = [
  { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.4 } },
  { key: 'churn', distribution: { kind: 'normal', mean: 0.1, sd: 0.03 } },
];

const equityDelta = (s: Scenario) => compare(projectPlan(s, s.baseline.values), projectPlan(s, s.proposed[0].values), s.settings).customerEquityDelta;

describe('tornado', () => {
  const s = defaultScenario();
  const r = tornado(s, TABLE);

  it('swings each row of the table between its P10 and P90, truncated to the key\'s range', () => {
    const row = r.rows.find((x) => x.label === 'responsiveness')!;
    expect(row.source).toBe('distribution');
    expect(row.low).toBe(distributionQuantile(TABLE[0].distribution, 0.1, 0, 2));
    expect(row.high).toBe(distributionQuantile(TABLE[0].distribution, 0.9, 0, 2));
    const low = withAssumption(s, 'responsiveness', () => row.low);
    expect(row.outputLow).toBe(equityDelta(low));
    expect(row.swing).toBe(Math.abs(row.outputHigh - row.outputLow));
    const churn = r.rows.find((x) => x.label === 'churn')!;
    // Truncated at 0 (churn's minimum): a little above the untruncated normal's P10, 0.1 − 1.28155·0.03.
    expect(churn.low).toBe(distributionQuantile(TABLE[1].distribution, 0.1, 0, 0.95));
    expect(churn.low - (0.1 - 1.2815515655 * 0.03)).toBeCloseTo(6.59e-5, 6);
  });

  it('swings the other uncertain keys by ±20 %, as swings() does', () => {
    const reference = new Map(swings(s).map((w) => [w.key, w]));
    const relative = r.rows.filter((x) => x.source === 'relative');
    expect(relative.length).toBeGreaterThan(10);
    expect(relative.map((x) => x.label)).not.toContain('churn'); // the table's row replaces it
    for (const row of relative) {
      const w = reference.get(row.label as never)!;
      expect([row.low, row.high, row.outputLow, row.outputHigh]).toEqual([w.low, w.high, w.outputLow, w.outputHigh]);
    }
  });

  it('sorts by swing, largest first, and reports the base output', () => {
    for (let i = 1; i < r.rows.length; i++) expect(r.rows[i - 1].swing).toBeGreaterThanOrEqual(r.rows[i].swing);
    expect(r.base).toBe(equityDelta(s));
    expect(r.output).toBe('customerEquityDelta');
  });

  it('measures another output when asked, and varies one segment for a per-segment row', () => {
    const t = tornado(s, [{ key: 'arpa', segment: 'Mid-market', distribution: { kind: 'uniform', min: 20_000, max: 28_000 } }], { output: 'npvDelta', keys: [] });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ label: 'Mid-market.arpa', low: 20_800, high: 27_200, source: 'distribution' });
    const high = withAssumption(s, 'arpa', () => 27_200);
    expect(t.rows[0].outputHigh).toBe(compare(projectPlan(high, high.baseline.values), projectPlan(high, high.proposed[0].values), high.settings).npvDelta);
  });

  it('reports a swing that breaks a rule of the model instead of charting it', () => {
    // Churn's P10 (about 0.03) is below the service-driven churn (about 0.061): that end is not a valid scenario.
    const t = tornado(s, [{ key: 'churn', distribution: { kind: 'uniform', min: 0.02, max: 0.2 } }], { keys: [] });
    expect(t.rows).toEqual([]);
    expect(t.skipped.map((x) => [x.label, x.problems[0].key])).toEqual([['churn', 'churn']]);
  });

  it('is cancelable like the other long runs', async () => {
    let n = 0;
    expect(() => tornado(s, TABLE, { checkEvery: 4, isCancelled: () => ++n > 1 })).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'cancelled', value: 8 })] }));
    const run = tornadoAsync(s, TABLE, { sliceUnits: 5, pause: () => Promise.resolve(), isCancelled: () => true });
    await run.then(() => { throw new Error('not cancelled'); }, (e) => expect(isCancellation(e)).toBe(true));
    expect(findSpec('responsiveness')!.max).toBe(2);
  });
});

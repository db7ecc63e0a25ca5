import fc from 'fast-check';
import { cloneScenario, specsOf, validateScenario, type Scenario } from '../../src/engine';
import {
  buildWorkbook, LAYOUT_KEYS, parseRange, planName, scalarName, segmentIds, segmentName, type BuiltWorkbook,
} from '../../src/workbook';
import { check, checkScenario, engineOf, examples, GLASS_BOX_SHEETS, glassBoxScenarios, load, seen } from './glass-box';

/**
 * MODEL.md section 10: the native-formula workbook and the engine agree to 1e-9 relative on every cell.
 * The formulas are loaded into HyperFormula exactly as a writer puts them in Excel. Random scenarios
 * for each granularity are in plain-formulas-random.test.ts (a file of its own so jest runs it beside
 * this one).
 */
afterAll(() => {
  if (process.env.CEQ_REPORT) {
    console.log(`glass box: ${seen.outputs} engine cells and ${seen.formulas} formula cells; max relative error ${seen.rel} (|x| ≥ 1), max absolute ${seen.abs} (|x| < 1)`);
  }
});

const GRANULARITIES = [[1, 'annual'], [4, 'quarterly'], [12, 'monthly']] as const;
const cases = examples.flatMap(([name, s]) => GRANULARITIES.map(([ppy, label]) => {
  const x = cloneScenario(s);
  x.settings.periodsPerYear = ppy;
  // Monthly sBG cohort matrices grow with the square of the periods: keep those to five years.
  if (ppy === 12 && x.segments.some((g) => g.values.sbgAlpha > 0)) x.settings.horizonYears = Math.min(5, x.settings.horizonYears);
  return [`${name}, ${label}`, x] as const;
}));

describe('the plain-formula model, evaluated by HyperFormula, equals the engine on every cell', () => {
  it.each(cases)('%s', (_, s) => {
    const r = checkScenario(s);
    expect(r.failures).toEqual([]);
    // Every metric of every period, segment and total of every plan, and the results, are compared.
    const P = s.settings.horizonYears * s.settings.periodsPerYear;
    expect(r.outputs).toBeGreaterThan(31 * P * (1 + s.segments.length) * (1 + s.proposed.length));
  });

  it('covers all three granularities for every example', () => {
    expect(cases.map(([, s]) => s.settings.periodsPerYear)).toEqual(examples.flatMap(() => [1, 4, 12]));
  });

  it('the baseline against itself: zero deltas, crossover and break-even in period 1', () => {
    const s = cloneScenario(examples[0][1]);
    s.settings.horizonYears = 3;
    s.proposed = [{ name: 'Same', values: { ...s.baseline.values } }];
    const wb = buildWorkbook(s, { sheets: GLASS_BOX_SHEETS });
    expect(wb.result.comparisons[0]).toMatchObject({ crossoverPeriod: 1, breakevenPeriod: 1, npvDelta: 0, customerEquityDelta: 0 });
    expect(check(wb, load(wb)).failures).toEqual([]);
  });

  it('a proposal that never breaks even writes "none", as the engine reports null', () => {
    const s = cloneScenario(examples[0][1]);
    s.settings.horizonYears = 3;
    s.proposed[0].values.serviceBonusPool = s.baseline.values.serviceBonusPool * 5;
    s.behaviour.responsiveness = 0;
    const wb = buildWorkbook(s, { sheets: GLASS_BOX_SHEETS });
    expect(wb.result.comparisons[0].breakevenPeriod).toBeNull();
    expect(check(wb, load(wb)).failures).toEqual([]);
  });
});

/** Writes a scenario's values into the input cells of a loaded workbook, through the defined names. */
function setInputs(wb: BuiltWorkbook, ev: ReturnType<typeof load>, s: Scenario): number {
  const inputs = wb.sheets.find((x) => x.key === 'inputs')!;
  const sheet = ev.hf.getSheetId(inputs.name)!;
  const refOf = new Map(wb.names.map((n) => [n.name, n.ref]));
  const ids = segmentIds(s);
  let changed = 0;
  const put = (name: string, v: number) => {
    const b = parseRange(refOf.get(name)!);
    ev.hf.setCellContents({ sheet, row: b.r0, col: b.c0 }, v);
    changed++;
  };
  ev.hf.batch(() => {
    for (const spec of specsOf('scenario')) put(scalarName(spec.key), s.settings[spec.key as keyof Scenario['settings']]);
    for (const spec of specsOf('behaviour')) put(scalarName(spec.key), s.behaviour[spec.key as keyof Scenario['behaviour']]);
    for (const spec of specsOf('segment')) s.segments.forEach((g, i) => put(segmentName(spec.key, ids[i]), g.values[spec.key as keyof typeof g.values]));
    for (const spec of specsOf('plan')) [s.baseline, ...s.proposed].forEach((p, i) => put(planName(spec.key, i), p.values[spec.key as keyof typeof p.values]));
  });
  return changed;
}

describe('the model sheet references the inputs: change them in the workbook and it recomputes to the engine', () => {
  it('random changes of every input except the [layout] ones, annual and quarterly', () => {
    const layoutOf = (s: Scenario) => ({ ppy: s.settings.periodsPerYear, years: s.settings.horizonYears, segments: s.segments.length,
      sbg: s.segments.map((g) => g.values.sbgAlpha > 0), plans: s.proposed.length });
    fc.assert(fc.property(fc.constantFrom(1 as const, 4 as const).chain((ppy) => fc.tuple(glassBoxScenarios(ppy), glassBoxScenarios(ppy))), ([a, b]) => {
      // b takes a's layout (horizon, granularity, segment count, flat or sBG per segment, plan count).
      const moved = cloneScenario(b);
      moved.settings.horizonYears = a.settings.horizonYears;
      moved.segments = a.segments.map((g, i) => {
        const v = { ...(b.segments[i] ?? b.segments[0]).values };
        if (!(g.values.sbgAlpha > 0)) Object.assign(v, { sbgAlpha: 0, sbgBeta: 0 });
        else if (!(v.sbgAlpha > 0)) Object.assign(v, { sbgAlpha: g.values.sbgAlpha, sbgBeta: g.values.sbgBeta });
        return { name: g.name, values: v };
      });
      moved.proposed = a.proposed.map((p, i) => ({ name: p.name, values: { ...(b.proposed[i] ?? b.proposed[0]).values } }));
      fc.pre(validateScenario(moved).length === 0);
      expect(layoutOf(moved)).toEqual(layoutOf(a));

      const wb = buildWorkbook(a, { sheets: GLASS_BOX_SHEETS });
      const ev = load(wb);
      expect(setInputs(wb, ev, moved)).toBeGreaterThan(40);
      const r = check(wb, ev, engineOf(moved));
      // Only the engine cells are meaningful now (the builder's cached values belong to scenario a).
      expect(r.failures.filter((f) => f.startsWith('{') || f.includes('is an error'))).toEqual([]);
    }), { numRuns: 12 });
  });

  it('changing a [layout] input turns the layoutOk check FALSE', () => {
    const enterprise = examples.find(([name]) => name === 'enterprise-multi-year')![1];
    expect(enterprise.segments[0].values.sbgAlpha).toBeGreaterThan(0);
    const otherPpy = enterprise.settings.periodsPerYear === 12 ? 1 : 12;
    const changes: [string, number][] = [['horizonYears', 3], ['periodsPerYear', otherPpy], ['sbgAlpha', 0], ['sbgBeta', 0]];
    for (const [key, value] of changes) {
      expect(LAYOUT_KEYS.has(key)).toBe(true);
      const s = cloneScenario(enterprise);
      s.settings.horizonYears = 2;
      const wb = buildWorkbook(s, { sheets: GLASS_BOX_SHEETS });
      const ev = load(wb);
      const model = wb.sheets.find((x) => x.key === 'plain')!;
      const okCell = model.cells.find((c) => c.formula?.startsWith('AND('))!;
      expect(ev.value(model.name, okCell.row, okCell.col)).toBe(true);
      const name = key.startsWith('sbg') ? segmentName(key, segmentIds(s)[0]) : scalarName(key);
      const b = parseRange(wb.names.find((n) => n.name === name)!.ref);
      const inputs = wb.sheets.find((x) => x.key === 'inputs')!;
      ev.hf.setCellContents({ sheet: ev.hf.getSheetId(inputs.name)!, row: b.r0, col: b.c0 }, value);
      expect([key, ev.value(model.name, okCell.row, okCell.col)]).toEqual([key, false]);
    }
    expect(changes.map(([k]) => k).sort()).toEqual([...LAYOUT_KEYS].sort());
  });
});

/**
 * The pane's editor state without React: the draft keeps every text as typed, evaluation marks the
 * fields a problem names (with the valid range), the budget-neutral computation is the engine's, and
 * the metrics table copies as tab-separated text Excel reads as numbers.
 */
import {
  budgetNeutralPlan, cloneScenario, projectPlan, runScenario, scenarioFromJson, yearly, type Scenario, type ScenarioJson,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import enterprise from '../../examples/enterprise-multi-year.json';
import services from '../../examples/high-touch-services.json';
import { compute, planView } from '../../src/taskpane/state/compute';
import { BASELINE_ID, draftFromScenario, freshName, reduce, type Draft } from '../../src/taskpane/state/draft';
import { evaluate, pathsOf } from '../../src/taskpane/state/evaluate';
import { cellText, metricsTable, toTsv } from '../../src/taskpane/state/metrics-table';
import { formats } from '../../src/i18n';

const EXAMPLES = { midMarket, enterprise, services } as Record<string, ScenarioJson>;
const example = (name = 'midMarket') => scenarioFromJson(EXAMPLES[name]);
const set = (d: Draft, path: string, text: string) => reduce(d, { type: 'field', path, text });
const proposedPath = (d: Draft, key: string) => `plan:${d.proposed[0].id}:${key}`;

describe('draft ⇄ scenario', () => {
  it.each(Object.keys(EXAMPLES))('the %s example round-trips through the texts, in English and Spanish', (name) => {
    for (const locale of ['en-US', 'es-ES']) {
      const s = example(name);
      const e = evaluate(draftFromScenario(s, locale), 'en');
      expect(e.messages).toEqual([]);
      expect(e.scenario).toEqual(s);
    }
  });

  it('shows shares and rates as percentages and money with separators', () => {
    const d = draftFromScenario(example(), 'en-US');
    expect(d.proposed[0].values.commissionRenewal).toBe('4');
    expect(d.segments[2].values.arpa).toBe('120,000');
    expect(draftFromScenario(example(), 'es-ES').segments[2].values.arpa).toBe('120.000');
  });
});

describe('evaluate: invalid input marks the field and keeps the text', () => {
  it('an out-of-range value names the field, the text typed and the range in percent', () => {
    let d = draftFromScenario(example(), 'en-US');
    d = set(d, proposedPath(d, 'commissionRenewal'), '150');
    expect(d.proposed[0].values.commissionRenewal).toBe('150');
    const e = evaluate(d, 'en');
    expect(e.scenario).toBeUndefined();
    expect(e.fieldErrors.get(proposedPath(d, 'commissionRenewal'))).toBe('Retention plan: Commission on renewed ARR: 150 is outside the valid range 0 – 100');
  });

  it('text that is not a number is kept as typed and reported in Spanish too', () => {
    let d = draftFromScenario(example(), 'es-ES');
    d = set(d, 'settings:discountRate', '10 por ciento');
    expect(d.settings.discountRate).toBe('10 por ciento');
    expect(evaluate(d, 'es').fieldErrors.get('settings:discountRate')).toBe('Tasa de descuento: "10 por ciento" no es un número; rango válido 0 – 50');
  });

  it('a whole-number field rejects fractions', () => {
    const d = set(draftFromScenario(example(), 'en-US'), 'settings:horizonYears', '7.5');
    expect(evaluate(d, 'en').fieldErrors.get('settings:horizonYears')).toMatch(/whole number/);
  });

  it('pins a cross-field problem to every field it names', () => {
    const d = set(draftFromScenario(example(), 'en-US'), 'behaviour:effortAcquire', '60');
    const e = evaluate(d, 'en');
    expect([...e.fieldErrors.keys()].sort()).toEqual(['behaviour:effortAcquire', 'behaviour:effortExpand', 'behaviour:effortRetain']);
    expect(e.fieldErrors.get('behaviour:effortRetain')).toMatch(/^Effort on new deals \+ Effort on renewals \+ Effort on expansion: the three effort shares must add up to 1/);
  });

  it('maps engine problem keys to draft fields', () => {
    const d = draftFromScenario(example(), 'en-US');
    const [smb, mid] = d.segments;
    expect(pathsOf('baseline.commissionNew', d)).toEqual(['plan:baseline:commissionNew']);
    expect(pathsOf('proposed.clawback', d)).toEqual([`plan:${d.proposed[0].id}:clawback`]);
    expect(pathsOf('Mid-market.sbgAlpha/sbgBeta', d)).toEqual([`segment:${mid.id}:sbgAlpha`, `segment:${mid.id}:sbgBeta`]);
    expect(pathsOf('SMB.churn', d)).toEqual([`segment:${smb.id}:churn`]);
    expect(pathsOf('discountRate', d)).toEqual(['settings:discountRate']);
  });

  it('segment names must be present and unique', () => {
    let d = draftFromScenario(example(), 'en-US');
    d = set(d, `segment:${d.segments[1].id}:name`, 'SMB');
    d = set(d, `segment:${d.segments[2].id}:name`, '  ');
    const e = evaluate(d, 'en');
    expect(e.fieldErrors.get(`segment:${d.segments[1].id}:name`)).toBe('Another segment already has this name.');
    expect(e.fieldErrors.get(`segment:${d.segments[2].id}:name`)).toBe('Give the segment a name.');
  });
});

describe('reduce', () => {
  it('adds a segment copying the last one, removes it, never the last segment', () => {
    let d = draftFromScenario(example(), 'en-US');
    d = reduce(d, { type: 'addSegment', name: freshName(d.segments.map((g) => g.name), 'en', 'newSegmentName') });
    expect(d.segments.map((g) => g.name)).toEqual(['SMB', 'Mid-market', 'Enterprise', 'Segment 4']);
    expect(d.segments[3].values).toEqual(d.segments[2].values);
    expect(evaluate(d, 'en').scenario?.segments).toHaveLength(4);
    d = reduce(d, { type: 'removeSegment', id: d.segments[0].id });
    d = reduce(d, { type: 'removeSegment', id: d.segments[0].id });
    d = reduce(d, { type: 'removeSegment', id: d.segments[0].id });
    d = reduce(d, { type: 'removeSegment', id: d.segments[0].id });
    expect(d.segments.map((g) => g.name)).toEqual(['Segment 4']);
  });

  it('scales the effort shares back to 100 % keeping their proportions', () => {
    let d = draftFromScenario(example(), 'en-US');
    d = set(d, 'behaviour:effortAcquire', '80');
    d = reduce(d, { type: 'scaleEfforts' });
    const s = evaluate(d, 'en').scenario!;
    expect(s.behaviour.effortAcquire + s.behaviour.effortRetain + s.behaviour.effortExpand).toBeCloseTo(1, 9);
    expect(s.behaviour.effortAcquire / s.behaviour.effortRetain).toBeCloseTo(80 / 15, 6);
  });

  it('rewrites valid texts in a new locale and keeps invalid ones as typed', () => {
    let d = draftFromScenario(example(), 'en-US');
    d = set(d, 'settings:discountRate', '12.5');
    d = set(d, 'behaviour:saveRate', 'twenty');
    d = reduce(d, { type: 'locale', locale: 'es-ES' });
    expect(d.settings.discountRate).toBe('12,5');
    expect(d.behaviour.saveRate).toBe('twenty');
    expect(d.segments[2].values.arpa).toBe('120.000');
  });

  it('adds a proposed plan copying the last and removes it', () => {
    let d = draftFromScenario(example(), 'en-US');
    d = reduce(d, { type: 'addPlan', name: 'Proposed 2' });
    expect(evaluate(d, 'en').scenario?.proposed.map((p) => p.name)).toEqual(['Retention plan', 'Proposed 2']);
    d = reduce(d, { type: 'removePlan', id: d.proposed[0].id });
    expect(d.proposed.map((p) => p.name)).toEqual(['Proposed 2']);
    expect(d.baseline.id).toBe(BASELINE_ID);
  });
});

describe('compute', () => {
  const yearOneComp = (s: Scenario, i: number) => {
    const p = projectPlan(s, s.proposed[i].values);
    return yearly(p)[0].compCost;
  };

  it('budget neutral scales each proposed plan by the engine\'s factor to the baseline\'s year-1 comp cost', () => {
    const s = example();
    const c = compute(s, true);
    const { factor } = budgetNeutralPlan(s, s.proposed[0].values);
    expect(c.factors).toEqual([factor]);
    expect(factor).toBeLessThan(1);
    expect(yearOneComp(c.scenario, 0)).toBeCloseTo(yearly(c.result.baseline)[0].compCost, 3);
    expect(c.typed).toBe(s);
  });

  it('without the switch it is the engine\'s runScenario', () => {
    const s = example('enterprise');
    const c = compute(s, false);
    expect(c.factors).toBeUndefined();
    expect(c.result.comparisons).toEqual(runScenario(s).comparisons);
  });

  it('the plan view carries the comparison and the cumulative contribution delta per period', () => {
    const s = example('services');
    const v = planView(compute(s, false), 0)!;
    const r = runScenario(s);
    expect(v.cumulativeDelta).toHaveLength(r.baseline.periods);
    const last = v.cumulativeDelta[v.cumulativeDelta.length - 1];
    const sum = Array.from(r.proposed[0].series('contribution')).reduce((a, b, t) => a + b - r.baseline.series('contribution')[t], 0);
    expect(last).toBeCloseTo(sum, 2);
    expect(v.comparison).toEqual(r.comparisons[0]);
  });
});

describe('metrics table', () => {
  const s = example();
  const view = planView(compute(s, false), 0)!;

  it('has baseline, proposed and change rows of the seven key metrics, one column per year', () => {
    const table = metricsTable(view, 'en');
    expect(table.years).toHaveLength(10);
    expect(table.rows.map((r) => `${r.metric}:${r.line}`).slice(0, 3)).toEqual(['revenue:baseline', 'revenue:proposed', 'revenue:change']);
    expect(new Set(table.rows.map((r) => r.metric))).toEqual(new Set(['revenue', 'arr', 'nrr', 'grr', 'customers', 'compCost', 'contribution']));
    const revenue = table.rows.filter((r) => r.metric === 'revenue');
    expect(revenue[2].values[4]).toBeCloseTo(revenue[1].values[4] - revenue[0].values[4], 6);
  });

  it('shows the change of a rate in percentage points, not per cent', () => {
    const table = metricsTable(view, 'en');
    const [base, proposed, change] = table.rows.filter((r) => r.metric === 'nrr');
    expect([base.kind, proposed.kind, change.kind]).toEqual(['percent', 'percent', 'points']);
    const points = (change.values[0] * 100).toFixed(1);
    expect(cellText(change.kind, change.values[0], formats('en-US', 'USD'), 'en')).toBe(`${points} pp`);
    expect(cellText(change.kind, change.values[0], formats('es-ES', 'EUR'), 'es')).toBe(`${points.replace('.', ',')} p. p.`);
    expect(cellText(base.kind, base.values[0], formats('en-US', 'USD'), 'en')).toMatch(/^\d+\.\d%$/);
  });

  it('copies as tab-separated text that Excel reads as numbers in the locale', () => {
    const en = toTsv(metricsTable(view, 'en'), 'en', 'en-US').trimEnd().split('\r\n').map((l) => l.split('\t'));
    expect(en).toHaveLength(22);
    expect(en.every((row) => row.length === 12)).toBe(true);
    expect(en[0].slice(0, 3)).toEqual(['Metric', 'Plan', 'Year 1']);
    expect(en[1]).toEqual(['Revenue', 'Current plan', ...yearly(runScenario(s).baseline).map((r) => String(Math.round(r.revenue)))]);
    const nrr = en.find((r) => r[0] === 'Net revenue retention')!;
    expect(nrr[2]).toMatch(/^\d+(\.\d{1,2})?%$/);
    const es = toTsv(metricsTable(view, 'es'), 'es', 'es-ES').split('\r\n').map((l) => l.split('\t'));
    expect(es[0][0]).toBe('Métrica');
    expect(es.find((r) => r[0] === 'Retención neta de ingresos')![2]).toMatch(/^\d+(,\d{1,2})?%$/);
  });
});

describe('a scenario from elsewhere keeps what the pane does not edit', () => {
  it('fields the pane does not render come from the loaded scenario', () => {
    const s = cloneScenario(example());
    const d = draftFromScenario(s, 'en-US');
    // Pretend a later catalogue scope's value rides on the baseline plan: it must come back untouched.
    (d.baseline.base as Record<string, number>) = { ...d.baseline.base, futureKey: 7 };
    const e = evaluate(d, 'en');
    // The engine does not know the key, so it reports it, but the value reached the scenario it checked.
    expect(e.messages.join(' ')).toMatch(/futureKey/);
  });
});

/**
 * docs/model.md and docs/modelo.md cannot drift from the code:
 * (a) their assumption tables are exactly what scripts/catalogue-table.ts renders from the catalogue;
 * (b) every table after a `<!-- check: id -->` marker, and every engine figure quoted in a sentence,
 *     is recomputed with the engine (./expected-figures.ts) and compared with the page to the last
 *     digit printed; `npm run docs:figures` writes them (scripts/update-doc-figures.ts);
 * (c) what the prose says about the figures and the formulas it states hold in the engine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE_END, CATALOGUE_START, renderCatalogueTables, withCatalogueTables } from '../../scripts/catalogue-table';
import { CATALOGUE, type Scope } from '../../src/engine/model/catalogue';
import {
  baselineFlows, compare, defaultScenario, planBehaviour, projectPlan, runScenario, scalePlan, serviceChurnAtStart, swings, yearly,
  type Comparison, type Scenario,
} from '../../src/engine';
import * as extremes from './extremes';
import {
  PAGES, ROOT, baselinePlan, comparison, drivers, examples, expectedFigures, longRunRetention, neutral, neutralComparison,
  result, retentionPlan, scenario, segment, terminalParts, year1Phase,
} from './expected-figures';
import { checkFigures, formatLike, shownNumber, withFigures } from './page-figures';

const scopeOf = (key: string): Scope | undefined => CATALOGUE.find((spec) => spec.key === key)?.scope;
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

// ── (a) the catalogue tables ────────────────────────────────────────────────────────────────────

describe.each(['en', 'es'] as const)('assumption tables of %s page', (language) => {
  const page = read(PAGES[language]);

  test('are exactly what the catalogue renders (run node scripts/docs-catalogue.mjs)', () => {
    expect(withCatalogueTables(page, language)).toBe(page);
    expect(page).toContain(`${CATALOGUE_START}\n${renderCatalogueTables(language)}\n${CATALOGUE_END}`);
  });

  test('list every catalogue key once, with its label in the page language', () => {
    const tables = renderCatalogueTables(language);
    for (const spec of CATALOGUE) {
      expect(tables.split(`| \`${spec.key}\` |`)).toHaveLength(2);
      expect(tables).toContain(`| \`${spec.key}\` | ${spec.label[language]} |`);
    }
  });
});

test('a page without markers is refused', () => {
  expect(() => withCatalogueTables('# no markers', 'en')).toThrow(/catalogue:start/);
  expect(() => withCatalogueTables(`${CATALOGUE_START}\n${CATALOGUE_START}\n${CATALOGUE_END}`, 'en')).toThrow();
});

// ── (b) the worked example ──────────────────────────────────────────────────────────────────────

const FIGURES = expectedFigures();

describe.each(['en', 'es'] as const)('engine figures of %s page', (language) => {
  const page = read(PAGES[language]);

  test('every checked table and every quoted figure matches the engine to the digits shown', () => {
    expect(checkFigures(page, language, FIGURES[language], PAGES[language])).toEqual([]);
  });

  test('are written as npm run docs:figures writes them', () => {
    expect(withFigures(page, language, FIGURES[language], PAGES[language]).changes).toEqual([]);
  });
});

describe('the figure checker', () => {
  // On the page as the script would write it, so that these tests speak only of the checker.
  const figures = FIGURES.en;
  const page = withFigures(read(PAGES.en), 'en', figures, PAGES.en).page;
  const sacrifice = formatLike(shownNumber('−1,234', 'en')!, comparison.shortTermSacrifice, 1, 'en');

  test('fails when a figure is changed by hand, and the rewrite restores it', () => {
    const row = `| Short-term sacrifice | ${sacrifice} |`;
    expect(page).toContain(row);
    const tampered = page.replace(row, '| Short-term sacrifice | −1,234 |');
    expect(checkFigures(tampered, 'en', figures, 'page')).toEqual([
      `page comparison "Short-term sacrifice" column 2: the page shows −1,234, the engine gives ${comparison.shortTermSacrifice}`,
    ]);
    const { page: restored, changes } = withFigures(tampered, 'en', figures, 'page');
    expect(changes).toEqual([`page comparison "Short-term sacrifice" column 2: −1,234 → ${sacrifice}`]);
    expect(restored).toBe(page);
  });

  test('fails when a figure in a sentence is changed by hand', () => {
    const tampered = page.replace(/(sees an NPV of about )[\d.]+( million)/, '$19.9$2');
    expect(checkFigures(tampered, 'en', figures, 'page')).toHaveLength(1);
    expect(withFigures(tampered, 'en', figures, 'page').page).toBe(page);
  });

  test('writes numbers the way the page shows them', () => {
    const shown = (text: string, language: 'en' | 'es') => shownNumber(text, language)!;
    expect(formatLike(shown('−222,179', 'en'), -1234567.49, 1, 'en')).toBe('−1,234,567');
    expect(formatLike(shown('−222 179', 'es'), -1234567.6, 1, 'es')).toBe('−1 234 568');
    expect(formatLike(shown('14,946', 'en'), 999_499, 1000, 'en')).toBe('999');
    expect(formatLike(shown('57.9 %', 'en'), 0.12345, 1, 'en')).toBe('12.3 %');
    expect(formatLike(shown('0,7657', 'es'), 0.76576, 1, 'es')).toBe('0,7658');
    expect(formatLike(shown('0', 'en'), -2e-7, 1, 'en')).toBe('0');
    expect(shownNumber('none', 'en')).toBeUndefined();
    expect(shownNumber('1 234', 'en')).toBeUndefined();
  });

  test('refuses a page whose tables or sentences it cannot place', () => {
    expect(() => checkFigures(page.replace('<!-- check: drivers -->', ''), 'en', figures, 'page')).toThrow(/missing \[drivers\]/);
    expect(() => checkFigures(page.replace('| Scaling factor |', '| Scale |'), 'en', figures, 'page')).toThrow(/rows missing \[Scaling factor\], unknown \[Scale\]/);
    expect(() => checkFigures(page.replace('sees an NPV of about', 'sees about'), 'en', figures, 'page')).toThrow(/found 0 times/);
  });
});

describe('worked example of docs/model.md', () => {
  const b = scenario.behaviour;

  test('the default scenario is the one the page describes', () => {
    expect(scenario.settings).toMatchObject({ horizonYears: 5, periodsPerYear: 1, discountRate: 0.1, tenureYears: 4, discountTiming: 0 });
    expect(segment).toMatchObject({ customers: 500, arpa: 24_000, churn: 0.1, contraction: 0.02, expansion: 0.14, newCustomers: 120,
      contactsPerCustomer: 4, contractTermYears: 1 });
    expect(baselinePlan).toMatchObject({ commissionNew: 0.1, commissionRenewal: 0.02, commissionExpansion: 0.08, clawback: 0,
      outcomeWeight: 0.2, serviceBonusPool: 300_000, automationShare: 0.15, preventionBudget: 0 });
    expect(retentionPlan).toEqual({ ...baselinePlan, commissionNew: 0.07, commissionRenewal: 0.05, commissionExpansion: 0.1,
      clawback: 0.5, outcomeWeight: 0.6 });
    expect(b).toMatchObject({ misSoldShare: 0.08, adoptionHalfLife: 0.5 });
  });

  test('the formulas the page states hold in the engine', () => {
    // First-year NRR and GRR compound: (1 − c)(1 − k)(1 + e·f) and (1 − c)(1 − k), f the expansion
    // ceiling at mid-year: ARR per account 24,000 · √(0.98 · 1.14) against a wallet of 4 × 24,000.
    const year1 = yearly(result.baseline)[0];
    const f = (96_000 - 24_000 * Math.sqrt(0.98 * 1.14)) / 72_000;
    expect(year1.nrr).toBeCloseTo((1 - 0.1) * (1 - 0.02) * (1 + 0.14 * f), 12);
    expect(+f.toFixed(3)).toBe(0.981);
    expect(year1.grr).toBeCloseTo((1 - 0.1) * (1 - 0.02), 12);
    // Terminal value: the run-off of the horizon-end book, worth more than version 1's N·m·r/(1 + i − r) here.
    for (const p of [result.baseline, ...result.proposed]) {
      const { n, m, r } = terminalParts(p);
      expect(p.terminalValue[p.totalIndex]).toBeGreaterThan(0);
      expect(Number.isFinite((n * m * r) / (1 + scenario.settings.discountRate - r))).toBe(true);
    }
    // The service part of the default churn, a probability: 1 − (1 − 0.3375 × 0.06 × 0.75)⁴.
    expect(serviceChurnAtStart(segment, b, baselinePlan)).toBeCloseTo(1 - (1 - 0.3375 * 0.06 * 0.75) ** 4, 12);
    // Budget neutral lowers pay: over-selling falls, and so does the sales effort level.
    const scaled = planBehaviour(neutral.plan, baselinePlan, b);
    const unscaled = planBehaviour(retentionPlan, baselinePlan, b);
    expect(scaled.misSold).toBeLessThan(unscaled.misSold);
    expect(scaled.salesLevel).toBeLessThan(unscaled.salesLevel);
  });

  test('the renewal phase-in of section 4.9 is the one the engine applies', () => {
    // Year 1 has no first renewals of new customers, so its logo churn is the book's churn in force:
    // 1 − (1 − c⁰)^(1 − R) · (1 − c_plan)^R, with R = 0.5.
    const { plan, renewed, inForce, plainAverage } = year1Phase;
    expect(renewed).toBe(0.5);
    expect(1 - yearly(result.proposed[0])[0].logoRetention).toBeCloseTo(1 - (1 - segment.churn) ** (1 - renewed) * (1 - plan) ** renewed, 12);
    expect(inForce).toBeGreaterThan(plainAverage); // the hazard is convex in the rate: the page says so by quoting both
    // "Blending churn rates would make a yearly run lose fewer customers than a monthly run": with the
    // rates blended in a straight line over a one-year ramp, the year keeps more than its twelve months do.
    for (const [from, to] of [[0.1, 0.07], [0.1, 0.5]]) {
      const blended = (r: number) => from + (to - from) * r;
      const monthly = Array.from({ length: 12 }, (_, m) => (1 - blended((m + 0.5) / 12)) ** (1 / 12)).reduce((x, y) => x * y);
      expect(1 - blended(0.5)).toBeGreaterThan(monthly);
    }
    // The reason given: with behaviour adopted at once, the phase-in loses the same customers in a
    // yearly, a quarterly and a monthly run (one- and three-year contracts, no new customers).
    for (const contractTermYears of [1, 3]) {
      const churned = [1, 4, 12].map((periodsPerYear) => {
        const s = defaultScenario();
        s.settings.periodsPerYear = periodsPerYear;
        s.behaviour.adoptionHalfLife = 0;
        Object.assign(s.segments[0].values, { newCustomers: 0, contractTermYears });
        return yearly(runScenario(s).proposed[0]).map((y) => y.churnedCustomers);
      });
      for (const run of churned.slice(1)) run.forEach((n, year) => expect(n).toBeCloseTo(churned[0][year], 9));
    }
  });

  test('the claims the prose makes about the figures hold', () => {
    const [base, plan] = [yearly(result.baseline), yearly(result.proposed[0])];
    const contributionChange = plan.map((y, i) => y.contribution - base[i].contribution);
    // "Revenue is higher from year 1"; "Contribution is lower in years 1 and 2 because compensation rises at once".
    plan.forEach((y, i) => expect(y.revenue).toBeGreaterThan(base[i].revenue));
    expect(contributionChange.slice(0, 2).every((d) => d < 0)).toBe(true);
    expect(contributionChange.slice(2).every((d) => d > 0)).toBe(true);
    expect(comparison.year1CompCostDelta).toBeGreaterThan(0);
    // "the change in customer equity ... most of it from the terminal value".
    const discount = 1.1 ** -5;
    const tvChange = (result.proposed[0].terminalValue[result.proposed[0].totalIndex] - result.baseline.terminalValue[result.baseline.totalIndex]) * discount;
    expect(tvChange).toBeGreaterThan(comparison.customerEquityDelta / 2);
    // "in model version 2 the scaled plan does worse over the horizon than the unscaled one".
    expect(neutralComparison.npvDelta).toBeLessThan(comparison.npvDelta);
    // "moves as much with two behavioural parameters nobody knows well as with the discount rate".
    expect(drivers.map((d) => scopeOf(d.key)).sort()).toEqual(['behaviour', 'behaviour', 'scenario']);
    // "Selling effort alone would win fewer new customers; word of mouth ... more than makes up for it".
    expect(longRunRetention.newBefore).toBeLessThan(segment.newCustomers);
    expect(longRunRetention.newAfter).toBeGreaterThan(segment.newCustomers);
    // Section 11: the enterprise example has three-year contracts and an sBG curve; the tenure view is small.
    const enterprise = examples['enterprise-multi-year'];
    enterprise.scenario.segments.forEach((s) => expect(s.values).toMatchObject({ contractTermYears: 3 }));
    expect(enterprise.scenario.segments.every((s) => s.values.sbgAlpha > 0 && s.values.sbgBeta > 0)).toBe(true);
    expect(enterprise.comparison.tenureNpvDelta).toBeLessThan(enterprise.comparison.customerEquityDelta / 10);
  });

  test('all 17 swings are valid and keep the change in customer equity positive', () => {
    const rows = swings(scenario);
    expect(rows).toHaveLength(17);
    for (const row of rows) {
      expect(row.outputLow).toBeGreaterThan(0);
      expect(row.outputHigh).toBeGreaterThan(0);
    }
  });
});

describe('section 12 of docs/model.md: what the model claims when you push it', () => {
  const grid = extremes.grid(0, 10, 0.05);
  const npv = (c: Comparison) => c.npvDelta;
  const equity = (c: Comparison) => c.customerEquityDelta;

  test('with ε = η = κ = 0 a pay change moves no customer and no ARR: only the cost change is left', () => {
    const s = defaultScenario();
    Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
    const base = yearly(projectPlan(s, s.baseline.values));
    for (const k of [0, 2]) {
      const scaled = yearly(projectPlan(s, scalePlan(s.baseline.values, k)));
      scaled.forEach((y, i) => {
        expect(y.customers).toBeCloseTo(base[i].customers, 9);
        expect(y.arr).toBeCloseTo(base[i].arr, 6);
        const costChange = y.compCost - base[i].compCost + y.peopleCost - base[i].peopleCost;
        expect(y.contribution - base[i].contribution).toBeCloseTo(-costChange, 6);
      });
    }
  });

  test('the five-year NPV has an interior best k near 1.25; customer equity and the 30-year NPV peak together beyond 3×', () => {
    const main = extremes.scaleScan(grid);
    const long = extremes.scaleScan(grid, extremes.longHorizon);
    const best = { npv: extremes.bestK(main, npv), equity: extremes.bestK(main, equity), long: extremes.bestK(long, npv) };
    expect(best.npv).toBeGreaterThan(1);
    expect(best.npv).toBeLessThan(1.5);
    expect(best.equity).toBeGreaterThan(3);
    expect(best.equity).toBeLessThan(10); // interior on 0–10: the gain does turn down
    // The run-off is no free lunch: a 30-year projection with no terminal value at all peaks at the same k.
    expect(Math.abs(best.long - best.equity)).toBeLessThanOrEqual(0.25);
  });

  test('the gain at high pay comes from effort level and people, and the expansion ceiling bounds it', () => {
    const at3 = (edit: (s: Scenario) => void) => extremes.scaleScan([3], edit)[0].comparison.customerEquityDelta;
    expect(at3(extremes.noNewCustomers)).toBeGreaterThan(0); // the book alone gains
    expect(at3(extremes.noEffortLevel)).toBeLessThan(0); // with η = 0 tripling pay loses equity
    expect(extremes.bestK(extremes.scaleScan(grid, extremes.noAttrition), equity)).toBeLessThan(extremes.bestK(extremes.scaleScan(grid), equity));
    expect(at3(extremes.noCeiling)).toBeGreaterThan(5 * at3(() => undefined));
  });

  test('full agent assist stops paying only at a price far above the cost of the contact itself', () => {
    const assist = extremes.assistBreakEven();
    const s = defaultScenario();
    s.behaviour.assistCostPerContact = assist.npv;
    const atBreakEven = compare(projectPlan(s, s.baseline.values), projectPlan(s, { ...s.baseline.values, agentAssist: 1 }), s.settings);
    expect(Math.abs(atBreakEven.npvDelta)).toBeLessThan(1e-3); // the price is a straight line in the NPV
    expect(assist.npv).toBeGreaterThan(10 * segment.costPerContact);
    expect(assist.equity).toBeGreaterThan(assist.npv);
  });

  test('a full clawback cuts mis-selling but never below its floor', () => {
    const flows = baselineFlows(scenario.segments.map((g) => g.values));
    const misSold = planBehaviour({ ...baselinePlan, clawback: 1 }, baselinePlan, scenario.behaviour, flows).misSold;
    expect(misSold).toBeLessThan(scenario.behaviour.misSoldShare);
    expect(misSold).toBeGreaterThanOrEqual(scenario.behaviour.misSoldFloor);
  });
});

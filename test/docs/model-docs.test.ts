/**
 * docs/model.md and docs/modelo.md cannot drift from the code:
 * (a) their assumption tables are exactly what scripts/catalogue-table.ts renders from the catalogue;
 * (b) every table after a `<!-- check: id -->` marker is recomputed with the engine and compared with
 *     the page to the last digit printed, and the figures the page must show are all there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE_END, CATALOGUE_START, renderCatalogueTables, withCatalogueTables, type DocLanguage } from '../../scripts/catalogue-table';
import { CATALOGUE } from '../../src/engine/catalogue';
import {
  budgetNeutralPlan, compare, defaultScenario, humanResolution, planBehaviour, projectPlan, runScenario, scenarioFromJson,
  serviceChurn, serviceChurnAtStart, swings, topDrivers, unresolvedShare, yearly,
  type PlanValues, type Projection, type Scenario,
} from '../../src/engine';

const root = resolve(__dirname, '../..');
const PAGES: Record<DocLanguage, string> = { en: 'docs/model.md', es: 'docs/modelo.md' };
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

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

/** An expected cell: a number (compared to the precision shown) or a text shown as is. */
type Expected = number | string;
type Rows = Record<string, Expected[]>;

/** A number as a page prints it: "−222,179", "57.9 %", "0.7657" in English; "−222 179", "0,7657" in Spanish. */
function shownNumber(text: string, language: DocLanguage): { value: number; decimals: number } | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  const plain = language === 'en' ? t.replace(/,/g, '') : t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const m = /^(-?\d+)(?:\.(\d+))?\s*(%?)$/.exec(plain.replace(/\s+%$/, '%'));
  if (!m) return undefined;
  const percent = m[3] === '%';
  return { value: Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`) / (percent ? 100 : 1), decimals: (m[2]?.length ?? 0) + (percent ? 2 : 0) };
}

interface CheckTable { id: string; header: string[]; rows: string[][] }

function checkTables(page: string): CheckTable[] {
  return [...page.matchAll(/<!-- check: (\S+) -->\n((?:\|.*\|\n?)+)/g)].map((m) => {
    const lines = m[2].trim().split('\n').map((l) => l.slice(1, -1).split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
    return { id: m[1], header: lines[0], rows: lines.slice(2) };
  });
}

function expectCell(shown: string, expected: Expected, scale: number, language: DocLanguage, where: string): void {
  if (typeof expected === 'string') {
    if (shown !== expected) throw new Error(`${where}: the page shows "${shown}", the engine gives "${expected}"`);
    return;
  }
  const n = shownNumber(shown, language);
  if (!n) throw new Error(`${where}: "${shown}" is not a number`);
  const tolerance = 0.5 * 10 ** -n.decimals * scale * (1 + 1e-9) + 1e-9 * Math.abs(expected);
  if (!(Math.abs(n.value * scale - expected) <= tolerance)) {
    throw new Error(`${where}: the page shows ${shown}, the engine gives ${expected}`);
  }
}

function checkPage(language: DocLanguage, expected: Record<string, Rows>): void {
  const tables = checkTables(read(PAGES[language]));
  expect(tables.map((t) => t.id).sort()).toEqual(Object.keys(expected).sort());
  for (const table of tables) {
    const rows = expected[table.id];
    expect(table.rows.map((r) => r[0]).sort()).toEqual(Object.keys(rows).sort());
    const scales = table.header.map((h) => (/\((thousands|miles)\)/.test(h) ? 1000 : 1));
    for (const row of table.rows) {
      const want = rows[row[0]];
      expect(row).toHaveLength(want.length + 1);
      want.forEach((value, i) => expectCell(row[i + 1], value, scales[i + 1], language, `${PAGES[language]} ${table.id} "${row[0]}" column ${i + 2}`));
    }
  }
}

const scenario = defaultScenario();
const result = runScenario(scenario);
const baselinePlan = scenario.baseline.values;
const retentionPlan = scenario.proposed[0].values;
const segment = scenario.segments[0].values;
const b = scenario.behaviour;
const comparison = result.comparisons[0];
const none = (period: number | null): Expected => period ?? 'none';

/** Behaviour once fully adopted and every contract renewed, with contacts at their entered level. */
function longRun(plan: PlanValues) {
  const target = planBehaviour(plan, baselinePlan, b);
  const u = unresolvedShare(target.resolveShare, plan, b);
  const u0 = unresolvedShare(b.resolveEffortShare, baselinePlan, b);
  const salesChurn = (segment.churn - serviceChurnAtStart(segment, b, baselinePlan)) * (target.sales[1] / b.effortRetain) ** -b.elasticityRetain;
  const serviceChurnRate = serviceChurn(segment.contactsPerCustomer, u, b);
  const newShare = segment.newCustomers / (segment.newCustomers + segment.customers);
  const detractorsOf = (churn: number, misSold: number, unresolved: number) =>
    churn + misSold * newShare + Math.min(1, segment.contactsPerCustomer * unresolved * b.pDetractorIfUnresolved);
  const promoters = Math.min(1, (b.promoterShare * (1 - u)) / (1 - u0));
  const detractors = detractorsOf(salesChurn + serviceChurnRate, target.misSold, u);
  const wordOfMouth = 1 + b.womPositive * (promoters - b.promoterShare)
    - b.womNegative * (detractors - detractorsOf(segment.churn, b.misSoldShare, u0));
  const newBefore = segment.newCustomers * (target.sales[0] / b.effortAcquire) ** b.elasticityAcquire;
  return [
    target.sales[0], target.sales[1], target.sales[2], target.resolveShare, humanResolution(target.resolveShare, plan, b), u,
    target.misSold, salesChurn, serviceChurnRate, salesChurn + serviceChurnRate,
    segment.expansion * (target.sales[2] / b.effortExpand) ** b.elasticityExpand,
    newBefore, promoters, detractors, wordOfMouth, newBefore * wordOfMouth,
  ];
}

const BEHAVIOUR_ROWS = [
  'Sales effort on new deals, s_acquire', 'Sales effort on renewals, s_retain', 'Sales effort on expansion, s_expand',
  'Service effort on resolving, s_res', 'Resolution rate of human-handled contacts', 'Contacts left unresolved, u',
  'Mis-sold share of new customers, μ', 'Sales-driven churn', 'Service-driven churn', 'Annual logo churn of the established book',
  'Expansion rate', 'New customers a year before word of mouth', 'Promoter share', 'Detractor share',
  'Word-of-mouth factor on acquisition', 'New customers a year after word of mouth',
];

function behaviourRows(): Rows {
  const base = longRun(baselinePlan);
  const proposed = longRun(retentionPlan);
  return Object.fromEntries(BEHAVIOUR_ROWS.map((label, i) => [label, [base[i], proposed[i]]]));
}

function yearRows(p: Projection): Rows {
  return Object.fromEntries(yearly(p).map((y) => [String(y.year), [
    y.newCustomers, y.churnedCustomers, y.customers, y.arr, y.revenue, y.compCost, y.contribution, y.nrr, y.grr, y.logoRetention,
  ]]));
}

/** N, m and r of the last year, read from the yearly roll-up as docs/model.md section 6 defines them. */
function terminalParts(p: Projection) {
  const last = yearly(p)[yearly(p).length - 1];
  const margin = last.grossProfit - last.commissionRenewal - last.commissionExpansion - last.serviceBonus - last.preventionSpend;
  return { n: last.customers, m: margin / ((last.customersBegin + last.customers) / 2), r: Math.min(0.99, last.logoRetention) };
}

function terminalRows(): Rows {
  const i = scenario.settings.discountRate;
  const discount = (1 + i) ** -scenario.settings.horizonYears;
  const parts = [terminalParts(result.baseline), terminalParts(result.proposed[0])];
  const tv = [result.baseline.terminalValue[result.baseline.totalIndex], result.proposed[0].terminalValue[result.proposed[0].totalIndex]];
  const equity = [comparison.customerEquityBaseline, comparison.customerEquityProposed];
  return {
    'Customers at the end of year 5, N': parts.map((x) => x.n),
    'Margin per customer-year in year 5, m': parts.map((x) => x.m),
    'Logo retention in year 5, r': parts.map((x) => x.r),
    'Terminal value at the end of year 5, N·m·r/(1+i−r)': tv,
    'Terminal value discounted to today, ÷ 1.1⁵': tv.map((x) => x * discount),
    'Present value of contribution, years 1–5': equity.map((e, k) => e - tv[k] * discount),
    'Customer equity': equity,
  };
}

function comparisonRows(): Rows {
  const c = comparison;
  return {
    'Crossover period (cumulative revenue)': [none(c.crossoverPeriod)],
    'Break-even period (cumulative contribution)': [none(c.breakevenPeriod)],
    'Short-term sacrifice': [c.shortTermSacrifice],
    'Year-1 revenue change': [c.year1RevenueDelta],
    'Year-1 comp cost change': [c.year1CompCostDelta],
    'Year-5 revenue change': [c.finalYearRevenueDelta],
    'Year-5 comp cost change': [c.finalYearCompCostDelta],
    'Tenure view: NPV of the change within 4 years': [c.tenureNpvDelta],
    'NPV of the change over 5 years': [c.npvDelta],
    'Change in customer equity': [c.customerEquityDelta],
  };
}

const neutral = budgetNeutralPlan(scenario, retentionPlan);
const neutralComparison = compare(result.baseline, projectPlan(scenario, neutral.plan), scenario.settings);

function budgetRows(): Rows {
  return {
    'Scaling factor': [neutral.factor],
    'Commission on new ARR': [neutral.plan.commissionNew],
    'Commission on renewed ARR': [neutral.plan.commissionRenewal],
    'Commission on expansion ARR': [neutral.plan.commissionExpansion],
    'Service bonus pool': [neutral.plan.serviceBonusPool],
    'Mis-sold share once adopted': [planBehaviour(neutral.plan, baselinePlan, b).misSold],
    'Year-1 comp cost change': [neutralComparison.year1CompCostDelta],
    'Break-even period': [none(neutralComparison.breakevenPeriod)],
    'Short-term sacrifice': [neutralComparison.shortTermSacrifice],
    'NPV of the change over 5 years': [neutralComparison.npvDelta],
    'Change in customer equity': [neutralComparison.customerEquityDelta],
  };
}

function driverRows(): Rows {
  return Object.fromEntries(topDrivers(scenario).map((d, i) => [String(i + 1), [d.key, d.low, d.high, d.outputLow, d.outputHigh, d.swing]]));
}

const EXAMPLES = ['mid-market-saas', 'enterprise-multi-year', 'high-touch-services'];
const UNIT: Record<number, string> = { 1: 'years', 4: 'quarters', 12: 'months' };

function exampleRows(): Rows {
  return Object.fromEntries(EXAMPLES.map((name) => {
    const s: Scenario = scenarioFromJson(JSON.parse(read(`examples/${name}.json`)));
    const c = runScenario(s).comparisons[0];
    return [`${name}.json`, [
      `${s.settings.horizonYears * s.settings.periodsPerYear} ${UNIT[s.settings.periodsPerYear]}`,
      none(c.crossoverPeriod), none(c.breakevenPeriod), c.shortTermSacrifice, c.tenureNpvDelta, c.npvDelta, c.customerEquityDelta,
    ]];
  }));
}

describe('worked example of docs/model.md', () => {
  test('the default scenario is the one the page describes', () => {
    expect(scenario.settings).toMatchObject({ horizonYears: 5, periodsPerYear: 1, discountRate: 0.1, tenureYears: 4, discountTiming: 0 });
    expect(segment).toMatchObject({ customers: 500, arpa: 24_000, churn: 0.1, contraction: 0.02, expansion: 0.14, newCustomers: 120 });
    expect(baselinePlan).toMatchObject({ commissionNew: 0.1, commissionRenewal: 0.02, commissionExpansion: 0.08, clawback: 0,
      outcomeWeight: 0.2, serviceBonusPool: 300_000, automationShare: 0.15, preventionBudget: 0 });
    expect(retentionPlan).toEqual({ ...baselinePlan, commissionNew: 0.07, commissionRenewal: 0.05, commissionExpansion: 0.1,
      clawback: 0.5, outcomeWeight: 0.6 });
  });

  test('every checked table matches the engine to the digits shown', () => {
    checkPage('en', {
      behaviour: behaviourRows(),
      'years-baseline': yearRows(result.baseline),
      'years-proposed': yearRows(result.proposed[0]),
      'terminal-value': terminalRows(),
      comparison: comparisonRows(),
      'budget-neutral': budgetRows(),
      drivers: driverRows(),
      examples: exampleRows(),
    });
  });

  test('the formulas the page states hold in the engine', () => {
    // First-year NRR and GRR compound: (1 − c)(1 − k)(1 + e) and (1 − c)(1 − k).
    const year1 = yearly(result.baseline)[0];
    expect(year1.nrr).toBeCloseTo((1 - 0.1) * (1 - 0.02) * (1 + 0.14), 12);
    expect(year1.grr).toBeCloseTo((1 - 0.1) * (1 - 0.02), 12);
    // Terminal value = N · m · r / (1 + i − r), from the last year's roll-up.
    for (const p of [result.baseline, ...result.proposed]) {
      const { n, m, r } = terminalParts(p);
      const tv = (n * m * r) / (1 + scenario.settings.discountRate - r);
      expect(Math.abs(tv / p.terminalValue[p.totalIndex] - 1)).toBeLessThan(1e-12);
    }
    // The service part of the default churn: 4 × 0.3375 × 0.06 × 0.75.
    expect(serviceChurnAtStart(segment, b, baselinePlan)).toBeCloseTo(0.06075, 12);
    // Adoption with a half-life of 0.5 years: 45.9 %, 86.5 %, 96.6 % in years 1 to 3.
    expect(Array.from(result.proposed[0].behaviourSeries('adoption').slice(0, 3)).map((a) => +(a * 100).toFixed(1))).toEqual([45.9, 86.5, 96.6]);
    // Budget neutral keeps the effort shares and lowers over-selling by factor^(γ·ε).
    const scaled = planBehaviour(neutral.plan, baselinePlan, b);
    const unscaled = planBehaviour(retentionPlan, baselinePlan, b);
    scaled.sales.forEach((s, i) => expect(s).toBeCloseTo(unscaled.sales[i], 12));
    expect(scaled.misSold / unscaled.misSold).toBeCloseTo(neutral.factor ** (b.overSellingElasticity * b.responsiveness), 12);
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

describe('worked example of docs/modelo.md', () => {
  test('the checked table matches the engine to the digits shown', () => {
    const c = comparison;
    checkPage('es', {
      comparacion: {
        'Período de cruce (ingresos acumulados)': [c.crossoverPeriod ?? 'ninguno'],
        'Punto de equilibrio (contribución acumulada)': [c.breakevenPeriod ?? 'ninguno'],
        'Sacrificio a corto plazo': [c.shortTermSacrifice],
        'Cambio en el coste de retribución del año 1': [c.year1CompCostDelta],
        'Vista de mandato: VAN del cambio en 4 años': [c.tenureNpvDelta],
        'VAN del cambio en 5 años': [c.npvDelta],
        'Cambio en el valor del cliente': [c.customerEquityDelta],
        'Factor del plan neutro en presupuesto': [neutral.factor],
      },
    });
  });
});

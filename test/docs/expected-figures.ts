/**
 * The engine's figures for the worked example of docs/model.md and docs/modelo.md: every checked
 * table (`<!-- check: id -->`) and every engine figure quoted in a sentence. One source for both
 * test/docs/model-docs.test.ts (which compares the pages with these) and
 * scripts/update-doc-figures.ts (which writes them into the pages); how a figure is found on a page
 * and formatted is ./page-figures.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocLanguage } from '../../scripts/catalogue-table';
import {
  budgetNeutralPlan, compare, defaultScenario, humanResolution, phasedChurn, planBehaviour, projectPlan,
  renewedShareAverage, runScenario, scenarioFromJson, serviceChurn, serviceChurnAtStart, topDrivers, unresolvedShare, yearly,
  type PlanValues, type Projection, type Scenario,
} from '../../src/engine';
import type { Expected, PageFigures, ProseFigure, Rows } from './page-figures';
import { extremeFigures } from './extremes';

export const ROOT = resolve(__dirname, '../..');
export const PAGES: Record<DocLanguage, string> = { en: 'docs/model.md', es: 'docs/modelo.md' };
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

export const scenario = defaultScenario();
export const result = runScenario(scenario);
export const baselinePlan = scenario.baseline.values;
export const retentionPlan = scenario.proposed[0].values;
export const segment = scenario.segments[0].values;
const b = scenario.behaviour;
export const comparison = result.comparisons[0];
export const neutral = budgetNeutralPlan(scenario, retentionPlan);
export const neutralComparison = compare(result.baseline, projectPlan(scenario, neutral.plan), scenario.settings);

const none = (period: number | null, word: string): Expected => period ?? word;

/** Behaviour once fully adopted and every contract renewed, with contacts at their entered level. */
function longRun(plan: PlanValues) {
  const target = planBehaviour(plan, baselinePlan, b);
  const u = unresolvedShare(target.resolveShare, target.serviceLevel, plan, b);
  const u0 = unresolvedShare(b.resolveEffortShare, 1, baselinePlan, b);
  // Version 2: outcomes respond to absolute effort, share × level.
  const L = target.salesLevel;
  const salesChurn = (segment.churn - serviceChurnAtStart(segment, b, baselinePlan)) * ((target.sales[1] * L) / b.effortRetain) ** -b.elasticityRetain
    + (target.salesAttrition - b.salesAttrition) * b.handoffChurn;
  const serviceChurnRate = serviceChurn(segment.contactsPerCustomer, u, b);
  const newShare = segment.newCustomers / (segment.newCustomers + segment.customers);
  // Version 2: detractors are a union (a customer is one detractor however many reasons it has).
  const detractorsOf = (churn: number, misSold: number, unresolved: number) =>
    1 - (1 - churn) * (1 - misSold * newShare) * (1 - unresolved * b.pDetractorIfUnresolved) ** segment.contactsPerCustomer;
  const promoters = Math.min(1, (b.promoterShare * (1 - u)) / (1 - u0));
  const detractors = detractorsOf(salesChurn + serviceChurnRate, target.misSold, u);
  const wordOfMouth = 1 + b.womPositive * (promoters - b.promoterShare)
    - b.womNegative * (detractors - detractorsOf(segment.churn, b.misSoldShare, u0));
  const newBefore = segment.newCustomers * ((target.sales[0] * L) / b.effortAcquire) ** b.elasticityAcquire;
  return {
    sAcquire: target.sales[0], sRetain: target.sales[1], sExpand: target.sales[2], sResolve: target.resolveShare,
    resolution: humanResolution(target.resolveShare, target.serviceLevel, plan, b), unresolved: u, misSold: target.misSold,
    salesChurn, serviceChurn: serviceChurnRate, churn: salesChurn + serviceChurnRate,
    expansion: segment.expansion * ((target.sales[2] * L) / b.effortExpand) ** b.elasticityExpand,
    newBefore, promoters, detractors, wordOfMouth, newAfter: newBefore * wordOfMouth,
  };
}

export const longRunBaseline = longRun(baselinePlan);
export const longRunRetention = longRun(retentionPlan);

function behaviourRows(): Rows {
  const rows: [string, keyof typeof longRunBaseline][] = [
    ['Sales effort on new deals, s_acquire', 'sAcquire'], ['Sales effort on renewals, s_retain', 'sRetain'],
    ['Sales effort on expansion, s_expand', 'sExpand'], ['Service effort on resolving, s_res', 'sResolve'],
    ['Resolution rate of human-handled contacts', 'resolution'], ['Contacts left unresolved, u', 'unresolved'],
    ['Mis-sold share of new customers, μ', 'misSold'], ['Sales-driven churn', 'salesChurn'], ['Service-driven churn', 'serviceChurn'],
    ['Annual logo churn of the established book', 'churn'], ['Expansion rate', 'expansion'],
    ['New customers a year before word of mouth', 'newBefore'], ['Promoter share', 'promoters'], ['Detractor share', 'detractors'],
    ['Word-of-mouth factor on acquisition', 'wordOfMouth'], ['New customers a year after word of mouth', 'newAfter'],
  ];
  return Object.fromEntries(rows.map(([label, key]) => [label, [longRunBaseline[key], longRunRetention[key]]]));
}

function yearRows(p: Projection): Rows {
  return Object.fromEntries(yearly(p).map((y) => [String(y.year), [
    y.newCustomers, y.churnedCustomers, y.customers, y.arr, y.revenue, y.compCost, y.contribution, y.nrr, y.grr, y.logoRetention,
  ]]));
}

/** N, m and r of the last year, read from the yearly roll-up as docs/model.md section 6 defines them. */
export function terminalParts(p: Projection) {
  const last = yearly(p)[yearly(p).length - 1];
  const margin = last.grossProfit - last.commissionRenewal - last.commissionExpansion - last.serviceBonus - last.preventionSpend;
  return { n: last.customers, m: margin / ((last.customersBegin + last.customers) / 2), r: Math.min(0.99, last.logoRetention) };
}

function terminalRows(): Rows {
  const discount = (1 + scenario.settings.discountRate) ** -scenario.settings.horizonYears;
  const parts = [terminalParts(result.baseline), terminalParts(result.proposed[0])];
  const tv = [result.baseline.terminalValue[result.baseline.totalIndex], result.proposed[0].terminalValue[result.proposed[0].totalIndex]];
  const equity = [comparison.customerEquityBaseline, comparison.customerEquityProposed];
  return {
    'Customers at the end of year 5, N': parts.map((x) => x.n),
    'Margin per customer-year in year 5, m': parts.map((x) => x.m),
    'Logo retention in year 5, r': parts.map((x) => x.r),
    'Terminal value at the end of year 5 (run-off of the book)': tv,
    'Terminal value discounted to today, ÷ 1.1⁵': tv.map((x) => x * discount),
    'Present value of contribution, years 1–5': equity.map((e, k) => e - tv[k] * discount),
    'Customer equity': equity,
  };
}

function comparisonRows(): Rows {
  const c = comparison;
  return {
    'Crossover period (cumulative revenue)': [none(c.crossoverPeriod, 'none')],
    'Break-even period (cumulative contribution)': [none(c.breakevenPeriod, 'none')],
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

function budgetRows(): Rows {
  return {
    'Scaling factor': [neutral.factor],
    'Commission on new ARR': [neutral.plan.commissionNew],
    'Commission on renewed ARR': [neutral.plan.commissionRenewal],
    'Commission on expansion ARR': [neutral.plan.commissionExpansion],
    'Service bonus pool': [neutral.plan.serviceBonusPool],
    'Mis-sold share once adopted': [planBehaviour(neutral.plan, baselinePlan, b).misSold],
    'Year-1 comp cost change': [neutralComparison.year1CompCostDelta],
    'Break-even period': [none(neutralComparison.breakevenPeriod, 'none')],
    'Short-term sacrifice': [neutralComparison.shortTermSacrifice],
    'NPV of the change over 5 years': [neutralComparison.npvDelta],
    'Change in customer equity': [neutralComparison.customerEquityDelta],
  };
}

export const drivers = topDrivers(scenario);

function driverRows(): Rows {
  return Object.fromEntries(drivers.map((d, i) => [String(i + 1), [d.key, d.low, d.high, d.outputLow, d.outputHigh, d.swing]]));
}

const EXAMPLES = ['mid-market-saas', 'enterprise-multi-year', 'high-touch-services'] as const;
const UNIT: Record<number, string> = { 1: 'years', 4: 'quarters', 12: 'months' };

export const examples = Object.fromEntries(EXAMPLES.map((name) => {
  const s: Scenario = scenarioFromJson(JSON.parse(read(`examples/${name}.json`)));
  return [name, { scenario: s, comparison: runScenario(s).comparisons[0] }];
})) as Record<(typeof EXAMPLES)[number], { scenario: Scenario; comparison: typeof comparison }>;

function exampleRows(): Rows {
  return Object.fromEntries(EXAMPLES.map((name) => {
    const { scenario: s, comparison: c } = examples[name];
    return [`${name}.json`, [
      `${s.settings.horizonYears * s.settings.periodsPerYear} ${UNIT[s.settings.periodsPerYear]}`,
      none(c.crossoverPeriod, 'none'), none(c.breakevenPeriod, 'none'), c.shortTermSacrifice, c.tenureNpvDelta, c.npvDelta, c.customerEquityDelta,
    ]];
  }));
}

const yearsBaseline = yearly(result.baseline);
const adoption = Array.from(result.proposed[0].behaviourSeries('adoption'));

/**
 * Year 1 of the retention plan (section 4.9 of docs/model.md): the plan's churn with behaviour partly
 * adopted, the renewed share R, and the churn in force phased in by hazard and, for comparison, by a
 * plain average of the rates.
 */
export const year1Phase = (() => {
  const p = result.proposed[0];
  const sales0 = segment.churn - serviceChurnAtStart(segment, b, baselinePlan);
  const plan = Math.min(0.99, Math.max(0, sales0 * p.behaviourSeries('salesChurnFactor')[0]
    + serviceChurn(segment.contactsPerCustomer, p.behaviourSeries('unresolved')[0], b) + p.behaviourSeries('handoffChurn')[0]));
  const renewed = renewedShareAverage(0, 1, segment.contractTermYears);
  return {
    plan, renewed,
    renewedAfter: renewedShareAverage(1, 2, segment.contractTermYears),
    inForce: phasedChurn(segment.churn, plan, renewed),
    plainAverage: segment.churn + (plan - segment.churn) * renewed,
  };
})();

function englishProse(): ProseFigure[] {
  const c = comparison;
  const u0 = unresolvedShare(b.resolveEffortShare, 1, baselinePlan, b);
  const service0 = serviceChurnAtStart(segment, b, baselinePlan);
  const [nrr, grr] = [yearsBaseline[0].nrr, yearsBaseline[0].grr];
  const enterprise = examples['enterprise-multi-year'];
  return [
    // 4.3 the split of the entered churn
    { before: 'With the defaults, `u⁰` = ', after: ' and `c_service⁰`', value: u0 },
    { before: '`c_service⁰` = 1 − (1 − ', after: ' ×', value: u0 },
    { before: '0.06 × 0.75)⁴ = ', after: ', so `c_sales⁰`', value: service0 },
    { before: 'so `c_sales⁰` = ', after: ':', value: segment.churn - service0 },
    // 4.8 adoption and renewals
    { before: 'a yearly run moves ', after: ' of the way in year 1', value: adoption[0] },
    { before: 'of the way in year 1, ', after: ' in year 2', value: adoption[1] },
    { before: ' in year 2 and ', after: ' in year 3.', value: adoption[2] },
    { before: 'in a yearly run with one-year contracts, ', after: ' in year 1', value: year1Phase.renewed },
    { before: ' in year 1 and ', after: ' afterwards)', value: year1Phase.renewedAfter },
    { before: '(`churnNow`, with behaviour ', after: ' adopted) is', value: adoption[0] },
    { before: ' adopted) is ', after: ', and with `R`', value: year1Phase.plan },
    { before: 'and with `R` = ', after: ' the churn in force is', value: year1Phase.renewed },
    { before: '`1 − 0.9^', after: ' · (1 − ', value: year1Phase.renewed },
    { before: ' · (1 − ', after: ')^', value: year1Phase.plan },
    { before: ')^', after: '` = ', value: year1Phase.renewed },
    { before: '` = ', after: ', against', value: year1Phase.inForce },
    { before: 'against ', after: ' for a plain average', value: year1Phase.plainAverage },
    // 5 and 9: compounding rates; Assumptions: the published medians
    { before: '`(1 − 0.10)(1 − 0.02)(1 + 0.14)` = ', after: ' and GRR', value: nrr },
    { before: 'and GRR `(1 − 0.10)(1 − 0.02)` = ', after: ', not the', value: grr },
    { before: '`(1 − c)(1 − k)(1 + e)` ≈ ', after: ' and GRR', value: nrr },
    { before: 'and GRR ', after: ', not the\n   additive', value: grr },
    { before: 'first-year NRR of ', after: ' and GRR', value: nrr },
    { before: 'and GRR of ', after: ' (section 5)', value: grr },
    // 10 the worked example
    { before: 'cuts over-selling from 8 % to ', after: ' of new customers', value: longRunRetention.misSold },
    { before: 'cuts churn from 10 % to about ', after: '. Selling', value: longRunRetention.churn },
    { before: 'behaviour is ', after: ' adopted in year 1', value: adoption[0] },
    { before: 'crossover in period ', after: ')', value: c.crossoverPeriod ?? NaN },
    { before: 'cumulative contribution catches up in year ', after: '.', value: c.breakevenPeriod ?? NaN },
    { before: 'sees an NPV of about ', after: ' million', value: c.tenureNpvDelta, unit: 1e6 },
    { before: 'the five-year NPV is\nabout ', after: ' million', value: c.npvDelta, unit: 1e6 },
    { before: 'horizon, is about ', after: ' million', value: c.customerEquityDelta, unit: 1e6 },
    // 11 the example scenarios
    { before: 'break-even comes in quarter ', after: ' and', value: enterprise.comparison.breakevenPeriod ?? NaN },
    { before: 'the tenure view (', after: '\n  years)', value: enterprise.scenario.settings.tenureYears },
    { before: 'break-even in month ', after: '.', value: examples['high-touch-services'].comparison.breakevenPeriod ?? NaN },
  ];
}

function spanishProse(): ProseFigure[] {
  const [nrr, grr] = [yearsBaseline[0].nrr, yearsBaseline[0].grr];
  return [
    { before: '`(1 − 0,10)(1 − 0,02)(1 + 0,14)` = ', after: ' y el GRR', value: nrr },
    { before: ' y el GRR ', after: '. Opcionalmente', value: grr },
  ];
}

/** Every engine figure of both pages, by page language. */
export function expectedFigures(): Record<DocLanguage, PageFigures> {
  const c = comparison;
  const extremes = extremeFigures();
  return {
    en: {
      tables: {
        behaviour: behaviourRows(),
        'years-baseline': yearRows(result.baseline),
        'years-proposed': yearRows(result.proposed[0]),
        'terminal-value': terminalRows(),
        comparison: comparisonRows(),
        'budget-neutral': budgetRows(),
        drivers: driverRows(),
        examples: exampleRows(),
        ...extremes.en,
      },
      prose: [...englishProse(), ...extremes.prose.en],
    },
    es: {
      tables: {
        comparacion: {
          'Período de cruce (ingresos acumulados)': [none(c.crossoverPeriod, 'ninguno')],
          'Punto de equilibrio (contribución acumulada)': [none(c.breakevenPeriod, 'ninguno')],
          'Sacrificio a corto plazo': [c.shortTermSacrifice],
          'Cambio en el coste de retribución del año 1': [c.year1CompCostDelta],
          'Vista de mandato: VAN del cambio en 4 años': [c.tenureNpvDelta],
          'VAN del cambio en 5 años': [c.npvDelta],
          'Cambio en el valor del cliente': [c.customerEquityDelta],
          'Factor del plan neutro en presupuesto': [neutral.factor],
        },
        ...extremes.es,
      },
      prose: [...spanishProse(), ...extremes.prose.es],
    },
  };
}

/**
 * What the model claims when a CFO pushes it (docs/model.md, "What the model claims when you push
 * it"): the default scenario with today's plan changed one way at a time and compared with today's
 * plan, a scan of every rate scaled by k, and the price at which full agent assist stops paying. One
 * source for the page's checked tables (./expected-figures.ts) and scripts/probe-extremes.ts.
 */
import {
  baselineFlows, compare, defaultScenario, planBehaviour, projectPlan, scalePlan,
  type Comparison, type PlanValues, type Scenario,
} from '../../src/engine';
import type { Expected, ProseFigure, Rows } from './page-figures';

export interface Probe {
  /** Row label on the English page, then on the Spanish one. */
  en: string;
  es: string;
  /** The scenario's behaviour changed (ε = η = κ = 0 rows); today's scenario otherwise. */
  scenario: (s: Scenario) => void;
  /** The plan compared with today's plan. */
  plan: (today: PlanValues, s: Scenario) => PlanValues;
}

const asIs = () => undefined;
const noResponse = (s: Scenario) => Object.assign(s.behaviour, { responsiveness: 0, effortElasticity: 0, attritionElasticity: 0 });
/** The prevention budget at which the 99 %-a-year cap on the cut in contacts binds. */
const preventionAtCap = (s: Scenario) => 99 * s.behaviour.preventionCostPerPoint;

export const PROBES: Probe[] = [
  { en: 'Pay nobody: every commission and the bonus pool at 0', es: 'No pagar a nadie: comisiones y bono a 0', scenario: asIs, plan: (p) => scalePlan(p, 0) },
  { en: 'Halve every rate and the pool', es: 'Todas las tasas y el bono a la mitad', scenario: asIs, plan: (p) => scalePlan(p, 0.5) },
  { en: 'Double every rate and the pool', es: 'Todas las tasas y el bono al doble', scenario: asIs, plan: (p) => scalePlan(p, 2) },
  { en: 'Triple every rate and the pool (the optimiser bound)', es: 'Todas las tasas y el bono al triple (límite del optimizador)', scenario: asIs, plan: (p) => scalePlan(p, 3) },
  { en: 'Clawback 100 %', es: 'Recuperación de comisión 100 %', scenario: asIs, plan: (p) => ({ ...p, clawback: 1 }) },
  { en: 'Service outcome weight 0', es: 'Peso de resultados del bono 0', scenario: asIs, plan: (p) => ({ ...p, outcomeWeight: 0 }) },
  { en: 'Service outcome weight 100 %', es: 'Peso de resultados del bono 100 %', scenario: asIs, plan: (p) => ({ ...p, outcomeWeight: 1 }) },
  { en: 'Service bonus pool 0', es: 'Bono de soporte 0', scenario: asIs, plan: (p) => ({ ...p, serviceBonusPool: 0 }) },
  { en: 'Service bonus pool 3×', es: 'Bono de soporte 3×', scenario: asIs, plan: (p) => ({ ...p, serviceBonusPool: 3 * p.serviceBonusPool }) },
  { en: 'Automated contacts 90 %', es: 'Contactos automatizados 90 %', scenario: asIs, plan: (p) => ({ ...p, automationShare: 0.9 }) },
  { en: 'Agent assist 100 %', es: 'Asistencia al agente 100 %', scenario: asIs, plan: (p) => ({ ...p, agentAssist: 1 }) },
  { en: 'Prevention budget where its cap binds (4,950,000)', es: 'Prevención hasta su tope (4 950 000)', scenario: asIs,
    plan: (p, s) => ({ ...p, preventionBudget: preventionAtCap(s) }) },
  { en: 'Retention plan (the default proposal)', es: 'Plan de retención (la propuesta por defecto)', scenario: asIs, plan: (_, s) => s.proposed[0].values },
  { en: 'Retention plan, ε = η = κ = 0', es: 'Plan de retención, ε = η = κ = 0', scenario: noResponse, plan: (_, s) => s.proposed[0].values },
  { en: 'Pay nobody, ε = η = κ = 0', es: 'No pagar a nadie, ε = η = κ = 0', scenario: noResponse, plan: (p) => scalePlan(p, 0) },
  { en: 'Double every rate, ε = η = κ = 0', es: 'Tasas al doble, ε = η = κ = 0', scenario: noResponse, plan: (p) => scalePlan(p, 2) },
];

export interface ProbeResult { probe: Probe; comparison: Comparison }

function against(s: Scenario, plan: PlanValues): Comparison {
  return compare(projectPlan(s, s.baseline.values), projectPlan(s, plan), s.settings);
}

export function runProbes(): ProbeResult[] {
  return PROBES.map((probe) => {
    const s = defaultScenario();
    probe.scenario(s);
    return { probe, comparison: against(s, probe.plan(s.baseline.values, s)) };
  });
}

/** Today's plan with every rate and the bonus pool scaled by each k, against today's plan. */
export function scaleScan(ks: readonly number[], edit: (s: Scenario) => void = asIs): { k: number; comparison: Comparison }[] {
  const s = defaultScenario();
  edit(s);
  const base = projectPlan(s, s.baseline.values);
  return ks.map((k) => ({ k, comparison: compare(base, projectPlan(s, scalePlan(s.baseline.values, k)), s.settings) }));
}

/** The k of a scan with the highest value of `of` (the first one on a tie). */
export function bestK(scan: { k: number; comparison: Comparison }[], of: (c: Comparison) => number): number {
  let best = scan[0];
  for (const row of scan) if (of(row.comparison) > of(best.comparison)) best = row;
  return best.k;
}

export const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

/**
 * The agent-assist price per human contact at which full assist (agentAssist = 1 on today's plan)
 * changes the NPV of the change, or customer equity, by exactly 0. Assist's price moves no behaviour,
 * only the contact cost line (and the run-off's cost per customer), so both are straight lines in it.
 */
export function assistBreakEven(): { npv: number; equity: number; atDefault: Comparison; priceDefault: number } {
  const at = (price: number) => {
    const s = defaultScenario();
    s.behaviour.assistCostPerContact = price;
    return against(s, { ...s.baseline.values, agentAssist: 1 });
  };
  const priceDefault = defaultScenario().behaviour.assistCostPerContact;
  const [free, paid] = [at(0), at(priceDefault)];
  const root = (f: (c: Comparison) => number) => (f(free) * priceDefault) / (f(free) - f(paid));
  return { npv: root((c) => c.npvDelta), equity: root((c) => c.customerEquityDelta), atDefault: paid, priceDefault };
}

/** Horizon of the long-run check (years): the NPV of the change with no terminal value at all. */
export const LONG_HORIZON = 30;
export const longHorizon = (s: Scenario) => { s.settings.horizonYears = LONG_HORIZON; };
/** The book alone: no new customers, so nothing of the answer is acquisition. */
export const noNewCustomers = (s: Scenario) => { s.segments[0].values.newCustomers = 0; };
/** Effort level fixed (η = 0). */
export const noEffortLevel = (s: Scenario) => { s.behaviour.effortElasticity = 0; };
/** Attrition fixed (κ = 0). */
export const noAttrition = (s: Scenario) => { s.behaviour.attritionElasticity = 0; };
/** No expansion ceiling. */
export const noCeiling = (s: Scenario) => { s.segments[0].values.walletMultiple = 0; };

// ── the figures of the pages ────────────────────────────────────────────────────────────────────


/** The k rows of the page's scaling table. */
export const SCALE_ROWS = [0, 0.5, 1.25, 2, 3, 4, 6, 8, 10];
const FINE = grid(0, 10, 0.05);

/** Every figure of docs/model.md section 12 and of the Spanish page's "extremos" table, computed once. */
export function extremeFigures() {
  const s = defaultScenario();
  const probes = runProbes();
  const npv = (c: Comparison) => c.npvDelta;
  const equity = (c: Comparison) => c.customerEquityDelta;
  const scans = {
    main: scaleScan(FINE), long: scaleScan(FINE, longHorizon), book: scaleScan(FINE, noNewCustomers),
    eta: scaleScan(FINE, noEffortLevel), kappa: scaleScan(FINE, noAttrition), ceiling: scaleScan([3], noCeiling),
  };
  const atK = (scan: { k: number; comparison: Comparison }[], k: number) => scan.find((row) => Math.abs(row.k - k) < 1e-9)!.comparison;
  const flows = baselineFlows(s.segments.map((g) => g.values));
  const people = (k: number) => planBehaviour(scalePlan(s.baseline.values, k), s.baseline.values, s.behaviour, flows);
  const assist = assistBreakEven();
  const payNobody = probes[0].comparison;
  const breakEven = (c: Comparison, none: string): Expected => c.breakevenPeriod ?? none;
  const probeRows = (language: 'en' | 'es'): Rows => Object.fromEntries(probes.map(({ probe, comparison: c }) => [probe[language],
    [c.npvDelta, c.customerEquityDelta, c.terminalShareProposed, breakEven(c, language === 'en' ? 'none' : 'ninguno')]]));
  const scaleRows: Rows = Object.fromEntries(SCALE_ROWS.map((k) => {
    const c = atK(scans.main, k);
    return [String(k), [c.npvDelta, c.customerEquityDelta, c.terminalShareProposed, npv(atK(scans.long, k)), equity(atK(scans.book, k)),
      equity(atK(scans.eta, k)), equity(atK(scans.kappa, k))]];
  }));
  const best = {
    npv: bestK(scans.main, npv), equity: bestK(scans.main, equity), long: bestK(scans.long, npv),
    book: bestK(scans.book, equity), eta: bestK(scans.eta, equity), kappa: bestK(scans.kappa, equity),
  };
  const en: ProseFigure[] = [
    { before: 'terminal value (today\'s plan: ', after: '), and the', value: payNobody.terminalShareBaseline },
    { before: 'the Summary screen):\n', after: ' of the baseline', value: payNobody.terminalShareBaseline },
    { before: 'Paying nobody loses ', after: ' million of NPV', value: -payNobody.npvDelta, unit: 1e6 },
    { before: 'over five years and\n  ', after: ' million of customer equity', value: -payNobody.customerEquityDelta, unit: 1e6 },
    { before: 'sales attrition rises from 25 % to ', after: ' a\n  year', value: people(0).salesAttrition },
    { before: 'cuts mis-selling from 8 % to ', after: ' of new customers', value: planBehaviour({ ...s.baseline.values, clawback: 1 }, s.baseline.values, s.behaviour, flows).misSold },
    { before: 'horizon only at ', after: ' a human contact', value: assist.npv },
    { before: 'in customer equity at ', after: ' a contact,', value: assist.equity },
    { before: 'interior best `k` of about ', after: ' (a grid', value: best.npv },
    { before: 'has its best `k` much further out, at about ', after: ', beyond', value: best.equity },
    { before: 'give a best `k` of about ', after: ' and an NPV', value: best.long },
    { before: 'the change of ', after: ' million at `k` = 3: the run-off', value: npv(atK(scans.long, 3)), unit: 1e6 },
    { before: 'still rises up to about ', after: '×.', value: best.book },
    { before: 'customer equity is best near `k` = ', after: '\n  and at', value: best.eta },
    { before: 'and at `k` = 3 is ', after: ' million; with', value: equity(atK(scans.eta, 3)), unit: 1e6 },
    { before: 'the best `k` drops to about ', after: '. At 3×', value: best.kappa },
    { before: 'attrition falls from 25 % to ', after: ' a year, which', value: people(3).salesAttrition },
    { before: 'and effort is ', after: ' above today', value: people(3).salesLevel - 1 },
    { before: 'customer equity at `k` = 3 is ', after: ' million, and the run-off', value: equity(scans.ceiling[0].comparison), unit: 1e6 },
  ];
  const es: ProseFigure[] = [
    { before: 'del cambio de\n', after: ' M con `k` = 0', value: payNobody.npvDelta, unit: 1e6 },
    { before: 'el mejor `k` en el horizonte ronda ', after: '. El', value: best.npv },
    { before: 'valor del cliente cae ', after: ' M con\n', value: -payNobody.customerEquityDelta, unit: 1e6 },
    { before: 'y es máximo hacia `k` = ', after: ',', value: best.equity },
    { before: 'sin valor terminal, es máximo hacia `k` = ', after: ':', value: best.long },
    { before: 'deja de compensar en el horizonte a ', after: ' por contacto', value: assist.npv },
  ];
  return { en: { extremes: probeRows('en'), scale: scaleRows }, es: { extremos: probeRows('es') }, prose: { en, es } };
}

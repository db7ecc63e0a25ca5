/** The labels of the uncertainty sheet (uncertainty-sheet.ts, uncertainty-simulation.ts) in English and Spanish. */
import { findSpec, type Language } from '../engine';
import { pick, type Pair } from './labels';

export const L = {
  title: { en: 'Customer Equity Planner: uncertainty', es: 'Customer Equity Planner: incertidumbre' },
  note: {
    en: 'Values computed by the add-in\'s task pane (Uncertainty tab) when they were inserted, not formulas. Insert again to refresh.',
    es: 'Valores calculados por el panel del complemento (pestaña Incertidumbre) al insertarlos, no fórmulas. Vuelva a insertar para actualizarlos.',
  },
  simulation: { en: 'Simulation: {plan} against {baseline}', es: 'Simulación: {plan} frente a {baseline}' },
  trials: { en: 'Trials', es: 'Ensayos' },
  seed: { en: 'Seed', es: 'Semilla' },
  lhs: { en: 'Latin hypercube sampling', es: 'Muestreo por hipercubo latino' },
  yes: { en: 'yes', es: 'sí' },
  no: { en: 'no', es: 'no' },
  redrawn: { en: 'Trials drawn again (broke a rule of the model)', es: 'Ensayos extraídos de nuevo (rompían una regla del modelo)' },
  pWinNpv: { en: 'Probability of a win: NPV of the change > 0', es: 'Probabilidad de ganar: VAN del cambio > 0' },
  pWinEquity: { en: 'Probability of a win: customer equity change > 0', es: 'Probabilidad de ganar: cambio del valor del cliente > 0' },
  pTenure: { en: 'Probability of break-even within tenure', es: 'Probabilidad de equilibrio dentro del mandato' },
  npv: { en: 'NPV of the change', es: 'VAN del cambio' },
  equity: { en: 'Customer equity change', es: 'Cambio del valor del cliente' },
  statistic: { en: 'Statistic', es: 'Estadístico' },
  mean: { en: 'Mean', es: 'Media' },
  sd: { en: 'Std. dev.', es: 'Desv. típica' },
  fanData: { en: 'Cumulative contribution delta per period', es: 'Delta de contribución acumulada por período' },
  period: { en: 'Period', es: 'Período' },
  histData: { en: 'NPV of the change: trials per range', es: 'VAN del cambio: ensayos por tramo' },
  from: { en: 'From', es: 'Desde' },
  to: { en: 'To', es: 'Hasta' },
  share: { en: 'Share', es: 'Proporción' },
  yearsData: { en: 'Crossover and break-even year: share of trials', es: 'Año de cruce y de equilibrio: proporción de ensayos' },
  year: { en: 'Year', es: 'Año' },
  never: { en: 'never', es: 'nunca' },
  crossover: { en: 'Revenue crossover', es: 'Cruce de ingresos' },
  breakeven: { en: 'Break-even', es: 'Equilibrio' },
  tornado: { en: 'Tornado: {output}, one assumption at a time', es: 'Tornado: {output}, un supuesto cada vez' },
  base: { en: 'With every assumption at its value', es: 'Con todos los supuestos en su valor' },
  assumption: { en: 'Assumption', es: 'Supuesto' },
  source: { en: 'Ends', es: 'Extremos' },
  lowInput: { en: 'Low input', es: 'Dato bajo' },
  highInput: { en: 'High input', es: 'Dato alto' },
  outLow: { en: 'Output at low', es: 'Resultado en el bajo' },
  outHigh: { en: 'Output at high', es: 'Resultado en el alto' },
  swing: { en: 'Swing', es: 'Variación' },
  optimum: { en: 'Optimiser: {objective}', es: 'Optimizador: {objective}' },
  rate: { en: 'Rate', es: 'Tasa' },
  current: { en: 'Current ({plan})', es: 'Actual ({plan})' },
  best: { en: 'Optimum', es: 'Óptimo' },
  bound: { en: 'Binding', es: 'Activa' },
  lower: { en: 'lower bound', es: 'límite inferior' },
  upper: { en: 'upper bound', es: 'límite superior' },
  objective: { en: 'Objective', es: 'Objetivo' },
  baselineValue: { en: 'Objective under the baseline plan', es: 'Objetivo con el plan base' },
  budget: { en: 'Budget: {kind}', es: 'Presupuesto: {kind}' },
  limit: { en: 'Budget limit', es: 'Límite del presupuesto' },
  binds: { en: 'binds', es: 'activo' },
  slack: { en: 'does not bind', es: 'no activo' },
  customerEquity: { en: 'customer equity', es: 'valor del cliente' },
  npvObjective: { en: 'NPV of contribution', es: 'VAN de la contribución' },
  finalYearArr: { en: 'ARR in the final year', es: 'ARR del último año' },
  year1CompCost: { en: 'year-1 compensation cost', es: 'coste de retribución del año 1' },
  compCostShare: { en: 'compensation cost / revenue', es: 'coste de retribución / ingresos' },
  customerEquityDelta: { en: 'customer equity change', es: 'cambio del valor del cliente' },
  npvDelta: { en: 'NPV of the change', es: 'VAN del cambio' },
  tenureNpvDelta: { en: 'NPV inside tenure', es: 'VAN dentro del mandato' },
  fanChart: { en: 'Cumulative contribution delta: P10, P50, P90', es: 'Delta de contribución acumulada: P10, P50, P90' },
  histChart: { en: 'NPV of the change: trials per range', es: 'VAN del cambio: ensayos por tramo' },
  yearsChart: { en: 'Crossover and break-even year', es: 'Año de cruce y de equilibrio' },
  tornadoChart: { en: 'Tornado: output at the low and high end', es: 'Tornado: resultado en el extremo bajo y alto' },
  se: { en: 'Std. error', es: 'Error típico' },
  value: { en: 'Value', es: 'Valor' },
  seMean: { en: 'Std. error of the mean', es: 'Error típico de la media' },
  seShare: { en: 'Std. error of the share', es: 'Error típico de la proporción' },
  seNote: {
    en: 'Std. error: the Monte Carlo standard error of the figure beside it (more trials make it smaller).',
    es: 'Error típico: el error típico de Monte Carlo de la cifra de al lado (más ensayos lo reducen).',
  },
  requested: { en: 'Trials requested', es: 'Ensayos pedidos' },
  tenureNpv: { en: 'NPV inside tenure', es: 'VAN dentro del mandato' },
  shortTerm: { en: 'Short-term sacrifice', es: 'Sacrificio a corto plazo' },
  crossoverSe: { en: 'Crossover: std. error', es: 'Cruce: error típico' },
  breakevenSe: { en: 'Break-even: std. error', es: 'Equilibrio: error típico' },
  correlation: { en: 'Rank correlations used', es: 'Correlaciones de rango usadas' },
  independent: {
    en: 'Rank correlations: none (every assumption drawn independently)',
    es: 'Correlaciones de rango: ninguna (cada supuesto se extrae de forma independiente)',
  },
  repaired: { en: 'Repaired to the nearest valid matrix', es: 'Reparada a la matriz válida más cercana' },
  largestChange: { en: 'Largest change made by the repair', es: 'Mayor cambio hecho por la reparación' },
  requestedMatrix: { en: 'Rank correlations requested (before the repair)', es: 'Correlaciones de rango pedidas (antes de la reparación)' },
} satisfies Record<string, Pair>;

export type Key = keyof typeof L;

/** A label of the uncertainty sheet in `lang`, its {placeholders} filled. */
export const labelsIn = (lang: Language) => (k: Key, params: Record<string, string> = {}): string =>
  pick(L[k], lang).replace(/\{(\w+)\}/g, (m, n: string) => params[n] ?? m);

/** An assumption's name as the catalogue says it ("Logo churn — SMB" for the engine's "SMB.churn"). */
export function assumptionName(label: string, lang: Language): string {
  const dot = label.lastIndexOf('.');
  const key = dot >= 0 ? label.slice(dot + 1) : label;
  const spec = findSpec(key);
  if (!spec) return label;
  return dot >= 0 ? `${spec.label[lang]} — ${label.slice(0, dot)}` : spec.label[lang];
}

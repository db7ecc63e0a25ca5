/**
 * Every text of the Uncertainty tab, in the two languages the product speaks. They live with the tab
 * (as the workbook panel's do) so that they load with its lazy chunk, not with the pane's first screen;
 * the tab's label is in src/i18n/messages.ts. Assumption labels come from the catalogue, problem texts
 * from the engine's messages.ts. `{name}` marks a value filled in by `u()`.
 */
import type { Language } from '../../engine';
import { fill } from '../../i18n';

export const U = {
  // The table
  tableTitle: { en: 'Uncertainty table', es: 'Tabla de incertidumbre' },
  tableHint: {
    en: 'Give each assumption nobody knows well a distribution: every trial draws one value from each row, and the baseline and the proposed plan face the same draws.',
    es: 'Dé una distribución a cada supuesto que nadie conoce bien: cada ensayo extrae un valor de cada fila, y el plan base y el propuesto se enfrentan a los mismos valores.',
  },
  assumption: { en: 'Assumption', es: 'Supuesto' },
  segment: { en: 'Segment', es: 'Segmento' },
  allSegments: { en: 'All segments', es: 'Todos los segmentos' },
  notSegment: { en: 'whole scenario', es: 'todo el escenario' },
  distribution: { en: 'Distribution', es: 'Distribución' },
  parameters: { en: 'Parameters', es: 'Parámetros' },
  shape: { en: 'Shape', es: 'Forma' },
  shapeOf: { en: 'Shape of the distribution of {key}', es: 'Forma de la distribución de {key}' },
  'kind.triangular': { en: 'Triangular', es: 'Triangular' },
  'kind.pert': { en: 'PERT', es: 'PERT' },
  'kind.uniform': { en: 'Uniform', es: 'Uniforme' },
  'kind.normal': { en: 'Normal', es: 'Normal' },
  'kind.lognormal': { en: 'Lognormal', es: 'Lognormal' },
  'param.min': { en: 'Min', es: 'Mín.' },
  'param.mode': { en: 'Most likely', es: 'Más probable' },
  'param.max': { en: 'Max', es: 'Máx.' },
  'param.mean': { en: 'Mean', es: 'Media' },
  'param.sd': { en: 'Std. dev.', es: 'Desv. típica' },
  paramOf: { en: '{param} of {key}', es: '{param} de {key}' },
  addRow: { en: 'Add assumption', es: 'Añadir supuesto' },
  removeRow: { en: 'Remove {key}', es: 'Quitar {key}' },
  restoreDefaults: { en: 'Restore the default table', es: 'Restaurar la tabla por defecto' },
  emptyTable: {
    en: 'The table is empty: add an assumption to simulate (the tornado and the optimiser work without one).',
    es: 'La tabla está vacía: añada un supuesto para simular (el tornado y el optimizador funcionan sin ella).',
  },
  mustBeAboveMin: { en: 'Must be above the min ({min})', es: 'Debe ser mayor que el mínimo ({min})' },
  modeBetween: { en: 'Must lie between the min and the max: {min} – {max}', es: 'Debe estar entre el mínimo y el máximo: {min} – {max}' },
  mustBePositive: { en: 'Must be above 0', es: 'Debe ser mayor que 0' },
  segmentGone: { en: 'There is no segment "{name}" any more: pick one', es: 'Ya no hay un segmento "{name}": elija uno' },
  tableProblems: { en: '{count} problem(s) in the table: fix the marked fields to run.', es: '{count} problema(s) en la tabla: corrija los campos marcados para ejecutar.' },

  // Run settings
  runTitle: { en: 'Simulation', es: 'Simulación' },
  trials: { en: 'Trials', es: 'Ensayos' },
  trialsHint: { en: 'More trials, a smaller Monte Carlo error: {min} – {max}', es: 'Más ensayos, menor error de Monte Carlo: {min} – {max}' },
  seed: { en: 'Seed', es: 'Semilla' },
  seedHint: { en: 'The same seed gives the same results', es: 'La misma semilla da los mismos resultados' },
  seedNeeded: { en: 'Type a whole number or a word', es: 'Escriba un número entero o una palabra' },
  latinHypercube: { en: 'Latin hypercube sampling', es: 'Muestreo por hipercubo latino' },
  latinHypercubeHint: { en: 'Spreads the draws evenly: the results settle with fewer trials', es: 'Reparte los valores por igual: los resultados se estabilizan con menos ensayos' },
  run: { en: 'Run simulation', es: 'Ejecutar simulación' },
  cancel: { en: 'Cancel', es: 'Cancelar' },
  cancelling: { en: 'Cancelling…', es: 'Cancelando…' },
  progress: { en: '{done} of {total} trials', es: '{done} de {total} ensayos' },
  progressErrors: {
    en: 'Standard error so far: P(win on NPV) ± {npv} pp, on equity ± {equity} pp, break-even ± {tenure} pp; mean NPV change ± {mean}',
    es: 'Error típico hasta ahora: P(ganar en VAN) ± {npv} p. p., en valor ± {equity} p. p., equilibrio ± {tenure} p. p.; cambio medio del VAN ± {mean}',
  },
  stoppedEarly: {
    en: 'Stopped after {trials} of {requested} trials: every probability was within the tolerance.',
    es: 'Se paró tras {trials} de {requested} ensayos: cada probabilidad estaba dentro de la tolerancia.',
  },
  correlationRepaired: {
    en: 'The correlations asked for could not hold together: the run used the nearest valid matrix (an entry changed by up to {change}).',
    es: 'Las correlaciones pedidas no podían darse a la vez: la simulación usó la matriz válida más cercana (una entrada cambió hasta {change}).',
  },
  progressLabel: { en: 'Simulation progress', es: 'Progreso de la simulación' },
  cancelled: { en: 'Cancelled after {done} of {total} trials: nothing was kept.', es: 'Simulación cancelada tras {done} de {total} ensayos: no se conservó nada.' },
  cancelledSearch: { en: 'Cancelled: nothing was kept.', es: 'Cancelado: no se conservó nada.' },
  failed: { en: 'The run failed: {error}', es: 'La ejecución falló: {error}' },
  staleRun: {
    en: 'These results are for an earlier version of the scenario or the table: run again to update them.',
    es: 'Estos resultados son de una versión anterior del escenario o de la tabla: vuelva a ejecutar para actualizarlos.',
  },
  ranIn: {
    en: '{trials} trials of {plan} against {baseline}, seed {seed}{lhs}, in {seconds} s.',
    es: '{trials} ensayos de {plan} frente a {baseline}, semilla {seed}{lhs}, en {seconds} s.',
  },
  lhsNote: { en: ', Latin hypercube', es: ', hipercubo latino' },
  redrawn: {
    en: '{count} trial(s) drew values that break a rule of the model and were drawn again: if they are many, the table contradicts the scenario.',
    es: '{count} ensayo(s) sacaron valores que rompen una regla del modelo y se volvieron a extraer: si son muchos, la tabla contradice el escenario.',
  },

  // Results
  resultsTitle: { en: 'How likely is it to pay off?', es: '¿Qué probabilidad hay de que compense?' },
  pWinNpv: { en: 'Probability of a win (NPV)', es: 'Probabilidad de ganar (VAN)' },
  pWinNpvText: {
    en: 'In {p} of the {trials} trials the proposal\'s NPV beats the baseline\'s (NPV of the change above 0); the Monte Carlo error is about ±{error} points.',
    es: 'En el {p} de los {trials} ensayos el VAN de la propuesta supera al de la base (VAN del cambio mayor que 0); el error de Monte Carlo es de unos ±{error} puntos.',
  },
  pWinEquity: { en: 'Probability of a win (customer equity)', es: 'Probabilidad de ganar (valor del cliente)' },
  pWinEquityText: {
    en: 'Counting the value of the customers left at the horizon, the proposal wins in {p} of the trials.',
    es: 'Contando el valor de los clientes que quedan al final del horizonte, la propuesta gana en el {p} de los ensayos.',
  },
  pTenure: { en: 'Break-even within tenure', es: 'Equilibrio dentro del mandato' },
  pTenureText: {
    en: 'The proposal breaks even within the {tenure}-year tenure in {p} of the trials.',
    es: 'La propuesta alcanza el equilibrio dentro del mandato de {tenure} años en el {p} de los ensayos.',
  },
  medianNpv: { en: 'NPV of the change, P50', es: 'VAN del cambio, P50' },
  npvRange: { en: 'P10 {p10} · P90 {p90}', es: 'P10 {p10} · P90 {p90}' },
  lastP50: { en: 'Cumulative contribution delta at the horizon, P50', es: 'Delta de contribución acumulada al final del horizonte, P50' },
  fanTitle: { en: 'Cumulative contribution delta: P10–P90 and P50', es: 'Delta de contribución acumulada: P10–P90 y P50' },
  fanDescription: {
    en: 'In 80 % of the trials the cumulative contribution change lies inside the band; the line is the median. Last period: P50 {p50}, P10 {p10}, P90 {p90}.',
    es: 'En el 80 % de los ensayos el cambio de contribución acumulada queda dentro de la banda; la línea es la mediana. Último período: P50 {p50}, P10 {p10}, P90 {p90}.',
  },
  band: { en: 'P10–P90', es: 'P10–P90' },
  p50: { en: 'P50', es: 'P50' },
  histogramTitle: { en: 'NPV of the change: trials per range', es: 'VAN del cambio: ensayos por tramo' },
  histogramDescription: {
    en: 'Each bar counts the trials whose NPV of the change falls in its range; bars right of zero are wins.',
    es: 'Cada barra cuenta los ensayos cuyo VAN del cambio cae en su tramo; las barras a la derecha de cero son ganancias.',
  },
  npvFrom: { en: 'NPV of the change from', es: 'VAN del cambio desde' },
  trialsCount: { en: 'Trials', es: 'Ensayos' },
  yearsTitle: { en: 'When does it cross over and break even?', es: '¿Cuándo cruza y alcanza el equilibrio?' },
  yearsDescription: {
    en: 'Share of trials by the year in which cumulative revenue (crossover) or contribution (break-even) moves ahead of the baseline for good; "never" within the {years}-year horizon: crossover {crossNever}, break-even {breakNever}.',
    es: 'Proporción de ensayos según el año en que los ingresos acumulados (cruce) o la contribución acumulada (equilibrio) superan a la base para siempre; "nunca" dentro del horizonte de {years} años: cruce {crossNever}, equilibrio {breakNever}.',
  },
  crossoverSeries: { en: 'Revenue crossover', es: 'Cruce de ingresos' },
  breakevenSeries: { en: 'Break-even', es: 'Equilibrio' },
  never: { en: 'Never', es: 'Nunca' },
  when: { en: 'Year', es: 'Año' },

  // Tornado
  tornadoTitle: { en: 'Tornado: which assumption matters most', es: 'Tornado: qué supuesto importa más' },
  tornadoHint: {
    en: 'Each assumption moves alone: rows of the table from their P10 to their P90, the others ±20 %. Largest swing first.',
    es: 'Cada supuesto se mueve solo: las filas de la tabla de su P10 a su P90, los demás ±20 %. Primero la mayor variación.',
  },
  output: { en: 'Output', es: 'Resultado' },
  'output.customerEquityDelta': { en: 'Customer equity change', es: 'Cambio del valor del cliente' },
  'output.npvDelta': { en: 'NPV of the change', es: 'VAN del cambio' },
  'output.tenureNpvDelta': { en: 'NPV inside tenure', es: 'VAN dentro del mandato' },
  runTornado: { en: 'Compute tornado', es: 'Calcular tornado' },
  tornadoChartTitle: { en: '{output}: low and high end of each assumption', es: '{output}: extremo bajo y alto de cada supuesto' },
  tornadoDescription: {
    en: 'With every assumption at its value the output is {base}. The widest bar, {top}, moves it from {low} to {high}.',
    es: 'Con todos los supuestos en su valor el resultado es {base}. La barra más ancha, {top}, lo mueve de {low} a {high}.',
  },
  atLow: { en: 'At the low end', es: 'En el extremo bajo' },
  atHigh: { en: 'At the high end', es: 'En el extremo alto' },
  lowInput: { en: 'Low input', es: 'Dato bajo' },
  highInput: { en: 'High input', es: 'Dato alto' },
  swing: { en: 'Swing', es: 'Variación' },
  fromTable: { en: 'P10–P90', es: 'P10–P90' },
  relative: { en: '±20 %', es: '±20 %' },
  skipped: { en: 'Left out (an end breaks a rule of the model): {list}', es: 'Omitidos (un extremo rompe una regla del modelo): {list}' },

  // Optimiser
  optimizerTitle: { en: 'Optimiser: the best plan within a budget', es: 'Optimizador: el mejor plan dentro de un presupuesto' },
  optimizerHint: {
    en: 'Searches the commission rates, clawback and service outcome weight of {plan} for the highest objective, within the bounds and the budget. Deterministic: the same inputs give the same plan.',
    es: 'Busca las comisiones, la recuperación y el peso de resultados de soporte de {plan} que dan el mayor objetivo, dentro de los límites y del presupuesto. Determinista: los mismos datos dan el mismo plan.',
  },
  optimizerFloors: {
    en: 'In the model pay moves effort between activities but does not create it, so the overall level of commission buys no effort: set each lower bound at the pay your market requires.',
    es: 'En el modelo la retribución mueve el esfuerzo entre actividades pero no lo crea, así que el nivel general de las comisiones no compra esfuerzo: fije cada límite inferior en la retribución que exige su mercado.',
  },
  objective: { en: 'Objective', es: 'Objetivo' },
  'objective.customerEquity': { en: 'Customer equity', es: 'Valor del cliente' },
  'objective.npv': { en: 'NPV of contribution', es: 'VAN de la contribución' },
  'objective.finalYearArr': { en: 'ARR in the final year', es: 'ARR del último año' },
  bounds: { en: 'Bounds', es: 'Límites' },
  lower: { en: 'From', es: 'Desde' },
  upper: { en: 'To', es: 'Hasta' },
  boundOf: { en: '{end} — {key}', es: '{end} — {key}' },
  boundOrder: { en: 'Must not be below the lower bound ({min})', es: 'No puede ser menor que el límite inferior ({min})' },
  budget: { en: 'Budget', es: 'Presupuesto' },
  'budget.year1CompCost': { en: 'Year-1 compensation cost at most', es: 'Coste de retribución del año 1 como máximo' },
  'budget.compCostShare': { en: 'Compensation cost as a share of revenue at most', es: 'Coste de retribución como proporción de los ingresos como máximo' },
  'budget.none': { en: 'No budget', es: 'Sin presupuesto' },
  budgetLimit: { en: 'Limit', es: 'Límite' },
  budgetLimitHint: { en: 'Blank: the baseline\'s own figure', es: 'En blanco: la cifra del plan base' },
  runOptimizer: { en: 'Find the optimum', es: 'Buscar el óptimo' },
  optimizing: { en: 'Searching… {done} projections', es: 'Buscando… {done} proyecciones' },
  current: { en: 'Current: {plan}', es: 'Actual: {plan}' },
  optimum: { en: 'Optimum', es: 'Óptimo' },
  rate: { en: 'Rate', es: 'Tasa' },
  objectiveRow: { en: 'Objective: {objective}', es: 'Objetivo: {objective}' },
  budgetRow: { en: 'Budget used (limit {limit})', es: 'Presupuesto usado (límite {limit})' },
  baselineObjective: { en: 'Under the baseline plan: {value}.', es: 'Con el plan base: {value}.' },
  binding: { en: 'Binding constraints', es: 'Restricciones activas' },
  bindingNone: { en: 'None: the optimum lies inside every bound and under the budget.', es: 'Ninguna: el óptimo está dentro de todos los límites y por debajo del presupuesto.' },
  bindingLower: { en: '{key} at its lower bound ({value}): it would go lower if the bound allowed', es: '{key} en su límite inferior ({value}): bajaría más si el límite lo permitiera' },
  bindingUpper: { en: '{key} at its upper bound ({value}): it would go higher if the bound allowed', es: '{key} en su límite superior ({value}): subiría más si el límite lo permitiera' },
  bindingBudget: { en: 'The budget binds: more budget would buy a better plan', es: 'El presupuesto es activo: más presupuesto compraría un plan mejor' },
  budgetSlack: { en: 'The budget does not bind: paying more would not pay back', es: 'El presupuesto no es activo: pagar más no compensaría' },
  loadOptimum: { en: 'Use the optimum as {plan}', es: 'Usar el óptimo como {plan}' },
  loadedOptimum: { en: 'The optimum is now {plan}: the other tabs show its results.', es: 'El óptimo es ahora {plan}: las otras pestañas muestran sus resultados.' },
  budgetNeutralOn: {
    en: 'Budget neutral is on: the loaded plan will be scaled to the baseline\'s year-1 compensation cost.',
    es: 'Neutral en presupuesto está activado: el plan cargado se escalará al coste de retribución del año 1 de la base.',
  },
  evaluations: { en: '{count} projections.', es: '{count} proyecciones.' },

  // Workbook
  insert: { en: 'Insert into workbook', es: 'Insertar en el libro' },
  inserting: { en: 'Inserting…', es: 'Insertando…' },
  insertedTo: { en: 'Written to the sheet "{sheet}".', es: 'Escrito en la hoja "{sheet}".' },
  insertFailed: { en: 'Could not insert: {error}', es: 'No se pudo insertar: {error}' },
  insertNeedsExcel: {
    en: 'Preview: inserting these results into a workbook needs Excel.',
    es: 'Vista previa: insertar estos resultados en un libro necesita Excel.',
  },
} satisfies Record<string, { en: string; es: string }>;

export type UKey = keyof typeof U;

/** The text `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function u(lang: Language, key: UKey, params?: Record<string, string | number>): string {
  const text: string = U[key][lang];
  return fill(text, params);
}

import fc from 'fast-check';
import {
  DETAIL_IDS, describeProblem, formatNumber, isNeutralDetail, type DetailId, type Problem, type ProblemCode,
} from '../../src/engine';

/**
 * messages.ts, the one place problem texts live: every detail id said in English and in Spanish (the
 * texts below are the ones a user reads, written out in full), numbers with a decimal point in English
 * and a decimal comma in Spanish, and no Spanish message that carries an English explanation.
 * The cross-field details of validation are checked where they arise, in validate.test.ts.
 */

type Said = [problem: Problem, en: string, es: string];

/** One problem per detail id (as the code that reports it builds it), with both texts. */
const SAID: Record<DetailId, Said> = {
  atLeastOneSegment: [{ code: 'missing', key: 'segments', detail: 'atLeastOneSegment' },
    'segments is required (at least one segment)', 'segments es obligatorio (al menos un segmento)'],
  uniqueSegmentNames: [{ code: 'inconsistent', key: 'SMB', detail: 'uniqueSegmentNames' },
    'SMB: segment names must be unique', 'SMB: los nombres de segmento deben ser únicos'],
  belongsWith: [{ code: 'inconsistent', key: 'churn', detail: 'belongsWith', args: { scope: 'segment', found: 'behaviour' } },
    'churn: belongs with the segment values, not the behaviour assumptions', 'churn: va con los valores de segmento, no con los supuestos de comportamiento'],
  effortSum: [{ code: 'inconsistent', key: 'effortAcquire+effortRetain+effortExpand', value: 0.95, detail: 'effortSum' },
    'effortAcquire+effortRetain+effortExpand: the three effort shares must add up to 1, not 0.95',
    'effortAcquire+effortRetain+effortExpand: los tres repartos de esfuerzo deben sumar 1, no 0,95'],
  effortFloor: [{ code: 'inconsistent', key: 'effortExpand', value: 0.01, min: 0.02, detail: 'effortFloor' },
    'effortExpand: 0.01 must be above 0 and at least effortFloor (0.02)', 'effortExpand: 0,01 debe ser mayor que 0 y al menos effortFloor (0,02)'],
  resolveFloor: [{ code: 'inconsistent', key: 'resolveEffortShare', value: 0.95, min: 0.1, max: 0.9, detail: 'resolveFloor' },
    'resolveEffortShare: 0.95 must leave at least effortFloor (0.1) on each side: valid range 0.1 – 0.9',
    'resolveEffortShare: 0,95 debe dejar al menos effortFloor (0,1) a cada lado: rango válido 0,1 – 0,9'],
  baselineRate: [{ code: 'inconsistent', key: 'baseline.commissionNew', value: 0, detail: 'baselineRate' },
    'baseline.commissionNew: the baseline rate must be above 0, not 0: effort responds to each plan relative to the baseline',
    'baseline.commissionNew: la tasa de la base debe ser mayor que 0, no 0: el esfuerzo responde a cada plan en relación con la base'],
  baselineOutcomeWeight: [{ code: 'inconsistent', key: 'baseline.outcomeWeight', value: 1, detail: 'baselineOutcomeWeight' },
    'baseline.outcomeWeight: the baseline weight must be strictly between 0 and 1, not 1',
    'baseline.outcomeWeight: el peso de la base debe estar estrictamente entre 0 y 1, no 1'],
  baselineClawback: [{ code: 'inconsistent', key: 'baseline.clawback', value: 1, detail: 'baselineClawback' },
    'baseline.clawback: the baseline clawback must be below 1, not 1', 'baseline.clawback: la recuperación de comisión de la base debe ser menor que 1, no 1'],
  sbgPair: [{ code: 'inconsistent', key: 'SMB.sbgAlpha/sbgBeta', detail: 'sbgPair', args: { alpha: 0, beta: 1.5 } },
    'SMB.sbgAlpha/sbgBeta: sbgAlpha is 0 and sbgBeta 1.5: set both sBG parameters above 0, or both to 0 for flat churn',
    'SMB.sbgAlpha/sbgBeta: sbgAlpha vale 0 y sbgBeta 1,5: fije ambos parámetros sBG por encima de 0, o ambos a 0 para un abandono constante'],
  serviceChurn: [{ code: 'inconsistent', key: 'churn', value: 0.05, min: 0.0608, detail: 'serviceChurn' },
    'churn: 0.05 is less than the service-driven churn under the baseline (0.0608), the least churn can be; lower contactsPerCustomer or pChurnIfUnresolved, or raise churn',
    'churn: 0,05 es menor que el abandono causado por el soporte con el plan base (0,0608), el mínimo que puede tener; reduzca contactsPerCustomer o pChurnIfUnresolved, o suba churn'],
  newerVersion: [{ code: 'tooLarge', key: 'schemaVersion', value: 4, max: 3, detail: 'newerVersion' },
    'schemaVersion: 4 is too large; the limit is 3 (saved by a newer version of the add-in)',
    'schemaVersion: 4 es demasiado grande; el límite es 3 (guardado con una versión más reciente del complemento)'],
  notAnObject: [{ code: 'badShape', key: 'baseline', detail: 'notAnObject', args: { found: 'boolean' } },
    'baseline: expected an object ({…}), not true/false', 'baseline: se esperaba un objeto ({…}), no verdadero/falso'],
  notAList: [{ code: 'badShape', key: 'proposed', detail: 'notAList', args: { found: 'object' } },
    'proposed: expected a list ([…]), not an object', 'proposed: se esperaba una lista ([…]), no un objeto'],
  notANumberShape: [{ code: 'badShape', key: 'churn', value: { toString: 1 }, detail: 'notANumberShape', args: { found: 'object' } },
    'churn: expected a number, not an object ({"toString": 1})', 'churn: se esperaba un número, no un objeto ({"toString": 1})'],
  notText: [{ code: 'badShape', key: 'segments[1].name', detail: 'notText', args: { found: 'number' } },
    'segments[1].name: expected a text, not a number', 'segments[1].name: se esperaba un texto, no un número'],
  segmentName: [{ code: 'missing', key: 'segments[0].name', detail: 'segmentName' },
    'segments[0].name is required (every segment needs a name)', 'segments[0].name es obligatorio (cada segmento necesita un nombre)'],
  budgetNoVariablePay: [{ code: 'inconsistent', key: 'Retention plan', detail: 'budgetNoVariablePay', args: { cost: 0, target: 922541, factor: 1048576 } },
    'Retention plan: pays no commission or service bonus, so no factor on them changes its year-1 comp cost (0; the baseline\'s is 922541)',
    'Retention plan: no paga comisiones ni bono de soporte, así que ningún factor sobre ellos cambia su coste de retribución del año 1 (0; el de la base es 922541)'],
  budgetUnreachable: [{ code: 'inconsistent', key: 'Retention plan', detail: 'budgetUnreachable', args: { cost: 11490, target: 922541, factor: 1048576 } },
    'Retention plan: no factor on its variable pay brings its year-1 comp cost to the baseline\'s (922541): scaled × 1048576 it costs 11490',
    'Retention plan: ningún factor sobre su retribución variable lleva su coste de retribución del año 1 al de la base (922541): escalado × 1048576 cuesta 11490'],
  runOffDiverges: [{ code: 'inconsistent', key: 'walletMultiple', detail: 'runOffDiverges', args: { segment: 2, years: 50 } },
    'walletMultiple: with no expansion ceiling (walletMultiple 0), segment 2\'s book still grows faster than churn and discounting shrink it after 50 years of run-off, so its terminal value (and customer equity) has no finite value; set walletMultiple (4 is the default) or lower expansion',
    'walletMultiple: sin techo de expansión (walletMultiple 0), la cartera del segmento 2 sigue creciendo más deprisa de lo que el abandono y el descuento la reducen tras 50 años de agotamiento, así que su valor terminal (y el valor del cliente) no es finito; fije walletMultiple (4 por defecto) o reduzca la expansión'],
  scenarioWide: [{ code: 'inconsistent', key: 'SMB.discountRate', detail: 'scenarioWide', args: { key: 'discountRate' } },
    'SMB.discountRate: discountRate is one value for the whole scenario; leave the segment out',
    'SMB.discountRate: discountRate tiene un solo valor para todo el escenario; quite el segmento'],
  variedTwice: [{ code: 'inconsistent', key: 'SMB.churn', detail: 'variedTwice', args: { other: 'churn' } },
    'SMB.churn: varied twice (also as churn); give one row per key and segment', 'SMB.churn: se varía dos veces (también como churn); dé una fila por clave y segmento'],
  notUncertainPlan: [{ code: 'notUncertain', key: 'clawback', detail: 'notUncertainPlan' },
    'clawback: cannot carry a distribution (plan rates are decisions, not uncertain assumptions: compare plans instead)',
    'clawback: no puede llevar una distribución (las tasas del plan son decisiones, no supuestos inciertos: compare planes)'],
  notUncertainWhole: [{ code: 'notUncertain', key: 'horizonYears', detail: 'notUncertainWhole' },
    'horizonYears: cannot carry a distribution (a whole-number or choice setting: run one scenario per value instead)',
    'horizonYears: no puede llevar una distribución (es un ajuste entero o de opción: ejecute un escenario por valor)'],
  notUncertainEffort: [{ code: 'notUncertain', key: 'effortRetain', detail: 'notUncertainEffort' },
    'effortRetain: cannot carry a distribution (the three effort shares must add up to 1, so one cannot vary alone)',
    'effortRetain: no puede llevar una distribución (los tres repartos de esfuerzo deben sumar 1, así que uno no puede variar solo)'],
  notUncertainFlatChurn: [{ code: 'notUncertain', key: 'SMB.sbgBeta', detail: 'notUncertainFlatChurn' },
    'SMB.sbgBeta: cannot carry a distribution (this segment has flat churn: set both sBG parameters above 0 first)',
    'SMB.sbgBeta: no puede llevar una distribución (este segmento tiene abandono constante: fije antes ambos parámetros sBG por encima de 0)'],
  redrawsExhausted: [{ code: 'inconsistent', key: 'uncertainty', detail: 'redrawsExhausted', args: { trial: 7, draws: 101, rule: 'SMB.churn' } },
    'uncertainty: trial 7: 101 draws in a row break a rule of the model (SMB.churn); narrow the distributions',
    'uncertainty: ensayo 7: 101 sorteos seguidos incumplen una regla del modelo (SMB.churn); estreche las distribuciones'],
  summaryRunSize: [{ code: 'tooLarge', key: 'trials', value: 2_000_000, max: 1_500_000, detail: 'summaryRunSize' },
    'trials: 2000000 is too large; the limit is 1500000 (too many for a summary computed at once: fewer trials, or CEQ.SIMULATE for a long run)',
    'trials: 2000000 es demasiado grande; el límite es 1500000 (demasiado para un resumen calculado al momento: menos ensayos, o CEQ.SIMULAR para una simulación larga)'],
  correlationShape: [{ code: 'inconsistent', key: 'correlation', detail: 'correlationShape', args: { n: 3 } },
    'correlation: must be a square range with the 3 uncertain keys as its header row and first column',
    'correlation: debe ser un rango cuadrado con las 3 claves inciertas en la fila de encabezado y la primera columna'],
  correlationSymmetric: [{ code: 'inconsistent', key: 'correlation churn × arpa', value: 0.5, detail: 'correlationSymmetric', args: { other: 0.25 } },
    'correlation churn × arpa: differs from its mirror entry 0.25; a correlation matrix is symmetric',
    'correlation churn × arpa: difiere de su simétrico 0,25; una matriz de correlación es simétrica'],
  correlationUnknownKey: [{ code: 'inconsistent', key: 'correlation chrun', detail: 'correlationUnknownKey', args: { keys: 'churn, arpa' } },
    'correlation chrun: is not a row of the uncertainty table (churn, arpa)',
    'correlation chrun: no es una fila de la tabla de incertidumbre (churn, arpa)'],
  emptyInterval: [{ code: 'badDistribution', key: 'churn', min: 0.5, max: 0.25, detail: 'emptyInterval' },
    'churn: [0.5, 0.25] = ∅', 'churn: [0,5; 0,25] = ∅'],
  minNotBelowMax: [{ code: 'badDistribution', key: 'churn', value: 0.3, detail: 'minNotBelowMax', args: { kind: 'triangular', min: 0.3, max: 0.1 } },
    'churn: triangular: min 0.3 ≥ max 0.1', 'churn: triangular: mín 0,3 ≥ máx 0,1'],
  modeOutside: [{ code: 'badDistribution', key: 'churn', value: 0.5, detail: 'modeOutside', args: { kind: 'pert', mode: 0.5, min: 0.1, max: 0.3 } },
    'churn: pert: mode 0.5 ∉ [0.1, 0.3]', 'churn: pert: moda 0,5 ∉ [0,1; 0,3]'],
  notPositive: [{ code: 'badDistribution', key: 'arpa', value: -2.5, detail: 'notPositive', args: { kind: 'lognormal', parameter: 'sd' } },
    'arpa: lognormal: sd -2.5 ≤ 0', 'arpa: lognormal: desviación -2,5 ≤ 0'],
  missesRange: [{ code: 'badDistribution', key: 'churn', min: 0, max: 0.95, detail: 'missesRange', args: { kind: 'uniform', lower: 5, upper: 15 } },
    'churn: uniform: [5, 15] ∩ [0, 0.95] = ∅', 'churn: uniform: [5; 15] ∩ [0; 0,95] = ∅'],
  tooLittleMass: [{ code: 'badDistribution', key: 'churn', min: 0, max: 0.95, value: 7.1488e-20, detail: 'tooLittleMass', args: { kind: 'normal', mass: 7.15e-20, least: 0.000001 } },
    'churn: normal: P(X ∈ [0, 0.95]) = 7.15e-20 < 0.000001', 'churn: normal: P(X ∈ [0; 0,95]) = 7,15e-20 < 0,000001'],
  iterations: [{ code: 'notConverged', key: 'survivors', detail: 'iterations', args: { count: 4000 } },
    'survivors: the fit did not converge (4000 iterations)', 'survivors: el ajuste no convergió (4000 iteraciones)'],
  seriesTerms: [{ code: 'notConverged', key: 'hyp2f1', detail: 'seriesTerms', args: { z: 0.999999999, terms: 1000000 } },
    'hyp2f1: the fit did not converge (z = 0.999999999, 1000000 terms)', 'hyp2f1: el ajuste no convergió (z = 0,999999999; 1000000 términos)'],
  cohortAndCounts: [{ code: 'emptyData', key: 'survivors', detail: 'cohortAndCounts' },
    'survivors: no data (give the cohort size and later survivor counts)', 'survivors: no hay datos (indique el tamaño de la cohorte y los supervivientes posteriores)'],
  cohortAndOneCount: [{ code: 'tooFewPoints', key: 'survivors', detail: 'cohortAndOneCount' },
    'survivors: too few data points (need the cohort size and at least one later count)',
    'survivors: muy pocos datos (se necesitan el tamaño de la cohorte y al menos un recuento posterior)'],
  emptyCohort: [{ code: 'emptyData', key: 'survivors[0]', detail: 'emptyCohort' },
    'survivors[0]: no data (the cohort has no customers)', 'survivors[0]: no hay datos (la cohorte no tiene clientes)'],
  retentionOfOne: [{ code: 'inconsistent', key: 'retention', value: 1, detail: 'retentionOfOne' },
    'retention: a retention of 1 needs a finite number of years', 'retention: una retención de 1 necesita un número finito de años'],
  item: [{ code: 'notANumber', key: 'values', value: NaN, detail: 'item', args: { index: 3 } },
    'values: "NaN" is not a number (item 3)', 'values: "NaN" no es un número (elemento 3)'],
  histogramRange: [{ code: 'inconsistent', key: 'range', detail: 'histogramRange', args: { lo: 2.5, hi: 1 } },
    'range: the histogram range must be finite and increasing, not 2.5 to 1', 'range: el rango del histograma debe ser finito y creciente, no de 2,5 a 1'],
  minAboveMax: [{ code: 'inconsistent', key: 'bounds.commissionNew', value: 0.2, detail: 'minAboveMax', args: { min: 0.2, max: 0.1 } },
    'bounds.commissionNew: min 0.2 > max 0.1', 'bounds.commissionNew: mín 0,2 > máx 0,1'],
  belongsInArgument: [{ code: 'inconsistent', key: 'clawback', detail: 'belongsInArgument', args: { place: 'planArgument', argument: 'assumptions' } },
    'clawback: belongs in a plan argument, not in assumptions', 'clawback: va en un argumento de plan, no en assumptions'],
  valueWithoutKey: [{ code: 'missing', key: 'assumptions', detail: 'valueWithoutKey', args: { row: 3 } },
    'assumptions: row 3 has a value but no key', 'assumptions: la fila 3 tiene un valor pero ninguna clave'],
  segmentsDisagree: [{ code: 'inconsistent', key: 'discountRate', value: 0.12, detail: 'segmentsDisagree', args: { first: 0.1, second: 0.12 } },
    'discountRate: one value for all segments, but the columns hold 0.1 and 0.12',
    'discountRate: un solo valor para todos los segmentos, pero las columnas tienen 0,1 y 0,12'],
  keyTwice: [{ code: 'inconsistent', key: 'churn', detail: 'keyTwice', args: { first: 2, second: 5 } },
    'churn: appears twice (rows 2 and 5)', 'churn: aparece dos veces (filas 2 y 5)'],
  appearsTwice: [{ code: 'inconsistent', key: 'bounds.clawback', detail: 'appearsTwice' },
    'bounds.clawback: appears twice', 'bounds.clawback: aparece dos veces'],
  nameTwice: [{ code: 'inconsistent', key: 'segments', value: 'SMB', detail: 'nameTwice' },
    'segments: "SMB" appears twice; segment names must be unique', 'segments: "SMB" aparece dos veces; los nombres de segmento deben ser únicos'],
  headerRow: [{ code: 'badShape', key: 'Inputs', detail: 'headerRow' },
    'Inputs: needs a header row with "key" and at least one value column', 'Inputs: necesita una fila de encabezado con "key" y al menos una columna de valores'],
  oneCell: [{ code: 'badShape', key: 'start_arr', detail: 'oneCell' },
    'start_arr: expected one cell, not a range', 'start_arr: se esperaba una celda, no un rango'],
  oneRowOrColumn: [{ code: 'badShape', key: 'survivors', detail: 'oneRowOrColumn', args: { height: 3, width: 2 } },
    'survivors: expected one row or one column, not 3×2', 'survivors: se esperaba una fila o una columna, no 3×2'],
  lengthMismatch: [{ code: 'badShape', key: 'proposed_series', value: 3, detail: 'lengthMismatch', args: { other: 'baseline_series', length: 2 } },
    'proposed_series: 3 values, but baseline_series has 2', 'proposed_series: 3 valores, pero baseline_series tiene 2'],
  lossesExceedStart: [{ code: 'inconsistent', key: 'churned', value: 50.5, detail: 'lossesExceedStart', args: { losses: 110.5, start: 100 } },
    'churned: contraction + churned (110.5) exceed start_arr (100)', 'churned: contraction + churned (110,5) superan start_arr (100)'],
  ratioOverflow: [{ code: 'inconsistent', key: 'start_arr', value: 5e-324, detail: 'ratioOverflow', args: { other: 'expansion', amount: 1.5e15 } },
    'start_arr: 5e-324 is too small beside expansion (1500000000000000): the ratio passes the largest number a cell holds',
    'start_arr: 5e-324 es demasiado pequeño al lado de expansion (1500000000000000): el cociente supera el mayor número que cabe en una celda'],
  shareWithoutRevenue: [{ code: 'inconsistent', key: 'budget', value: 'comp_cost_share', detail: 'shareWithoutRevenue' },
    'budget: comp_cost_share divides comp cost by revenue, and this scenario has no revenue over the horizon (no customers): use year1_comp_cost or none',
    'budget: comp_cost_share divide el coste de retribución entre los ingresos, y este escenario no tiene ingresos en el horizonte (no hay clientes): use year1_comp_cost o none'],
  aboveMinimum: [{ code: 'inconsistent', key: 'start_arr', value: 0, min: 0, detail: 'aboveMinimum' },
    'start_arr: must be above 0, not 0', 'start_arr: debe ser mayor que 0, no 0'],
  rowNeedsKey: [{ code: 'missing', key: 'uncertainty', detail: 'rowNeedsKey', args: { row: 2 } },
    'uncertainty: row 2 needs an assumption in its first cell (churn, SMB.churn …)',
    'uncertainty: la fila 2 necesita un supuesto en su primera celda (churn, SMB.churn …)'],
  boundWithoutKey: [{ code: 'missing', key: 'bounds', detail: 'boundWithoutKey', args: { row: 4 } },
    'bounds: row 4 has a bound but no key', 'bounds: la fila 4 tiene un límite pero ninguna clave'],
  distributionParameters: [{ code: 'missing', key: 'churn.max', detail: 'distributionParameters', args: { kind: 'triangular', names: 'min, mode, max' } },
    'churn.max is required (triangular: min, mode, max)', 'churn.max es obligatorio (triangular: min, mode, max)'],
  extraParameter: [{ code: 'inconsistent', key: 'churn', value: 0.3, detail: 'extraParameter', args: { kind: 'normal', count: 2, names: 'mean, sd', position: 3 } },
    'churn: normal takes 2 parameters (mean, sd); leave p3 blank', 'churn: normal lleva 2 parámetros (mean, sd); deje p3 en blanco'],
  boundsRows: [{ code: 'emptyData', key: 'bounds', detail: 'boundsRows', args: { keys: 'commissionNew, clawback' } },
    'bounds: no data (key | min | max rows for commissionNew, clawback)', 'bounds: no hay datos (filas clave | mín | máx para commissionNew, clawback)'],
  uncertaintyRows: [{ code: 'emptyData', key: 'uncertainty', detail: 'uncertaintyRows' },
    'uncertainty: no data (key | distribution | p1 | p2 | p3 rows)', 'uncertainty: no hay datos (filas clave | distribución | p1 | p2 | p3)'],
  budgetCells: [{ code: 'badShape', key: 'budget', value: 3, detail: 'budgetCells' },
    'budget: one or two cells (a kind, then its limit), not 3', 'budget: una o dos celdas (un tipo y después su límite), no 3'],
  noneTakesNoLimit: [{ code: 'inconsistent', key: 'budget', value: 5, detail: 'noneTakesNoLimit' },
    'budget: none takes no limit', 'budget: none no lleva límite'],
  runningTotalNeedsFlow: [{ code: 'inconsistent', key: 'metric', value: 'cumulative_arr', detail: 'runningTotalNeedsFlow', args: { metric: 'arr' } },
    'metric: a running total needs a flow (revenue, contribution, comp_cost …), not arr',
    'metric: un total acumulado necesita un flujo (revenue, contribution, comp_cost …), no arr'],
  workSize: [{ code: 'tooLarge', key: 'trials × periods × segments × 2 plans', value: 72000000, max: 60000000, detail: 'workSize', args: { perProjection: 360 } },
    'trials × periods × segments × 2 plans: 72000000 is too large; the limit is 60000000 (segment-periods projected, 360 per projection)',
    'trials × periods × segments × 2 plans: 72000000 es demasiado grande; el límite es 60000000 (segmentos-período proyectados, 360 por proyección)'],
  rows: [{ code: 'tooLarge', key: 'uncertainty', value: 201, min: 1, max: 200, detail: 'rows' },
    'uncertainty: 201 rows is too large; the limit is 1 – 200', 'uncertainty: 201 filas es demasiado grande; el límite es 1 – 200'],
  columns: [{ code: 'tooLarge', key: 'assumptions', value: 51, max: 50, detail: 'columns' },
    'assumptions: 51 columns is too large; the limit is 50', 'assumptions: 51 columnas es demasiado grande; el límite es 50'],
  cells: [{ code: 'tooLarge', key: 'assumptions', value: 100100, min: 1, max: 100000, detail: 'cells' },
    'assumptions: 100100 cells is too large; the limit is 1 – 100000', 'assumptions: 100100 celdas es demasiado grande; el límite es 1 – 100000'],
  characters: [{ code: 'tooLarge', key: 'assumptions', value: 2100000, max: 2000000, detail: 'characters' },
    'assumptions: 2100000 characters of text is too large; the limit is 2000000',
    'assumptions: 2100000 caracteres de texto es demasiado grande; el límite es 2000000'],
  values: [{ code: 'tooLarge', key: 'baseline_series', value: 5001, min: 1, max: 5000, detail: 'values' },
    'baseline_series: 5001 values is too large; the limit is 1 – 5000', 'baseline_series: 5001 valores es demasiado grande; el límite es 1 – 5000'],
  names: [{ code: 'tooLarge', key: 'segments', value: 51, min: 1, max: 50, detail: 'names' },
    'segments: 51 names is too large; the limit is 1 – 50', 'segments: 51 nombres es demasiado grande; el límite es 1 – 50'],
  segments: [{ code: 'tooLarge', key: 'segments', value: 20000, max: 50, detail: 'segments' },
    'segments: 20000 segments is too large; the limit is 50', 'segments: 20000 segmentos es demasiado grande; el límite es 50'],
  plans: [{ code: 'tooLarge', key: 'proposed', value: 11, max: 10, detail: 'plans' },
    'proposed: 11 proposed plans is too large; the limit is 10', 'proposed: 11 planes propuestos es demasiado grande; el límite es 10'],
  keys: [{ code: 'tooLarge', key: 'proposed[0].values', value: 5000, max: 200, detail: 'keys' },
    'proposed[0].values: 5000 keys is too large; the limit is 200', 'proposed[0].values: 5000 claves es demasiado grande; el límite es 200'],
  unknownKeys: [{ code: 'tooLarge', key: 'scenario', value: 2189, max: 20, detail: 'unknownKeys' },
    'scenario: 2189 unknown keys is too large; the limit is 20', 'scenario: 2189 claves desconocidas es demasiado grande; el límite es 20'],
  levels: [{ code: 'tooLarge', key: 'segments[0].values.churn[0][0][0][0]', value: '> 8', max: 8, detail: 'levels' },
    'segments[0].values.churn[0][0][0][0]: > 8 levels of nesting is too large; the limit is 8',
    'segments[0].values.churn[0][0][0][0]: > 8 niveles de anidamiento es demasiado grande; el límite es 8'],
  // text/calibration-details.ts
  ledgerBlankCustomer: [{code: 'inconsistent',key: 'customer_id',detail: 'ledgerBlankCustomer',args: {row: 12}},
    'customer_id: row 12 has no customer id; the row is skipped',
    'customer_id: la fila 12 no tiene identificador de cliente; se omite'],
  ledgerBadPeriod: [{code: 'inconsistent',key: 'month',value: 'TBD',detail: 'ledgerBadPeriod',args: {row: 12}},
    'month: row 12: "TBD" is not a date, an Excel date or a period number; the row is skipped',
    'month: fila 12: "TBD" no es una fecha, una fecha de Excel ni un número de período; se omite'],
  ledgerPeriodKind: [{code: 'inconsistent',key: 'month',value: '7',detail: 'ledgerPeriodKind',args: {row: 12}},
    'month: row 12: 7 mixes period numbers with dates; the row is skipped',
    'month: fila 12: 7 mezcla números de período con fechas; se omite'],
  ledgerNotAmount: [{code: 'inconsistent',key: 'arr',value: 'n/a',detail: 'ledgerNotAmount',args: {row: 12}},
    'arr: row 12: "n/a" is not an amount; the row is skipped',
    'arr: fila 12: "n/a" no es un importe; se omite'],
  ledgerNegative: [{code: 'inconsistent',key: 'arr',value: -1200.5,detail: 'ledgerNegative',args: {row: 12}},
    'arr: row 12: -1200.5 is below 0 (a credit or refund is not recurring revenue); the row is skipped',
    'arr: fila 12: -1200,5 es menor que 0 (un abono o devolución no es ingreso recurrente); se omite'],
  ledgerHuge: [{code: 'inconsistent',key: 'arr',value: 2000000000000,detail: 'ledgerHuge',args: {row: 12}},
    'arr: row 12: 2000000000000 is above 1e12 for one customer; the row is skipped',
    'arr: fila 12: 2000000000000 supera 1e12 para un cliente; se omite'],
  ledgerDuplicate: [{code: 'inconsistent',key: 'customer_id',value: 'C001',detail: 'ledgerDuplicate',args: {row: 12,first: 5,period: '2024-03'}},
    'customer_id: row 12: customer C001 already has a row for 2024-03 (row 5); the later row is skipped',
    'customer_id: fila 12: el cliente C001 ya tiene una fila para 2024-03 (fila 5); se omite la posterior'],
  ledgerSegmentMove: [{code: 'inconsistent',key: 'segment',value: 'Enterprise',detail: 'ledgerSegmentMove',args: {row: 12,customer: 'C001',from: 'SMB'}},
    'segment: row 12: customer C001 moves from SMB to Enterprise; it stays in SMB, its first segment',
    'segment: fila 12: el cliente C001 pasa de SMB a Enterprise; se queda en SMB, su primer segmento'],
  ledgerUnitMixed: [{code: 'inconsistent',key: 'unit',value: 'MRR',detail: 'ledgerUnitMixed',args: {row: 12,unit: 'ARR'}},
    'unit: row 12 is in MRR in an ARR ledger; converted (MRR × 12 = ARR)',
    'unit: la fila 12 está en MRR en un registro en ARR; convertida (MRR × 12 = ARR)'],
  ledgerUnitJump: [{code: 'inconsistent',key: 'arr',value: 1200.5,detail: 'ledgerUnitJump',args: {row: 12,customer: 'C001',before: 100.04}},
    'arr: row 12: customer C001 goes from 100.04 to 1200.5, exactly 12 times or a twelfth: MRR mixed with ARR? Kept as it is',
    'arr: fila 12: el cliente C001 pasa de 100,04 a 1200,5, exactamente 12 veces o la doceava parte: ¿MRR mezclado con ARR? Se mantiene'],
  ledgerZero: [{code: 'inconsistent',key: 'arr',detail: 'ledgerZero'},
    'arr: amount 0: no ARR that period',
    'arr: importe 0: sin ARR ese período'],
  ledgerBlankRow: [{code: 'inconsistent',key: 'ledger',detail: 'ledgerBlankRow'},
    'ledger: blank rows',
    'ledger: filas en blanco'],
  ledgerBothUnits: [{code: 'inconsistent',key: 'ledger',detail: 'ledgerBothUnits',args: {arr: 'ARR',mrr: 'MRR'}},
    'ledger: the ledger has both an ARR column (ARR) and an MRR column (MRR); keep one',
    'ledger: el registro tiene una columna ARR (ARR) y otra MRR (MRR); deje una'],
  ledgerUnitHeader: [{code: 'inconsistent',key: 'unit',value: 'arr',detail: 'ledgerUnitHeader',args: {header: 'MRR'}},
    'unit: arr does not match the amount column\'s header MRR',
    'unit: arr no coincide con el encabezado de la columna de importes MRR'],
  ledgerColumn: [{code: 'inconsistent',key: 'ledger',detail: 'ledgerColumn',args: {column: 'period'}},
    'ledger: no period column: head the columns customer, month, arr (or mrr) and segment, or put them in that order with no header',
    'ledger: no hay columna period: titule las columnas cliente, mes, arr (o mrr) y segmento, o póngalas en ese orden sin encabezado'],
  ledgerEmpty: [{code: 'emptyData',key: 'ledger',detail: 'ledgerEmpty'},
    'ledger: no data (the range is empty)',
    'ledger: no hay datos (el rango está vacío)'],
  ledgerTwoPeriods: [{code: 'tooFewPoints',key: 'ledger',detail: 'ledgerTwoPeriods'},
    'ledger: too few data points (a ledger needs at least two periods)',
    'ledger: muy pocos datos (un registro necesita al menos dos períodos)'],
  ledgerGap: [{code: 'inconsistent',key: 'month',value: '2024-05',detail: 'ledgerGap',args: {before: '2024-04',after: '2024-06'}},
    'month: no row at all for 2024-05, between 2024-04 and 2024-06; a period with no customers would churn the whole book, so add it or cut the ledger there',
    'month: ninguna fila para 2024-05, entre 2024-04 y 2024-06; un período sin clientes haría abandonar a toda la base: añádalo o corte el registro ahí'],
  cutoffOutside: [{code: 'inconsistent',key: 'cutoff',value: '2025-12',detail: 'cutoffOutside',args: {first: '2023-02',last: '2025-11'}},
    'cutoff: 2025-12 must leave at least one period on each side, between 2023-02 and 2025-11',
    'cutoff: 2025-12 debe dejar al menos un período a cada lado, entre 2023-02 y 2025-11'],
  cutoffNotPeriod: [{code: 'inconsistent',key: 'cutoff',value: 'soon',detail: 'cutoffNotPeriod',args: {first: '2023-01',last: '2025-12'}},
    'cutoff: "soon" is not a period of the ledger (2023-01 … 2025-12)',
    'cutoff: "soon" no es un período del registro (2023-01 … 2025-12)'],
  unknownSegment: [{code: 'inconsistent',key: 'segment',value: 'SMEs',detail: 'unknownSegment',args: {names: 'SMB, Mid-market'}},
    'segment: "SMEs" is not a segment of the ledger (SMB, Mid-market)',
    'segment: "SMEs" no es un segmento del registro (SMB, Mid-market)'],
};

describe('every detail id', () => {
  it('has an English and a Spanish text, written out here', () => {
    expect(Object.keys(SAID).sort()).toEqual([...DETAIL_IDS].sort());
  });

  it.each(Object.entries(SAID))('%s reads as written, in English and in Spanish', (id, [problem, en, es]) => {
    expect(problem.detail).toBe(id);
    expect(describeProblem(problem, 'en')).toBe(en);
    expect(describeProblem(problem, 'es')).toBe(es);
  });

  it('never leaves a Spanish reader an English explanation', () => {
    // Every message differs between the languages; a detail with words (all but the few written in
    // keys, formulas and numbers only) never appears in English inside the Spanish message.
    const leaks = Object.entries(SAID).filter(([id, [problem, en, es]]) => {
      const english = en.slice(`${problem.key}`.length);
      return es === en || (!isNeutralDetail(id as DetailId) && es.includes(english));
    });
    expect(leaks.map(([id]) => id)).toEqual([]);
    expect(DETAIL_IDS.filter(isNeutralDetail).sort()).toEqual(['distributionParameters', 'emptyInterval', 'missesRange', 'tooLittleMass']);
  });

  it('never shows "undefined", "NaN" from a missing fact, or an object, in either language (property)', () => {
    // Random facts of the right kinds: whatever the numbers, every template finds what it reads.
    const numbers = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
    fc.assert(fc.property(fc.constantFrom(...DETAIL_IDS), numbers, numbers, numbers, (id, x, y, z) => {
      const [base] = SAID[id];
      const args = base.args && Object.fromEntries(Object.entries(base.args).map(([k, v], i) => [k, typeof v === 'number' ? [x, y, z][i % 3] : v]));
      const problem: Problem = { ...base, ...(base.args ? { args } : {}), ...(typeof base.value === 'number' ? { value: x } : {}) };
      for (const language of ['en', 'es'] as const) {
        expect(describeProblem(problem, language)).not.toMatch(/undefined|\[object|(?<![A-Za-z"])NaN/);
      }
    }), { numRuns: 500 });
  });
});

describe('numbers in messages', () => {
  it('are written with a decimal point in English and a decimal comma in Spanish, by one formatter', () => {
    expect([0.95, 1.2, -0.1, 100000000, 1e-7, 0.1 + 0.2].map((x) => formatNumber(x))).toEqual(['0.95', '1.2', '-0.1', '100000000', '1e-7', '0.3']);
    expect([0.95, 1.2, -0.1, 100000000, 1e-7, 0.1 + 0.2].map((x) => formatNumber(x, 'es'))).toEqual(['0,95', '1,2', '-0,1', '100000000', '1e-7', '0,3']);
    expect([Infinity, -Infinity].map((x) => formatNumber(x, 'es'))).toEqual(['∞', '−∞']);
  });

  it('show the value and the range in the reader\'s own notation, for every code (property)', () => {
    const codes: ProblemCode[] = ['notANumber', 'outOfRange', 'notInteger', 'notAllowed', 'blankUsesDefault', 'nonMonotone', 'tooLarge', 'infeasible', 'weightsSum'];
    const decimal = fc.double({ min: -1e4, max: 1e4, noNaN: true }).filter((x) => !Number.isInteger(x) && Math.abs(x) > 1e-3);
    fc.assert(fc.property(fc.constantFrom(...codes), decimal, decimal, decimal, (code, value, a, b) => {
      const [min, max] = a < b ? [a, b] : [b, a];
      const problem: Problem = { code, key: 'SMB.churn', value, min, max, suggestion: '1, 4, 12' };
      const en = describeProblem(problem, 'en');
      const es = describeProblem(problem, 'es');
      expect(en).toContain(formatNumber(value, 'en'));
      expect(es).toContain(formatNumber(value, 'es'));
      if (code === 'outOfRange' || code === 'notInteger') {
        expect(en).toContain(`${formatNumber(min)} – ${formatNumber(max)}`);
        expect(es).toContain(`${formatNumber(min, 'es')} – ${formatNumber(max, 'es')}`);
      }
      // No number in a Spanish message has a decimal point (the key "SMB.churn" has no digits).
      expect(es).not.toMatch(/\d\.\d/);
    }), { numRuns: 300 });
  });

  it('keep text exactly as typed, in either language', () => {
    const problem: Problem = { code: 'notANumber', key: 'churn', value: '0.1.2', min: 0, max: 0.95 };
    expect(describeProblem(problem, 'es')).toBe('churn: "0.1.2" no es un número; rango válido 0 – 0,95');
  });
});

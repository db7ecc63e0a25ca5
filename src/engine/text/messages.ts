import { excerptOf, type Problem, type ProblemCode } from './errors';
import { CALIBRATION_DETAILS } from './calibration-details';

/**
 * The one place where problem texts live, in both languages the product speaks. A Problem carries
 * facts (key, value, range, args) and, where its code alone does not say enough, a detail id from
 * DETAILS below; nothing else in the engine, the functions or the workbook writes words for a user.
 */
export type Language = 'en' | 'es';

/** What a template reads besides the problem itself, already written the way `language` writes it. */
export interface Facts {
  /** The problem's value. */
  value: string;
  /** The problem's valid range ("0 – 0.95"), or ''. */
  range: string;
  /** Any fact (a number, a key) as this language writes it: 0.95 in English, 0,95 in Spanish. */
  n: (x: unknown) => string;
  /** [lo, hi] as this language writes an interval: "[0, 0.95]", "[0; 0,95]". */
  interval: (lo: unknown, hi: unknown) => string;
  /** The problem's args (numbers and keys a detail needs that have no field of their own). */
  a: Readonly<Record<string, number | string>>;
}

export type Say = (p: Problem, f: Facts) => string;

export interface Detail {
  en: Say;
  es: Say;
  /**
   * Where the text goes: by default the code's template places it (a note in parentheses, or the
   * whole explanation of `inconsistent`, `badShape`, `badDistribution`); `whole` makes it everything
   * after the key; `unit` names what the value counts (5001 rows is too large).
   */
  place?: 'whole' | 'unit';
  /** The same in both languages: keys, formulas and identifiers only (no words to translate). */
  neutral?: true;
}

/** Scope names for "belongs with …" (catalogue scopes, and the custom functions' two range arguments). */
const PLACE: Record<Language, Record<string, string>> = {
  en: {
    scenario: 'the scenario settings', segment: 'the segment values', behaviour: 'the behaviour assumptions', plan: 'the plan values',
    assumptionsArgument: 'the assumptions argument', planArgument: 'a plan argument',
  },
  es: {
    scenario: 'los ajustes del escenario', segment: 'los valores de segmento', behaviour: 'los supuestos de comportamiento', plan: 'los valores del plan',
    assumptionsArgument: 'el argumento de supuestos', planArgument: 'un argumento de plan',
  },
};

/** What a stored scenario held where an object, a list or a text belongs (`args.found`: see kindOf in scenario-json.ts). */
const FOUND: Record<Language, Record<string, string>> = {
  en: { null: 'null', list: 'a list', text: 'a text', number: 'a number', boolean: 'true/false', object: 'an object' },
  es: { null: 'null', list: 'una lista', text: 'un texto', number: 'un número', boolean: 'verdadero/falso', object: 'un objeto' },
};

/** Distribution parameter names as the Spanish docs write them (the English ones are the identifiers). */
const PARAMETER_ES: Record<string, string> = { min: 'mín', max: 'máx', mode: 'moda', mean: 'media', sd: 'desviación' };

/**
 * Every detail a Problem may name, in both languages. Templates show the bad value and, where there
 * is one, the valid range or the value it must reach, so that two different mistakes never read alike.
 */
const DETAILS = {
  // ── validate.ts: the scenario as a whole and the cross-field rules ─────────────────────────────
  atLeastOneSegment: { en: () => 'at least one segment', es: () => 'al menos un segmento' },
  uniqueSegmentNames: { en: () => 'segment names must be unique', es: () => 'los nombres de segmento deben ser únicos' },
  belongsWith: {
    en: (p, f) => `belongs with ${PLACE.en[f.a.scope]}, not ${PLACE.en[f.a.found]}`,
    es: (p, f) => `va con ${PLACE.es[f.a.scope]}, no con ${PLACE.es[f.a.found]}`,
  },
  effortSum: {
    en: (p, f) => `the three effort shares must add up to 1, not ${f.value}`,
    es: (p, f) => `los tres repartos de esfuerzo deben sumar 1, no ${f.value}`,
  },
  effortFloor: {
    en: (p, f) => `${f.value} must be above 0 and at least effortFloor (${f.n(p.min)})`,
    es: (p, f) => `${f.value} debe ser mayor que 0 y al menos effortFloor (${f.n(p.min)})`,
  },
  resolveFloor: {
    en: (p, f) => `${f.value} must leave at least effortFloor (${f.n(p.min)}) on each side: valid range ${f.range}`,
    es: (p, f) => `${f.value} debe dejar al menos effortFloor (${f.n(p.min)}) a cada lado: rango válido ${f.range}`,
  },
  baselineRate: {
    en: (p, f) => `the baseline rate must be above 0, not ${f.value}: effort responds to each plan relative to the baseline`,
    es: (p, f) => `la tasa de la base debe ser mayor que 0, no ${f.value}: el esfuerzo responde a cada plan en relación con la base`,
  },
  baselineOutcomeWeight: {
    en: (p, f) => `the baseline weight must be strictly between 0 and 1, not ${f.value}`,
    es: (p, f) => `el peso de la base debe estar estrictamente entre 0 y 1, no ${f.value}`,
  },
  baselineClawback: {
    en: (p, f) => `the baseline clawback must be below 1, not ${f.value}`,
    es: (p, f) => `la recuperación de comisión de la base debe ser menor que 1, no ${f.value}`,
  },
  sbgPair: {
    en: (p, f) => `sbgAlpha is ${f.n(f.a.alpha)} and sbgBeta ${f.n(f.a.beta)}: set both sBG parameters above 0, or both to 0 for flat churn`,
    es: (p, f) => `sbgAlpha vale ${f.n(f.a.alpha)} y sbgBeta ${f.n(f.a.beta)}: fije ambos parámetros sBG por encima de 0, o ambos a 0 para un abandono constante`,
  },
  serviceChurn: {
    en: (p, f) => `${f.value} is less than the service-driven churn under the baseline (${f.n(p.min)}), the least churn can be; lower contactsPerCustomer or pChurnIfUnresolved, or raise churn`,
    es: (p, f) => `${f.value} es menor que el abandono causado por el soporte con el plan base (${f.n(p.min)}), el mínimo que puede tener; reduzca contactsPerCustomer o pChurnIfUnresolved, o suba churn`,
  },

  // ── scenario-json.ts: a stored scenario ────────────────────────────────────────────────────────
  newerVersion: { en: () => 'saved by a newer version of the add-in', es: () => 'guardado con una versión más reciente del complemento' },
  notAnObject: {
    en: (p, f) => `expected an object ({…}), not ${FOUND.en[f.a.found]}`,
    es: (p, f) => `se esperaba un objeto ({…}), no ${FOUND.es[f.a.found]}`,
  },
  notAList: {
    en: (p, f) => `expected a list ([…]), not ${FOUND.en[f.a.found]}`,
    es: (p, f) => `se esperaba una lista ([…]), no ${FOUND.es[f.a.found]}`,
  },
  notANumberShape: {
    en: (p, f) => `expected a number, not ${FOUND.en[f.a.found]} (${f.value})`,
    es: (p, f) => `se esperaba un número, no ${FOUND.es[f.a.found]} (${f.value})`,
  },
  notText: {
    en: (p, f) => `expected a text, not ${FOUND.en[f.a.found]}`,
    es: (p, f) => `se esperaba un texto, no ${FOUND.es[f.a.found]}`,
  },
  segmentName: { en: () => 'every segment needs a name', es: () => 'cada segmento necesita un nombre' },

  // ── run.ts: budget neutral ─────────────────────────────────────────────────────────────────────
  budgetNoVariablePay: {
    en: (p, f) => `pays no commission or service bonus, so no factor on them changes its year-1 comp cost (${f.n(f.a.cost)}; the baseline's is ${f.n(f.a.target)})`,
    es: (p, f) => `no paga comisiones ni bono de soporte, así que ningún factor sobre ellos cambia su coste de retribución del año 1 (${f.n(f.a.cost)}; el de la base es ${f.n(f.a.target)})`,
  },
  budgetUnreachable: {
    en: (p, f) => `no factor on its variable pay brings its year-1 comp cost to the baseline's (${f.n(f.a.target)}): scaled × ${f.n(f.a.factor)} it costs ${f.n(f.a.cost)}`,
    es: (p, f) => `ningún factor sobre su retribución variable lleva su coste de retribución del año 1 al de la base (${f.n(f.a.target)}): escalado × ${f.n(f.a.factor)} cuesta ${f.n(f.a.cost)}`,
  },

  // ── uncertainty.ts, montecarlo.ts, distributions.ts: uncertainty tables ────────────────────────
  scenarioWide: {
    en: (p, f) => `${f.a.key} is one value for the whole scenario; leave the segment out`,
    es: (p, f) => `${f.a.key} tiene un solo valor para todo el escenario; quite el segmento`,
  },
  variedTwice: {
    en: (p, f) => `varied twice (also as ${f.a.other}); give one row per key and segment`,
    es: (p, f) => `se varía dos veces (también como ${f.a.other}); dé una fila por clave y segmento`,
  },
  notUncertainPlan: {
    en: () => 'plan rates are decisions, not uncertain assumptions: compare plans instead',
    es: () => 'las tasas del plan son decisiones, no supuestos inciertos: compare planes',
  },
  notUncertainWhole: {
    en: () => 'a whole-number or choice setting: run one scenario per value instead',
    es: () => 'es un ajuste entero o de opción: ejecute un escenario por valor',
  },
  notUncertainEffort: {
    en: () => 'the three effort shares must add up to 1, so one cannot vary alone',
    es: () => 'los tres repartos de esfuerzo deben sumar 1, así que uno no puede variar solo',
  },
  notUncertainFlatChurn: {
    en: () => 'this segment has flat churn: set both sBG parameters above 0 first',
    es: () => 'este segmento tiene abandono constante: fije antes ambos parámetros sBG por encima de 0',
  },
  redrawsExhausted: {
    en: (p, f) => `trial ${f.a.trial}: ${f.a.draws} draws in a row break a rule of the model (${f.a.rule}); narrow the distributions`,
    es: (p, f) => `ensayo ${f.a.trial}: ${f.a.draws} sorteos seguidos incumplen una regla del modelo (${f.a.rule}); estreche las distribuciones`,
  },
  summaryRunSize: {
    en: () => 'too many for a summary computed at once: fewer trials, or CEQ.SIMULATE for a long run',
    es: () => 'demasiado para un resumen calculado al momento: menos ensayos, o CEQ.SIMULAR para una simulación larga',
  },
  correlationShape: {
    en: (p, f) => `must be a square range with the ${f.a.n} uncertain keys as its header row and first column`,
    es: (p, f) => `debe ser un rango cuadrado con las ${f.a.n} claves inciertas en la fila de encabezado y la primera columna`,
  },
  correlationSymmetric: {
    en: (p, f) => `differs from its mirror entry ${f.n(f.a.other)}; a correlation matrix is symmetric`,
    es: (p, f) => `difiere de su simétrico ${f.n(f.a.other)}; una matriz de correlación es simétrica`,
  },
  correlationUnknownKey: {
    en: (p, f) => `is not a row of the uncertainty table (${f.a.keys})`,
    es: (p, f) => `no es una fila de la tabla de incertidumbre (${f.a.keys})`,
  },
  emptyInterval: { en: (p, f) => `${f.interval(p.min, p.max)} = ∅`, es: (p, f) => `${f.interval(p.min, p.max)} = ∅`, neutral: true },
  minNotBelowMax: {
    en: (p, f) => `${f.a.kind}: min ${f.n(f.a.min)} ≥ max ${f.n(f.a.max)}`,
    es: (p, f) => `${f.a.kind}: mín ${f.n(f.a.min)} ≥ máx ${f.n(f.a.max)}`,
  },
  modeOutside: {
    en: (p, f) => `${f.a.kind}: mode ${f.n(f.a.mode)} ∉ ${f.interval(f.a.min, f.a.max)}`,
    es: (p, f) => `${f.a.kind}: moda ${f.n(f.a.mode)} ∉ ${f.interval(f.a.min, f.a.max)}`,
  },
  notPositive: {
    en: (p, f) => `${f.a.kind}: ${f.a.parameter} ${f.value} ≤ 0`,
    es: (p, f) => `${f.a.kind}: ${PARAMETER_ES[f.a.parameter] ?? f.a.parameter} ${f.value} ≤ 0`,
  },
  missesRange: {
    en: (p, f) => `${f.a.kind}: ${f.interval(f.a.lower, f.a.upper)} ∩ ${f.interval(p.min, p.max)} = ∅`,
    es: (p, f) => `${f.a.kind}: ${f.interval(f.a.lower, f.a.upper)} ∩ ${f.interval(p.min, p.max)} = ∅`,
    neutral: true,
  },
  tooLittleMass: {
    en: (p, f) => `${f.a.kind}: P(X ∈ ${f.interval(p.min, p.max)}) = ${f.n(f.a.mass)} < ${f.n(f.a.least)}`,
    es: (p, f) => `${f.a.kind}: P(X ∈ ${f.interval(p.min, p.max)}) = ${f.n(f.a.mass)} < ${f.n(f.a.least)}`,
    neutral: true,
  },

  // ── sbg.ts, clv.ts, stats.ts, optimize.ts ─────────────────────────────────────────────────────
  iterations: { en: (p, f) => `${f.n(f.a.count)} iterations`, es: (p, f) => `${f.n(f.a.count)} iteraciones` },
  seriesTerms: { en: (p, f) => `z = ${f.n(f.a.z)}, ${f.n(f.a.terms)} terms`, es: (p, f) => `z = ${f.n(f.a.z)}; ${f.n(f.a.terms)} términos` },
  cohortAndCounts: {
    en: () => 'give the cohort size and later survivor counts',
    es: () => 'indique el tamaño de la cohorte y los supervivientes posteriores',
  },
  cohortAndOneCount: {
    en: () => 'need the cohort size and at least one later count',
    es: () => 'se necesitan el tamaño de la cohorte y al menos un recuento posterior',
  },
  emptyCohort: { en: () => 'the cohort has no customers', es: () => 'la cohorte no tiene clientes' },
  retentionOfOne: {
    en: () => 'a retention of 1 needs a finite number of years',
    es: () => 'una retención de 1 necesita un número finito de años',
  },
  item: { en: (p, f) => `item ${f.n(f.a.index)}`, es: (p, f) => `elemento ${f.n(f.a.index)}` },
  histogramRange: {
    en: (p, f) => `the histogram range must be finite and increasing, not ${f.n(f.a.lo)} to ${f.n(f.a.hi)}`,
    es: (p, f) => `el rango del histograma debe ser finito y creciente, no de ${f.n(f.a.lo)} a ${f.n(f.a.hi)}`,
  },
  minAboveMax: { en: (p, f) => `min ${f.n(f.a.min)} > max ${f.n(f.a.max)}`, es: (p, f) => `mín ${f.n(f.a.min)} > máx ${f.n(f.a.max)}` },

  // ── src/functions and src/workbook: ranges and arguments as Excel hands them ──────────────────
  belongsInArgument: {
    en: (p, f) => `belongs in ${PLACE.en[f.a.place]}, not in ${f.a.argument}`,
    es: (p, f) => `va en ${PLACE.es[f.a.place]}, no en ${f.a.argument}`,
  },
  valueWithoutKey: {
    en: (p, f) => `row ${f.n(f.a.row)} has a value but no key`,
    es: (p, f) => `la fila ${f.n(f.a.row)} tiene un valor pero ninguna clave`,
    place: 'whole',
  },
  segmentsDisagree: {
    en: (p, f) => `one value for all segments, but the columns hold ${f.n(f.a.first)} and ${f.n(f.a.second)}`,
    es: (p, f) => `un solo valor para todos los segmentos, pero las columnas tienen ${f.n(f.a.first)} y ${f.n(f.a.second)}`,
  },
  keyTwice: {
    en: (p, f) => `appears twice (rows ${f.n(f.a.first)} and ${f.n(f.a.second)})`,
    es: (p, f) => `aparece dos veces (filas ${f.n(f.a.first)} y ${f.n(f.a.second)})`,
  },
  appearsTwice: { en: () => 'appears twice', es: () => 'aparece dos veces' },
  nameTwice: {
    en: (p, f) => `"${f.value}" appears twice; segment names must be unique`,
    es: (p, f) => `"${f.value}" aparece dos veces; los nombres de segmento deben ser únicos`,
  },
  headerRow: {
    en: () => 'needs a header row with "key" and at least one value column',
    es: () => 'necesita una fila de encabezado con "key" y al menos una columna de valores',
  },
  oneCell: { en: () => 'expected one cell, not a range', es: () => 'se esperaba una celda, no un rango' },
  oneRowOrColumn: {
    en: (p, f) => `expected one row or one column, not ${f.a.height}×${f.a.width}`,
    es: (p, f) => `se esperaba una fila o una columna, no ${f.a.height}×${f.a.width}`,
  },
  lengthMismatch: {
    en: (p, f) => `${f.value} values, but ${f.a.other} has ${f.n(f.a.length)}`,
    es: (p, f) => `${f.value} valores, pero ${f.a.other} tiene ${f.n(f.a.length)}`,
  },
  shareWithoutRevenue: {
    en: () => 'comp_cost_share divides comp cost by revenue, and this scenario has no revenue over the horizon (no customers): use year1_comp_cost or none',
    es: () => 'comp_cost_share divide el coste de retribución entre los ingresos, y este escenario no tiene ingresos en el horizonte (no hay clientes): use year1_comp_cost o none',
  },
  ratioOverflow: {
    en: (p, f) => `${f.value} is too small beside ${f.a.other} (${f.n(f.a.amount)}): the ratio passes the largest number a cell holds`,
    es: (p, f) => `${f.value} es demasiado pequeño al lado de ${f.a.other} (${f.n(f.a.amount)}): el cociente supera el mayor número que cabe en una celda`,
  },
  lossesExceedStart: {
    en: (p, f) => `contraction + churned (${f.n(f.a.losses)}) exceed start_arr (${f.n(f.a.start)})`,
    es: (p, f) => `contraction + churned (${f.n(f.a.losses)}) superan start_arr (${f.n(f.a.start)})`,
  },
  aboveMinimum: {
    en: (p, f) => `must be above ${f.n(p.min)}, not ${f.value}`,
    es: (p, f) => `debe ser mayor que ${f.n(p.min)}, no ${f.value}`,
  },
  rowNeedsKey: {
    en: (p, f) => `row ${f.n(f.a.row)} needs an assumption in its first cell (churn, SMB.churn …)`,
    es: (p, f) => `la fila ${f.n(f.a.row)} necesita un supuesto en su primera celda (churn, SMB.churn …)`,
    place: 'whole',
  },
  boundWithoutKey: {
    en: (p, f) => `row ${f.n(f.a.row)} has a bound but no key`,
    es: (p, f) => `la fila ${f.n(f.a.row)} tiene un límite pero ninguna clave`,
    place: 'whole',
  },
  distributionParameters: {
    en: (p, f) => `${f.a.kind}: ${f.a.names}`,
    es: (p, f) => `${f.a.kind}: ${f.a.names}`,
    neutral: true,
  },
  extraParameter: {
    en: (p, f) => `${f.a.kind} takes ${f.n(f.a.count)} parameters (${f.a.names}); leave p${f.n(f.a.position)} blank`,
    es: (p, f) => `${f.a.kind} lleva ${f.n(f.a.count)} parámetros (${f.a.names}); deje p${f.n(f.a.position)} en blanco`,
  },
  boundsRows: {
    en: (p, f) => `key | min | max rows for ${f.a.keys}`,
    es: (p, f) => `filas clave | mín | máx para ${f.a.keys}`,
  },
  uncertaintyRows: { en: () => 'key | distribution | p1 | p2 | p3 rows', es: () => 'filas clave | distribución | p1 | p2 | p3' },
  budgetCells: {
    en: (p, f) => `one or two cells (a kind, then its limit), not ${f.value}`,
    es: (p, f) => `una o dos celdas (un tipo y después su límite), no ${f.value}`,
  },
  noneTakesNoLimit: { en: () => 'none takes no limit', es: () => 'none no lleva límite' },
  runningTotalNeedsFlow: {
    en: (p, f) => `a running total needs a flow (revenue, contribution, comp_cost …), not ${f.a.metric}`,
    es: (p, f) => `un total acumulado necesita un flujo (revenue, contribution, comp_cost …), no ${f.a.metric}`,
  },
  workSize: {
    en: (p, f) => `segment-periods projected, ${f.n(f.a.perProjection)} per projection`,
    es: (p, f) => `segmentos-período proyectados, ${f.n(f.a.perProjection)} por proyección`,
  },

  // ── what a count of tooLarge counts ───────────────────────────────────────────────────────────
  rows: { en: () => 'rows', es: () => 'filas', place: 'unit' },
  columns: { en: () => 'columns', es: () => 'columnas', place: 'unit' },
  cells: { en: () => 'cells', es: () => 'celdas', place: 'unit' },
  characters: { en: () => 'characters of text', es: () => 'caracteres de texto', place: 'unit' },
  values: { en: () => 'values', es: () => 'valores', place: 'unit' },
  names: { en: () => 'names', es: () => 'nombres', place: 'unit' },
  segments: { en: () => 'segments', es: () => 'segmentos', place: 'unit' },
  plans: { en: () => 'proposed plans', es: () => 'planes propuestos', place: 'unit' },
  keys: { en: () => 'keys', es: () => 'claves', place: 'unit' },
  unknownKeys: { en: () => 'unknown keys', es: () => 'claves desconocidas', place: 'unit' },
  levels: { en: () => 'levels of nesting', es: () => 'niveles de anidamiento', place: 'unit' },

  // ── calibration/: a subscription ledger (calibration/details.ts) ─────────────────────────────
  ...CALIBRATION_DETAILS,
} satisfies Record<string, Detail>;

/** Every id a Problem's `detail` may hold. */
export type DetailId = keyof typeof DETAILS;

/** The detail ids, for tests that check every one is said in both languages. */
export const DETAIL_IDS = Object.keys(DETAILS) as readonly DetailId[];

/** True for details written with keys, formulas and numbers only (the same words in both languages). */
export function isNeutralDetail(id: DetailId): boolean {
  return (DETAILS[id] as Detail).neutral === true;
}

type Template = (p: Problem, f: Facts & { detail: string; unit: string }) => string;

const en: Record<ProblemCode, Template> = {
  notANumber: (p, f) => `${p.key}: "${f.value}" is not a number${note(f.detail)}${f.range ? `; valid range ${f.range}` : ''}`,
  outOfRange: (p, f) => `${p.key}: ${f.value} is outside the valid range ${f.range}`,
  notInteger: (p, f) => `${p.key}: ${f.value} must be a whole number${f.range ? ` in ${f.range}` : ''}`,
  notAllowed: (p, f) => `${p.key}: ${f.value} is not allowed; use one of ${p.suggestion}`,
  unknownKey: (p) => `unknown key "${p.key}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  missing: (p, f) => `${p.key} is required${note(f.detail)}`,
  blankUsesDefault: (p, f) => `${p.key} is blank, so its default ${f.value} is used`,
  inconsistent: (p, f) => `${p.key}: ${f.detail || 'values are inconsistent'}`,
  emptyData: (p, f) => `${p.key}: no data${note(f.detail)}`,
  tooFewPoints: (p, f) => `${p.key}: too few data points${note(f.detail)}`,
  nonMonotone: (p, f) => `${p.key}: survivor counts must never rise, but ${f.value} does`,
  notConverged: (p, f) => `${p.key}: the fit did not converge${note(f.detail)}`,
  never: (p) => `${p.key}: never happens within the horizon`,
  tooLarge: (p, f) => `${p.key}: ${f.value}${f.unit} is too large; the limit is ${limit(p, f)}${note(f.detail)}`,
  badShape: (p, f) => `${p.key}: ${f.detail || 'the range has the wrong shape'}`,
  badDistribution: (p, f) => `${p.key}: ${f.detail || 'invalid distribution parameters'}`,
  cancelled: () => 'the calculation was cancelled',
  notUncertain: (p, f) => `${p.key}: cannot carry a distribution (${f.detail})`,
  infeasible: (p, f) => `${p.key}: ${f.value} cannot be met within the bounds; the lowest reachable is ${f.n(p.min)}`,
  weightsSum: (p, f) => `${p.key}: the component weights of a role must add up to 1, not ${f.value}`,
};

const es: Record<ProblemCode, Template> = {
  notANumber: (p, f) => `${p.key}: "${f.value}" no es un número${note(f.detail)}${f.range ? `; rango válido ${f.range}` : ''}`,
  outOfRange: (p, f) => `${p.key}: ${f.value} está fuera del rango válido ${f.range}`,
  notInteger: (p, f) => `${p.key}: ${f.value} debe ser un número entero${f.range ? ` en ${f.range}` : ''}`,
  notAllowed: (p, f) => `${p.key}: ${f.value} no está permitido; use uno de ${p.suggestion}`,
  unknownKey: (p) => `clave desconocida "${p.key}"${p.suggestion ? `; ¿quiso decir "${p.suggestion}"?` : ''}`,
  missing: (p, f) => `${p.key} es obligatorio${note(f.detail)}`,
  blankUsesDefault: (p, f) => `${p.key} está en blanco; se usa su valor por defecto ${f.value}`,
  inconsistent: (p, f) => `${p.key}: ${f.detail || 'los valores son incoherentes'}`,
  emptyData: (p, f) => `${p.key}: no hay datos${note(f.detail)}`,
  tooFewPoints: (p, f) => `${p.key}: muy pocos datos${note(f.detail)}`,
  nonMonotone: (p, f) => `${p.key}: los supervivientes nunca pueden aumentar, pero ${f.value} aumenta`,
  notConverged: (p, f) => `${p.key}: el ajuste no convergió${note(f.detail)}`,
  never: (p) => `${p.key}: no ocurre dentro del horizonte`,
  tooLarge: (p, f) => `${p.key}: ${f.value}${f.unit} es demasiado grande; el límite es ${limit(p, f)}${note(f.detail)}`,
  badShape: (p, f) => `${p.key}: ${f.detail || 'el rango no tiene la forma correcta'}`,
  badDistribution: (p, f) => `${p.key}: ${f.detail || 'parámetros de distribución no válidos'}`,
  cancelled: () => 'se canceló el cálculo',
  notUncertain: (p, f) => `${p.key}: no puede llevar una distribución (${f.detail})`,
  infeasible: (p, f) => `${p.key}: ${f.value} no se puede cumplir dentro de los límites; lo mínimo alcanzable es ${f.n(p.min)}`,
  weightsSum: (p, f) => `${p.key}: los pesos de los componentes de un puesto deben sumar 1, no ${f.value}`,
};

const templates: Record<Language, Record<ProblemCode, Template>> = { en, es };

const note = (detail: string) => (detail ? ` (${detail})` : '');

/** A limit with no lower end is just its maximum ("1", not "−∞ – 1"). */
function limit(p: Problem, f: Facts): string {
  return p.min === undefined && p.max !== undefined ? f.n(p.max) : f.range;
}

const BLANK: Record<Language, string> = { en: '(blank)', es: '(en blanco)' };

/**
 * A number as a message in `language` writes it: 12 significant digits, no grouping, a decimal point
 * in English (0.95) and a decimal comma in Spanish (0,95); infinities as ∞ and −∞.
 */
export function formatNumber(x: number, language: Language = 'en'): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  const text = String(+x.toPrecision(12));
  return language === 'es' ? text.replace('.', ',') : text;
}

/**
 * A problem's value: numbers as formatNumber writes them, text as typed, nothing as "(blank)", a list or
 * an object as a short JSON excerpt (never "[object Object]", and never by calling anything it holds).
 */
function formatValue(value: unknown, language: Language): string {
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, language) : String(value);
  if (value === null || value === undefined || value === '') return BLANK[language];
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') return excerptOf(value);
  return String(value);
}

function factsOf(p: Problem, language: Language): Facts {
  const n = (x: unknown) => (typeof x === 'number' ? formatNumber(x, language) : String(x));
  const range = p.min === undefined && p.max === undefined ? '' : `${p.min === undefined ? '−∞' : n(p.min)} – ${p.max === undefined ? '∞' : n(p.max)}`;
  // A Spanish interval separates its ends with ";", since "," is its decimal mark.
  const interval = (lo: unknown, hi: unknown) => `[${n(lo)}${language === 'es' ? ';' : ','} ${n(hi)}]`;
  return { value: formatValue(p.value, language), range, n, interval, a: p.args ?? {} };
}

export function describeProblem(problem: Problem, language: Language = 'en'): string {
  const facts = factsOf(problem, language);
  const detail: Detail | undefined = problem.detail === undefined ? undefined : DETAILS[problem.detail];
  const text = detail ? detail[language](problem, facts) : '';
  if (detail?.place === 'whole') return `${problem.key}: ${text}`;
  const unit = detail?.place === 'unit' ? ` ${text}` : '';
  return templates[language][problem.code](problem, { ...facts, detail: unit ? '' : text, unit });
}

export function describeProblems(problems: readonly Problem[], language: Language = 'en'): string {
  return problems.map((p) => describeProblem(p, language)).join('; ');
}

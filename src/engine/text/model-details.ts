import type { Detail, Language } from './problem';

/** Details of the model's own problems (scenario, stored JSON, runs, uncertainty, retention fits), merged by details.ts. */
/** Scope names for "belongs with …" (catalogue scopes, and the custom functions' two range arguments). */
export const PLACE: Record<Language, Record<string, string>> = {
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

export const MODEL_DETAILS = {
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

  // ── project-into.ts: the run-off terminal value ────────────────────────────────────────────────
  runOffDiverges: {
    en: (p, f) => `with no expansion ceiling (walletMultiple 0), segment ${f.n(f.a.segment)}'s book still grows faster than churn and discounting shrink it after ${f.n(f.a.years)} years of run-off, so its terminal value (and customer equity) has no finite value; set walletMultiple (4 is the default) or lower expansion`,
    es: (p, f) => `sin techo de expansión (walletMultiple 0), la cartera del segmento ${f.n(f.a.segment)} sigue creciendo más deprisa de lo que el abandono y el descuento la reducen tras ${f.n(f.a.years)} años de agotamiento, así que su valor terminal (y el valor del cliente) no es finito; fije walletMultiple (4 por defecto) o reduzca la expansión`,
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

} satisfies Record<string, Detail>;

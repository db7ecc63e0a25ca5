/**
 * Spanish names, descriptions and parameter help of every custom function, by id. Pure data, no
 * imports: scripts/functions-es.mjs reads it to write dist/functions-es.json from dist/functions.json
 * and fails when an id, a parameter or its English name (`en`) does not match.
 *
 * Keys are the function ids, names are the metadata names without the namespace: Excel adds the
 * manifest's namespace itself, so PROYECTAR shows as CEQ.PROYECTAR (src/functions/excel-names.ts).
 * Names avoid accents so they are easy to type (parameter names may use them) and must collide with
 * no built-in Excel function in any language (test/functions/contract.test.ts).
 */
export interface SpanishParam {
  /** The English parameter name in functions.json, to catch drift. */
  en: string;
  name: string;
  description: string;
}

export interface SpanishFunction {
  name: string;
  description: string;
  params: readonly SpanishParam[];
}

const ASSUMPTIONS: SpanishParam = {
  en: 'assumptions', name: 'supuestos',
  description: 'Rango clave/valor o tabla con las claves en la primera columna y una columna por segmento (fila de encabezado = nombres de segmento). Los valores en blanco toman el valor por defecto.',
};
const BASELINE_PLAN: SpanishParam = { en: 'baseline_plan', name: 'plan_base', description: 'Rango clave/valor del plan actual.' };
const PROPOSED_PLAN: SpanishParam = { en: 'proposed_plan', name: 'plan_propuesto', description: 'Rango clave/valor del plan propuesto.' };
const YEARS: SpanishParam = { en: 'years', name: 'años', description: 'Opcional: horizonte en años, de 1 a 30 (por defecto horizonYears de los supuestos).' };
const CORRELATION: SpanishParam = {
  en: 'correlation', name: 'correlación',
  description: 'Opcional: rango cuadrado de correlaciones de rangos con las claves inciertas en la fila de encabezado y la primera columna, 1 en la diagonal; si no es válida se repara a la matriz válida más cercana.',
};
const LATIN_HYPERCUBE: SpanishParam = { en: 'latin_hypercube', name: 'hipercubo_latino', description: 'Opcional: VERDADERO para muestreo por hipercubo latino (por defecto FALSO).' };
const ALPHA: SpanishParam = { en: 'alpha', name: 'alfa', description: 'Parámetro alfa de la curva sBG (mayor que 0).' };
const BETA: SpanishParam = { en: 'beta', name: 'beta', description: 'Parámetro beta de la curva sBG (mayor que 0).' };
const START_ARR: SpanishParam = { en: 'start_arr', name: 'arr_inicial', description: 'ARR al inicio del período (mayor que 0).' };
const CONTRACTION: SpanishParam = { en: 'contraction', name: 'contracción', description: 'ARR perdido por reducciones de la base inicial.' };
const CHURNED: SpanishParam = { en: 'churned', name: 'abandono', description: 'ARR perdido con los clientes que se van.' };
const DISCOUNT_RATE: SpanishParam = { en: 'discount_rate', name: 'tasa_descuento', description: 'Tasa de descuento anual como fracción (10 % es 0,1), de 0 a 1.' };
const UNCERTAINTY: SpanishParam = {
  en: 'uncertainty', name: 'incertidumbre',
  description: 'Rango clave | distribución | p1 | p2 | p3: triangular o pert mín, moda, máx; uniform mín, máx; normal o lognormal media, desviación. SMB.churn varía un solo segmento.',
};

const LEDGER: SpanishParam = {
  en: 'ledger', name: 'registro',
  description: 'Una fila por cliente y período: cliente, período (fecha, fecha de Excel o número de período), ARR o MRR y segmento opcional; una fila de encabezado los nombra (cliente, mes, arr, segmento; customer, month) o van en ese orden.',
};
const UNIT: SpanishParam = { en: 'unit', name: 'unidad', description: 'Opcional: arr o mrr (por defecto, el encabezado de la columna de importes, o arr). El MRR se anualiza (× 12).' };
const WINDOW: SpanishParam = { en: 'window_months', name: 'ventana_meses', description: 'Opcional: ventana reciente en meses para abandono, contracción, expansión y clientes nuevos, de 1 a 120 (por defecto 12).' };

export const FUNCTIONS_ES: Readonly<Record<string, SpanishFunction>> = {
  'DEFAULTS': {
    name: 'VALORES',
    description: 'Devuelve el catálogo de supuestos: clave, valor por defecto (una columna por segmento indicado), unidad y significado. Edite una copia y pásela a CEQ.PROYECTAR.',
    params: [{ en: 'segments', name: 'segmentos', description: 'Opcional: nombres de segmento (fila, columna o un texto); una columna de valores por cada uno. Las claves generales solo se rellenan en la primera columna.' }],
  },
  'PROJECT': {
    name: 'PROYECTAR',
    description: 'Proyecta un plan de incentivos: fila de encabezado y una fila por período con clientes, flujos de ARR, ingresos, beneficio bruto, coste de retribución, contribución, NRR y GRR.',
    params: [
      ASSUMPTIONS,
      { en: 'plan', name: 'plan', description: 'Rango clave/valor del plan (commissionNew, commissionRenewal, clawback, outcomeWeight, …). Los valores en blanco toman el valor por defecto.' },
      YEARS,
      { en: 'periods_per_year', name: 'períodos_por_año', description: 'Opcional: 1 (años), 4 (trimestres) o 12 (meses) (por defecto periodsPerYear de los supuestos).' },
    ],
  },
  'COMPARE': {
    name: 'COMPARAR',
    description: 'Compara una métrica con dos planes, período a período: base, propuesto, diferencia y diferencia acumulada.',
    params: [
      ASSUMPTIONS, BASELINE_PLAN, PROPOSED_PLAN,
      { en: 'metric', name: 'métrica', description: 'Opcional: nombre de métrica del encabezado de CEQ.PROYECTAR, p. ej. revenue (por defecto), contribution, arr, comp_cost.' },
      YEARS,
    ],
  },
  'SUMMARY': {
    name: 'RESUMEN',
    description: 'Resume un plan propuesto frente al plan base: períodos de cruce y de equilibrio, sacrificio a corto plazo, diferencias de VAN y de valor del cliente, vista de mandato y diferencias del primer y último año.',
    params: [ASSUMPTIONS, BASELINE_PLAN, PROPOSED_PLAN, YEARS,
      { en: 'uncertainty', name: 'incertidumbre', description: 'Opcional: VERDADERO para la tabla de incertidumbre por defecto, o un rango clave | distribución | p1 | p2 | p3 como en CEQ.SIMULAR; entonces las filas dicen con qué seguridad (p_win_npv, p_win_equity… con sus errores típicos).' },
      { en: 'trials', name: 'ensayos', description: 'Opcional: ensayos de esa simulación, de 100 a 20 000 (por defecto 2000).' },
      { en: 'seed', name: 'semilla', description: 'Opcional: número entero que fija los sorteos (por defecto 1).' }],
  },
  'EFFORT': {
    name: 'ESFUERZO',
    description: 'Reparto a largo plazo del esfuerzo comercial entre captar, retener y ampliar con el plan propuesto (supuestos de comportamiento por defecto).',
    params: [
      { ...BASELINE_PLAN, description: 'Rango clave/valor del plan actual (sus comisiones deben ser mayores que 0).' },
      PROPOSED_PLAN,
      { en: 'responsiveness', name: 'sensibilidad', description: 'Opcional: sensibilidad del esfuerzo a la retribución, de 0 a 2 (por defecto 0,6).' },
    ],
  },
  'CLV': {
    name: 'VCL',
    description: 'Valor de vida del cliente con retención constante: margen anual, retención y tasa de descuento.',
    params: [
      { en: 'margin', name: 'margen', description: 'Margen anual por cliente.' },
      { en: 'retention', name: 'retención', description: 'Retención anual como fracción (0,9 es 90 %).' },
      DISCOUNT_RATE,
      { en: 'years', name: 'años', description: 'Opcional: número de márgenes anuales contados, de 1 a 200 (por defecto sin límite; la retención debe ser menor que 1).' },
      { en: 'timing', name: 'momento', description: 'Opcional: 0 = primer margen ahora (por defecto), 1 = primer margen tras una renovación.' },
    ],
  },
  'SBG.FIT': {
    name: 'SBG.AJUSTAR',
    description: 'Ajusta una curva de retención beta-geométrica desplazada (sBG) a los supervivientes de una cohorte.',
    params: [{ en: 'survivors', name: 'supervivientes', description: 'Fila o columna de clientes activos al inicio y tras cada renovación; nunca aumentan.' }],
  },
  'SBG.RETENTION': {
    name: 'SBG.RETENCION',
    description: 'Probabilidad sBG de que un cliente que ha llegado a la renovación t renueve: (β + t − 1) / (α + β + t − 1).',
    params: [ALPHA, BETA, { en: 't', name: 't', description: 'Número de renovación (1 = la primera).' }],
  },
  'SBG.SURVIVAL': {
    name: 'SBG.SUPERVIVENCIA',
    description: 'Probabilidad sBG de que un cliente nuevo siga activo tras t renovaciones.',
    params: [ALPHA, BETA, { en: 't', name: 't', description: 'Número de renovaciones (0 = al inicio).' }],
  },
  'SBG.DERL': {
    name: 'SBG.VRED',
    description: 'Vida residual esperada descontada (DERL) de un cliente con la curva sBG, en períodos, valorada justo antes de su siguiente decisión de renovación.',
    params: [ALPHA, BETA, { ...DISCOUNT_RATE, description: 'Tasa de descuento por período como fracción, de 0,0001 a 1.' }, { en: 'renewals', name: 'renovaciones', description: 'Renovaciones que el cliente ya ha hecho (0 durante su primer contrato).' }],
  },
  'NRR': {
    name: 'RETENCION.NETA',
    description: 'Retención neta de ingresos (NRR): (ARR inicial + expansión − contracción − ARR perdido) / ARR inicial.',
    params: [START_ARR, { en: 'expansion', name: 'expansión', description: 'ARR de expansión de la base inicial.' }, CONTRACTION, CHURNED],
  },
  'GRR': {
    name: 'RETENCION.BRUTA',
    description: 'Retención bruta de ingresos (GRR): (ARR inicial − contracción − ARR perdido) / ARR inicial.',
    params: [START_ARR, CONTRACTION, CHURNED],
  },
  'CROSSOVER': {
    name: 'CRUCE',
    description: 'Primer período (desde 1) a partir del cual la serie propuesta se mantiene igual o por encima de la base hasta el final; #N/A si nunca ocurre.',
    params: [
      { en: 'baseline_series', name: 'serie_base', description: 'Fila o columna con los valores base por período.' },
      { en: 'proposed_series', name: 'serie_propuesta', description: 'Fila o columna con los valores propuestos, tantos como la base.' },
      { en: 'cumulative', name: 'acumulado', description: 'Opcional: VERDADERO para comparar totales acumulados (por defecto FALSO).' },
    ],
  },
  'SIMULATE': {
    name: 'SIMULAR',
    description: 'Monte Carlo: ejecuta los dos planes con los mismos sorteos de los supuestos inciertos y devuelve, por período, la media, la desviación y los percentiles P5 a P95 de la diferencia (propuesto menos base) de una métrica, y la probabilidad de que la propuesta gane.',
    params: [
      ASSUMPTIONS, BASELINE_PLAN, PROPOSED_PLAN, UNCERTAINTY,
      { en: 'trials', name: 'ensayos', description: 'Opcional: número de ensayos, de 1 a 100 000 (por defecto 1000).' },
      { en: 'seed', name: 'semilla', description: 'Opcional: número entero que fija los sorteos (por defecto 1): la misma semilla da los mismos resultados.' },
      { en: 'metric', name: 'métrica', description: 'Opcional: métrica cuya diferencia se resume por período, p. ej. contribution, revenue, arr; cumulative_contribution (por defecto) para su total acumulado.' },
      CORRELATION, LATIN_HYPERCUBE,
    ],
  },
  'SENSITIVITY': {
    name: 'VARIANZA',
    description: 'Sensibilidad por varianza: ejecuta un Monte Carlo y devuelve, por supuesto incierto, su correlación de rangos con un resultado a lo largo de los ensayos y su parte de la varianza del resultado, de mayor a menor.',
    params: [
      ASSUMPTIONS, BASELINE_PLAN, PROPOSED_PLAN, { ...UNCERTAINTY, description: 'Rango clave | distribución | p1 | p2 | p3 como en CEQ.SIMULAR.' },
      { en: 'metric', name: 'métrica', description: 'Opcional: resultado: customer_equity_delta (por defecto), npv_delta, tenure_npv_delta o short_term_sacrifice.' },
      { en: 'trials', name: 'ensayos', description: 'Opcional: número de ensayos, de 10 a 100 000 (por defecto 1000).' },
      { en: 'seed', name: 'semilla', description: 'Opcional: número entero que fija los sorteos (por defecto 1).' },
      CORRELATION, LATIN_HYPERCUBE,
    ],
  },
  'TORNADO': {
    name: 'SENSIBILIDAD',
    description: 'Tornado: mueve cada supuesto incierto por separado de su P10 a su P90 (más o menos un 20 % si no tiene distribución) y devuelve cuánto cambia un resultado de la comparación, de mayor a menor.',
    params: [
      ASSUMPTIONS, BASELINE_PLAN, PROPOSED_PLAN,
      { ...UNCERTAINTY, description: 'Rango clave | distribución | p1 | p2 | p3 como en CEQ.SIMULAR; puede estar en blanco (entonces cada supuesto incierto habitual se mueve un 20 %).' },
      { en: 'metric', name: 'métrica', description: 'Opcional: resultado medido, como en CEQ.RESUMEN: customer_equity_delta (por defecto), npv_delta, tenure_npv_delta, year1_comp_cost_delta…' },
    ],
  },
  'OPTIMIZE': {
    name: 'OPTIMIZAR',
    description: 'Optimizador: las comisiones, la recuperación de comisión y el peso de resultados en soporte que maximizan un objetivo dentro de límites y de un presupuesto de retribución; devuelve el mejor plan, el objetivo y las restricciones activas.',
    params: [
      ASSUMPTIONS,
      { ...BASELINE_PLAN, description: 'Rango clave/valor del plan actual: punto de partida y referencia del presupuesto.' },
      { en: 'bounds', name: 'límites', description: 'Rango clave | mín | máx para commissionNew, commissionRenewal, commissionExpansion, clawback, outcomeWeight; las tasas no indicadas conservan su valor base.' },
      { en: 'objective', name: 'objetivo', description: 'Opcional: customer_equity (por defecto), npv o final_year_arr.' },
      { en: 'budget', name: 'presupuesto', description: 'Opcional: en blanco, coste de retribución del año 1 no mayor que el del plan base; un número, ese coste del año 1; none; o comp_cost_share y un límite.' },
    ],
  },
  'PAYOUT': {
    name: 'PAGO.VARIABLE',
    description: 'Pago de un componente de cuota como parte de su objetivo para un cumplimiento: nada por debajo del umbral, el cumplimiento uno por uno hasta la cuota, la pendiente del acelerador por encima, nunca más que el tope.',
    params: [
      { en: 'attainment', name: 'cumplimiento', description: 'Cumplimiento como fracción de la cuota (1,1 es 110 %), de 0 a 1000.' },
      { en: 'threshold', name: 'umbral', description: 'Cumplimiento por debajo del cual no se paga nada, de 0 a 1.' },
      { en: 'accelerator', name: 'acelerador', description: 'Pendiente por encima de la cuota, de 0 a 10: 2 paga un 120 % del objetivo con un 110 % de cumplimiento.' },
      { en: 'cap', name: 'tope', description: 'Máximo pagado, como múltiplo del objetivo, de 1 a 100 (3 es 300 %).' },
      { en: 'decelerator', name: 'decelerador', description: 'Opcional: pendiente por debajo de la cuota, de 0 a 10 (por defecto 1, uno por uno): 2 paga un 60 % del objetivo con un 80 % de cumplimiento.' },
    ],
  },
  'ATTAINMENT': {
    name: 'CUMPLIMIENTO',
    description: 'Parte de las personas de un puesto en cada tramo de cumplimiento, cuando el cumplimiento se reparte de forma lognormal alrededor de su valor esperado.',
    params: [
      { en: 'expected_attainment', name: 'cumplimiento_esperado', description: 'Cumplimiento esperado (medio) como fracción de la cuota, de 0 a 1000.' },
      { en: 'cv', name: 'cv', description: 'Coeficiente de variación del cumplimiento entre personas, de 0 a 2 (0,35 es habitual).' },
      { en: 'bands', name: 'tramos', description: 'Opcional: fila o columna de límites de tramo, cumplimientos positivos en cualquier orden (por defecto 0,5; 0,75; 1; 1,25; 1,5).' },
    ],
  },
  'ATTRIBUTION': {
    name: 'ATRIBUCION',
    description: 'Reparte el cambio del plan base al plan propuesto entre sus palancas (cada comisión, recuperación, peso de resultados, bolsa de bonus, prevención, automatización, asistencia al agente, diseño de cuotas): valores de Shapley exactos, así que el orden de los cambios no importa y las contribuciones suman el total.',
    params: [
      ASSUMPTIONS, BASELINE_PLAN, PROPOSED_PLAN,
      { en: 'metric', name: 'métrica', description: 'Opcional: cambio a repartir: customer_equity (por defecto), npv, tenure_npv, year1_comp_cost, year1_revenue, final_year_revenue.' },
    ],
  },
  'BRIDGE': {
    name: 'PUENTE.ARR',
    description: 'Puente de ARR de un registro de suscripciones, por período: ARR inicial, nuevo, expansión, contracción, abandono, reactivación y final, lo mismo en clientes, y NRR, GRR y retención de clientes en las filas que cierran un año.',
    params: [
      LEDGER,
      UNIT,
      { en: 'segment', name: 'segmento', description: 'Opcional: nombre del segmento (por defecto, todos los segmentos).' },
    ],
  },
  'CALIBRATE': {
    name: 'CALIBRAR',
    description: 'Supuestos de segmento calibrados con un registro de suscripciones en una ventana reciente, con la forma que lee CEQ.PROYECTAR: claves en la primera columna, una columna por segmento y después el tamaño de los datos (n) y el error estándar (se) de cada valor.',
    params: [LEDGER, UNIT, WINDOW],
  },
  'BACKTEST': {
    name: 'RETROPRUEBA',
    description: 'Prueba retrospectiva: calibra con el registro hasta un corte, proyecta los períodos siguientes con el plan y pone el ARR y los clientes previstos junto a los reales, con el error porcentual absoluto medio.',
    params: [
      LEDGER,
      { en: 'plan', name: 'plan', description: 'Rango clave/valor del plan actual, con el que se obtuvo el historial.' },
      { en: 'cutoff', name: 'corte', description: 'Último período usado para calibrar: una fecha, una etiqueta como 2024-12 o un número de período.' },
      UNIT,
      WINDOW,
    ],
  },
};

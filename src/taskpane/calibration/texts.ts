import type { Language } from '../../engine';
import { fill } from '../../i18n';

/** Every text of the "Your data" step, in the two languages the product speaks. `{name}` is filled by `c()`. */
export const T = {
  intro: {
    en: 'Start from your own history: a subscription ledger or a revenue-tool export, one row per customer and month (customer, month, ARR or MRR, segment).',
    es: 'Parta de su propio historial: un registro de suscripciones o una exportación de su herramienta de ingresos, una fila por cliente y mes (cliente, mes, ARR o MRR, segmento).',
  },
  readSelection: { en: 'Read the selected range', es: 'Leer el rango seleccionado' },
  reading: { en: 'Reading {done} of {total} rows…', es: 'Leyendo {done} de {total} filas…' },
  pasteLabel: { en: 'Paste the ledger (CSV, with its header row)', es: 'Pegue el registro (CSV, con su fila de encabezado)' },
  dropHint: { en: 'or drop a CSV file here, or choose one:', es: 'o suelte aquí un archivo CSV, o elija uno:' },
  analyse: { en: 'Calibrate', es: 'Calibrar' },
  unit: { en: 'Amounts are', es: 'Los importes son' },
  unitAuto: { en: 'as the header says', es: 'según el encabezado' },
  summary: {
    en: '{rows} rows read, {used} used, {customers} customers, {periods} periods ({first} to {last}), {segments} segment(s).',
    es: '{rows} filas leídas, {used} usadas, {customers} clientes, {periods} períodos ({first} a {last}), {segments} segmento(s).',
  },
  skipped: { en: 'Rows skipped', es: 'Filas omitidas' },
  kept: { en: 'Rows kept, worth a look', es: 'Filas conservadas, a revisar' },
  firstProblems: { en: 'First problems (row and column):', es: 'Primeros problemas (fila y columna):' },
  bridgeTitle: { en: 'ARR bridge, all segments', es: 'Puente de ARR, todos los segmentos' },
  bridgeDescription: {
    en: 'Closing ARR each period, and the flows that move it: new, expansion, reactivation (up), contraction and churn (down). They reconcile to the cent with the ledger.',
    es: 'ARR final de cada período y los flujos que lo mueven: nuevo, expansión, reactivación (suben), contracción y abandono (bajan). Cuadran al céntimo con el registro.',
  },
  period: { en: 'Period', es: 'Período' },
  opening: { en: 'Opening', es: 'Inicial' },
  new: { en: 'New', es: 'Nuevo' },
  expansion: { en: 'Expansion', es: 'Expansión' },
  contraction: { en: 'Contraction', es: 'Contracción' },
  churn: { en: 'Churn', es: 'Abandono' },
  reactivation: { en: 'Reactivation', es: 'Reactivación' },
  closing: { en: 'Closing ARR', es: 'ARR final' },
  retentionTitle: { en: 'Retention per year', es: 'Retención por año' },
  yearTo: { en: 'Year to', es: 'Año hasta' },
  logoRetention: { en: 'Logo retention', es: 'Retención de clientes' },
  calibratedTitle: { en: 'Calibrated over the last {months} months, beside your current values', es: 'Calibrado con los últimos {months} meses, junto a sus valores actuales' },
  current: { en: 'Current', es: 'Actual' },
  calibrated: { en: 'Calibrated', es: 'Calibrado' },
  standardError: { en: '± s.e.', es: '± e.e.' },
  dataSize: { en: 'Data', es: 'Datos' },
  notInScenario: { en: '(no such segment)', es: '(no existe el segmento)' },
  flatChurn: {
    en: '{segment}: the cohorts do not pin the retention curve down (a parameter under twice its standard error), so churn stays flat.',
    es: '{segment}: las cohortes no fijan la curva de retención (un parámetro por debajo del doble de su error estándar), así que el abandono queda constante.',
  },
  backtestTitle: { en: 'Back-test', es: 'Prueba retrospectiva' },
  backtest: {
    en: 'Calibrated on the data to {cutoff} and projected with your baseline plan, the model misses the last {periods} periods by {arr} on ARR and {customers} on customers (mean absolute percentage error).',
    es: 'Calibrado con los datos hasta {cutoff} y proyectado con su plan base, el modelo se desvía en los últimos {periods} períodos un {arr} en ARR y un {customers} en clientes (error porcentual absoluto medio).',
  },
  backtestFailed: { en: 'The back-test could not run: {error}', es: 'No se pudo hacer la prueba retrospectiva: {error}' },
  backtestShort: { en: 'The ledger is too short for a back-test (it needs more than a year).', es: 'El registro es demasiado corto para una prueba retrospectiva (necesita más de un año).' },
  behaviour: {
    en: 'A ledger earned under one pay plan cannot show how people would respond to another: the behavioural parameters (responsiveness, elasticities, over-selling, service effects) stay assumptions with ranges. Vary them on the Uncertainty screen.',
    es: 'Un registro obtenido con un solo plan de retribución no puede mostrar cómo respondería la gente a otro: los parámetros de comportamiento (sensibilidad, elasticidades, sobreventa, efectos del soporte) siguen siendo supuestos con rangos. Hágalos variar en la pantalla de incertidumbre.',
  },
  useAsBaseline: { en: 'Use as baseline', es: 'Usar como base' },
  used: {
    en: 'The segments now start from your data. {rows} fitted retention-curve parameter(s) were added to the uncertainty table as normal distributions with their standard errors, and {pairs} correlation(s) between a segment\'s α and β estimates to its correlation matrix.',
    es: 'Los segmentos parten ahora de sus datos. Se añadieron {rows} parámetro(s) ajustado(s) de la curva de retención a la tabla de incertidumbre como distribuciones normales con su error estándar, y {pairs} correlación(es) entre las estimaciones de α y β de cada segmento a su matriz de correlaciones.',
  },
  failed: { en: 'The ledger could not be read: {error}', es: 'No se pudo leer el registro: {error}' },
  customerPeriods: { en: 'customer-months', es: 'clientes-mes' },
  customersUnit: { en: 'customers', es: 'clientes' },
  accounts: { en: 'accounts', es: 'cuentas' },
} as const satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof T;

export function c(language: Language, key: TextKey, params?: Record<string, string | number>): string {
  const text: string = T[key][language];
  return fill(text, params);
}

/** The reason a row was skipped or flagged, as a short label: the detail's own text without its row. */
export function reasonLabel(reason: string, lang: Language): string {
  const labels: Record<string, [string, string]> = {
    ledgerBlankCustomer: ['no customer id', 'sin identificador de cliente'], ledgerBadPeriod: ['unreadable period', 'período ilegible'],
    ledgerPeriodKind: ['period of another kind', 'período de otro tipo'], ledgerNotAmount: ['amount not a number', 'importe no numérico'],
    ledgerNegative: ['negative amount', 'importe negativo'], ledgerHuge: ['amount above 1e12', 'importe mayor que 1e12'],
    ledgerDuplicate: ['duplicate customer and period', 'cliente y período repetidos'], ledgerBlankRow: ['blank rows', 'filas en blanco'],
    ledgerSegmentMove: ['segment changes (first kept)', 'cambios de segmento (se conserva el primero)'],
    ledgerUnitMixed: ['MRR rows converted', 'filas en MRR convertidas'], ledgerUnitJump: ['×12 jumps (MRR/ARR?)', 'saltos ×12 (¿MRR/ARR?)'],
    ledgerZero: ['amount 0 (inactive that period)', 'importe 0 (inactivo ese período)'],
  };
  const pair = labels[reason];
  return pair ? pair[lang === 'es' ? 1 : 0] : reason;
}

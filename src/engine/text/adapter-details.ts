import type { Detail } from './problem';
import { PLACE } from './model-details';

/** Details of the adapters' problems (ranges and arguments as Excel hands them) and the units of tooLarge, merged by details.ts. */
export const ADAPTER_DETAILS = {
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

} satisfies Record<string, Detail>;

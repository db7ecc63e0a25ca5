import type { Language, Unit } from '../engine';
import type { SheetKey } from './types';

/** Every text the workbook layer writes into a sheet, in both languages the product speaks. */
export type Pair = { en: string; es: string };

export const SHEET_NAMES: Record<SheetKey, Pair> = {
  inputs: { en: 'CEQ Inputs', es: 'CEQ Datos' },
  plain: { en: 'CEQ Model', es: 'CEQ Modelo' },
  live: { en: 'CEQ Live', es: 'CEQ Funciones' },
  summary: { en: 'CEQ Summary', es: 'CEQ Resumen' },
  comparison: { en: 'CEQ Comparison', es: 'CEQ Comparación' },
  uncertainty: { en: 'CEQ Uncertainty', es: 'CEQ Incertidumbre' },
};

export const UNIT_TEXT: Record<Unit, Pair> = {
  count: { en: 'count', es: 'número' },
  currency: { en: 'currency', es: 'moneda' },
  share: { en: 'share (0–1)', es: 'proporción (0–1)' },
  rate: { en: 'annual rate', es: 'tasa anual' },
  years: { en: 'years', es: 'años' },
  exponent: { en: 'exponent', es: 'exponente' },
  multiplier: { en: 'multiplier', es: 'multiplicador' },
  choice: { en: 'choice', es: 'opción' },
};

export const UNIT_FORMAT: Record<Unit, string> = {
  count: '#,##0.##',
  currency: '#,##0.##',
  share: '0.0##%',
  rate: '0.0##%',
  years: '0.##',
  exponent: '0.0##',
  multiplier: '0.0##',
  choice: '0',
};

export const FORMAT = {
  money: '#,##0;[Red]-#,##0',
  count: '#,##0.0',
  share: '0.00%',
  factor: '0.0000',
  int: '0',
  years: '0.00',
} as const;

const T = {
  inputsTitle: { en: 'Customer Equity Planner: inputs', es: 'Customer Equity Planner: datos' },
  inputsNote: {
    en: 'Blue cells are inputs, checked against the assumption catalogue. Every input cell has a defined name (CEQ_key or CEQ_key_segment). Rows marked "layout" shape the model sheet: after changing them, insert the model again.',
    es: 'Las celdas azules son datos, validados con el catálogo de supuestos. Cada celda tiene un nombre definido (CEQ_clave o CEQ_clave_segmento). Las filas marcadas "estructura" dan forma a la hoja del modelo: tras cambiarlas, vuelva a insertar el modelo.',
  },
  scenario: { en: 'Scenario', es: 'Escenario' },
  key: { en: 'key', es: 'clave' },
  unit: { en: 'unit', es: 'unidad' },
  meaning: { en: 'meaning', es: 'significado' },
  plansTitle: { en: 'Incentive plans (key/value columns per plan)', es: 'Planes de incentivos (columnas clave/valor por plan)' },
  layout: { en: ' [layout]', es: ' [estructura]' },
  validationTitle: { en: 'Valid range', es: 'Rango válido' },
  between: { en: 'between', es: 'entre' },
  and: { en: 'and', es: 'y' },
  oneOf: { en: 'one of', es: 'uno de' },
  wholeNumber: { en: 'a whole number', es: 'un número entero' },
  plainTitle: { en: 'Customer Equity Planner: the model in plain formulas', es: 'Customer Equity Planner: el modelo en fórmulas normales' },
  plainNote: {
    en: 'Every cell is an ordinary Excel formula over the inputs sheet: no add-in, macro or LAMBDA is needed to recompute or audit it. It reproduces the add-in engine step by step.',
    es: 'Cada celda es una fórmula normal de Excel sobre la hoja de datos: no hace falta el complemento, macros ni LAMBDA para recalcularla o auditarla. Reproduce paso a paso el motor del complemento.',
  },
  layoutCheck: { en: 'Layout matches the inputs (FALSE: insert the model again)', es: 'La estructura coincide con los datos (FALSO: vuelva a insertar el modelo)' },
  constant: { en: 'Constant', es: 'Constante' },
  result: { en: 'Result', es: 'Resultado' },
  globalBlock: { en: 'Time and shared constants', es: 'Tiempo y constantes comunes' },
  planBlock: { en: 'Behaviour each plan induces once adopted', es: 'Comportamiento que induce cada plan una vez adoptado' },
  segmentBlock: { en: 'Segment constants', es: 'Constantes por segmento' },
  resultsBlock: { en: 'Results', es: 'Resultados' },
  periodTable: { en: 'One row per period', es: 'Una fila por período' },
  time: { en: 'Time', es: 'Tiempo' },
  behaviour: { en: 'behaviour', es: 'comportamiento' },
  total: { en: 'Total', es: 'Total' },
  comparison: { en: 'vs baseline', es: 'frente al plan base' },
  cohorts: { en: 'cohorts', es: 'cohortes' },
  start: { en: 'starting base', es: 'base inicial' },
  joined: { en: 'joined in period', es: 'entró en el período' },
  none: { en: 'none', es: 'ninguno' },
  summaryTitle: { en: 'Customer Equity Planner: summary', es: 'Customer Equity Planner: resumen' },
  summaryNote: {
    en: 'Figures are formulas over the model sheet; the charts draw the data by year below.',
    es: 'Las cifras son fórmulas sobre la hoja del modelo; los gráficos dibujan los datos por año de abajo.',
  },
  chartData: { en: 'Chart data by year', es: 'Datos de los gráficos por año' },
  year: { en: 'Year', es: 'Año' },
  liveTitle: { en: 'Customer Equity Planner: live functions', es: 'Customer Equity Planner: funciones en vivo' },
  liveNote: {
    en: 'These cells call the add-in\'s custom functions on the inputs sheet; they need the add-in loaded. The model sheet computes the same numbers with plain formulas.',
    es: 'Estas celdas llaman a las funciones personalizadas del complemento sobre la hoja de datos; necesitan el complemento cargado. La hoja del modelo calcula lo mismo con fórmulas normales.',
  },
  chartArr: { en: 'ARR at year end', es: 'ARR a fin de año' },
  chartCumDelta: { en: 'Cumulative contribution vs baseline', es: 'Contribución acumulada frente al plan base' },
  chartComp: { en: 'Compensation cost per year', es: 'Coste de retribución por año' },
} satisfies Record<string, Pair>;

export type TextKey = keyof typeof T;

export function t(key: TextKey, lang: Language): string {
  return T[key][lang];
}

export function pick(p: Pair, lang: Language): string {
  return p[lang];
}

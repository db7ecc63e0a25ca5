/** The workbook layer: sheets described as data, for the Office adapter and the CLI export. Engine only. */
export * from './types';
export * from './a1';
export * from './names';
export * from './labels';
export { buildWorkbook, engineValue, defaultSheetNames, ALL_SHEETS, type BuildOptions, type BuiltWorkbook } from './build';
export { buildInputsSheet, LAYOUT_KEYS, type InputsLayout } from './inputs-sheet';
export { buildPlainSheet, plainCellCount, plansWithQuotas, MAX_PLAIN_CELLS, RESULT_KEYS, type ResultKey } from './plain-sheet';
export { buildSummarySheet } from './summary-sheet';
export { buildLiveSheet, LIVE_FUNCTION_IDS, LIVE_COMPARE_METRICS, SUMMARY_FIELDS, liveSpill, type LiveFunctionId, type LiveFunctionNames, type LiveSheet } from './live-sheet';
export { literal, type Value } from './expr';
export { readScenarioFromRanges, parseCellNumber, type ReadReport } from './read-range';
export { summariseScenarios, type ScenarioSummaryRow } from './compare-scenarios';
export { buildComparisonSheet, breakevenYear } from './comparison-sheet';
export {
  buildUncertaintySheet, assumptionName, HISTOGRAM_BINS, UNCERTAINTY_SHEET_KEY,
  type UncertaintyReport, type OptimumSummary,
} from './uncertainty-sheet';

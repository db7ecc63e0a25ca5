/**
 * The engine's public surface: the functions, office, workbook and taskpane layers import from here only.
 * Each folder's index is that folder's public surface; the folders are layered (eslint.config.mjs):
 *   text <- math <- model <- quota <- scenario <- uncertainty <- analysis, and retention, calibration beside.
 */
export * from './text';
export * from './math';
export * from './model';
export * from './retention';
export * from './quota';
export * from './scenario';
export * from './uncertainty';
export * from './analysis';
export * from './calibration';

/** Calibration from a company's own subscription ledger (MODEL.md section 10). */
export * from './ledger';
export { amountOf, periodLabel, periodOf, roleOfHeader, type PeriodValue } from './ledger-cells';
export * from './bridge';
export * from './cohorts';
export * from './calibrate';
export * from './backtest';

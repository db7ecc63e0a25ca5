/** What the task pane hands to the uncertainty sheet (uncertainty-sheet.ts and its blocks read it; plain data that crosses from the worker). */
import type { MonteCarloResult, OptimizeResult, PlanValues, TornadoResult } from '../engine';

/** The optimiser's answer without its projection (plain data: it crosses from the worker), beside the plan it would replace. */
export interface OptimumSummary extends Omit<OptimizeResult, 'projection'> {
  current: PlanValues;
  /** The objective under the current plan. */
  currentValue: number;
  /** The budget measure under the current plan (when there is a budget). */
  currentBudgetUsed?: number;
}

export interface UncertaintyReport {
  scenarioName: string;
  baselineName: string;
  /** The proposed plan the results are about. */
  planName: string;
  planIndex: number;
  periodsPerYear: number;
  monteCarlo?: MonteCarloResult;
  tornado?: TornadoResult;
  optimum?: OptimumSummary;
}

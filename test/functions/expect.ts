import type { Metric } from '../../src/engine';

/** CEQ.PROJECT's columns, pinned here (not imported) so that a rename in src fails a test. */
export const PROJECT_COLUMNS: readonly { name: string; metric?: Metric }[] = [
  { name: 'period' },
  { name: 'customers', metric: 'customers' },
  { name: 'new_customers', metric: 'newCustomers' },
  { name: 'churned_customers', metric: 'churnedCustomers' },
  { name: 'arr', metric: 'arr' },
  { name: 'new_arr', metric: 'newArr' },
  { name: 'expansion_arr', metric: 'expansionArr' },
  { name: 'contraction_arr', metric: 'contractionArr' },
  { name: 'churned_arr', metric: 'churnedArr' },
  { name: 'revenue', metric: 'revenue' },
  { name: 'gross_profit', metric: 'grossProfit' },
  { name: 'comp_cost', metric: 'compCost' },
  { name: 'contribution', metric: 'contribution' },
  { name: 'nrr', metric: 'nrr' },
  { name: 'grr', metric: 'grr' },
];

/** Equal to 1e-9 relative (1e-9 absolute near zero). */
export function relClose(actual: unknown, expected: number, rel = 1e-9): boolean {
  if (typeof actual !== 'number') return false;
  const d = Math.abs(actual - expected);
  return d <= rel || d <= rel * Math.max(Math.abs(actual), Math.abs(expected));
}

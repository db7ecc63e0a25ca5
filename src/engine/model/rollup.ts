import { METRICS, OPENING_METRICS, RATE_METRICS, STOCK_METRICS, type Metric } from './metrics';
import type { Projection } from './project';

/** One year of a projection: flows summed, stocks at year end, openings at year start, rates for the year. */
export type YearRow = Record<Metric, number> & { year: number; logoRetention: number; compCostShare: number };

/** Yearly roll-up of one segment (the total by default). */
export function yearly(p: Projection, segment = p.totalIndex): YearRow[] {
  const ppy = p.periodsPerYear;
  const years = p.periods / ppy;
  const rows: YearRow[] = [];
  for (let y = 0; y < years; y++) {
    const first = y * ppy;
    const last = first + ppy - 1;
    const row = { year: y + 1 } as YearRow;
    for (const m of METRICS) {
      if (STOCK_METRICS.has(m)) row[m] = p.value(m, last, segment);
      else if (OPENING_METRICS.has(m)) row[m] = p.value(m, first, segment);
      else if (!RATE_METRICS.has(m)) {
        let sum = 0;
        for (let t = first; t <= last; t++) sum += p.value(m, t, segment);
        row[m] = sum;
      }
    }
    const opening = row.arrBegin;
    // NRR of the year: flows of the year on the ARR at its start (MODEL.md section 6). New customers
    // have no expansion, contraction or churn before their first renewal, so every flow is on that base.
    row.nrr = opening > 0 ? (opening + row.expansionArr - row.contractionArr - row.churnedArr) / opening : 0;
    row.grr = opening > 0 ? (opening - row.contractionArr - row.churnedArr) / opening : 0;
    // A year that starts with no customers has no rates (0, as the periods report), not 100 % churn.
    row.churnRate = row.customersBegin > 0 ? row.churnedCustomers / row.customersBegin : 0;
    row.logoRetention = row.customersBegin > 0 ? 1 - row.churnRate : 0;
    row.compCostShare = row.revenue !== 0 ? row.compCost / row.revenue : 0;
    rows.push(row);
  }
  return rows;
}

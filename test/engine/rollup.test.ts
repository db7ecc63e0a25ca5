import fc from 'fast-check';
import {
  defaultScenario, METRICS, OPENING_METRICS, projectPlan, RATE_METRICS, STOCK_METRICS, yearly, type Projection, type YearRow,
} from '../../src/engine';
import { scenarioArbitrary } from './arbitraries';

/** The yearly roll-up (rollup.ts) against the periods it rolls up. */

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Where a yearly row differs from what its periods say; segment = the segment rolled up. */
function rollupViolations(p: Projection, rows: YearRow[], segment: number): string[] {
  const out: string[] = [];
  const ppy = p.periodsPerYear;
  if (rows.length !== p.periods / ppy) out.push(`${rows.length} rows for ${p.periods / ppy} years`);
  rows.forEach((row, y) => {
    const first = y * ppy;
    const last = first + ppy - 1;
    const check = (what: string, actual: number, expected: number) => {
      if (!close(actual, expected)) out.push(`year ${y + 1} ${what}: ${actual}, expected ${expected}`);
    };
    if (row.year !== y + 1) out.push(`row ${y} is year ${row.year}`);
    for (const m of METRICS) {
      if (RATE_METRICS.has(m)) continue;
      if (STOCK_METRICS.has(m)) check(`${m} (year end)`, row[m], p.value(m, last, segment));
      else if (OPENING_METRICS.has(m)) check(`${m} (year start)`, row[m], p.value(m, first, segment));
      else {
        let sum = 0;
        for (let t = first; t <= last; t++) sum += p.value(m, t, segment);
        check(`${m} (sum of periods)`, row[m], sum);
      }
    }
    // Rates of the year from its own flows (MODEL.md section 6), not from the periods' annualised rates.
    const opening = p.value('arrBegin', first, segment);
    if (opening > 0) {
      check('nrr', row.nrr, (opening + row.expansionArr - row.contractionArr - row.churnedArr) / opening);
      check('grr', row.grr, (opening - row.contractionArr - row.churnedArr) / opening);
      // Every flow is on the opening base, so opening + flows − churn ends at the year-end ARR less new ARR.
      check('nrr against ARR', row.nrr, (row.arr - row.newArr) / opening);
    }
    if (row.customersBegin > 0) {
      check('logoRetention', row.logoRetention, 1 - row.churnedCustomers / row.customersBegin);
      check('churnRate', row.churnRate, row.churnedCustomers / row.customersBegin);
    }
    if (row.revenue !== 0) check('compCostShare', row.compCostShare, row.compCost / row.revenue);
  });
  return out;
}

describe('yearly', () => {
  it('sums the months of a monthly run: flows summed, stocks at year end, openings at year start (property)', () => {
    fc.assert(fc.property(scenarioArbitrary({ periodsPerYear: fc.constantFrom(4, 12) }), (s) => {
      const p = projectPlan(s, s.proposed[0].values);
      const violations: string[] = [];
      for (let segment = 0; segment <= p.totalIndex; segment++) violations.push(...rollupViolations(p, yearly(p, segment), segment));
      expect(violations).toEqual([]);
    }), { numRuns: 30 });
  });

  it('gives back the periods themselves for an annual run, rates included', () => {
    fc.assert(fc.property(scenarioArbitrary({ periodsPerYear: fc.constant(1) }), (s) => {
      const p = projectPlan(s, s.proposed[0].values);
      const violations: string[] = [];
      yearly(p).forEach((row, y) => {
        for (const m of METRICS) if (!close(row[m], p.value(m, y))) violations.push(`year ${y + 1} ${m}: ${row[m]} vs ${p.value(m, y)}`);
      });
      expect(violations).toEqual([]);
    }), { numRuns: 40 });
  });

  it('rolls up the total by default and any segment on request', () => {
    fc.assert(fc.property(scenarioArbitrary(), (s) => {
      const p = projectPlan(s, s.baseline.values);
      expect(yearly(p)).toEqual(yearly(p, p.totalIndex));
      const bySegment = s.segments.map((_, i) => yearly(p, i));
      const violations: string[] = [];
      yearly(p).forEach((row, y) => {
        for (const m of ['customers', 'arr', 'revenue', 'contribution', 'compCost'] as const) {
          const sum = bySegment.reduce((a, rows) => a + rows[y][m], 0);
          if (!close(row[m], sum)) violations.push(`year ${y + 1} ${m}: total ${row[m]}, segments ${sum}`);
        }
      });
      expect(violations).toEqual([]);
    }), { numRuns: 25 });
  });

  it('reports zero rates, not NaN or 100 % churn, for a year that starts with no customers and no ARR', () => {
    const s = defaultScenario();
    Object.assign(s.segments[0].values, { customers: 0, newCustomers: 0 });
    const [row] = yearly(projectPlan(s, s.baseline.values));
    expect([row.nrr, row.grr, row.logoRetention, row.churnRate]).toEqual([0, 0, 0, 0]);
    expect(row.compCostShare).toBe(0); // the service bonus is paid on no revenue: no share rather than infinity
    s.baseline.values.serviceBonusPool = 0;
    expect(yearly(projectPlan(s, s.baseline.values))[0].compCostShare).toBe(0);
  });
});

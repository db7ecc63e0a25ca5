import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  backtest, buildBridge, calibrate, cohortData, cohortTable, defaultsOf, fitCohorts, parseLedger, type CohortData, type Ledger,
} from '../../../src/engine';
import { sbgFit } from '../../../src/engine/retention/sbg';

/**
 * examples/ledger-saas.csv comes from scripts/make-ledger.mjs with the true parameters it states
 * (examples/truth/ledger-saas.json). Calibrating it must give them back within sampling error: three
 * standard errors, as the calibration reports them.
 */
const root = resolve(__dirname, '../../..');
interface Truth {
  newPerMonth: number; arpa: number; alpha: number; beta: number;
  expansionChance: number; expansionStep: number; contractionChance: number; contractionStep: number;
}
const truth = JSON.parse(readFileSync(resolve(root, 'examples/truth/ledger-saas.json'), 'utf8')) as { segments: Record<string, Truth> };
const csv = readFileSync(resolve(root, 'examples/ledger-saas.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));

let ledger: Ledger;
beforeAll(() => {
  ledger = parseLedger(csv);
});

const within = (estimate: number, expected: number, se: number) => {
  expect(Number.isFinite(se) && se > 0).toBe(true);
  expect(Math.abs(estimate - expected)).toBeLessThanOrEqual(3 * se);
};

describe('the example ledger', () => {
  it('is read with its messy rows counted and listed, none dropped silently', () => {
    expect([ledger.periods, ledger.segments]).toEqual([36, ['SMB', 'Mid-market', 'Enterprise']]);
    expect(ledger.customers.length).toBeGreaterThan(2000);
    const skipped = ledger.skipped.reduce((a, s) => a + s.count, 0);
    expect(ledger.rowsRead).toBe(ledger.rowsUsed + skipped);
    expect(ledger.skipped.map((s) => s.reason).sort()).toEqual(['ledgerBadPeriod', 'ledgerBlankCustomer', 'ledgerDuplicate', 'ledgerNegative', 'ledgerNotAmount']);
    expect(ledger.warnings).toEqual([{ reason: 'ledgerSegmentMove', count: 1 }]);
  });

  it('gives back the true contraction, expansion, new-customer ARR and acquisition rate of every segment', () => {
    const c = calibrate(ledger);
    const bridge = buildBridge(ledger);
    for (const s of c.segments) {
      const t = truth.segments[s.name];
      within(s.values.contraction.value, 1 - (1 - t.contractionChance * t.contractionStep) ** 12, s.values.contraction.se);
      // The generator expands only what did not contract: the expected rate on what is left.
      const monthly = (t.expansionChance * t.expansionStep) / (1 - t.contractionChance * t.contractionStep);
      within(s.values.expansion.value, (1 + monthly) ** 12 - 1, s.values.expansion.se);
      within(s.newArpa.value, t.arpa, s.newArpa.se);
      // New logos alone (reactivations are in the calibrated newCustomers, as the model has no such flow).
      const index = ledger.segments.indexOf(s.name);
      let logos = 0;
      for (let p = c.windowFrom; p <= c.windowTo; p++) logos += bridge.value('newCustomers', p, index);
      within(logos, 12 * t.newPerMonth, Math.sqrt(12 * t.newPerMonth));
    }
  });

  it('gives back sBG alpha and beta where the cohorts pin them down, and says where they do not', () => {
    const c = calibrate(ledger);
    for (const s of c.segments) {
      const t = truth.segments[s.name];
      expect(s.fit).toBeDefined();
      within(s.fit!.alpha, t.alpha, s.fit!.alphaSe);
      within(s.fit!.beta, t.beta, s.fit!.betaSe);
      // Used only when each parameter is at least twice its standard error; otherwise flat churn.
      expect(s.curveIdentified).toBe(s.fit!.alpha >= 2 * s.fit!.alphaSe && s.fit!.beta >= 2 * s.fit!.betaSe);
      expect(s.values.sbgAlpha.value).toBe(s.curveIdentified ? s.fit!.alpha : 0);
    }
    expect(c.segments[0].curveIdentified).toBe(true); // SMB: about 700 customers in cohorts
  });

  it('back-tests: the last year predicted from the first two within a few per cent', () => {
    const b = backtest(ledger, defaultsOf('plan'), 23);
    expect(b.rows.map((r) => r.label)).toEqual(ledger.labels.slice(24));
    expect(b.rows[11].actualArr).toBe(buildBridge(ledger).value('closing', 35) / 100);
    expect(b.arrMape).toBeLessThan(0.05);
    expect(b.customersMape).toBeLessThan(0.05);
  });
});

describe('the cohort fit', () => {
  it('of one cohort seen to the end is the single-cohort fit (Fader & Hardie 2007 "regular" data: α 0.704, β 1.182)', () => {
    const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
    const data: CohortData = {
      lost: survivors.slice(1).map((n, t) => survivors[t] - n), censored: [...new Array(7).fill(0), 241], customers: 1000, leftOut: 0,
    };
    const pooled = fitCohorts(data)!;
    const single = sbgFit(survivors);
    expect(pooled.alpha).toBeCloseTo(single.alpha, 6);
    expect(pooled.beta).toBeCloseTo(single.beta, 6);
    expect(pooled.alpha).toBeCloseTo(0.704, 3);
    expect(pooled.beta).toBeCloseTo(1.182, 3);
    expect(pooled.alphaSe).toBeGreaterThan(0);
  });

  it('halves its standard errors with four times the data', () => {
    const base: CohortData = { lost: [250, 120], censored: [0, 100, 530], customers: 1000, leftOut: 0 };
    const times4: CohortData = { ...base, lost: base.lost.map((n) => 4 * n), censored: base.censored.map((n) => 4 * n), customers: 4000 };
    const a = fitCohorts(base)!;
    const b = fitCohorts(times4)!;
    expect(b.alpha).toBeCloseTo(a.alpha, 5);
    expect(b.alphaSe / a.alphaSe).toBeCloseTo(0.5, 3);
    expect(b.betaSe / a.betaSe).toBeCloseTo(0.5, 3);
  });

  it('reads the cohorts off the ledger: lost at the decision after the spell, censored at the last decision seen', () => {
    const l = parseLedger([
      ['customer', 'period', 'arr'],
      ['base', 1, 1], ...Array.from({ length: 30 }, (_, t) => ['base', t + 2, 1]),
      ...Array.from({ length: 12 }, (_, t) => ['lostAtFirst', t + 2, 1]),
      ...Array.from({ length: 30 }, (_, t) => ['alive', t + 2, 1]),
    ]);
    // Both join in period 1 (index 1); the ledger runs to index 30: two decisions seen (at 13 and 25).
    expect(cohortData(l)).toEqual({ lost: [1], censored: [0, 0, 1], customers: 2, leftOut: 1 });
    expect(cohortTable(l)).toEqual([{ period: 1, label: '2', size: 2, survivors: [1, 1] }]);
  });
});

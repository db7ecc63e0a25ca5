/**
 * npx tsx scripts/probe-extremes.ts
 *
 * Prints what the model claims when a CFO pushes it on the default scenario (the table of
 * docs/model.md "What the model claims when you push it", which npm run docs:figures writes): each
 * change to today's plan against today's plan, the scan of every rate scaled by k (0 to 10), and the
 * agent-assist price at which full assist stops paying.
 */
import {
  assistBreakEven, bestK, grid, LONG_HORIZON, longHorizon, noAttrition, noCeiling, noEffortLevel, noNewCustomers, runProbes, scaleScan,
} from '../test/docs/extremes';

const m = (x: number) => `${(x / 1e6).toFixed(2)}M`.padStart(9);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(7);

console.log(`${'change to today\'s plan'.padEnd(58)} ${'NPV'.padStart(9)} ${'equity'.padStart(9)} ${'TV share'.padStart(8)}  break-even`);
for (const { probe, comparison: c } of runProbes()) {
  console.log(`${probe.en.padEnd(58)} ${m(c.npvDelta)} ${m(c.customerEquityDelta)} ${pct(c.terminalShareProposed)}  ${c.breakevenPeriod ?? 'none'}`);
}

const ks = grid(0, 10, 0.25);
console.log('\nk: NPV of the change (5 years), change in customer equity, terminal share; NPV over 30 years; equity with no new customers / η = 0 / κ = 0 / no ceiling');
const scans = [scaleScan(ks), scaleScan(ks, longHorizon), scaleScan(ks, noNewCustomers), scaleScan(ks, noEffortLevel), scaleScan(ks, noAttrition), scaleScan(ks, noCeiling)];
ks.forEach((k, i) => {
  const [main, long, book, eta, kappa, ceiling] = scans.map((scan) => scan[i].comparison);
  console.log(k.toFixed(2).padStart(5), m(main.npvDelta), m(main.customerEquityDelta), pct(main.terminalShareProposed), '|', m(long.npvDelta), '|',
    m(book.customerEquityDelta), m(eta.customerEquityDelta), m(kappa.customerEquityDelta), m(ceiling.customerEquityDelta));
});
const fine = scaleScan(grid(0, 10, 0.05));
console.log(`best k: NPV ${bestK(fine, (c) => c.npvDelta)}, customer equity ${bestK(fine, (c) => c.customerEquityDelta)}; ${LONG_HORIZON}-year NPV ${bestK(scaleScan(grid(0, 10, 0.05), longHorizon), (c) => c.npvDelta)}`);

const assist = assistBreakEven();
console.log(`\nagent assist 100 % at ${assist.priceDefault} a contact: NPV ${m(assist.atDefault.npvDelta)}, equity ${m(assist.atDefault.customerEquityDelta)}; break-even price a human contact: NPV ${assist.npv.toFixed(0)}, equity ${assist.equity.toFixed(0)}`);

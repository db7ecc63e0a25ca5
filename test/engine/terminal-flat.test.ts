import fc from 'fast-check';
import { flatRunOffs, RUN_OFF_YEARS } from '../../src/engine/model/terminal-flat';
import type { RunOffBook } from '../../src/engine/model/run-off-book';

/**
 * terminal-flat.ts writes the run-off per customer on the book (contribution = customers × a function
 * of ARR per account) because it is the hottest loop of a projection. This is the run-off the way
 * MODEL.md section 6 states it, a book of customers and ARR stepped a year at a time (what the engine
 * computed before the rewrite, and what the plain-formula sheet's rows do): the two must agree to
 * rounding for any book, ceiling or none, customers still joining or not, all churning or none. (The
 * engine before the rewrite added a geometric tail after a book that had emptied, from its last two
 * years with customers; it could not happen there, as churn is capped below 1.)
 */
function yearByYear(book: RunOffBook, cost: number, renewalRate: number, expansionRate: number, discountRate: number, endOfPeriod: boolean): number {
  const survival = 1 - book.churn, keep = 1 - book.contraction;
  let n = book.bookCustomers, a = book.bookArr, pendingGood = book.pendingGood, pendingBad = book.pendingBad;
  let discount = (1 + discountRate) ** (endOfPeriod ? -1 : -0.5);
  let value = 0, previous = 0, last = 0;
  for (let y = 0; y < RUN_OFF_YEARS; y++) {
    const customersBegin = n + pendingGood + pendingBad, arrBegin = a + (pendingGood + pendingBad) * book.arpa0;
    if (!(customersBegin > 0)) {
      // An empty book earns nothing from here on: no tail either.
      previous = last;
      last = 0;
      break;
    }
    let expansion = book.expansion;
    if (book.walletMultiple !== 0) {
      // The ceiling at the start of the year sets the mid-year ARR per account, the ceiling there the year's expansion.
      const wallet = book.walletMultiple * book.arpa0, gap = wallet - book.arpa0;
      const fade = (arpa: number) => (book.walletMultiple <= 1 ? 0 : Math.max(0, (wallet - arpa) / gap));
      const arpa = arrBegin / customersBegin;
      expansion = book.expansion * fade(arpa * Math.sqrt(keep * (1 + book.expansion * fade(arpa))));
    }
    const staying = a * survival;
    let renewed = staying * Math.sqrt(keep * (1 + expansion)) / book.termYears;
    let expanded = staying * keep * expansion;
    n *= survival;
    a = staying * keep * (1 + expansion);
    if (pendingGood + pendingBad > 0) {
      const survivors = pendingGood * survival ** book.termYears + pendingBad * (1 - book.misSoldChurn);
      const joinKept = survivors * book.arpa0 * Math.sqrt(keep);
      const grown = joinKept * (Math.sqrt(1 + expansion) - 1);
      renewed += survivors * book.arpa0;
      expanded += grown;
      n += survivors;
      a += joinKept + grown;
      pendingGood = pendingBad = 0;
    }
    previous = last;
    last = (book.grossMargin * (arrBegin + a) / 2 - cost * (customersBegin + n) / 2 - renewalRate * renewed - expansionRate * expanded) * discount;
    value += last;
    discount /= 1 + discountRate;
  }
  const ratio = previous !== 0 ? last / previous : 0;
  return ratio > 0 && ratio < 1 ? value + last * ratio / (1 - ratio) : value;
}

const book = fc.record({
  bookCustomers: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true })),
  arpaOnBook: fc.double({ min: 0.2, max: 20, noNaN: true }),
  pendingGood: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e4, noNaN: true })),
  pendingBad: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true })),
  churn: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 0.99, noNaN: true })),
  termYears: fc.integer({ min: 1, max: 5 }),
  expansion: fc.double({ min: 0, max: 0.5, noNaN: true }),
  contraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
  arpa0: fc.double({ min: 100, max: 1e6, noNaN: true }),
  walletMultiple: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0.1, max: 100, noNaN: true })),
  grossMargin: fc.double({ min: 0, max: 1, noNaN: true }),
  misSoldChurn: fc.double({ min: 0, max: 1, noNaN: true }),
}).map((r): RunOffBook => ({
  n: new Float64Array(0), a: new Float64Array(0), nextOpportunity: null, startTenure: 0, pressure: 1, alpha: 0, beta: 0,
  bookCustomers: r.bookCustomers, bookArr: r.bookCustomers * r.arpaOnBook * r.arpa0, pendingGood: r.pendingGood, pendingBad: r.pendingBad,
  churn: r.churn, termYears: r.termYears, expansion: r.expansion, contraction: r.contraction, arpa0: r.arpa0,
  walletMultiple: r.walletMultiple, grossMargin: r.grossMargin, misSoldChurn: r.misSoldChurn,
}));
const charges = fc.tuple(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }));

describe('the flat run-off, per customer on the book', () => {
  it('equals the year-by-year book to rounding, one book or several side by side', () => {
    fc.assert(fc.property(
      // A discount rate near 0 on a book that never shrinks puts the tail's ratio within 1e-12 of 1,
      // where 1/(1 − ratio) turns rounding into any difference at all: from 2 % the tail is well-conditioned.
      fc.array(fc.tuple(book, charges), { minLength: 1, maxLength: 9 }), fc.double({ min: 0.02, max: 0.3, noNaN: true }), fc.boolean(),
      (books, discountRate, endOfPeriod) => {
        // With no ceiling the book must not outgrow discounting (project-into.ts refuses that case first).
        const finite = books.filter(([b]) => b.walletMultiple !== 0 || (1 - b.churn) * (1 - b.contraction) * (1 + b.expansion) < 1 + discountRate);
        if (finite.length === 0) return;
        const costs = new Float64Array(finite.flatMap(([, c]) => c));
        const out = new Float64Array(finite.length);
        flatRunOffs(finite.map(([b]) => b), finite.length, costs, discountRate, endOfPeriod, out);
        finite.forEach(([b, [cost, renewal, expansion]], i) => {
          const expected = yearByYear(b, cost, renewal, expansion, discountRate, endOfPeriod);
          // Relative to the amounts the value is a difference of: margin on the ARR and the costs.
          const scale = Math.max(1, (b.bookArr + (b.pendingGood + b.pendingBad) * b.arpa0) * (1 + b.grossMargin) + (b.bookCustomers + b.pendingGood + b.pendingBad) * cost) * 30;
          expect(Math.abs(out[i] - expected) / scale).toBeLessThan(1e-12);
        });
      }), { numRuns: 2_000 });
  });

  it('is 0 for an empty book and holds a book that loses every customer to its first year', () => {
    const empty = fc.sample(book, { numRuns: 1, seed: 7 })[0];
    const gone: RunOffBook = { ...empty, bookCustomers: 100, bookArr: 100 * empty.arpa0, pendingGood: 0, pendingBad: 0, churn: 1, walletMultiple: 4 };
    const none: RunOffBook = { ...gone, bookCustomers: 0, bookArr: 0 };
    const out = new Float64Array(2);
    flatRunOffs([none, gone], 2, new Float64Array([10, 0.01, 0.02, 10, 0.01, 0.02]), 0.1, false, out);
    expect(out[0]).toBe(0);
    // Everyone leaves at the year's renewals: half a year of margin on the book, half a year of cost.
    expect(out[1]).toBeCloseTo((gone.grossMargin * gone.bookArr / 2 - 10 * 100 / 2) / Math.sqrt(1.1), 6);
  });
});

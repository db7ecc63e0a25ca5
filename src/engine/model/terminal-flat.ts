/**
 * The run-off of horizon-end books under flat churn (terminal.ts), for one book or for several side
 * by side. Each book's year depends on its previous year (the ceiling reads ARR per account), so one
 * book's run-off is a chain of divisions and square roots that the processor cannot overlap; the
 * books of different segments are independent, so stepping them together, year by year, lets it work
 * on several chains at once. Every book gets exactly the arithmetic it would get on its own.
 */
import { M } from './metrics';
import type { RunOffBook } from './run-off-book';

// Bound once: inside a sandboxed bundle (and jest's vm) each lookup of the global Math is slow (see sbg.ts).
const { max, pow, sqrt } = Math;

/** Years of run-off simulated year by year before the geometric tail takes over. */
export const RUN_OFF_YEARS = 50;

/**
 * What the run-off charges, from the horizon's last year of the projection of one segment (rows from
 * `segmentStart` in `data`): cost per customer-year (cost to serve, contacts, service pay, prevention,
 * people cost) and pay per ARR renewed and per ARR expanded, into out[at], out[at + 1], out[at + 2].
 * False when the last year has no customers (the terminal value is then 0).
 */
export function runOffCosts(book: RunOffBook, data: Float64Array, segmentStart: number, P: number, ppy: number, out: Float64Array, at: number): boolean {
  let revenue = 0, grossProfit = 0, overhead = 0, customerYears = 0, renewed = 0, renewalPay = 0, expanded = 0, expansionPay = 0;
  for (let t = max(0, P - ppy); t < P; t++) {
    const row = segmentStart + t;
    revenue += data[row + M.revenue * P];
    grossProfit += data[row + M.grossProfit * P];
    overhead += data[row + M.serviceBonus * P] + data[row + M.preventionSpend * P] + data[row + M.peopleCost * P];
    customerYears += (data[row + M.customersBegin * P] + data[row + M.customers * P]) / 2 / ppy;
    renewed += data[row + M.renewedArr * P];
    renewalPay += data[row + M.commissionRenewal * P];
    expanded += data[row + M.expansionArr * P];
    expansionPay += data[row + M.commissionExpansion * P];
  }
  if (!(customerYears > 0)) return false;
  out[at] = (book.grossMargin * revenue - grossProfit + overhead) / customerYears;
  out[at + 1] = renewed > 0 ? renewalPay / renewed : 0;
  out[at + 2] = expanded > 0 ? expansionPay / expanded : 0;
  return true;
}

/** The discounted run-off years summed, plus the geometric tail at the last ratio when it is in (0, 1). */
export function withTail(value: number, previous: number, last: number): number {
  const ratio = previous !== 0 ? last / previous : 0;
  return ratio > 0 && ratio < 1 ? value + last * ratio / (1 - ratio) : value;
}

/** Per-book state of the run-off, field-major: STATE fields of `capacity` books. */
const STATE = 8;
const [N, A, PENDING, DISCOUNT, VALUE, PREVIOUS, LAST, ACTIVE] = [0, 1, 2, 3, 4, 5, 6, 7];
let capacity = 8;
let state = new Float64Array(STATE * capacity);

/**
 * Under flat churn every pool keeps the same share a year, so each book runs off as one. Books
 * books[0 … count − 1], charged costs[3i … 3i + 2] (runOffCosts), their values (as of the horizon)
 * into out[0 … count − 1].
 */
export function flatRunOffs(books: readonly RunOffBook[], count: number, costs: Float64Array, discountRate: number, endOfPeriod: boolean, out: Float64Array): void {
  if (count > capacity) {
    capacity = count;
    state = new Float64Array(STATE * capacity);
  }
  const c = capacity;
  const yearFactor = 1 / (1 + discountRate);
  const firstDiscount = pow(1 + discountRate, endOfPeriod ? -1 : -0.5);
  for (let i = 0; i < count; i++) {
    const book = books[i];
    state[N * c + i] = book.bookCustomers;
    state[A * c + i] = book.bookArr;
    state[PENDING * c + i] = book.pendingGood + book.pendingBad;
    state[DISCOUNT * c + i] = firstDiscount;
    state[VALUE * c + i] = 0;
    state[PREVIOUS * c + i] = 0;
    state[LAST * c + i] = 0;
    state[ACTIVE * c + i] = 1;
  }
  let active = count;
  for (let y = 0; y < RUN_OFF_YEARS && active > 0; y++) {
    for (let i = 0; i < count; i++) {
      if (state[ACTIVE * c + i] === 0) continue;
      const book = books[i];
      let n = state[N * c + i], a = state[A * c + i];
      const pending = state[PENDING * c + i];
      const customersBegin = pending + n;
      const arrBegin = pending * book.arpa0 + a;
      if (!(customersBegin > 0)) {
        state[ACTIVE * c + i] = 0;
        active--;
        continue;
      }
      const survival = 1 - book.churn;
      // churn.ts ceilingAtMid over one year, written out because these are the hottest lines of a
      // projection: the same operations in the same order, so the same numbers.
      let expansion = book.expansion;
      if (book.walletMultiple !== 0) {
        const wallet = book.walletMultiple * book.arpa0;
        const arpa = arrBegin / customersBegin;
        const first = book.walletMultiple <= 1 ? 0 : max(0, (wallet - arpa) / (wallet - book.arpa0));
        const mid = arpa * sqrt((1 - book.contraction) * (1 + book.expansion * first));
        expansion = book.expansion * (book.walletMultiple <= 1 ? 0 : max(0, (wallet - mid) / (wallet - book.arpa0)));
      }
      const midGrowth = sqrt((1 - book.contraction) * (1 + expansion));
      const staying = a * survival;
      const kept = staying * (1 - book.contraction);
      let renewedA = book.termYears === 1 ? staying * midGrowth : staying * midGrowth / book.termYears; // x / 1 is x exactly
      let expansionA = kept * expansion;
      n *= survival;
      a = kept * (1 + expansion);
      if (pending > 0) {
        // The first contract term ends in the first run-off year: leavers go, survivors join the book
        // mid-year (half a year of contraction and expansion, no second renewal).
        const termSurvival = pow(survival, book.termYears);
        const halfContraction = 1 - sqrt(1 - book.contraction);
        const survivors = book.pendingGood * termSurvival + book.pendingBad * (1 - book.misSoldChurn);
        const joinKept = survivors * book.arpa0 * (1 - halfContraction);
        const grown = joinKept * (sqrt(1 + expansion) - 1);
        renewedA += survivors * book.arpa0;
        expansionA += grown;
        n += survivors;
        a += joinKept + grown;
        state[PENDING * c + i] = 0;
      }
      const contribution = book.grossMargin * (arrBegin + a) / 2 - costs[3 * i] * (customersBegin + n) / 2
        - costs[3 * i + 1] * renewedA - costs[3 * i + 2] * expansionA;
      const discount = state[DISCOUNT * c + i];
      const last = contribution * discount;
      state[N * c + i] = n;
      state[A * c + i] = a;
      state[PREVIOUS * c + i] = state[LAST * c + i];
      state[LAST * c + i] = last;
      state[VALUE * c + i] += last;
      state[DISCOUNT * c + i] = discount * yearFactor;
    }
  }
  for (let i = 0; i < count; i++) out[i] = withTail(state[VALUE * c + i], state[PREVIOUS * c + i], state[LAST * c + i]);
}

/**
 * The run-off of horizon-end books under flat churn (terminal.ts), for one book or for several side
 * by side. These are the hottest lines of a projection (150 book-years in an annual 3-segment one),
 * so after the first year, the only one with customers still joining, a year is written per customer
 * on the book: every customer churns alike, so the year's contribution is the customers on the book
 * times a function of ARR per account, and ARR per account is all that carries from year to year.
 * That chain (the ceiling reads ARR per account) is a square root and a dozen multiplications long
 * and cannot overlap itself; the books of different segments are independent, so stepping them
 * together lets the processor work on several chains at once. Every book gets exactly the
 * arithmetic it would get on its own. The rewriting is exact algebra; its rounding differs from the
 * year-by-year book in the 16th digit.
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

/**
 * Per book, the state of its run-off after the first year (ARR per account at the start of the year,
 * customers on the book discounted to the horizon, the sum so far, the last two years) and its
 * constants (firstRunOffYear). One array per field: measured, a third faster than one array indexed
 * field × capacity + book.
 */
let capacity = 0;
let arpas = new Float64Array(0), onBook = arpas, sums = arpas, previousYears = arpas, lastYears = arpas;
let wallets = arpas, inverseGaps = arpas, keeps = arpas, keepExpansions = arpas;
let arpaWeights = arpas, growthWeights = arpas, rootWeights = arpas, customerCosts = arpas, decays = arpas;
function allocate(books: number): void {
  capacity = max(8, books);
  const field = () => new Float64Array(capacity);
  arpas = field(); onBook = field(); sums = field(); previousYears = field(); lastYears = field();
  wallets = field(); inverseGaps = field(); keeps = field(); keepExpansions = field();
  arpaWeights = field(); growthWeights = field(); rootWeights = field(); customerCosts = field(); decays = field();
}

/**
 * Under flat churn every pool keeps the same share a year, so each book runs off as one. Books
 * books[0 … count − 1], charged costs[3i … 3i + 2] (runOffCosts), their values (as of the horizon)
 * into out[0 … count − 1].
 */
export function flatRunOffs(books: readonly RunOffBook[], count: number, costs: Float64Array, discountRate: number, endOfPeriod: boolean, out: Float64Array): void {
  if (count > capacity) allocate(count);
  const yearFactor = 1 / (1 + discountRate);
  const firstDiscount = pow(1 + discountRate, endOfPeriod ? -1 : -0.5);
  for (let i = 0; i < count; i++) firstRunOffYear(books[i], costs, 3 * i, firstDiscount, yearFactor, i);
  for (let y = 1; y < RUN_OFF_YEARS; y++) {
    for (let i = 0; i < count; i++) {
      // One year of the book, per customer on it at the start of the year (see the top of the file).
      const arpa = arpas[i], keep = keeps[i], keepExpansion = keepExpansions[i];
      const wallet = wallets[i], scaled = arpa * inverseGaps[i];
      const toWallet = wallet - scaled;
      const root = sqrt(keep + keepExpansion * (toWallet > 0 ? toWallet : 0));
      const toWalletAtMid = wallet - scaled * root;
      const growth = keep + keepExpansion * (toWalletAtMid > 0 ? toWalletAtMid : 0);
      const perCustomer = arpa * (arpaWeights[i] + growthWeights[i] * growth - rootWeights[i] * sqrt(growth))
        - customerCosts[i];
      const customers = onBook[i];
      const last = perCustomer * customers;
      previousYears[i] = lastYears[i];
      lastYears[i] = last;
      sums[i] += last;
      onBook[i] = customers * decays[i];
      arpas[i] = arpa * growth;
    }
  }
  for (let i = 0; i < count; i++) out[i] = withTail(sums[i], previousYears[i], lastYears[i]);
}

/**
 * The first run-off year of book `i` (the customers still in their first term join at its end), and
 * the constants of the years after it, into the state. From the second year, with g the year's
 * growth of ARR per account (contraction, then expansion under the ceiling), s the share of
 * customers that stay, T the contract term, m the gross margin and r, x the pay per ARR renewed and
 * expanded, the contribution per customer on the book at the start is
 *   ARPA · (m/2 + x·s·keep + (m·s/2 − x·s)·g − (r·s/T)·√g) − cost · (1 + s)/2,
 * the year-by-year book's gross margin on the average of opening and closing ARR, renewal pay on
 * ARR renewed at mid-year and expansion pay on ARR expanded, multiplied out.
 */
function firstRunOffYear(book: RunOffBook, costs: Float64Array, at: number, firstDiscount: number, yearFactor: number, i: number): void {
  const survival = 1 - book.churn, keep = 1 - book.contraction;
  const cost = costs[at], renewalRate = costs[at + 1], expansionRate = costs[at + 2];
  let n = book.bookCustomers, a = book.bookArr;
  const pending = book.pendingGood + book.pendingBad;
  const customersBegin = pending + n;
  const arrBegin = pending * book.arpa0 + a;
  let first = 0;
  if (customersBegin > 0) {
    // churn.ts ceilingAtMid over one year, written out: the same operations in the same order, so the same numbers.
    let expansion = book.expansion;
    if (book.walletMultiple !== 0) {
      const wallet = book.walletMultiple * book.arpa0;
      const arpa = arrBegin / customersBegin;
      const atStart = book.walletMultiple <= 1 ? 0 : max(0, (wallet - arpa) / (wallet - book.arpa0));
      const mid = arpa * sqrt(keep * (1 + book.expansion * atStart));
      expansion = book.expansion * (book.walletMultiple <= 1 ? 0 : max(0, (wallet - mid) / (wallet - book.arpa0)));
    }
    const staying = a * survival;
    const kept = staying * keep;
    let renewedA = staying * sqrt(keep * (1 + expansion)) / book.termYears;
    let expansionA = kept * expansion;
    n *= survival;
    a = kept * (1 + expansion);
    if (pending > 0) {
      // The first contract term ends in the first run-off year: leavers go, survivors join the book
      // mid-year (half a year of contraction and expansion, no second renewal).
      const survivors = book.pendingGood * pow(survival, book.termYears) + book.pendingBad * (1 - book.misSoldChurn);
      const joinKept = survivors * book.arpa0 * sqrt(keep);
      const grown = joinKept * (sqrt(1 + expansion) - 1);
      renewedA += survivors * book.arpa0;
      expansionA += grown;
      n += survivors;
      a += joinKept + grown;
    }
    first = (book.grossMargin * (arrBegin + a) / 2 - cost * (customersBegin + n) / 2 - renewalRate * renewedA - expansionRate * expansionA) * firstDiscount;
  }
  const customers = n > 0 ? n : 0;
  arpas[i] = customers > 0 ? a / customers : 0;
  onBook[i] = customers * firstDiscount * yearFactor;
  sums[i] = first;
  previousYears[i] = 0;
  lastYears[i] = first;
  // The ceiling in units of the gap between the wallet and the entered ARR per account: none (0)
  // reads as always 1 below the wallet (full expansion); a wallet at or below the entered ARR per
  // account as always 0.
  const capped = book.walletMultiple !== 0 && book.walletMultiple <= 1;
  const invGap = book.walletMultiple > 1 ? 1 / (book.walletMultiple * book.arpa0 - book.arpa0) : 0;
  wallets[i] = book.walletMultiple > 1 ? book.walletMultiple * book.arpa0 * invGap : capped ? 0 : 1;
  inverseGaps[i] = invGap;
  keeps[i] = keep;
  keepExpansions[i] = capped ? 0 : keep * book.expansion;
  arpaWeights[i] = book.grossMargin / 2 + expansionRate * survival * keep;
  growthWeights[i] = book.grossMargin * survival / 2 - expansionRate * survival;
  rootWeights[i] = renewalRate * survival / book.termYears;
  customerCosts[i] = cost * (1 + survival) / 2;
  decays[i] = survival * yearFactor;
}

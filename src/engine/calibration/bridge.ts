import type { Ledger } from './ledger';

/**
 * The ARR bridge the revenue tools show, per period and segment, in integer cents (exact: every sum
 * stays far below 2^53 cents, 90 trillion): opening + new + expansion − contraction − churn +
 * reactivation = closing, and closing is the ledger's own sum for the period. Customers the same way.
 * Classification of one customer between period t − 1 and t:
 * - absent then present: new when it had no ARR in any earlier period of the ledger, reactivation otherwise;
 * - present then absent: churn of its whole ARR at t;
 * - present in both: the change is expansion (up) or contraction (down).
 * Period 0 has no flows: its ARR is the first opening. NRR, GRR and logo retention per year follow the
 * customers on the books at the year's start (revenue tools' convention): NRR = their ARR a year later
 * ÷ their ARR then, GRR = the same with each customer capped at its starting ARR, logo retention = the
 * share still paying. Years end at the last period and run back in steps of a year.
 */
export const BRIDGE_FIELDS = [
  'opening', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'closing',
  'openingCustomers', 'newCustomers', 'reactivatedCustomers', 'churnedCustomers', 'closingCustomers',
] as const;
export type BridgeField = (typeof BRIDGE_FIELDS)[number];
const F = Object.fromEntries(BRIDGE_FIELDS.map((f, i) => [f, i])) as Record<BridgeField, number>;
const FIELD_COUNT = BRIDGE_FIELDS.length;

export interface YearRetention {
  /** Period indices of the year's start and end. */
  from: number;
  to: number;
  /** ARR (cents) and customers on the books at `from`. */
  startCents: number;
  startCustomers: number;
  nrr: number;
  grr: number;
  logoRetention: number;
}

export class Bridge {
  constructor(
    readonly ledger: Ledger,
    /** (segment · FIELD_COUNT + field) · periods + t; the total is segment index segments.length. */
    readonly data: Float64Array,
    readonly years: readonly YearRetention[][],
  ) {}

  get segments(): readonly string[] {
    return this.ledger.segments;
  }

  get totalIndex(): number {
    return this.ledger.segments.length;
  }

  /** One field of one period, in cents (ARR) or customers; the total unless a segment index is given. */
  value(field: BridgeField, t: number, segment = this.totalIndex): number {
    return this.data[(segment * FIELD_COUNT + F[field]) * this.ledger.periods + t];
  }
}

/** The bridge of a parsed ledger: one pass over its entries, then the yearly retention. */
export function buildBridge(ledger: Ledger): Bridge {
  const P = ledger.periods;
  const S = ledger.segments.length;
  const data = new Float64Array((S + 1) * FIELD_COUNT * P);
  const { offsets, entryPeriod, entryCents, customerSegment } = ledger;
  for (let c = 0; c < ledger.customers.length; c++) {
    const first = offsets[c];
    const end = offsets[c + 1];
    if (first === end) continue;
    const base = customerSegment[c] * FIELD_COUNT * P;
    const add = (field: number, t: number, x: number) => {
      data[base + field * P + t] += x;
    };
    for (let i = first; i < end; i++) {
      const t = entryPeriod[i];
      const cents = entryCents[i];
      add(F.closing, t, cents);
      add(F.closingCustomers, t, 1);
      if (i === first) {
        if (t > 0) {
          add(F.new, t, cents);
          add(F.newCustomers, t, 1);
        }
      } else if (entryPeriod[i - 1] === t - 1) {
        const change = cents - entryCents[i - 1];
        if (change > 0) add(F.expansion, t, change);
        else if (change < 0) add(F.contraction, t, -change);
      } else {
        add(F.churn, entryPeriod[i - 1] + 1, entryCents[i - 1]);
        add(F.churnedCustomers, entryPeriod[i - 1] + 1, 1);
        add(F.reactivation, t, cents);
        add(F.reactivatedCustomers, t, 1);
      }
    }
    const last = entryPeriod[end - 1];
    if (last < P - 1) {
      add(F.churn, last + 1, entryCents[end - 1]);
      add(F.churnedCustomers, last + 1, 1);
    }
  }
  for (let s = 0; s < S; s++) {
    const base = s * FIELD_COUNT * P;
    for (let t = 1; t < P; t++) {
      data[base + F.opening * P + t] = data[base + F.closing * P + t - 1];
      data[base + F.openingCustomers * P + t] = data[base + F.closingCustomers * P + t - 1];
    }
    data[base + F.opening * P] = data[base + F.closing * P]; // period 0: opening = closing, no flows
    data[base + F.openingCustomers * P] = data[base + F.closingCustomers * P];
    const total = S * FIELD_COUNT * P;
    for (let k = 0; k < FIELD_COUNT * P; k++) data[total + k] += data[base + k];
  }
  return new Bridge(ledger, data, yearlyRetention(ledger));
}

/** ARR (cents) of customer c at period t, 0 when absent: binary search in its sorted entries. */
export function centsAt(ledger: Ledger, c: number, t: number): number {
  let lo = ledger.offsets[c];
  let hi = ledger.offsets[c + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = ledger.entryPeriod[mid];
    if (p === t) return ledger.entryCents[mid];
    if (p < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function yearlyRetention(ledger: Ledger): YearRetention[][] {
  const S = ledger.segments.length;
  const ppy = ledger.periodsPerYear;
  const out: YearRetention[][] = Array.from({ length: S + 1 }, () => []);
  for (let to = ledger.periods - 1; to - ppy >= 0; to -= ppy) {
    const from = to - ppy;
    const start = new Float64Array(S + 1);
    const kept = new Float64Array(S + 1);
    const capped = new Float64Array(S + 1);
    const logos = new Float64Array(S + 1);
    const stayed = new Float64Array(S + 1);
    for (let c = 0; c < ledger.customers.length; c++) {
      const a = centsAt(ledger, c, from);
      if (a === 0) continue;
      const b = centsAt(ledger, c, to);
      for (const s of [ledger.customerSegment[c], S]) {
        start[s] += a;
        kept[s] += b;
        capped[s] += Math.min(a, b);
        logos[s] += 1;
        if (b > 0) stayed[s] += 1;
      }
    }
    for (let s = 0; s <= S; s++) {
      out[s].unshift({
        from, to, startCents: start[s], startCustomers: logos[s],
        nrr: start[s] > 0 ? kept[s] / start[s] : NaN, grr: start[s] > 0 ? capped[s] / start[s] : NaN,
        logoRetention: logos[s] > 0 ? stayed[s] / logos[s] : NaN,
      });
    }
  }
  return out;
}

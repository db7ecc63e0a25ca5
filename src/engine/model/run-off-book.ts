/**
 * The book on hand at the horizon and the fully adopted behaviour it runs off under (MODEL.md section
 * 6): what terminalValue needs from the projection of one segment.
 */
export interface RunOffBook {
  /**
   * Customers and ARR per pool: pool 0 is the starting base (renewals spread evenly, so it churns every
   * year); the others have renewed at least once (a ring by renewal phase under flat churn, one pool
   * per acquisition period under sBG).
   */
  n: Float64Array;
  a: Float64Array;
  /** Under sBG, the yearly renewal opportunity each pool faces next (pool 0 unused); null under flat churn. */
  nextOpportunity: Float64Array | null;
  /** Customers and ARR of all pools together (under flat churn every pool runs off alike, so these are all it needs). */
  bookCustomers: number;
  bookArr: number;
  /** Tenure of the starting base at the horizon (years). */
  startTenure: number;
  /** Customers still in their first contract term (at the entered ARR per account): good and mis-sold. */
  pendingGood: number;
  pendingBad: number;
  /** Annual churn of the book once the plan is fully adopted (flat), and its ratio to the entered churn (sBG). */
  churn: number;
  pressure: number;
  alpha: number;
  beta: number;
  termYears: number;
  /** Annual expansion rate before the ceiling, fully adopted; contraction as entered. */
  expansion: number;
  contraction: number;
  arpa0: number;
  walletMultiple: number;
  grossMargin: number;
  misSoldChurn: number;
}

/**
 * The per-period outputs of a projection. Kept as an index table over one Float64Array so a projection
 * allocates once (it runs hundreds of thousands of times in a Monte Carlo run).
 */
export const METRICS = [
  'customers', 'newCustomers', 'churnedCustomers', 'arr', 'newArr', 'expansionArr', 'contractionArr', 'churnedArr',
  'revenue', 'grossProfit', 'compCost', 'contribution', 'nrr', 'grr',
  'commissionNew', 'commissionRenewal', 'commissionExpansion', 'clawbacks', 'serviceBonus',
  'acquisitionSpend', 'preventionSpend', 'contacts', 'contactCost', 'rescuedArr', 'contactsPrevented',
  'misSoldNew', 'arrBegin', 'customersBegin', 'renewedArr', 'churnedCustomersFromBase', 'churnRate',
  'peopleCost',
] as const;

export type Metric = (typeof METRICS)[number];

/** Metric name → row index. A literal (not built at run time) so that V8 keeps it a fast-property object. */
export const M: { readonly [K in Metric]: number } = {
  customers: 0,
  newCustomers: 1,
  churnedCustomers: 2,
  arr: 3,
  newArr: 4,
  expansionArr: 5,
  contractionArr: 6,
  churnedArr: 7,
  revenue: 8,
  grossProfit: 9,
  compCost: 10,
  contribution: 11,
  nrr: 12,
  grr: 13,
  commissionNew: 14,
  commissionRenewal: 15,
  commissionExpansion: 16,
  clawbacks: 17,
  serviceBonus: 18,
  acquisitionSpend: 19,
  preventionSpend: 20,
  contacts: 21,
  contactCost: 22,
  rescuedArr: 23,
  contactsPrevented: 24,
  misSoldNew: 25,
  arrBegin: 26,
  customersBegin: 27,
  renewedArr: 28,
  churnedCustomersFromBase: 29,
  churnRate: 30,
  peopleCost: 31,
} as const;

export const METRIC_COUNT = METRICS.length;

/** Metrics that are rates, not amounts: never summed across segments or periods. */
export const RATE_METRICS: ReadonlySet<Metric> = new Set<Metric>(['nrr', 'grr', 'churnRate']);

/** Stocks are read at the end of a period (or the start, for the *Begin ones); the rest are flows. */
export const STOCK_METRICS: ReadonlySet<Metric> = new Set<Metric>(['customers', 'arr']);
export const OPENING_METRICS: ReadonlySet<Metric> = new Set<Metric>(['arrBegin', 'customersBegin']);

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}

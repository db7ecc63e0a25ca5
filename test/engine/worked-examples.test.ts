import {
  customerEquity, defaultScenario, discountFactor, presentValue, projectPlan, validateScenario, yearly,
  type Projection, type Scenario, type SegmentValues,
} from '../../src/engine';

/**
 * Projections small enough to do on paper. Each example states its arithmetic so a reader can redo it;
 * the engine must agree to rounding (1e-9 relative). The CLV timing conventions are in clv.test.ts.
 *
 * The book: one segment, 100 customers at ARR 10,000 each, 10 % annual churn, gross margin 80 %, cost to
 * serve 500 a customer a year, no service contacts (so all churn is sales churn and contacts cost
 * nothing), nobody mis-sold. The plan pays 10 % on new ARR, 2 % on renewed ARR, 8 % on expansion ARR
 * and a service bonus pool of 10,000 a year; no prevention budget.
 */
function paperScenario(segment: Partial<SegmentValues> = {}, settings: Partial<Scenario['settings']> = {}): Scenario {
  const s = defaultScenario();
  s.settings = { horizonYears: 2, periodsPerYear: 1, discountRate: 0.1, tenureYears: 2, discountTiming: 0, ...settings };
  s.segments = [{
    name: 'Book',
    values: {
      ...s.segments[0].values,
      customers: 100, arpa: 10_000, grossMargin: 0.8, costToServe: 500, churn: 0.1, contraction: 0, expansion: 0,
      newCustomers: 0, acquisitionCost: 3_000, contactsPerCustomer: 0, costPerContact: 0, contractTermYears: 1,
      sbgAlpha: 0, sbgBeta: 0, ...segment,
    },
  }];
  s.behaviour.misSoldShare = 0;
  Object.assign(s.baseline.values, {
    commissionNew: 0.1, commissionRenewal: 0.02, commissionExpansion: 0.08, clawback: 0, serviceBonusPool: 10_000,
    preventionBudget: 0, automationShare: 0, agentAssist: 0,
  });
  s.proposed = [];
  expect(validateScenario(s)).toEqual([]);
  return s;
}

/** Engine value against the hand value, to 1e-9 relative (absolute below 1). */
function expectByHand(actual: number, byHand: number): void {
  expect(Math.abs(actual - byHand)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(byHand)));
}

function expectRows(p: Projection, rows: Record<string, number[]>): void {
  const years = yearly(p);
  for (const [metric, values] of Object.entries(rows)) {
    values.forEach((v, y) => {
      const actual = (years[y] as unknown as Record<string, number>)[metric];
      if (Math.abs(actual - v) > 1e-9 * Math.max(1, Math.abs(v))) throw new Error(`${metric}, year ${y + 1}: engine ${actual}, by hand ${v}`);
    });
  }
}

describe('a book with no new customers, by hand', () => {
  const s = paperScenario();
  const p = projectPlan(s, s.baseline.values);

  it('loses 10 % of customers and ARR a year and earns the mid-period average as revenue', () => {
    // Year 1: 100 − 10 = 90 customers, ARR 1,000,000 − 100,000 = 900,000; revenue (1,000,000 + 900,000)/2.
    // Year 2: 90 − 9 = 81 customers, ARR 810,000; revenue (900,000 + 810,000)/2.
    expectRows(p, {
      customersBegin: [100, 90], churnedCustomers: [10, 9], customers: [90, 81],
      arrBegin: [1_000_000, 900_000], churnedArr: [100_000, 90_000], arr: [900_000, 810_000],
      revenue: [950_000, 855_000], nrr: [0.9, 0.9], grr: [0.9, 0.9], logoRetention: [0.9, 0.9],
    });
  });

  it('takes gross margin, cost to serve on average customers, and pays 2 % on the ARR that renews', () => {
    // Gross profit: 950,000 · 0.8 − 500 · (100 + 90)/2 = 760,000 − 47,500 = 712,500;
    //               855,000 · 0.8 − 500 · (90 + 81)/2 = 684,000 − 42,750 = 641,250.
    // The whole staying book renews once a year: renewal commission 2 % of 900,000 and of 810,000.
    // Comp cost = 18,000 + 10,000 bonus = 28,000, then 16,200 + 10,000 = 26,200.
    // Contribution = gross profit − comp cost (no acquisition, no prevention): 684,500 and 615,050.
    expectRows(p, {
      grossProfit: [712_500, 641_250],
      commissionNew: [0, 0], commissionRenewal: [18_000, 16_200], commissionExpansion: [0, 0], clawbacks: [0, 0],
      serviceBonus: [10_000, 10_000], compCost: [28_000, 26_200], acquisitionSpend: [0, 0], preventionSpend: [0, 0],
      contribution: [684_500, 615_050], compCostShare: [28_000 / 950_000, 26_200 / 855_000],
    });
  });

  it('values the book as discounted contribution plus the discounted terminal value N·m·r/(1+i−r)', () => {
    // Terminal value, as of the end of year 2: the last year's margin per customer-year after the costs
    // of keeping customers (renewal and expansion commission, bonus, prevention):
    //   m = (641,250 − 16,200 − 0 − 10,000 − 0) / ((90 + 81)/2) = 615,050 / 85.5 ≈ 7,193.57,
    // the last year's logo retention r = 1 − 9/90 = 0.9, and N = 81 customers left:
    //   TV = 81 · m · 0.9 / (1.1 − 0.9) = 81 · m · 4.5 ≈ 2,622,057.
    const m = 615_050 / 85.5;
    const terminal = (81 * m * 0.9) / (1 + 0.1 - 0.9);
    expectByHand(p.terminalValue[p.totalIndex], terminal);
    // Mid-period discounting: year 1's contribution half a year out, year 2's one and a half; the
    // terminal value, as of the horizon, two years out.
    const midPeriod = 684_500 / 1.1 ** 0.5 + 615_050 / 1.1 ** 1.5 + terminal / 1.1 ** 2;
    expectByHand(customerEquity(p, s.settings), midPeriod);
    // End-of-period discounting moves only the contributions, a full year each.
    const endOfPeriod = 684_500 / 1.1 + 615_050 / 1.1 ** 2 + terminal / 1.1 ** 2;
    expectByHand(customerEquity(p, { ...s.settings, discountTiming: 1 }), endOfPeriod);
  });
});

describe('new customers on a one-year contract, by hand', () => {
  // 20 new customers a year at 3,000 acquisition cost each; the baseline claws back half the new-ARR
  // commission of a new customer who leaves at its first renewal.
  const s = paperScenario({ newCustomers: 20 });
  s.baseline.values.clawback = 0.5;
  const p = projectPlan(s, s.baseline.values);

  it('cannot lose a new customer before its first renewal', () => {
    // Year 1: the book loses 10; the 20 new customers wait for their first renewal: 100 − 10 + 20 = 110.
    // ARR: 900,000 on the book + 20 · 10,000 = 1,100,000; revenue (1,000,000 + 1,100,000)/2 = 1,050,000.
    expectRows(p, { newCustomers: [20], churnedCustomers: [10], customers: [110], newArr: [200_000], arr: [1_100_000], revenue: [1_050_000] });
  });

  it('renews year 1’s customers during year 2, and then they churn for half a year on the book', () => {
    // Year 2: the book of 90 loses 9. Year 1's 20 renew (on average mid-year): 10 % leave, 2, and the 18
    // who stay spend on average half the year on the book, losing 18 · (1 − √0.9) ≈ 0.9237 more.
    // Churned 9 + 2 + 0.9237; customers 110 + 20 − 11.9237 ≈ 118.0763.
    const halfYear = 1 - Math.sqrt(0.9);
    const churned = 9 + 2 + 18 * halfYear;
    // ARR: the book keeps 810,000, the renewing cohort loses 20,000 and then 180,000 · (1 − √0.9).
    const churnedArr = 90_000 + 20_000 + 180_000 * halfYear;
    expectRows(p, {
      churnedCustomers: [10, churned], customers: [110, 110 + 20 - churned],
      churnedArr: [100_000, churnedArr], arr: [1_100_000, 1_100_000 + 200_000 - churnedArr],
    });
  });

  it('pays new-ARR commission on arrival, renewal commission on the renewing cohort, and claws back on leavers', () => {
    // Commission on new ARR: 10 % of 200,000 each year. Renewed ARR: year 1 the book's 900,000; year 2 the
    // book's 810,000 plus the 18 renewing customers' 180,000 = 990,000, at 2 %. Clawback in year 2: the 2
    // leavers' 20,000 of ARR · 10 % commission · 50 % = 1,000.
    expectRows(p, {
      commissionNew: [20_000, 20_000], commissionRenewal: [18_000, 19_800], clawbacks: [0, 1_000],
      compCost: [20_000 + 18_000 + 10_000, 20_000 + 19_800 - 1_000 + 10_000],
      acquisitionSpend: [60_000, 60_000],
    });
    // Contribution of year 1: gross profit 1,050,000 · 0.8 − 500 · (100 + 110)/2 = 787,500, less comp
    // cost 48,000 and acquisition 60,000 = 679,500.
    expectRows(p, { grossProfit: [787_500], contribution: [679_500] });
  });

  it('holds the new customers of a two-year contract back for two years', () => {
    // Term 2: nobody acquired in years 1 or 2 can leave before year 3, so years 1 and 2 lose only book
    // customers (10 and 9). In year 3 year 1's cohort renews after two years: 20 · (1 − 0.9²) = 3.8 leave.
    const two = projectPlan(paperScenario({ newCustomers: 20, contractTermYears: 2 }, { horizonYears: 3 }), s.baseline.values);
    const year3 = 8.1 + 3.8 + 16.2 * (1 - Math.sqrt(0.9));
    expectRows(two, { churnedCustomers: [10, 9, year3], customers: [110, 121, 141 - year3] });
    // Half the book's contracts renew each year: renewal commission on 900,000/2, then 810,000/2.
    expectRows(two, { commissionRenewal: [9_000, 8_100] });
  });
});

describe('contraction and expansion, by hand', () => {
  // Churn 10 %, contraction 5 % and expansion 20 % a year, no new customers.
  const p = projectPlan(paperScenario({ contraction: 0.05, expansion: 0.2 }), paperScenario().baseline.values);

  it('gives NRR = (1 − c)(1 − k)(1 + e) and GRR = (1 − c)(1 − k) in the first year', () => {
    // Staying ARR 900,000; contraction 5 % of it = 45,000; expansion 20 % of the 855,000 left = 171,000.
    // ARR end = 1,000,000 − 100,000 − 45,000 + 171,000 = 1,026,000.
    // NRR = 1,026,000 / 1,000,000 = 0.9 · 0.95 · 1.2 = 1.026; GRR = (1,000,000 − 100,000 − 45,000)/1,000,000 = 0.9 · 0.95 = 0.855.
    expectRows(p, {
      churnedArr: [100_000], contractionArr: [45_000], expansionArr: [171_000], arr: [1_026_000],
      nrr: [0.9 * 0.95 * 1.2], grr: [0.9 * 0.95],
    });
  });

  it('pays expansion commission on the expansion and renewal commission on the ARR that stays', () => {
    // 8 % of 171,000 = 13,680; 2 % of 900,000 = 18,000 (the book renews before it contracts or expands).
    expectRows(p, { commissionExpansion: [13_680], commissionRenewal: [18_000] });
  });

  it('compounds the same yearly rates in quarters, so a quarterly year has the same NRR', () => {
    // Each quarter keeps 0.9^¼ of customers, 0.95^¼ of their ARR and adds 1.2^¼ − 1: the year compounds
    // back to 0.9 · 0.95 · 1.2.
    const quarterly = projectPlan(paperScenario({ contraction: 0.05, expansion: 0.2 }, { periodsPerYear: 4 }), paperScenario().baseline.values);
    expectRows(quarterly, { arr: [1_026_000], nrr: [1.026] });
  });
});

describe('annual rates converted exactly to shorter periods', () => {
  it('turns 20 % a year into 1 − 0.8^¼ a quarter, not 5 %', () => {
    const p = projectPlan(paperScenario({ churn: 0.2 }, { periodsPerYear: 4 }), paperScenario().baseline.values);
    // Quarter 1 loses 100 · (1 − 0.8^¼) ≈ 5.4258 customers; after four quarters 100 · 0.8 = 80 remain
    // (5 % a quarter would leave 100 · 0.95⁴ ≈ 81.45).
    expectByHand(p.value('churnedCustomers', 0), 100 * (1 - 0.8 ** 0.25));
    expectByHand(p.value('customers', 3), 80);
    expectRows(p, { churnedCustomers: [20], customers: [80], churnRate: [0.2] });
    // Each quarter's churn rate is reported annualised: 1 − (1 − quarterly)^4 = 20 %.
    expectByHand(p.value('churnRate', 0), 0.2);
  });

  it('turns 20 % a year into 1 − 0.8^(1/12) a month', () => {
    const p = projectPlan(paperScenario({ churn: 0.2 }, { periodsPerYear: 12 }), paperScenario().baseline.values);
    expectByHand(p.value('churnedCustomers', 0), 100 * (1 - 0.8 ** (1 / 12)));
    expectByHand(p.value('customers', 11), 80);
  });
});

describe('discounting a known stream', () => {
  it('discounts each year at mid-period by default, at the end when asked', () => {
    // 1,000 a year for three years at 10 %: end of period 1,000/1.1 + 1,000/1.21 + 1,000/1.331 ≈ 2,486.85;
    // mid-period every flow arrives half a year earlier, so the total is √1.1 times as much ≈ 2,608.24.
    const end = 1000 / 1.1 + 1000 / 1.21 + 1000 / 1.331;
    expectByHand(presentValue([1000, 1000, 1000], 0.1, 1, true), end);
    expectByHand(presentValue([1000, 1000, 1000], 0.1, 1, false), end * Math.sqrt(1.1));
    expect(+end.toFixed(2)).toBe(2486.85);
  });

  it('discounts quarters at the annual rate for the time elapsed', () => {
    // Quarter q's flow sits (q + ½)/4 years out at mid-period, (q + 1)/4 at the end.
    expectByHand(discountFactor(0.1, 0, 4, false), 1.1 ** -0.125);
    expectByHand(discountFactor(0.1, 3, 4, true), 1 / 1.1);
    expectByHand(presentValue([250, 250, 250, 250], 0.1, 4, false), [0.125, 0.375, 0.625, 0.875].reduce((s, y) => s + 250 * 1.1 ** -y, 0));
  });

  it('stops after the periods asked for, as the tenure view does', () => {
    expectByHand(presentValue([1000, 1000, 1000], 0.1, 1, true, 2), 1000 / 1.1 + 1000 / 1.21);
  });

  it('leaves a stream unchanged at a 0 % rate', () => {
    expect(presentValue([1, 2, 3], 0, 12, false)).toBe(6);
  });
});

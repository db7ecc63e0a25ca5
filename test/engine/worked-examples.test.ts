import {
  baselineFlows, customerEquity, defaultScenario, discountFactor, planBehaviour, presentValue, projectPlan, scalePlan, validateScenario, yearly,
  type Projection, type Scenario, type SegmentValues,
} from '../../src/engine';

/**
 * Projections small enough to do on paper. Each example states its arithmetic so a reader can redo it;
 * the engine must agree to rounding (1e-9 relative). The CLV timing conventions are in clv.test.ts.
 *
 * The book: one segment, 100 customers at ARR 10,000 each, 10 % annual churn, gross margin 80 %, cost to
 * serve 500 a customer a year, no service contacts (so all churn is sales churn and contacts cost
 * nothing), nobody mis-sold, no expansion ceiling, and leavers cost nothing to replace (people cost and the
 * ceiling have their own examples below). The plan pays 10 % on new ARR, 2 % on renewed ARR, 8 % on
 * expansion ARR and a service bonus pool of 10,000 a year; no prevention budget.
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
      sbgAlpha: 0, sbgBeta: 0, walletMultiple: 0, ...segment,
    },
  }];
  s.behaviour.misSoldShare = 0;
  s.behaviour.replacementCost = 0;
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

  it('values the book as discounted contribution plus the run-off of the book left at the horizon', () => {
    // Terminal value, as of the end of year 2: the 81 customers left run off with no new customers,
    // 10 % leaving a year. The last year's costs per customer-year are cost to serve plus the bonus
    // pool spread over its 85.5 customer-years: 500 + 10,000/85.5. A customer who starts a run-off year
    // brings (its ARR averaged over the year, since 10 % leave) 0.8 · 10,000 · (1 + 0.9)/2 of margin,
    // costs (500 + 10,000/85.5) · (1 + 0.9)/2 and 2 % of the 9,000 it renews on average:
    //   m = 7,600 − 616.959… · 0.95 − 180 = 6,833.89.
    // Each year keeps 0.9 of the customers and is discounted once more, mid-year:
    //   TV = 81 · m / √1.1 · 1/(1 − 0.9/1.1) ≈ 2,902,800 (version 1's N·m·r/(1+i−r) gave 2,622,057).
    const m = 0.8 * 10_000 * 0.95 - (500 + 10_000 / 85.5) * 0.95 - 0.02 * 9_000;
    const terminal = (81 * m) / Math.sqrt(1.1) / (1 - 0.9 / 1.1);
    expectByHand(p.terminalValue[p.totalIndex], terminal);
    expect(Math.round(terminal / 100) * 100).toBe(2_902_800);
    // Mid-period discounting: year 1's contribution half a year out, year 2's one and a half; the
    // terminal value, as of the horizon, two years out.
    const midPeriod = 684_500 / 1.1 ** 0.5 + 615_050 / 1.1 ** 1.5 + terminal / 1.1 ** 2;
    expectByHand(customerEquity(p, s.settings), midPeriod);
    // End-of-period discounting moves the contributions a full year each, and the run-off's too.
    const terminalEnd = (81 * m) / 1.1 / (1 - 0.9 / 1.1);
    const endOfPeriod = 684_500 / 1.1 + 615_050 / 1.1 ** 2 + terminalEnd / 1.1 ** 2;
    const atEnd = { ...s, settings: { ...s.settings, discountTiming: 1 } };
    expectByHand(customerEquity(projectPlan(atEnd, s.baseline.values), atEnd.settings), endOfPeriod);
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

  it('renews year 1’s customers during year 2, and they do not churn again until their next renewal', () => {
    // Year 2: the book of 90 loses 9. Year 1's 20 renew: 10 % leave, 2; the 18 who stay have just
    // renewed, so they cannot leave again in year 2 (version 1 took half a year of book churn from them).
    // Churned 9 + 2 = 11; customers 110 + 20 − 11 = 119: the exact contract count.
    expectRows(p, {
      churnedCustomers: [10, 11], customers: [110, 119],
      churnedArr: [100_000, 110_000], arr: [1_100_000, 1_190_000],
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
    const t = paperScenario({ newCustomers: 20, contractTermYears: 2 }, { horizonYears: 3 });
    t.baseline.values.clawback = 0.5;
    const two = projectPlan(t, t.baseline.values);
    expectRows(two, { churnedCustomers: [10, 9, 8.1 + 3.8], customers: [110, 121, 141 - 11.9] });
    // Half the book's contracts renew each year, each net of the two years of churn that fall on it at
    // renewal: 2 % of 500,000 · 0.81 = 8,100 in year 1 and again in year 2.
    expectRows(two, { commissionRenewal: [8_100, 8_100] });
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

  it('pays expansion commission on the expansion and renewal commission on the ARR that renews', () => {
    // 8 % of 171,000 = 13,680. Renewals are spread over the year, so a renewing contract carries half a
    // year of contraction and expansion: 2 % of 900,000 · √(0.95 · 1.2) = 2 % of 960,937.0 = 19,218.74.
    expectRows(p, { commissionExpansion: [13_680], commissionRenewal: [0.02 * 900_000 * Math.sqrt(0.95 * 1.2)] });
    expect(+p.value('commissionRenewal', 0).toFixed(2)).toBe(19_218.74);
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

describe('model version 2, by hand', () => {
  it('prices people: each leaver costs half a year of target pay, the payroll derived from variable pay', () => {
    // Default scenario, baseline plan. Expected sales variable pay at the baseline's year-1 flows:
    // 10 % of new ARR 120 · 24,000 = 2,880,000; 2 % of the ARR renewing, 500 · 24,000 · 0.9 = 10,800,000;
    // 8 % of expansion, 10,800,000 · 0.98 · 0.14 = 1,481,760: V⁰ = 288,000 + 216,000 + 118,540.8 = 622,540.8.
    // Sales payroll V⁰/0.4 = 1,556,352; 25 % leave, each costing 0.5 of target pay: 194,544 a year.
    // Service payroll 300,000/0.1 = 3,000,000; 35 % leave: 525,000. People cost 719,544 a year.
    const s = defaultScenario();
    const flows = baselineFlows(s.segments.map((g) => g.values));
    expectByHand(flows.newArr * 0.1 + flows.renewedArr * 0.02 + flows.expansionArr * 0.08, 622_540.8);
    const p = projectPlan(s, s.baseline.values);
    yearly(p).forEach((y) => expectByHand(y.peopleCost, 719_544));
  });

  it('cuts effort, raises attrition and keeps a third of the pull when every commission is 0', () => {
    // Pull at zero commission (λ = 0.5): (0 + 0.5)/1.5 = 1/3, the same for every activity, so the shares
    // stay where they were. Effort level ((0 + 0.5)/1.5)^0.3 = 0.7192; target pay T = 0.6, attrition
    // 0.25 · 0.6^−2 = 0.6944, so ramp loss takes (0.6944 − 0.25) · 0.5 = 22.2 % more: level 0.5594.
    const s = defaultScenario();
    const none = { ...s.baseline.values, commissionNew: 0, commissionRenewal: 0, commissionExpansion: 0 };
    const b = planBehaviour(none, s.baseline.values, s.behaviour, baselineFlows(s.segments.map((g) => g.values)));
    b.sales.forEach((x, i) => expect(x).toBeCloseTo([0.7, 0.15, 0.15][i], 12));
    const attrition = 0.25 / 0.36;
    expectByHand(b.salesAttrition, attrition);
    expectByHand(b.salesLevel, (1 / 3) ** 0.3 * (1 - (attrition - 0.25) * 0.5));
    expect(+b.salesLevel.toFixed(4)).toBe(0.5594);
    // The sales payroll is 0.6 of today's 1,556,352 (leavers then cost 0.5 · 0.6944 · 933,811.2 = 324,240 a year).
    expectByHand(b.salesPayroll, 0.6 * 1_556_352);
  });

  it('scales every commission by k: cutting all pay loses, doubling it earns less than it costs over the horizon', () => {
    const s = defaultScenario();
    const base = projectPlan(s, s.baseline.values);
    const npv = (k: number) => presentValue(projectPlan(s, scalePlan(s.baseline.values, k)).series('contribution'), 0.1, 1, false)
      - presentValue(base.series('contribution'), 0.1, 1, false);
    expect(npv(0)).toBeLessThan(-4e6);
    expect(npv(2)).toBeLessThan(0);
    expect(npv(1.25)).toBeGreaterThan(0);
  });

  it('fades expansion as ARR per account nears its ceiling', () => {
    // ARPA 10,000, ceiling 4× = 40,000; churn 10 %, contraction 5 %, expansion 20 %. Factor at the start
    // (40,000 − 10,000)/30,000 = 1; ARPA at mid-year 10,000 · √(0.95 · 1.2) = 10,677.08, factor
    // (40,000 − 10,677.08)/30,000 = 0.97743: expansion 19.549 % of the 855,000 retained, 167,141.
    const s = paperScenario({ contraction: 0.05, expansion: 0.2, walletMultiple: 4 });
    const p = projectPlan(s, s.baseline.values);
    const factor = (40_000 - 10_000 * Math.sqrt(0.95 * 1.2)) / 30_000;
    expectByHand(p.value('expansionArr', 0), 855_000 * 0.2 * factor);
    expect(Math.round(p.value('expansionArr', 0))).toBe(167_141);
  });
});

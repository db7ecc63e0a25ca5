import fc from 'fast-check';
import { defaultScenario, validateScenario, type Scenario } from '../../src/engine';

/** A random segment inside ranges a real company could have; validity is checked by the caller. */
const segmentValues = fc.record({
  customers: fc.integer({ min: 0, max: 5000 }),
  arpa: fc.double({ min: 1000, max: 200_000, noNaN: true }),
  grossMargin: fc.double({ min: 0.5, max: 0.9, noNaN: true }),
  costToServe: fc.double({ min: 0, max: 800, noNaN: true }),
  churn: fc.double({ min: 0.03, max: 0.4, noNaN: true }),
  contraction: fc.double({ min: 0, max: 0.1, noNaN: true }),
  expansion: fc.double({ min: 0, max: 0.3, noNaN: true }),
  newCustomers: fc.integer({ min: 0, max: 1000 }),
  acquisitionCost: fc.double({ min: 0, max: 20_000, noNaN: true }),
  contactsPerCustomer: fc.double({ min: 0, max: 6, noNaN: true }),
  costPerContact: fc.double({ min: 0, max: 50, noNaN: true }),
  contractTermYears: fc.integer({ min: 1, max: 3 }),
  sbg: fc.option(fc.record({ sbgAlpha: fc.double({ min: 0.3, max: 5, noNaN: true }), sbgBeta: fc.double({ min: 0.5, max: 10, noNaN: true }) })),
  baseTenureYears: fc.double({ min: 0, max: 8, noNaN: true }),
});

const planValues = fc.record({
  commissionNew: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
  commissionRenewal: fc.double({ min: 0.005, max: 0.1, noNaN: true }),
  commissionExpansion: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
  clawback: fc.double({ min: 0, max: 0.9, noNaN: true }),
  outcomeWeight: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  serviceBonusPool: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
  preventionBudget: fc.double({ min: 0, max: 500_000, noNaN: true }),
  automationShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
  agentAssist: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

const behaviourValues = fc.record({
  responsiveness: fc.double({ min: 0, max: 2, noNaN: true }),
  adoptionHalfLife: fc.double({ min: 0, max: 3, noNaN: true }),
  pChurnIfUnresolved: fc.double({ min: 0, max: 0.03, noNaN: true }),
  misSoldShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

export interface ScenarioOptions {
  periodsPerYear?: fc.Arbitrary<number>;
  flatOnly?: boolean;
}

/** Random valid scenarios with 1–3 segments and one proposed plan. */
export function scenarioArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      segments: fc.array(segmentValues, { minLength: 1, maxLength: 3 }),
      baseline: planValues,
      proposed: planValues,
      behaviour: behaviourValues,
      horizonYears: fc.integer({ min: 1, max: 12 }),
      periodsPerYear: options.periodsPerYear ?? fc.constantFrom(1, 4, 12),
      discountRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
    })
    .map((r) => {
      const s = defaultScenario();
      s.settings.horizonYears = r.horizonYears;
      s.settings.periodsPerYear = r.periodsPerYear;
      s.settings.discountRate = r.discountRate;
      Object.assign(s.behaviour, r.behaviour);
      s.segments = r.segments.map(({ sbg, ...v }, i) => ({
        name: `S${i + 1}`,
        values: { ...s.segments[0].values, ...v, ...(sbg && !options.flatOnly ? sbg : { sbgAlpha: 0, sbgBeta: 0 }) },
      }));
      Object.assign(s.baseline.values, r.baseline);
      Object.assign(s.proposed[0].values, r.proposed);
      return s;
    })
    .filter((s) => validateScenario(s).length === 0);
}

/**
 * CEQ.EFFORT with plans paid on quotas, through the BUILT bundle in the host sandbox: a plan with roles
 * moves effort through its effective rates at the baseline's expected attainment (the quota layer's
 * quotaTargetBehaviour, as CEQ.PROJECT's projections do), not through its flat commission rates alone.
 */
import {
  defaultsOf, planBehaviour, quotaTargetBehaviour, type PlanValues, type Scenario,
} from '../../src/engine';
import { distMissing, loadBundle, sheetWith, type Bundle } from './host';
import { relClose } from './expect';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

/** The scenario CEQ.EFFORT reasons in: catalogue defaults, one segment, the given responsiveness. */
function effortScenario(baseline: PlanValues, proposed: PlanValues, responsiveness: number): Scenario {
  return {
    name: 'CEQ',
    settings: defaultsOf('scenario'),
    segments: [{ name: 'Segment 1', values: defaultsOf('segment') }],
    behaviour: { ...defaultsOf('behaviour'), responsiveness },
    baseline: { name: 'baseline', values: baseline },
    proposed: [{ name: 'proposed1', values: proposed }],
  };
}

const planOf = (rows: [string, number][]): PlanValues => ({ ...defaultsOf('plan'), ...Object.fromEntries(rows) }) as PlanValues;

describe('CEQ.EFFORT with quota plans', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle();
  });

  // The current plan pays account executives on new ARR against a quota; the proposal moves half of
  // their target pay to renewals. Their flat commission rates are the same, so only the quota layer
  // can move effort toward retention.
  const current: [string, number][] = [['ae.headcount', 10], ['ae.ote', 150_000], ['ae.variableShare', 0.5], ['ae.newArr.quota', 1_200_000]];
  const proposal: [string, number][] = [...current, ['ae.newArr.weight', 0.5], ['ae.renewal.weight', 0.5], ['ae.renewal.quota', 8_000_000]];

  it('spills the quota layer\'s long-run effort shares, equal to the engine\'s', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', current);
    sheet.setBlock('D1', proposal);
    sheet.set('G1', '=CEQ.EFFORT(A1:B4, D1:E7, 0.8)');
    const shown = sheet.range('G1:I1')[0] as number[];
    const expected = quotaTargetBehaviour(effortScenario(planOf(current), planOf(proposal), 0.8), planOf(proposal)).sales;
    shown.forEach((x, i) => expect(relClose(x, expected[i])).toBe(true));
    expect(shown.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Flat rates alone would leave effort where it was: the quota layer is what moves it.
    const flat = planBehaviour(planOf(proposal), planOf(current), { ...defaultsOf('behaviour'), responsiveness: 0.8 }).sales;
    expect(flat).toEqual([0.7, 0.15, 0.15]);
    expect(shown[1]).toBeGreaterThan(0.15 + 1e-3);
    expect(shown[0]).toBeLessThan(0.7 - 1e-3);
  });

  it('gives the baseline shares exactly for a quota plan against itself, and flat plans keep their rates\' answer', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', current);
    sheet.set('G1', '=CEQ.EFFORT(A1:B4, A1:B4)');
    expect(sheet.range('G1:I1')[0]).toEqual([0.7, 0.15, 0.15]);
    sheet.setBlock('A10', [['commissionRenewal', 0.06]]);
    sheet.set('G10', '=CEQ.EFFORT(A20:B20, A10:B10)');
    const flat = planBehaviour(planOf([['commissionRenewal', 0.06]]), defaultsOf('plan') as PlanValues, defaultsOf('behaviour')).sales;
    (sheet.range('G10:I10')[0] as number[]).forEach((x, i) => expect(relClose(x, flat[i])).toBe(true));
  });
});

/** Plan ranges with quota keys (src/functions/ranges.ts), straight from the sources. */
import { defaultsOf, quotaKeys, rolesOf } from '../../src/engine';
import { parseAssumptions, parsePlan, unitOfLabel } from '../../src/functions/ranges';

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { problems: { code: string; key?: string; value?: unknown; suggestion?: string }[] }).problems;
  }
  throw new Error('expected problems');
};

describe('a plan range with quota keys', () => {
  it('reads role and component keys spelled loosely, beside the flat keys', () => {
    const { values, notes } = parsePlan([
      ['commissionNew', '0%'], ['AE.Headcount', 12], ['ae.ote', '160 000'], ['ae.variable_share', '40%'],
      ['ae.new-arr.quota', '450,000'], ['ae.newArr.threshold', '50%'], ['ae.newArr.accelerator', 2],
    ], 'proposed_plan');
    expect(values).toMatchObject({ ...defaultsOf('plan'), commissionNew: 0, 'ae.headcount': 12, 'ae.ote': 160_000, 'ae.variableShare': 0.4 });
    expect(notes).toEqual([]);
    const [ae] = rolesOf(values);
    expect(ae.components).toEqual({ newArr: { weight: 1, quota: 450_000, threshold: 0.5, decelerator: 1, accelerator: 2, cap: 3 } });
  });

  it('reads every quota key back exactly', () => {
    const rows = quotaKeys().map((k) => [k.name, k.spec.key === 'weight' ? 0.25 : k.spec.defaultValue]);
    const { values } = parsePlan(rows);
    for (const [name, v] of rows) expect((values as Record<string, number>)[name as string]).toBe(v);
  });

  it('takes a blank field at its default and says so, but never a blank quota', () => {
    const { values, notes } = parsePlan([['ae.newArr.quota', 1e6], ['ae.newArr.cap', null]], 'plan');
    expect(rolesOf(values)[0].components.newArr!.cap).toBe(3);
    expect(notes).toEqual([{ code: 'blankUsesDefault', key: 'plan.ae.newArr.cap', value: 3 }]);
    expect(problemsOf(() => parsePlan([['ae.newArr.quota', '']], 'plan'))).toEqual([{ code: 'missing', key: 'plan.ae.newArr.quota' }]);
  });

  it('reads a table whose columns agree, and refuses columns that do not', () => {
    expect(parsePlan([['key', 'A', 'B'], ['ae.newArr.quota', 5e5, 5e5]]).values).toMatchObject({ 'ae.newArr.quota': 5e5 });
    expect(problemsOf(() => parsePlan([['key', 'A', 'B'], ['ae.newArr.quota', 5e5, 6e5]]))[0]).toMatchObject({ code: 'inconsistent', key: 'plan.ae.newArr.quota' });
  });

  it('reports the problems of the quota layer together', () => {
    const problems = problemsOf(() => parsePlan([['ae.newArr.weight', 0.7], ['ae.newArr.quota', 1e6], ['ae.renewal.weight', 0.2], ['am.ote', 90_000]], 'baseline_plan'));
    expect(problems.map((p) => [p.code, p.key])).toEqual([
      ['missing', 'baseline_plan.ae.renewal.quota'],
      ['weightsSum', 'baseline_plan.ae.newArr.weight+ae.renewal.weight'],
      ['missing', 'baseline_plan.am.<component>.quota'],
    ]);
  });

  it('sends quota keys out of the assumptions argument, and knows their units for the percentage hint', () => {
    expect(problemsOf(() => parseAssumptions([['ae.newArr.quota', 1e6]]))[0]).toMatchObject({ code: 'inconsistent', key: 'ae.newArr.quota' });
    expect(unitOfLabel('plan.ae.newArr.threshold')).toBe('share');
    expect(unitOfLabel('plan.ae.ote')).toBe('currency');
    expect(unitOfLabel('baseline_plan.clawback')).toBe('share');
  });
});

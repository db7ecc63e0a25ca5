import { compare, defaultScenario, describeProblem, ModelError, projectPlan, scalePlan } from '../../src/engine';

/**
 * The run-off terminal value (MODEL.md section 6) when it does not converge. With no expansion ceiling
 * (walletMultiple 0) and high pay, the horizon-end book's discounted contribution still grows after
 * the 50 years of run-off: it has no finite value. The run-off used to return the 50 years' sum
 * and drop the tail, so the change in customer equity jumped from 7,081M at k = 5.5 to 546M at
 * k = 5.75 on the default scenario. The engine now refuses such a run-off by name instead.
 */
describe('run-off terminal value without an expansion ceiling', () => {
  const uncapped = () => {
    const s = defaultScenario();
    s.segments[0].values.walletMultiple = 0;
    return s;
  };

  it('is refused by name, never truncated, once the book outgrows churn and discounting', () => {
    const s = uncapped();
    let error: unknown;
    try {
      projectPlan(s, scalePlan(s.baseline.values, 5.75));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelError);
    const problem = (error as ModelError).problems[0];
    expect(problem).toMatchObject({ key: 'walletMultiple', detail: 'runOffDiverges', args: { segment: 1 } });
    expect(describeProblem(problem, 'en')).toMatch(/^walletMultiple: with no expansion ceiling .*segment 1's book still grows/);
    expect(describeProblem(problem, 'es')).toMatch(/la cartera del segmento 1 sigue creciendo/);
  });

  it('still values a converging run-off: today\'s plan and a plan just below the threshold', () => {
    const s = uncapped();
    const base = projectPlan(s, s.baseline.values);
    expect(Number.isFinite(base.terminalValue[base.totalIndex])).toBe(true);
    const below = compare(base, projectPlan(s, scalePlan(s.baseline.values, 5.5)), s.settings).customerEquityDelta;
    // Finite but very large: the book's discounted value shrinks by under 1 % a year at the end.
    expect(Number.isFinite(below) && below > 1e9).toBe(true);
  });

  it('with the default ceiling, the same pay runs off to a finite value', () => {
    const s = defaultScenario();
    const p = projectPlan(s, scalePlan(s.baseline.values, 5.75));
    expect(Number.isFinite(p.terminalValue[p.totalIndex])).toBe(true);
  });
});

/** The task pane's budget-neutral switch when a proposed plan cannot be scaled to the baseline's cost. */
import { defaultScenario, describeProblems, ModelError } from '../../src/engine';
import { compute } from '../../src/taskpane/state/compute';

it('reports a plan no factor can bring to the baseline\'s year-1 comp cost as an error naming the plan, not as a factor', () => {
  const s = defaultScenario();
  Object.assign(s.proposed[0].values, { commissionNew: 0, commissionRenewal: 0, commissionExpansion: 0, serviceBonusPool: 0 });
  let thrown: unknown;
  try {
    compute(s, true);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ModelError);
  expect(describeProblems((thrown as ModelError).problems)).toMatch(/^Retention plan: pays no commission or service bonus, so no factor/);
  // Without the switch the same plan runs as typed.
  expect(compute(s, false).factors).toBeUndefined();
});

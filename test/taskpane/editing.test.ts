/** The draft remembers the text a field had before the edit in progress (draft.ts `editing`) and whether it was edited. */
import { defaultScenario } from '../../src/engine';
import { BASELINE_ID, draftFromScenario, fieldText, reduce } from '../../src/taskpane/state/draft';

describe('the edit in progress', () => {
  const start = draftFromScenario(defaultScenario(), 'en-US');
  const path = `plan:${start.proposed[0].id}:commissionRenewal`;

  it('keeps the text before the first keystroke across the keystrokes of one edit ("150%" typed over "5")', () => {
    expect(fieldText(start, path)).toBe('5');
    let d = start;
    for (const text of ['1', '15', '150', '150%']) d = reduce(d, { type: 'field', path, text });
    expect(d.editing).toEqual({ path, before: '5' });
    expect(fieldText(d, path)).toBe('150%');
  });

  it('starts a new edit in another field, and ends it on any other action', () => {
    let d = reduce(start, { type: 'field', path, text: '6' });
    const other = `plan:${BASELINE_ID}:clawback`;
    d = reduce(d, { type: 'field', path: other, text: '1' });
    expect(d.editing).toEqual({ path: other, before: '0' });
    d = reduce(d, { type: 'budgetNeutral', on: true });
    expect(d.editing).toBeUndefined();
  });

  it('marks the draft edited after a change, not after loading or a locale switch', () => {
    expect(start.edited).toBeFalsy();
    expect(reduce(start, { type: 'locale', locale: 'es-ES' }).edited).toBeFalsy();
    const edited = reduce(start, { type: 'field', path, text: '6' });
    expect(edited.edited).toBe(true);
    expect(reduce(edited, { type: 'load', scenario: defaultScenario() }).edited).toBeFalsy();
  });

  it('copies today’s plan for a new proposal, and any plan for a duplicate', () => {
    const edited = reduce(start, { type: 'field', path, text: '6' });
    const fromBaseline = reduce(edited, { type: 'addPlan', name: 'P2', from: BASELINE_ID });
    expect(fromBaseline.proposed[1].values).toEqual(start.baseline.values);
    const copy = reduce(edited, { type: 'addPlan', name: 'P3', from: edited.proposed[0].id });
    expect(copy.proposed[1].values).toEqual(edited.proposed[0].values);
    expect(copy.proposed[1].values.commissionRenewal).toBe('6');
  });
});

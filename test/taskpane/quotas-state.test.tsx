/**
 * The quota designer's state without React: a plan's quota keys are texts of its draft row (kept as
 * typed, checked against QUOTA_CATALOGUE, problems pinned to the fields they name), and the designer's
 * edits (add/remove a role or a component, scale weights, start from flat rates) are plain draft
 * actions whose scenario the engine accepts.
 */
import fc from 'fast-check';
import {
  componentKey, defaultScenario, newRole, quotaReport, roleEntries, rolesOf, runScenario, scenarioFromJson, withRoles, yearly,
  type ScenarioJson,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { BASELINE_ID, draftFromScenario, reduce, type Draft } from '../../src/taskpane/state/draft';
import { evaluate, pathsOf } from '../../src/taskpane/state/evaluate';
import { layoutOf, quotaTexts } from '../../src/taskpane/state/quota-fields';
import { quotaScenario } from './quotas-example';
import { addComponent, addRole, flatEquivalent, paysFlat, quotaFor, removeComponent, removeRole, scaleWeights, weightSum } from '../../src/taskpane/quotas/edits';

const set = (d: Draft, path: string, text: string) => reduce(d, { type: 'field', path, text });
const proposed = (d: Draft) => d.proposed[0];
const path = (d: Draft, key: string) => `plan:${proposed(d).id}:${key}`;

describe('a plan\'s quota keys in the draft', () => {
  it.each(['en-US', 'es-ES'])('round-trip through their texts (%s): the same roles, the same projection', (locale) => {
    const s = quotaScenario();
    const e = evaluate(draftFromScenario(s, locale), 'en');
    expect(e.messages).toEqual([]);
    expect(rolesOf(e.scenario!.proposed[0].values)).toEqual(rolesOf(s.proposed[0].values));
    expect(rolesOf(e.scenario!.baseline.values)).toEqual(rolesOf(s.baseline.values));
    expect(runScenario(e.scenario!).comparisons[0].npvDelta).toBe(runScenario(s).comparisons[0].npvDelta);
  });

  it('write every field of each role and component (catalogue defaults where the plan had none), in the locale', () => {
    const d = draftFromScenario(quotaScenario(), 'es-ES');
    expect(proposed(d).values['ae.newArr.quota']).toBe('720.000');
    expect(proposed(d).values['ae.newArr.threshold']).toBe('50');
    expect(d.baseline.values['ae.newArr.threshold']).toBe('0');
    expect(d.baseline.values['ae.newArr.cap']).toBe('3');
    expect([...layoutOf(proposed(d).values)]).toEqual([['ae', ['newArr']], ['am', ['renewal', 'expansion']], ['cs', ['service']]]);
    // A language switch rewrites them like every other field.
    expect(proposed(reduce(d, { type: 'locale', locale: 'en-US' })).values['cs.service.quota']).toBe('430,000');
  });

  it('weights of a third each keep adding up to exactly 100 % in their six-decimal texts', () => {
    const role = newRole('am', ['renewal', 'expansion', 'service']);
    const texts = quotaTexts(Object.fromEntries(roleEntries(role)), 'en-US');
    expect(['renewal', 'expansion', 'service'].map((c) => texts[componentKey('am', c as 'renewal', 'weight')])).toEqual(['33.333333', '33.333333', '33.333334']);
    const s = quotaScenario();
    s.proposed[0].values = withRoles(s.proposed[0].values, [role]);
    expect(evaluate(draftFromScenario(s, 'en-US'), 'en').messages).toEqual([]);
  });
});

describe('invalid quota fields are marked with the valid range and keep their text', () => {
  it('a threshold above quota (over 100 %) and a cap below 100 % (under 1×)', () => {
    let d = draftFromScenario(quotaScenario(), 'en-US');
    d = set(d, path(d, 'ae.newArr.threshold'), '120');
    d = set(d, path(d, 'am.renewal.cap'), '0.8');
    const e = evaluate(d, 'en');
    expect(e.scenario).toBeUndefined();
    expect(e.fieldErrors.get(path(d, 'ae.newArr.threshold'))).toBe('Retention plan: Account executive · New ARR · Threshold: 120 is outside the valid range 0 – 100');
    expect(e.fieldErrors.get(path(d, 'am.renewal.cap'))).toBe('Retention plan: Account manager · Renewal · Cap: 0.8 is outside the valid range 1 – 100');
    expect(proposed(d).values['ae.newArr.threshold']).toBe('120');
    expect(evaluate(d, 'es').fieldErrors.get(path(d, 'am.renewal.cap'))).toBe('Retention plan: Gestor de cuentas · Renovación · Tope: 0.8 está fuera del rango válido 1 – 100');
  });

  it('weights that do not add up to 100 % mark every weight of the role, in that plan only', () => {
    let d = draftFromScenario(quotaScenario(), 'en-US');
    d = set(d, path(d, 'am.renewal.weight'), '80');
    const e = evaluate(d, 'en');
    const message = 'In Retention plan, the weights of Account manager add up to 110%; they must add up to 100 %.';
    expect(e.fieldErrors.get(path(d, 'am.renewal.weight'))).toBe(message);
    expect(e.fieldErrors.get(path(d, 'am.expansion.weight'))).toBe(message);
    expect(e.fieldErrors.get(`plan:${BASELINE_ID}:am.renewal.weight`)).toBeUndefined();
    expect(pathsOf('baseline.am.renewal.weight+am.expansion.weight', d)).toEqual([`plan:${BASELINE_ID}:am.renewal.weight`, `plan:${BASELINE_ID}:am.expansion.weight`]);
    expect(weightSum(proposed(d), 'am', 'en-US')).toBeCloseTo(1.1, 12);
    // "Scale to 100 %" keeps the proportions 80 : 30.
    d = reduce(d, scaleWeights(proposed(d), 'am', 'en-US')!);
    expect([proposed(d).values['am.renewal.weight'], proposed(d).values['am.expansion.weight']]).toEqual(['72.727273', '27.272727']);
    expect(evaluate(d, 'en').messages).toEqual([]);
  });
});

describe('the designer\'s edits', () => {
  it('removing a role removes it from the scenario, even though the loaded plan had it', () => {
    let d = draftFromScenario(quotaScenario(), 'en-US');
    d = reduce(d, removeRole(proposed(d), 'cs'));
    const s = evaluate(d, 'en').scenario!;
    expect(rolesOf(s.proposed[0].values).map((r) => r.id)).toEqual(['ae', 'am']);
    expect(Object.keys(s.proposed[0].values).filter((k) => k.startsWith('cs.'))).toEqual([]);
  });

  it('adding a role another plan has copies it; a new one puts year 1\'s outcome at 100 % of quota', () => {
    let d = draftFromScenario(quotaScenario(), 'en-US');
    d = reduce(d, addRole(d.baseline, 'cs', 'en-US', proposed(d)));
    expect(rolesOf(evaluate(d, 'en').scenario!.baseline.values).find((r) => r.id === 'cs')).toEqual(rolesOf(quotaScenario().proposed[0].values).find((r) => r.id === 'cs'));

    const s = scenarioFromJson(midMarket as ScenarioJson);
    const year1 = yearly(runScenario(s).proposed[0])[0];
    let m = draftFromScenario(s, 'en-US');
    m = reduce(m, addRole(proposed(m), 'am', 'en-US', undefined, year1));
    expect(proposed(m).values['am.renewal.quota']).toBe((quotaFor(year1.renewedArr, 10)!).toLocaleString('en-US'));
    expect(proposed(m).values['am.renewal.weight']).toBe('50');
    const role = rolesOf(evaluate(m, 'en').scenario!.proposed[0].values)[0];
    expect(role.components.renewal!.quota * 10 / year1.renewedArr).toBeCloseTo(1, 2);
  });

  it('a component added with weight 0 keeps the plan valid; removing one leaves weights to fix', () => {
    let d = draftFromScenario(quotaScenario(), 'en-US');
    d = reduce(d, addComponent(proposed(d), 'ae', 'renewal', 'en-US'));
    expect(proposed(d).values['ae.renewal.weight']).toBe('0');
    expect(proposed(d).values['ae.renewal.quota']).toBe('1,000,000');
    expect(evaluate(d, 'en').messages).toEqual([]);
    d = reduce(d, removeComponent(proposed(d), 'am', 'expansion'));
    expect(evaluate(d, 'en').fieldErrors.get(path(d, 'am.renewal.weight'))).toBe('In Retention plan, the weights of Account manager add up to 70%; they must add up to 100 %.');
  });
});

describe('starting from flat rates', () => {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

  it('gives one account-executive role paid what the flat commissions paid, year by year, for any flat rates', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.005, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }),
      fc.double({ min: 0, max: 0.9, noNaN: true }),
      (rNew, rRenew, rExpand, clawback) => {
        const s = defaultScenario();
        Object.assign(s.proposed[0].values, { commissionNew: rNew, commissionRenewal: rRenew, commissionExpansion: rExpand, clawback });
        const d0 = draftFromScenario(s, 'en-US');
        const flat = evaluate(d0, 'en').scenario!;
        const flatRun = runScenario(flat);
        const d = reduce(d0, flatEquivalent(proposed(d0), yearly(flatRun.proposed[0]), 'en-US')!);
        const e = evaluate(d, 'en');
        expect(e.messages).toEqual([]);
        const plan = e.scenario!.proposed[0].values;
        expect([plan.commissionNew, plan.commissionRenewal, plan.commissionExpansion, plan.clawback]).toEqual([0, 0, 0, 0]);
        const run = runScenario(e.scenario!);
        const [a, b] = [yearly(run.proposed[0]), yearly(flatRun.proposed[0])];
        a.forEach((y, i) => {
          for (const m of ['compCost', 'revenue', 'arr', 'contribution'] as const) {
            if (!close(y[m], b[i][m])) throw new Error(`year ${i + 1} ${m}: ${y[m]} ≠ ${b[i][m]}`);
          }
        });
        // Year 1's quotas were set at year 1's outcomes: 100 % expected attainment on every component.
        for (const c of quotaReport(run.proposed[0])!.roles[0].years[0].components) expect(c.expectedAttainment).toBeCloseTo(1, 2);
      },
    ), { numRuns: 20 });
  });

  it('is offered only for a plan without roles that pays some commission', () => {
    const d = draftFromScenario(quotaScenario(), 'en-US');
    expect(flatEquivalent(proposed(d), yearly(runScenario(quotaScenario()).proposed[0]), 'en-US')).toBeUndefined();
    // The example's current plan pays no commission: nothing to move onto a role.
    expect(paysFlat(d.baseline, 'en-US')).toBe(false);
    expect(paysFlat(draftFromScenario(scenarioFromJson(midMarket as ScenarioJson), 'en-US').baseline, 'en-US')).toBe(true);
  });
});

/**
 * The Quotas tab as a user meets it, in jsdom: adding a role and a component, weights that do not add
 * up, a threshold above quota and a cap below 100 % marked with their ranges while the text stays and
 * the last valid figures stay, the figures on screen equal to quotaReport for the same plans, the
 * payout chart's table equal to the curve, the whole scenario following an edit, starting from flat
 * rates, and Spanish.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import {
  attainmentDensity, budgetNeutralPlan, curveOf, findSpec, payout, quotaReport, rolesOf, runScenario, scenarioFromJson, yearly,
  type Projection, type Scenario, type ScenarioJson,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { formats, parseField, type Formats } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { quotaFieldSpec } from '../../src/taskpane/state/quota-fields';
import { quotaScenario } from './quotas-example';

configure({ defaultHidden: true });

const en = formats('en-US', 'USD');
const es = formats('es-ES', 'EUR');

async function openQuotas(initial?: Scenario, host: { kind: 'preview' } | { kind: 'excel'; displayLanguage: string } = { kind: 'preview' }) {
  render(<App host={host} browserLocale="en-US" initial={initial} />);
  fireEvent.click(screen.getByTestId('tab-quotas'));
  await screen.findByTestId('quotas');
}
/** The quota field of plan column `column` (0 = baseline) by its plan key. */
const field = (key: string, column = 1) => document.querySelectorAll<HTMLInputElement>(`[data-path^="plan:"][data-path$=":${key}"]`)[column];
/** The proposed plan's field (when the baseline has no such key it is the only one). */
const only = (key: string) => {
  const all = document.querySelectorAll<HTMLInputElement>(`[data-path^="plan:"][data-path$=":${key}"]`);
  expect(all).toHaveLength(1);
  return all[0];
};
const type = (el: HTMLElement, text: string) => fireEvent.change(el, { target: { value: text } });
const shown = (id: string) => screen.getByTestId(id).textContent;

/** The plan a column's inputs describe: its quota keys parsed from the page, over the scenario's plan. */
function planFromPage(s: Scenario, locale = 'en-US'): Scenario {
  const out = { ...s, proposed: s.proposed.map((p) => ({ ...p, values: { ...p.values } })) };
  const id = document.querySelector('[data-path^="plan:p"]')!.getAttribute('data-path')!.split(':')[1];
  for (const input of document.querySelectorAll<HTMLInputElement>(`[data-path^="plan:${id}:"]`)) {
    const key = input.getAttribute('data-path')!.split(':')[2];
    // Quota keys, and the flat rates (adding a role replaces them by default).
    const spec = quotaFieldSpec(key) ?? findSpec(key);
    // A weight shows a short percentage; the value it keeps is its data-value.
    if (spec && key !== 'name') (out.proposed[0].values as Record<string, number>)[key] = parseField(spec, input.dataset.value ?? input.value, locale);
  }
  return out;
}

/** Every figure of the designer equals the engine's quotaReport for the scenario, in year `year`. */
function expectFigures(s: Scenario, fmt: Formats, year = 1) {
  const r = runScenario(s);
  const sides: [string, Projection][] = [['baseline', r.baseline], ['proposed', r.proposed[0]]];
  let checked = 0;
  for (const [side, p] of sides) {
    for (const role of quotaReport(p)?.roles ?? []) {
      const y = role.years[year - 1];
      expect(shown(`qf-${side}-${role.id}-cost`)).toBe(fmt.money(y.variablePay));
      expect(shown(`qf-${side}-${role.id}-payout`)).toBe(fmt.money(y.payout));
      for (const c of y.components) {
        const id = `qf-${side}-${role.id}-${c.component}`;
        expect(shown(`${id}-attainment`)).toBe(fmt.percent(c.expectedAttainment, 1));
        expect(shown(`${id}-payoutShare`)).toBe(fmt.percent(c.payoutShare, 1));
        expect(shown(`${id}-payout`)).toBe(fmt.money(c.payout));
        expect(shown(`${id}-atQuota`)).toBe(fmt.percent(c.atOrAboveQuota, 1));
        checked++;
      }
    }
    const cost = yearly(p)[year - 1];
    expect(shown(`qf-${side}-cost-${year}`)).toBe(fmt.money(cost.compCost));
    expect(shown(`qf-${side}-costShare-${year}`)).toBe(fmt.percent(cost.compCost / cost.revenue, 2));
  }
  return checked;
}

describe('the Quotas tab', () => {
  it('adds a role and a component to the proposed plan; its figures are quotaReport\'s for the plan on the page', async () => {
    const s = scenarioFromJson(midMarket as ScenarioJson);
    await openQuotas(s);
    expect(screen.getByTestId('quota-none')).toHaveTextContent('No plan pays on quotas yet');
    fireEvent.change(screen.getByTestId('quota-add-role'), { target: { value: 'am' } });
    expect(screen.getByTestId('quota-add-role-plan')).toHaveValue(document.querySelector('[data-path^="plan:p"]')!.getAttribute('data-path')!.split(':')[1]);
    fireEvent.click(screen.getByTestId('quota-add-role-go'));

    const section = screen.getByTestId('quota-role-am');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Account manager');
    expect(only('am.headcount')).toHaveAccessibleName('Account manager: Headcount — Retention plan');
    expect(only('am.renewal.quota')).toHaveAccessibleName('Account manager · Renewal: Quota — Retention plan');
    // The baseline does not pay the role: its column says so, and offers to add it.
    expect(within(screen.getByTestId('quota-fields-am')).getAllByText('Not in this plan')).toHaveLength(4);
    expect(within(section).getByRole('button', { name: 'Add to Current plan' })).toBeInTheDocument();
    expect(screen.getByTestId('quota-weights-am-' + only('am.headcount').getAttribute('data-path')!.split(':')[1])).toHaveTextContent('100%');
    expect(expectFigures(planFromPage(s), en)).toBe(2);

    // A third component, weight 0: the plan stays valid and the weights still add up.
    fireEvent.change(screen.getByTestId('quota-add-component-am'), { target: { value: 'service' } });
    fireEvent.click(screen.getByTestId('quota-add-component-go-am'));
    expect(only('am.service.weight')).toHaveValue('0');
    expect(screen.getByTestId('quota-component-am-service')).toBeInTheDocument();
    expect(screen.queryByTestId('quota-problems')).toBeNull();
    expect(expectFigures(planFromPage(s), en)).toBe(3);
  });

  it('marks weights that do not add up to 100 %, with the sum, and scales them on request', async () => {
    await openQuotas(quotaScenario());
    type(field('am.renewal.weight'), '80');
    const weights = screen.getAllByTestId(/^quota-weights-am-/);
    expect(weights[1]).toHaveAttribute('data-off', 'true');
    expect(weights[1]).toHaveTextContent('110%: must be 100 %');
    expect(weights[0]).toHaveAttribute('data-off', 'false');
    for (const key of ['am.renewal.weight', 'am.expansion.weight']) {
      expect(field(key)).toHaveAttribute('aria-invalid', 'true');
      expect(field(key)).toHaveAccessibleDescription('In Retention plan, the weights of Account manager add up to 110%; they must add up to 100 %.');
    }
    expect(screen.getByTestId('quota-problems')).toHaveTextContent('1 input(s) need attention');
    fireEvent.click(within(weights[1]).getByRole('button', { name: 'Scale Retention plan to 100 %' }));
    // Shown short, kept exact (the figures are those of the exact weights).
    expect(field('am.renewal.weight')).toHaveValue('72.7');
    expect(field('am.renewal.weight')).toHaveAttribute('data-value', '72.727273');
    expect(field('am.expansion.weight')).toHaveValue('27.3');
    expect(field('am.expansion.weight')).toHaveAttribute('data-value', '27.272727');
    expect(expectFigures(quotaScenario({ 'am.renewal.weight': 0.72727273, 'am.expansion.weight': 0.27272727 }), en)).toBe(7);
  });

  it('shows weights as short percentages and keeps the exact value until the user types one', async () => {
    await openQuotas(quotaScenario());
    type(field('am.renewal.weight'), '80');
    fireEvent.blur(field('am.renewal.weight'));
    fireEvent.click(screen.getByRole('button', { name: 'Scale Retention plan to 100 %' }));
    const renewal = field('am.renewal.weight');
    const exact = quotaScenario({ 'am.renewal.weight': 0.72727273, 'am.expansion.weight': 0.27272727 });
    const figure = shown('qf-proposed-am-renewal-payout');
    // Focusing shows the same short text; leaving without typing keeps the exact weight and the figures.
    fireEvent.focus(renewal);
    expect(renewal).toHaveValue('72.7');
    fireEvent.blur(renewal);
    expect(renewal).toHaveValue('72.7');
    expect(renewal).toHaveAttribute('data-value', '72.727273');
    expect(shown('qf-proposed-am-renewal-payout')).toBe(figure);
    expect(expectFigures(exact, en)).toBe(7);
    expect(screen.getAllByTestId(/^quota-weights-am-/)[1]).toHaveAttribute('data-off', 'false');
    // Typing a percentage replaces it: 70 % and 30 % are then the weights, shown and kept as typed.
    fireEvent.focus(renewal);
    type(renewal, '70');
    expect(renewal).toHaveValue('70');
    fireEvent.blur(renewal);
    fireEvent.focus(field('am.expansion.weight'));
    type(field('am.expansion.weight'), '30');
    fireEvent.blur(field('am.expansion.weight'));
    expect(renewal).toHaveValue('70');
    expect(renewal).not.toHaveAttribute('data-value');
    expect(expectFigures(quotaScenario({ 'am.renewal.weight': 0.7, 'am.expansion.weight': 0.3 }), en)).toBe(7);
    // A third of each: 33.3 shown, 33.333333 (and 33.333334, so they add up) kept.
    type(renewal, '33.333333');
    fireEvent.blur(renewal);
    expect(renewal).toHaveValue('33.3');
    expect(renewal).toHaveAttribute('data-value', '33.333333');
    // A weight under 1 % keeps two significant digits (never reads as 0); text that is not a number shows as typed.
    type(renewal, '0.254');
    fireEvent.blur(renewal);
    expect(renewal).toHaveValue('0.25');
    type(renewal, '0.00012345');
    fireEvent.blur(renewal);
    expect(renewal).toHaveValue('0.00012');
    type(renewal, '7x');
    fireEvent.blur(renewal);
    expect(renewal).toHaveValue('7x');
  });

  it('marks a threshold above quota and a cap below 100 % with their ranges, keeps the text and the last valid figures', async () => {
    await openQuotas(quotaScenario());
    const before = shown('qf-proposed-ae-newArr-payoutShare');
    type(field('ae.newArr.threshold'), '120');
    expect(field('ae.newArr.threshold')).toHaveValue('120');
    expect(field('ae.newArr.threshold')).toHaveAttribute('aria-invalid', 'true');
    expect(field('ae.newArr.threshold')).toHaveAccessibleDescription('Retention plan: Account executive · New ARR · Threshold: 120 is outside the valid range 0 – 100');
    expect(within(screen.getByTestId('quota-fields-ae-newArr')).getByRole('rowheader', { name: /Threshold \(%\)/ })).toHaveTextContent('Valid range: 0 – 100 %');
    type(field('am.renewal.cap'), '0.8');
    expect(field('am.renewal.cap')).toHaveAccessibleDescription('Retention plan: Account manager · Renewal · Cap: 0.8 is outside the valid range 1 – 100');
    expect(within(screen.getByTestId('quota-fields-am-renewal')).getByRole('rowheader', { name: /Cap \(×\)/ })).toHaveTextContent('Valid range: 1 – 100 ×');
    expect(screen.getByTestId('stale-note')).toBeInTheDocument();
    expect(shown('qf-proposed-ae-newArr-payoutShare')).toBe(before);
    expect(expectFigures(quotaScenario(), en)).toBe(7);
    // Fixed, the figures follow the new threshold.
    type(field('ae.newArr.threshold'), '70');
    type(field('am.renewal.cap'), '1.2');
    expect(screen.queryByTestId('stale-note')).toBeNull();
    expectFigures(quotaScenario({ 'ae.newArr.threshold': 0.7, 'am.renewal.cap': 1.2 }), en);
    expect(shown('qf-proposed-ae-newArr-payoutShare')).not.toBe(before);
  });

  it('shows the figures of the year picked, and the payout curve and attainment spread as the chart\'s table', async () => {
    const s = quotaScenario();
    await openQuotas(s);
    fireEvent.change(screen.getByTestId('quota-year'), { target: { value: '3' } });
    expect(expectFigures(s, en, 3)).toBe(7);
    const chart = screen.getByTestId('quota-chart-am-renewal');
    const table = within(chart).getByRole('table');
    const header = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(header).toEqual(['Attainment', 'Payout, Current plan', 'Payout, Retention plan', 'Reps per 10 points, Current plan', 'Reps per 10 points, Retention plan']);
    const [current, proposed] = [s.baseline.values, s.proposed[0].values].map((p) => curveOf(rolesOf(p).find((r) => r.id === 'am')!.components.renewal!));
    const means = [runScenario(s).baseline, runScenario(s).proposed[0]].map((p) => quotaReport(p)!.roles[1].years[2].components[0].expectedAttainment);
    for (const row of within(table).getAllByRole('row').slice(1)) {
      const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
      const a = Number(within(row).getByRole('rowheader').textContent!.replace('%', '')) / 100;
      expect(cells).toEqual([
        en.percent(payout(a, current), 1), en.percent(payout(a, proposed), 1),
        en.percent(attainmentDensity(a, means[0], 0.35) * 0.1, 1), en.percent(attainmentDensity(a, means[1], 0.35) * 0.1, 1),
      ]);
    }
    // The proposed curve: nothing below its 80 % threshold, 3 points per point above quota up to the 300 % cap.
    const payoutAt = (a: string) => within(within(table).getByRole('rowheader', { name: a }).parentElement!).getAllByRole('cell')[1].textContent;
    expect([payoutAt('50%'), payoutAt('100%'), payoutAt('150%'), payoutAt('200%')]).toEqual(['0.0%', '100.0%', '250.0%', '300.0%']);
  });

  it('an edit to a role recomputes the whole scenario: the summary is the engine\'s for the new quota', async () => {
    await openQuotas(quotaScenario());
    type(field('ae.newArr.quota'), '800,000');
    expectFigures(quotaScenario({ 'ae.newArr.quota': 800_000 }), en);
    fireEvent.click(screen.getByTestId('tab-summary'));
    await screen.findByTestId('summary');
    const c = runScenario(quotaScenario({ 'ae.newArr.quota': 800_000 })).comparisons[0];
    expect(screen.getByTestId('summary-npv')).toHaveTextContent(en.money(c.npvDelta));
    expect(c.npvDelta).not.toBeCloseTo(runScenario(quotaScenario()).comparisons[0].npvDelta, 0);
  });

  it('starts a plan from its flat rates: one account-executive role, the same comp cost every year', async () => {
    const s = scenarioFromJson(midMarket as ScenarioJson);
    await openQuotas(s);
    const flat = yearly(runScenario(s).proposed[0]);
    const button = screen.getByRole('button', { name: 'Start Retention plan from its flat rates' });
    await act(async () => { fireEvent.click(button); });
    expect(only('ae.variableShare')).toHaveValue('100');
    expect(only('ae.newArr.cap')).toHaveValue('100');
    expect(screen.queryByRole('button', { name: 'Start Retention plan from its flat rates' })).toBeNull();
    flat.forEach((y, i) => {
      const money = Number(shown(`qf-proposed-cost-${i + 1}`)!.replace(/[$,]/g, ''));
      expect(Math.abs(money - y.compCost)).toBeLessThanOrEqual(1);
    });
    // Year 1's quotas were set at year 1's outcomes.
    for (const c of ['newArr', 'renewal', 'expansion']) expect(Math.abs(parseFloat(shown(`qf-proposed-ae-${c}-attainment`)!) - 100)).toBeLessThan(0.5);
  });

  it('budget neutral: the figures are the scaled plan\'s, and each scaled pay field shows the value used', async () => {
    const s = quotaScenario();
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" initial={s} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Budget neutral' }));
    fireEvent.click(screen.getByTestId('tab-quotas'));
    await screen.findByTestId('quotas');
    const { plan } = budgetNeutralPlan(s, s.proposed[0].values);
    const neutral = { ...s, proposed: [{ ...s.proposed[0], values: plan }] };
    expect(expectFigures(neutral, en)).toBe(7);
    const ote = (plan as unknown as Record<string, number>)['ae.ote'];
    expect(ote).toBeLessThan(160_000);
    const cell = field('ae.ote').closest('td')!;
    expect(cell).toHaveTextContent(`budget neutral: ${en.money(ote)}`);
    expect(field('ae.ote')).toHaveValue('160,000');
  });

  it('speaks Spanish inside Excel: tab, roles, fields, ranges and numbers', async () => {
    const s = quotaScenario();
    await openQuotas(s, { kind: 'excel', displayLanguage: 'es-ES' });
    expect(screen.getByTestId('tab-quotas')).toHaveTextContent('Cuotas');
    expect(within(screen.getByTestId('quota-role-ae')).getByRole('heading', { level: 2 })).toHaveTextContent('Ejecutivo de cuentas');
    expect(within(screen.getByTestId('quota-role-cs')).getByRole('heading', { level: 2 })).toHaveTextContent('Éxito de cliente');
    const fields = screen.getByTestId('quota-fields-am-renewal');
    expect(within(fields).getByRole('rowheader', { name: /Umbral \(%\)/ })).toHaveTextContent('Rango válido: 0 – 100 %');
    expect(within(fields).getByRole('rowheader', { name: /Tope \(×\)/ })).toHaveTextContent('Rango válido: 1 – 100 ×');
    expect(field('ae.newArr.quota')).toHaveValue('720.000');
    // Weights shown short in the locale's decimals, kept exact.
    type(field('am.renewal.weight'), '72,727273');
    fireEvent.blur(field('am.renewal.weight'));
    expect(field('am.renewal.weight')).toHaveValue('72,7');
    expect(field('am.renewal.weight')).toHaveAttribute('data-value', '72,727273');
    expect(field('cs.headcount', 0)).toHaveAccessibleName('Éxito de cliente: Plantilla — Retention plan');
    expect(screen.getByTestId('quota-figures-ae-newArr')).toHaveTextContent('Comerciales en cuota o por encima');
    expect(expectFigures(s, es)).toBe(7);
    type(field('ae.newArr.threshold'), '120');
    expect(field('ae.newArr.threshold')).toHaveAccessibleDescription('Retention plan: Ejecutivo de cuentas · ARR nuevo · Umbral: 120 está fuera del rango válido 0 – 100');
  });
});

/**
 * The task pane as a user meets it, in jsdom: forms built from the catalogue, every edit recomputing
 * the engine's numbers, invalid input marked with its range while the last results stay and the text
 * stays as typed, the budget-neutral switch, Spanish, and the result and summary screens.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  budgetNeutralPlan, runScenario, scenarioFromJson, topDrivers, yearly, type Scenario, type ScenarioJson,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { formats } from '../../src/i18n';
import { App, type AppProps } from '../../src/taskpane/App';

// Role queries skip their per-element visibility check (getComputedStyle on every node): several
// times faster on a form of a hundred inputs, and nothing here is hidden by CSS alone.
configure({ defaultHidden: true });

const example = () => scenarioFromJson(midMarket as ScenarioJson);
const withRenewal = (rate: number): Scenario => {
  const s = example();
  s.proposed[0].values.commissionRenewal = rate;
  return s;
};
const en = formats('en-US', 'USD');

function renderApp(props: Partial<AppProps> = {}) {
  return render(<App host={{ kind: 'preview' }} browserLocale="en-US" {...props} />);
}
/** A plan cell by column (0 = baseline): found by its draft path, fast; its accessible name is checked separately. */
const planInput = (key: string, column = 1) => document.querySelectorAll<HTMLInputElement>(`[data-path^="plan:"][data-path$=":${key}"]`)[column];
const renewal = (column = 1) => planInput('commissionRenewal', column);
const byPath = (path: string) => document.querySelector<HTMLInputElement>(`[data-path="${path}"]`)!;
const segmentInput = (key: string, column: number) => document.querySelectorAll<HTMLInputElement>(`[data-path^="segment:"][data-path$=":${key}"]`)[column];
const type = (el: HTMLElement, text: string) => fireEvent.change(el, { target: { value: text } });
const liveNpv = () => screen.getByTestId('live-npv').textContent;
/** Opens a tab inside act(): its lazy screen (preloaded, setup.ts) renders before the test reads it. */
const openTab = (name: string) => act(async () => {
  fireEvent.click(screen.getByRole('tab', { name }));
});

// The live strip's lazy chart is loaded here, once for the file (waiting for it to show, an event), so
// no test's synchronous render leaves a suspended component to finish loading outside act().
beforeAll(async () => {
  const view = renderApp();
  await screen.findByTestId('live-chart');
  view.unmount();
});

describe('the scenario form', () => {
  it('shows baseline and proposed plans side by side with units and valid ranges from the catalogue', () => {
    renderApp();
    expect(screen.getByRole('textbox', { name: 'Commission on renewed ARR — Current plan' })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: 'Commission on renewed ARR — Retention plan' })).toHaveValue('4');
    const table = screen.getByTestId('plans-table');
    const row = within(table).getByRole('rowheader', { name: /Commission on renewed ARR \(%\)/ });
    expect(row).toHaveTextContent('Share of renewed ARR paid as commission.');
    expect(row).toHaveTextContent('Valid range: 0 – 100 %');
    expect(within(table).getByRole('rowheader', { name: /Service bonus pool \(\$\)/ })).toHaveTextContent('Valid range: $0 – $1,000,000,000');
    expect(planInput('serviceBonusPool', 0)).toHaveValue('600,000');
  });

  it('lists the segments as an editable table', () => {
    renderApp();
    const names = [0, 1, 2].map((i) => segmentInput('name', i));
    expect(names.map((e) => e.value)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    expect(names[0]).toHaveAccessibleName('Segment name: SMB');
    expect(segmentInput('arpa', 2)).toHaveAccessibleName('ARR per account — Enterprise');
    expect(segmentInput('arpa', 2)).toHaveValue('120,000');
  });

  it('keeps behaviour assumptions collapsed under "How people respond", each with its meaning and range', () => {
    renderApp();
    expect(document.querySelector('[data-path="behaviour:responsiveness"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /How people respond/ }));
    const input = byPath('behaviour:responsiveness');
    expect(input).toHaveAccessibleName('Responsiveness to pay');
    expect(input).toHaveValue('0.6');
    expect(input).toHaveAccessibleDescription(/How strongly effort follows pay.*Valid range: 0 – 2/);
  });

  it('every edit recomputes: the live NPV is the engine\'s for the new renewal commission', () => {
    renderApp();
    expect(liveNpv()).toBe(en.moneyShort(runScenario(example()).comparisons[0].npvDelta));
    type(renewal(), '6');
    expect(liveNpv()).toBe(en.moneyShort(runScenario(withRenewal(0.06)).comparisons[0].npvDelta));
    expect(liveNpv()).not.toBe(en.moneyShort(runScenario(example()).comparisons[0].npvDelta));
  });
});

describe('invalid input', () => {
  it('marks the field with the valid range, keeps the text typed and the last valid results', () => {
    renderApp();
    type(renewal(), '6');
    fireEvent.blur(renewal()); // "6" is committed: the results of an invalid edit are those of "6"
    const good = liveNpv();
    type(renewal(), '1');
    type(renewal(), '15');
    expect(liveNpv()).not.toBe(good); // 15 % on the way to 150 % shows live
    type(renewal(), '150');
    const field = renewal();
    expect(field.value).toBe('150');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/150 is outside the valid range 0 – 100/);
    expect(liveNpv()).toBe(good);
    expect(screen.getByTestId('live-strip')).toHaveAttribute('data-stale', 'true');
    expect(screen.getByTestId('problems')).toHaveTextContent('1 input(s) need attention');
    expect(screen.getByTestId('stale-field')).toHaveTextContent(/\(Retention plan\) at 6\s?%, its value before this edit/);

    type(renewal(), 'six');
    expect(renewal().value).toBe('six');
    expect(renewal()).toHaveAccessibleDescription(/"six" is not a number; valid range 0 – 100/);
    expect(liveNpv()).toBe(good);

    type(renewal(), '5');
    expect(renewal()).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('live-strip')).toHaveAttribute('data-stale', 'false');
    expect(liveNpv()).toBe(en.moneyShort(runScenario(withRenewal(0.05)).comparisons[0].npvDelta));
  });

  it('keeps every invalid text through other edits and a switch to Spanish', () => {
    renderApp();
    type(renewal(), '1O');
    type(segmentInput('churn', 0), '17');
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'es' } });
    expect(renewal()).toHaveAccessibleName('Comisión sobre ARR renovado — Retention plan');
    expect(renewal().value).toBe('1O');
    expect(segmentInput('churn', 0)).toHaveValue('17');
    expect(segmentInput('arpa', 2)).toHaveValue('120.000');
  });

  it('marks all three effort shares when they no longer add up to 100 % and offers to scale them', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: /How people respond/ }));
    type(byPath('behaviour:effortAcquire'), '60');
    for (const key of ['effortAcquire', 'effortRetain', 'effortExpand']) {
      expect(byPath(`behaviour:${key}`)).toHaveAttribute('aria-invalid', 'true');
    }
    expect(byPath('behaviour:effortRetain')).toHaveAccessibleDescription(/the three effort shares must add up to 1/);
    fireEvent.click(screen.getByText('Scale them to 100 %'));
    expect(screen.getByTestId('live-strip')).toHaveAttribute('data-stale', 'false');
    expect(byPath('behaviour:effortAcquire')).toHaveValue('66.666667');
  });
});

describe('budget neutral', () => {
  it('scales the proposed plan by the engine\'s factor, shows it, and shows the scaled rates', () => {
    renderApp();
    fireEvent.click(screen.getByRole('switch', { name: 'Budget neutral' }));
    const s = example();
    const { factor, plan } = budgetNeutralPlan(s, s.proposed[0].values);
    expect(screen.getByTestId('budget-factors')).toHaveTextContent(`Retention plan: scaled × ${en.number(factor, 3)}`);
    expect(screen.getByText(`budget neutral: ${en.percent(plan.commissionRenewal, 2, 0)}`)).toBeInTheDocument();
    const neutral = { ...s, proposed: [{ name: 'Retention plan', values: plan }] };
    expect(liveNpv()).toBe(en.moneyShort(runScenario(neutral).comparisons[0].npvDelta));
    // Typed values stay as typed.
    expect(renewal().value).toBe('4');
    fireEvent.click(screen.getByRole('switch', { name: 'Budget neutral' }));
    expect(screen.queryByTestId('budget-factors')).toBeNull();
    expect(liveNpv()).toBe(en.moneyShort(runScenario(s).comparisons[0].npvDelta));
  });
});

describe('segments', () => {
  it('adds, renames (rejecting duplicates) and removes segments', () => {
    renderApp();
    fireEvent.click(screen.getByText('Add segment'));
    expect(segmentInput('name', 3)).toHaveValue('Segment 4');
    expect(segmentInput('name', 3)).toHaveAccessibleName('Segment name: Segment 4');
    type(segmentInput('name', 3), 'SMB');
    expect(segmentInput('name', 3)).toHaveAccessibleDescription('Another segment already has this name.');
    expect(screen.getByTestId('live-strip')).toHaveAttribute('data-stale', 'true');
    type(segmentInput('name', 3), 'Partners');
    expect(screen.getByTestId('live-strip')).toHaveAttribute('data-stale', 'false');
    fireEvent.click(screen.getByLabelText('Remove segment Partners'));
    expect([...document.querySelectorAll<HTMLInputElement>('[data-path^="segment:"][data-path$=":name"]')].map((e) => e.value)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    expect(liveNpv()).toBe(en.moneyShort(runScenario(example()).comparisons[0].npvDelta));
  });
});

describe('Spanish and number formats', () => {
  it('follows Office\'s display language inside Excel: Spanish labels, Spanish numbers, no language switch', () => {
    render(<App host={{ kind: 'excel', displayLanguage: 'es-ES' }} />);
    expect(screen.getByRole('tab', { name: 'Resultados' })).toBeInTheDocument();
    expect(renewal()).toHaveAccessibleName('Comisión sobre ARR renovado — Plan de retención'); // the example opens in Spanish: its plan names too
    expect(renewal()).toHaveValue('4');
    expect(segmentInput('arpa', 2)).toHaveValue('120.000');
    expect(screen.queryByTestId('language')).toBeNull();
    expect(screen.queryByTestId('preview-badge')).toBeNull();
    const es = formats('es-ES', 'EUR');
    expect(liveNpv()).toBe(es.moneyShort(runScenario(example()).comparisons[0].npvDelta));
  });

  it('reads a Spanish decimal comma', () => {
    render(<App host={{ kind: 'excel', displayLanguage: 'es-ES' }} />);
    type(renewal(), '5,5');
    expect(liveNpv()).toBe(formats('es-ES', 'EUR').moneyShort(runScenario(withRenewal(0.055)).comparisons[0].npvDelta));
  });

  it('follows Office\'s dark theme', () => {
    const { container } = render(<App host={{ kind: 'excel', displayLanguage: 'en-US', theme: { dark: true } }} />);
    expect(container.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  });

  it('changes the currency of every amount', () => {
    renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Currency' }), { target: { value: 'EUR' } });
    expect(liveNpv()).toBe(formats('en-US', 'EUR').moneyShort(runScenario(example()).comparisons[0].npvDelta));
    expect(liveNpv()).toMatch(/^€/);
  });
});

describe('results and summary screens', () => {
  it('the results table holds the engine\'s yearly figures and copies them as tab-separated text', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    renderApp();
    await openTab('Results');
    const table = await screen.findByTestId('metrics-table');
    const r = runScenario(example());
    const base = yearly(r.baseline);
    const prop = yearly(r.proposed[0]);
    const cells = (metric: string, line: string) =>
      within(table.querySelector(`tr[data-metric="${metric}"][data-line="${line}"]`) as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells('revenue', 'baseline')).toEqual(base.map((y) => en.money(y.revenue)));
    expect(cells('nrr', 'proposed')).toEqual(prop.map((y) => en.percent(y.nrr, 1)));
    expect(cells('compCost', 'change')[0]).toBe(en.money(prop[0].compCost - base[0].compCost));
    // Each chart has its data table as text alternative.
    for (const id of ['chart-arr', 'chart-revenue', 'chart-contribution', 'chart-comp']) {
      const figure = screen.getByTestId(id);
      expect(within(figure).getByRole('img')).toHaveAccessibleName();
      expect(within(figure).getByRole('table')).toBeInTheDocument();
    }
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy table' })));
    const tsv = writeText.mock.calls[0][0] as string;
    expect(tsv.trimEnd().split('\r\n')).toHaveLength(22);
    expect(tsv.split('\r\n')[1].split('\t').slice(0, 3)).toEqual(['Revenue', 'Current plan', String(Math.round(base[0].revenue))]);
    expect(screen.getByText('Copied: paste it into Excel.')).toBeInTheDocument();
  });

  it('the results follow an edit made on the scenario screen', async () => {
    renderApp();
    type(renewal(), '6');
    await openTab('Results');
    const table = await screen.findByTestId('metrics-table');
    const prop = yearly(runScenario(withRenewal(0.06)).proposed[0]);
    const row = table.querySelector('tr[data-metric="arr"][data-line="proposed"]') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(prop.map((y) => en.money(y.arr)));
  });

  it('the summary gives cost, crossover, break-even, NPV, equity, the tenure view and the top three drivers', async () => {
    renderApp();
    await openTab('Summary');
    await screen.findByTestId('summary');
    const c = runScenario(example()).comparisons[0];
    expect(screen.getByTestId('summary-npv')).toHaveTextContent(en.money(c.npvDelta));
    expect(screen.getByTestId('summary-equity')).toHaveTextContent(en.money(c.customerEquityDelta));
    expect(screen.getByTestId('summary-crossover')).toHaveTextContent('Year 1');
    expect(screen.getByTestId('summary-breakeven')).toHaveTextContent('Year 3');
    expect(screen.getByTestId('summary-tenure')).toHaveTextContent(en.money(c.tenureNpvDelta));
    expect(screen.getByTestId('summary-terminal')).toHaveTextContent(en.money(c.customerEquityDelta));
    const cost = screen.getByTestId('summary-short-term');
    expect(cost).toHaveTextContent(`(${en.money(-c.shortTermSacrifice)})`);
    // Negative in parentheses AND coloured (a class only negatives get).
    expect(cost.querySelector('span')?.className).toBeTruthy();
    expect(screen.getByTestId('summary-npv').querySelector('span')?.className ?? '').toBe('');
    const drivers = await screen.findByTestId('summary-drivers');
    expect([...drivers.querySelectorAll('li')].map((li) => li.getAttribute('data-key'))).toEqual(topDrivers(example()).map((d) => d.key));
  });
});

describe('where the pane runs', () => {
  it('in preview the workbook tab is a note, not workbook actions', async () => {
    renderApp();
    expect(screen.getByTestId('preview-badge')).toBeInTheDocument();
    await openTab('Workbook');
    expect(await screen.findByTestId('preview-workbook-note')).toHaveTextContent('need Excel');
    expect(screen.queryByRole('button', { name: 'Insert model' })).toBeNull();
  });

  it('opens another built-in example', async () => {
    renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Example' }), { target: { value: 'enterprise-multi-year' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open example' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Scenario name' })).toHaveValue('Enterprise, multi-year contracts'));
  });
});

describe('without a proposed plan', () => {
  it('says what to do on every result screen instead of failing', async () => {
    renderApp();
    fireEvent.click(screen.getByLabelText('Remove plan Retention plan'));
    expect(screen.queryByTestId('live-strip')).toBeNull();
    await openTab('Summary');
    expect(await screen.findByText('Add a proposed plan to compare it with the baseline.')).toBeInTheDocument();
    await openTab('Scenario');
    fireEvent.click(screen.getByText('New proposal from today’s plan'));
    expect(planInput('commissionRenewal', 1)).toHaveValue('2'); // a new plan starts as a copy of the baseline
    expect(screen.getByTestId('live-npv')).toHaveTextContent('$0');
  });
});

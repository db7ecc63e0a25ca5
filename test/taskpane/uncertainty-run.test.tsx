/**
 * Runs from the Uncertainty tab in jsdom, which has no Web Worker: the jobs go through the
 * main-thread fallback (the worker's own handler, in slices). The figures on the page are the
 * engine's for the same inputs and seed; Cancel stops a run and keeps nothing; the tornado is listed
 * largest swing first; the optimiser's optimum can replace the proposed plan; inside Excel every
 * result can be inserted into the workbook (the adapter is mocked: it has its own office-addin-mock test).
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  DECISION_KEYS, findSpec, optimizePlan, runMonteCarlo, scenarioFromJson, tornado, type Scenario, type ScenarioJson, type UncertaintyRow,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { displayText, formatAssumption, formats } from '../../src/i18n';
import { insertUncertainty } from '../../src/office/uncertainty';
import { App } from '../../src/taskpane/App';
import { PANE_SERIES } from '../../src/taskpane/uncertainty/protocol';
import { shareText } from '../../src/taskpane/uncertainty/share';
import { defaultTable, evaluateTable } from '../../src/taskpane/uncertainty/table';
import { assumptionName } from '../../src/workbook';

configure({ defaultHidden: true });
jest.mock('../../src/office/uncertainty', () => ({ insertUncertainty: jest.fn(async () => 'CEQ Uncertainty') }));

const en = formats('en-US', 'USD');
/** The mid-market example with the proposed renewal commission at 10 %: a close call (about half the trials win on NPV). */
const closeCall = (): Scenario => {
  const s = scenarioFromJson(midMarket as ScenarioJson);
  s.proposed[0].values.commissionRenewal = 0.165; // a close call under model version 2 (version 1's was 10 %)
  return s;
};
/** The default table for the mid-market example (engine DEFAULT_UNCERTAINTY, rounded as the tab shows it), as the engine receives it. */
const DEFAULT_ROWS: UncertaintyRow[] = evaluateTable(defaultTable(closeCall(), 'en-US'), closeCall(), 'en').rows!;
const type = (el: Element, text: string) => fireEvent.change(el, { target: { value: text } });
const byPath = (path: string) => document.querySelector<HTMLInputElement>(`[data-path="${path}"]`)!;
const text = (testId: string) => screen.getByTestId(testId).textContent?.trim();

async function openWithRenewal(rate: string, host: 'preview' | 'excel' = 'preview') {
  render(<App host={host === 'excel' ? { kind: 'excel', displayLanguage: 'en-US' } : { kind: 'preview' }} browserLocale="en-US" />);
  type(document.querySelectorAll('[data-path^="plan:"][data-path$=":commissionRenewal"]')[1], rate);
  // The tab is a lazy chunk: let it load inside act.
  await act(async () => { fireEvent.click(screen.getByTestId('tab-uncertainty')); });
  await screen.findByTestId('uncertainty');
}

/** The body rows of a chart's data table: header cell, then the cells. */
function tableRows(chartTestId: string): string[][] {
  const table = within(screen.getByTestId(chartTestId)).getByRole('table');
  return within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.children).map((c) => c.textContent ?? ''));
}

describe('a simulation through the main-thread fallback', () => {
  it('shows the engine\'s P(win), break-even odds and P50 per period for the same seed', async () => {
    await openWithRenewal('16.5');
    type(byPath('trials'), '400');
    type(byPath('seed'), '7');
    fireEvent.click(screen.getByTestId('mc-run'));
    await screen.findByTestId('mc-run-info');
    const direct = runMonteCarlo(closeCall(), DEFAULT_ROWS, { trials: 400, seed: 7, ...PANE_SERIES });
    const plan = direct.plans[0];
    // A close call, so the probability says something.
    expect(plan.pWinNpv).toBeGreaterThan(0.2);
    expect(plan.pWinNpv).toBeLessThan(0.8);
    expect(text('mc-pwin-npv')).toBe(shareText(plan.pWinNpv, en, 400));
    expect(text('mc-pwin-npv-text')).toContain(`In ${shareText(plan.pWinNpv, en, 400)} of the 400 trials the proposal's NPV beats the baseline's`);
    expect(text('mc-pwin-equity')).toBe(shareText(plan.pWinEquity, en, 400));
    expect(text('mc-p-tenure')).toBe(shareText(plan.pBreakevenWithinTenure, en, 400));
    expect(text('mc-npv-p50')).toBe(en.money(plan.npvDelta.p50));
    const p50 = direct.series.find((x) => x.kind === 'cumulativeDelta')!.bands.p50;
    expect(text('mc-last-p50')).toBe(en.money(p50[p50.length - 1]));
    // The fan chart's table: P10, P90, P50 per period.
    const fan = tableRows('chart-fan');
    expect(fan.map((r) => r[0])).toEqual(Array.from(p50, (_, t) => `Y${t + 1}`));
    expect(fan.map((r) => r[3])).toEqual(Array.from(p50, (v) => en.money(v)));
    // The histogram holds every trial; the years chart ends with "Never".
    expect(tableRows('chart-histogram').reduce((a, r) => a + Number(r[1].replace(/,/g, '')), 0)).toBe(400);
    const years = tableRows('chart-years');
    expect(years[years.length - 1]).toEqual(['Never', shareText(plan.crossover.never / 400, en, 400), shareText(plan.breakeven.never / 400, en, 400)]);
    expect(screen.getByTestId('mc-run-info')).toHaveAttribute('data-where', 'main');
    expect(text('mc-run-info')).toMatch(/^400 trials of Retention plan against Current plan, seed 7, in \d/);
    // A new input makes the result out of date, and says so.
    expect(screen.queryByTestId('mc-stale')).toBeNull();
    type(byPath('seed'), '8');
    expect(screen.getByTestId('mc-stale')).toBeTruthy();
  });

  it('Cancel stops the run: progress stops, a note says so, and nothing is kept', async () => {
    await openWithRenewal('16.5');
    type(byPath('trials'), '100,000');
    fireEvent.click(screen.getByTestId('mc-run'));
    const bar = await screen.findByTestId('mc-progress-bar');
    await waitFor(() => expect(Number(bar.getAttribute('data-done'))).toBeGreaterThan(0));
    expect(bar).toHaveAttribute('data-total', '100000');
    fireEvent.click(screen.getByTestId('mc-progress-cancel'));
    const note = await screen.findByTestId('mc-progress-cancelled');
    const done = Number(/after ([\d,]+) of 100,000/.exec(note.textContent ?? '')![1].replace(/,/g, ''));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(100_000);
    // The pane is ready for another run once the cancelled one has wound down.
    await waitFor(() => expect(screen.getByTestId('mc-run')).toBeEnabled());
    expect(screen.queryByTestId('mc-progress')).toBeNull();
    expect(screen.queryByTestId('mc-run-info')).toBeNull();
    expect(screen.getByTestId('mc-run')).toBeEnabled();
  });
});

describe('probabilities in words', () => {
  it('a share short of certainty never reads as certain, a rare one never as impossible', () => {
    const es = formats('es-ES', 'EUR');
    expect([0.99985, 1, 0.999, 0.0004, 0, 0.5].map((p) => shareText(p, en))).toEqual(['> 99.9%', '100.0%', '99.9%', '< 0.1%', '0.0%', '50.0%']);
    expect(shareText(0.99985, es)).toBe('> 99,9\u00a0%');
    // Every trial won (or none did): the rule of three bounds what n trials can tell.
    expect([shareText(1, en, 2000), shareText(0, en, 2000), shareText(1, en, 400), shareText(0.5, en, 400)]).toEqual(['≥ 99.8%', '≤ 0.2%', '≥ 99.2%', '50.0%']);
  });
});

describe('the tornado', () => {
  it('lists the assumptions as the engine sorts them, largest swing first', async () => {
    await openWithRenewal('16.5');
    fireEvent.change(screen.getByTestId('tornado-output'), { target: { value: 'npvDelta' } });
    fireEvent.click(screen.getByTestId('tornado-run'));
    await screen.findByTestId('chart-tornado');
    const engine = tornado(closeCall(), DEFAULT_ROWS, { output: 'npvDelta', planIndex: 0 });
    const shown = tableRows('chart-tornado');
    expect(shown.map((r) => r[0])).toEqual(engine.rows.map((r) => assumptionName(r.label, 'en')));
    expect(shown.map((r) => r[5])).toEqual(engine.rows.map((r) => en.money(r.swing)));
    const swings = engine.rows.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Rows of the table swing from their P10 to their P90; the rest by ±20 %.
    const responsiveness = engine.rows.find((r) => r.label === 'responsiveness')!;
    expect(responsiveness.source).toBe('distribution');
    expect(shown.find((r) => r[0] === 'Responsiveness to pay')!.slice(1, 3)).toEqual([
      formatAssumption(findSpec('responsiveness')!, responsiveness.low, en), formatAssumption(findSpec('responsiveness')!, responsiveness.high, en),
    ]);
  });
});

describe('the optimiser', () => {
  it('finds the engine\'s optimum within the bounds and loads it as the proposed plan', async () => {
    await openWithRenewal('16.5');
    const s = closeCall();
    const current = s.proposed[0].values;
    // Every rate fixed at the current plan's value but the renewal commission, free between 0 % and 10 %.
    for (const key of DECISION_KEYS) {
      const spec = findSpec(key)!;
      const [min, max] = key === 'commissionRenewal' ? [0, 0.1] : [current[key], current[key]];
      type(byPath(`bound:${key}:min`), displayText(spec, min, 'en-US'));
      type(byPath(`bound:${key}:max`), displayText(spec, max, 'en-US'));
    }
    fireEvent.click(screen.getByTestId('optimizer-run'));
    await screen.findByTestId('optimum');
    const bounds = Object.fromEntries(DECISION_KEYS.map((k) => [k, k === 'commissionRenewal' ? { min: 0, max: 0.1 } : { min: current[k], max: current[k] }]));
    const engine = optimizePlan(s, { bounds, start: current });
    const renewal = findSpec('commissionRenewal')!;
    expect(text('optimum-commissionRenewal')?.replace(/ [▲▼]$/, '')).toBe(formatAssumption(renewal, engine.plan.commissionRenewal, en));
    expect(text('optimum-value')).toBe(en.money(engine.value));
    expect(engine.value).toBeGreaterThanOrEqual(engine.baselineValue);
    expect(text('optimum-binding')).toContain(engine.budget!.binding ? 'The budget binds' : 'The budget does not bind');
    fireEvent.click(screen.getByTestId('optimum-load'));
    expect(screen.getByText('The optimum is now Retention plan: the other tabs show its results.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('tab-scenario'));
    const input = document.querySelectorAll<HTMLInputElement>('[data-path^="plan:"][data-path$=":commissionRenewal"]')[1];
    expect(input).toHaveValue(displayText(renewal, engine.plan.commissionRenewal, 'en-US'));
  });
});

describe('tabs, language and the workbook', () => {
  it('keeps the table as typed and the last results when another tab is opened', async () => {
    await openWithRenewal('16.5');
    type(byPath('trials'), '200');
    fireEvent.click(screen.getByTestId('mc-run'));
    await screen.findByTestId('mc-run-info');
    const mode = document.querySelector<HTMLInputElement>('[data-path$=":mode"]')!;
    type(mode, 'lots');
    await act(async () => { fireEvent.click(screen.getByTestId('tab-results')); });
    fireEvent.click(screen.getByTestId('tab-uncertainty'));
    expect(document.querySelector('[data-path$=":mode"]')).toHaveValue('lots');
    expect(screen.getByTestId('mc-pwin-npv')).toBeTruthy();
  });

  it('in preview, says inserting needs Excel and shows no insert button', async () => {
    await openWithRenewal('16.5');
    type(byPath('trials'), '100');
    fireEvent.click(screen.getByTestId('mc-run'));
    await screen.findByTestId('mc-run-info');
    expect(screen.getByTestId('uncertainty-preview-note')).toHaveTextContent('inserting these results into a workbook needs Excel');
    expect(screen.queryByTestId('mc-insert')).toBeNull();
  });

  it('inside Excel, inserts every result the tab has, in the pane\'s language', async () => {
    await openWithRenewal('10', 'excel');
    expect(screen.queryByTestId('uncertainty-preview-note')).toBeNull();
    type(byPath('trials'), '150');
    fireEvent.click(screen.getByTestId('mc-run'));
    await screen.findByTestId('mc-run-info');
    fireEvent.click(screen.getByTestId('tornado-run'));
    await screen.findByTestId('chart-tornado');
    fireEvent.click(screen.getByTestId('mc-insert'));
    expect(await screen.findByText('Written to the sheet "CEQ Uncertainty".')).toBeTruthy();
    expect(insertUncertainty).toHaveBeenCalledTimes(1);
    const [report, options] = (insertUncertainty as jest.Mock).mock.calls[0];
    expect(options).toEqual({ lang: 'en' });
    expect(report).toEqual(expect.objectContaining({ planName: 'Retention plan', baselineName: 'Current plan', planIndex: 0, periodsPerYear: 1 }));
    expect(report.monteCarlo.trials).toBe(150);
    expect(report.tornado.rows.length).toBeGreaterThan(4);
    expect(report.optimum).toBeUndefined();
  });
});

/**
 * The Uncertainty tab's correlation editor, tolerance and variance chart (jsdom; jobs on the
 * main-thread fallback of the pool): a correlated run gives the engine's correlated numbers, an
 * impossible matrix is flagged before and after the run, a tolerance stops early at a checkpoint, and
 * the variance shares beside the tornado are the engine's, largest first.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import {
  CHECKPOINT_TRIALS, runMonteCarlo, scenarioFromJson, varianceSensitivity, type ScenarioJson,
} from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { formats } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { PANE_SERIES } from '../../src/taskpane/uncertainty/protocol';
import { shareText } from '../../src/taskpane/uncertainty/share';
import { defaultTable, evaluateTable } from '../../src/taskpane/uncertainty/table';

configure({ defaultHidden: true });
jest.setTimeout(90_000);

const en = formats('en-US', 'USD');
const scenario = () => scenarioFromJson(midMarket as ScenarioJson);
const ROWS = evaluateTable(defaultTable(scenario(), 'en-US'), scenario(), 'en').rows!;
const type = (el: Element, text: string) => fireEvent.change(el, { target: { value: text } });
const byPath = (path: string) => document.querySelector<HTMLInputElement>(`[data-path="${path}"]`)!;
/** Fluent puts a test id on the native input of a Checkbox or an Input. */
const pick = (label: string) => fireEvent.click(screen.getByTestId(`corr-pick-${label}`));
const cell = (a: string, b: string) => screen.getByTestId(`corr-${a}|${b}`);

async function openTab() {
  render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
  await act(async () => { fireEvent.click(screen.getByTestId('tab-uncertainty')); });
  await screen.findByTestId('uncertainty', {}, { timeout: 10_000 });
}

async function run() {
  await act(async () => { fireEvent.click(screen.getByTestId('mc-run')); });
  return screen.findByTestId('mc-run-info', {}, { timeout: 60_000 });
}

describe('correlated inputs in the Uncertainty tab', () => {
  it('runs with the matrix typed (the engine’s correlated figures) and shows the variance shares', async () => {
    await openTab();
    type(byPath('trials'), '600');
    pick('responsiveness');
    pick('SMB.churn');
    type(cell('responsiveness', 'SMB.churn'), '-0.6');
    expect(screen.queryByTestId('corr-repaired')).toBeNull();
    await run();
    const correlation = { keys: ['responsiveness', 'SMB.churn'], matrix: [[1, -0.6], [-0.6, 1]] };
    const direct = runMonteCarlo(scenario(), ROWS, { trials: 600, seed: 1, correlation, ...PANE_SERIES });
    expect(screen.getByTestId('mc-pwin-npv').textContent).toBe(shareText(direct.plans[0].pWinNpv, en, 600));
    // Beside the tornado: the engine's shares of the variance, largest first, in the chart's data table.
    const v = varianceSensitivity(direct, 'customerEquityDelta', 0);
    const table = within(screen.getByTestId('variance-chart')).getByRole('table');
    const shares = within(table).getAllByRole('row').slice(1).map((r) => r.children[1].textContent);
    expect(shares).toEqual(v.rows.map((x) => en.percent(x.contribution, 1)));
    expect(v.rows[0].label).toBe('responsiveness');
  });

  it('flags correlations that cannot hold together, and the run says it used the nearest valid matrix', async () => {
    await openTab();
    type(byPath('trials'), '300');
    for (const l of ['responsiveness', 'SMB.churn', 'discountRate']) pick(l);
    type(cell('responsiveness', 'SMB.churn'), '0.9');
    type(cell('responsiveness', 'discountRate'), '0.9');
    type(cell('SMB.churn', 'discountRate'), '-0.9');
    expect(screen.getByTestId('corr-repaired')).toHaveTextContent('cannot hold together');
    await run();
    expect(screen.getByTestId('mc-corr-repaired')).toHaveTextContent('nearest valid matrix');
  });

  it('marks a correlation outside −1 … 1 and stops the run; a tolerance stops it early at a checkpoint', async () => {
    await openTab();
    pick('responsiveness');
    pick('elasticityAcquire');
    type(cell('responsiveness', 'elasticityAcquire'), '1.5');
    expect(cell('responsiveness', 'elasticityAcquire')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('mc-run')).toBeDisabled();
    type(cell('responsiveness', 'elasticityAcquire'), '');
    type(byPath('trials'), '20000');
    type(screen.getByTestId('mc-tolerance'), '2');
    await run();
    const note = screen.getByTestId('mc-converged').textContent!;
    const ran = Number(/after ([\d,]+) of/.exec(note)![1].replace(/,/g, ''));
    expect(ran % CHECKPOINT_TRIALS).toBe(0);
    expect(ran).toBeLessThan(20_000);
    const direct = runMonteCarlo(scenario(), ROWS, { trials: 20_000, seed: 1, tolerance: { probability: 0.02 }, ...PANE_SERIES });
    expect(direct.trials).toBe(ran);
  });
});

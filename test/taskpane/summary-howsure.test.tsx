/**
 * The Summary's "how sure": after the screen opens, a short paired run of the default uncertainty
 * table on the pool (here the main-thread fallback: jsdom has no Worker) puts the engine's figures on
 * the page, each with its standard error, and no probability of the shipped example reads as certain.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { defaultUncertaintyRows, quantileError, runMonteCarlo, scenarioFromJson, type ScenarioJson, type UncertaintyRow } from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { formats } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { HOW_SURE_SEED, HOW_SURE_TRIALS } from '../../src/taskpane/screens/SummaryHowSure';
import { PANE_SERIES } from '../../src/taskpane/uncertainty/protocol';
import { shareText } from '../../src/taskpane/uncertainty/share';
import { defaultTable, evaluateTable, reduceTable } from '../../src/taskpane/uncertainty/table';

configure({ defaultHidden: true });
jest.setTimeout(60_000);

const example = () => scenarioFromJson(midMarket as ScenarioJson);
const en = formats('en-US', 'USD');

describe('the Summary’s “how sure”', () => {
  it('shows the engine’s P(win), P10–P90 and break-even odds for the default table, each with its standard error', async () => {
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Summary' })); });
    const pwin = await screen.findByTestId('howsure-pwin-npv', {}, { timeout: 30_000 });
    const s = example();
    const r = runMonteCarlo(s, defaultUncertaintyRows(s), { trials: HOW_SURE_TRIALS, seed: HOW_SURE_SEED, ...PANE_SERIES });
    const o = r.plans[0];
    expect(pwin).toHaveTextContent(shareText(o.pWinNpv, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-pwin-npv-se')).toHaveTextContent(`± ${en.number(100 * o.errors.pWinNpv, 100 * o.errors.pWinNpv < 0.1 ? 2 : 1)} pp`); // two decimals below 0.1 pp
    expect(screen.getByTestId('howsure-pwin-equity')).toHaveTextContent(shareText(o.pWinEquity, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-p-tenure')).toHaveTextContent(shareText(o.pBreakevenWithinTenure, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-npv-range')).toHaveTextContent(`${en.moneyShort(o.npvDelta.p10)} – ${en.moneyShort(o.npvDelta.p90)}`);
    expect(screen.getByTestId('howsure-equity-range-se')).toHaveTextContent(en.moneyShort(quantileError(o.trials.customerEquityDelta, 0.9)));
    // No probability of the shipped example reads as certain.
    for (const id of ['pwin-npv', 'pwin-equity', 'p-tenure']) expect(screen.getByTestId(`howsure-${id}`)).not.toHaveTextContent('100.0%');
  });

  it('runs the table the user edited on the Uncertainty tab, says so, and the default again once it is restored', async () => {
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
    const s = example();
    const engine = (rows: UncertaintyRow[]) => runMonteCarlo(s, rows, { trials: HOW_SURE_TRIALS, seed: HOW_SURE_SEED, ...PANE_SERIES }).plans[0];
    const openSummary = async () => {
      await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Summary' })); });
      return screen.findByTestId('howsure-pwin-npv', {}, { timeout: 30_000 });
    };
    const settled = async (source: 'user' | 'default', rows: number) => {
      await waitFor(() => expect(screen.getByTestId('howsure-table')).toHaveAttribute('data-rows', String(rows)), { timeout: 30_000 });
      expect(screen.getByTestId('howsure-table')).toHaveAttribute('data-source', source);
      await waitFor(() => expect(screen.queryByTestId('howsure-running')).toBeNull(), { timeout: 30_000 });
    };
    const defaults = engine(defaultUncertaintyRows(s));
    await openSummary();
    await settled('default', defaultUncertaintyRows(s).length);
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(defaults.pWinNpv, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-table')).toHaveTextContent('using the default uncertainty table (21 assumptions varied; edit it on the Uncertainty tab)');

    // Narrow the discount rate's range on the Uncertainty tab to a sliver around 10 %.
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Uncertainty' })); });
    const editor = await screen.findByTestId('uncertainty-rows');
    const discount = within(editor).getAllByRole('group').find((g) => g.getAttribute('data-key') === 'discountRate')!;
    const id = discount.querySelector('[data-path]')!.getAttribute('data-path')!.split(':')[1];
    for (const [param, text] of [['min', '9.99'], ['mode', '10'], ['max', '10.01']] as const) {
      fireEvent.change(discount.querySelector(`input[data-path$=":${param}"]`)!, { target: { value: text } });
    }
    let table = defaultTable(s, 'en-US');
    for (const [param, text] of [['min', '9.99'], ['mode', '10'], ['max', '10.01']] as const) table = reduceTable(table, { type: 'param', id, param, text });
    const edited = engine(evaluateTable(table, s, 'en').rows!);
    await openSummary();
    await settled('user', 21);
    expect(screen.getByTestId('howsure-table')).toHaveTextContent('using your uncertainty table (21 assumptions varied)');
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(edited.pWinNpv, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-npv-range')).toHaveTextContent(`${en.moneyShort(edited.npvDelta.p10)} – ${en.moneyShort(edited.npvDelta.p90)}`);
    // …which are not the default table's.
    expect(screen.getByTestId('howsure-npv-range').textContent).not.toBe(`${en.moneyShort(defaults.npvDelta.p10)} – ${en.moneyShort(defaults.npvDelta.p90)}`);

    // Remove every row: nothing varies, every trial is the example itself, which wins: 100 %.
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Uncertainty' })); });
    for (const button of within(screen.getByTestId('uncertainty-rows')).getAllByRole('button', { name: /^Remove / })) fireEvent.click(button);
    await openSummary();
    await settled('user', 0);
    const none = engine([]);
    expect(none.pWinNpv).toBe(1);
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(1, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-table')).toHaveTextContent('using your uncertainty table, which varies nothing');

    // Restore the default table: the Summary runs the default again, with its figures.
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Uncertainty' })); });
    fireEvent.click(screen.getByRole('button', { name: 'Restore the default table' }));
    await openSummary();
    await settled('default', 21);
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(defaults.pWinNpv, en, HOW_SURE_TRIALS));
  });
});

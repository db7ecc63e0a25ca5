/**
 * The Summary's "how sure": after the screen opens, a short paired run of the default uncertainty
 * table on the pool (here the main-thread fallback: jsdom has no Worker) puts the engine's figures on
 * the page, each with its standard error, and no probability of the shipped example reads as certain;
 * once the user edits the table on the Uncertainty tab, the Summary runs that table (and says so).
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { defaultUncertaintyRows, quantileError, runMonteCarlo, scenarioFromJson, type CorrelationInput, type ScenarioJson, type UncertaintyRow } from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { formats } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { HOW_SURE_SEED, HOW_SURE_TRIALS } from '../../src/taskpane/screens/SummaryHowSure';
import { PANE_SERIES } from '../../src/taskpane/uncertainty/protocol';
import { shareText } from '../../src/taskpane/uncertainty/share';
import { defaultTable, evaluateTable, reduceTable } from '../../src/taskpane/uncertainty/table';
import { shareTable, sharedTable } from '../../src/taskpane/uncertainty/shared-table';
import { offerUncertaintyRows, takeUncertaintyPairs, takeUncertaintyRows } from '../../src/taskpane/calibration/handoff';

configure({ defaultHidden: true });

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

  it('runs the table the user edited (the Uncertainty tab hands it over), says which, and the default again without it', async () => {
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
    const s = example();
    const engine = (rows: UncertaintyRow[], correlation?: CorrelationInput) =>
      runMonteCarlo(s, rows, { trials: HOW_SURE_TRIALS, seed: HOW_SURE_SEED, ...PANE_SERIES, correlation }).plans[0];
    const settled = async (source: 'user' | 'default', rows: number) => {
      await waitFor(() => expect(screen.getByTestId('howsure-table')).toHaveAttribute('data-rows', String(rows)), { timeout: 60_000 });
      expect(screen.getByTestId('howsure-table')).toHaveAttribute('data-source', source);
      await waitFor(() => expect(screen.queryByTestId('howsure-running')).toBeNull(), { timeout: 60_000 });
    };
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Summary' })); });
    await settled('default', 21);
    const byDefault = screen.getByTestId('howsure-pwin-npv').textContent;
    expect(screen.getByTestId('howsure-table')).toHaveTextContent('using the default uncertainty table (21 assumptions varied; edit it on the Uncertainty tab)');

    // A table of every row removed varies nothing: every trial is the example itself, which wins: 100 %.
    act(() => shareTable({ rows: [], stale: false }));
    await settled('user', 0);
    expect(engine([]).pWinNpv).toBe(1);
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(1, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-table')).toHaveTextContent('using your uncertainty table, which varies nothing: every trial is the same');

    // Two rows and a rank correlation between them: the engine's figures for that table, and the screen says so.
    const rows: UncertaintyRow[] = [
      { key: 'churn', segment: 'SMB', distribution: { kind: 'triangular', min: 0.1, mode: 0.18, max: 0.4 } },
      { key: 'responsiveness', distribution: { kind: 'pert', min: 0, mode: 0.6, max: 1.2 } },
    ];
    const correlation = { keys: ['SMB.churn', 'responsiveness'], matrix: [[1, -0.6], [-0.6, 1]] };
    act(() => shareTable({ rows, correlation, stale: false }));
    await settled('user', 2);
    const mine = engine(rows, correlation);
    expect(screen.getByTestId('howsure-table')).toHaveTextContent('using your uncertainty table (2 assumptions varied, 1 rank correlations among them)');
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(mine.pWinNpv, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-npv-range')).toHaveTextContent(`${en.moneyShort(mine.npvDelta.p10)} – ${en.moneyShort(mine.npvDelta.p90)}`);

    // Its last valid state while the table has problems, and the default table once there is none.
    act(() => shareTable({ rows, correlation, stale: true }));
    expect(screen.getByTestId('howsure-table-stale')).toHaveTextContent('Your uncertainty table has problems on the Uncertainty tab');
    act(() => shareTable(undefined));
    await settled('default', 21);
    expect(screen.getByTestId('howsure-pwin-npv').textContent).toBe(byDefault);
  });

  it('the Uncertainty tab hands over the table once the user edits it, its last valid state, and nothing once restored', async () => {
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
    const s = example();
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Uncertainty' })); });
    const editor = await screen.findByTestId('uncertainty-rows');
    expect(sharedTable()).toBeUndefined();
    // Narrow the discount rate's range to a sliver around 10 %.
    const discount = within(editor).getAllByRole('group').find((g) => g.getAttribute('data-key') === 'discountRate')!;
    const id = discount.querySelector('[data-path]')!.getAttribute('data-path')!.split(':')[1];
    let table = defaultTable(s, 'en-US');
    for (const [param, text] of [['min', '9.99'], ['mode', '10'], ['max', '10.01']] as const) {
      fireEvent.change(discount.querySelector(`input[data-path$=":${param}"]`)!, { target: { value: text } });
      table = reduceTable(table, { type: 'param', id, param, text });
    }
    const edited = evaluateTable(table, s, 'en').rows!;
    expect(edited.find((r) => r.key === 'discountRate')!.distribution).toEqual({ kind: 'triangular', min: 0.0999, mode: 0.1, max: 0.1001 });
    expect(sharedTable()).toEqual({ rows: edited, stale: false });
    // A bad value: the last valid table, marked stale.
    fireEvent.change(discount.querySelector('input[data-path$=":max"]')!, { target: { value: 'x' } });
    expect(sharedTable()).toEqual({ rows: edited, stale: true });
    fireEvent.change(discount.querySelector('input[data-path$=":max"]')!, { target: { value: '10.01' } });
    expect(sharedTable()).toEqual({ rows: edited, stale: false });
    // A row removed (every row removed is an empty table: the Summary's 100 % above).
    // (By test id: role queries over the whole editor are slow in jsdom.)
    const responsiveness = within(editor).getAllByRole('group').find((g) => g.getAttribute('data-key') === 'responsiveness')!;
    fireEvent.click(responsiveness.querySelector<HTMLButtonElement>('[data-testid^="uncertainty-remove-"]')!);
    expect(sharedTable()).toEqual({ rows: edited.filter((r) => r.key !== 'responsiveness'), stale: false });
    fireEvent.click(screen.getByText('Restore the default table'));
    expect(sharedTable()).toBeUndefined();
  });

  it('runs the uncertainty fitted to the user\'s data ("Use as baseline") before the Uncertainty tab is opened, and the same figures after', async () => {
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
    const s = example();
    // What "Use as baseline" offers: each value fitted with its standard error, and the rank correlation of two estimates.
    const fitted: UncertaintyRow[] = [
      { key: 'churn', segment: 'SMB', distribution: { kind: 'normal', mean: 0.15, sd: 0.02 } },
      { key: 'expansion', segment: 'SMB', distribution: { kind: 'normal', mean: 0.12, sd: 0.03 } },
    ];
    act(() => offerUncertaintyRows(fitted, [{ a: 'SMB.churn', b: 'SMB.expansion', rank: -0.5 }]));
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Summary' })); });
    // The default table with the two fitted rows in place of the defaults for the same keys, by hand.
    const defaults = defaultUncertaintyRows(s);
    const expected = [...defaults.filter((r) => !fitted.some((f) => f.key === r.key && f.segment === r.segment)), ...fitted];
    const correlation = { keys: ['SMB.churn', 'SMB.expansion'], matrix: [[1, -0.5], [-0.5, 1]] };
    const mine = runMonteCarlo(s, expected, { trials: HOW_SURE_TRIALS, seed: HOW_SURE_SEED, ...PANE_SERIES, correlation }).plans[0];
    const settled = async (source: 'user' | 'data', rows: number) => {
      await waitFor(() => expect(screen.getByTestId('howsure-table')).toHaveAttribute('data-source', source), { timeout: 60_000 });
      expect(screen.getByTestId('howsure-table')).toHaveAttribute('data-rows', String(rows));
      await waitFor(() => expect(screen.queryByTestId('howsure-running')).toBeNull(), { timeout: 60_000 });
    };
    await settled('data', expected.length);
    expect(screen.getByTestId('howsure-table')).toHaveTextContent(
      `using the uncertainty fitted to your data (${expected.length} assumptions varied, 1 rank correlations among them; see it on the Uncertainty tab)`);
    expect(screen.getByTestId('howsure-pwin-npv')).toHaveTextContent(shareText(mine.pWinNpv, en, HOW_SURE_TRIALS));
    expect(screen.getByTestId('howsure-npv-range')).toHaveTextContent(`${en.moneyShort(mine.npvDelta.p10)} – ${en.moneyShort(mine.npvDelta.p90)}`);
    const before = screen.getByTestId('howsure-equity-range').textContent;

    // The tab takes the offer and hands the same table back: the same figures, now as the user's table.
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Uncertainty' })); });
    await screen.findByTestId('uncertainty-rows');
    expect(takeUncertaintyRows()).toEqual([]);
    expect(takeUncertaintyPairs()).toEqual([]);
    await act(async () => { fireEvent.click(screen.getByRole('tab', { name: 'Summary' })); });
    await settled('user', expected.length);
    expect(screen.getByTestId('howsure-table')).toHaveTextContent(`using your uncertainty table (${expected.length} assumptions varied, 1 rank correlations among them)`);
    expect(screen.getByTestId('howsure-equity-range').textContent).toBe(before);
  });
});

/**
 * The Summary's "how sure": after the screen opens, a short paired run of the default uncertainty
 * table on the pool (here the main-thread fallback: jsdom has no Worker) puts the engine's figures on
 * the page, each with its standard error, and no probability of the shipped example reads as certain.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen } from '@testing-library/react';
import { defaultUncertaintyRows, quantileError, runMonteCarlo, scenarioFromJson, type ScenarioJson } from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { formats } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { HOW_SURE_SEED, HOW_SURE_TRIALS } from '../../src/taskpane/screens/SummaryHowSure';
import { PANE_SERIES } from '../../src/taskpane/uncertainty/protocol';
import { shareText } from '../../src/taskpane/uncertainty/share';

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
});

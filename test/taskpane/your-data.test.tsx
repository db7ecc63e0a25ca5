/**
 * The "Your data" step of the Scenario screen, in the preview: a pasted ledger (the example CSV) gives
 * the summary, the skipped rows with row and column, the bridge, the calibrated values beside the
 * current ones and the back-test error; "Use as baseline" loads the calibrated segments into the form
 * and hands the fitted sBG parameters to the uncertainty table.
 */
import * as React from 'react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { calibrate, parseLedger } from '../../src/engine';
import { formats } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { parseCsv } from '../../src/taskpane/calibration/csv';
import { takeUncertaintyPairs, takeUncertaintyRows } from '../../src/taskpane/calibration/handoff';
import { defaultTable, reduceTable } from '../../src/taskpane/uncertainty/table';
import { scenarioFromJson, type ScenarioJson } from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';

jest.setTimeout(60_000);
configure({ defaultHidden: true });

const CSV = readFileSync(resolve(__dirname, '../../examples/ledger-saas.csv'), 'utf8');
const en = formats('en-US', 'USD');
const segmentInput = (key: string, column: number) => document.querySelectorAll<HTMLInputElement>(`[data-path^="segment:"][data-path$=":${key}"]`)[column];

describe('reading a CSV', () => {
  it('finds the separator and keeps quoted separators and quotes', () => {
    expect(parseCsv('a;b\r\n"1;5";"say ""hi"""\n')).toEqual([['a', 'b'], ['1;5', 'say "hi"']]);
    expect(parseCsv('\ufeffcustomer,month,arr\nA,2024-01,10')).toEqual([['customer', 'month', 'arr'], ['A', '2024-01', '10']]);
  });
});

describe('the Your data step', () => {
  /** The pane with the step open (the step and the charts are lazy chunks: wait for them). */
  async function openStep(): Promise<HTMLElement> {
    render(<App host={{ kind: 'preview' }} browserLocale="en-US" />);
    fireEvent.click(screen.getByRole('button', { name: 'Your data' }));
    const step = await screen.findByTestId('your-data');
    await act(async () => { await import('../../src/taskpane/charts'); });
    return step;
  }

  it('calibrates a pasted ledger, shows what it found and uses it as the baseline', async () => {
    const step = await openStep();
    fireEvent.change(within(step).getByTestId('ledger-text').querySelector('textarea') ?? within(step).getByTestId('ledger-text'), { target: { value: CSV } });
    fireEvent.click(within(step).getByRole('button', { name: 'Calibrate' }));
    await screen.findByTestId('ledger-bridge-chart');

    const ledger = parseLedger(parseCsv(CSV));
    const c = calibrate(ledger);
    expect(screen.getByTestId('ledger-summary')).toHaveTextContent(
      `${en.number(ledger.rowsRead)} rows read, ${en.number(ledger.rowsUsed)} used, ${en.number(ledger.customers.length)} customers, 36 periods (2023-01 to 2025-12), 3 segment(s).`);
    const problems = screen.getByTestId('ledger-problems');
    expect(problems).toHaveTextContent('Rows skipped: unreadable period 1, negative amount 1, amount not a number 1, no customer id 1, duplicate customer and period 1');
    const negative = CSV.split('\n').findIndex((line) => line.includes(',-1200.00,')) + 1;
    expect(problems).toHaveTextContent(`arr: row ${negative}: -1200 is below 0 (a credit or refund is not recurring revenue); the row is skipped`);
    expect(screen.getByTestId('ledger-bridge').querySelectorAll('tbody tr')).toHaveLength(12);
    const smb = c.segments[0].values;
    expect(screen.getByTestId('calibrated-SMB-customers')).toHaveTextContent(en.number(smb.customers.value, 0));
    expect(screen.getByTestId('calibrated-SMB-churn')).toHaveTextContent(en.percent(smb.churn.value, 1));
    expect(screen.getByTestId('ledger-backtest')).toHaveTextContent(/^Calibrated on the data to 2024-12 and projected with your baseline plan, the model misses the last 12 periods by \d+\.\d% on ARR/);
    expect(step).toHaveTextContent('behavioural parameters (responsiveness, elasticities, over-selling, service effects) stay assumptions with ranges');

    fireEvent.click(screen.getByTestId('use-as-baseline'));
    expect(segmentInput('customers', 0)).toHaveValue(String(smb.customers.value)); // as the form writes a count below 10,000
    expect(segmentInput('name', 2)).toHaveValue('Enterprise');
    const identified = c.segments.filter((s) => s.curveIdentified).length;
    expect(screen.getByTestId('ledger-used')).toHaveTextContent(`${2 * identified} fitted retention-curve parameter(s) were added to the uncertainty table`);
    expect(screen.getByTestId('ledger-used')).toHaveTextContent(`and ${identified} correlation(s) between a segment's α and β estimates to its correlation matrix`);
    // Each identified segment's α and β estimates are correlated (observed information): offered as a
    // rank correlation, Spearman's (6/π)·asin(r/2) of the estimates' Pearson r.
    const pairs = takeUncertaintyPairs();
    expect(pairs).toEqual(c.segments.filter((s) => s.curveIdentified).map((s) => ({
      a: `${s.name}.sbgAlpha`, b: `${s.name}.sbgBeta`, rank: (6 / Math.PI) * Math.asin(s.fit!.correlation / 2),
    })));
    for (const p of pairs) expect(Math.abs(p.rank)).toBeGreaterThan(0.1); // α and β of one fit move together
    const rows = takeUncertaintyRows();
    expect(rows).toEqual(c.segments.filter((s) => s.curveIdentified).flatMap((s) => [
      { key: 'sbgAlpha', segment: s.name, distribution: { kind: 'normal', mean: s.values.sbgAlpha.value, sd: s.values.sbgAlpha.se } },
      { key: 'sbgBeta', segment: s.name, distribution: { kind: 'normal', mean: s.values.sbgBeta.value, sd: s.values.sbgBeta.se } },
    ]));
  });

  it('names the row and column of a ledger it cannot read', async () => {
    const step = await openStep();
    fireEvent.change(within(step).getByTestId('ledger-text').querySelector('textarea') ?? within(step).getByTestId('ledger-text'), { target: { value: 'customer,month,arr\nA,2024-01,1\nA,2024-03,1\n' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Calibrate' }));
    expect(screen.getByTestId('ledger-error')).toHaveTextContent('The ledger could not be read: month: no row at all for 2024-02, between 2024-01 and 2024-03');
  });
});

describe('the uncertainty table', () => {
  it('imports fitted parameters as normal rows, replacing a row of the same key and segment', () => {
    const s = scenarioFromJson(midMarket as ScenarioJson);
    const table = defaultTable(s, 'en-US');
    const once = reduceTable(table, { type: 'import', rows: [{ key: 'sbgAlpha', segment: 'SMB', distribution: { kind: 'normal', mean: 0.29, sd: 0.11 } }] });
    const twice = reduceTable(once, { type: 'import', rows: [{ key: 'sbgAlpha', segment: 'SMB', distribution: { kind: 'normal', mean: 0.3, sd: 0.1 } }] });
    expect(once.rows).toHaveLength(table.rows.length + 1);
    expect(twice.rows).toHaveLength(table.rows.length + 1);
    expect(twice.rows[twice.rows.length - 1]).toMatchObject({ key: 'sbgAlpha', segment: 'SMB', kind: 'normal', params: { mean: '0.3', sd: '0.1' } });
  });
});

/**
 * Inside Excel the "Your data" step reads the selected range through the src/office/ledger adapter
 * (mocked here; it has its own test in test/office/ledger.test.ts) and shows its progress and result.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen } from '@testing-library/react';
import { readSelectedLedger } from '../../src/office/ledger';
import { App } from '../../src/taskpane/App';

configure({ defaultHidden: true });
jest.setTimeout(60_000);

jest.mock('../../src/office/ledger', () => ({
  readSelectedLedger: jest.fn(async (onProgress?: (done: number, total: number) => void) => {
    onProgress?.(3, 7);
    return {
      address: 'Sheet1!A1:C7',
      rows: [['customer', 'month', 'arr'], ['A', 45292, 1200], ['A', 45323, 1500], ['B', 45292, 2400], ['B', 45323, 2000], ['C', 45323, 600], ['A', 45352, 1500]],
    };
  }),
}));

it('reads the selection (Excel dates as serial numbers) and shows what it found', async () => {
  render(<App host={{ kind: 'excel', displayLanguage: 'en-US' }} />);
  fireEvent.click(screen.getByRole('button', { name: 'Your data' }));
  await screen.findByTestId('your-data');
  await act(async () => { await import('../../src/taskpane/charts'); });
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Read the selected range' })); });
  expect(readSelectedLedger).toHaveBeenCalledTimes(1);
  expect(await screen.findByTestId('ledger-summary')).toHaveTextContent('6 rows read, 6 used, 3 customers, 3 periods (2024-01 to 2024-03), 1 segment(s).');
  expect(screen.queryByTestId('ledger-text')).toBeNull();
});

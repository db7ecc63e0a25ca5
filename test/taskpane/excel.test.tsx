/**
 * Inside Excel the Workbook tab is the workbook panel wired to the src/office adapters (mocked here:
 * they are Excel.run code with their own office-addin-mock tests). The pane hands them the scenario its
 * results are for, in its language, and loads what they read back into the form.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen } from '@testing-library/react';
import { budgetNeutralPlan, scenarioFromJson, type ScenarioJson } from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import enterprise from '../../examples/enterprise-multi-year.json';
import { insertModel } from '../../src/office/workbook';
import { readScenario } from '../../src/office/read-scenario';
import { App } from '../../src/taskpane/App';

configure({ defaultHidden: true });

/**
 * A click and everything it sets off (a lazy screen loading, the mocked adapters' promises, the
 * re-renders after them), inside one act(): afterwards the DOM is what the user would see, so the test
 * reads it at once instead of polling against a clock. The lazy modules are preloaded (setup.ts).
 */
async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

jest.mock('../../src/office/workbook', () => ({
  insertModel: jest.fn(async () => ({ sheets: [{ key: 'inputs', name: 'CEQ Inputs', created: true, cells: 300, formulas: 0, syncs: 1 }], names: 90, charts: 3 })),
}));
jest.mock('../../src/office/read-scenario', () => ({
  readScenario: jest.fn(async () => ({
    scenario: jest.requireActual('../../src/engine').scenarioFromJson(jest.requireActual('../../examples/enterprise-multi-year.json')),
    found: ['churn'], defaulted: [], rejected: [], addresses: ['Sheet1!A1:D40'],
  })),
}));
jest.mock('../../src/office/comparison', () => ({ insertComparison: jest.fn(async () => 'CEQ Comparison') }));
jest.mock('../../src/office/saved-scenarios', () => ({
  workbookScenarios: jest.fn(() => ({
    list: () => ({ status: 'empty', entries: [] }),
    load: () => { throw new Error('none'); },
    save: async () => undefined,
    rename: async () => undefined,
    duplicate: async () => undefined,
    remove: async () => undefined,
    backupAndReset: async () => '',
    backups: () => [],
    restoreBackup: async () => undefined,
  })),
}));

const s = () => scenarioFromJson(midMarket as ScenarioJson);

describe('inside Excel', () => {
  beforeEach(() => jest.clearAllMocks());

  it('shows the workbook actions (not the preview note) and inserts the scenario the results are for', async () => {
    render(<App host={{ kind: 'excel', displayLanguage: 'en-US' }} />);
    expect(screen.queryByTestId('preview-note')).toBeNull();
    await click(screen.getByRole('switch', { name: 'Budget neutral' }));
    await click(screen.getByRole('tab', { name: 'Workbook' }));
    await click(screen.getByRole('button', { name: 'Insert model' }));
    expect(insertModel).toHaveBeenCalledTimes(1);
    const [inserted, options] = (insertModel as jest.Mock).mock.calls[0];
    expect(options).toEqual({ lang: 'en' });
    expect(inserted.proposed[0].values).toEqual(budgetNeutralPlan(s(), s().proposed[0].values).plan);
    expect(inserted.segments).toEqual(s().segments);
  });

  it('loads a scenario read from the workbook into the form, in Spanish Excel', async () => {
    render(<App host={{ kind: 'excel', displayLanguage: 'es-ES' }} />);
    await click(screen.getByRole('tab', { name: 'Libro' }));
    await click(screen.getByRole('button', { name: 'Leer' }));
    expect(readScenario).toHaveBeenCalledWith({ kind: 'selection' }, 'es');
    await click(screen.getByRole('tab', { name: 'Escenario' }));
    expect(screen.getByRole('textbox', { name: 'Nombre del escenario' })).toHaveValue((enterprise as ScenarioJson).name);
    expect(document.querySelector('[data-path="settings:periodsPerYear"]')).toHaveValue('4');
  });
});

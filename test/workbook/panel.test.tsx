import * as React from 'react';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { defaultScenario, type Scenario } from '../../src/engine';
import { WorkbookPanel, type WorkbookActions, type SavedEntryView } from '../../src/taskpane/workbook';

// Fluent's MessageBar observes its size; jsdom has no ResizeObserver.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function fakeActions() {
  const saved = new Map<string, { name: string; scenario: Scenario }>();
  let n = 0;
  const calls: string[] = [];
  const actions: WorkbookActions = {
    insertModel: async () => { calls.push('insert'); return { sheets: [{ name: 'CEQ Inputs', cells: 300 }], names: 90, charts: 3 }; },
    readFromSelection: async () => ({ scenario: defaultScenario(), found: ['churn'], defaulted: ['arpa'], rejected: [{ key: 'churnn', reason: 'unknown key "churnn"; did you mean "churn"?' }] }),
    saved: {
      list: () => ({ status: saved.size ? 'ok' : 'empty', entries: [...saved].map(([id, v]): SavedEntryView => ({ id, name: v.name, savedAt: '', status: 'valid' })) }),
      load: (id) => saved.get(id)!.scenario,
      save: async (name, scenario) => { saved.set(`s${++n}`, { name, scenario }); },
      rename: async (id, name) => { saved.get(id)!.name = name; },
      duplicate: async (id) => { saved.set(`s${++n}`, { ...saved.get(id)!, name: `${saved.get(id)!.name} (2)` }); },
      remove: async (id) => { saved.delete(id); },
      backupAndReset: async () => 'backup',
    },
    insertComparison: async (rows) => { calls.push(`compare:${rows.length}`); return 'CEQ Comparison'; },
  };
  return { actions, calls };
}

const ui = (props: React.ComponentProps<typeof WorkbookPanel>) => render(<FluentProvider theme={webLightTheme}><WorkbookPanel {...props} /></FluentProvider>);

describe('WorkbookPanel', () => {
  it('inserts the model and reports what a read from the selection found, defaulted and rejected', async () => {
    const { actions, calls } = fakeActions();
    const onScenario = jest.fn();
    ui({ lang: 'en', scenario: defaultScenario(), onScenario, actions });
    fireEvent.click(screen.getByRole('button', { name: 'Insert model' }));
    await waitFor(() => expect(screen.getByText(/Inserted: CEQ Inputs \(300\)/)).toBeInTheDocument());
    expect(calls).toEqual(['insert']);
    fireEvent.click(screen.getByRole('button', { name: 'Read from selection' }));
    await waitFor(() => expect(screen.getByText(/1 found, 1 defaulted, 1 rejected: .*did you mean "churn"/)).toBeInTheDocument());
    expect(onScenario).toHaveBeenCalled();
  });

  it('saves, duplicates and compares saved scenarios side by side, in Spanish', async () => {
    const { actions, calls } = fakeActions();
    ui({ lang: 'es', scenario: defaultScenario(), onScenario: jest.fn(), actions });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.getByText('Default scenario')).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: 'Duplicar' }));
    await waitFor(() => expect(screen.getByText('Default scenario (2)')).toBeInTheDocument());
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Comparar seleccionados' }));
    expect(screen.getByRole('img', { name: 'ARR por año, plan propuesto' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Insertar comparación' }));
    await waitFor(() => expect(calls).toContain('compare:2'));
  });
});

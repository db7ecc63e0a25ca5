import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cloneScenario, defaultScenario, ModelError, validateScenario, type Language, type Scenario } from '../../src/engine';
import { WorkbookPanel, type ReadReportView, type SavedEntryView, type WorkbookActions } from '../../src/taskpane/workbook';

/**
 * The workbook panel with a fake `actions` object (what src/office provides inside Excel): each test
 * clicks or types as a user would and checks what the actions received and what the panel says.
 */
// user-event types and tabs key by key: on a busy 2-core machine one test can take well over jest's default 5 s.
jest.setTimeout(30_000);

interface Stored { name: string; scenario: Scenario; status?: SavedEntryView['status']; problems?: string }

function fakeActions(o: { readScenario?: boolean; store?: 'ok' | 'corrupt'; failRename?: boolean } = {}) {
  const saved = new Map<string, Stored>();
  let n = 0;
  const calls: unknown[][] = [];
  const log = (...args: unknown[]) => calls.push(args);
  const read: ReadReportView = {
    scenario: defaultScenario(), found: ['SMB.churn'], defaulted: ['SMB.arpa'], addresses: ['Sheet1!A1:B4'],
    rejected: [{ key: 'churnn', reason: 'unknown key "churnn"; did you mean "churn"?' }],
  };
  let corrupt = o.store === 'corrupt';
  const backups: { key: string; savedAt: string; entries?: number }[] = [];
  let notice: string | undefined;
  const actions: WorkbookActions = {
    insertModel: async (s) => {
      log('insert', s.name);
      const problems = validateScenario(s);
      if (problems.length) throw new ModelError('invalid', problems);
      return { sheets: [{ name: 'CEQ Inputs', cells: 300 }, { name: 'CEQ Model', cells: 6000 }], names: 90, charts: 3 };
    },
    readFromSelection: async () => { log('readSelection'); return read; },
    ...(o.readScenario ? { readScenario: async (source) => { log('read', source); return read; } } : {}),
    saved: {
      list: () => (corrupt
        ? { status: 'corrupt', entries: [], message: 'The saved scenarios in this workbook cannot be read.' }
        : { status: saved.size ? 'ok' : 'empty', notice, entries: [...saved].map(([id, v]): SavedEntryView => ({ id, name: v.name, savedAt: '', status: v.status ?? 'valid', problems: v.problems })) }),
      load: (id) => saved.get(id)!.scenario,
      save: async (name, scenario, id) => {
        log('save', name, id);
        if (validateScenario(scenario).length) throw new Error(`not saved: ${validateScenario(scenario)[0].key} is out of range`);
        saved.set(id ?? `s${++n}`, { name, scenario });
      },
      rename: async (id, name) => {
        log('rename', id, name);
        if (o.failRename) throw new Error('the document is read-only');
        saved.get(id)!.name = name;
      },
      duplicate: async (id) => { log('duplicate', id); saved.set(`s${++n}`, { ...saved.get(id)!, name: `${saved.get(id)!.name} (2)` }); },
      remove: async (id) => { log('remove', id); saved.delete(id); },
      backupAndReset: async () => {
        log('reset');
        corrupt = false;
        backups.unshift({ key: 'ceq.savedScenarios.backup.1', savedAt: '2026-12-01T10:00:00.000Z' });
        return 'ceq.savedScenarios.backup.1';
      },
      backups: () => [...backups],
      restoreBackup: async (key) => {
        log('restore', key);
        backups.splice(backups.findIndex((b) => b.key === key), 1);
        corrupt = true;
      },
    },
    insertComparison: async (rows, options) => { log('insertComparison', rows.map((r) => r.name), options); return 'CEQ Comparison'; },
  };
  const seed = (name: string, extra: Partial<Stored> = {}) => saved.set(`s${++n}`, { name, scenario: defaultScenario(), ...extra });
  const setNotice = (text: string) => { notice = text; };
  return { actions, calls, seed, saved, setNotice };
}

function ui(actions: WorkbookActions, o: { lang?: Language; scenario?: Scenario; onScenario?: (s: Scenario) => void } = {}) {
  const onScenario = o.onScenario ?? jest.fn();
  render(<FluentProvider theme={webLightTheme}><WorkbookPanel lang={o.lang ?? 'en'} scenario={o.scenario ?? defaultScenario()} onScenario={onScenario} actions={actions} /></FluentProvider>);
  return { user: userEvent.setup(), onScenario };
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('WorkbookPanel: insert and read', () => {
  it('inserts the model and says which sheets were written', async () => {
    const { actions, calls } = fakeActions();
    const { user } = ui(actions);
    await user.click(button('Insert model'));
    expect(await screen.findByText(/Inserted: CEQ Inputs \(300\), CEQ Model \(6000\); 90 names, 3 charts/)).toBeInTheDocument();
    expect(calls).toEqual([['insert', 'Default scenario']]);
  });

  it('an invalid scenario is reported with the problem in the pane language, nothing inserted', async () => {
    const { actions } = fakeActions();
    const bad = defaultScenario();
    bad.segments[0].values.churn = 3;
    const { user } = ui(actions, { scenario: bad, lang: 'es' });
    await user.click(button('Insertar modelo'));
    expect(await screen.findByText(/churn/)).toBeInTheDocument();
    expect(screen.getByText(/churn/).textContent).toMatch(/0,95|0\.95/);
  });

  it('reads from the selection and reports keys found, defaulted and rejected, each rejection with its reason', async () => {
    const { actions, calls } = fakeActions();
    const { user, onScenario } = ui(actions);
    await user.click(button('Read from selection'));
    expect(await screen.findByText(/Sheet1!A1:B4: 1 found, 1 defaulted, 1 rejected/)).toBeInTheDocument();
    expect(screen.getByText(/Rejected churnn: unknown key "churnn"; did you mean "churn"\?/)).toBeInTheDocument();
    expect(screen.getByText(/Blank, so the default was used: SMB\.arpa/)).toBeInTheDocument();
    expect(onScenario).toHaveBeenCalledWith(expect.objectContaining({ name: 'Default scenario' }));
    expect(calls).toEqual([['readSelection']]);
  });

  it('reads from a named range or an Excel table by name, marking a missing name instead of calling Excel', async () => {
    const { actions, calls } = fakeActions({ readScenario: true });
    const { user } = ui(actions);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Read a scenario from' }), 'a named range');
    await user.click(button('Read'));
    const name = screen.getByRole('textbox', { name: 'Range name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Type the name of the range.')).toBeInTheDocument();
    expect(calls).toEqual([]);
    await user.type(name, 'MyInputs{Enter}');
    await waitFor(() => expect(calls).toEqual([['read', { kind: 'name', name: 'MyInputs' }]]));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Read a scenario from' }), 'an Excel table');
    // The name typed for the range is still there (typed text is never thrown away): replace it.
    const table = screen.getByRole('textbox', { name: 'Table name' });
    expect(table).toHaveValue('MyInputs');
    await user.clear(table);
    await user.type(table, 'Table1');
    await user.click(button('Read'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Read a scenario from' }), 'the inputs sheet');
    await user.click(button('Read'));
    await waitFor(() => expect(calls.slice(1)).toEqual([['read', { kind: 'table', name: 'Table1' }], ['read', { kind: 'inputsSheet' }]]));
  });
});

describe('WorkbookPanel: saved scenarios', () => {
  it('saves under a typed name; an empty name is marked and nothing is saved', async () => {
    const { actions, calls } = fakeActions();
    const { user } = ui(actions);
    const name = screen.getByRole('textbox', { name: /Save the current scenario as/ });
    await user.clear(name);
    await user.click(button('Save'));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('A name is needed.')).toBeInTheDocument();
    expect(calls).toEqual([]);
    await user.type(name, 'Retention push{Enter}');
    expect(await screen.findByText('Saved "Retention push"')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Saved scenarios' })).getByText('Retention push')).toBeInTheDocument();
    expect(calls).toEqual([['save', 'Retention push', undefined]]);
  });

  it('the same name offers to replace that entry; an invalid scenario is refused and the typed name kept', async () => {
    const { actions, calls, seed, saved } = fakeActions();
    seed('Plan A');
    const bad = cloneScenario(defaultScenario());
    bad.segments[0].values.churn = 3;
    const { user } = ui(actions, { scenario: bad });
    const name = screen.getByRole('textbox', { name: /Save the current scenario as/ });
    await user.clear(name);
    await user.type(name, 'plan a');
    expect(screen.getByText(/saving replaces it/)).toBeInTheDocument();
    await user.click(button('Replace'));
    expect(await screen.findByText(/not saved: churn is out of range/)).toBeInTheDocument();
    expect(calls).toEqual([['save', 'plan a', 's1']]);
    expect(name).toHaveValue('plan a');
    expect(saved.get('s1')!.name).toBe('Plan A');
  });

  it('loads a valid entry; an invalid one shows why and cannot be loaded or compared', async () => {
    const { actions, seed } = fakeActions();
    seed('Good');
    seed('Broken', { status: 'invalid', problems: 'horizonYears: 0 is below the minimum 1' });
    const { user, onScenario } = ui(actions);
    await user.click(button('Load Good'));
    expect(onScenario).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Loaded "Good"')).toBeInTheDocument();
    expect(button('Load Broken')).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Compare Broken' })).toBeDisabled();
    expect(screen.getByText('invalid')).toBeInTheDocument();
    expect(screen.getByText(/horizonYears: 0 is below the minimum 1/)).toBeInTheDocument();
  });

  it('renames with the keyboard: Enter confirms, Escape cancels, an empty or taken name is marked', async () => {
    const { actions, calls, seed } = fakeActions();
    seed('First');
    seed('Second');
    const { user } = ui(actions);
    await user.click(button('Rename First'));
    const input = screen.getByRole('textbox', { name: /New name \(First\)/ });
    expect(input).toHaveFocus();
    await user.clear(input);
    expect(screen.getByText('A name is needed.')).toBeInTheDocument();
    expect(button('OK')).toBeDisabled();
    await user.type(input, 'second');
    expect(screen.getByText('Another saved scenario has this name.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(calls).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: /New name/ })).not.toBeInTheDocument();
    await user.click(button('Rename First'));
    await user.clear(screen.getByRole('textbox', { name: /New name/ }));
    await user.keyboard('Renamed{Enter}');
    expect(await screen.findByText('Renamed to "Renamed"')).toBeInTheDocument();
    expect(calls).toEqual([['rename', 's1', 'Renamed']]);
    expect(within(screen.getByRole('list', { name: 'Saved scenarios' })).getByText('Renamed')).toBeInTheDocument();
  });

  it('a rename that fails keeps the typed name in the box and says why', async () => {
    const { actions, seed } = fakeActions({ failRename: true });
    seed('First');
    const { user } = ui(actions);
    await user.click(button('Rename First'));
    const input = screen.getByRole('textbox', { name: /New name/ });
    await user.clear(input);
    await user.type(input, 'Half-typed idea');
    await user.click(button('OK'));
    expect(await screen.findByText('the document is read-only')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /New name/ })).toHaveValue('Half-typed idea');
  });

  it('duplicates, and deletes only after confirming', async () => {
    const { actions, calls, seed } = fakeActions();
    seed('Base');
    const { user } = ui(actions);
    await user.click(button('Duplicate Base'));
    expect(await screen.findByText('Base (2)')).toBeInTheDocument();
    await user.click(button('Delete Base (2)'));
    expect(screen.getByRole('alert')).toHaveTextContent('Delete "Base (2)"?');
    await user.click(button('Cancel'));
    expect(screen.getByText('Base (2)')).toBeInTheDocument();
    await user.click(button('Delete Base (2)'));
    expect(button('Yes, delete')).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText('Base (2)')).not.toBeInTheDocument());
    expect(calls).toEqual([['duplicate', 's1'], ['remove', 's2']]);
  });

  it('compares several side by side (table and chart) and inserts the comparison in the pane language', async () => {
    const { actions, calls, seed } = fakeActions();
    const other = defaultScenario();
    other.proposed[0].values.commissionNew = 0.05;
    seed('Default');
    seed('Lower new-deal pay', { scenario: other });
    const { user } = ui(actions, { lang: 'es' });
    expect(button('Comparar seleccionados')).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Comparar Default' }));
    await user.click(screen.getByRole('checkbox', { name: 'Comparar Lower new-deal pay' }));
    await user.click(button('Comparar seleccionados'));
    const table = screen.getByRole('table', { name: 'Comparación de escenarios guardados' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('Lower new-deal pay')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Δ valor del cliente' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'ARR por año, plan propuesto' })).toBeInTheDocument();
    await user.click(button('Insertar comparación'));
    expect(await screen.findByText('Insertado: CEQ Comparison')).toBeInTheDocument();
    expect(calls).toEqual([['insertComparison', ['Default', 'Lower new-deal pay'], { lang: 'es' }]]);
  });

  it('with corrupt saved data: says so, refuses changes, and offers to back it up and start again', async () => {
    const { actions, calls } = fakeActions({ store: 'corrupt' });
    const { user } = ui(actions);
    expect(screen.getByText(/cannot be read/)).toBeInTheDocument();
    expect(button('Save')).toBeDisabled();
    await user.click(button('Back up and reset'));
    expect(await screen.findByText(/kept under ceq\.savedScenarios\.backup\.1/)).toBeInTheDocument();
    expect(calls).toEqual([['reset']]);
    expect(button('Save')).toBeEnabled();
    // The backup is listed, and restoring it puts the old data back (here: corrupt again).
    const backups = screen.getByRole('region', { name: 'Backups of the saved list' });
    expect(within(backups).getByText(/unreadable|cannot be read/)).toBeInTheDocument();
    await user.click(within(backups).getByRole('button', { name: /^Restore: Backup of / }));
    expect(await screen.findByText('Restored the backup; the list it replaced is kept as a backup.')).toBeInTheDocument();
    expect(calls).toEqual([['reset'], ['restore', 'ceq.savedScenarios.backup.1']]);
    expect(screen.queryByRole('region', { name: 'Backups of the saved list' })).toBeNull();
    expect(button('Save')).toBeDisabled();
  });

  it('a corrupt entry is marked, says why and can only be deleted; the reader\'s notice is shown and changes still work', async () => {
    const { actions, calls, seed, setNotice } = fakeActions();
    seed('Fine');
    seed('', { status: 'corrupt', problems: 'this entry holds no readable scenario; it is kept as it is and can only be deleted' });
    setNotice('1 saved entry cannot be read; it is kept as it is, marked "corrupt".');
    const { user } = ui(actions);
    expect(screen.getByText(/1 saved entry cannot be read/)).toBeInTheDocument();
    expect(screen.getByText('corrupt')).toBeInTheDocument();
    expect(screen.getByText(/holds no readable scenario/)).toBeInTheDocument();
    expect(button('Load (no name)')).toBeDisabled();
    expect(button('Rename (no name)')).toBeDisabled();
    expect(button('Duplicate (no name)')).toBeDisabled();
    expect(button('Save')).toBeEnabled();
    await user.click(button('Delete (no name)'));
    await user.click(button('Yes, delete'));
    expect(calls).toEqual([['remove', 's2']]);
    expect(button('Load Fine')).toBeEnabled();
  });

  it('switching the pane to Spanish (a new store in Spanish) shows the store in Spanish', () => {
    const en = fakeActions({ store: 'corrupt' }).actions;
    const es = fakeActions({ store: 'corrupt' }).actions;
    es.saved.list = () => ({ status: 'corrupt', entries: [], message: 'Los escenarios guardados en este libro no se pueden leer.' });
    const view = (lang: Language, actions: WorkbookActions) =>
      <FluentProvider theme={webLightTheme}><WorkbookPanel lang={lang} scenario={defaultScenario()} onScenario={jest.fn()} actions={actions} /></FluentProvider>;
    const { rerender } = render(view('en', en));
    expect(screen.getByText(/cannot be read/)).toBeInTheDocument();
    rerender(view('es', es));
    expect(screen.getByText(/no se pueden leer/)).toBeInTheDocument();
    expect(button('Copia y reinicio')).toBeInTheDocument();
  });

  it('every action is reachable with the Tab key, in reading order', async () => {
    const { actions, seed } = fakeActions({ readScenario: true });
    seed('Only');
    const { user } = ui(actions);
    const reached: string[] = [];
    for (let i = 0; i < 14; i++) {
      await user.tab();
      const el = document.activeElement as HTMLElement;
      reached.push(el.getAttribute('aria-label') ?? el.textContent ?? el.tagName);
    }
    const order = ['Insert model', 'Read', 'Load Only', 'Rename Only', 'Duplicate Only', 'Delete Only'];
    const at = order.map((name) => reached.indexOf(name));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

import * as React from 'react';
import {
  Button, Checkbox, Input, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@fluentui/react-components';
import type { Language, Scenario } from '../../engine';
import { summariseScenarios, type ScenarioSummaryRow } from '../../workbook';
import { ComparisonChart } from './ComparisonChart';

/**
 * Workbook actions of the task pane, shown only inside Excel. Every Office call comes in through
 * `actions` (src/office adapters), so this component renders and tests without Office.
 *
 * Wiring (in the pane that owns the Excel-only slot):
 *   import { insertModel } from '../office/workbook';
 *   import { readScenario } from '../office/read-scenario';
 *   import { workbookScenarios } from '../office/saved-scenarios';
 *   import { insertComparison } from '../office/comparison';
 *   <WorkbookPanel lang={lang} scenario={scenario} onScenario={setScenario} actions={{
 *     insertModel: (s) => insertModel(s, { lang, functionNames }),
 *     readFromSelection: () => readScenario({ kind: 'selection' }, lang),
 *     saved: workbookScenarios(lang),
 *     insertComparison,
 *   }} />
 */
export interface SavedEntryView {
  id: string;
  name: string;
  savedAt: string;
  status: 'valid' | 'invalid' | 'newer';
  problems?: string;
}

export interface SavedStoreView {
  list(): { status: 'empty' | 'ok' | 'migrated' | 'corrupt' | 'newer'; entries: SavedEntryView[]; message?: string };
  load(id: string): Scenario;
  save(name: string, scenario: Scenario, id?: string): Promise<unknown>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<unknown>;
  remove(id: string): Promise<void>;
  backupAndReset(): Promise<string>;
}

export interface WorkbookActions {
  insertModel(s: Scenario): Promise<{ sheets: { name: string; cells: number }[]; names: number; charts: number }>;
  readFromSelection(): Promise<{ scenario?: Scenario; found: string[]; defaulted: string[]; rejected: { key: string; reason: string }[]; addresses?: string[] }>;
  saved: SavedStoreView;
  insertComparison(rows: readonly ScenarioSummaryRow[]): Promise<string>;
}

export interface WorkbookPanelProps {
  lang: Language;
  /** The scenario the pane is editing. */
  scenario: Scenario;
  /** Called with a scenario read from the workbook or loaded from the saved list. */
  onScenario(s: Scenario): void;
  actions: WorkbookActions;
}

const T = {
  insert: { en: 'Insert model', es: 'Insertar modelo' },
  read: { en: 'Read from selection', es: 'Leer de la selección' },
  saved: { en: 'Saved scenarios', es: 'Escenarios guardados' },
  saveAs: { en: 'Save current as', es: 'Guardar el actual como' },
  save: { en: 'Save', es: 'Guardar' },
  load: { en: 'Load', es: 'Cargar' },
  rename: { en: 'Rename', es: 'Renombrar' },
  duplicate: { en: 'Duplicate', es: 'Duplicar' },
  remove: { en: 'Delete', es: 'Eliminar' },
  reset: { en: 'Back up and reset', es: 'Copia y reinicio' },
  compare: { en: 'Compare selected', es: 'Comparar seleccionados' },
  insertComparison: { en: 'Insert comparison', es: 'Insertar comparación' },
  none: { en: 'No saved scenarios yet.', es: 'Aún no hay escenarios guardados.' },
  found: { en: 'found', es: 'leídas' },
  defaulted: { en: 'defaulted', es: 'por defecto' },
  rejected: { en: 'rejected', es: 'rechazadas' },
  inserted: { en: 'Inserted', es: 'Insertado' },
  name: { en: 'Scenario', es: 'Escenario' },
  ce: { en: 'Δ customer equity', es: 'Δ valor del cliente' },
  npv: { en: 'NPV of change', es: 'VAN del cambio' },
  tenure: { en: 'NPV in tenure', es: 'VAN en el mandato' },
  breakeven: { en: 'Break-even', es: 'Equilibrio' },
  never: { en: 'never', es: 'nunca' },
  chart: { en: 'ARR by year, proposed plan', es: 'ARR por año, plan propuesto' },
};

const money = (lang: Language) => new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 0 });

export function WorkbookPanel({ lang, scenario, onScenario, actions }: WorkbookPanelProps): React.ReactElement {
  const tr = (k: keyof typeof T) => T[k][lang];
  const [message, setMessage] = React.useState<{ intent: 'success' | 'warning' | 'error' | 'info'; text: string }>();
  const [busy, setBusy] = React.useState(false);
  const [store, setStore] = React.useState(() => actions.saved.list());
  const [newName, setNewName] = React.useState(scenario.name);
  const [renaming, setRenaming] = React.useState<{ id: string; name: string }>();
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [comparison, setComparison] = React.useState<ScenarioSummaryRow[]>();
  const refresh = () => setStore(actions.saved.list());

  const act = async (fn: () => Promise<string | void>) => {
    setBusy(true);
    try {
      const text = await fn();
      if (text) setMessage({ intent: 'success', text });
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const insert = () => act(async () => {
    const r = await actions.insertModel(scenario);
    return `${tr('inserted')}: ${r.sheets.map((s) => `${s.name} (${s.cells})`).join(', ')}`;
  });

  const read = () => act(async () => {
    const r = await actions.readFromSelection();
    const text = `${r.found.length} ${tr('found')}, ${r.defaulted.length} ${tr('defaulted')}, ${r.rejected.length} ${tr('rejected')}` +
      (r.rejected.length ? `: ${r.rejected.map((x) => x.reason).join('; ')}` : '');
    if (r.scenario) onScenario(r.scenario);
    setMessage({ intent: r.rejected.length ? 'warning' : 'success', text });
  });

  const compare = () => {
    try {
      const items = store.entries.filter((e) => selected.has(e.id) && e.status === 'valid')
        .map((e) => ({ name: e.name, scenario: actions.saved.load(e.id) }));
      setComparison(summariseScenarios(items));
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  const fmt = money(lang);

  return (
    <section aria-label={tr('saved')} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" disabled={busy} onClick={insert}>{tr('insert')}</Button>
        <Button disabled={busy} onClick={read}>{tr('read')}</Button>
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      <h3 style={{ margin: '8px 0 0' }}>{tr('saved')}</h3>
      {store.message && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {store.message}{' '}
            <Button size="small" onClick={() => act(async () => { await actions.saved.backupAndReset(); })}>{tr('reset')}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Input aria-label={tr('saveAs')} value={newName} onChange={(_, d) => setNewName(d.value)} />
        <Button disabled={busy || !newName.trim()} onClick={() => act(async () => { await actions.saved.save(newName.trim(), scenario); })}>{tr('save')}</Button>
      </div>
      {store.entries.length === 0 && !store.message && <p>{tr('none')}</p>}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {store.entries.map((e) => (
          <li key={e.id} style={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
            <Checkbox
              aria-label={e.name}
              checked={selected.has(e.id)}
              disabled={e.status !== 'valid'}
              onChange={(_, d) => setSelected((s) => {
                const next = new Set(s);
                if (d.checked) next.add(e.id);
                else next.delete(e.id);
                return next;
              })}
            />
            {renaming?.id === e.id ? (
              <Input aria-label={tr('rename')} value={renaming.name} onChange={(_, d) => setRenaming({ id: e.id, name: d.value })}
                onKeyDown={(k) => {
                  if (k.key === 'Enter' && renaming.name.trim()) act(async () => { await actions.saved.rename(e.id, renaming.name.trim()); setRenaming(undefined); });
                  if (k.key === 'Escape') setRenaming(undefined);
                }} />
            ) : (
              <span title={e.problems} style={{ flex: 1, color: e.status === 'valid' ? undefined : '#A4262C' }}>{e.name}</span>
            )}
            <Button size="small" disabled={busy || e.status !== 'valid'} onClick={() => act(async () => { onScenario(actions.saved.load(e.id)); })}>{tr('load')}</Button>
            <Button size="small" disabled={busy} onClick={() => setRenaming({ id: e.id, name: e.name })}>{tr('rename')}</Button>
            <Button size="small" disabled={busy || e.status !== 'valid'} onClick={() => act(async () => { await actions.saved.duplicate(e.id); })}>{tr('duplicate')}</Button>
            <Button size="small" disabled={busy} onClick={() => act(async () => { await actions.saved.remove(e.id); })}>{tr('remove')}</Button>
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button disabled={selected.size < 1} onClick={compare}>{tr('compare')}</Button>
        {comparison && (
          <Button disabled={busy} onClick={() => act(async () => `${tr('inserted')}: ${await actions.insertComparison(comparison)}`)}>{tr('insertComparison')}</Button>
        )}
      </div>
      {comparison && (
        <>
          <Table size="small" aria-label={tr('compare')}>
            <TableHeader>
              <TableRow>
                {(['name', 'ce', 'npv', 'tenure', 'breakeven'] as const).map((k) => <TableHeaderCell key={k}>{tr(k)}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {comparison.map((r) => (
                <TableRow key={r.name}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{fmt.format(r.customerEquityDelta)}</TableCell>
                  <TableCell>{fmt.format(r.npvDelta)}</TableCell>
                  <TableCell>{fmt.format(r.tenureNpvDelta)}</TableCell>
                  <TableCell>{r.breakevenPeriod ?? tr('never')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ComparisonChart rows={comparison} title={tr('chart')} />
        </>
      )}
    </section>
  );
}

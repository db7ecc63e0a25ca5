import * as React from 'react';
import {
  Badge, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select,
} from '@fluentui/react-components';
import { describeProblems, ModelError, type Language, type Scenario } from '../../engine';
import { summariseScenarios, type ScenarioSummaryRow } from '../../workbook';
import type { SavedEntryView, ScenarioSourceView, WorkbookActions } from './actions';
import { SavedBackups } from './SavedBackups';
import { SavedComparison } from './SavedComparison';
import { T, type TextKey } from './texts';

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
 *     insertModel: (s) => insertModel(s, { lang }),
 *     readFromSelection: () => readScenario({ kind: 'selection' }, lang),
 *     readScenario: (source) => readScenario(source, lang),        // optional: named range, table, inputs sheet
 *     saved: workbookScenarios(lang),
 *     insertComparison,                                              // called with (rows, { lang })
 *   }} />
 */
export type { ReadReportView, SavedEntryView, SavedStoreView, ScenarioSourceView, WorkbookActions } from './actions';

export interface WorkbookPanelProps {
  lang: Language;
  /** The scenario the pane is editing. */
  scenario: Scenario;
  /** Called with a scenario read from the workbook or loaded from the saved list. */
  onScenario(s: Scenario): void;
  actions: WorkbookActions;
}

type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string; details?: string[] };


/** The text of any failure: the engine's problems in the pane's language, else the error's own message. */
function errorText(e: unknown, lang: Language): string {
  if (e instanceof ModelError) return describeProblems(e.problems, lang);
  return e instanceof Error ? e.message : String(e);
}

export function WorkbookPanel({ lang, scenario, onScenario, actions }: WorkbookPanelProps): React.ReactElement {
  const tr = (k: TextKey) => T[k][lang];
  const [message, setMessage] = React.useState<Message>();
  const [busy, setBusy] = React.useState(false);
  const [store, setStore] = React.useState(() => actions.saved.list());
  const [backups, setBackups] = React.useState(() => actions.saved.backups());
  const [saveName, setSaveName] = React.useState(scenario.name);
  const [saveTouched, setSaveTouched] = React.useState(false);
  const [renaming, setRenaming] = React.useState<{ id: string; name: string }>();
  const [deleting, setDeleting] = React.useState<string>();
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [comparison, setComparison] = React.useState<ScenarioSummaryRow[]>();
  const [source, setSource] = React.useState<ScenarioSourceView['kind']>('selection');
  const [sourceName, setSourceName] = React.useState('');
  const [sourceTouched, setSourceTouched] = React.useState(false);
  const refresh = () => {
    setStore(actions.saved.list());
    setBackups(actions.saved.backups());
  };
  // A new store (the pane switched language, or reconnected) is read again: its messages follow.
  React.useEffect(refresh, [actions.saved]);
  // Keyboard users land on the confirmation they just asked for.
  const confirmDelete = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (deleting) confirmDelete.current?.focus();
  }, [deleting]);

  /** Runs an action; its failure is shown and nothing typed is cleared (callers clear on success only). */
  const act = async (fn: () => Promise<Message | string | void>): Promise<boolean> => {
    setBusy(true);
    try {
      const out = await fn();
      if (typeof out === 'string') setMessage({ intent: 'success', text: out });
      else if (out) setMessage(out);
      return true;
    } catch (e) {
      setMessage({ intent: 'error', text: errorText(e, lang) });
      return false;
    } finally {
      setBusy(false);
      refresh();
    }
  };

  // ── Reading and inserting ──────────────────────────────────────────────────────────────────────
  const needsName = source === 'name' || source === 'table';
  const sourceNameError = needsName && sourceTouched && !sourceName.trim() ? tr(source === 'name' ? 'nameNeeded' : 'tableNeeded') : undefined;
  const insert = () => act(async () => {
    const r = await actions.insertModel(scenario);
    return `${tr('inserted')}: ${r.sheets.map((s) => `${s.name} (${s.cells})`).join(', ')}; ${r.names} ${tr('names')}, ${r.charts} ${tr('charts')}`;
  });
  const read = () => {
    if (needsName && !sourceName.trim()) {
      setSourceTouched(true);
      return;
    }
    const from: ScenarioSourceView = source === 'name' || source === 'table' ? { kind: source, name: sourceName.trim() } : { kind: source };
    return act(async () => {
      const r = from.kind === 'selection' || !actions.readScenario ? await actions.readFromSelection() : await actions.readScenario(from);
      if (r.scenario) onScenario(r.scenario);
      const text = `${r.addresses?.length ? `${r.addresses.join(', ')}: ` : ''}${r.found.length} ${tr('found')}, ${r.defaulted.length} ${tr('defaulted')}, ${r.rejected.length} ${tr('rejected')}.`
        + (r.scenario ? '' : ` ${tr('notLoaded')}`);
      const details = [
        ...r.rejected.map((x) => `${tr('rejectedOne')} ${x.key}: ${x.reason}`),
        ...(r.defaulted.length ? [`${tr('defaultedList')}: ${r.defaulted.join(', ')}`] : []),
      ];
      return { intent: r.rejected.length || !r.scenario ? 'warning' : 'success', text, details };
    });
  };

  // ── Saved scenarios ────────────────────────────────────────────────────────────────────────────
  // A corrupt entry is never replaced by name (it may only be deleted): saving under its name adds an entry.
  const byName = (name: string, except?: string) => store.entries.find((e) => e.id !== except && e.status !== 'corrupt'
    && e.name.trim().toLowerCase() === name.trim().toLowerCase());
  const replacing = saveName.trim() ? byName(saveName) : undefined;
  const saveError = saveTouched && !saveName.trim() ? tr('nameRequired')
    : replacing?.status === 'newer' ? tr('cannotReplaceNewer') : undefined;
  const save = () => {
    setSaveTouched(true);
    if (!saveName.trim() || replacing?.status === 'newer') return;
    return act(async () => {
      await actions.saved.save(saveName.trim(), scenario, replacing?.id);
      return `${tr(replacing ? 'replaced' : 'savedAs')} "${saveName.trim()}"`;
    });
  };
  const renameError = renaming && (!renaming.name.trim() ? tr('nameRequired') : byName(renaming.name, renaming.id) ? tr('nameTaken') : undefined);
  const rename = () => {
    if (!renaming || renameError) return;
    const { id, name } = renaming;
    return act(async () => {
      await actions.saved.rename(id, name.trim());
      setRenaming(undefined);
      return `${tr('renamedTo')} "${name.trim()}"`;
    });
  };
  const remove = (id: string, name: string) => act(async () => {
    await actions.saved.remove(id);
    setDeleting(undefined);
    setSelected((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
    return `${tr('deleted')} "${name}"`;
  });
  const compare = () => {
    try {
      const items = store.entries.filter((e) => selected.has(e.id) && e.status === 'valid')
        .map((e) => ({ name: e.name, scenario: actions.saved.load(e.id) }));
      setComparison(summariseScenarios(items));
      setMessage(undefined);
    } catch (e) {
      setMessage({ intent: 'error', text: errorText(e, lang) });
    }
  };
  const statusText = (e: SavedEntryView) => (e.status === 'valid' ? undefined : tr(e.status));
  const shown = (e: SavedEntryView) => e.name || tr('unnamed');
  const locked = (e: SavedEntryView) => e.status === 'newer' || e.status === 'corrupt';

  return (
    <section aria-label={tr('workbook')} aria-busy={busy} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}>
        <Button appearance="primary" disabled={busy} onClick={insert}>{tr('insert')}</Button>
      </div>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}>
        {actions.readScenario && (
          <Field label={tr('readFrom')}>
            <Select value={source} onChange={(_, d) => setSource(d.value as ScenarioSourceView['kind'])}>
              <option value="selection">{tr('selection')}</option>
              <option value="name">{tr('namedRange')}</option>
              <option value="table">{tr('table')}</option>
              <option value="inputsSheet">{tr('inputsSheet')}</option>
            </Select>
          </Field>
        )}
        {needsName && (
          <Field label={tr(source === 'name' ? 'rangeName' : 'tableName')} validationState={sourceNameError ? 'error' : 'none'} validationMessage={sourceNameError}>
            <Input value={sourceName} onChange={(_, d) => setSourceName(d.value)} onBlur={() => setSourceTouched(true)}
              onKeyDown={(k) => { if (k.key === 'Enter') read(); }} />
          </Field>
        )}
        <Button disabled={busy} onClick={read}>{actions.readScenario ? tr('read') : tr('readSelection')}</Button>
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>
            {message.text}
            {message.details && message.details.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 16 }}>{message.details.map((d) => <li key={d}>{d}</li>)}</ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <h3 style={{ margin: '8px 0 0' }}>{tr('saved')}</h3>
      {store.message && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {store.message}{' '}
            <Button size="small" disabled={busy} onClick={() => act(async () => `${tr('backedUp')} ${await actions.saved.backupAndReset()}`)}>{tr('reset')}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {store.notice && <MessageBar intent="info"><MessageBarBody>{store.notice}</MessageBarBody></MessageBar>}
      <div style={{ display: 'flex', gap: 8, alignItems: 'start' }}>
        <Field label={tr('saveAs')} validationState={saveError ? 'error' : replacing ? 'warning' : 'none'}
          validationMessage={saveError ?? (replacing ? tr('willReplace') : undefined)} style={{ flex: 1 }}>
          <Input value={saveName} onChange={(_, d) => setSaveName(d.value)} onBlur={() => setSaveTouched(true)}
            onKeyDown={(k) => { if (k.key === 'Enter') save(); }} />
        </Field>
        <Button style={{ marginTop: 22 }} disabled={busy || !!store.message} onClick={save}>{tr(replacing ? 'replace' : 'save')}</Button>
      </div>
      {store.entries.length === 0 && !store.message && <p>{tr('none')}</p>}
      <ul aria-label={tr('saved')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 4 }}>
        {store.entries.map((e) => (
          <li key={e.id} style={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
            <Checkbox
              aria-label={`${tr('select')} ${shown(e)}`}
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
              <>
                <Field label={`${tr('newName')} (${e.name})`} validationState={renameError ? 'error' : 'none'} validationMessage={renameError} style={{ flex: 1 }}>
                  <Input autoFocus value={renaming.name} onChange={(_, d) => setRenaming({ id: e.id, name: d.value })}
                    onKeyDown={(k) => {
                      if (k.key === 'Enter') rename();
                      if (k.key === 'Escape') setRenaming(undefined);
                    }} />
                </Field>
                <Button size="small" disabled={busy || !!renameError} onClick={rename}>{tr('ok')}</Button>
                <Button size="small" onClick={() => setRenaming(undefined)}>{tr('cancel')}</Button>
              </>
            ) : (
              <span style={{ flex: 1 }}>
                {shown(e)}{' '}
                {statusText(e) && <Badge color={e.status === 'newer' ? 'warning' : 'danger'} appearance="tint">{statusText(e)}</Badge>}
                {e.problems && <span style={{ display: 'block', fontSize: 12, color: '#A4262C' }}>{e.problems}</span>}
              </span>
            )}
            {deleting === e.id ? (
              <>
                <span role="alert">{tr('confirmDelete')} "{shown(e)}"?</span>
                <Button ref={confirmDelete} size="small" appearance="primary" disabled={busy} onClick={() => remove(e.id, shown(e))}>{tr('yesDelete')}</Button>
                <Button size="small" onClick={() => setDeleting(undefined)}>{tr('cancel')}</Button>
              </>
            ) : renaming?.id !== e.id && (
              <>
                <Button size="small" aria-label={`${tr('load')} ${shown(e)}`} disabled={busy || e.status !== 'valid'}
                  onClick={() => act(async () => { onScenario(actions.saved.load(e.id)); return `${tr('loaded')} "${shown(e)}"${e.modelChanged ? `. ${tr('modelChanged')}` : ''}`; })}>{tr('load')}</Button>
                <Button size="small" aria-label={`${tr('rename')} ${shown(e)}`} disabled={busy || locked(e) || !!store.message}
                  onClick={() => setRenaming({ id: e.id, name: e.name })}>{tr('rename')}</Button>
                <Button size="small" aria-label={`${tr('duplicate')} ${shown(e)}`} disabled={busy || locked(e) || !!store.message}
                  onClick={() => act(async () => { await actions.saved.duplicate(e.id); return `${tr('duplicated')} "${shown(e)}"`; })}>{tr('duplicate')}</Button>
                <Button size="small" aria-label={`${tr('remove')} ${shown(e)}`} disabled={busy || !!store.message}
                  onClick={() => setDeleting(e.id)}>{tr('remove')}</Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <SavedBackups lang={lang} backups={backups} busy={busy}
        onRestore={(key) => act(async () => { await actions.saved.restoreBackup(key); return tr('restored'); })} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button disabled={busy || selected.size < 1} onClick={compare}>{tr('compare')}</Button>
        {comparison && (
          <Button disabled={busy} onClick={() => act(async () => `${tr('inserted')}: ${await actions.insertComparison(comparison, { lang })}`)}>{tr('insertComparison')}</Button>
        )}
      </div>
      {comparison && <SavedComparison lang={lang} rows={comparison} />}
    </section>
  );
}

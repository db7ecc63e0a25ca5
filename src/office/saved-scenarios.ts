/**
 * Saved scenarios, stored inside the workbook in Office.context.document.settings.
 *
 * Why settings and not a custom XML part: a few kilobytes per scenario as JSON, read synchronously,
 * saved with the document on every Excel (desktop, Mac, web) from requirement set 1.1, and no XML
 * namespace bookkeeping. A custom XML part would only pay off for much larger data; settings hold
 * about 2 MB per document, hundreds of scenarios.
 *
 * Layout under one key: { schemaVersion, items: [{ id, name, savedAt, scenario: ScenarioJson }] }.
 * Older layouts are migrated when read (and written back only on the next change). Damage stays with
 * the entry it is in (saved-items.ts): a corrupt entry is listed as corrupt and written back as it is,
 * every other entry stays listed and loadable, ids are unique (repeats re-keyed and said so). Only a
 * list that cannot be read at all, or one from a newer version of the add-in, refuses every change until
 * the user chooses backupAndReset(), which moves the raw data aside under a backup key that backups()
 * lists and restoreBackup() puts back. A scenario is validated by the engine before it is written, so
 * an invalid one never replaces a valid one.
 */
import {
  describeProblems, ModelError, modelChangedSince, scenarioFromJson, scenarioToJson, SCENARIO_SCHEMA_VERSION,
  type Language, type Scenario,
} from '../engine';
import { BackupShelf, type BackupInfo } from './saved-backups';
import { CORRUPT_WHY, newId, readItems, type ReadItem, type StoredItem } from './saved-items';
import { persist, StoreError, type SettingsPort } from './settings-port';

export type { StoredItem } from './saved-items';
export type { BackupInfo } from './saved-backups';
export { StoreError, type SettingsPort } from './settings-port';

export const STORE_KEY = 'ceq.savedScenarios';
export const STORE_VERSION = 1;
/** Document settings hold about 2 MB per add-in: refuse a change that would take the list past this. */
export const MAX_STORE_CHARS = 1_800_000;

export type StoreStatus = 'empty' | 'ok' | 'migrated' | 'corrupt' | 'newer';

export interface SavedEntry {
  id: string;
  name: string;
  savedAt: string;
  /**
   * valid: loads; invalid: fails validation (kept untouched); newer: saved by a newer add-in;
   * corrupt: not a readable saved scenario at all (kept untouched, may only be deleted).
   */
  status: 'valid' | 'invalid' | 'newer' | 'corrupt';
  problems?: string;
  /** Saved under model version 1: it loads with model 2's new assumptions at their defaults, and its figures change. */
  modelChanged?: boolean;
}

export interface StoreState {
  status: StoreStatus;
  /** The version found in the document (before migration). */
  version?: number;
  entries: SavedEntry[];
  /** Why the list as a whole cannot be changed (corrupt or newer): changes are refused until reset. */
  message?: string;
  /** What the reader found and fixed or set aside (re-keyed ids, corrupt entries); changes still work. */
  notice?: string;
}

/** Migrations from each older layout to the next, by the version they start from. */
const MIGRATIONS: Record<number, (raw: unknown) => unknown> = {
  // Version 0: a bare array of { name, scenario } (the layout of early previews). Items that are not
  // objects are carried over as they are: the reader lists them as corrupt.
  0: (raw) => ({
    schemaVersion: 1,
    items: (raw as unknown[]).map((x, i) => (x !== null && typeof x === 'object' && !Array.isArray(x)
      ? { id: `s${i + 1}`, savedAt: new Date(0).toISOString(), ...(x as object) }
      : x)),
  }),
};

function versionOf(raw: unknown): number | undefined {
  if (Array.isArray(raw)) return 0;
  if (raw && typeof raw === 'object') {
    const v = (raw as { schemaVersion?: unknown }).schemaVersion;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  }
  return undefined;
}

const itemsOf = (x: unknown): unknown[] | undefined => {
  const items = x && typeof x === 'object' ? (x as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items : undefined;
};

const TEXT = {
  corrupt: { en: 'The saved scenarios in this workbook cannot be read; they are kept as they are. Use "Back up and reset" to start a new list.', es: 'Los escenarios guardados en este libro no se pueden leer; se conservan tal cual. Use "Copia y reinicio" para empezar una lista nueva.' },
  newer: { en: 'The saved scenarios were written by a newer version of the add-in; they are kept as they are. Update the add-in to change them.', es: 'Los escenarios guardados los escribió una versión más reciente del complemento; se conservan tal cual. Actualice el complemento para cambiarlos.' },
  notFound: { en: 'No saved scenario with that id.', es: 'No hay ningún escenario guardado con ese id.' },
  newerItem: { en: 'saved by a newer version of the add-in', es: 'guardado por una versión más reciente del complemento' },
  newerItemChange: { en: 'This scenario was saved by a newer version of the add-in; it is kept as it is. Update the add-in to change it.',
    es: 'Este escenario lo guardó una versión más reciente del complemento; se conserva tal cual. Actualice el complemento para cambiarlo.' },
  corruptItemChange: { en: 'This entry cannot be read; it is kept as it is and can only be deleted.',
    es: 'Esta entrada no se puede leer; se conserva tal cual y solo se puede eliminar.' },
  rekeyed: { en: (n: number) => `${n} saved ${n === 1 ? 'entry had' : 'entries had'} a missing or repeated id and ${n === 1 ? 'was' : 'were'} given a new one.`,
    es: (n: number) => `${n} ${n === 1 ? 'entrada guardada tenía' : 'entradas guardadas tenían'} un id ausente o repetido y ${n === 1 ? 'recibió uno nuevo' : 'recibieron uno nuevo'}.` },
  corruptItems: { en: (n: number) => `${n} saved ${n === 1 ? 'entry cannot' : 'entries cannot'} be read; ${n === 1 ? 'it is' : 'they are'} kept as ${n === 1 ? 'it is' : 'they are'}, marked "corrupt".`,
    es: (n: number) => `${n} ${n === 1 ? 'entrada guardada no se puede leer; se conserva' : 'entradas guardadas no se pueden leer; se conservan'} tal cual, con la marca «dañado».` },
  noName: { en: 'Give the scenario a name.', es: 'Dé un nombre al escenario.' },
  tooLarge: { en: 'The saved scenarios would exceed the space a workbook gives add-ins (about 2 MB); delete some first.',
    es: 'Los escenarios guardados superarían el espacio que un libro da a los complementos (unos 2 MB); elimine alguno antes.' },
};

const isNewer = (i: ReadItem) => typeof i.scenario?.schemaVersion === 'number' && i.scenario.schemaVersion > SCENARIO_SCHEMA_VERSION;

export class SavedScenarios {
  private readonly shelf: BackupShelf;
  constructor(private readonly settings: SettingsPort, private readonly lang: Language = 'en') {
    this.shelf = new BackupShelf(settings, STORE_KEY, lang);
  }

  /** Reads the store without changing it. */
  inspect(): StoreState & { items: ReadItem[] } {
    const corrupt = (version?: number) => ({ status: 'corrupt' as const, version, entries: [], items: [], message: TEXT.corrupt[this.lang] });
    let raw = this.settings.get(STORE_KEY);
    if (raw === null || raw === undefined) return { status: 'empty', entries: [], items: [] };
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch {
        return corrupt();
      }
    }
    const version = versionOf(raw);
    if (version === undefined) return corrupt();
    if (version > STORE_VERSION) return { status: 'newer', version, entries: [], items: [], message: TEXT.newer[this.lang] };
    let data = raw;
    for (let v = version; v < STORE_VERSION; v++) data = MIGRATIONS[v](data);
    const rawItems = itemsOf(data);
    if (!rawItems) return corrupt(version);
    const { items, rekeyed } = readItems(rawItems);
    const entries = items.map((i) => this.entryOf(i));
    const broken = entries.filter((e) => e.status === 'corrupt').length;
    const notice = [rekeyed ? TEXT.rekeyed[this.lang](rekeyed) : '', broken ? TEXT.corruptItems[this.lang](broken) : ''].filter(Boolean).join(' ');
    return { status: version < STORE_VERSION ? 'migrated' : 'ok', version, items, entries, ...(notice ? { notice } : {}) };
  }

  list(): StoreState {
    const { items: _items, ...state } = this.inspect();
    void _items;
    return state;
  }

  load(id: string): Scenario {
    const item = this.find(this.inspect().items, id);
    if (item.corrupt || !item.scenario) throw new StoreError('corrupt', TEXT.corruptItemChange[this.lang]);
    return scenarioFromJson(item.scenario);
  }

  /** Validates first; then adds a new entry, or replaces the one with the same id when `id` is given. */
  async save(name: string, scenario: Scenario, id?: string): Promise<SavedEntry> {
    name = this.checkName(name);
    const json = scenarioToJson({ ...scenario, name });
    try {
      scenarioFromJson(json);
    } catch (e) {
      if (e instanceof ModelError) throw new StoreError('invalid', describeProblems(e.problems, this.lang));
      throw e;
    }
    const items = this.writable();
    const at = id === undefined ? -1 : items.findIndex((i) => i.id === id);
    if (id !== undefined && at < 0) throw new StoreError('notFound', TEXT.notFound[this.lang]);
    if (at >= 0) this.assertOurs(items[at]);
    const stored: StoredItem = { id: at >= 0 ? items[at].id : newId(items), name, savedAt: new Date().toISOString(), scenario: json };
    const item: ReadItem = { id: stored.id, raw: { ...stored }, name, savedAt: stored.savedAt, scenario: json };
    if (at >= 0) items[at] = item;
    else items.push(item);
    await this.write(items);
    return this.entryOf(item);
  }

  async rename(id: string, name: string): Promise<void> {
    name = this.checkName(name);
    const items = this.writable();
    const at = this.indexOf(items, id);
    this.assertOurs(items[at]);
    const scenario = { ...items[at].scenario, name };
    items[at] = { ...items[at], name, scenario, raw: { ...items[at].raw, name, scenario } };
    await this.write(items);
  }

  /** Copies an entry under a new id; the name is "<name> (2)" (or the next free number) unless given. */
  async duplicate(id: string, name?: string): Promise<SavedEntry> {
    const items = this.writable();
    const item = items[this.indexOf(items, id)];
    this.assertOurs(item);
    const copyName = name === undefined ? this.freeName(items, item.name) : this.checkName(name);
    const stored: StoredItem = { id: newId(items), name: copyName, savedAt: new Date().toISOString(),
      scenario: JSON.parse(JSON.stringify({ ...item.scenario, name: copyName })) };
    const copy: ReadItem = { id: stored.id, raw: { ...stored }, name: copyName, savedAt: stored.savedAt, scenario: stored.scenario };
    items.push(copy);
    await this.write(items);
    return this.entryOf(copy);
  }

  /** Deletes exactly the one entry listed under `id` (corrupt ones too); every other entry is written back as it was. */
  async remove(id: string): Promise<void> {
    const items = this.writable();
    items.splice(this.indexOf(items, id), 1);
    await this.write(items);
  }

  /** Moves the whole list aside (under a backup key that backups() lists) and starts an empty one. */
  async backupAndReset(): Promise<string> {
    return this.shelf.backUpAndReplace({ schemaVersion: STORE_VERSION, items: [] });
  }

  /** The backups made so far, newest first. */
  backups(): BackupInfo[] {
    return this.shelf.list();
  }

  /** Puts a backup back as the list; the list it replaces is kept as a backup first (unless empty). */
  async restoreBackup(key: string): Promise<void> {
    await this.shelf.restore(key, this.inspect().status === 'empty');
  }

  private entryOf(i: ReadItem): SavedEntry {
    const base = { id: i.id, name: i.name, savedAt: i.savedAt };
    if (i.corrupt || !i.scenario) return { ...base, status: 'corrupt', problems: CORRUPT_WHY[i.corrupt ?? 'scenario'][this.lang] };
    if (isNewer(i)) return { ...base, status: 'newer', problems: TEXT.newerItem[this.lang] };
    try {
      scenarioFromJson(i.scenario);
      return { ...base, status: 'valid', ...(modelChangedSince(i.scenario) ? { modelChanged: true } : {}) };
    } catch (e) {
      if (e instanceof ModelError) return { ...base, status: 'invalid', problems: describeProblems(e.problems, this.lang) };
      return { ...base, status: 'corrupt', problems: CORRUPT_WHY.scenario[this.lang] };
    }
  }

  /** The items, or a StoreError when the stored data must not be touched. */
  private writable(): ReadItem[] {
    const state = this.inspect();
    if (state.status === 'corrupt') throw new StoreError('corrupt', state.message!);
    if (state.status === 'newer') throw new StoreError('newer', state.message!);
    return [...state.items];
  }

  /** An entry written by a newer engine, or a corrupt one, is kept exactly as it is (it may only be deleted). */
  private assertOurs(item: ReadItem): void {
    if (item.corrupt || !item.scenario) throw new StoreError('corrupt', TEXT.corruptItemChange[this.lang]);
    if (isNewer(item)) throw new StoreError('newer', TEXT.newerItemChange[this.lang]);
  }

  private checkName(name: string): string {
    const trimmed = (typeof name === 'string' ? name : '').trim();
    if (!trimmed) throw new StoreError('noName', TEXT.noName[this.lang]);
    return trimmed;
  }

  private freeName(items: ReadItem[], base: string): string {
    const taken = new Set(items.map((i) => i.name.toLowerCase()));
    let n = 2;
    while (taken.has(`${base} (${n})`.toLowerCase())) n++;
    return `${base} (${n})`;
  }

  private indexOf(items: ReadItem[], id: string): number {
    const at = items.findIndex((i) => i.id === id);
    if (at < 0) throw new StoreError('notFound', TEXT.notFound[this.lang]);
    return at;
  }

  private find(items: ReadItem[], id: string): ReadItem {
    return items[this.indexOf(items, id)];
  }

  /**
   * Replaces the list and saves the settings. When the save fails the previous list is put back, so the
   * document and what the pane shows never disagree.
   */
  private async write(items: ReadItem[]): Promise<void> {
    const store = { schemaVersion: STORE_VERSION, items: items.map((i) => i.raw) };
    if (JSON.stringify(store).length > MAX_STORE_CHARS) throw new StoreError('tooLarge', TEXT.tooLarge[this.lang]);
    const before = this.settings.get(STORE_KEY);
    this.settings.set(STORE_KEY, store);
    try {
      await persist(this.settings, this.lang);
    } catch (e) {
      if (before === null || before === undefined) this.settings.remove(STORE_KEY);
      else this.settings.set(STORE_KEY, before);
      throw e;
    }
  }
}

/** The store of the open workbook (call inside Office.onReady). */
export function workbookScenarios(lang: Language = 'en'): SavedScenarios {
  return new SavedScenarios(Office.context.document.settings as unknown as SettingsPort, lang);
}

/**
 * Saved scenarios, stored inside the workbook in Office.context.document.settings.
 *
 * Why settings and not a custom XML part: a few kilobytes per scenario as JSON, read synchronously,
 * saved with the document on every Excel (desktop, Mac, web) from requirement set 1.1, and no XML
 * namespace bookkeeping. A custom XML part would only pay off for much larger data; settings hold
 * about 2 MB per document, hundreds of scenarios.
 *
 * Layout under one key: { schemaVersion, items: [{ id, name, savedAt, scenario: ScenarioJson }] }.
 * Older layouts are migrated when read (and written back only on the next change). Data that is
 * corrupt or from a newer version of the add-in is reported and never overwritten: every change is
 * refused until the user chooses backupAndReset(), which moves the raw data aside. A scenario is
 * validated by the engine before it is written, so an invalid one never replaces a valid one.
 */
import {
  describeProblems, ModelError, modelChangedSince, scenarioFromJson, scenarioToJson, SCENARIO_SCHEMA_VERSION,
  type Language, type Scenario, type ScenarioJson,
} from '../engine';

export const STORE_KEY = 'ceq.savedScenarios';
export const STORE_VERSION = 1;
/** Document settings hold about 2 MB per add-in: refuse a change that would take the list past this. */
export const MAX_STORE_CHARS = 1_800_000;

/** The part of Office.context.document.settings we use (so tests can pass a mock). */
export interface SettingsPort {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export interface StoredItem {
  id: string;
  name: string;
  savedAt: string;
  scenario: ScenarioJson;
}

interface StoreV1 {
  schemaVersion: 1;
  items: StoredItem[];
}

export type StoreStatus = 'empty' | 'ok' | 'migrated' | 'corrupt' | 'newer';

export interface SavedEntry {
  id: string;
  name: string;
  savedAt: string;
  /** valid: loads; invalid: fails validation (kept untouched); newer: saved by a newer add-in. */
  status: 'valid' | 'invalid' | 'newer';
  problems?: string;
  /** Saved under model version 1: it loads with model 2's new assumptions at their defaults, and its figures change. */
  modelChanged?: boolean;
}

export interface StoreState {
  status: StoreStatus;
  /** The version found in the document (before migration). */
  version?: number;
  entries: SavedEntry[];
  message?: string;
}

export class StoreError extends Error {
  constructor(readonly reason: 'corrupt' | 'newer' | 'notFound' | 'invalid' | 'saveFailed' | 'tooLarge' | 'noName', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Migrations from each older layout to the next, by the version they start from. */
const MIGRATIONS: Record<number, (raw: unknown) => unknown> = {
  // Version 0: a bare array of { name, scenario } (the layout of early previews).
  0: (raw) => ({
    schemaVersion: 1,
    items: (raw as { name: string; scenario: ScenarioJson; savedAt?: string }[]).map((x, i) => ({
      id: `s${i + 1}`, name: String(x.name), savedAt: x.savedAt ?? new Date(0).toISOString(), scenario: x.scenario,
    })),
  }),
};

function versionOf(raw: unknown): number | undefined {
  if (Array.isArray(raw)) return 0;
  if (raw && typeof raw === 'object' && typeof (raw as { schemaVersion?: unknown }).schemaVersion === 'number') {
    return (raw as { schemaVersion: number }).schemaVersion;
  }
  return undefined;
}

function isStoreV1(x: unknown): x is StoreV1 {
  if (!x || typeof x !== 'object') return false;
  const s = x as StoreV1;
  return s.schemaVersion === 1 && Array.isArray(s.items) && s.items.every((i) =>
    i && typeof i === 'object' && typeof i.id === 'string' && typeof i.name === 'string' && i.scenario !== null && typeof i.scenario === 'object');
}

const TEXT = {
  corrupt: { en: 'The saved scenarios in this workbook cannot be read; they are kept as they are. Use "Back up and reset" to start a new list.', es: 'Los escenarios guardados en este libro no se pueden leer; se conservan tal cual. Use "Copia y reinicio" para empezar una lista nueva.' },
  newer: { en: 'The saved scenarios were written by a newer version of the add-in; they are kept as they are. Update the add-in to change them.', es: 'Los escenarios guardados los escribió una versión más reciente del complemento; se conservan tal cual. Actualice el complemento para cambiarlos.' },
  notFound: { en: 'No saved scenario with that id.', es: 'No hay ningún escenario guardado con ese id.' },
  newerItem: { en: 'saved by a newer version of the add-in', es: 'guardado por una versión más reciente del complemento' },
  newerItemChange: { en: 'This scenario was saved by a newer version of the add-in; it is kept as it is. Update the add-in to change it.',
    es: 'Este escenario lo guardó una versión más reciente del complemento; se conserva tal cual. Actualice el complemento para cambiarlo.' },
  noName: { en: 'Give the scenario a name.', es: 'Dé un nombre al escenario.' },
  tooLarge: { en: 'The saved scenarios would exceed the space a workbook gives add-ins (about 2 MB); delete some first.',
    es: 'Los escenarios guardados superarían el espacio que un libro da a los complementos (unos 2 MB); elimine alguno antes.' },
  saveFailed: { en: 'The workbook could not store the change', es: 'El libro no pudo guardar el cambio' },
};

export class SavedScenarios {
  constructor(private readonly settings: SettingsPort, private readonly lang: Language = 'en') {}

  /** Reads the store without changing it. */
  inspect(): StoreState & { items: StoredItem[] } {
    let raw = this.settings.get(STORE_KEY);
    if (raw === null || raw === undefined) return { status: 'empty', entries: [], items: [] };
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch {
        return { status: 'corrupt', entries: [], items: [], message: TEXT.corrupt[this.lang] };
      }
    }
    const version = versionOf(raw);
    if (version === undefined) return { status: 'corrupt', entries: [], items: [], message: TEXT.corrupt[this.lang] };
    if (version > STORE_VERSION) return { status: 'newer', version, entries: [], items: [], message: TEXT.newer[this.lang] };
    let data = raw;
    try {
      for (let v = version; v < STORE_VERSION; v++) data = MIGRATIONS[v](data);
    } catch {
      return { status: 'corrupt', version, entries: [], items: [], message: TEXT.corrupt[this.lang] };
    }
    if (!isStoreV1(data)) return { status: 'corrupt', version, entries: [], items: [], message: TEXT.corrupt[this.lang] };
    return {
      status: version < STORE_VERSION ? 'migrated' : 'ok',
      version,
      items: data.items,
      entries: data.items.map((i) => this.entryOf(i)),
    };
  }

  list(): StoreState {
    const { items: _items, ...state } = this.inspect();
    void _items;
    return state;
  }

  load(id: string): Scenario {
    const item = this.find(this.inspect().items, id);
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
    const item: StoredItem = { id: id ?? this.newId(items), name, savedAt: new Date().toISOString(), scenario: json };
    const at = id === undefined ? -1 : items.findIndex((i) => i.id === id);
    if (id !== undefined && at < 0) throw new StoreError('notFound', TEXT.notFound[this.lang]);
    if (at >= 0) this.assertOurs(items[at]);
    if (at >= 0) items[at] = item;
    else items.push(item);
    await this.write(items);
    return this.entryOf(item);
  }

  async rename(id: string, name: string): Promise<void> {
    name = this.checkName(name);
    const items = this.writable();
    const item = this.find(items, id);
    this.assertOurs(item);
    item.name = name;
    item.scenario = { ...item.scenario, name };
    await this.write(items);
  }

  /** Copies an entry under a new id; the name is "<name> (2)" (or the next free number) unless given. */
  async duplicate(id: string, name?: string): Promise<SavedEntry> {
    const items = this.writable();
    const item = this.find(items, id);
    this.assertOurs(item);
    const copyName = name === undefined ? this.freeName(items, item.name) : this.checkName(name);
    const copy: StoredItem = { id: this.newId(items), name: copyName, savedAt: new Date().toISOString(),
      scenario: JSON.parse(JSON.stringify({ ...item.scenario, name: copyName })) };
    items.push(copy);
    await this.write(items);
    return this.entryOf(copy);
  }

  async remove(id: string): Promise<void> {
    const items = this.writable();
    this.find(items, id);
    await this.write(items.filter((i) => i.id !== id));
  }

  /** Moves unreadable or newer data aside (under a backup key) and starts an empty list. */
  async backupAndReset(): Promise<string> {
    const backupKey = `${STORE_KEY}.backup.${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const raw = this.settings.get(STORE_KEY);
    this.settings.set(backupKey, raw);
    this.settings.set(STORE_KEY, { schemaVersion: STORE_VERSION, items: [] });
    try {
      await this.persist();
    } catch (e) {
      this.settings.remove(backupKey);
      this.settings.set(STORE_KEY, raw);
      throw e;
    }
    return backupKey;
  }

  private entryOf(i: StoredItem): SavedEntry {
    const base = { id: i.id, name: i.name, savedAt: i.savedAt };
    if ((i.scenario.schemaVersion ?? 0) > SCENARIO_SCHEMA_VERSION) return { ...base, status: 'newer', problems: TEXT.newerItem[this.lang] };
    try {
      scenarioFromJson(i.scenario);
      return { ...base, status: 'valid', ...(modelChangedSince(i.scenario) ? { modelChanged: true } : {}) };
    } catch (e) {
      return { ...base, status: 'invalid', problems: e instanceof ModelError ? describeProblems(e.problems, this.lang) : String(e) };
    }
  }

  /** The items, or a StoreError when the stored data must not be touched. */
  private writable(): StoredItem[] {
    const state = this.inspect();
    if (state.status === 'corrupt') throw new StoreError('corrupt', state.message!);
    if (state.status === 'newer') throw new StoreError('newer', state.message!);
    return state.items.map((i) => ({ ...i }));
  }

  /** An entry written by a newer engine is kept exactly as it is (it may only be deleted). */
  private assertOurs(item: StoredItem): void {
    if ((item.scenario.schemaVersion ?? 0) > SCENARIO_SCHEMA_VERSION) throw new StoreError('newer', TEXT.newerItemChange[this.lang]);
  }

  private checkName(name: string): string {
    const trimmed = String(name ?? '').trim();
    if (!trimmed) throw new StoreError('noName', TEXT.noName[this.lang]);
    return trimmed;
  }

  private freeName(items: StoredItem[], base: string): string {
    const taken = new Set(items.map((i) => i.name.toLowerCase()));
    let n = 2;
    while (taken.has(`${base} (${n})`.toLowerCase())) n++;
    return `${base} (${n})`;
  }

  private find(items: StoredItem[], id: string): StoredItem {
    const item = items.find((i) => i.id === id);
    if (!item) throw new StoreError('notFound', TEXT.notFound[this.lang]);
    return item;
  }

  private newId(items: StoredItem[]): string {
    let n = items.length + 1;
    while (items.some((i) => i.id === `s${n}`)) n++;
    return `s${n}`;
  }

  /**
   * Replaces the list and saves the settings. When the save fails the previous list is put back, so the
   * document and what the pane shows never disagree.
   */
  private async write(items: StoredItem[]): Promise<void> {
    const store: StoreV1 = { schemaVersion: STORE_VERSION, items };
    if (JSON.stringify(store).length > MAX_STORE_CHARS) throw new StoreError('tooLarge', TEXT.tooLarge[this.lang]);
    const before = this.settings.get(STORE_KEY);
    this.settings.set(STORE_KEY, store);
    try {
      await this.persist();
    } catch (e) {
      if (before === null || before === undefined) this.settings.remove(STORE_KEY);
      else this.settings.set(STORE_KEY, before);
      throw e;
    }
  }

  private persist(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settings.saveAsync((r) => {
        if (r && (r.error || r.status === 'failed')) reject(new StoreError('saveFailed', `${TEXT.saveFailed[this.lang]}: ${r.error?.message ?? ''}`));
        else resolve();
      });
    });
  }
}

/** The store of the open workbook (call inside Office.onReady). */
export function workbookScenarios(lang: Language = 'en'): SavedScenarios {
  return new SavedScenarios(Office.context.document.settings as unknown as SettingsPort, lang);
}

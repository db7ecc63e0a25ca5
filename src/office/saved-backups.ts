/**
 * Backups of the saved-scenarios list. Document settings cannot be enumerated, so every backup key is
 * recorded in an index (`<store key>.backups`) that the pane lists; restoring puts a backup back as the
 * list and keeps the list it replaces as a new backup, so no restore loses anything.
 */
import type { Language } from '../engine';
import { setTogether, StoreError, type SettingsPort } from './settings-port';

export interface BackupInfo {
  key: string;
  /** When it was made (ISO time). */
  savedAt: string;
  /** How many entries it holds, when it is a list that can be counted. */
  entries?: number;
}

interface IndexRow {
  key: string;
  savedAt: string;
}

const NOT_FOUND = { en: 'No backup under that name.', es: 'No hay ninguna copia con ese nombre.' };

function countEntries(raw: unknown): number | undefined {
  let data = raw;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (Array.isArray(data)) return data.length;
  const items = data && typeof data === 'object' ? (data as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items.length : undefined;
}

export class BackupShelf {
  private readonly indexKey: string;
  constructor(private readonly settings: SettingsPort, private readonly storeKey: string, private readonly lang: Language) {
    this.indexKey = `${storeKey}.backups`;
  }

  /** The backups that still exist, newest first. */
  list(): BackupInfo[] {
    return this.index().filter((r) => this.exists(r.key)).reverse()
      .map((r) => {
        const entries = countEntries(this.settings.get(r.key));
        return { key: r.key, savedAt: r.savedAt, ...(entries === undefined ? {} : { entries }) };
      });
  }

  /** Moves the list aside under a new backup key and puts `replacement` in its place; returns the key. */
  async backUpAndReplace(replacement: unknown): Promise<string> {
    const savedAt = new Date().toISOString();
    const key = this.freeKey(savedAt);
    await setTogether(this.settings, this.lang, {
      [key]: this.settings.get(this.storeKey),
      [this.indexKey]: [...this.index(), { key, savedAt }],
      [this.storeKey]: replacement,
    });
    return key;
  }

  /** Puts the backup under `key` back as the list; the current list becomes a backup unless it is empty. */
  async restore(key: string, currentIsEmpty: boolean): Promise<void> {
    const index = this.index();
    if (!index.some((r) => r.key === key) || !this.exists(key)) throw new StoreError('notFound', NOT_FOUND[this.lang]);
    const rows = index.filter((r) => r.key !== key);
    const changes: Record<string, unknown> = { [this.storeKey]: this.settings.get(key), [key]: null };
    if (!currentIsEmpty) {
      const savedAt = new Date().toISOString();
      const kept = this.freeKey(savedAt);
      changes[kept] = this.settings.get(this.storeKey);
      rows.push({ key: kept, savedAt });
    }
    changes[this.indexKey] = rows;
    await setTogether(this.settings, this.lang, changes);
  }

  private exists(key: string): boolean {
    const v = this.settings.get(key);
    return v !== null && v !== undefined;
  }

  /** The recorded backups; an index that is not a list of { key, savedAt } rows keeps only its readable rows. */
  private index(): IndexRow[] {
    const raw = this.settings.get(this.indexKey);
    if (!Array.isArray(raw)) return [];
    return raw.filter((r): r is IndexRow => !!r && typeof r === 'object' && typeof r.key === 'string'
      && r.key.startsWith(`${this.storeKey}.backup.`) && typeof r.savedAt === 'string');
  }

  private freeKey(savedAt: string): string {
    const base = `${this.storeKey}.backup.${savedAt.replace(/[:.]/g, '-')}`;
    const taken = new Set(this.index().map((r) => r.key));
    let key = base;
    for (let n = 2; taken.has(key) || this.exists(key); n++) key = `${base}-${n}`;
    return key;
  }
}

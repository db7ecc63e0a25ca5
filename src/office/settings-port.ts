/** The part of Office.context.document.settings the saved-scenarios store uses (tests pass a mock). */
import type { Language } from '../engine';

export interface SettingsPort {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export class StoreError extends Error {
  constructor(readonly reason: 'corrupt' | 'newer' | 'notFound' | 'invalid' | 'saveFailed' | 'tooLarge' | 'noName', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

const SAVE_FAILED = { en: 'The workbook could not store the change', es: 'El libro no pudo guardar el cambio' };

/** Saves the settings into the document; rejects with a StoreError('saveFailed') when Office says it failed. */
export function persist(settings: SettingsPort, lang: Language): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((r) => {
      if (r && (r.error || r.status === 'failed')) reject(new StoreError('saveFailed', `${SAVE_FAILED[lang]}: ${r.error?.message ?? ''}`));
      else resolve();
    });
  });
}

/**
 * Sets several settings and saves them as one change: when the save fails every one is put back as it
 * was, so the document and what the pane shows never disagree.
 */
export async function setTogether(settings: SettingsPort, lang: Language, changes: Record<string, unknown>): Promise<void> {
  const before = Object.keys(changes).map((k) => [k, settings.get(k)] as const);
  const apply = (k: string, v: unknown) => (v === null || v === undefined ? settings.remove(k) : settings.set(k, v));
  for (const [k, v] of Object.entries(changes)) apply(k, v);
  try {
    await persist(settings, lang);
  } catch (e) {
    for (const [k, v] of before) apply(k, v);
    throw e;
  }
}

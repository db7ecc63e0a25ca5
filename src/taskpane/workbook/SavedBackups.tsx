import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { Language } from '../../engine';
import { T, type TextKey } from './texts';

/** One backup of the saved list (src/office/saved-backups.ts BackupInfo). */
export interface BackupView {
  key: string;
  savedAt: string;
  /** How many entries it holds; undefined when the backup cannot be read as a list. */
  entries?: number;
}

/**
 * The backups "Back up and reset" made, each with a Restore button: nothing the pane moved aside is out
 * of the user's reach. Shown only when there is a backup.
 */
export function SavedBackups({ lang, backups, busy, onRestore }: {
  lang: Language;
  backups: readonly BackupView[];
  busy: boolean;
  onRestore(key: string): void;
}): React.ReactElement | null {
  if (!backups.length) return null;
  const tr = (k: TextKey) => T[k][lang];
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'es' ? 'es-ES' : 'en-US');
  };
  return (
    <section aria-label={tr('backups')}>
      <h4 style={{ margin: '4px 0' }}>{tr('backups')}</h4>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 4 }}>
        {backups.map((b) => {
          const label = `${tr('backupOf')} ${when(b.savedAt)}`;
          return (
            <li key={b.key} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <span style={{ flex: 1 }}>{label} ({b.entries === undefined ? tr('unreadable') : `${b.entries} ${tr('entries')}`})</span>
              <Button size="small" aria-label={`${tr('restore')}: ${label}`} disabled={busy} onClick={() => onRestore(b.key)}>{tr('restore')}</Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import type { Language, Scenario } from '../../engine';
import type { ScenarioSummaryRow } from '../../workbook';
import type { BackupView } from './SavedBackups';

/** What the workbook panel needs from Office (src/office adapters provide it; tests pass fakes). */
export interface SavedEntryView {
  id: string;
  name: string;
  savedAt: string;
  status: 'valid' | 'invalid' | 'newer' | 'corrupt';
  problems?: string;
  /** Saved under model version 1 (the pane says the model changed when it loads). */
  modelChanged?: boolean;
}

export interface SavedStoreView {
  /** message: the list as a whole cannot be changed; notice: what the reader fixed or set aside (changes still work). */
  list(): { status: 'empty' | 'ok' | 'migrated' | 'corrupt' | 'newer'; entries: SavedEntryView[]; message?: string; notice?: string };
  load(id: string): Scenario;
  /** Adds an entry, or replaces the one with `id`; rejects (changing nothing) when the scenario is invalid. */
  save(name: string, scenario: Scenario, id?: string): Promise<unknown>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<unknown>;
  remove(id: string): Promise<void>;
  backupAndReset(): Promise<string>;
  /** The backups "Back up and reset" (and restores) made, newest first. */
  backups(): BackupView[];
  /** Puts a backup back as the list; the list it replaces becomes a backup. */
  restoreBackup(key: string): Promise<void>;
}

/** Where a scenario is read from (src/office/read-scenario.ts ScenarioSource). */
export type ScenarioSourceView =
  | { kind: 'selection' }
  | { kind: 'name'; name: string }
  | { kind: 'table'; name: string }
  | { kind: 'inputsSheet' };

export interface ReadReportView {
  scenario?: Scenario;
  found: string[];
  defaulted: string[];
  rejected: { key: string; reason: string }[];
  addresses?: string[];
}

export interface WorkbookActions {
  insertModel(s: Scenario): Promise<{ sheets: { name: string; cells: number }[]; names: number; charts: number }>;
  readFromSelection(): Promise<ReadReportView>;
  /** Optional: read from a named range, an Excel table or our inputs sheet too (else only the selection is offered). */
  readScenario?(source: ScenarioSourceView): Promise<ReadReportView>;
  saved: SavedStoreView;
  insertComparison(rows: readonly ScenarioSummaryRow[], options?: { lang: Language }): Promise<string>;
}

/**
 * The uncertainty table the user edited on the Uncertainty tab (and its correlation matrix), for the
 * Summary's "how sure" run (issue 14). The table lives in that tab, not in the shared scenario: the tab
 * publishes it here while it is mounted and edited, and the Summary reads it; nothing published means
 * the user has not edited it, and the Summary runs the default table of the scenario shown.
 */
import * as React from 'react';
import type { CorrelationInput, UncertaintyRow } from '../../engine';

export interface SharedTable {
  /** The rows as the engine takes them (the table's last valid state). */
  rows: UncertaintyRow[];
  correlation?: CorrelationInput;
  /** The table on the tab has problems now: `rows` are those of its last valid state. */
  stale: boolean;
}

let current: SharedTable | undefined;
let currentKey = 'null';
const listeners = new Set<() => void>();

/** Publishes the user's table (undefined: not edited, or the tab closed); an identical table changes nothing. */
export function shareTable(table: SharedTable | undefined): void {
  const key = JSON.stringify(table ?? null);
  if (key === currentKey) return;
  current = table;
  currentKey = key;
  for (const listener of listeners) listener();
}

export function sharedTable(): SharedTable | undefined {
  return current;
}

/** Calls `listener` on every change; returns the unsubscribe function. */
export function onSharedTable(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The user's table, re-rendering on every change. */
export function useSharedTable(): SharedTable | undefined {
  return React.useSyncExternalStore(onSharedTable, sharedTable, sharedTable);
}

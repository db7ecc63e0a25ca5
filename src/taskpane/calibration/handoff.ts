import type { UncertaintyRow } from '../../engine';

/**
 * Uncertainty rows "Use as baseline" hands to the Uncertainty screen, whose table lives in that screen,
 * not in the shared scenario. The screen subscribes while mounted and takes what is pending when it
 * mounts; each offer is taken once.
 */
let pending: UncertaintyRow[] = [];
const listeners = new Set<() => void>();

export function offerUncertaintyRows(rows: readonly UncertaintyRow[]): void {
  pending = rows.slice();
  for (const listener of listeners) listener();
}

export function takeUncertaintyRows(): UncertaintyRow[] {
  const rows = pending;
  pending = [];
  return rows;
}

/** Calls `listener` on every offer; returns the unsubscribe function (a React effect's clean-up). */
export function onUncertaintyRows(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

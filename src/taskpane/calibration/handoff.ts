import type { UncertaintyRow } from '../../engine';
import type { FittedPair } from './analysis';

/**
 * Uncertainty rows "Use as baseline" hands to the Uncertainty screen, whose table lives in that screen,
 * not in the shared scenario. The screen subscribes while mounted and takes what is pending when it
 * mounts; each offer is taken once.
 */
let pending: UncertaintyRow[] = [];
let pendingPairs: FittedPair[] = [];
const listeners = new Set<() => void>();

/** Offers rows and the rank correlations between them (the fitted α and β of a segment move together). */
export function offerUncertaintyRows(rows: readonly UncertaintyRow[], pairs: readonly FittedPair[] = []): void {
  pending = rows.slice();
  pendingPairs = pairs.slice();
  for (const listener of listeners) listener();
}

export function takeUncertaintyRows(): UncertaintyRow[] {
  const rows = pending;
  pending = [];
  return rows;
}

/** The correlations offered with the rows; each offer is taken once. */
export function takeUncertaintyPairs(): FittedPair[] {
  const pairs = pendingPairs;
  pendingPairs = [];
  return pairs;
}

/** Calls `listener` on every offer; returns the unsubscribe function (a React effect's clean-up). */
export function onUncertaintyRows(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

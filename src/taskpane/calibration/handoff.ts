import * as React from 'react';
import type { UncertaintyRow } from '../../engine';
import type { FittedPair } from './analysis';

/**
 * Uncertainty rows "Use as baseline" hands to the Uncertainty screen, whose table lives in that screen,
 * not in the shared scenario. The screen subscribes while mounted and takes what is pending when it
 * mounts; each offer is taken once. Until it is taken, the Summary's "how sure" reads it (peeks,
 * without taking), so the fitted rows and their correlations count before the Uncertainty tab is opened.
 */
let pending: UncertaintyRow[] = [];
let pendingPairs: FittedPair[] = [];
const listeners = new Set<() => void>();

/** An offer not yet taken: the rows and the rank correlations between them. */
export interface UncertaintyOffer {
  rows: readonly UncertaintyRow[];
  pairs: readonly FittedPair[];
}
let offer: UncertaintyOffer | undefined;
const peekers = new Set<() => void>();
function offerChanged(): void {
  offer = pending.length ? { rows: pending, pairs: pendingPairs } : undefined;
  for (const peeker of peekers) peeker();
}

/** Offers rows and the rank correlations between them (the fitted α and β of a segment move together). */
export function offerUncertaintyRows(rows: readonly UncertaintyRow[], pairs: readonly FittedPair[] = []): void {
  pending = rows.slice();
  pendingPairs = pairs.slice();
  offerChanged();
  for (const listener of listeners) listener();
}

export function takeUncertaintyRows(): UncertaintyRow[] {
  const rows = pending;
  pending = [];
  if (rows.length) offerChanged();
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

/** The offer not yet taken (undefined: none), re-rendering when one is made or taken. */
export function useUncertaintyOffer(): UncertaintyOffer | undefined {
  return React.useSyncExternalStore(onOffer, currentOffer, currentOffer);
}
const currentOffer = () => offer;
function onOffer(peeker: () => void): () => void {
  peekers.add(peeker);
  return () => void peekers.delete(peeker);
}

/**
 * What every screen (tab) of the pane receives: the editor state, the last valid results, the reader's
 * language and number formats, and where the pane runs. Screens read it with `useStudio()`.
 */
import * as React from 'react';
import type { Language, Scenario } from '../engine';
import type { Formats } from '../i18n';
import type { HostInfo } from '../office/host';
import type { Computed } from './state/compute';
import type { Action, Draft } from './state/draft';
import type { Evaluation } from './state/evaluate';

export interface Studio {
  lang: Language;
  /** Intl locale for numbers ("en-US", "es-ES", the reader's own where it matches the language). */
  locale: string;
  fmt: Formats;
  host: HostInfo;
  /** The inputs as typed. */
  draft: Draft;
  dispatch: React.Dispatch<Action>;
  /** Field errors and messages of the draft. */
  evaluation: Evaluation;
  /** Results of the last valid inputs (undefined only before the first valid scenario). */
  computed?: Computed;
  /** True when the draft has problems, so `computed` shows earlier inputs. */
  stale: boolean;
  /** When the stale results are those of the field being typed in, at its text before this edit began. */
  staleField?: { path: string; before: string };
  /** Why the last valid-looking inputs could not be computed (e.g. a budget-neutral plan out of range). */
  computeError?: string;
  /** Which proposed plan the result screens show. */
  planIndex: number;
  setPlanIndex(i: number): void;
  /** Replaces the scenario being edited (read from the workbook, a saved scenario, an optimiser's optimum). */
  loadScenario(s: Scenario): void;
}

export const StudioContext = React.createContext<Studio | null>(null);

export function useStudio(): Studio {
  const s = React.useContext(StudioContext);
  if (!s) throw new Error('useStudio outside <StudioContext.Provider>');
  return s;
}

/**
 * The pane's screens, as data: the shell renders one tab per entry, in this order. To add a screen
 * (e.g. "Uncertainty", "Quotas"), write a component that reads `useStudio()` and export it as default,
 * add its label to src/i18n/messages.ts (or give `{ en, es }` here), and add one entry:
 *
 *   { id: 'uncertainty', label: 'tabUncertainty',
 *     Screen: React.lazy(() => import(/* webpackChunkName: "uncertainty" *\/ './screens/UncertaintyScreen')) },
 *
 * Lazy screens load as their own chunk the first time their tab opens.
 */
import * as React from 'react';
import type { Text } from '../engine';
import type { MessageKey } from '../i18n';
import type { HostInfo } from '../office/host';
import ScenarioScreen from './screens/ScenarioScreen';

export interface TabDef {
  id: string;
  /** A key of the message table, or both texts for a tab that keeps its words with it. */
  label: MessageKey | Text;
  Screen: React.ComponentType;
  /** Whether the tab shows where the pane runs (default: always). */
  visible?: (host: HostInfo) => boolean;
  /** Keep the screen mounted (hidden) when another tab is open: its open sections and scroll stay. */
  keepMounted?: boolean;
}

export const TABS: readonly TabDef[] = [
  { id: 'scenario', label: 'tabScenario', Screen: ScenarioScreen, keepMounted: true },
  { id: 'results', label: 'tabResults', Screen: React.lazy(() => import(/* webpackChunkName: "results" */ './screens/ResultsScreen')) },
  { id: 'summary', label: 'tabSummary', Screen: React.lazy(() => import(/* webpackChunkName: "summary" */ './screens/SummaryScreen')) },
  { id: 'uncertainty', label: 'tabUncertainty', Screen: React.lazy(() => import(/* webpackChunkName: "uncertainty" */ './screens/UncertaintyScreen')), keepMounted: true },
  { id: 'quotas', label: 'tabQuotas', Screen: React.lazy(() => import(/* webpackChunkName: "quotas" */ './screens/QuotasScreen')) },
  { id: 'workbook', label: 'tabWorkbook', Screen: React.lazy(() => import(/* webpackChunkName: "workbook" */ './screens/WorkbookScreen')) },
];

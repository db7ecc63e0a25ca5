/**
 * What every part of the quota designer reads: the studio (language, formats, draft, dispatch), the
 * plan rows being edited (baseline first), the last valid results of the baseline and the proposed
 * plan shown, the year the figures are for and the attainment spread.
 */
import * as React from 'react';
import { COMPONENTS, ROLES, yearly, type ComponentId, type Language, type RoleId, type YearRow } from '../../engine';
import type { Formats } from '../../i18n';
import type { Computed } from '../state/compute';
import type { Action, DraftRow } from '../state/draft';
import type { PlanSide } from './figures';

export interface Designer {
  lang: Language;
  locale: string;
  fmt: Formats;
  dispatch: React.Dispatch<Action>;
  /** The plans as typed: the baseline, then each proposed plan. */
  rows: DraftRow[];
  /** Baseline and the proposed plan shown, from the last valid results. */
  sides: PlanSide[];
  /** 1-based year of the figures and charts. */
  year: number;
  /** attainmentCV of the last valid results. */
  cv: number;
  /** The results of the inputs as typed when they are budget-neutral scaled (notes under the scaled fields). */
  scaled?: Computed;
  /** Yearly results of row `i` (baseline 0), or the baseline's when the plan has none yet. */
  yearsOf(i: number): YearRow[];
}

export function makeYearsOf(computed: Computed | undefined): (i: number) => YearRow[] {
  return (i) => {
    if (!computed) return [];
    const p = i === 0 ? computed.result.baseline : computed.result.proposed[i - 1] ?? computed.result.baseline;
    return yearly(p);
  };
}

export const roleLabel = (id: RoleId, lang: Language) => ROLES.find((r) => r.id === id)!.label[lang];
export const roleMeaning = (id: RoleId, lang: Language) => ROLES.find((r) => r.id === id)!.meaning[lang];
export const componentLabel = (id: ComponentId, lang: Language) => COMPONENTS.find((c) => c.id === id)!.label[lang];
export const componentMeaning = (id: ComponentId, lang: Language) => COMPONENTS.find((c) => c.id === id)!.meaning[lang];

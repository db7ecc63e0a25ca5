import * as React from 'react';
import { Radio, RadioGroup } from '@fluentui/react-components';
import type { Language } from '../../engine';
import type { Action, DraftRow } from '../state/draft';
import { q } from './texts-i15';

export type FlatMode = 'replace' | 'add';

const FLAT_KEYS = ['commissionNew', 'commissionRenewal', 'commissionExpansion'] as const;

/**
 * Adding a role to a plan that pays flat commissions would pay both, silently (comp cost up by the
 * whole role): the designer asks, and replacing the flat commissions is the default.
 */
export function FlatChoice({ plan, mode, onMode, lang }: { plan: string; mode: FlatMode; onMode(m: FlatMode): void; lang: Language }): React.ReactElement {
  return (
    <RadioGroup value={mode} onChange={(_, d) => onMode(d.value as FlatMode)} data-testid="quota-flat-choice"
      aria-label={q(lang, 'flatChoice', { plan })}>
      <span>{q(lang, 'flatChoice', { plan })}</span>
      <Radio value="replace" label={q(lang, 'replace')} data-testid="quota-flat-replace" />
      <Radio value="add" label={q(lang, 'add')} data-testid="quota-flat-add" />
    </RadioGroup>
  );
}

/** The role's edit, with the plan's flat commission rates set to 0 when they are replaced. */
export function withFlatMode(edit: Extract<Action, { type: 'planKeys' }>, target: DraftRow, mode: FlatMode): Action {
  if (mode === 'add') return edit;
  const set = { ...edit.set };
  for (const key of FLAT_KEYS) if (target.values[key] !== undefined) set[key] = '0';
  return { ...edit, set };
}

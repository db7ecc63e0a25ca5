import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Copy16Regular } from '@fluentui/react-icons';
import { useStudio } from '../studio';
import { BASELINE_ID } from '../state/draft';
import { w } from './texts';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', minWidth: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
});

/** A name no plan has yet: `wanted`, or `wanted 2`, `wanted 3`, … */
function unique(wanted: string, existing: readonly string[]): string {
  if (!existing.includes(wanted)) return wanted;
  for (let n = 2; ; n++) if (!existing.includes(`${wanted} ${n}`)) return `${wanted} ${n}`;
}

/**
 * "New proposal from today's plan" (a copy of the baseline, so one changed lever answers one question)
 * and "Duplicate <the plan the results show>". The new plan becomes the one the results show.
 */
export function PlanActions({ max, newName }: { max: number; newName: string }): React.ReactElement {
  const styles = useStyles();
  const { lang, draft, dispatch, planIndex, setPlanIndex } = useStudio();
  const names = [draft.baseline, ...draft.proposed].map((r) => r.name);
  const full = draft.proposed.length >= max;
  const shown = draft.proposed[Math.min(planIndex, draft.proposed.length - 1)];
  const add = (from: string, name: string) => {
    dispatch({ type: 'addPlan', name: unique(name, names), from });
    setPlanIndex(draft.proposed.length);
  };
  return (
    <>
      <div className={styles.row}>
        <Button size="small" icon={<Add16Regular />} disabled={full} data-testid="new-from-baseline"
          onClick={() => add(BASELINE_ID, newName)}>{w(lang, 'newFromBaseline')}</Button>
        {shown && (
          <Button size="small" icon={<Copy16Regular />} disabled={full} data-testid="duplicate-plan"
            onClick={() => add(shown.id, w(lang, 'copyName', { plan: shown.name }))}>{w(lang, 'duplicate', { plan: shown.name })}</Button>
        )}
      </div>
      <p className={styles.hint}>{w(lang, 'newFromBaselineHint', { baseline: draft.baseline.name })}</p>
    </>
  );
}

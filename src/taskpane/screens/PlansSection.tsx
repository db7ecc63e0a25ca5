import * as React from 'react';
import { Switch, makeStyles, tokens } from '@fluentui/react-components';
import { findSpec, specsOf } from '../../engine';
import { formatAssumption, t } from '../../i18n';
import { AssumptionTable, type TableColumn } from '../components/AssumptionTable';
import { useStudio } from '../studio';
import { freshName } from '../state/draft';
import { PlanActions } from '../workflow/PlanActions';

const MAX_PROPOSED = 4;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  factors: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200 },
});

/** Baseline and proposed plans side by side, and the budget-neutral switch. */
export function PlansSection(): React.ReactElement {
  const styles = useStyles();
  const { lang, draft, dispatch, computed, stale, fmt } = useStudio();
  const scaled = !stale && computed?.factors ? computed : undefined;
  const columns: TableColumn[] = [draft.baseline, ...draft.proposed].map((r, i) => {
    const notes: Record<string, string> = {};
    if (scaled && i > 0) {
      const typed = scaled.typed.proposed[i - 1]?.values as Record<string, number> | undefined;
      const used = scaled.scenario.proposed[i - 1]?.values as Record<string, number> | undefined;
      for (const key of Object.keys(used ?? {})) {
        const spec = findSpec(key);
        if (spec && typed && used && typed[key] !== used[key]) notes[key] = t(lang, 'effective', { value: formatAssumption(spec, used[key], fmt) });
      }
    }
    return {
      prefix: `plan:${r.id}`,
      name: r.name,
      values: r.values,
      notes,
      removeLabel: i > 0 ? t(lang, 'removePlan', { name: r.name }) : undefined,
      onRemove: i > 0 ? () => dispatch({ type: 'removePlan', id: r.id }) : undefined,
    };
  });
  const names = [draft.baseline, ...draft.proposed].map((r) => r.name);
  return (
    <div className={styles.section}>
      {/* The table first, its hint under it: the values to change start on the first screen of a narrow pane. */}
      <AssumptionTable caption={t(lang, 'plans')} specs={specsOf('plan')} columns={columns} nameLabel={t(lang, 'planName')} testId="plans-table" />
      <p className={styles.hint}>{t(lang, 'plansHint')}</p>
      <PlanActions max={MAX_PROPOSED} newName={freshName(names, lang, 'newPlanName')} />
      <Switch checked={draft.budgetNeutral} label={t(lang, 'budgetNeutral')} data-testid="budget-neutral"
        onChange={(_, d) => dispatch({ type: 'budgetNeutral', on: d.checked })} />
      <p className={styles.hint}>{t(lang, 'budgetNeutralHint')}</p>
      {scaled?.factors && (
        <ul className={styles.factors} data-testid="budget-factors">
          {scaled.factors.map((f, i) => (
            <li key={i}>
              {f === 0
                ? t(lang, 'budgetNeutralZero', { plan: scaled.scenario.proposed[i].name })
                : t(lang, 'budgetNeutralFactor', { plan: scaled.scenario.proposed[i].name, factor: fmt.number(f, 3) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import * as React from 'react';
import { Field, MessageBar, MessageBarBody, Select, makeStyles } from '@fluentui/react-components';
import { t } from '../../i18n';
import { useStudio } from '../studio';
import { StaleFieldNote } from '../workflow/StaleFieldNote';

const useStyles = makeStyles({ head: { display: 'flex', flexDirection: 'column', gap: '6px' } });

/** Above every result screen: which proposed plan is shown (when there are several), and a note when the inputs are invalid. */
export function ResultHeader(): React.ReactElement | null {
  const styles = useStyles();
  const { lang, computed, planIndex, setPlanIndex, stale } = useStudio();
  if (!computed) return null;
  const plans = computed.scenario.proposed;
  return (
    <div className={styles.head}>
      {stale && (
        <MessageBar intent="warning" data-testid="stale-note"><MessageBarBody>{t(lang, 'staleResults')}<StaleFieldNote /></MessageBarBody></MessageBar>
      )}
      {plans.length > 1 && (
        <Field label={t(lang, 'comparePlan')}>
          <Select value={String(Math.min(planIndex, plans.length - 1))} onChange={(_, d) => setPlanIndex(Number(d.value))}>
            {plans.map((p, i) => <option key={i} value={String(i)}>{p.name}</option>)}
          </Select>
        </Field>
      )}
    </div>
  );
}

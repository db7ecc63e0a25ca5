import * as React from 'react';
import { makeStyles } from '@fluentui/react-components';
import { specsOf } from '../../engine';
import { AssumptionInput } from '../components/AssumptionInput';
import { useStudio } from '../studio';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: '10px 12px' },
});

/** Horizon, periods per year, discount rate, executive tenure, discount timing. */
export function SettingsSection(): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt, draft, evaluation, dispatch } = useStudio();
  return (
    <div className={styles.grid}>
      {specsOf('scenario').map((spec) => {
        const path = `settings:${spec.key}`;
        return (
          <AssumptionInput key={spec.key} variant="field" spec={spec} path={path} text={draft.settings[spec.key] ?? ''}
            error={evaluation.fieldErrors.get(path)} lang={lang} locale={locale} currency={fmt.currency} dispatch={dispatch} />
        );
      })}
    </div>
  );
}

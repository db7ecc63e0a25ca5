import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { findSpec, specsOf, type AssumptionSpec } from '../../engine';
import { hasMessage, parseField, t } from '../../i18n';
import { AssumptionInput } from '../components/AssumptionInput';
import { useStudio } from '../studio';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '10px' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  group: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: '10px 12px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '6px 0 0' },
});

const EFFORTS = ['effortAcquire', 'effortRetain', 'effortExpand'];

/** Behaviour assumptions in their groups, each with its meaning and range. */
export function BehaviourSection(): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt, draft, evaluation, dispatch } = useStudio();
  const groups = new Map<string, AssumptionSpec[]>();
  for (const spec of specsOf('behaviour')) {
    const g = spec.group ?? 'other';
    groups.set(g, [...(groups.get(g) ?? []), spec]);
  }
  const effortSpec = findSpec('effortAcquire')!;
  const efforts = EFFORTS.map((k) => parseField(effortSpec, draft.behaviour[k] ?? '', draft.locale));
  const sum = efforts.reduce((a, b) => a + b, 0);
  const offBalance = efforts.every(Number.isFinite) && Math.abs(sum - 1) > 1e-9 && sum > 0;
  return (
    <div className={styles.section}>
      <p className={styles.hint}>{t(lang, 'behaviourHint')}</p>
      {[...groups].map(([group, specs]) => {
        const title = `group.${group}`;
        return (
          <section key={group} aria-labelledby={`behaviour-${group}`}>
            <h3 id={`behaviour-${group}`} className={styles.heading}>{hasMessage(title) ? t(lang, title) : group}</h3>
            {group === 'sales' && offBalance && (
              <MessageBar intent="warning">
                <MessageBarBody>{t(lang, 'effortSum', { sum: fmt.percent(sum, 1) })}</MessageBarBody>
                <MessageBarActions><Button size="small" onClick={() => dispatch({ type: 'scaleEfforts' })}>{t(lang, 'scaleEfforts')}</Button></MessageBarActions>
              </MessageBar>
            )}
            <div className={styles.group}>
              {specs.map((spec) => {
                const path = `behaviour:${spec.key}`;
                return (
                  <AssumptionInput key={spec.key} variant="field" spec={spec} path={path} text={draft.behaviour[spec.key] ?? ''}
                    error={evaluation.fieldErrors.get(path)} lang={lang} locale={locale} currency={fmt.currency} dispatch={dispatch} />
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

import * as React from 'react';
import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { AssumptionSpec, Language } from '../../engine';
import { formats, hasMessage, rangeText, t, unitSuffix } from '../../i18n';
import type { Action } from '../state/draft';

export interface AssumptionInputProps {
  spec: AssumptionSpec;
  /** The draft path of the field ("plan:p1:commissionRenewal"). */
  path: string;
  /** The text as typed. */
  text: string;
  error?: string;
  /** A line under the input (e.g. the budget-neutral effective value). */
  note?: string;
  /** `field`: label, meaning and range shown around the input. `cell`: inside a table whose row header says them. */
  variant: 'field' | 'cell';
  /** Accessible name in a table cell ("Churn — SMB"). */
  ariaLabel?: string;
  lang: Language;
  locale: string;
  currency: string;
  dispatch: React.Dispatch<Action>;
}

const useStyles = makeStyles({
  cell: { minWidth: '84px', maxWidth: '150px' },
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  unit: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  note: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, marginTop: '2px' },
});

/** One catalogue assumption as a text input (typed text kept as is) or, for a choice, a select. */
export const AssumptionInput = React.memo(function AssumptionInput(p: AssumptionInputProps): React.ReactElement {
  const styles = useStyles();
  const range = rangeText(p.spec, p.lang, p.locale, p.currency);
  const unit = unitSuffix(p.spec, p.lang, formats(p.locale, p.currency).currencySymbol());
  const isCell = p.variant === 'cell';
  const onText = React.useCallback((_: unknown, data: { value: string }) => p.dispatch({ type: 'field', path: p.path, text: data.value }), [p.dispatch, p.path]);
  const onBlur = React.useCallback(() => p.dispatch({ type: 'commit' }), [p.dispatch]);
  const hint = isCell ? undefined : `${p.spec.meaning[p.lang]} ${t(p.lang, 'range', { range })}`;
  const control = p.spec.allowed ? (
    <Select value={p.text} onChange={onText} aria-label={isCell ? p.ariaLabel : undefined} data-path={p.path}>
      {p.spec.allowed.map((v) => {
        const key = `choice.${p.spec.key}.${v}`;
        return <option key={v} value={String(v)}>{hasMessage(key) ? t(p.lang, key) : String(v)}</option>;
      })}
    </Select>
  ) : (
    <Input
      className={styles.input}
      input={{ size: 6, className: styles.inner }}
      value={p.text}
      onChange={onText}
      onBlur={onBlur}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      aria-label={isCell ? p.ariaLabel : undefined}
      contentAfter={unit ? <span className={styles.unit} aria-hidden="true">{unit}</span> : undefined}
      data-path={p.path}
    />
  );
  return (
    <div>
      <Field
        className={isCell ? styles.cell : undefined}
        label={isCell ? undefined : `${p.spec.label[p.lang]}${unit ? ` (${unit})` : ''}`}
        hint={hint}
        validationState={p.error ? 'error' : 'none'}
        validationMessage={p.error}
        size={isCell ? 'small' : 'medium'}
      >
        {control}
      </Field>
      {p.note && <div className={styles.note}>{p.note}</div>}
    </div>
  );
});

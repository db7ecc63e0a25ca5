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
  /**
   * What the field shows while it is not being edited, for a stored text more precise than a reader
   * needs ("30.827203" → "30.8"); undefined: the text as stored. The stored text is kept unless the
   * user types: focusing shows the short text, and only typing replaces the stored one.
   */
  display?: (text: string, locale: string) => string | undefined;
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
  // While focused, the text as the user sees and types it (display split), for the stored text it
  // stands for: a change from elsewhere (scaling the weights, an undo) shows anew.
  const [editing, setEditing] = React.useState<{ shown: string; stored: string }>();
  const { display, locale } = p;
  const onText = React.useCallback((_: unknown, data: { value: string }) => {
    if (display) setEditing({ shown: data.value, stored: data.value });
    p.dispatch({ type: 'field', path: p.path, text: data.value });
  }, [p.dispatch, p.path, display]);
  const onFocus = React.useCallback(() => {
    if (display) setEditing({ shown: display(p.text, locale) ?? p.text, stored: p.text });
  }, [display, p.text, locale]);
  const onBlur = React.useCallback(() => {
    setEditing(undefined);
    p.dispatch({ type: 'commit' });
  }, [p.dispatch]);
  const shown = editing && editing.stored === p.text ? editing.shown : (display?.(p.text, locale) ?? p.text);
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
      value={shown}
      onChange={onText}
      onFocus={onFocus}
      onBlur={onBlur}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      aria-label={isCell ? p.ariaLabel : undefined}
      contentAfter={unit ? <span className={styles.unit} aria-hidden="true">{unit}</span> : undefined}
      data-path={p.path}
      data-value={shown !== p.text ? p.text : undefined}
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

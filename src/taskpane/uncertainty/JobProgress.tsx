import * as React from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { describeProblems, type Language } from '../../engine';
import type { Formats } from '../../i18n';
import type { JobState } from './useJob';
import { u, type UKey } from './texts';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: '8px' },
  bar: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px', fontSize: tokens.fontSizeBase200 },
  label: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  text: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  // A native progress element (no extra component chunk), drawn in the theme's colours; forced colours keep the system's.
  progress: {
    width: '100%', height: '8px', appearance: 'none', border: 'none', borderRadius: '4px', overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground6, color: tokens.colorBrandBackground,
    '::-webkit-progress-bar': { backgroundColor: tokens.colorNeutralBackground6 },
    '::-webkit-progress-value': { backgroundColor: tokens.colorBrandBackground },
    '::-moz-progress-bar': { backgroundColor: tokens.colorBrandBackground },
    '@media (forced-colors: active)': { appearance: 'auto', forcedColorAdjust: 'auto' },
  },
});

/**
 * A running job's progress bar and its Cancel button, or how the last job ended (cancelled, failed).
 * `unit` words the count: trials for a simulation, projections for an open-ended search (no total).
 */
export function JobProgress({ state, onCancel, lang, fmt, label, unit, testId, detail }: {
  state: JobState;
  onCancel: () => void;
  lang: Language;
  fmt: Formats;
  label: string;
  unit: UKey;
  testId: string;
  /** More about the run so far (a Monte Carlo's standard errors as they shrink). */
  detail?: string;
}): React.ReactElement | null {
  const styles = useStyles();
  if (state.status === 'running') {
    const known = Number.isFinite(state.total) && state.total > 0;
    const text = state.cancelling ? u(lang, 'cancelling') : u(lang, unit, { done: fmt.number(state.done), total: known ? fmt.number(state.total) : '' });
    const id = `${testId}-label`;
    return (
      <div className={styles.row} data-testid={testId}>
        <div className={styles.bar}>
          <span id={id} className={styles.label}>{label}</span>
          <progress className={styles.progress} aria-labelledby={id} aria-valuetext={text} max={known ? state.total : undefined} value={known ? state.done : undefined}
            data-testid={`${testId}-bar`} data-done={state.done} data-total={state.total} />
          <span className={styles.text} aria-hidden="true">{text}</span>
          {detail && <span className={styles.text} data-testid={`${testId}-errors`}>{detail}</span>}
        </div>
        <Button icon={<Dismiss16Regular />} onClick={onCancel} disabled={state.cancelling} data-testid={`${testId}-cancel`}>{u(lang, 'cancel')}</Button>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <MessageBar intent="warning" data-testid={`${testId}-cancelled`}>
        <MessageBarBody>
          {Number.isFinite(state.total) && state.total > 0
            ? u(lang, 'cancelled', { done: fmt.number(state.done), total: fmt.number(state.total) })
            : u(lang, 'cancelledSearch')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" data-testid={`${testId}-error`}>
        <MessageBarBody>{u(lang, 'failed', { error: state.problems ? describeProblems(state.problems, lang) : state.message })}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

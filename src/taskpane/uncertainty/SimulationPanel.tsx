import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Play16Regular } from '@fluentui/react-icons';
import type { Language, MonteCarloResult, Scenario } from '../../engine';
import type { Formats } from '../../i18n';
import { JobProgress } from './JobProgress';
import { MonteCarloView, type PlanNames } from './MonteCarloView';
import { MAX_PANE_TRIALS, type TableAction, type TableDraft, type TableEvaluation } from './table';
import { u } from './texts';
import type { Done, JobState } from './useJob';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // Grid items may shrink below their content (a long hint, a wide input) instead of overflowing the pane.
  settings: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: '6px 8px', alignItems: 'start', '& > *': { minWidth: 0 } },
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  info: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

/** What a simulation was run on: the scenario object and the table and settings as the engine saw them. */
export interface SimulationMeta {
  scenario: Scenario;
  inputs: string;
}

export interface SimulationPanelProps {
  lang: Language;
  fmt: Formats;
  table: TableDraft;
  evaluation: TableEvaluation;
  dispatch: React.Dispatch<TableAction>;
  planIndex: number;
  names: PlanNames;
  state: JobState;
  onRun: () => void;
  onCancel: () => void;
  done?: Done<MonteCarloResult, SimulationMeta>;
  /** The result is for other inputs than those on screen now. */
  stale: boolean;
  /** The "Insert into workbook" control (or the note that it needs Excel). */
  insert?: React.ReactNode;
}

/** A pooled run's standard errors so far (they shrink as the trials come back), for the progress bar. */
function errorsText(state: JobState, planIndex: number, lang: Language, fmt: Formats): string | undefined {
  const e = state.status === 'running' ? state.errors?.[planIndex] : undefined;
  if (!e) return undefined;
  const pts = (se: number) => fmt.number(100 * se, 100 * se < 0.1 ? 2 : 1);
  return u(lang, 'progressErrors', { npv: pts(e.pWinNpv), equity: pts(e.pWinEquity), tenure: pts(e.pBreakevenWithinTenure), mean: fmt.moneyShort(e.npvDeltaMean) });
}

/** Trials, seed, Latin hypercube; Run and Cancel with a progress bar; then the results. */
export function SimulationPanel(p: SimulationPanelProps): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, table, evaluation } = p;
  const running = p.state.status === 'running';
  const ready = !!evaluation.rows && evaluation.rows.length > 0 && !!evaluation.settings;
  const err = (path: string) => evaluation.fieldErrors.get(path);
  const problems = evaluation.messages.length;
  const r = p.done?.result;
  return (
    <section className={styles.section} aria-labelledby="mc-run-heading" data-testid="mc-panel">
      <h2 id="mc-run-heading" className={styles.heading}>{u(lang, 'runTitle')}</h2>
      <div className={styles.settings}>
        <Field label={u(lang, 'trials')} hint={u(lang, 'trialsHint', { min: fmt.number(1), max: fmt.number(MAX_PANE_TRIALS) })}
          validationState={err('trials') ? 'error' : 'none'} validationMessage={err('trials')}>
          <Input className={styles.input} input={{ size: 6, className: styles.inner }} value={table.trials} inputMode="numeric" autoComplete="off" data-path="trials"
            onChange={(_, d) => p.dispatch({ type: 'trials', text: d.value })} />
        </Field>
        <Field label={u(lang, 'seed')} hint={u(lang, 'seedHint')} validationState={err('seed') ? 'error' : 'none'} validationMessage={err('seed')}>
          <Input className={styles.input} input={{ size: 6, className: styles.inner }} value={table.seed} autoComplete="off" spellCheck={false} data-path="seed" onChange={(_, d) => p.dispatch({ type: 'seed', text: d.value })} />
        </Field>
      </div>
      <Field hint={u(lang, 'latinHypercubeHint')}>
        <Switch label={u(lang, 'latinHypercube')} checked={table.latinHypercube} data-testid="mc-lhs"
          onChange={(_, d) => p.dispatch({ type: 'latinHypercube', on: d.checked })} />
      </Field>
      {problems > 0 && (
        <MessageBar intent="error" data-testid="uncertainty-problems"><MessageBarBody>{u(lang, 'tableProblems', { count: problems })}</MessageBarBody></MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Play16Regular />} disabled={!ready || running} onClick={p.onRun} data-testid="mc-run">{u(lang, 'run')}</Button>
        {r && !running && p.insert}
      </div>
      <JobProgress state={p.state} onCancel={p.onCancel} lang={lang} fmt={fmt} label={u(lang, 'progressLabel')} unit="progress" testId="mc-progress"
        detail={errorsText(p.state, p.planIndex, lang, fmt)} />
      {p.done && r && (
        <>
          {p.stale && <MessageBar intent="warning" data-testid="mc-stale"><MessageBarBody>{u(lang, 'staleRun')}</MessageBarBody></MessageBar>}
          <p className={styles.info} data-testid="mc-run-info" data-ms={Math.round(p.done.ms)} data-where={p.done.where}>
            {u(lang, 'ranIn', {
              trials: fmt.number(r.trials), plan: p.names.plan, baseline: p.names.baseline, seed: String(r.seed),
              lhs: r.latinHypercube ? u(lang, 'lhsNote') : '', seconds: fmt.number(p.done.ms / 1000, 2),
            })}
          </p>
          {r.redrawn > 0 && <p className={styles.info}>{u(lang, 'redrawn', { count: fmt.number(r.redrawn) })}</p>}
          {r.trials < r.requestedTrials && (
            <p className={styles.info} data-testid="mc-converged">{u(lang, 'stoppedEarly', { trials: fmt.number(r.trials), requested: fmt.number(r.requestedTrials) })}</p>
          )}
          {r.correlation?.repaired && (
            <MessageBar intent="warning" data-testid="mc-corr-repaired">
              <MessageBarBody>{u(lang, 'correlationRepaired', { change: fmt.number(r.correlation.largestChange, 3) })}</MessageBarBody>
            </MessageBar>
          )}
          <MonteCarloView result={r} planIndex={p.planIndex} names={p.names} lang={lang} fmt={fmt} />
        </>
      )}
    </section>
  );
}

import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Play16Regular } from '@fluentui/react-icons';
import { DECISION_KEYS, findSpec, OBJECTIVES, type BudgetKind, type DecisionKey, type Language, type PlanValues } from '../../engine';
import { formatAssumption, unitSuffix, type Formats } from '../../i18n';
import type { OptimumSummary } from '../../workbook/uncertainty-sheet';
import { Num } from '../components/Num';
import { JobProgress } from './JobProgress';
import { boundPath, type BudgetChoice, type OptimizerDraft, type OptimizerEvaluation } from './optimizer';
import { u } from './texts';
import type { Done, JobState } from './useJob';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '4px 0 0' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: '6px 8px', alignItems: 'start', '& > *': { minWidth: 0 } },
  select: { minWidth: 0, width: '100%' },
  bounds: { display: 'grid', gridTemplateColumns: 'minmax(0, 1.4fr) minmax(0, 1fr) minmax(0, 1fr)', gap: '4px 6px', alignItems: 'start' },
  boundLabel: { fontSize: tokens.fontSizeBase200, paddingTop: '6px' },
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  unit: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: '3px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
    '& th': { textAlign: 'left' },
  },
  list: { margin: 0, paddingLeft: '20px', fontSize: tokens.fontSizeBase200 },
});

export interface OptimizeMeta {
  scenario: unknown;
  inputs: string;
  planIndex: number;
}

export interface OptimizerPanelProps {
  lang: Language;
  fmt: Formats;
  planName: string;
  draft: OptimizerDraft;
  onDraft: (d: OptimizerDraft) => void;
  evaluation: OptimizerEvaluation;
  /** The baseline plan's own budget figures: the default limits. */
  baselineBudget: Record<BudgetKind, number>;
  budgetNeutral: boolean;
  state: JobState;
  onRun: () => void;
  onCancel: () => void;
  done?: Done<OptimumSummary, OptimizeMeta>;
  stale: boolean;
  onLoad: (plan: PlanValues) => void;
  loaded: boolean;
  insert?: React.ReactNode;
}

const BUDGETS: readonly BudgetChoice[] = ['year1CompCost', 'compCostShare', 'none'];

/** Objective, bounds per rate and budget; the search; then the current plan beside the optimum, what binds, and a button to use it. */
export function OptimizerPanel(p: OptimizerPanelProps): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, draft } = p;
  const err = (path: string) => p.evaluation.fieldErrors.get(path);
  const setBound = (key: DecisionKey, end: 'min' | 'max', text: string) =>
    p.onDraft({ ...draft, bounds: { ...draft.bounds, [key]: { ...draft.bounds[key], [end]: text } } });
  const budgetText = (kind: BudgetKind, v: number) => (kind === 'compCostShare' ? fmt.percent(v, 2) : fmt.money(v));
  const r = p.done?.result;
  const running = p.state.status === 'running';
  return (
    <section className={styles.section} aria-labelledby="optimizer-heading" data-testid="optimizer">
      <h2 id="optimizer-heading" className={styles.heading}>{u(lang, 'optimizerTitle')}</h2>
      <p className={styles.hint}>{u(lang, 'optimizerHint', { plan: p.planName })} {u(lang, 'optimizerFloors')}</p>
      <div className={styles.pair}>
        <Field label={u(lang, 'objective')}>
          <Select className={styles.select} value={draft.objective} onChange={(_, d) => p.onDraft({ ...draft, objective: d.value as OptimizerDraft['objective'] })} data-testid="optimizer-objective">
            {OBJECTIVES.map((o) => <option key={o} value={o}>{u(lang, `objective.${o}`)}</option>)}
          </Select>
        </Field>
        <Field label={u(lang, 'budget')}>
          <Select className={styles.select} value={draft.budget} onChange={(_, d) => p.onDraft({ ...draft, budget: d.value as BudgetChoice, limit: '' })} data-testid="optimizer-budget">
            {BUDGETS.map((b) => <option key={b} value={b}>{u(lang, `budget.${b}`)}</option>)}
          </Select>
        </Field>
        {draft.budget !== 'none' && (
          <Field label={`${u(lang, 'budgetLimit')}${draft.budget === 'compCostShare' ? ' (%)' : ''}`}
            hint={`${u(lang, 'budgetLimitHint')}: ${budgetText(draft.budget, p.baselineBudget[draft.budget])}`}
            validationState={err('limit') ? 'error' : 'none'} validationMessage={err('limit')}>
            <Input className={styles.input} input={{ size: 6, className: styles.inner }} value={draft.limit} inputMode="decimal" autoComplete="off" data-path="limit" onChange={(_, d) => p.onDraft({ ...draft, limit: d.value })} />
          </Field>
        )}
      </div>
      <h3 className={styles.h3} id="bounds-heading">{u(lang, 'bounds')}</h3>
      <div className={styles.bounds} role="group" aria-labelledby="bounds-heading">
        <span className={styles.hint}>{u(lang, 'rate')}</span>
        <span className={styles.hint}>{u(lang, 'lower')}</span>
        <span className={styles.hint}>{u(lang, 'upper')}</span>
        {DECISION_KEYS.map((key) => {
          const spec = findSpec(key)!;
          const unit = unitSuffix(spec, lang, fmt.currencySymbol());
          return (
            <React.Fragment key={key}>
              <span className={styles.boundLabel}>{spec.label[lang]}</span>
              {(['min', 'max'] as const).map((end) => {
                const path = boundPath(key, end);
                return (
                  <Field key={end} size="small" validationState={err(path) ? 'error' : 'none'} validationMessage={err(path)}>
                    <Input className={styles.input} input={{ size: 4, className: styles.inner }} value={draft.bounds[key][end]} inputMode="decimal" autoComplete="off"
                      aria-label={u(lang, 'boundOf', { end: u(lang, end === 'min' ? 'lower' : 'upper'), key: spec.label[lang] })} data-path={path}
                      contentAfter={unit ? <span className={styles.unit} aria-hidden="true">{unit}</span> : undefined}
                      onChange={(_, d) => setBound(key, end, d.value)} />
                  </Field>
                );
              })}
            </React.Fragment>
          );
        })}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Play16Regular />} disabled={!p.evaluation.options || running} onClick={p.onRun} data-testid="optimizer-run">
          {u(lang, 'runOptimizer')}
        </Button>
        {r && !running && p.insert}
      </div>
      <JobProgress state={p.state} onCancel={p.onCancel} lang={lang} fmt={fmt} label={u(lang, 'optimizerTitle')} unit="optimizing" testId="optimizer-progress" />
      {r && <OptimumView {...p} r={r} />}
    </section>
  );
}

function OptimumView(p: OptimizerPanelProps & { r: OptimumSummary }): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, r } = p;
  const objectiveText = (v: number) => <Num text={fmt.money(v)} />;
  const budgetText = (kind: BudgetKind, v: number) => (kind === 'compCostShare' ? fmt.percent(v, 2) : fmt.money(v));
  const binding = new Map(r.binding.map((b) => [b.key, b.at]));
  return (
    <div className={styles.section} data-testid="optimum">
      {p.stale && <MessageBar intent="warning"><MessageBarBody>{u(lang, 'staleRun')}</MessageBarBody></MessageBar>}
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="optimum-heading">
        <table className={styles.table} data-testid="optimum-table">
          <caption id="optimum-heading" className="ceq-visually-hidden">{u(lang, 'optimum')}</caption>
          <thead>
            <tr>
              <th scope="col">{u(lang, 'rate')}</th>
              <th scope="col">{u(lang, 'current', { plan: p.planName })}</th>
              <th scope="col">{u(lang, 'optimum')}</th>
            </tr>
          </thead>
          <tbody>
            {DECISION_KEYS.map((key) => {
              const spec = findSpec(key)!;
              const at = binding.get(key);
              return (
                <tr key={key} data-key={key}>
                  <th scope="row">{spec.label[lang]}</th>
                  <td>{formatAssumption(spec, r.current[key], fmt)}</td>
                  <td data-testid={`optimum-${key}`}>{formatAssumption(spec, r.plan[key], fmt)}{at ? (at === 'lower' ? ' ▼' : ' ▲') : ''}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{u(lang, 'objectiveRow', { objective: u(lang, `objective.${r.objective}`) })}</th>
              <td>{objectiveText(r.currentValue)}</td>
              <td data-testid="optimum-value">{objectiveText(r.value)}</td>
            </tr>
            {r.budget && (
              <tr>
                <th scope="row">{u(lang, 'budgetRow', { limit: budgetText(r.budget.kind, r.budget.limit) })}</th>
                <td>{r.currentBudgetUsed !== undefined ? budgetText(r.budget.kind, r.currentBudgetUsed) : ''}</td>
                <td>{budgetText(r.budget.kind, r.budget.used)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className={styles.hint}>{u(lang, 'baselineObjective', { value: fmt.money(r.baselineValue) })} {u(lang, 'evaluations', { count: fmt.number(r.evaluations) })}</p>
      <h3 className={styles.h3}>{u(lang, 'binding')}</h3>
      <ul className={styles.list} data-testid="optimum-binding">
        {r.binding.map((b) => {
          const spec = findSpec(b.key)!;
          return <li key={b.key}>{u(lang, b.at === 'lower' ? 'bindingLower' : 'bindingUpper', { key: spec.label[lang], value: formatAssumption(spec, r.plan[b.key], fmt) })}</li>;
        })}
        {r.budget && <li>{u(lang, r.budget.binding ? 'bindingBudget' : 'budgetSlack')}</li>}
        {!r.budget && r.binding.length === 0 && <li>{u(lang, 'bindingNone')}</li>}
      </ul>
      {p.budgetNeutral && <p className={styles.hint}>{u(lang, 'budgetNeutralOn')}</p>}
      <div className={styles.actions}>
        <Button onClick={() => p.onLoad(r.plan)} disabled={p.stale} data-testid="optimum-load">{u(lang, 'loadOptimum', { plan: p.planName })}</Button>
      </div>
      {p.loaded && <MessageBar intent="success"><MessageBarBody>{u(lang, 'loadedOptimum', { plan: p.planName })}</MessageBarBody></MessageBar>}
    </div>
  );
}

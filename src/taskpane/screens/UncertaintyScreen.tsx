import * as React from 'react';
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import {
  budgetValue, DECISION_KEYS, type BudgetKind, type MonteCarloResult, type PlanValues, type Scenario, type TornadoResult,
} from '../../engine';
import { t } from '../../i18n';
import type { OptimumSummary, UncertaintyReport } from '../../workbook/uncertainty-sheet';
import { onUncertaintyRows, takeUncertaintyPairs, takeUncertaintyRows } from '../calibration/handoff';
import { ResultHeader } from '../components/ResultHeader';
import type { Computed } from '../state/compute';
import { useStudio } from '../studio';
import { InsertButton, insertIntoExcel } from '../uncertainty/InsertButton';
import type { PlanNames } from '../uncertainty/MonteCarloView';
import { defaultOptimizerDraft, evaluateOptimizer, relocalizeOptimizer, type OptimizerDraft } from '../uncertainty/optimizer';
import { OptimizerPanel, type OptimizeMeta } from '../uncertainty/OptimizerPanel';
import { SimulationPanel, type SimulationMeta } from '../uncertainty/SimulationPanel';
import { defaultTable, evaluateTable, reduceTable } from '../uncertainty/table';
import { u } from '../uncertainty/texts';
import { TornadoPanel, type TornadoMeta, type TornadoOutput } from '../uncertainty/TornadoPanel';
import { UncertaintyEditor } from '../uncertainty/UncertaintyEditor';
import { useJob, useRunner, type Done } from '../uncertainty/useJob';
import { CorrelationEditor } from '../uncertainty/CorrelationEditor';
import { emptyCorrelation, evaluateCorrelation, withPairs } from '../uncertainty/correlation-draft';
import { usePooledMonteCarlo } from '../uncertainty/usePool';
import { shareTable, type SharedTable } from '../uncertainty/shared-table';
import { VariancePanel } from '../uncertainty/VariancePanel';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: '16px' },
  rule: { border: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: 0, width: '100%' },
});

/**
 * The Uncertainty tab (docs/uncertainty.md, "In the task pane"): the uncertainty table, a Monte Carlo
 * run in the worker with its fan chart, histogram and crossover years, the tornado and the optimiser.
 * The tab stays mounted when another is open (tabs.ts keepMounted): the table as typed, a run in
 * progress and the last results survive a look at the scenario.
 */
export default function UncertaintyScreen(): React.ReactElement {
  const { lang, computed, planIndex } = useStudio();
  if (!computed || computed.scenario.proposed.length === 0) {
    return <MessageBar intent="info"><MessageBarBody>{t(lang, 'noProposed')}</MessageBarBody></MessageBar>;
  }
  return <UncertaintyTab computed={computed} index={Math.min(planIndex, computed.scenario.proposed.length - 1)} />;
}

function namesOf(s: Scenario, index: number): PlanNames {
  return {
    baseline: s.baseline.name, plan: s.proposed[Math.min(index, s.proposed.length - 1)].name, periodsPerYear: s.settings.periodsPerYear,
    tenureYears: s.settings.tenureYears, horizonYears: s.settings.horizonYears,
  };
}

/**
 * Hands the table to the Summary's "how sure" (shared-table.ts) once the user has edited its rows or
 * correlated two of them: its last valid state, marked stale while the table has problems; nothing
 * while unedited or once the tab closes (the Summary then runs the default table).
 */
function useShareWithSummary(edited: boolean, rows: SharedTable['rows'] | undefined, correlation: SharedTable['correlation'], invalid: boolean): void {
  const lastValid = React.useRef<Omit<SharedTable, 'stale'>>();
  React.useEffect(() => {
    if (!invalid && rows) lastValid.current = { rows, ...(correlation ? { correlation } : {}) };
    if (!edited) shareTable(undefined);
    else if (lastValid.current) shareTable({ ...lastValid.current, stale: invalid });
  }, [edited, rows, correlation, invalid]);
  React.useEffect(() => () => shareTable(undefined), []);
}

function UncertaintyTab({ computed, index }: { computed: Computed; index: number }): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt, host, draft, loadScenario, setPlanIndex } = useStudio();
  const scenario = computed.scenario;
  const getRunner = useRunner();

  // The table.
  const [table, dispatch] = React.useReducer(reduceTable, undefined, () => defaultTable(scenario, locale));
  React.useEffect(() => dispatch({ type: 'locale', locale }), [locale]);

  const evaluation = React.useMemo(() => evaluateTable(table, scenario, lang), [table, scenario, lang]);
  const rowsKey = JSON.stringify(evaluation.rows ?? null);

  // The simulation: every proposed plan at once, so choosing another plan needs no new run.
  const [mc, setMc] = React.useState<Done<MonteCarloResult, SimulationMeta>>();
  // On the pane's worker pool; correlations and the stopping tolerance from their own small editor.
  const mcJob = usePooledMonteCarlo<SimulationMeta>(setMc);
  const [corr, setCorr] = React.useState(emptyCorrelation);
  // The calibration's fitted parameters ("Use as baseline" on the Scenario screen), pending or offered
  // later: the rows join the table, the correlation of each segment's α and β estimates the matrix.
  React.useEffect(() => {
    const take = () => {
      const rows = takeUncertaintyRows();
      if (rows.length) dispatch({ type: 'import', rows });
      const pairs = takeUncertaintyPairs();
      if (pairs.length) setCorr((d) => withPairs(d, pairs, locale));
    };
    take();
    return onUncertaintyRows(take);
  }, [locale]);
  const corrEvaluation = React.useMemo(() => evaluateCorrelation(corr, evaluation.rows, locale), [corr, evaluation.rows, locale]);
  const extra = { correlation: corrEvaluation.correlation, tolerance: corrEvaluation.tolerance };
  // The stopping tolerance is the tab's own: only the rows and the matrix go to the Summary.
  const matrixBad = [...corrEvaluation.bad].some((k) => k !== 'tolerance');
  useShareWithSummary(!!table.edited || !!corrEvaluation.correlation, evaluation.rows, corrEvaluation.correlation, !evaluation.rows || matrixBad);
  // A bad correlation or tolerance holds the run back as a bad setting does.
  const simEvaluation = corrEvaluation.bad.size > 0 ? { ...evaluation, settings: undefined } : evaluation;
  const mcInputs = `${rowsKey}|${JSON.stringify(evaluation.settings ?? null)}|${JSON.stringify(extra)}`;
  const runSimulation = () => {
    if (!evaluation.rows || !evaluation.settings || corrEvaluation.bad.size > 0) return;
    void mcJob.start({ kind: 'monteCarlo', scenario, rows: evaluation.rows, ...evaluation.settings, ...extra }, { scenario, inputs: mcInputs });
  };
  const mcNames = React.useMemo(() => namesOf(mc?.meta.scenario ?? scenario, index), [mc, scenario, index]);

  // The tornado.
  const [output, setOutput] = React.useState<TornadoOutput>('customerEquityDelta');
  const [tornado, setTornado] = React.useState<Done<TornadoResult, TornadoMeta>>();
  const tornadoJob = useJob<'tornado', TornadoMeta>(getRunner, setTornado);
  const tornadoInputs = `${rowsKey}|${output}|${index}`;
  const runTornado = () => {
    if (!evaluation.rows) return;
    void tornadoJob.start({ kind: 'tornado', scenario, rows: evaluation.rows, options: { output, planIndex: index } }, { scenario, inputs: tornadoInputs });
  };

  // The optimiser.
  const [optDraft, setOptDraft] = React.useState<OptimizerDraft>(() => defaultOptimizerDraft(locale, scenario.baseline.values));
  React.useEffect(() => setOptDraft((d) => relocalizeOptimizer(d, locale)), [locale]);
  const optEvaluation = React.useMemo(() => evaluateOptimizer(optDraft, lang), [optDraft, lang]);
  const [optimum, setOptimum] = React.useState<Done<OptimumSummary, OptimizeMeta>>();
  const [loaded, setLoaded] = React.useState(false);
  const optJob = useJob<'optimize', OptimizeMeta>(getRunner, setOptimum);
  const optInputs = `${JSON.stringify(optEvaluation.options ?? null)}|${index}`;
  const current = scenario.proposed[index].values;
  const runOptimizer = () => {
    if (!optEvaluation.options) return;
    setLoaded(false);
    void optJob.start({ kind: 'optimize', scenario, options: { ...optEvaluation.options, start: current }, current }, { scenario, inputs: optInputs, planIndex: index });
  };
  const baselineBudget = React.useMemo((): Record<BudgetKind, number> => ({
    year1CompCost: budgetValue(computed.result.baseline, 'year1CompCost'), compCostShare: budgetValue(computed.result.baseline, 'compCostShare'),
  }), [computed]);
  const loadOptimum = (plan: PlanValues) => {
    const at = optimum?.meta.planIndex ?? index;
    const typed = computed.typed;
    const rates = Object.fromEntries(DECISION_KEYS.map((k) => [k, plan[k]]));
    loadScenario({ ...typed, proposed: typed.proposed.map((p, i) => (i === at ? { ...p, values: { ...p.values, ...rates } } : p)) });
    setPlanIndex(at);
    setLoaded(true);
  };

  // Inserting into the workbook writes every result the tab has.
  const report = (): UncertaintyReport => {
    const s = mc?.meta.scenario ?? scenario;
    return {
      scenarioName: s.name, baselineName: s.baseline.name, planName: namesOf(s, index).plan, planIndex: index,
      periodsPerYear: s.settings.periodsPerYear, monteCarlo: mc?.result, tornado: tornado?.result, optimum: optimum?.result,
    };
  };
  const excel = host.kind === 'excel';
  const insert = (testId: string) => (excel ? <InsertButton lang={lang} report={report} insert={insertIntoExcel} testId={testId} /> : undefined);

  return (
    <div className={styles.screen} data-testid="uncertainty">
      <ResultHeader />
      {!excel && <MessageBar intent="info" data-testid="uncertainty-preview-note"><MessageBarBody>{u(lang, 'insertNeedsExcel')}</MessageBarBody></MessageBar>}
      <UncertaintyEditor table={table} evaluation={evaluation} dispatch={dispatch} scenario={scenario} lang={lang} currency={fmt.currency} />
      {evaluation.rows && evaluation.rows.length > 0 && (
        <CorrelationEditor rows={evaluation.rows} draft={corr} evaluation={corrEvaluation} onDraft={setCorr} lang={lang} fmt={fmt} />
      )}
      <SimulationPanel lang={lang} fmt={fmt} table={table} evaluation={simEvaluation} dispatch={dispatch} planIndex={index} names={mcNames}
        state={mcJob.state} onRun={runSimulation} onCancel={mcJob.cancel} done={mc}
        stale={!!mc && (mc.meta.scenario !== scenario || mc.meta.inputs !== mcInputs)} insert={insert('mc-insert')} />
      <hr className={styles.rule} />
      <TornadoPanel lang={lang} fmt={fmt} output={output} onOutput={setOutput} ready={!!evaluation.rows} state={tornadoJob.state}
        onRun={runTornado} onCancel={tornadoJob.cancel} done={tornado}
        stale={!!tornado && (tornado.meta.scenario !== scenario || tornado.meta.inputs !== tornadoInputs)} insert={insert('tornado-insert')} />
      <VariancePanel result={mc?.result} output={output} planIndex={index} lang={lang} fmt={fmt} />
      <hr className={styles.rule} />
      <OptimizerPanel lang={lang} fmt={fmt} planName={scenario.proposed[index].name} draft={optDraft} onDraft={setOptDraft} evaluation={optEvaluation}
        baselineBudget={baselineBudget} budgetNeutral={draft.budgetNeutral} state={optJob.state} onRun={runOptimizer} onCancel={optJob.cancel}
        done={optimum} stale={!!optimum && !loaded && (optimum.meta.scenario !== scenario || optimum.meta.inputs !== optInputs)}
        onLoad={loadOptimum} loaded={loaded} insert={insert('optimum-insert')} />
    </div>
  );
}

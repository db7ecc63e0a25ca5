import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { describeProblem, ModelError, type Language } from '../../engine';
import { readSelectedLedger } from '../../office/ledger';
import { useStudio } from '../studio';
import { analyseLedger, baselineFrom, fittedCorrelations, fittedUncertainty, type Analysis } from './analysis';
import { BridgeView } from './BridgeView';
import { CalibratedTable } from './CalibratedTable';
import { parseCsv } from './csv';
import { offerUncertaintyRows } from './handoff';
import { c, reasonLabel } from './texts';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: '8px' },
  drop: { border: `1px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '8px' },
  dropping: { backgroundColor: tokens.colorNeutralBackground2 },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 0' },
});

function messageOf(e: unknown, lang: Language): string {
  return e instanceof ModelError ? e.problems.map((p) => describeProblem(p, lang)).join('; ') : String((e as Error)?.message ?? e);
}

/**
 * "Your data": a subscription ledger (in Excel the selected range, in the preview a pasted or dropped
 * CSV) calibrated into the segment assumptions, with its bridge, the back-test and "Use as baseline".
 */
export function YourDataStep(): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, host, draft, evaluation, computed, loadScenario } = useStudio();
  const scenario = evaluation.scenario ?? computed?.typed ?? draft.source;
  const [text, setText] = React.useState('');
  const [dropping, setDropping] = React.useState(false);
  const [progress, setProgress] = React.useState<string>();
  const [analysis, setAnalysis] = React.useState<Analysis>();
  const [error, setError] = React.useState<string>();
  const [used, setUsed] = React.useState<string>();

  const analyse = (grid: unknown[][]) => {
    setUsed(undefined);
    try {
      setAnalysis(analyseLedger(grid, scenario, lang));
      setError(undefined);
    } catch (e) {
      setAnalysis(undefined);
      setError(c(lang, 'failed', { error: messageOf(e, lang) }));
    }
  };

  const readExcel = async () => {
    try {
      const read = await readSelectedLedger((done, total) => setProgress(c(lang, 'reading', { done: fmt.number(done), total: fmt.number(total) })));
      analyse(read.rows);
    } catch (e) {
      setError(c(lang, 'failed', { error: messageOf(e, lang) }));
    } finally {
      setProgress(undefined);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const content = await file.text();
    setText(content.length > 200_000 ? '' : content);
    analyse(parseCsv(content));
  };

  const useAsBaseline = () => {
    if (!analysis) return;
    const rows = fittedUncertainty(analysis.calibration);
    loadScenario(baselineFrom(scenario, analysis.calibration));
    const pairs = fittedCorrelations(analysis.calibration);
    offerUncertaintyRows(rows, pairs);
    setUsed(c(lang, 'used', { rows: rows.length, pairs: pairs.length }));
  };

  const l = analysis?.calibration.ledger;
  const b = analysis?.backtest;
  return (
    <div className={styles.step} data-testid="your-data">
      <p>{c(lang, 'intro')}</p>
      {host.kind === 'excel' ? (
        <Button appearance="primary" onClick={() => void readExcel()} disabled={progress !== undefined}>{c(lang, 'readSelection')}</Button>
      ) : (
        <div
          className={`${styles.drop} ${dropping ? styles.dropping : ''}`}
          onDragOver={(e) => { e.preventDefault(); setDropping(true); }}
          onDragLeave={() => setDropping(false)}
          onDrop={(e) => { e.preventDefault(); setDropping(false); void readFile(e.dataTransfer.files[0]); }}
        >
          <Field label={c(lang, 'pasteLabel')}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={4} data-testid="ledger-text" />
          </Field>
          <label>
            {c(lang, 'dropHint')} <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} data-testid="ledger-file" />
          </label>
          <div><Button appearance="primary" onClick={() => analyse(parseCsv(text))} disabled={!text.trim()}>{c(lang, 'analyse')}</Button></div>
        </div>
      )}
      {progress && <span role="status">{progress}</span>}
      {error && <MessageBar intent="error" data-testid="ledger-error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {l && analysis && (
        <>
          <p data-testid="ledger-summary">
            {c(lang, 'summary', {
              rows: fmt.number(l.rowsRead), used: fmt.number(l.rowsUsed), customers: fmt.number(l.customers.length), periods: l.periods,
              first: l.labels[0], last: l.labels[l.periods - 1], segments: l.segments.length,
            })}
          </p>
          {(l.skipped.length > 0 || l.warnings.length > 0) && (
            <MessageBar intent="warning" data-testid="ledger-problems">
              <MessageBarBody>
                {l.skipped.length > 0 && <div>{c(lang, 'skipped')}: {l.skipped.map((s) => `${reasonLabel(s.reason, lang)} ${s.count}`).join(', ')}</div>}
                {l.warnings.length > 0 && <div>{c(lang, 'kept')}: {l.warnings.map((s) => `${reasonLabel(s.reason, lang)} ${s.count}`).join(', ')}</div>}
                {l.problems.length > 0 && (
                  <>
                    {c(lang, 'firstProblems')}
                    <ul className={styles.list}>{l.problems.slice(0, 8).map((p, i) => <li key={i}>{describeProblem(p, lang)}</li>)}</ul>
                  </>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          <BridgeView bridge={analysis.calibration.bridge} lang={lang} fmt={fmt} />
          <h3 className={styles.heading}>{c(lang, 'calibratedTitle', { months: analysis.calibration.windowMonths })}</h3>
          <CalibratedTable calibration={analysis.calibration} scenario={scenario} lang={lang} fmt={fmt} />
          {analysis.calibration.segments.filter((s) => s.fit && !s.curveIdentified).map((s) => <p key={s.name}>{c(lang, 'flatChurn', { segment: s.name })}</p>)}
          <h3 className={styles.heading}>{c(lang, 'backtestTitle')}</h3>
          <p data-testid="ledger-backtest">
            {b ? c(lang, 'backtest', { cutoff: l.labels[b.cutoff], periods: b.rows.length, arr: fmt.percent(b.arrMape, 1), customers: fmt.percent(b.customersMape, 1) })
              : analysis.backtestError ? c(lang, 'backtestFailed', { error: analysis.backtestError }) : c(lang, 'backtestShort')}
          </p>
          <MessageBar intent="info"><MessageBarBody>{c(lang, 'behaviour')}</MessageBarBody></MessageBar>
          <div><Button appearance="primary" onClick={useAsBaseline} data-testid="use-as-baseline">{c(lang, 'useAsBaseline')}</Button></div>
          {used && <MessageBar intent="success" data-testid="ledger-used"><MessageBarBody>{used}</MessageBarBody></MessageBar>}
        </>
      )}
    </div>
  );
}

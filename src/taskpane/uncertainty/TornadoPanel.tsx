import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Play16Regular } from '@fluentui/react-icons';
import { describeProblems, findSpec, type ComparisonOutput, type Language, type TornadoResult } from '../../engine';
import { formatAssumption, t, type Formats } from '../../i18n';
import { assumptionName } from '../../workbook/uncertainty-sheet';
import { JobProgress } from './JobProgress';
import { TornadoChart, type TornadoBar } from './TornadoChart';
import { u } from './texts';
import type { Done, JobState } from './useJob';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
});

export const TORNADO_OUTPUTS = ['customerEquityDelta', 'npvDelta', 'tenureNpvDelta'] as const satisfies readonly ComparisonOutput[];
export type TornadoOutput = (typeof TORNADO_OUTPUTS)[number];

export interface TornadoMeta {
  inputs: string;
  scenario: unknown;
}

/** The tornado's rows as bars: catalogue names, inputs in the units they are typed in. */
export function tornadoBars(result: TornadoResult, lang: Language, fmt: Formats): TornadoBar[] {
  return result.rows.map((r) => {
    const spec = findSpec(r.label.slice(r.label.lastIndexOf('.') + 1));
    const input = (v: number) => (spec ? formatAssumption(spec, v, fmt) : fmt.number(v, 3));
    return { label: assumptionName(r.label, lang), lowInput: input(r.low), highInput: input(r.high), outputLow: r.outputLow, outputHigh: r.outputHigh, swing: r.swing };
  });
}

export interface TornadoPanelProps {
  lang: Language;
  fmt: Formats;
  output: TornadoOutput;
  onOutput: (o: TornadoOutput) => void;
  /** False while the table has problems (the tornado swings its rows). */
  ready: boolean;
  state: JobState;
  onRun: () => void;
  onCancel: () => void;
  done?: Done<TornadoResult, TornadoMeta>;
  stale: boolean;
  insert?: React.ReactNode;
}

/** Which assumption matters most: one at a time, P10 to P90 for the table's rows and ±20 % for the rest. */
export function TornadoPanel(p: TornadoPanelProps): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt } = p;
  const r = p.done?.result;
  const bars = React.useMemo(() => (r ? tornadoBars(r, lang, fmt) : []), [r, lang, fmt]);
  const outputName = r ? u(lang, `output.${r.output as TornadoOutput}`) : '';
  return (
    <section className={styles.section} aria-labelledby="tornado-heading">
      <h2 id="tornado-heading" className={styles.heading}>{u(lang, 'tornadoTitle')}</h2>
      <p className={styles.hint}>{u(lang, 'tornadoHint')}</p>
      <div className={styles.actions}>
        <Field label={u(lang, 'output')}>
          <Select value={p.output} onChange={(_, d) => p.onOutput(d.value as TornadoOutput)} data-testid="tornado-output">
            {TORNADO_OUTPUTS.map((o) => <option key={o} value={o}>{u(lang, `output.${o}`)}</option>)}
          </Select>
        </Field>
        <Button icon={<Play16Regular />} disabled={!p.ready || p.state.status === 'running'} onClick={p.onRun} data-testid="tornado-run">{u(lang, 'runTornado')}</Button>
        {r && p.state.status !== 'running' && p.insert}
      </div>
      <JobProgress state={p.state} onCancel={p.onCancel} lang={lang} fmt={fmt} label={u(lang, 'tornadoTitle')} unit="progress" testId="tornado-progress" />
      {r && (
        <>
          {p.stale && <MessageBar intent="warning"><MessageBarBody>{u(lang, 'staleRun')}</MessageBarBody></MessageBar>}
          {bars.length > 0 && (
            <TornadoChart testId="chart-tornado" title={u(lang, 'tornadoChartTitle', { output: outputName })}
              description={u(lang, 'tornadoDescription', {
                base: fmt.moneyShort(r.base), top: bars[0].label,
                low: fmt.moneyShort(Math.min(bars[0].outputLow, bars[0].outputHigh)), high: fmt.moneyShort(Math.max(bars[0].outputLow, bars[0].outputHigh)),
              })}
              base={r.base} bars={bars} format={fmt.money} axisFormat={fmt.moneyShort} tableLabel={t(lang, 'dataTable')}
              names={{ assumption: u(lang, 'assumption'), lowInput: u(lang, 'lowInput'), highInput: u(lang, 'highInput'), atLow: u(lang, 'atLow'), atHigh: u(lang, 'atHigh'), swing: u(lang, 'swing') }} />
          )}
          {r.skipped.length > 0 && (
            <p className={styles.hint}>
              {u(lang, 'skipped', { list: r.skipped.map((s) => `${assumptionName(s.label, lang)} (${describeProblems(s.problems.slice(0, 1), lang)})`).join('; ') })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

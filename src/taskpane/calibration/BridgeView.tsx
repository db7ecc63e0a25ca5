import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Bridge, BridgeField, Language } from '../../engine';
import type { Formats } from '../../i18n';
import { LineChart } from '../charts';
import { c, type TextKey } from './texts';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%', '& th, & td': { padding: '2px 4px', textAlign: 'right' }, '& th:first-child, & td:first-child': { textAlign: 'left' } },
  scroll: { overflowX: 'auto' },
});

const FLOWS: readonly [TextKey, BridgeField][] = [
  ['opening', 'opening'], ['new', 'new'], ['expansion', 'expansion'], ['contraction', 'contraction'],
  ['churn', 'churn'], ['reactivation', 'reactivation'], ['closing', 'closing'],
];

/** The ARR bridge: closing ARR as a chart, the flows of the last twelve periods as a table, retention per year. */
export function BridgeView({ bridge, lang, fmt }: { bridge: Bridge; lang: Language; fmt: Formats }): React.ReactElement {
  const styles = useStyles();
  const l = bridge.ledger;
  const closing = Array.from({ length: l.periods }, (_, t) => bridge.value('closing', t) / 100);
  const shown = Array.from({ length: Math.min(12, l.periods - 1) }, (_, i) => l.periods - Math.min(12, l.periods - 1) + i);
  const years = bridge.years[bridge.totalIndex];
  return (
    <div>
      <LineChart
        title={c(lang, 'bridgeTitle')} description={c(lang, 'bridgeDescription')} xLabels={l.labels} xHeader={c(lang, 'period')}
        series={[{ name: c(lang, 'closing'), kind: 'baseline', values: closing }]}
        format={(v) => fmt.money(v)} axisFormat={(v) => fmt.moneyShort(v)} tableLabel={c(lang, 'bridgeTitle')} testId="ledger-bridge-chart"
      />
      {/* Scrolls sideways on a narrow pane: focusable, so a keyboard can scroll it too. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={c(lang, 'bridgeTitle')}>
        <table className={styles.table} data-testid="ledger-bridge">
          <thead>
            <tr><th>{c(lang, 'period')}</th>{FLOWS.map(([label]) => <th key={label}>{c(lang, label)}</th>)}</tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr key={t}>
                <td>{l.labels[t]}</td>
                {FLOWS.map(([label, field]) => {
                  const v = bridge.value(field, t) / 100;
                  const sign = field === 'contraction' || field === 'churn' ? -1 : 1;
                  return <td key={label}>{fmt.money(sign * v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {years.length > 0 && (
        <table className={styles.table} data-testid="ledger-retention">
          <caption>{c(lang, 'retentionTitle')}</caption>
          <thead><tr><th>{c(lang, 'yearTo')}</th><th>NRR</th><th>GRR</th><th>{c(lang, 'logoRetention')}</th></tr></thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.to}><td>{l.labels[y.to]}</td><td>{fmt.percent(y.nrr, 1)}</td><td>{fmt.percent(y.grr, 1)}</td><td>{fmt.percent(y.logoRetention, 1)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

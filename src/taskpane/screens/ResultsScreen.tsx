import * as React from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Copy16Regular } from '@fluentui/react-icons';
import { capitalise, periodAxisLabel, periodText, t } from '../../i18n';
import { BarChart, LineChart } from '../charts';
import { copyText } from '../clipboard';
import { Num } from '../components/Num';
import { AttributionWaterfall } from '../attribution/AttributionWaterfall';
import { ResultHeader } from '../components/ResultHeader';
import { planView } from '../state/compute';
import { cellText, metricsTable, toTsv } from '../state/metrics-table';
import { useStudio } from '../studio';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: '16px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tableHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: '3px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap' },
    '& td': { textAlign: 'right' },
    '& th': { textAlign: 'left' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold },
  },
  metric: { fontWeight: tokens.fontWeightSemibold, verticalAlign: 'top' },
  plan: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  change: { backgroundColor: tokens.colorNeutralBackground2 },
});

/** ARR, revenue, cumulative contribution delta and comp cost, baseline against proposed, and the metrics table. */
export default function ResultsScreen(): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt, computed, planIndex } = useStudio();
  const index = computed ? Math.min(planIndex, computed.result.proposed.length - 1) : 0;
  const view = React.useMemo(() => (computed ? planView(computed, index) : undefined), [computed, index]);
  const table = React.useMemo(() => (view ? metricsTable(view, lang) : undefined), [view, lang]);
  const [copied, setCopied] = React.useState<boolean>();
  if (!view || !table) return <MessageBar intent="info"><MessageBarBody>{t(lang, 'noProposed')}</MessageBarBody></MessageBar>;

  const c = view.comparison;
  const ppy = view.periodsPerYear;
  const years = view.baselineYears.map((r) => t(lang, 'yearShort', { n: r.year }));
  const pick = (rows: typeof view.baselineYears, m: 'arr' | 'revenue' | 'compCost') => rows.map((r) => r[m]);
  const both = (m: 'arr' | 'revenue' | 'compCost') => [
    { name: view.baselineName, kind: 'baseline' as const, values: pick(view.baselineYears, m) },
    { name: view.name, kind: 'proposed' as const, values: pick(view.proposedYears, m) },
  ];
  const markers = [
    ...(c.crossoverPeriod !== null ? [{ at: c.crossoverPeriod - 1, label: `${t(lang, 'crossoverMark')}` }] : []),
    ...(c.breakevenPeriod !== null ? [{ at: c.breakevenPeriod - 1, label: `${t(lang, 'breakevenMark')}` }] : []),
  ];
  const common = { format: fmt.money, axisFormat: fmt.moneyShort, tableLabel: t(lang, 'dataTable') };
  const copy = async () => setCopied(await copyText(toTsv(table, lang, locale)));

  return (
    <div className={styles.screen}>
      <ResultHeader />
      <LineChart {...common} testId="chart-arr" title={t(lang, 'arrChart')} xLabels={years} xHeader={t(lang, 'year')} series={both('arr')} />
      <BarChart {...common} testId="chart-revenue" title={t(lang, 'revenueChart')} categories={years} categoryHeader={t(lang, 'year')} series={both('revenue')} />
      <LineChart {...common} testId="chart-contribution" title={t(lang, 'contributionChart')}
        description={`${t(lang, 'crossover')}: ${periodText(c.crossoverPeriod, ppy, lang)}. ${t(lang, 'breakeven')}: ${periodText(c.breakevenPeriod, ppy, lang)}.`}
        xLabels={Array.from(view.cumulativeDelta, (_, i) => periodAxisLabel(i, ppy, lang))} xHeader={t(lang, 'period')}
        series={[{ name: `${view.name} − ${view.baselineName}`, kind: 'delta', values: view.cumulativeDelta }]} markers={markers} />
      <BarChart {...common} testId="chart-comp" title={t(lang, 'compCostChart')} categories={years} categoryHeader={t(lang, 'year')} series={both('compCost')} />
      <AttributionWaterfall computed={computed} index={index} />

      <div>
        <div className={styles.tableHead}>
          <h2 id="metrics-heading" className={styles.heading}>{t(lang, 'metricsTable')}</h2>
          <Button size="small" icon={<Copy16Regular />} onClick={copy} data-testid="copy-table">{t(lang, 'copyTable')}</Button>
        </div>
        {copied !== undefined && (
          <MessageBar intent={copied ? 'success' : 'warning'}><MessageBarBody>{t(lang, copied ? 'copied' : 'copyFailed')}</MessageBarBody></MessageBar>
        )}
        <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="metrics-heading">
          <table className={styles.table} data-testid="metrics-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'metric')}</th>
                <th scope="col">{t(lang, 'plan')}</th>
                {table.years.map((y) => <th scope="col" key={y}>{capitalise(y)}</th>)}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={`${r.metric}-${r.line}`} className={r.line === 'change' ? styles.change : undefined} data-metric={r.metric} data-line={r.line}>
                  {r.line === 'baseline' && <th scope="rowgroup" rowSpan={3} className={styles.metric}>{r.metricLabel}</th>}
                  <th scope="row" className={styles.plan}>{r.lineLabel}</th>
                  {r.values.map((v, i) => <td key={i}><Num text={cellText(r.kind, v, fmt, lang)} better={r.line === 'change' ? (r.metric === 'compCost' ? 'lower' : 'higher') : undefined} /></td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

import * as React from 'react';
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { capitalise, periodAxisLabel, periodText, t } from '../../i18n';
import { Num } from '../components/Num';
import { useStudio } from '../studio';
import { planView } from '../state/compute';

const LineChart = React.lazy(() => import('../charts').then((m) => ({ default: m.LineChart })));

const useStyles = makeStyles({
  strip: {
    position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '6px 10px', margin: '0 -10px',
  },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '6px', margin: 0 },
  term: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, margin: 0 },
  value: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: 'tabular-nums' },
  // Stale results keep full contrast (no dimming): a warning edge and a line of text say so.
  stale: { borderLeft: `4px solid ${tokens.colorStatusWarningBorderActive}` },
  staleText: { fontSize: tokens.fontSizeBase100, color: tokens.colorStatusWarningForeground1, margin: '0 0 2px', fontWeight: tokens.fontWeightSemibold },
  chart: { minHeight: '100px' },
});

/**
 * The live result above the inputs: NPV, break-even and customer equity change, and the cumulative
 * contribution delta, redrawn on every edit. Dimmed (with the reason at the top of the form) while the
 * inputs are invalid: it then shows the last valid inputs.
 */
export function LiveStrip(): React.ReactElement | null {
  const styles = useStyles();
  const { computed, planIndex, lang, fmt, stale } = useStudio();
  const view = React.useMemo(() => (computed ? planView(computed, Math.min(planIndex, computed.result.proposed.length - 1)) : undefined), [computed, planIndex]);
  if (!view) return null;
  const c = view.comparison;
  const ppy = view.periodsPerYear;
  const labels = Array.from(view.cumulativeDelta, (_, i) => periodAxisLabel(i, ppy, lang));
  const markers = [
    ...(c.crossoverPeriod !== null ? [{ at: c.crossoverPeriod - 1, label: t(lang, 'crossoverMark') }] : []),
    ...(c.breakevenPeriod !== null ? [{ at: c.breakevenPeriod - 1, label: t(lang, 'breakevenMark') }] : []),
  ];
  return (
    <section className={stale ? `${styles.strip} ${styles.stale}` : styles.strip} aria-label={t(lang, 'live')} data-testid="live-strip" data-stale={stale}>
      {stale && <p className={styles.staleText}>{t(lang, 'liveStale')}</p>}
      <dl className={styles.figures}>
        <div>
          <dt className={styles.term}>{t(lang, 'npv')}</dt>
          <dd className={styles.value} data-testid="live-npv"><Num text={fmt.moneyShort(c.npvDelta)} /></dd>
        </div>
        <div>
          <dt className={styles.term}>{t(lang, 'breakeven')}</dt>
          <dd className={styles.value} data-testid="live-breakeven">{capitalise(periodText(c.breakevenPeriod, ppy, lang))}</dd>
        </div>
        <div>
          <dt className={styles.term}>{t(lang, 'equity')}</dt>
          <dd className={styles.value} data-testid="live-equity"><Num text={fmt.moneyShort(c.customerEquityDelta)} /></dd>
        </div>
      </dl>
      <div className={styles.chart}>
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <LineChart compact testId="live-chart" title={`${t(lang, 'contributionChart')} (${view.name})`} xLabels={labels} xHeader={t(lang, 'period')}
            series={[{ name: t(lang, 'contributionChart'), kind: 'delta', values: view.cumulativeDelta }]} markers={markers}
            format={fmt.money} axisFormat={fmt.moneyShort} tableLabel={t(lang, 'dataTable')} height={100} />
        </React.Suspense>
      </div>
    </section>
  );
}

import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { histogram, type Language, type MonteCarloResult } from '../../engine';
import { periodAxisLabel, t, type Formats } from '../../i18n';
import { HISTOGRAM_BINS } from '../../workbook/uncertainty-sheet';
import { BarChart, LineChart } from '../charts';
import { Num } from '../components/Num';
import { shareText } from './share';
import { u } from './texts';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: '14px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(165px, 1fr))', gap: '8px', margin: 0 },
  card: { backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, padding: '8px 10px' },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: '2px 0', fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  hint: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Each bin by its lower edge, short ("$6.22M"); in full where short labels would repeat (a narrow spread). */
export function binLabels(from: readonly number[], fmt: Formats): string[] {
  const short = from.map(fmt.moneyShort);
  return new Set(short).size === short.length ? short : from.map(fmt.money);
}

export interface PlanNames {
  baseline: string;
  plan: string;
  periodsPerYear: number;
  tenureYears: number;
  horizonYears: number;
}

/**
 * A simulation's answer for one proposed plan: the probabilities an executive asks for, in words and
 * numbers, then the fan chart of the cumulative contribution delta, the histogram of the NPV delta and
 * the crossover and break-even years (docs/uncertainty.md says how to read each).
 */
export const MonteCarloView = React.memo(function MonteCarloView({ result, planIndex, names, lang, fmt }: {
  result: MonteCarloResult;
  planIndex: number;
  names: PlanNames;
  lang: Language;
  fmt: Formats;
}): React.ReactElement | null {
  const styles = useStyles();
  const plan = result.plans[planIndex];
  const fan = result.series.find((s) => s.kind === 'cumulativeDelta' && s.metric === 'contribution' && s.plan === planIndex);
  const hist = React.useMemo(() => (plan ? histogram(plan.trials.npvDelta, HISTOGRAM_BINS) : undefined), [plan]);
  if (!plan || !fan || !hist) return null;
  const n = result.trials;
  const pct = (p: number) => shareText(p, fmt, n);
  // The Monte Carlo error of the share: about ±2 standard errors (engine montecarlo-errors.ts), in percentage points.
  const points = 200 * plan.errors.pWinNpv;
  const error = fmt.number(points, points < 0.1 ? 2 : 1);
  const last = fan.bands.p50.length - 1;
  const common = { format: fmt.money, axisFormat: fmt.moneyShort, tableLabel: t(lang, 'dataTable') };
  const cards = [
    { id: 'pwin-npv', term: u(lang, 'pWinNpv'), value: pct(plan.pWinNpv),
      hint: u(lang, 'pWinNpvText', { p: pct(plan.pWinNpv), trials: fmt.number(n), error }) },
    { id: 'pwin-equity', term: u(lang, 'pWinEquity'), value: pct(plan.pWinEquity), hint: u(lang, 'pWinEquityText', { p: pct(plan.pWinEquity) }) },
    { id: 'p-tenure', term: u(lang, 'pTenure'), value: pct(plan.pBreakevenWithinTenure),
      hint: u(lang, 'pTenureText', { p: pct(plan.pBreakevenWithinTenure), tenure: Math.min(names.tenureYears, names.horizonYears) }) },
    { id: 'npv-p50', term: u(lang, 'medianNpv'), value: <Num text={fmt.money(plan.npvDelta.p50)} />,
      hint: u(lang, 'npvRange', { p10: fmt.moneyShort(plan.npvDelta.p10), p90: fmt.moneyShort(plan.npvDelta.p90) }) },
    { id: 'last-p50', term: u(lang, 'lastP50'), value: <Num text={fmt.money(fan.bands.p50[last])} />,
      hint: u(lang, 'npvRange', { p10: fmt.moneyShort(fan.bands.p10[last]), p90: fmt.moneyShort(fan.bands.p90[last]) }) },
  ];
  const years = plan.breakeven.byYear.length;
  const yearLabels = [...Array.from({ length: years }, (_, y) => t(lang, 'yearShort', { n: y + 1 })), u(lang, 'never')];
  const shares = (d: { byYear: number[]; never: number }) => [...d.byYear, d.never].map((c) => c / n);
  return (
    <section className={styles.results} aria-labelledby="mc-results-heading" data-testid="mc-results">
      <h2 id="mc-results-heading" className={styles.heading}>{u(lang, 'resultsTitle')}</h2>
      <dl className={styles.cards}>
        {cards.map((c) => (
          <div key={c.id} className={styles.card}>
            <dt className={styles.term}>{c.term}</dt>
            <dd className={styles.value} data-testid={`mc-${c.id}`}>{c.value}</dd>
            <dd className={styles.hint} data-testid={`mc-${c.id}-text`}>{c.hint}</dd>
          </div>
        ))}
      </dl>
      <LineChart {...common} testId="chart-fan" title={u(lang, 'fanTitle')}
        description={u(lang, 'fanDescription', { p50: fmt.moneyShort(fan.bands.p50[last]), p10: fmt.moneyShort(fan.bands.p10[last]), p90: fmt.moneyShort(fan.bands.p90[last]) })}
        xLabels={Array.from(fan.bands.p50, (_, i) => periodAxisLabel(i, names.periodsPerYear, lang))} xHeader={t(lang, 'period')}
        bands={[{ name: u(lang, 'band'), kind: 'delta', lower: fan.bands.p10, upper: fan.bands.p90 }]}
        series={[{ name: u(lang, 'p50'), kind: 'delta', values: fan.bands.p50 }]} />
      <BarChart testId="chart-histogram" title={u(lang, 'histogramTitle')} description={u(lang, 'histogramDescription')}
        categories={binLabels(hist.edges.slice(0, -1), fmt)} categoryHeader={u(lang, 'npvFrom')}
        series={[{ name: u(lang, 'trialsCount'), kind: 'proposed', values: hist.counts }]}
        format={(v) => fmt.number(v)} tableLabel={t(lang, 'dataTable')} />
      <BarChart testId="chart-years" title={u(lang, 'yearsTitle')}
        description={u(lang, 'yearsDescription', { years: names.horizonYears, crossNever: pct(plan.crossover.never / n), breakNever: pct(plan.breakeven.never / n) })}
        categories={yearLabels} categoryHeader={u(lang, 'when')}
        series={[
          { name: u(lang, 'crossoverSeries'), kind: 'alt1', values: shares(plan.crossover) },
          { name: u(lang, 'breakevenSeries'), kind: 'proposed', values: shares(plan.breakeven) },
        ]}
        format={pct} axisFormat={(v) => fmt.percent(v, 0)} tableLabel={t(lang, 'dataTable')} />
    </section>
  );
});

import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { findSpec, leverUnchanged, levers, swings, topDrivers, UNCERTAIN_KEYS, type Swing } from '../../engine';
import { capitalise, formatAssumption, periodText, t } from '../../i18n';
import { Num } from '../components/Num';
import { AttributionWaterfall } from '../attribution/AttributionWaterfall';
import { ResultHeader } from '../components/ResultHeader';
import { HorizonTable } from '../summary/HorizonTable';
import { h } from '../summary/texts';
import { useStudio } from '../studio';
import type { Computed } from '../state/compute';
import { SummaryHowSure } from './SummaryHowSure';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: '14px' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  headline: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, margin: 0 },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(165px, 1fr))', gap: '8px', margin: 0 },
  card: { backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, padding: '8px 10px' },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: '2px 0', fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  hint: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, margin: 0 },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0 0 4px' },
  bars: { display: 'grid', gridTemplateColumns: 'minmax(0, 45%) minmax(0, 1fr)', gap: '6px 8px', alignItems: 'center', margin: 0 },
  barLabel: { fontSize: tokens.fontSizeBase200 },
  barTrack: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '2px 6px', minWidth: 0, fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200, margin: 0 },
  bar: {
    height: '12px', backgroundColor: tokens.colorBrandBackground, borderRadius: '2px', flexShrink: 0,
    // Forced colours would paint the bar in the page background: keep it, in a system colour.
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'Highlight' },
  },
  barNegative: { backgroundColor: tokens.colorPaletteRedBackground3, '@media (forced-colors: active)': { backgroundColor: 'CanvasText' } },
  drivers: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '6px' },
  driverName: { fontWeight: tokens.fontWeightSemibold },
});

function useDrivers(computed: Computed | undefined, index: number): Swing[] | undefined {
  // ~70 projections: worked out after the screen has painted, so opening the tab never waits for it.
  const [state, setState] = React.useState<{ for?: Computed; index?: number; rows: Swing[] }>();
  React.useEffect(() => {
    if (!computed || index < 0 || index >= computed.scenario.proposed.length) return;
    const id = setTimeout(() => {
      const rows = index === 0 ? topDrivers(computed.scenario) : swings(computed.scenario, UNCERTAIN_KEYS, 'customerEquityDelta', 0.2, index).slice(0, 3);
      setState({ for: computed, index, rows });
    }, 0);
    return () => clearTimeout(id);
  }, [computed, index]);
  return state && state.for === computed && state.index === index ? state.rows : undefined;
}

/** The executive summary: cost now, crossover and break-even, NPV and customer equity, tenure view, top drivers. */
export default function SummaryScreen(): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, computed, planIndex } = useStudio();
  const index = computed ? Math.min(planIndex, computed.result.proposed.length - 1) : 0;
  const drivers = useDrivers(computed, index);
  if (!computed || index < 0) return <MessageBar intent="info"><MessageBarBody>{t(lang, 'noProposed')}</MessageBarBody></MessageBar>;

  const s = computed.scenario;
  const c = computed.result.comparisons[index];
  const ppy = s.settings.periodsPerYear;
  const years = s.settings.horizonYears;
  const tenure = Math.min(s.settings.tenureYears, years);
  const same = levers().every((l) => leverUnchanged(l.id, s.baseline.values, s.proposed[index].values));
  const period = (p: number | null) => (same ? h(lang, 'noChangePeriod') : periodText(p, ppy, lang));
  const cost = fmt.moneyShort(Math.max(0, -c.shortTermSacrifice));
  const headline = same ? h(lang, 'noChange', { plan: s.proposed[index].name, baseline: s.baseline.name }) :
    t(lang, 'headlineCost', { cost }) +
    (c.crossoverPeriod !== null ? t(lang, 'headlineCrossover', { period: period(c.crossoverPeriod) }) : '') +
    (c.breakevenPeriod !== null ? t(lang, 'headlineBreakeven', { period: period(c.breakevenPeriod) }) : t(lang, 'headlineNoBreakeven', { years })) +
    ' ' + t(lang, c.customerEquityDelta >= 0 ? 'headlineGain' : 'headlineLoss', { equity: fmt.moneyShort(Math.abs(c.customerEquityDelta)), npv: fmt.moneyShort(c.npvDelta) });
  const factor = computed.factors?.[index];

  const cards: { id: string; term: string; value: React.ReactNode; hint?: string }[] = [
    { id: 'short-term', term: t(lang, 'shortTermCost'), value: <Num text={fmt.money(c.shortTermSacrifice)} />, hint: t(lang, 'shortTermCostHint') },
    { id: 'crossover', term: t(lang, 'crossover'), value: capitalise(period(c.crossoverPeriod)), hint: t(lang, 'crossoverHint') },
    { id: 'breakeven', term: t(lang, 'breakeven'), value: capitalise(period(c.breakevenPeriod)), hint: t(lang, 'breakevenHint') },
    { id: 'npv', term: t(lang, 'npv'), value: <Num text={fmt.money(c.npvDelta)} />, hint: t(lang, 'npvHint', { years }) },
    { id: 'equity', term: t(lang, 'equity'), value: <Num text={fmt.money(c.customerEquityDelta)} />,
      hint: t(lang, 'equityHint', { from: fmt.moneyShort(c.customerEquityBaseline), to: fmt.moneyShort(c.customerEquityProposed) }) },
    { id: 'terminal-share', term: t(lang, 'terminalShare'), value: <Num text={fmt.percent(c.terminalShareProposed, 0)} />,
      hint: t(lang, 'terminalShareHint', { baseline: fmt.percent(c.terminalShareBaseline, 0), years }) },
  ];
  const tenureRows = [
    { id: 'tenure', label: t(lang, 'insideTenure', { tenure }), value: c.tenureNpvDelta },
    { id: 'horizon', label: t(lang, 'wholeHorizon', { years }), value: c.npvDelta },
    { id: 'terminal', label: t(lang, 'withTerminal'), value: c.customerEquityDelta },
  ];
  const widest = Math.max(1, ...tenureRows.map((r) => Math.abs(r.value)));

  return (
    <div className={styles.screen} data-testid="summary">
      <ResultHeader />
      <h2 className={styles.title}>{t(lang, 'summaryTitle', { plan: s.proposed[index].name, baseline: s.baseline.name })}</h2>
      <p className={styles.headline} data-testid="summary-headline">{headline}</p>
      {factor !== undefined && <p className={styles.hint}>{t(lang, 'scaledNote', { plan: s.proposed[index].name, factor: fmt.number(factor, 3) })}</p>}

      <dl className={styles.cards}>
        {cards.map((card) => (
          <div key={card.id} className={styles.card}>
            <dt className={styles.term}>{card.term}</dt>
            <dd className={styles.value} data-testid={`summary-${card.id}`}>{card.value}</dd>
            {card.hint && <dd className={styles.hint}>{card.hint}</dd>}
          </div>
        ))}
      </dl>

      <HorizonTable baseline={computed.result.baseline} proposed={computed.result.proposed[index]} />

      <section aria-labelledby="tenure-heading">
        <h2 id="tenure-heading" className={styles.h2}>{t(lang, 'tenureView')}</h2>
        <p className={styles.hint}>{t(lang, 'tenureViewHint', { tenure })}</p>
        <dl className={styles.bars}>
          {tenureRows.map((r) => {
            const text = fmt.money(r.value);
            return (
              <React.Fragment key={r.id}>
                <dt className={styles.barLabel}>{r.label}</dt>
                <dd className={styles.barTrack} data-testid={`summary-${r.id}`}>
                  <span className={`${styles.bar} ${r.value < 0 ? styles.barNegative : ''}`} style={{ width: `${Math.round((Math.abs(r.value) / widest) * 60)}%` }} aria-hidden="true" />
                  <Num text={text} />
                </dd>
              </React.Fragment>
            );
          })}
        </dl>
      </section>

      <SummaryHowSure scenario={s} index={index} />
      <AttributionWaterfall computed={computed} index={index} />

      <section aria-labelledby="drivers-heading">
        <h2 id="drivers-heading" className={styles.h2}>{t(lang, 'drivers')}</h2>
        <p className={styles.hint}>{t(lang, 'driversHint')}</p>
        {drivers ? (
          <ol className={styles.drivers} data-testid="summary-drivers">
            {drivers.map((d) => {
              const spec = findSpec(d.key);
              const low = Math.min(d.outputLow, d.outputHigh);
              const high = Math.max(d.outputLow, d.outputHigh);
              return (
                <li key={d.key} data-key={d.key}>
                  <span className={styles.driverName}>{spec?.label[lang] ?? d.key}</span>{' '}
                  ({spec ? `${formatAssumption(spec, d.low, fmt)} – ${formatAssumption(spec, d.high, fmt)}` : ''}):{' '}
                  {t(lang, 'driverRange', { low: fmt.moneyShort(low), high: fmt.moneyShort(high) })}
                </li>
              );
            })}
          </ol>
        ) : (
          <Spinner size="tiny" label={t(lang, 'driversComputing')} />
        )}
      </section>
    </div>
  );
}

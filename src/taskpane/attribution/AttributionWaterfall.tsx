import * as React from 'react';
import { Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { findSpec, QUOTA_LEVER, type Attribution, type PlanValues } from '../../engine';
import { formatAssumption } from '../../i18n';
import { useStudio } from '../studio';
import type { Computed } from '../state/compute';
import { at } from './texts';
import { useAttribution } from './useAttribution';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  rows: { display: 'flex', flexDirection: 'column', gap: '6px', margin: 0, padding: 0, listStyle: 'none' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: '2px 8px', fontSize: tokens.fontSizeBase200 },
  label: { overflowWrap: 'anywhere', minWidth: 0 },
  value: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
  track: { gridColumn: '1 / span 2', position: 'relative', height: '12px', borderLeft: 'none' },
  zero: { position: 'absolute', top: '-2px', bottom: '-2px', width: '1px', backgroundColor: tokens.colorNeutralStroke1,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' } },
  bar: { position: 'absolute', top: 0, bottom: 0, borderRadius: '2px', minWidth: '1px',
    '@media (forced-colors: active)': { forcedColorAdjust: 'none' } },
  good: { backgroundColor: tokens.colorPaletteGreenBackground3, '@media (forced-colors: active)': { backgroundColor: 'Highlight' } },
  bad: { backgroundColor: tokens.colorPaletteRedBackground3, '@media (forced-colors: active)': { backgroundColor: 'CanvasText' } },
  total: { backgroundColor: tokens.colorBrandBackground, '@media (forced-colors: active)': { backgroundColor: 'Highlight' } },
  goodText: { color: tokens.colorPaletteGreenForeground1 },
  badText: { color: tokens.colorPaletteRedForeground1 },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200, width: '100%',
    '& th, & td': { padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
    '& th': { textAlign: 'left', overflowWrap: 'anywhere' },
  },
});

/** The two changes the waterfall splits: customer equity (customerEquityDelta) and NPV (npvDelta). */
type Choice = 'equity' | 'npv';

interface Line {
  id: string;
  label: string;
  from: string;
  value: Record<Choice, number>;
}

/** Changed levers of an attribution, as lines of the waterfall and its table. */
function linesOf(a: Attribution, baseline: PlanValues, proposed: PlanValues, lang: 'en' | 'es', fmt: ReturnType<typeof useStudio>['fmt']): Line[] {
  return a.levers.filter((l) => l.changed).map((l) => {
    const spec = l.lever.id === QUOTA_LEVER ? undefined : findSpec(l.lever.id);
    const from = spec
      ? `${formatAssumption(spec, (baseline as Record<string, number>)[l.lever.id], fmt)} → ${formatAssumption(spec, (proposed as Record<string, number>)[l.lever.id], fmt)}`
      : at(lang, 'quotaChanged');
    return { id: l.lever.id, label: l.lever.label[lang], from, value: { equity: l.contribution.customerEquityDelta, npv: l.contribution.npvDelta } };
  });
}

/**
 * The change in customer equity (or NPV) from the baseline to one proposed plan, split by lever: a
 * horizontal waterfall (each bar starts where the previous one ends, the total last), coloured by what
 * the lever does for the company, and its data table. Rows stack label over bar, so it fits 320 px.
 */
export function AttributionWaterfall({ computed, index }: { computed: Computed | undefined; index: number }): React.ReactElement | null {
  const styles = useStyles();
  const { lang, fmt } = useStudio();
  const [choice, setChoice] = React.useState<Choice>('equity');
  const attribution = useAttribution(computed, index);
  const id = React.useId();
  if (!computed || index < 0 || !computed.scenario.proposed[index]) return null;
  const s = computed.scenario;
  const plan = s.proposed[index];
  const names = { plan: plan.name, baseline: s.baseline.name };

  let body: React.ReactNode;
  if (attribution === undefined) body = <Spinner size="tiny" label={at(lang, 'computing')} />;
  else if (attribution === null) body = <p className={styles.hint}>{at(lang, 'tooMany')}</p>;
  else {
    const lines = linesOf(attribution, s.baseline.values, plan.values, lang, fmt);
    if (lines.length === 0) body = <p className={styles.hint} data-testid="attribution-no-change">{at(lang, 'noChange', names)}</p>;
    else {
      const total = { equity: attribution.total.customerEquityDelta, npv: attribution.total.npvDelta };
      // The span of the running total, zero and the total included, sets the scale.
      let run = 0, low = 0, high = 0;
      for (const l of lines) { run += l.value[choice]; low = Math.min(low, run); high = Math.max(high, run); }
      low = Math.min(low, total[choice]); high = Math.max(high, total[choice]);
      const span = high - low || 1;
      const pct = (v: number) => `${((v - low) / span) * 100}%`;
      const unchanged = attribution.levers.filter((l) => !l.changed).map((l) => l.lever.label[lang]);
      const tone = (v: number) => (fmt.money(v).match(/[1-9]/) ? (v > 0 ? styles.goodText : styles.badText) : undefined);
      let start = 0;
      body = (
        <>
          <p id={`${id}-d`} className={styles.hint}>{at(lang, 'chartDescription', { metric: at(lang, choice) })}</p>
          <ol className={styles.rows} aria-hidden="true" data-testid="attribution-waterfall">
            {[...lines, { id: 'total', label: at(lang, 'total'), from: '', value: total }].map((l) => {
              const isTotal = l.id === 'total';
              const v = l.value[choice];
              const from = isTotal ? 0 : start;
              const to = isTotal ? v : (start += v);
              const kind = isTotal ? styles.total : v >= 0 ? styles.good : styles.bad;
              return (
                <li key={l.id} className={`${styles.row} ${isTotal ? styles.totalRow : ''}`} data-lever={l.id}>
                  <span className={styles.label}>{l.label}</span>
                  <span className={`${styles.value} ${isTotal ? '' : tone(v) ?? ''}`}>{fmt.moneyShort(v)}</span>
                  <span className={styles.track}>
                    <span className={styles.zero} style={{ left: pct(0) }} />
                    <span className={`${styles.bar} ${kind}`} style={{ left: pct(Math.min(from, to)), width: `${(Math.abs(to - from) / span) * 100}%` }} />
                  </span>
                </li>
              );
            })}
          </ol>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={at(lang, 'title')}>
            <table className={styles.table} data-testid="attribution-table">
              <caption className="ceq-visually-hidden">{at(lang, 'title')}</caption>
              <thead>
                <tr><th scope="col">{at(lang, 'lever')}</th><th scope="col">{at(lang, 'equity')}</th><th scope="col">{at(lang, 'npv')}</th></tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.id} data-lever={l.id}>
                    <th scope="row">{l.label}<br /><span className={styles.hint}>{l.from}</span></th>
                    <td className={tone(l.value.equity)}>{fmt.money(l.value.equity)}</td>
                    <td className={tone(l.value.npv)}>{fmt.money(l.value.npv)}</td>
                  </tr>
                ))}
                <tr data-lever="total" className={styles.totalRow}>
                  <th scope="row">{at(lang, 'total')}</th>
                  <td className={tone(total.equity)}>{fmt.money(total.equity)}</td>
                  <td className={tone(total.npv)}>{fmt.money(total.npv)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {unchanged.length > 0 && <p className={styles.hint}>{at(lang, 'unchanged', { levers: unchanged.join(', ') })}</p>}
        </>
      );
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-t`} data-testid="attribution">
      <h2 id={`${id}-t`} className={styles.h2}>{at(lang, 'title')}</h2>
      <p className={styles.hint}>{at(lang, 'hint', names)}</p>
      <RadioGroup layout="horizontal" aria-label={at(lang, 'metric')} value={choice} onChange={(_, d) => setChoice(d.value as Choice)}>
        <Radio value="equity" label={at(lang, 'equity')} data-testid="attribution-metric-equity" />
        <Radio value="npv" label={at(lang, 'npv')} data-testid="attribution-metric-npv" />
      </RadioGroup>
      {body}
    </section>
  );
}

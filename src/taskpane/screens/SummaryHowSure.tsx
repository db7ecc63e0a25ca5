import * as React from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import {
  defaultUncertaintyRows, quantileError, type CorrelationInput, type Language, type MonteCarloResult, type Scenario, type UncertaintyRow,
} from '../../engine';
import { fill, type Formats } from '../../i18n';
import { useUncertaintyOffer } from '../calibration/handoff';
import { useStudio } from '../studio';
import { offeredTable } from '../uncertainty/offered-table';
import { shareText } from '../uncertainty/share';
import { useSharedTable } from '../uncertainty/shared-table';
import { usePooledMonteCarlo } from '../uncertainty/usePool';

/** Trials of the Summary's run: a few thousand, a second or so on one core for a typical scenario. */
export const HOW_SURE_TRIALS = 2000;
export const HOW_SURE_SEED = 1;
/** A pause after the last change before the run starts (typing a number is several changes). */
export const HOW_SURE_DEBOUNCE_MS = 400;

const TEXTS = {
  title: { en: 'How sure', es: 'Con qué seguridad' },
  hint: { en: 'From {trials} paired trials {table}. ± is the Monte Carlo standard error.', es: 'De {trials} ensayos emparejados {table}. ± es el error típico de Monte Carlo.' },
  defaultTable: {
    en: 'using the default uncertainty table ({rows} assumptions varied; edit it on the Uncertainty tab)',
    es: 'con la tabla de incertidumbre por defecto ({rows} supuestos varían; puede editarla en la pestaña Incertidumbre)',
  },
  dataTable: {
    en: 'using the uncertainty fitted to your data ({rows} assumptions varied, {pairs} rank correlations among them; see it on the Uncertainty tab)',
    es: 'con la incertidumbre ajustada a sus datos ({rows} supuestos varían, con {pairs} correlaciones de rango entre ellos; véala en la pestaña Incertidumbre)',
  },
  userTable: { en: 'using your uncertainty table ({rows} assumptions varied)', es: 'con su tabla de incertidumbre ({rows} supuestos varían)' },
  userTableCorrelated: {
    en: 'using your uncertainty table ({rows} assumptions varied, {pairs} rank correlations among them)',
    es: 'con su tabla de incertidumbre ({rows} supuestos varían, con {pairs} correlaciones de rango entre ellos)',
  },
  userTableEmpty: {
    en: 'using your uncertainty table, which varies nothing: every trial is the same, so each chance is 0 % or 100 %',
    es: 'con su tabla de incertidumbre, que no hace variar nada: todos los ensayos son iguales, así que cada probabilidad es 0 % o 100 %',
  },
  userTableStale: {
    en: 'Your uncertainty table has problems on the Uncertainty tab: this is its last valid version.',
    es: 'Su tabla de incertidumbre tiene problemas en la pestaña Incertidumbre: esta es su última versión válida.',
  },
  pWinNpv: { en: 'Chance the proposal wins on NPV', es: 'Probabilidad de que la propuesta gane en VAN' },
  pWinEquity: { en: 'Chance it wins on customer equity', es: 'Probabilidad de que gane en valor del cliente' },
  pTenure: { en: 'Chance of break-even within {tenure} years', es: 'Probabilidad de equilibrio en {tenure} años' },
  npvRange: { en: 'NPV change, P10 – P90', es: 'Cambio del VAN, P10 – P90' },
  equityRange: { en: 'Customer equity change, P10 – P90', es: 'Cambio del valor del cliente, P10 – P90' },
  points: { en: '± {se} pp', es: '± {se} p. p.' },
  ends: { en: '± {low} and ± {high}', es: '± {low} y ± {high}' },
  updating: { en: 'Updating… {done} of {total} trials', es: 'Actualizando… {done} de {total} ensayos' },
  waiting: { en: 'Simulating…', es: 'Simulando…' },
  none: { en: 'No assumption of this scenario can vary: nothing to simulate.', es: 'Ningún supuesto de este escenario puede variar: nada que simular.' },
  failed: { en: 'The run failed: {error}', es: 'La simulación falló: {error}' },
} as const;

const say = (lang: Language, key: keyof typeof TEXTS, params: Record<string, string | number> = {}) =>
  fill(TEXTS[key][lang], params);

const useStyles = makeStyles({
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0 0 4px' },
  hint: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, margin: 0 },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(165px, 1fr))', gap: '8px', margin: '6px 0 0' },
  card: { backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, padding: '8px 10px' },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '2px 0', fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
});

interface Card { id: string; term: string; value: string; error: string }

function cardsOf(r: MonteCarloResult, index: number, tenure: number, lang: Language, fmt: Formats): Card[] {
  const o = r.plans[index];
  const n = r.trials;
  const pts = (se: number) => say(lang, 'points', { se: fmt.number(100 * se, 100 * se < 0.1 ? 2 : 1) });
  const range = (v: Float64Array, p10: number, p90: number) => ({
    value: `${fmt.moneyShort(p10)} – ${fmt.moneyShort(p90)}`,
    error: say(lang, 'ends', { low: fmt.moneyShort(quantileError(v, 0.1)), high: fmt.moneyShort(quantileError(v, 0.9)) }),
  });
  return [
    { id: 'pwin-npv', term: say(lang, 'pWinNpv'), value: shareText(o.pWinNpv, fmt, n), error: pts(o.errors.pWinNpv) },
    { id: 'pwin-equity', term: say(lang, 'pWinEquity'), value: shareText(o.pWinEquity, fmt, n), error: pts(o.errors.pWinEquity) },
    { id: 'p-tenure', term: say(lang, 'pTenure', { tenure }), value: shareText(o.pBreakevenWithinTenure, fmt, n), error: pts(o.errors.pBreakevenWithinTenure) },
    { id: 'npv-range', term: say(lang, 'npvRange'), ...range(o.trials.npvDelta, o.npvDelta.p10, o.npvDelta.p90) },
    { id: 'equity-range', term: say(lang, 'equityRange'), ...range(o.trials.customerEquityDelta, o.customerEquityDelta.p10, o.customerEquityDelta.p90) },
  ];
}

/**
 * The table a run used: the user's (edited on the Uncertainty tab), the one fitted to their data and
 * not yet taken by that tab ("Use as baseline": offered-table.ts), or the scenario's default.
 */
interface TableUsed { source: 'user' | 'data' | 'default'; rows: number; pairs: number }

/** Pairs of rows the matrix correlates (entries off the diagonal that are not 0). */
function pairsOf(c: CorrelationInput | undefined): number {
  let n = 0;
  c?.matrix.forEach((line, i) => line.forEach((v, j) => { if (j > i && v !== 0) n++; }));
  return n;
}

function tableText(used: TableUsed, lang: Language, fmt: Formats): string {
  if (used.source === 'default') return say(lang, 'defaultTable', { rows: fmt.number(used.rows) });
  if (used.source === 'data') return say(lang, 'dataTable', { rows: fmt.number(used.rows), pairs: fmt.number(used.pairs) });
  if (used.rows === 0) return say(lang, 'userTableEmpty');
  return used.pairs > 0 ? say(lang, 'userTableCorrelated', { rows: fmt.number(used.rows), pairs: fmt.number(used.pairs) })
    : say(lang, 'userTable', { rows: fmt.number(used.rows) });
}

/**
 * The Summary's "how sure": after every change of the scenario or of the user's uncertainty table
 * (debounced), a short paired Monte Carlo on the worker pool, cancelled by the next change: of the
 * table the user edited on the Uncertainty tab with its correlation matrix (shared-table.ts), else of
 * the table fitted to their data that the tab has not taken yet, else of the scenario's default table. The probability of a win on NPV and on customer equity, the P10–P90 of
 * each and the probability of break-even within tenure, each with its Monte Carlo standard error, and
 * which table it used. The last result stays on screen while the next is computed.
 */
export function SummaryHowSure({ scenario, index, debounceMs = HOW_SURE_DEBOUNCE_MS }: { scenario: Scenario; index: number; debounceMs?: number }): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt } = useStudio();
  const [done, setDone] = React.useState<{ result: MonteCarloResult; used: TableUsed }>();
  const job = usePooledMonteCarlo<TableUsed>((d) => setDone({ result: d.result, used: d.meta }));
  const shared = useSharedTable();
  const offer = useUncertaintyOffer();
  const offered = React.useMemo(() => (shared || !offer ? undefined : offeredTable(offer, scenario, locale, lang)), [shared, offer, scenario, locale, lang]);
  const defaults = React.useMemo(() => defaultUncertaintyRows(scenario), [scenario]);
  const table = shared ?? offered;
  const rows: UncertaintyRow[] = table?.rows ?? defaults;
  const correlation = table?.correlation;
  const { start, cancel } = job;
  // The default table of a scenario with nothing uncertain is not run; the user's own empty table is (every trial the same).
  const source: TableUsed['source'] = shared ? 'user' : offered ? 'data' : 'default';
  const runs = source !== 'default' || rows.length > 0;
  React.useEffect(() => {
    cancel();
    if (!runs) return;
    const used: TableUsed = { source, rows: rows.length, pairs: pairsOf(correlation) };
    const id = setTimeout(() => {
      void start({
        kind: 'monteCarlo', scenario, rows, trials: HOW_SURE_TRIALS, seed: HOW_SURE_SEED, latinHypercube: false, ...(correlation ? { correlation } : {}),
      }, used);
    }, debounceMs);
    return () => clearTimeout(id);
  }, [scenario, rows, correlation, source, runs, start, cancel, debounceMs]);

  const tenure = Math.min(scenario.settings.tenureYears, scenario.settings.horizonYears);
  const r = done?.result;
  const state = job.state;
  return (
    <section aria-labelledby="howsure-heading" data-testid="summary-howsure" aria-busy={state.status === 'running'}>
      <h2 id="howsure-heading" className={styles.h2}>{say(lang, 'title')}</h2>
      {!runs && <p className={styles.hint}>{say(lang, 'none')}</p>}
      {r && index < r.plans.length && (
        <>
          <p className={styles.hint} data-testid="howsure-table" data-source={done.used.source} data-rows={done.used.rows}>
            {say(lang, 'hint', { trials: fmt.number(r.trials), table: tableText(done.used, lang, fmt) })}
          </p>
          {shared?.stale && <p className={styles.hint} data-testid="howsure-table-stale">{say(lang, 'userTableStale')}</p>}
          <dl className={styles.cards}>
            {cardsOf(r, index, tenure, lang, fmt).map((c) => (
              <div key={c.id} className={styles.card}>
                <dt className={styles.term}>{c.term}</dt>
                <dd className={styles.value} data-testid={`howsure-${c.id}`}>{c.value}</dd>
                <dd className={styles.hint} data-testid={`howsure-${c.id}-se`}>{c.error}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {runs && (state.status === 'running' || (!r && state.status !== 'error')) && (
        <Spinner size="tiny" data-testid="howsure-running"
          label={state.status === 'running' && state.total > 0
            ? say(lang, 'updating', { done: fmt.number(state.done), total: fmt.number(state.total) }) : say(lang, 'waiting')} />
      )}
      {state.status === 'error' && <p className={styles.hint} role="alert">{say(lang, 'failed', { error: state.message })}</p>}
    </section>
  );
}

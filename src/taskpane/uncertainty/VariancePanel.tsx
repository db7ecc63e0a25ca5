import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { findSpec, varianceSensitivity, type Language, type MonteCarloResult, type SensitivityOutput } from '../../engine';
import { fill, t, type Formats } from '../../i18n';
import { BarChart } from '../charts';

const TEXTS = {
  title: { en: 'Share of the variance, from the trials', es: 'Parte de la varianza, según los ensayos' },
  hint: {
    en: 'Every assumption moves at once over its whole distribution (correlations included): each one\'s rank correlation with the output over the {trials} trials of the last simulation, and its share of the variation they explain (ρ² / Σρ²).',
    es: 'Todos los supuestos se mueven a la vez en toda su distribución (con sus correlaciones): la correlación de rangos de cada uno con el resultado en los {trials} ensayos de la última simulación, y su parte de la variación que explican (ρ² / Σρ²).',
  },
  share: { en: 'Share of variance', es: 'Parte de la varianza' },
  assumption: { en: 'Assumption', es: 'Supuesto' },
  described: { en: '{name}: ρ = {rho} ± {se}, {share} of the variance', es: '{name}: ρ = {rho} ± {se}, {share} de la varianza' },
  needsRun: { en: 'Run the simulation to see each assumption\'s share of the variance.', es: 'Ejecute la simulación para ver la parte de la varianza de cada supuesto.' },
} as const;
const say = (lang: Language, key: keyof typeof TEXTS, p: Record<string, string> = {}) =>
  fill(TEXTS[key][lang], p);

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Variance-based sensitivity beside the tornado: from the last Monte Carlo run, for the tornado's output and plan. */
export function VariancePanel({ result, output, planIndex, lang, fmt }: {
  result?: MonteCarloResult; output: SensitivityOutput; planIndex: number; lang: Language; fmt: Formats;
}): React.ReactElement {
  const styles = useStyles();
  const v = React.useMemo(() => (result && planIndex < result.plans.length ? varianceSensitivity(result, output, planIndex) : undefined), [result, output, planIndex]);
  const name = (label: string) => {
    const dot = label.lastIndexOf('.');
    const key = findSpec(label) ? label : label.slice(dot + 1);
    const spec = findSpec(key);
    return spec ? (key === label ? spec.label[lang] : `${spec.label[lang]} — ${label.slice(0, dot)}`) : label;
  };
  return (
    <section className={styles.section} aria-labelledby="variance-heading" data-testid="variance-panel">
      <h3 id="variance-heading" className={styles.heading}>{say(lang, 'title')}</h3>
      {!v ? <p className={styles.hint}>{say(lang, 'needsRun')}</p> : (
        <>
          <p className={styles.hint}>{say(lang, 'hint', { trials: fmt.number(v.trials) })}</p>
          <BarChart title={say(lang, 'title')} categoryHeader={say(lang, 'assumption')} categories={v.rows.map((r) => name(r.label))}
            series={[{ name: say(lang, 'share'), kind: 'proposed', values: v.rows.map((r) => r.contribution) }]}
            format={(x) => fmt.percent(x, 1)} tableLabel={t(lang, 'dataTable')} testId="variance-chart"
            description={v.rows.map((r) => say(lang, 'described', {
              name: name(r.label), rho: fmt.number(r.rankCorrelation, 2), se: fmt.number(r.rankCorrelationError, 2), share: fmt.percent(r.contribution, 1),
            })).join('; ')} />
        </>
      )}
    </section>
  );
}

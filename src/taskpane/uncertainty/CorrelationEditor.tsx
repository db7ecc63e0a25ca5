import * as React from 'react';
import { Checkbox, Field, Input, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Language, UncertaintyRow } from '../../engine';
import { fill, type Formats } from '../../i18n';
import { labelOf, pairKey, type CorrelationDraft, type CorrelationEvaluation } from './correlation-draft';
import { rowLabel } from './table';

const TEXTS = {
  title: { en: 'Correlations', es: 'Correlaciones' },
  hint: {
    en: 'Tick the assumptions that move together and type their rank correlations (−1 to 1; blank is 0). The draws are paired by Iman–Conover; each assumption keeps its own distribution.',
    es: 'Marque los supuestos que se mueven juntos y escriba sus correlaciones de rangos (−1 a 1; en blanco es 0). Los sorteos se emparejan por Iman–Conover; cada supuesto conserva su distribución.',
  },
  cell: { en: 'Rank correlation of {a} and {b}', es: 'Correlación de rangos de {a} y {b}' },
  bad: { en: 'A number from −1 to 1', es: 'Un número de −1 a 1' },
  repaired: {
    en: 'These correlations cannot hold together (the matrix is not positive semi-definite): the run uses the nearest valid matrix (Higham), which changes an entry by up to {change}.',
    es: 'Estas correlaciones no pueden darse a la vez (la matriz no es semidefinida positiva): la simulación usa la matriz válida más cercana (Higham), que cambia una entrada hasta {change}.',
  },
  tolerance: { en: 'Stop when every probability is known to within (pp)', es: 'Parar cuando cada probabilidad se conozca con un error de (p. p.)' },
  toleranceHint: {
    en: 'Standard error, in percentage points, checked every 500 trials; blank runs every trial',
    es: 'Error típico, en puntos porcentuales, comprobado cada 500 ensayos; en blanco ejecuta todos los ensayos',
  },
  toleranceBad: { en: 'A number above 0 and at most 50', es: 'Un número mayor que 0 y como mucho 50' },
} as const;

const say = (lang: Language, key: keyof typeof TEXTS, p: Record<string, string> = {}) =>
  fill(TEXTS[key][lang], p);

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  chosen: { display: 'flex', flexWrap: 'wrap', gap: '0 8px' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { fontWeight: tokens.fontWeightRegular, textAlign: 'left', padding: '2px 4px', whiteSpace: 'nowrap' },
  cell: { padding: '2px' },
  input: { width: '64px' },
  bad: { outline: `2px solid ${tokens.colorPaletteRedBorder2}` },
});

/** The Uncertainty tab's small correlation-matrix editor (lower triangle) and the stopping tolerance. */
export function CorrelationEditor({ rows, draft, evaluation, onDraft, lang, fmt }: {
  rows: readonly UncertaintyRow[];
  draft: CorrelationDraft;
  evaluation: CorrelationEvaluation;
  onDraft: (d: CorrelationDraft) => void;
  lang: Language;
  fmt: Formats;
}): React.ReactElement {
  const styles = useStyles();
  const labels = rows.map(labelOf);
  const names = new Map(rows.map((r) => [labelOf(r), rowLabel({ key: r.key, segment: r.segment ?? '' }, lang)]));
  const chosen = labels.filter((l) => draft.chosen.includes(l));
  const toggle = (label: string, on: boolean) => {
    const set = new Set(draft.chosen);
    if (on) set.add(label);
    else set.delete(label);
    onDraft({ ...draft, chosen: labels.filter((l) => set.has(l)) });
  };
  return (
    <section className={styles.section} aria-labelledby="corr-heading" data-testid="corr-editor">
      <h3 id="corr-heading" className={styles.heading}>{say(lang, 'title')}</h3>
      <p className={styles.hint}>{say(lang, 'hint')}</p>
      <div className={styles.chosen}>
        {labels.map((l) => (
          <Checkbox key={l} label={names.get(l)} checked={chosen.includes(l)} data-testid={`corr-pick-${l}`} onChange={(_, d) => toggle(l, d.checked === true)} />
        ))}
      </div>
      {chosen.length >= 2 && (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="corr-matrix">
            <tbody>
              {chosen.map((a, i) => (
                <tr key={a}>
                  <th scope="row" className={styles.th}>{names.get(a)}</th>
                  {chosen.slice(0, i).map((b) => {
                    const key = pairKey(b, a);
                    return (
                      <td key={b} className={styles.cell}>
                        <Input className={mergeClasses(styles.input, evaluation.bad.has(key) && styles.bad)} value={draft.cells[key] ?? ''} inputMode="decimal"
                          aria-label={say(lang, 'cell', { a: names.get(a) ?? a, b: names.get(b) ?? b })} aria-invalid={evaluation.bad.has(key)}
                          title={evaluation.bad.has(key) ? say(lang, 'bad') : undefined} data-testid={`corr-${key}`}
                          onChange={(_, d) => onDraft({ ...draft, cells: { ...draft.cells, [key]: d.value } })} />
                      </td>
                    );
                  })}
                  <td className={styles.cell}>1</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evaluation.repairedBy !== undefined && (
        <MessageBar intent="warning" data-testid="corr-repaired">
          <MessageBarBody>{say(lang, 'repaired', { change: fmt.number(evaluation.repairedBy, 3) })}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={say(lang, 'tolerance')} hint={say(lang, 'toleranceHint')} validationState={evaluation.bad.has('tolerance') ? 'error' : 'none'}
        validationMessage={evaluation.bad.has('tolerance') ? say(lang, 'toleranceBad') : undefined}>
        <Input value={draft.tolerance} inputMode="decimal" data-testid="mc-tolerance" onChange={(_, d) => onDraft({ ...draft, tolerance: d.value })} />
      </Field>
    </section>
  );
}

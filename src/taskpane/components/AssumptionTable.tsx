import * as React from 'react';
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { AssumptionSpec } from '../../engine';
import { formats, rangeText, t, unitSuffix } from '../../i18n';
import { useStudio } from '../studio';
import type { Raw } from '../state/draft';
import { AssumptionInput } from './AssumptionInput';
import { NameInput } from './NameInput';

export interface TableColumn {
  /** Path prefix of the column's fields: "segment:s1", "plan:baseline". */
  prefix: string;
  name: string;
  values: Raw;
  /** Label of the remove button; no button when absent. */
  removeLabel?: string;
  onRemove?: () => void;
  /** Whether the name can be edited. */
  renamable?: boolean;
  /** Per key, a line under the input (budget-neutral values). */
  notes?: Partial<Record<string, string>>;
}

export interface AssumptionTableProps {
  caption: string;
  specs: readonly AssumptionSpec[];
  columns: readonly TableColumn[];
  /** Label of the column-name inputs ("Segment name"). */
  nameLabel: string;
  testId?: string;
  /** Put before each cell's accessible name when the row label alone is ambiguous ("Account executive · New ARR: "). */
  ariaPrefix?: string;
  /** Said (and a dash shown) in a cell whose column has no such key, e.g. a plan without the role. */
  absentText?: string;
  /** Per assumption, what its cells show when not being edited (AssumptionInput's display): e.g. weights as short percentages. */
  displayOf?: (spec: AssumptionSpec) => ((text: string, locale: string) => string | undefined) | undefined;
}

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'separate', borderSpacing: 0, width: '100%',
    '& th, & td': { padding: '4px 6px', verticalAlign: 'top', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  },
  corner: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, verticalAlign: 'bottom' },
  rowHeader: {
    textAlign: 'left', fontWeight: tokens.fontWeightRegular, minWidth: '110px', width: '40%', maxWidth: '200px',
    position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  meaning: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase100 },
  // Wide enough for a word of a name beside the remove button (names wrap between words, not inside them).
  head: { display: 'flex', alignItems: 'flex-start', gap: '2px', minWidth: '96px' },
  // A name wraps (whole words first) rather than being cut: the column is as narrow as its inputs allow.
  headName: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * Assumptions down, columns across (segments or plans): the layout of the inputs sheet, narrow enough
 * for a task pane. The assumption column stays put while the table scrolls sideways.
 */
export function AssumptionTable(p: AssumptionTableProps): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt, evaluation, dispatch } = useStudio();
  const symbol = formats(locale, fmt.currency).currencySymbol();
  return (
    <div className={styles.scroll} data-testid={p.testId}>
      <table className={styles.table}>
        <caption className="ceq-visually-hidden">{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${styles.corner} ${styles.rowHeader}`}>{t(lang, 'assumption')}</th>
            {p.columns.map((c) => {
              const path = `${c.prefix}:name`;
              const error = evaluation.fieldErrors.get(path);
              return (
                <th scope="col" key={c.prefix}>
                  <div className={styles.head}>
                    {c.renamable === false ? <span className={`${styles.label} ${styles.headName}`} data-testid="column-name">{c.name}</span> : (
                      <Field className={styles.headName} size="small" validationState={error ? 'error' : 'none'} validationMessage={error}>
                        <NameInput value={c.name} ariaLabel={`${p.nameLabel}: ${c.name}`} path={path} onText={(text) => dispatch({ type: 'field', path, text })} />
                      </Field>
                    )}
                    {c.onRemove && (
                      <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label={c.removeLabel} title={c.removeLabel} onClick={c.onRemove} />
                    )}
                  </div>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {p.specs.map((spec) => {
            const unit = unitSuffix(spec, lang, symbol);
            return (
              <tr key={spec.key}>
                <th scope="row" className={styles.rowHeader}>
                  <div className={styles.label}>{spec.label[lang]}{unit ? ` (${unit})` : ''}</div>
                  <div className={styles.meaning}>{spec.meaning[lang]}</div>
                  <div className={styles.meaning}>{t(lang, 'range', { range: rangeText(spec, lang, locale, fmt.currency) })}</div>
                </th>
                {p.columns.map((c) => {
                  const path = `${c.prefix}:${spec.key}`;
                  if (p.absentText !== undefined && c.values[spec.key] === undefined) {
                    return <td key={c.prefix}><span aria-hidden="true">—</span><span className="ceq-visually-hidden">{p.absentText}</span></td>;
                  }
                  return (
                    <td key={c.prefix}>
                      <AssumptionInput variant="cell" spec={spec} path={path} text={c.values[spec.key] ?? ''} error={evaluation.fieldErrors.get(path)}
                        note={c.notes?.[spec.key]} display={p.displayOf?.(spec)} ariaLabel={`${p.ariaPrefix ?? ''}${spec.label[lang]} — ${c.name}`} lang={lang} locale={locale} currency={fmt.currency} dispatch={dispatch} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

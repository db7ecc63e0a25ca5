import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Num } from '../components/Num';

export interface FigureRow {
  label: string;
  /** One text per column; undefined shows a dash and says `absent`. */
  values: (string | undefined)[];
  /** data-testid per column. */
  testIds?: (string | undefined)[];
}

export interface FigureTableProps {
  caption: string;
  /** Header of the first column. */
  corner: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  absent: string;
  testId?: string;
  /** Keep the row labels on one line (short labels such as "Year 10"). */
  nowrapLabels?: boolean;
}

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200, width: '100%',
    '& th, & td': { padding: '3px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
    '& thead th': { fontWeight: tokens.fontWeightSemibold },
  },
  nowrap: { whiteSpace: 'nowrap' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, padding: '2px 0 4px' },
});

/** Figures down, plans across (baseline, proposed): the numbers the designer reads off quotaReport. */
export function FigureTable(p: FigureTableProps): React.ReactElement {
  const styles = useStyles();
  return (
    // Focusable so a keyboard can scroll a table wider than the pane (Spanish headers are long).
    <div className={styles.scroll} data-testid={p.testId} tabIndex={0} role="region" aria-label={p.caption}>
      <table className={styles.table}>
        <caption className={styles.caption}>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.corner}</th>
            {p.columns.map((c, i) => <th scope="col" key={i}>{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className={p.nowrapLabels ? styles.nowrap : undefined}>{r.label}</th>
              {r.values.map((v, i) => (
                <td key={i} data-testid={r.testIds?.[i]}>
                  {v === undefined ? <><span aria-hidden="true">—</span><span className="ceq-visually-hidden">{p.absent}</span></> : <Num text={v} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { yearly, type Projection } from '../../engine';
import { Num } from '../components/Num';
import { useStudio } from '../studio';
import { h } from './texts';

const useStyles = makeStyles({
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0 0 4px' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: '0 0 4px', overflowWrap: 'anywhere' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase200, width: '100%',
    '& th, & td': { padding: '3px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
    '& th': { textAlign: 'left', overflowWrap: 'anywhere' },
    '& thead th': { textAlign: 'right', fontWeight: tokens.fontWeightSemibold },
  },
});

const ROWS = [
  { id: 'revenue', metric: 'revenue', better: 'higher' },
  { id: 'compCost', metric: 'compCost', better: 'lower' },
  { id: 'contribution', metric: 'contribution', better: 'higher' },
] as const;

/** Years 1, 3 and 5 where the horizon reaches them, and the whole horizon, once each. */
export function horizonColumns(horizonYears: number): number[] {
  return [...[1, 3, 5].filter((y) => y < horizonYears), horizonYears];
}

/**
 * The change (proposed minus baseline) in revenue, comp cost and contribution, added up through year 1,
 * year 3, year 5 and the whole horizon: one small table, each figure named once. "Through year 1" of
 * comp cost is the workbook's "year-1 comp cost change".
 */
export function HorizonTable({ baseline, proposed }: { baseline: Projection; proposed: Projection }): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt } = useStudio();
  const base = yearly(baseline);
  const prop = yearly(proposed);
  const horizon = base.length;
  const columns = horizonColumns(horizon);
  const through = (metric: (typeof ROWS)[number]['metric'], year: number) => {
    let sum = 0;
    for (let y = 0; y < year; y++) sum += prop[y][metric] - base[y][metric];
    return sum;
  };
  return (
    <section aria-labelledby="horizon-heading">
      <h2 id="horizon-heading" className={styles.h2}>{h(lang, 'title')}</h2>
      <p className={styles.hint}>{h(lang, 'hint')}</p>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="horizon-heading">
        <table className={styles.table} data-testid="summary-horizon">
          <thead>
            <tr>
              <td />
              {columns.map((y) => (
                <th scope="col" key={y} data-year={y}>{y === horizon ? h(lang, 'horizon', { n: y }) : y === 1 ? h(lang, 'year1') : h(lang, 'throughYear', { n: y })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row">{h(lang, r.id)}</th>
                {columns.map((y) => <td key={y} data-year={y}><Num text={fmt.moneyShort(through(r.metric, y))} better={r.better} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { showsNegative } from '../../i18n';
import { SERIES_STYLE, type SeriesKind } from './palette';
import { useWidth } from './useWidth';

/** The text alternative of a chart: its data as a table (formatted values, one column per series). */
export interface ChartTable {
  /** Header of the first column (e.g. "Year"). */
  rowHeader: string;
  rows: readonly string[];
  columns: readonly { name: string; values: readonly string[] }[];
}

export interface ChartFigureProps {
  title: string;
  /** One sentence that says what the chart shows (read by screen readers, shown under the title). */
  description?: string;
  legend: readonly { name: string; kind: SeriesKind; line?: boolean }[];
  table: ChartTable;
  /** Label of the disclosure that shows the table ("Data table"). */
  tableLabel: string;
  /** Draws the SVG at the figure's width. */
  children: (width: number) => React.ReactNode;
  testId?: string;
  /** A small chart (the live strip): no legend or table disclosure of its own. */
  compact?: boolean;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 },
  description: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', listStyle: 'none', margin: 0, padding: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  item: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  details: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink, padding: '2px 0' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', marginTop: '4px',
    '& th, & td': { padding: '2px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap' },
    '& td': { textAlign: 'right' },
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  },
  negative: { color: tokens.colorPaletteRedForeground1 },
});

/** A legend swatch: the series' line (dash and marker) or bar colour. */
export function Swatch({ kind, line = true }: { kind: SeriesKind; line?: boolean }): React.ReactElement {
  const s = SERIES_STYLE[kind];
  return (
    <svg width="22" height="10" aria-hidden="true" focusable="false">
      {line ? (
        <>
          <line x1="1" y1="5" x2="21" y2="5" style={{ stroke: s.color }} strokeWidth="2" strokeDasharray={s.dash} />
          <MarkerShape shape={s.marker} x={11} y={5} color={s.color} />
        </>
      ) : (
        <rect x="4" y="0" width="14" height="10" style={{ fill: s.color }} fillOpacity={s.fillOpacity} />
      )}
    </svg>
  );
}

export function MarkerShape({ shape, x, y, color, size = 3.5 }: { shape: string; x: number; y: number; color: string; size?: number }): React.ReactElement {
  const style = { fill: color, stroke: color };
  if (shape === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} style={style} />;
  if (shape === 'diamond') return <path d={`M${x},${y - size - 1}L${x + size + 1},${y}L${x},${y + size + 1}L${x - size - 1},${y}Z`} style={style} />;
  if (shape === 'triangle') return <path d={`M${x},${y - size - 1}L${x + size + 1},${y + size}L${x - size - 1},${y + size}Z`} style={style} />;
  return <circle cx={x} cy={y} r={size} style={style} />;
}

/** The table; `scroll` wraps it in a keyboard-scrollable region (for tables wider than the pane). */
export function DataTable({ table, caption, scroll = true }: { table: ChartTable; caption: string; scroll?: boolean }): React.ReactElement {
  const styles = useStyles();
  const body = (
      <table className={styles.table}>
        <caption className="ceq-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.columns.map((c) => <th scope="col" key={c.name}>{c.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {table.columns.map((c) => (
                <td key={c.name} className={showsNegative(c.values[i] ?? '') ? styles.negative : undefined}>{c.values[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
  );
  return scroll ? <div className={styles.scroll} tabIndex={0} role="region" aria-label={caption}>{body}</div> : body;
}

/**
 * A chart with everything around it: caption, one-sentence description, legend, and the data table as
 * its text alternative (a disclosure, so keyboard and screen-reader users reach the numbers).
 */
export function ChartFigure(p: ChartFigureProps): React.ReactElement {
  const styles = useStyles();
  const [ref, width] = useWidth<HTMLDivElement>();
  const id = React.useId();
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-t`} data-testid={p.testId}>
      <figcaption id={`${id}-t`} className={p.compact ? 'ceq-visually-hidden' : styles.caption}>{p.title}</figcaption>
      {p.description && <div id={`${id}-d`} className={p.compact ? 'ceq-visually-hidden' : styles.description}>{p.description}</div>}
      <div ref={ref} role="img" aria-labelledby={`${id}-t`} aria-describedby={p.description ? `${id}-d` : undefined}>
        {p.children(width)}
      </div>
      {!p.compact && p.legend.length > 0 && (
        <ul className={styles.legend} aria-hidden="true">
          {p.legend.map((l) => (
            <li key={l.name} className={styles.item}><Swatch kind={l.kind} line={l.line} />{l.name}</li>
          ))}
        </ul>
      )}
      {p.compact ? (
        <div className="ceq-visually-hidden"><DataTable table={p.table} caption={p.title} scroll={false} /></div>
      ) : (
        <details className={styles.details}>
          <summary className={styles.summary}>{p.tableLabel}: {p.title}</summary>
          <DataTable table={p.table} caption={p.title} />
        </details>
      )}
    </figure>
  );
}

import * as React from 'react';
import type { ScenarioSummaryRow } from '../../workbook';

const COLORS = ['#0F6CBD', '#C50F1F', '#107C10', '#8764B8', '#CA5010', '#038387'];

/** A small SVG line chart of ARR by year, one line per compared scenario. */
export function ComparisonChart({ rows, title }: { rows: readonly ScenarioSummaryRow[]; title: string }): React.ReactElement {
  const width = 300;
  const height = 140;
  const pad = 24;
  const years = Math.max(1, ...rows.map((r) => r.arrByYear.length));
  const top = Math.max(1, ...rows.flatMap((r) => r.arrByYear));
  const x = (i: number) => pad + (years <= 1 ? 0 : (i * (width - 2 * pad)) / (years - 1));
  const y = (v: number) => height - pad - (v / top) * (height - 2 * pad);
  return (
    <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{title}</title>
      <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#8A8886" />
      <line x1={pad} y1={pad} x2={pad} y2={height - pad} stroke="#8A8886" />
      {rows.map((r, k) => (
        <polyline
          key={r.name}
          fill="none"
          stroke={COLORS[k % COLORS.length]}
          strokeWidth={2}
          points={r.arrByYear.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
        >
          <title>{r.name}</title>
        </polyline>
      ))}
      {rows.map((r, k) => (
        <text key={`l${r.name}`} x={pad + 4} y={pad + 12 * k} fontSize={10} fill={COLORS[k % COLORS.length]}>{r.name}</text>
      ))}
    </svg>
  );
}

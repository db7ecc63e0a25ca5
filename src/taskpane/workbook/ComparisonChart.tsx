import * as React from 'react';
import type { Language } from '../../engine';
import type { ScenarioSummaryRow } from '../../workbook';

const COLORS = ['#0F6CBD', '#C50F1F', '#107C10', '#8764B8', '#CA5010', '#038387'];

/**
 * A small SVG line chart of ARR by year, one line per compared scenario, with the top of the scale,
 * the years and a legend as text (the same figures are in the table beside it and in the inserted sheet).
 */
export function ComparisonChart({ rows, title, lang = 'en' }: { rows: readonly ScenarioSummaryRow[]; title: string; lang?: Language }): React.ReactElement {
  const width = 300;
  const height = 150;
  const pad = 28;
  const years = Math.max(1, ...rows.map((r) => r.arrByYear.length));
  const top = Math.max(1, ...rows.flatMap((r) => r.arrByYear));
  const x = (i: number) => pad + (years <= 1 ? 0 : (i * (width - 2 * pad)) / (years - 1));
  const y = (v: number) => height - pad - (v / top) * (height - 2 * pad);
  const compact = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <title>{title}</title>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#8A8886" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} stroke="#8A8886" />
        <text x={2} y={pad} fontSize={9}>{compact.format(top)}</text>
        <text x={pad} y={height - pad + 12} fontSize={9}>1</text>
        <text x={width - pad} y={height - pad + 12} fontSize={9} textAnchor="end">{years}</text>
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
      </svg>
      <figcaption style={{ display: 'flex', gap: 8, flexWrap: 'wrap', fontSize: 12 }}>
        {rows.map((r, k) => <span key={r.name} style={{ color: COLORS[k % COLORS.length] }}>■ {r.name}</span>)}
      </figcaption>
    </figure>
  );
}

import * as React from 'react';
import { ChartFigure, type ChartTable } from './ChartFigure';
import { plotArea, XLabels, YAxis } from './axes';
import { SERIES_STYLE, type SeriesKind } from './palette';
import { extent, linear, niceTicks } from './scale';

export interface BarSeries {
  name: string;
  kind: SeriesKind;
  values: ArrayLike<number>;
}

export interface BarChartProps {
  title: string;
  description?: string;
  categories: readonly string[];
  /** Header of the table's first column. */
  categoryHeader: string;
  series: readonly BarSeries[];
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  tableLabel: string;
  height?: number;
  testId?: string;
}

/** Grouped vertical bars, one group per category; negative values hang below the zero line. */
export function BarChart(p: BarChartProps): React.ReactElement {
  const height = p.height ?? 190;
  const axisFormat = p.axisFormat ?? p.format;
  const { domain, ticks } = niceTicks(extent(p.series.flatMap((s) => Array.from(s.values))), 5);
  const table: ChartTable = {
    rowHeader: p.categoryHeader,
    rows: p.categories,
    columns: p.series.map((s) => ({ name: s.name, values: Array.from(s.values).map(p.format) })),
  };
  return (
    <ChartFigure title={p.title} description={p.description} table={table} tableLabel={p.tableLabel} testId={p.testId}
      legend={p.series.map((s) => ({ name: s.name, kind: s.kind, line: false }))}>
      {(width) => {
        const plot = plotArea(width, height, ticks.map(axisFormat));
        const n = Math.max(1, p.categories.length);
        const slot = (plot.right - plot.left) / n;
        const gap = Math.min(8, slot * 0.2);
        const barWidth = Math.max(1, (slot - gap) / Math.max(1, p.series.length));
        const y = linear(domain, plot.bottom, plot.top);
        const zero = y(Math.max(domain.min, Math.min(domain.max, 0)));
        const center = (i: number) => plot.left + slot * (i + 0.5);
        return (
          <svg width={width} height={height} aria-hidden="true" focusable="false" style={{ display: 'block' }}>
            <YAxis plot={plot} ticks={ticks} y={y} format={axisFormat} />
            {p.series.map((s, j) => {
              const st = SERIES_STYLE[s.kind];
              return (
                <g key={s.name} data-series={s.name} style={{ fill: st.color }} fillOpacity={st.fillOpacity}>
                  {Array.from(s.values).map((v, i) => {
                    if (!Number.isFinite(v)) return null;
                    const top = Math.min(y(v), zero);
                    return <rect key={i} x={plot.left + slot * i + gap / 2 + barWidth * j} y={top} width={Math.max(1, barWidth - 1)} height={Math.max(0.5, Math.abs(y(v) - zero))} />;
                  })}
                </g>
              );
            })}
            <XLabels plot={plot} labels={p.categories} x={center} />
          </svg>
        );
      }}
    </ChartFigure>
  );
}

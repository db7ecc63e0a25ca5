import * as React from 'react';
import { ChartFigure, MarkerShape, type ChartTable } from './ChartFigure';
import { plotArea, XLabels, YAxis, FONT_SIZE, type Plot } from './axes';
import { MARKER_COLOR, SERIES_STYLE, type SeriesKind } from './palette';
import { bandPath, extent, linear, linePath, niceTicks, textWidth } from './scale';

export interface LineSeries {
  name: string;
  kind: SeriesKind;
  values: ArrayLike<number>;
}

/** A shaded band between two series (the later fan chart's P10–P90). */
export interface Band {
  name: string;
  kind: SeriesKind;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

/** A vertical line at point index `at` (0-based; fractions fall between points), labelled. */
export interface ChartMarker {
  at: number;
  label: string;
}

export interface LineChartProps {
  title: string;
  description?: string;
  /** One label per point: the x axis and the table's first column. */
  xLabels: readonly string[];
  /** Header of the table's first column. */
  xHeader: string;
  series: readonly LineSeries[];
  bands?: readonly Band[];
  markers?: readonly ChartMarker[];
  /** Values in the table. */
  format: (v: number) => string;
  /** Values on the y axis (short). */
  axisFormat?: (v: number) => string;
  tableLabel: string;
  height?: number;
  compact?: boolean;
  testId?: string;
}

const toArray = (a: ArrayLike<number>) => Array.from(a);

export function LineChart(p: LineChartProps): React.ReactElement {
  const height = p.height ?? (p.compact ? 90 : 190);
  const axisFormat = p.axisFormat ?? p.format;
  const n = p.xLabels.length;
  const all = [...p.series.flatMap((s) => toArray(s.values)), ...(p.bands ?? []).flatMap((b) => [...toArray(b.lower), ...toArray(b.upper)])];
  const nice = niceTicks(extent(all), p.compact ? 2 : 5);
  const domain = nice.domain;
  // A compact chart labels only its ends and zero.
  const ticks = p.compact ? nice.ticks.filter((v, i, a) => i === 0 || i === a.length - 1 || v === 0) : nice.ticks;
  const table: ChartTable = {
    rowHeader: p.xHeader,
    rows: p.xLabels,
    columns: [
      ...(p.bands ?? []).flatMap((b) => [{ name: `${b.name} ↓`, values: toArray(b.lower).map(p.format) }, { name: `${b.name} ↑`, values: toArray(b.upper).map(p.format) }]),
      ...p.series.map((s) => ({ name: s.name, values: toArray(s.values).map(p.format) })),
    ],
  };
  const legend = [...(p.bands ?? []).map((b) => ({ name: b.name, kind: b.kind, line: false })), ...p.series.map((s) => ({ name: s.name, kind: s.kind }))];
  return (
    <ChartFigure title={p.title} description={p.description} legend={legend} table={table} tableLabel={p.tableLabel} compact={p.compact} testId={p.testId}>
      {(width) => {
        // Room above the plot for marker labels: one row, or two when labels would overlap.
        const area = (rows: number) => plotArea(width, height, ticks.map(axisFormat), 8 + (rows ? (FONT_SIZE + 1) * rows + 5 : 0), p.compact ? 18 : 22);
        const xOf = (pl: Plot) => (n > 1 ? linear({ min: 0, max: n - 1 }, pl.left + 6, pl.right - 6) : () => (pl.left + pl.right) / 2);
        const first = area(p.markers?.length ? 1 : 0);
        const labels = markerLabels(p.markers ?? [], xOf(first), first);
        const plot = labels.some((l) => l.row > 0) ? area(2) : first;
        const x = xOf(plot);
        const y = linear(domain, plot.bottom, plot.top);
        const xs = Array.from({ length: n }, (_, i) => x(i));
        const dots = n <= 24;
        return (
          <svg width={width} height={height} aria-hidden="true" focusable="false" style={{ display: 'block', overflow: 'visible' }}>
            <YAxis plot={plot} ticks={ticks} y={y} format={axisFormat} />
            <XLabels plot={plot} labels={p.xLabels} x={x} />
            {(p.bands ?? []).map((b) => (
              <path key={b.name} d={bandPath(xs, toArray(b.lower).map(y), toArray(b.upper).map(y))} style={{ fill: SERIES_STYLE[b.kind].color }} fillOpacity={0.2} />
            ))}
            {labels.map((m) => (
              <g key={m.label} data-marker={m.label}>
                <line x1={m.x} x2={m.x} y1={plot.top - 2} y2={plot.bottom} style={{ stroke: MARKER_COLOR }} strokeDasharray="3 3" />
                <text x={m.x} y={plot.top - 6 - m.row * (FONT_SIZE + 1)} textAnchor={m.anchor} fontSize={FONT_SIZE} style={{ fill: MARKER_COLOR }}>{m.label}</text>
              </g>
            ))}
            {p.series.map((s) => {
              const st = SERIES_STYLE[s.kind];
              const ys = toArray(s.values).map(y);
              return (
                <g key={s.name} data-series={s.name}>
                  <path d={linePath(xs, ys)} fill="none" style={{ stroke: st.color }} strokeWidth={2} strokeDasharray={st.dash} strokeLinejoin="round" />
                  {dots && ys.map((yy, i) => (Number.isFinite(yy) ? <MarkerShape key={i} shape={st.marker} x={xs[i]} y={yy} color={st.color} size={p.compact ? 2 : 3} /> : null))}
                </g>
              );
            })}
          </svg>
        );
      }}
    </ChartFigure>
  );
}

/**
 * Where each marker's label goes: centred on its line, kept inside the plot, and moved up a row when
 * it would overlap an earlier label (crossover and break-even are often a period apart).
 */
function markerLabels(markers: readonly ChartMarker[], x: (i: number) => number, plot: { left: number; right: number }) {
  const placed: { x: number; label: string; anchor: 'start' | 'middle' | 'end'; row: number; from: number; to: number }[] = [];
  for (const m of markers) {
    const mx = x(m.at);
    const w = textWidth(m.label, FONT_SIZE);
    const anchor = mx + w / 2 > plot.right ? 'end' : mx - w / 2 < plot.left ? 'start' : 'middle';
    const from = anchor === 'start' ? mx : anchor === 'end' ? mx - w : mx - w / 2;
    const to = from + w;
    let row = 0;
    while (placed.some((o) => o.row === row && o.from < to + 4 && from < o.to + 4)) row++;
    placed.push({ x: mx, label: m.label, anchor, row: Math.min(row, 1), from, to });
  }
  return placed;
}

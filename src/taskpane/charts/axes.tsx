import * as React from 'react';
import { AXIS_COLOR, GRID_COLOR, TEXT_COLOR } from './palette';
import { labelEvery, textWidth } from './scale';

export const FONT_SIZE = 11;

export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot rectangle inside a chart of `width` × `height`, leaving room for the y labels. */
export function plotArea(width: number, height: number, yLabels: readonly string[], top = 8, bottom = 22): Plot {
  const left = Math.ceil(Math.max(24, ...yLabels.map((l) => textWidth(l, FONT_SIZE))) + 8);
  return { width, height, left, right: width - 10, top, bottom: height - bottom };
}

/** Horizontal grid lines with their value labels; the zero line drawn stronger. */
export function YAxis({ plot, ticks, y, format }: { plot: Plot; ticks: readonly number[]; y: (v: number) => number; format: (v: number) => string }): React.ReactElement {
  return (
    <g>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} style={{ stroke: v === 0 ? AXIS_COLOR : GRID_COLOR }} strokeWidth={v === 0 ? 1.2 : 1} />
          <text x={plot.left - 6} y={y(v)} dy="0.32em" textAnchor="end" fontSize={FONT_SIZE} style={{ fill: TEXT_COLOR }}>{format(v)}</text>
        </g>
      ))}
    </g>
  );
}

/** Category labels under the plot, thinned so they never overlap. */
export function XLabels({ plot, labels, x }: { plot: Plot; labels: readonly string[]; x: (i: number) => number }): React.ReactElement {
  const widest = Math.max(1, ...labels.map((l) => textWidth(l, FONT_SIZE))) + 6;
  const fit = Math.max(2, Math.floor((plot.right - plot.left) / widest));
  return (
    <g>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} style={{ stroke: AXIS_COLOR }} />
      {labelEvery(labels.length, fit).map((i) => (
        <text key={i} x={x(i)} y={plot.bottom + 14} textAnchor="middle" fontSize={FONT_SIZE} style={{ fill: TEXT_COLOR }}>{labels[i]}</text>
      ))}
    </g>
  );
}

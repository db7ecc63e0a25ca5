import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { ChartFigure, FONT_SIZE, SERIES_STYLE, extent, labelEvery, linear, niceTicks, textWidth, type ChartTable } from '../charts';
import { AXIS_COLOR, GRID_COLOR, MARKER_COLOR, TEXT_COLOR } from '../charts/palette';

export interface TornadoBar {
  label: string;
  /** The input at each end, formatted ("8 %", "0.48"). */
  lowInput: string;
  highInput: string;
  outputLow: number;
  outputHigh: number;
  swing: number;
}

export interface TornadoChartProps {
  title: string;
  description: string;
  /** The output with every assumption at its value: where the bars start. */
  base: number;
  bars: readonly TornadoBar[];
  format: (v: number) => string;
  axisFormat: (v: number) => string;
  names: { assumption: string; lowInput: string; highInput: string; atLow: string; atHigh: string; swing: string };
  tableLabel: string;
  testId?: string;
}

const ROW = 34;
const BAR = 12;

/**
 * Horizontal bars, one per assumption in the order given (largest swing first): each runs from the
 * base output to the output at the assumption's low end (one colour) and at its high end (another).
 * The label sits above its bar, so long catalogue labels fit a narrow pane.
 */
export function TornadoChart(p: TornadoChartProps): React.ReactElement {
  const values = [p.base, ...p.bars.flatMap((b) => [b.outputLow, b.outputHigh])];
  const { domain, ticks } = niceTicks(extent(values, false), 4);
  const height = p.bars.length * ROW + 30;
  const table: ChartTable = {
    rowHeader: p.names.assumption,
    rows: p.bars.map((b) => b.label),
    columns: [
      { name: p.names.lowInput, values: p.bars.map((b) => b.lowInput) },
      { name: p.names.highInput, values: p.bars.map((b) => b.highInput) },
      { name: p.names.atLow, values: p.bars.map((b) => p.format(b.outputLow)) },
      { name: p.names.atHigh, values: p.bars.map((b) => p.format(b.outputHigh)) },
      { name: p.names.swing, values: p.bars.map((b) => p.format(b.swing)) },
    ],
  };
  const low = SERIES_STYLE.baseline;
  const high = SERIES_STYLE.proposed;
  return (
    <ChartFigure title={p.title} description={p.description} table={table} tableLabel={p.tableLabel} testId={p.testId}
      legend={[{ name: p.names.atLow, kind: 'baseline', line: false }, { name: p.names.atHigh, kind: 'proposed', line: false }]}>
      {(width) => {
        const left = 8;
        const right = width - 12;
        const x = linear(domain, left, right);
        const bottom = p.bars.length * ROW + 4;
        const fit = Math.max(2, Math.floor((right - left) / (Math.max(...ticks.map((v) => textWidth(p.axisFormat(v), FONT_SIZE))) + 10)));
        const bar = (from: number, to: number, y: number, fill: string, opacity: number) => (
          <rect x={Math.min(x(from), x(to))} y={y} width={Math.max(1, Math.abs(x(to) - x(from)))} height={BAR} style={{ fill }} fillOpacity={opacity} />
        );
        return (
          <svg width={width} height={height} aria-hidden="true" focusable="false" style={{ display: 'block' }}>
            {ticks.map((v) => <line key={v} x1={x(v)} x2={x(v)} y1={0} y2={bottom} style={{ stroke: GRID_COLOR }} />)}
            {labelEvery(ticks.length, fit).map((i) => (
              // The end labels stay inside the chart: anchored at their edge, not centred on it.
              <text key={i} x={x(ticks[i])} y={bottom + 14} textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'} fontSize={FONT_SIZE}
                style={{ fill: TEXT_COLOR }}>{p.axisFormat(ticks[i])}</text>
            ))}
            <line x1={left} x2={right} y1={bottom} y2={bottom} style={{ stroke: AXIS_COLOR }} />
            {/* The base output under the labels and bars, so it never strikes through a label. */}
            <line x1={x(p.base)} x2={x(p.base)} y1={0} y2={bottom} style={{ stroke: MARKER_COLOR }} strokeWidth={1.5} />
            {p.bars.map((b, i) => {
              const y = i * ROW;
              return (
                <g key={b.label} data-row={b.label}>
                  <text x={left} y={y + 11} fontSize={FONT_SIZE} style={{ fill: MARKER_COLOR, stroke: tokens.colorNeutralBackground1, strokeWidth: 3, paintOrder: 'stroke' }}>{b.label}</text>
                  {bar(p.base, b.outputLow, y + 16, low.color, low.fillOpacity)}
                  {bar(p.base, b.outputHigh, y + 16, high.color, high.fillOpacity)}
                </g>
              );
            })}
          </svg>
        );
      }}
    </ChartFigure>
  );
}

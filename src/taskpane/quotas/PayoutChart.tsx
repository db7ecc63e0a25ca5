import * as React from 'react';
import { attainmentDensity, payout, type PayoutCurve } from '../../engine';
import type { Formats } from '../../i18n';
import { ChartFigure, FONT_SIZE, linePath, linear, niceTicks, plotArea, SERIES_STYLE, XLabels, YAxis, type ChartTable, type SeriesKind } from '../charts';
import { MARKER_COLOR } from '../charts/palette';

/** One plan's curve on the chart; `curve` absent when the plan does not pay the role on the component. */
export interface PlanCurve {
  name: string;
  kind: SeriesKind;
  curve?: PayoutCurve;
  /** Expected attainment (1 = quota) in the year shown. */
  mean?: number;
}

export interface PayoutChartProps {
  title: string;
  description: string;
  plans: readonly PlanCurve[];
  cv: number;
  fmt: Formats;
  texts: { attainment: string; payoutOf: (plan: string) => string; repsOf: (plan: string) => string; quota: string; tableLabel: string };
  testId?: string;
}

const HEIGHT = 200;
/** Points per curve: enough for a smooth density at pane width. */
const SAMPLES = 240;

/** Where the chart ends: past where almost every rep is (2.2 × the highest mean), at least 200 %. */
export function attainmentMax(means: readonly number[]): number {
  const top = Math.max(2, ...means.filter(Number.isFinite).map((m) => 2.2 * m));
  return Math.min(10, Math.ceil(top * 2) / 2);
}

/** Attainment points: an even grid plus each curve's corners (both sides of the threshold's jump). */
function samplePoints(max: number, curves: readonly PayoutCurve[]): number[] {
  const xs = Array.from({ length: SAMPLES + 1 }, (_, i) => (max * i) / SAMPLES);
  for (const c of curves) {
    if (c.threshold > 0) xs.push(c.threshold - 1e-9, c.threshold);
    xs.push(1);
    if (c.accelerator > 0) xs.push(1 + (c.cap - 1) / c.accelerator);
  }
  return [...new Set(xs.filter((x) => x >= 0 && x <= max))].sort((a, b) => a - b);
}

/**
 * A component's payout curve (share of target against attainment) for each plan, with the spread of the
 * reps' attainment shaded under it (lognormal, attainmentDensity, scaled to the plot's height) and the
 * expected attainment marked. The data table gives both: the payout and the share of reps per 10 points
 * of attainment at each step.
 */
export function PayoutChart(p: PayoutChartProps): React.ReactElement {
  const means = p.plans.map((pl) => pl.mean ?? NaN);
  const xMax = attainmentMax(means);
  const curves = p.plans.filter((pl) => pl.curve);
  const xs = samplePoints(xMax, curves.map((pl) => pl.curve!));
  const payouts = curves.map((pl) => xs.map((x) => payout(x, pl.curve!)));
  const spread = p.plans.filter((pl) => pl.mean !== undefined && pl.mean > 0);
  const densities = spread.map((pl) => xs.map((x) => attainmentDensity(x, pl.mean!, p.cv)));
  const { domain, ticks } = niceTicks({ min: 0, max: Math.max(1, ...payouts.flat()) }, 4);
  const step = xMax <= 3 ? 0.25 : 0.5;
  const rows = Array.from({ length: Math.round(xMax / step) + 1 }, (_, i) => i * step);
  const pct = (v: number) => p.fmt.percent(v, 1);
  const table: ChartTable = {
    rowHeader: p.texts.attainment,
    rows: rows.map((a) => p.fmt.percent(a, 0)),
    columns: [
      ...curves.map((pl) => ({ name: p.texts.payoutOf(pl.name), values: rows.map((a) => pct(payout(a, pl.curve!))) })),
      ...spread.map((pl) => ({ name: p.texts.repsOf(pl.name), values: rows.map((a) => pct(attainmentDensity(a, pl.mean!, p.cv) * 0.1)) })),
    ],
  };
  const xTicks = Array.from({ length: Math.round(xMax / (xMax <= 4 ? 0.5 : 1)) + 1 }, (_, i) => i * (xMax <= 4 ? 0.5 : 1));
  const legend = [
    ...curves.map((pl) => ({ name: p.texts.payoutOf(pl.name), kind: pl.kind })),
    ...spread.map((pl) => ({ name: p.texts.repsOf(pl.name), kind: pl.kind, line: false })),
  ];
  return (
    <ChartFigure title={p.title} description={p.description} legend={legend} table={table} tableLabel={p.texts.tableLabel} testId={p.testId}>
      {(width) => {
        const plot = plotArea(width, HEIGHT, ticks.map((v) => p.fmt.percent(v, 0)), 8 + FONT_SIZE + 4);
        const x = linear({ min: 0, max: xMax }, plot.left, plot.right);
        const y = linear(domain, plot.bottom, plot.top);
        const topDensity = Math.max(1e-12, ...densities.flat());
        const yd = linear({ min: 0, max: topDensity }, plot.bottom, plot.top + (plot.bottom - plot.top) * 0.15);
        const px = xs.map(x);
        return (
          <svg width={width} height={HEIGHT} aria-hidden="true" focusable="false" style={{ display: 'block', overflow: 'visible' }}>
            <YAxis plot={plot} ticks={ticks} y={y} format={(v) => p.fmt.percent(v, 0)} />
            {spread.map((pl, i) => (
              <path key={`d-${pl.name}`} data-density={pl.name} style={{ fill: SERIES_STYLE[pl.kind].color }} fillOpacity={0.16}
                d={`${linePath(px, densities[i].map(yd))}L${px[px.length - 1].toFixed(1)},${plot.bottom}L${px[0].toFixed(1)},${plot.bottom}Z`} />
            ))}
            <g data-marker="quota">
              <line x1={x(1)} x2={x(1)} y1={plot.top - 2} y2={plot.bottom} style={{ stroke: MARKER_COLOR }} strokeDasharray="3 3" />
              <text x={x(1)} y={plot.top - 6} textAnchor="middle" fontSize={FONT_SIZE} style={{ fill: MARKER_COLOR }}>{p.texts.quota}</text>
            </g>
            {spread.map((pl) => (
              <line key={`m-${pl.name}`} data-expected={pl.name} x1={x(Math.min(xMax, pl.mean!))} x2={x(Math.min(xMax, pl.mean!))} y1={plot.top + 4} y2={plot.bottom}
                style={{ stroke: SERIES_STYLE[pl.kind].color }} strokeWidth={1.5} strokeDasharray="1 3" />
            ))}
            {curves.map((pl, i) => {
              const st = SERIES_STYLE[pl.kind];
              return (
                <path key={`c-${pl.name}`} data-series={pl.name} d={linePath(px, payouts[i].map(y))} fill="none" style={{ stroke: st.color }}
                  strokeWidth={2} strokeDasharray={st.dash} strokeLinejoin="round" />
              );
            })}
            <XLabels plot={plot} labels={xTicks.map((a) => p.fmt.percent(a, 0))} x={(i) => x(xTicks[i])} />
          </svg>
        );
      }}
    </ChartFigure>
  );
}

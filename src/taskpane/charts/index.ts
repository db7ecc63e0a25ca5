/**
 * The pane's SVG charts (no chart library: the bundle stays small). Loaded lazily as their own chunk.
 * Later screens build on the same parts: LineChart's `bands` draw a fan chart, BarChart a histogram;
 * scale.ts, axes.tsx and ChartFigure (caption, legend, data table) serve a tornado or a payout curve.
 */
export { LineChart, type LineChartProps, type LineSeries, type Band, type ChartMarker } from './LineChart';
export { BarChart, type BarChartProps, type BarSeries } from './BarChart';
export { ChartFigure, DataTable, Swatch, MarkerShape, type ChartFigureProps, type ChartTable } from './ChartFigure';
export { plotArea, YAxis, XLabels, FONT_SIZE, type Plot } from './axes';
export { SERIES_STYLE, type SeriesKind, type SeriesStyle } from './palette';
export * from './scale';

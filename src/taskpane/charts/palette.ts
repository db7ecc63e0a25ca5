import { tokens } from '@fluentui/react-components';

/**
 * How a series looks. Each kind differs in colour AND in dash and marker shape, so the charts read in
 * greyscale, for colour-blind readers and in high contrast (where Fluent's tokens become system colours).
 */
export type SeriesKind = 'baseline' | 'proposed' | 'delta' | 'alt1' | 'alt2' | 'alt3';

export interface SeriesStyle {
  color: string;
  dash?: string;
  marker: 'circle' | 'square' | 'diamond' | 'triangle';
  /** Bar fill opacity (baseline bars are lighter). */
  fillOpacity: number;
}

/**
 * Each colour can be overridden by a CSS custom property (--ceq-chart-<name>). With the OS's high
 * contrast (forced colours) the browser repaints HTML in system colours but not SVG fills and strokes,
 * so the shell sets these to system colours (HIGH_CONTRAST_CHART_COLORS) and the charts stay visible.
 */
const color = (name: string, token: string) => `var(--ceq-chart-${name}, ${token})`;

export const SERIES_STYLE: Record<SeriesKind, SeriesStyle> = {
  baseline: { color: color('baseline', tokens.colorNeutralForeground3), dash: '5 3', marker: 'circle', fillOpacity: 0.55 },
  proposed: { color: color('proposed', tokens.colorBrandForeground1), marker: 'square', fillOpacity: 1 },
  delta: { color: color('delta', tokens.colorPaletteDarkOrangeForeground1), marker: 'diamond', fillOpacity: 1 },
  alt1: { color: color('alt1', tokens.colorPaletteGreenForeground1), dash: '2 2', marker: 'triangle', fillOpacity: 0.9 },
  alt2: { color: color('alt2', tokens.colorPaletteBerryForeground1), dash: '8 3', marker: 'diamond', fillOpacity: 0.9 },
  alt3: { color: color('alt3', tokens.colorPaletteMarigoldForeground1), dash: '1 3', marker: 'circle', fillOpacity: 0.9 },
};

export const AXIS_COLOR = color('axis', tokens.colorNeutralStroke1);
export const GRID_COLOR = color('grid', tokens.colorNeutralStroke2);
export const TEXT_COLOR = color('text', tokens.colorNeutralForeground2);
export const MARKER_COLOR = color('marker', tokens.colorNeutralForeground1);

/** System colours for forced-colours mode (set as CSS custom properties on the pane's root). */
export const HIGH_CONTRAST_CHART_COLORS: Record<string, string> = {
  '--ceq-chart-baseline': 'CanvasText', '--ceq-chart-proposed': 'Highlight', '--ceq-chart-delta': 'Highlight',
  '--ceq-chart-alt1': 'LinkText', '--ceq-chart-alt2': 'VisitedText', '--ceq-chart-alt3': 'CanvasText',
  '--ceq-chart-axis': 'CanvasText', '--ceq-chart-grid': 'GrayText', '--ceq-chart-text': 'CanvasText', '--ceq-chart-marker': 'CanvasText',
};

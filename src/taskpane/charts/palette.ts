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

export const SERIES_STYLE: Record<SeriesKind, SeriesStyle> = {
  baseline: { color: tokens.colorNeutralForeground3, dash: '5 3', marker: 'circle', fillOpacity: 0.55 },
  proposed: { color: tokens.colorBrandForeground1, marker: 'square', fillOpacity: 1 },
  delta: { color: tokens.colorPaletteDarkOrangeForeground1, marker: 'diamond', fillOpacity: 1 },
  alt1: { color: tokens.colorPaletteGreenForeground1, dash: '2 2', marker: 'triangle', fillOpacity: 0.9 },
  alt2: { color: tokens.colorPaletteBerryForeground1, dash: '8 3', marker: 'diamond', fillOpacity: 0.9 },
  alt3: { color: tokens.colorPaletteMarigoldForeground1, dash: '1 3', marker: 'circle', fillOpacity: 0.9 },
};

export const AXIS_COLOR = tokens.colorNeutralStroke1;
export const GRID_COLOR = tokens.colorNeutralStroke2;
export const TEXT_COLOR = tokens.colorNeutralForeground2;
export const MARKER_COLOR = tokens.colorNeutralForeground1;

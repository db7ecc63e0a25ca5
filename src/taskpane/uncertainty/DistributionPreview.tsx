import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { truncatedSampler, type DistributionSpec } from '../../engine';

const POINTS = 400;
const BINS = 18;

/**
 * The shape of a distribution truncated to [lo, hi] as bar heights: the histogram of its quantiles at
 * evenly spaced probabilities (stratified, so the same parameters always give the same picture), on
 * the range the distribution actually covers. Empty when the parameters are not valid.
 */
export function previewBars(spec: DistributionSpec, lo: number, hi: number): { heights: number[]; from: number; to: number } | undefined {
  let q: (u: number) => number;
  try {
    q = truncatedSampler(spec, lo, hi).quantile;
  } catch {
    return undefined;
  }
  const xs = Array.from({ length: POINTS }, (_, i) => q((i + 0.5) / POINTS));
  const from = xs[0];
  const to = xs[POINTS - 1];
  const counts = new Array<number>(BINS).fill(0);
  const width = to - from;
  for (const x of xs) counts[width > 0 ? Math.min(BINS - 1, Math.floor(((x - from) / width) * BINS)) : Math.floor(BINS / 2)]++;
  const top = Math.max(...counts);
  return { heights: counts.map((c) => c / top), from, to };
}

/** A tiny picture of the distribution's shape beside its parameters (its numbers are in the fields). */
export function DistributionPreview({ spec, lo, hi, label }: { spec?: DistributionSpec; lo: number; hi: number; label: string }): React.ReactElement {
  const bars = React.useMemo(() => (spec ? previewBars(spec, lo, hi) : undefined), [spec, lo, hi]);
  const w = 84;
  const h = 28;
  const step = w / BINS;
  return (
    <svg width={w} height={h} role="img" aria-label={label} data-testid="distribution-preview" style={{ flexShrink: 0 }}>
      <line x1={0} x2={w} y1={h - 0.5} y2={h - 0.5} style={{ stroke: 'var(--ceq-chart-axis, ' + tokens.colorNeutralStroke1 + ')' }} />
      {bars?.heights.map((b, i) => (
        <rect key={i} x={i * step + 0.5} y={h - 1 - b * (h - 3)} width={Math.max(1, step - 1)} height={b * (h - 3)}
          style={{ fill: 'var(--ceq-chart-proposed, ' + tokens.colorBrandForeground1 + ')' }} />
      ))}
    </svg>
  );
}

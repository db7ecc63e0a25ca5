/**
 * Scales and ticks for the pane's SVG charts (line, bar, and later fan, histogram, tornado, payout
 * curve). Pure functions: the components only place what these compute.
 */

export interface Domain {
  min: number;
  max: number;
}

/** The smallest domain holding every finite value (and zero when `withZero`); never empty. */
export function extent(values: Iterable<number>, withZero = true): Domain {
  let min = withZero ? 0 : Infinity;
  let max = withZero ? 0 : -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1 };
  // A span lost in float noise (two equal plans differ by 1e-9) is no span: draw it flat.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  if (max - min <= 1e-9 * Math.max(1, scale)) {
    return scale <= 1e-9 ? { min: 0, max: 1 } : { min: Math.min(0, min * 2), max: Math.max(0, max * 2) };
  }
  return { min, max };
}

/** A step of 1, 2, 2.5 or 5 × 10^k giving about `count` intervals over the span. */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/** Round ticks covering the domain; the domain widened to the outer ticks. */
export function niceTicks(d: Domain, count = 5): { domain: Domain; ticks: number[] } {
  const step = tickStep(d.max - d.min, count);
  const min = Math.floor(d.min / step + 1e-9) * step;
  const max = Math.ceil(d.max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = min, i = 0; v <= max + step * 1e-9 && i < 100; i++, v = min + i * step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : +v.toPrecision(12));
  return { domain: { min, max }, ticks };
}

/** Linear map from a domain to pixel range [r0, r1] (r0 > r1 for a y axis that grows upward). */
export function linear(d: Domain, r0: number, r1: number): (v: number) => number {
  const span = d.max - d.min || 1;
  return (v) => r0 + ((v - d.min) / span) * (r1 - r0);
}

/** Indexes of at most `max` evenly spaced labels (always the first and the last). */
export function labelEvery(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < count - 1; i += step) out.push(i);
  // The last label needs room: drop the regular one before it when they would crowd.
  if (out.length > 1 && count - 1 - out[out.length - 1] <= step / 2) out.pop();
  out.push(count - 1);
  return out;
}

/** An SVG path through the points, breaking where a value is not finite. */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i]) || !Number.isFinite(xs[i])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)},${ys[i].toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** A closed area between two lines (a band, e.g. P10–P90), both given left to right. */
export function bandPath(xs: readonly number[], lower: readonly number[], upper: readonly number[]): string {
  if (xs.length === 0) return '';
  const top = xs.map((x, i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${upper[i].toFixed(1)}`).join('');
  const bottom = xs.map((_, i) => xs.length - 1 - i).map((i) => `L${xs[i].toFixed(1)},${lower[i].toFixed(1)}`).join('');
  return `${top}${bottom}Z`;
}

/** Width in pixels a label of `text` needs at `fontSize` (an estimate: no DOM measuring). */
export function textWidth(text: string, fontSize = 11): number {
  return text.length * fontSize * 0.68;
}

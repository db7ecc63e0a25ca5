/**
 * A small Nelder–Mead minimiser (written for any dimension; retention/sbg.ts fits two). Numerics only.
 */
// Bound once: under jest each lookup of the global Math is slow (see retention/sbg.ts).
const { abs, max } = Math;

export interface SimplexResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/** Converged when the simplex's values differ by at most this (relative) and its points by X_TOLERANCE. */
export const NELDER_MEAD_F_TOLERANCE = 1e-13;
const X_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 2000;
const INITIAL_STEP = 0.5;

export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[]): SimplexResult {
  const n = start.length;
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += INITIAL_STEP;
    points.push(p);
  }
  let values = points.map(f);
  const along = (from: number[], to: number[], s: number) => from.map((v, i) => v + s * (to[i] - v));

  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const sorted = order.map((i) => points[i]);
    values = order.map((i) => values[i]);
    points.splice(0, points.length, ...sorted);
    const spreadF = values[n] - values[0];
    const spreadX = max(...points.slice(1).map((p) => max(...p.map((v, i) => abs(v - points[0][i])))));
    if (spreadF <= NELDER_MEAD_F_TOLERANCE * (1 + abs(values[0])) && spreadX <= X_TOLERANCE) {
      return { x: points[0], value: values[0], iterations: iteration, converged: true };
    }

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += points[i][j] / n;
    const worst = points[n];
    const reflected = along(centroid, worst, -1);
    const fReflected = f(reflected);
    if (fReflected < values[0]) {
      const expanded = along(centroid, worst, -2);
      const fExpanded = f(expanded);
      [points[n], values[n]] = fExpanded < fReflected ? [expanded, fExpanded] : [reflected, fReflected];
      continue;
    }
    if (fReflected < values[n - 1]) {
      [points[n], values[n]] = [reflected, fReflected];
      continue;
    }
    // Contract toward the better of the worst point and its reflection; shrink if that fails too.
    const outside = fReflected < values[n];
    const contracted = along(centroid, worst, outside ? -0.5 : 0.5);
    const fContracted = f(contracted);
    if (fContracted < (outside ? fReflected : values[n])) {
      [points[n], values[n]] = [contracted, fContracted];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      points[i] = along(points[0], points[i], 0.5);
      values[i] = f(points[i]);
    }
  }
  return { x: points[0], value: values[0], iterations: MAX_ITERATIONS, converged: false };
}

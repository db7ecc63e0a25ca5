/**
 * Deterministic derivative-free maximisation in a box, with one "cost ≤ limit" constraint.
 *
 * 1. A coarse grid over the free coordinates (9, 6, 5 or 4 points per coordinate for 1–2, 3, 4, 5+
 *    of them); the best three feasible grid points are the starts.
 * 2. From each start, Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½) in coordinates
 *    scaled to [0, 1], points clamped to the box, then once more from its best point with a smaller
 *    simplex (Nelder–Mead can stall on a collapsed simplex).
 * 3. The constraint by projection: a point over the limit is moved along the segment toward the
 *    cheapest point the problem names (`cheapest(x)`, inside the box) to where the cost meets the
 *    limit (Illinois regula falsi, keeping the feasible end), so every point the search compares is
 *    feasible and the objective it sees is continuous.
 * No randomness anywhere: the same problem gives the same answer, evaluation for evaluation.
 */
import { ModelError } from '../text';
import type { Work } from '../model';

export interface BoxProblem {
  lower: readonly number[];
  upper: readonly number[];
  /** The objective to maximise at x, and the constrained cost (ignored without a limit). */
  evaluate(x: readonly number[]): { objective: number; cost: number };
  limit?: number;
  /** Where infeasible points are pulled toward; must be in the box and within the limit. Default `lower`. */
  cheapest?: (x: readonly number[]) => number[];
}

export interface BoxOptimum {
  x: number[];
  objective: number;
  cost: number;
  evaluations: number;
  /** The cost is within a relative 1e-6 of the limit. */
  budgetBinding: boolean;
  /** Per coordinate: at its lower / upper bound (within 1e-6 of the box width); fixed coordinates are neither. */
  atLower: boolean[];
  atUpper: boolean[];
}

interface Point {
  u: number[];
  x: number[];
  objective: number;
  cost: number;
}

const TOLERANCE = 1e-6;

function gridSize(free: number): number {
  return free <= 2 ? 9 : free === 3 ? 6 : free === 4 ? 5 : 4;
}

export function* maximizeInBox(p: BoxProblem): Work<BoxOptimum> {
  const n = p.lower.length;
  const free = [...Array(n).keys()].filter((i) => p.upper[i] > p.lower[i]);
  const limit = p.limit;
  const cheapest = p.cheapest ?? (() => [...p.lower]);
  let evaluations = 0;

  const toX = (u: readonly number[]): number[] => {
    const x = [...p.lower];
    free.forEach((i, j) => { x[i] = p.lower[i] + Math.min(1, Math.max(0, u[j])) * (p.upper[i] - p.lower[i]); });
    return x;
  };
  const toU = (x: readonly number[]): number[] => free.map((i) => (x[i] - p.lower[i]) / (p.upper[i] - p.lower[i]));

  function* evaluate(x: number[]): Generator<number, Point, void> {
    const r = p.evaluate(x);
    evaluations++;
    yield 1;
    return { u: toU(x), x, objective: r.objective, cost: r.cost };
  }

  /** The point the search sees for u: x itself when feasible, else its projection toward the cheapest point. */
  function* feasible(u: readonly number[]): Generator<number, Point, void> {
    const x = toX(u);
    const at = yield* evaluate(x);
    if (limit === undefined || at.cost <= limit) return at;
    const c = cheapest(x);
    const along = (f: number) => x.map((xi, i) => c[i] + f * (xi - c[i]));
    let lo = yield* evaluate(along(0));
    if (lo.cost > limit) return lo; // only when cheapest() misbehaves: the caller checked the start
    let [fLo, fHi] = [0, 1];
    let [gLo, gHi] = [lo.cost - limit, at.cost - limit];
    let side = 0;
    for (let it = 0; it < 60 && fHi - fLo > 1e-12; it++) {
      let f = Number.isFinite(gHi) ? fLo - (gLo * (fHi - fLo)) / (gHi - gLo) : (fLo + fHi) / 2;
      if (!(f > fLo && f < fHi)) f = (fLo + fHi) / 2;
      const mid = yield* evaluate(along(f));
      const g = mid.cost - limit;
      if (g <= 0) {
        [fLo, gLo, lo] = [f, g, mid];
        if (-g <= TOLERANCE * 1e-4 * Math.max(1, Math.abs(limit))) break;
        if (side === -1) gHi /= 2; // Illinois: halve the stale end so the bracket shrinks from both sides
        side = -1;
      } else {
        [fHi, gHi] = [f, g];
        if (side === 1) gLo /= 2;
        side = 1;
      }
    }
    return lo;
  }

  const better = (a: Point, b: Point) => a.objective > b.objective;

  function* nelderMead(start: readonly number[], step: number): Generator<number, Point, void> {
    const m = start.length;
    const simplex: Point[] = [yield* feasible(start)];
    for (let j = 0; j < m; j++) {
      const v = [...start];
      v[j] += v[j] + step <= 1 ? step : -step;
      simplex.push(yield* feasible(v));
    }
    const clamp = (v: number[]) => v.map((x) => Math.min(1, Math.max(0, x)));
    const maxIterations = 60 * m + 50;
    for (let it = 0; it < maxIterations; it++) {
      simplex.sort((a, b) => b.objective - a.objective);
      const best = simplex[0];
      const worst = simplex[m];
      const size = Math.max(...simplex.slice(1).map((q) => Math.max(...q.u.map((x, i) => Math.abs(x - best.u[i])))));
      const spread = best.objective - worst.objective;
      if (size < 1e-9 || spread <= 1e-13 * Math.abs(best.objective)) break;
      const centroid = best.u.map((_, i) => simplex.slice(0, m).reduce((s, q) => s + q.u[i], 0) / m);
      const along = (t: number) => clamp(centroid.map((c, i) => c + t * (c - worst.u[i])));
      const reflected = yield* feasible(along(1));
      if (better(reflected, best)) {
        const expanded = yield* feasible(along(2));
        simplex[m] = better(expanded, reflected) ? expanded : reflected;
      } else if (better(reflected, simplex[m - 1])) {
        simplex[m] = reflected;
      } else {
        // Outside contraction when the reflection beat the worst point (kept if no worse than the
        // reflection), inside contraction otherwise (kept if better than the worst); else shrink.
        const outside = better(reflected, worst);
        const contracted = yield* feasible(along(outside ? 0.5 : -0.5));
        if (outside ? !better(reflected, contracted) : better(contracted, worst)) {
          simplex[m] = contracted;
        } else {
          for (let j = 1; j <= m; j++) simplex[j] = yield* feasible(simplex[j].u.map((x, i) => best.u[i] + 0.5 * (x - best.u[i])));
        }
      }
    }
    simplex.sort((a, b) => b.objective - a.objective);
    return simplex[0];
  }

  if (limit !== undefined) {
    const start = yield* evaluate(cheapest(toX(free.map(() => 0.5))));
    if (start.cost > limit) {
      throw new ModelError('invalid', [{ code: 'infeasible', key: 'budget', value: limit, min: start.cost }]);
    }
  }

  let best: Point;
  if (free.length === 0) {
    best = yield* feasible([]);
  } else {
    const k = gridSize(free.length);
    const grid: Point[] = [];
    const total = k ** free.length;
    for (let g = 0; g < total; g++) {
      const u = free.map((_, j) => (Math.floor(g / k ** j) % k) / (k - 1));
      const at = yield* evaluate(toX(u));
      if (limit === undefined || at.cost <= limit) grid.push(at);
    }
    // Stable sort: equal objectives keep grid order, so the starts are deterministic.
    grid.sort((a, b) => b.objective - a.objective);
    const starts = grid.length > 0 ? grid.slice(0, 3).map((q) => q.u) : [free.map(() => 0.5)];
    best = yield* feasible(starts[0]);
    for (const start of starts) {
      let found = yield* nelderMead(start, 0.15);
      const again = yield* nelderMead(found.u, 0.02);
      if (better(again, found)) found = again;
      if (better(found, best)) best = found;
    }
  }
  const atLower = p.lower.map((lo, i) => free.includes(i) && best.x[i] - lo <= TOLERANCE * (p.upper[i] - lo));
  const atUpper = p.upper.map((hi, i) => free.includes(i) && hi - best.x[i] <= TOLERANCE * (hi - p.lower[i]));
  // An optimum at a bound is reported at the bound itself (0, not 1e-12), so nobody reads it as an interior answer.
  if (atLower.some(Boolean) || atUpper.some(Boolean)) {
    const u = free.map((i, j) => (atLower[i] ? 0 : atUpper[i] ? 1 : best.u[j]));
    const snapped = yield* evaluate(toX(u));
    if (limit === undefined || snapped.cost <= limit || !(best.cost <= limit)) best = snapped;
  }
  return {
    x: best.x, objective: best.objective, cost: best.cost, evaluations,
    budgetBinding: limit !== undefined && best.cost >= limit - TOLERANCE * Math.max(1e-12, Math.abs(limit)),
    atLower, atUpper,
  };
}

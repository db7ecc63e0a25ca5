/**
 * The projection's loop (project.ts) into buffers that a caller may reuse: project() allocates a set
 * per projection, a Projector (scenario/projector.ts) keeps one. Kept apart from project.ts so that
 * the loop's helpers stay out of model/'s surface: its index exports only projectInto and
 * projectionBuffers, which the projector needs.
 */
import type { BehaviourValues, PlanValues, ScenarioSettings, SegmentValues } from './catalogue';
import { baselineFlows, planBehaviour, type PlanBehaviour } from './behaviour';
import { METRIC_COUNT } from './metrics';
import { behaviourPath, SERIES_COUNT } from './project-behaviour';
import { emptyRunOffBook, periodLogs, projectSegment } from './project-segment';
import { sumSegments } from './project-totals';
import { terminalValue, type RunOffBook } from './terminal';
import { flatRunOffs, RUN_OFF_YEARS, runOffCosts } from './terminal-flat';
import { invalid } from '../text';

/**
 * What a plan with a quota layer (quota-project.ts) adds to a projection. Flat plans pass none, so
 * their loop is exactly the one below.
 */
export interface ProjectionHook {
  /** The long-run behaviour to move toward, instead of planBehaviour(plan, baseline, b). */
  target?: PlanBehaviour;
  /** Filled with the ARR of the customers who leave at their first renewal, at [segment·periods + period]. */
  firstRenewalChurnArr?: Float64Array;
  /** Adds pay the loop does not know to each segment's rows, after the loop and before totals and terminal values. */
  addPay?(data: Float64Array, periods: number, segments: number): void;
  /**
   * Only these totals (project-totals.ts totalsOf), for a caller that reads no other total: the rest
   * of the total column keeps what the buffers held. Segment rows and terminal values are complete.
   */
  totals?: Int32Array;
}

/** What a projection returns: a Projector (projector.ts) keeps one set and reuses it. */
export interface ProjectionBuffers {
  /** Metrics per segment then total: [(segment · METRIC_COUNT + metric) · periods + period]. */
  data: Float64Array;
  /** The behaviour path, [series · periods + period]. */
  behaviour: Float64Array;
  /** Terminal value per segment then total. */
  terminal: Float64Array;
}

/**
 * Buffers for a projection of `segments` segments over `periods` periods: views of one allocation.
 * Small projections are carved one after another out of a shared slab, because a typed array of its
 * own costs about a microsecond to allocate (and more to collect), as much as a segment's whole loop;
 * the slab is never reused, only replaced when full, so a projection's numbers never change after it
 * is returned (a kept projection keeps at most one slab alive).
 */
export function projectionBuffers(segments: number, periods: number): ProjectionBuffers {
  const dataSize = (segments + 1) * METRIC_COUNT * periods;
  const behaviourSize = SERIES_COUNT * periods;
  const size = dataSize + behaviourSize + segments + 1;
  if (size > SLAB_SIZE / 4) {
    const all = new Float64Array(size);
    return { data: all.subarray(0, dataSize), behaviour: all.subarray(dataSize, dataSize + behaviourSize), terminal: all.subarray(dataSize + behaviourSize) };
  }
  if (slabUsed + size > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE * Float64Array.BYTES_PER_ELEMENT);
    slabUsed = 0;
  }
  const at = slabUsed * Float64Array.BYTES_PER_ELEMENT;
  slabUsed += size;
  return {
    data: new Float64Array(slab, at, dataSize),
    behaviour: new Float64Array(slab, at + dataSize * Float64Array.BYTES_PER_ELEMENT, behaviourSize),
    terminal: new Float64Array(slab, at + (dataSize + behaviourSize) * Float64Array.BYTES_PER_ELEMENT, segments + 1),
  };
}
/** Slab size in numbers (256 KB): about twenty annual 10-year projections of three segments. */
const SLAB_SIZE = 32_768;
let slab = new ArrayBuffer(0);
let slabUsed = SLAB_SIZE;

/** What a projection needs only while it runs, shared by every projection (they never nest). */
const adopted = new Float64Array(SERIES_COUNT);
let logs = new Float64Array(2 * 120);
const books: RunOffBook[] = [];
const flatBooks: RunOffBook[] = [];
const flatSegments: number[] = [];
let flatCosts = new Float64Array(3 * 8);
let flatValues = new Float64Array(8);

/**
 * project() into buffers sized for the scenario's shape (projectionBuffers), overwriting every entry:
 * the Monte Carlo trials reuse one set per plan instead of allocating a projection each.
 */
export function projectInto(
  buffers: ProjectionBuffers,
  settings: ScenarioSettings,
  segments: readonly SegmentValues[],
  b: BehaviourValues,
  baseline: PlanValues,
  plan: PlanValues,
  hook?: ProjectionHook,
): void {
  const ppy = settings.periodsPerYear;
  const P = settings.horizonYears * ppy;
  const dt = 1 / ppy;
  const nSeg = segments.length;
  const { data, behaviour, terminal } = buffers;
  const target = hook?.target ?? planBehaviour(plan, baseline, b, baselineFlows(segments));
  behaviourPath(behaviour, adopted, b, plan, target, P, dt);
  if (logs.length < 2 * P) logs = new Float64Array(2 * P);
  periodLogs(logs, behaviour, P, b);
  while (books.length < nSeg) books.push(emptyRunOffBook());

  let totalStart = 0;
  for (let s = 0; s < nSeg; s++) totalStart += segments[s].customers;
  for (let s = 0; s < nSeg; s++) {
    const weight = totalStart > 0 ? segments[s].customers / totalStart : 1 / nSeg;
    projectSegment(data, s, P, dt, settings, segments[s], b, baseline, plan, behaviour, adopted, logs, weight, hook?.firstRenewalChurnArr, books[s]);
  }
  // Pay the loop does not know (quota layer) follows the book into the run-off, so it is added first.
  hook?.addPay?.(data, P, nSeg);
  terminalValues(data, terminal, nSeg, P, ppy, settings.discountRate, settings.discountTiming === 1);
  sumSegments(data, nSeg, P, ppy, hook?.totals);
}

/** Each segment's terminal.ts terminalValue, the books under flat churn run off side by side (terminal-flat.ts). */
function terminalValues(data: Float64Array, terminal: Float64Array, nSeg: number, P: number, ppy: number, discountRate: number, endOfPeriod: boolean): void {
  if (flatCosts.length < 3 * nSeg) {
    flatCosts = new Float64Array(3 * nSeg);
    flatValues = new Float64Array(nSeg);
  }
  let flat = 0;
  for (let s = 0; s < nSeg; s++) {
    const book = books[s];
    if (book.walletMultiple === 0 && runOffGrowth(book, discountRate) >= 1) {
      throw invalid({ code: 'inconsistent', key: 'walletMultiple', detail: 'runOffDiverges', args: { segment: s + 1, years: RUN_OFF_YEARS } });
    }
    terminal[s] = 0;
    if (book.nextOpportunity !== null) terminal[s] = terminalValue(book, data, s * METRIC_COUNT * P, P, ppy, discountRate, endOfPeriod);
    else if (runOffCosts(book, data, s * METRIC_COUNT * P, P, ppy, flatCosts, 3 * flat)) {
      flatBooks[flat] = book;
      flatSegments[flat++] = s;
    }
  }
  flatRunOffs(flatBooks, flat, flatCosts, discountRate, endOfPeriod, flatValues);
  for (let i = 0; i < flat; i++) terminal[flatSegments[i]] = flatValues[i];
  terminal[nSeg] = 0;
  for (let s = 0; s < nSeg; s++) terminal[nSeg] += terminal[s];
}

/**
 * How much a customer's discounted ARR grows each run-off year in the long run when nothing caps
 * expansion (walletMultiple 0): what stays after churn and contraction, grown by expansion, over a
 * year's discount. Under sBG the churn of old cohorts tends to 0, so only contraction and expansion
 * count. At 1 or more the run-off has no finite value; a 50-year sum with the tail dropped (what the
 * run-off gave before) made customer equity jump from 7,081M to 546M as pay crossed that point.
 */
function runOffGrowth(book: RunOffBook, discountRate: number): number {
  const survival = book.nextOpportunity === null ? 1 - book.churn : 1;
  return survival * (1 - book.contraction) * (1 + book.expansion) / (1 + discountRate);
}

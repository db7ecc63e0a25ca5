/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's `any` and `any[][]` parameter types: we coerce ourselves */
/**
 * The quota layer's custom functions (MODEL.md section 8), as Excel sees them: custom-functions-metadata
 * reads this JSDoc like functions.ts. Their table (below) is data in the style of table.ts, and every
 * call takes table.ts's `invoke` (argument coercion, result checks, #VALUE! with a message). Argument
 * ranges come from the catalogue's rows, never restated.
 */
import {
  attainmentBands, DEFAULT_ATTAINMENT_BANDS, findSpec, payout, QUOTA_CATALOGUE, type ValueSpec,
} from '../engine';
import { arg, type ArgSpec } from './args';
import { checkArgumentSize, checkNumber, isBlank, type Cell, type NumberRule } from './cells';
import { invalidArgument } from './errors';
import { registration } from './registration';
import { invoke, type FunctionDef } from './table';

// custom-functions-metadata-plugin's loader appends `CustomFunctions.associate("ID", fn);` lines to this
// file too: the local binding sends them through the guarded registration (functions.ts does the same).
const CustomFunctions = registration;
void CustomFunctions;

const field = (key: string): ValueSpec => QUOTA_CATALOGUE.find((s) => s.key === key)!;
/** Attainment as a fraction of quota: 0 up to 1000 (100,000 %). */
const ATTAINMENT: NumberRule = { min: 0, max: 1000 };
/** Band edges: positive attainments. */
const EDGE: NumberRule = { min: 0.001, max: 1000 };
/** The most band edges CEQ.ATTAINMENT reads (a spill of 102 rows at most). */
export const MAX_BAND_EDGES = 100;

function def<const A extends readonly ArgSpec[]>(d: FunctionDef<A>): FunctionDef {
  return d as unknown as FunctionDef;
}

/** The share of people per band: from, to (blank for the open top band), share. */
function bandRows(mean: number, cv: number, edges: number[]): Cell[][] {
  const sorted = [...edges].sort((a, b) => a - b);
  const shares = attainmentBands(mean, cv, sorted);
  const bounds: Cell[] = [0, ...sorted, ''];
  return [['from', 'to', 'share'], ...shares.map((share, k) => [bounds[k], bounds[k + 1], share])];
}

export const QUOTA_FUNCTIONS: readonly FunctionDef[] = [
  def({
    id: 'PAYOUT', result: 'scalar',
    args: [arg.number('attainment', ATTAINMENT), arg.number('threshold', field('threshold')), arg.number('accelerator', field('accelerator')),
      arg.number('cap', field('cap')), arg.number('decelerator', field('decelerator'), field('decelerator').defaultValue)],
    core: (attainment, threshold, accelerator, cap, decelerator) => payout(attainment, { threshold, accelerator, cap, decelerator }),
  }),
  def({
    id: 'ATTAINMENT', result: 'matrix',
    // Blank or omitted bands take DEFAULT_ATTAINMENT_BANDS before coercion (see quotaAttainment below).
    args: [arg.number('expected_attainment', ATTAINMENT), arg.number('cv', findSpec('attainmentCV')!),
      { ...arg.vector('bands', MAX_BAND_EDGES, 1), optional: true }],
    core: (mean, cv, edges) => {
      edges.forEach((edge, i) => {
        const problem = checkNumber(`bands[${i + 1}]`, edge, EDGE);
        if (problem) throw invalidArgument(problem);
      });
      return bandRows(mean, cv, edges);
    },
  }),
];

let byId: Map<string, FunctionDef> | undefined;
const call = (id: string, ...args: unknown[]) => {
  byId ??= new Map(QUOTA_FUNCTIONS.map((f) => [f.id, f]));
  return invoke(byId.get(id)!, args);
};

/** Omitted, blank or all-blank bands: the default edges, as a column. */
function bandsOrDefault(bands: unknown): unknown {
  checkArgumentSize('bands', bands);
  const cells = Array.isArray(bands) ? (bands as unknown[]).flat(2) : [bands];
  return cells.every((c) => isBlank(c)) ? DEFAULT_ATTAINMENT_BANDS.map((edge) => [edge]) : bands;
}

/**
 * Payout of a quota component as a share of its target at one attainment: nothing below the threshold, attainment one for one up to quota, the accelerator's slope above quota, never more than the cap.
 * @customfunction PAYOUT PAYOUT
 * @param attainment Attainment as a fraction of quota (1.1 is 110 %), 0 to 1000.
 * @param threshold Attainment below which nothing is paid, 0 to 1.
 * @param accelerator Slope above quota, 0 to 10: 2 pays 120 % of target at 110 % attainment.
 * @param cap Most paid, as a multiple of target, 1 to 100 (3 is 300 %).
 * @param decelerator Optional slope below quota, 0 to 10 (default 1, one for one): 2 pays 60 % of target at 80 % attainment.
 * @returns The payout as a share of target (1 is 100 %).
 */
export function quotaPayout(attainment: any, threshold: any, accelerator: any, cap: any, decelerator?: any): number {
  return call('PAYOUT', attainment, threshold, accelerator, cap, decelerator) as number;
}

/**
 * Share of the people in a role per attainment band, when attainment is spread lognormally around its expected value.
 * @customfunction ATTAINMENT ATTAINMENT
 * @param expected_attainment Expected (mean) attainment as a fraction of quota, 0 to 1000.
 * @param cv Coefficient of variation of attainment across people, 0 to 2 (0.35 is typical).
 * @param bands Optional row or column of band edges, positive attainments in any order (default 0.5, 0.75, 1, 1.25, 1.5).
 * @returns Header row from, to, share; one row per band, the last open-ended. Shares add up to 1.
 */
export function quotaAttainment(expected_attainment: any, cv: any, bands?: any[][]): any[][] {
  return call('ATTAINMENT', expected_attainment, cv, bandsOrDefault(bands)) as any[][];
}

/** The quota functions by id: index.ts associates them. */
export const QUOTA_BY_ID: Readonly<Record<string, (...args: any[]) => unknown>> = {
  'PAYOUT': quotaPayout,
  'ATTAINMENT': quotaAttainment,
};

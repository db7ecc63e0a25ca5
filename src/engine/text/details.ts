import { ADAPTER_DETAILS } from './adapter-details';
import { CALIBRATION_DETAILS } from './calibration-details';
import { MODEL_DETAILS } from './model-details';
import type { Detail } from './problem';

/**
 * Every detail a Problem may name, in both languages. Templates show the bad value and, where there
 * is one, the valid range or the value it must reach, so that two different mistakes never read alike.
 */
export const DETAILS = { ...MODEL_DETAILS, ...ADAPTER_DETAILS, ...CALIBRATION_DETAILS } satisfies Record<string, Detail>;

/** Every id a Problem's `detail` may hold. */
export type DetailId = keyof typeof DETAILS;

/** The detail ids, for tests that check every one is said in both languages. */
export const DETAIL_IDS = Object.keys(DETAILS) as readonly DetailId[];

/** True for details written with keys, formulas and numbers only (the same words in both languages). */
export function isNeutralDetail(id: DetailId): boolean {
  return (DETAILS[id] as Detail).neutral === true;
}

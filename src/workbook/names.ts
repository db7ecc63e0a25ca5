import type { Scenario } from '../engine';

/**
 * Defined names of the inputs sheet. Every input cell has one, so formulas read like the model:
 *
 *   CEQ_<key>                 scenario and behaviour keys        CEQ_discountRate, CEQ_responsiveness
 *   CEQ_<key>_<segment>       segment keys, per segment          CEQ_churn_SMB, CEQ_arpa_Mid_market
 *   CEQ_<key>_<plan>          plan keys: Baseline, Proposed1…    CEQ_commissionNew_Proposed1
 *   CEQ_Assumptions           key column + one column per segment, with its header row
 *   CEQ_Plan_<plan>           a plan's key/value columns, with its header row
 *
 * Segment names are reduced to ASCII letters, digits and underscores (accents dropped); an empty or
 * repeated result becomes S1, S2… by position.
 */
export const NAME_PREFIX = 'CEQ_';

export function segmentIds(s: Scenario): string[] {
  const seen = new Set<string>();
  return s.segments.map((g, i) => {
    let id = g.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (!id || seen.has(id.toLowerCase())) id = `S${i + 1}`;
    if (seen.has(id.toLowerCase())) id = `S${i + 1}_${i + 1}`;
    seen.add(id.toLowerCase());
    return id;
  });
}

/** Plan ids: 0 is the baseline, 1… the proposed plans in order. */
export function planId(plan: number): string {
  return plan === 0 ? 'Baseline' : `Proposed${plan}`;
}

export const scalarName = (key: string) => `${NAME_PREFIX}${key}`;
export const segmentName = (key: string, segmentId: string) => `${NAME_PREFIX}${key}_${segmentId}`;
export const planName = (key: string, plan: number) => `${NAME_PREFIX}${key}_${planId(plan)}`;
export const ASSUMPTIONS_NAME = `${NAME_PREFIX}Assumptions`;
export const planRangeName = (plan: number) => `${NAME_PREFIX}Plan_${planId(plan)}`;
export const DT_NAME = `${NAME_PREFIX}dt`;

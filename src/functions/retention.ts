/**
 * Net and gross revenue retention of one period from its ARR flows (MODEL.md section 6): the same
 * definitions the engine's yearly roll-up uses, as small pure functions for CEQ.NRR and CEQ.GRR.
 */
export function netRevenueRetention(startArr: number, expansion: number, contraction: number, churned: number): number {
  return (startArr + expansion - contraction - churned) / startArr;
}

export function grossRevenueRetention(startArr: number, contraction: number, churned: number): number {
  return (startArr - contraction - churned) / startArr;
}

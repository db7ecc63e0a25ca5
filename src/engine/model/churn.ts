/**
 * Churn helpers shared by the projection (project.ts) and the run-off of the horizon-end book
 * (terminal.ts), so both apply exactly the same rules.
 */
const { floor, max, min, pow, sqrt } = Math;

/**
 * The annual churn in force while a share `renewed` of the book has renewed under the plan: the
 * baseline churn c0 moves to the plan's churn (capped at 0.99) linearly in the hazard −ln(1 − c),
 * not in c. `renewed` is an average over the period, and averaging is exact only for a quantity the
 * period's survival depends on linearly: the hazard is one, so a yearly run and twelve monthly runs
 * lose the same customers; blending c itself would make yearly runs lose fewer when churn rises.
 */
export function phasedChurn(c0: number, churnNow: number, renewed: number): number {
  const after = min(0.99, churnNow);
  if (renewed >= 1) return after;
  return 1 - pow(1 - c0, 1 - renewed) * pow(1 - after, renewed);
}

/** Churn over one period of length dt (years) from an annual churn probability, converted exactly. */
export function periodStep(annual: number, dt: number): number {
  return dt === 1 ? annual : 1 - pow(1 - annual, dt);
}

/** Annual churn of a cohort facing renewal opportunity `opportunity` (1 = first renewal) on the sBG curve, scaled by the plan's churn pressure. */
export function sbgOpportunityHazard(alpha: number, beta: number, opportunity: number, pressure: number): number {
  const renewal = (beta + opportunity - 1) / (alpha + beta + opportunity - 1);
  return min(0.99, (1 - renewal) * pressure);
}

/** Tenure boundaries closer than this are taken as reached: (t + 1/24) − (t − 23/24) is not always 1 in floating point. */
const TENURE_EPSILON = 1e-9;

/**
 * Survival over the tenure span [x, x + dt] (years since acquisition) on the sBG curve. While tenure
 * is in [k, k + 1) the cohort faces opportunity k + 1 at that opportunity's annual hazard, so the span
 * is cut at whole years and each piece gets its own hazard: an annual step and twelve monthly steps
 * over the same span give the same survival exactly, whatever the starting tenure (MODEL.md section 11).
 */
export function sbgSpanSurvival(alpha: number, beta: number, x: number, dt: number, pressure: number): number {
  const end = x + dt;
  let from = max(0, x);
  let survival = 1;
  while (from < end - TENURE_EPSILON) {
    const whole = floor(from + TENURE_EPSILON);
    const to = min(end, whole + 1);
    const hazard = sbgOpportunityHazard(alpha, beta, whole + 1, pressure);
    survival *= to - from === 1 ? 1 - hazard : pow(1 - hazard, to - from);
    from = to;
  }
  return survival;
}

/**
 * Probability that a contract survives its `renewal`-th renewal (1 = the first) on the sBG curve: a term
 * of T years holds T yearly opportunities, renewal j the ((j − 1)T + 1)-th to the (jT)-th.
 */
export function sbgRenewalSurvival(alpha: number, beta: number, renewal: number, termYears: number, pressure: number): number {
  let survival = 1;
  for (let k = (renewal - 1) * termYears + 1; k <= renewal * termYears; k++) survival *= 1 - sbgOpportunityHazard(alpha, beta, k, pressure);
  return survival;
}

/**
 * Expansion under the ceiling: e·max(0, (W − ARPA)/(W − ARPA₀)), W = walletMultiple·ARPA₀; a multiple
 * of 0 means no ceiling, one at or below 1 leaves no room to grow.
 */
export function ceilingFactor(walletMultiple: number, arpa0: number, arpa: number): number {
  if (walletMultiple === 0) return 1;
  if (walletMultiple <= 1) return 0;
  const wallet = walletMultiple * arpa0;
  return max(0, (wallet - arpa) / (wallet - arpa0));
}

/**
 * The ceiling factor over a period of dt years, read at the period's middle: ARR per account at
 * mid-period is estimated from the start with the start's factor (one predictor step), so an annual
 * step and twelve monthly ones expand alike.
 */
export function ceilingAtMid(walletMultiple: number, arpa0: number, arpa: number, expansion: number, contraction: number, dt: number): number {
  if (walletMultiple === 0) return 1;
  const first = ceilingFactor(walletMultiple, arpa0, arpa);
  const growth = (1 - contraction) * (1 + expansion * first);
  // x^(1/2) is sqrt(x) bit for bit (V8's pow takes that path too), and sqrt is several times faster.
  const mid = arpa * (dt === 1 ? sqrt(growth) : pow(growth, dt / 2));
  return ceilingFactor(walletMultiple, arpa0, mid);
}

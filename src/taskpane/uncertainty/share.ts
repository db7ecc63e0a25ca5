import type { Formats } from '../../i18n';

/**
 * A probability for an executive: one decimal, except that a share short of certainty never reads as
 * certain ("> 99.9%", not "100.0%", when 3 trials in 20,000 lose) and a rare event never reads as
 * impossible ("< 0.1%"). Given the number of trials, a share of exactly 1 (or 0) is not shown as
 * certain either: with no loss in n trials the chance of a loss is, at 95 % confidence, below 3/n
 * (the "rule of three"), so it reads "≥ 99.8%" after 2,000 trials.
 */
export function shareText(p: number, fmt: Formats, trials?: number): string {
  if (trials && trials > 0 && (p === 1 || p === 0)) {
    const bound = Math.min(0.5, 3 / trials);
    return p === 1 ? `≥ ${fmt.percent(Math.floor((1 - bound) * 1000) / 1000, 1)}` : `≤ ${fmt.percent(Math.ceil(bound * 1000) / 1000, 1)}`;
  }
  if (p > 0.999 && p < 1) return `> ${fmt.percent(0.999, 1)}`;
  if (p > 0 && p < 0.001) return `< ${fmt.percent(0.001, 1)}`;
  return fmt.percent(p, 1);
}

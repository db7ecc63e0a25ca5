import type { Formats } from '../../i18n';

/**
 * A probability for an executive: one decimal, except that a share short of certainty never reads as
 * certain ("> 99.9%", not "100.0%", when 3 trials in 20,000 lose) and a rare event never reads as
 * impossible ("< 0.1%").
 */
export function shareText(p: number, fmt: Formats): string {
  if (p > 0.999 && p < 1) return `> ${fmt.percent(0.999, 1)}`;
  if (p > 0 && p < 0.001) return `< ${fmt.percent(0.001, 1)}`;
  return fmt.percent(p, 1);
}

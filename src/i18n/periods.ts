import type { Language } from '../engine';
import { t } from './translate';

/**
 * A 1-based projection period in words: "year 3" (annual), "Q2 of year 3" (quarterly), "month 10 of
 * year 1" (monthly); null (the engine's "never") is "not within the horizon".
 */
export function periodText(period: number | null, periodsPerYear: number, language: Language): string {
  if (period === null) return t(language, 'never');
  const year = Math.ceil(period / periodsPerYear);
  const within = period - (year - 1) * periodsPerYear;
  if (periodsPerYear === 4) return t(language, 'periodQuarter', { q: within, year });
  if (periodsPerYear === 12) return t(language, 'periodMonth', { m: within, year });
  if (periodsPerYear === 1) return t(language, 'periodYear', { year });
  return `${t(language, 'period')} ${period}`;
}

/** Short axis label of a 0-based period index: "Y3" annually, "Y3 Q2" quarterly, "Y1 M10" monthly. */
export function periodAxisLabel(index: number, periodsPerYear: number, language: Language): string {
  const year = Math.floor(index / periodsPerYear) + 1;
  const within = (index % periodsPerYear) + 1;
  const y = t(language, 'yearShort', { n: year });
  if (periodsPerYear === 1) return y;
  return `${y} ${t(language, periodsPerYear === 4 ? 'quarterShort' : 'monthShort', { n: within })}`;
}

/** Capitalises the first letter (period texts start a sentence in cards and tables). */
export function capitalise(s: string): string {
  return s ? s[0].toLocaleUpperCase() + s.slice(1) : s;
}

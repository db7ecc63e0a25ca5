/**
 * How a catalogue value is shown in an input and read back: shares and rates are typed as percentages
 * (10 means 10 %), everything else as itself. The catalogue keeps fractions; only the pane converts.
 */
import type { AssumptionSpec, Language } from '../engine';
import { formats } from './format';
import { t } from './translate';
import { parseNumber } from './parse';

export function isPercent(spec: AssumptionSpec): boolean {
  return spec.unit === 'share' || spec.unit === 'rate';
}

/** Catalogue value → the number the input shows (percent fields × 100, float noise removed). */
export function toDisplay(spec: AssumptionSpec, value: number): number {
  const v = isPercent(spec) ? value * 100 : value;
  return Number.isFinite(v) ? +v.toPrecision(12) : v;
}

/** The number typed in an input → catalogue value. */
export function fromDisplay(spec: AssumptionSpec, shown: number): number {
  return isPercent(spec) ? +(shown / 100).toPrecision(15) : shown;
}

/** The text an input starts with: grouped in the locale, up to six decimals. */
export function displayText(spec: AssumptionSpec, value: number, locale: string): string {
  const shown = toDisplay(spec, value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: Math.abs(shown) >= 10_000 }).format(shown);
}

/** Parses typed text into a catalogue value (NaN when it is not a number). */
export function parseField(spec: AssumptionSpec, text: string, locale: string): number {
  const shown = parseNumber(text, locale);
  return Number.isNaN(shown) ? NaN : fromDisplay(spec, shown);
}

/** The unit shown beside an input: "%", the currency symbol, "years"… ('' for plain numbers). */
export function unitSuffix(spec: AssumptionSpec, language: Language, currencySymbol: string): string {
  switch (spec.unit) {
    case 'share':
    case 'rate':
      return '%';
    case 'currency':
      return currencySymbol;
    case 'years':
      return t(language, 'unitYears');
    case 'multiplier':
      return '×';
    default:
      return '';
  }
}

/** The valid range in display units, formatted: "0 – 100 %", "1 – 30 years", "$0 – $100,000,000". */
export function rangeText(spec: AssumptionSpec, language: Language, locale: string, currency: string): string {
  if (spec.allowed) return spec.allowed.map((a) => String(a)).join(', ');
  const f = formats(locale, currency);
  const n = (v: number) => (spec.unit === 'currency' ? f.money(v) : f.number(toDisplay(spec, v), 6));
  const unit = spec.unit === 'currency' ? '' : unitSuffix(spec, language, '');
  const whole = spec.integer ? `, ${t(language, 'wholeNumber')}` : '';
  return `${n(spec.min)} – ${n(spec.max)}${unit ? ` ${unit}` : ''}${whole}`;
}

/** A catalogue value for reading (not editing): percentages, money, or a plain number. */
export function formatAssumption(spec: AssumptionSpec, value: number, f: ReturnType<typeof formats>): string {
  if (isPercent(spec)) return f.percent(value, 2, 0);
  if (spec.unit === 'currency') return f.money(value);
  return f.number(value, 3);
}

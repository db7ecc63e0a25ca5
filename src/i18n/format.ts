/**
 * Numbers for finance readers, in the reader's locale (Intl): currency without cents, thousands
 * separators always (a column of 4- and 5-digit amounts must line up, even where the locale would not
 * group 4 digits), percentages, and negatives in parentheses. `showsNegative` tells a view to colour the
 * number red as well, so the sign never rests on colour alone.
 *
 * The one formatting module of the task pane; the charts, tables, summary and inputs all use it.
 */
import type { Language } from '../engine';

export interface Formats {
  readonly locale: string;
  readonly currency: string;
  /** Whole currency units: "$1,234,567", negative "($1,234,567)". */
  money(value: number): string;
  /** Short money for axes and headlines: "$1.23M", "(€450K)". */
  moneyShort(value: number): string;
  /** A plain number with thousands separators, at most `digits` decimals (at least `minDigits`). */
  number(value: number, digits?: number, minDigits?: number): string;
  /** A fraction as a percentage: 0.1234 → "12.3%" (`digits` decimals; fewer, down to `minDigits`, when they are zeros). */
  percent(value: number, digits?: number, minDigits?: number): string;
  /** The currency symbol as the locale writes it ("$", "€", "£"). */
  currencySymbol(): string;
}

/** True when a formatted number shows as negative (views colour it red too). Rounded zeros never do. */
export function showsNegative(formatted: string): boolean {
  return formatted.startsWith('(');
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** Formats |value| and wraps it in parentheses when the rounded value is below zero. */
function signed(value: number, format: (abs: number) => string): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '–' : value > 0 ? '∞' : '(∞)';
  const text = format(Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? `(${text})` : text;
}

const ALWAYS = 'always' as unknown as boolean; // Intl.NumberFormat v3 grouping; older lib typings say boolean

export function formats(locale: string, currency: string): Formats {
  const whole = nf(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0, useGrouping: ALWAYS });
  const short = nf(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 });
  return {
    locale,
    currency,
    money: (v) => signed(v, (a) => whole.format(a)),
    moneyShort: (v) => signed(v, (a) => (a < 1000 ? whole.format(a) : short.format(a))),
    number: (v, digits = 0, minDigits = 0) => signed(v, (a) => nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: minDigits, useGrouping: ALWAYS }).format(a)),
    percent: (v, digits = 1, minDigits = digits) =>
      signed(v, (a) => nf(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: minDigits }).format(a)),
    currencySymbol: () => whole.formatToParts(1).find((p) => p.type === 'currency')?.value ?? currency,
  };
}

/** Countries whose currency is not the euro, the dollar of the language default, or that we name. */
const REGION_CURRENCY: Record<string, string> = {
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IE: 'EUR', IN: 'INR', ZA: 'ZAR', SG: 'SGD', CH: 'CHF', JP: 'JPY',
  MX: 'MXN', AR: 'ARS', CO: 'COP', CL: 'CLP', PE: 'PEN', UY: 'UYU', BR: 'BRL', ES: 'EUR', DE: 'EUR', FR: 'EUR', IT: 'EUR',
  PT: 'EUR', NL: 'EUR', BE: 'EUR', AT: 'EUR', FI: 'EUR', PR: 'USD', EC: 'USD', SV: 'USD', PA: 'USD',
  GT: 'GTQ', CR: 'CRC', DO: 'DOP', BO: 'BOB', PY: 'PYG', VE: 'VES', HN: 'HNL', NI: 'NIO', SE: 'SEK', NO: 'NOK', DK: 'DKK',
};

/** Currencies offered in the pane's currency picker. */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'INR', 'MXN', 'BRL', 'ARS', 'COP', 'CLP', 'PEN', 'SEK'] as const;

/** The currency a reader in `locale` most likely plans in: by region, else by language (es → EUR, else USD). */
export function defaultCurrency(locale: string): string {
  const parts = locale.replace('_', '-').split('-');
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p))?.toUpperCase();
  if (region && REGION_CURRENCY[region]) return REGION_CURRENCY[region];
  return parts[0].toLowerCase() === 'es' ? 'EUR' : 'USD';
}

/** The product's language for a BCP 47 tag: Spanish for any `es-*`, English otherwise. */
export function languageOf(tag: string | undefined | null): Language {
  return tag && /^es\b/i.test(tag) ? 'es' : 'en';
}

/** The locale numbers are formatted in: the reader's own when it speaks the chosen language, else that language's default. */
export function localeFor(language: Language, preferred: string | undefined | null): string {
  if (preferred && languageOf(preferred) === language) {
    try {
      return Intl.NumberFormat.supportedLocalesOf([preferred])[0] ?? (language === 'es' ? 'es-ES' : 'en-US');
    } catch {
      /* an invalid tag: fall through to the default */
    }
  }
  return language === 'es' ? 'es-ES' : 'en-US';
}

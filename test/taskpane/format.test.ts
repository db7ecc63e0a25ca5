/**
 * The pane's one formatting module (src/i18n/format.ts) and its parser: finance formats in the
 * reader's locale, negatives in parentheses, and typed text read back in the same locale.
 */
import fc from 'fast-check';
import { findSpec } from '../../src/engine';
import {
  defaultCurrency, displayText, formats, languageOf, localeFor, parseField, parseNumber, periodAxisLabel, periodText, rangeText, showsNegative,
} from '../../src/i18n';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formats(locale, currency)', () => {
  const en = formats('en-US', 'USD');
  const es = formats('es-ES', 'EUR');

  it('writes money in whole units with thousands separators, negatives in parentheses', () => {
    expect(en.money(1234567.4)).toBe('$1,234,567');
    expect(en.money(-1234567.6)).toBe('($1,234,568)');
    expect(nbsp(es.money(1234567))).toBe('1.234.567 €');
    expect(nbsp(es.money(-1234))).toBe('(1.234 €)');
  });

  it('groups four-digit amounts in Spanish too, so columns line up', () => {
    expect(nbsp(es.money(1234))).toBe('1.234 €');
    expect(es.number(1234)).toBe('1.234');
  });

  it('never shows a rounded zero as negative', () => {
    expect(en.money(-0.4)).toBe('$0');
    expect(showsNegative(en.money(-0.4))).toBe(false);
    expect(en.percent(-0.00001, 1)).toBe('0.0%');
  });

  it('marks negatives so a view can colour them', () => {
    expect(showsNegative(en.money(-5))).toBe(true);
    expect(showsNegative(en.moneyShort(-5_000_000))).toBe(true);
    expect(showsNegative(en.money(5))).toBe(false);
  });

  it('writes percentages in the locale', () => {
    expect(en.percent(0.1234)).toBe('12.3%');
    expect(nbsp(es.percent(0.1234))).toBe('12,3 %');
    expect(en.percent(-0.05, 0)).toBe('(5%)');
    expect(en.percent(0.08, 2, 0)).toBe('8%');
    expect(en.percent(0.0745, 2, 0)).toBe('7.45%');
  });

  it('shortens large amounts for axes and headlines', () => {
    expect(en.moneyShort(12_345_678)).toBe('$12.3M');
    expect(en.moneyShort(-385_455)).toBe('($385K)');
    expect(en.moneyShort(950)).toBe('$950');
    expect(nbsp(es.moneyShort(12_345_678))).toMatch(/^12,3 M ?€$/);
  });

  it('shows non-finite values without crashing', () => {
    expect(en.money(NaN)).toBe('–');
    expect(en.money(Infinity)).toBe('∞');
  });

  it('knows the currency symbol of the locale', () => {
    expect(en.currencySymbol()).toBe('$');
    expect(formats('en-GB', 'GBP').currencySymbol()).toBe('£');
    expect(es.currencySymbol()).toBe('€');
  });
});

describe('language, locale and currency of the reader', () => {
  it('speaks Spanish for any es-* tag and English otherwise', () => {
    expect(languageOf('es-MX')).toBe('es');
    expect(languageOf('ES')).toBe('es');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr-FR')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('keeps the reader\'s own locale when it speaks the chosen language, else the language default', () => {
    expect(localeFor('es', 'es-MX')).toBe('es-MX');
    expect(localeFor('en', 'es-MX')).toBe('en-US');
    expect(localeFor('es', 'en-GB')).toBe('es-ES');
    expect(localeFor('en', 'en-GB')).toBe('en-GB');
    expect(localeFor('en', 'not a tag!')).toBe('en-US');
  });

  it('guesses the currency from the region, else the language', () => {
    expect(defaultCurrency('en-GB')).toBe('GBP');
    expect(defaultCurrency('es-MX')).toBe('MXN');
    expect(defaultCurrency('es-ES')).toBe('EUR');
    expect(defaultCurrency('es')).toBe('EUR');
    expect(defaultCurrency('en')).toBe('USD');
    expect(defaultCurrency('de-DE')).toBe('EUR');
  });
});

describe('parseNumber(text, locale)', () => {
  it.each([
    ['1,200.5', 'en-US', 1200.5], ['1.200,5', 'es-ES', 1200.5], ['1.200', 'es-ES', 1200], ['0.5', 'es-ES', 0.5], ['0,5', 'en-US', 0.5],
    ['0.500', 'es-ES', 0.5], ['12%', 'en-US', 12], ['12,5 %', 'es-ES', 12.5], ['$24,000', 'en-US', 24000], ['24.000 €', 'es-ES', 24000],
    ['EUR 1,000', 'en-US', 1000], ['(1,500)', 'en-US', -1500], ['\u22121500', 'en-US', -1500], ['-$3', 'en-US', -3], ['300k', 'en-US', 300000],
    ['1.2M', 'en-US', 1_200_000], ['2bn', 'en-US', 2e9], ['1e6', 'en-US', 1e6], [' 42 ', 'en-US', 42], ['1 000', 'fr-FR', 1000],
  ])('reads %p in %s as %p', (text, locale, value) => {
    expect(parseNumber(text, locale)).toBeCloseTo(value, 9);
  });

  it.each([[''], ['abc'], ['1,2,3.4.5'], ['12..5'], ['--3'], ['1e'], ['%']])('rejects %p', (text) => {
    expect(parseNumber(text, 'en-US')).toBeNaN();
  });

  it('reads back what the pane writes, in both locales (property)', () => {
    const specs = ['arpa', 'churn', 'customers', 'commissionNew', 'serviceBonusPool', 'responsiveness'].map((k) => findSpec(k)!);
    fc.assert(fc.property(fc.constantFrom(...specs), fc.constantFrom('en-US', 'es-ES', 'es-MX', 'en-GB'), fc.double({ min: 0, max: 1, noNaN: true }),
      (spec, locale, u) => {
        const value = +(spec.min + u * (Math.min(spec.max, 1e9) - spec.min)).toPrecision(7);
        const back = parseField(spec, displayText(spec, value, locale), locale);
        expect(back).toBeCloseTo(value, 6);
      }));
  });
});

describe('catalogue ranges and periods in words', () => {
  it('gives each range in the units the field is typed in', () => {
    expect(rangeText(findSpec('commissionNew')!, 'en', 'en-US', 'USD')).toBe('0 – 100 %');
    expect(rangeText(findSpec('arpa')!, 'en', 'en-US', 'USD')).toBe('$0 – $100,000,000');
    expect(rangeText(findSpec('horizonYears')!, 'en', 'en-US', 'USD')).toBe('1 – 30 years, whole number');
    expect(rangeText(findSpec('horizonYears')!, 'es', 'es-ES', 'EUR')).toBe('1 – 30 años, entero');
    expect(rangeText(findSpec('periodsPerYear')!, 'en', 'en-US', 'USD')).toBe('1, 4, 12');
  });

  it('names periods by year, quarter or month', () => {
    expect(periodText(3, 1, 'en')).toBe('year 3');
    expect(periodText(10, 4, 'en')).toBe('Q2 of year 3');
    expect(periodText(10, 4, 'es')).toBe('T2 del año 3');
    expect(periodText(14, 12, 'en')).toBe('month 2 of year 2');
    expect(periodText(null, 1, 'en')).toBe('not within the horizon');
    expect(periodAxisLabel(9, 4, 'en')).toBe('Y3 Q2');
  });
});

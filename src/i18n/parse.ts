/**
 * Reads a number the way a finance user types it in their locale: "1,200.5" (en) or "1.200,5" (es),
 * "12%", "$24,000", "24 000 €", "(1,500)" or "−1500" for negatives, "300k", "1.2M", "2bn", "1e6".
 * Returns NaN for anything else (the caller reports it with the text kept as typed).
 *
 * Ambiguity: in Spanish "0.5" has no decimal comma, so a point is a thousands separator only in a
 * well-grouped number, the rule the custom functions use too (src/functions/cells.ts): a first group of
 * 1 to 3 digits not starting with 0, then groups of exactly three ("1.200" is 1200; "0.5", "0.125" and
 * "12.5" are decimals). English mirrors it with the comma ("0,125" is 0.125).
 */

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const SCALE: ReadonlyMap<string, number> = new Map([['k', 1e3], ['m', 1e6], ['mm', 1e6], ['bn', 1e9], ['b', 1e9]]);
// Unambiguous (each character has one place to go), so matching is linear even on 32,767 digits.
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

export function parseNumber(text: string, locale: string): number {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return NaN;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  // One minus sign, before or after a currency sign ("-$3", "$-3"); never two, never inside parentheses.
  let signs = 0;
  const minus = () => {
    if (/^[-\u2212]/.test(s)) {
      signs++;
      sign = -sign;
      s = s.slice(1);
    }
  };
  minus();
  // Currency signs and codes, and a trailing per cent sign (the field's unit says what it means).
  s = s.replace(/^[A-Za-z]{3}(?=[-\u2212\d.,])|[$€£¥₹]|(?<=[\d.,])[A-Za-z]{3}$/g, '').replace(/%$/, '');
  minus();
  if (signs > 1 || (signs && sign > 0)) return NaN;
  let scale = 1;
  const suffix = /(?<=\d)(k|mm|m|bn|b)$/i.exec(s);
  if (suffix) {
    scale = SCALE.get(suffix[1].toLowerCase()) ?? 1;
    s = s.slice(0, -suffix[1].length);
  }
  const { group, decimal } = separators(locale);
  const other = decimal === ',' ? '.' : ',';
  // The locale's group separator is a space in some locales: spaces are gone already.
  const groupChar = /\s/.test(group) ? '' : group;
  if (s.includes(decimal)) {
    if (groupChar) s = s.split(groupChar).join('');
    s = s.replace(decimal, '.');
  } else if (s.includes(other)) {
    // Only the "other" separator: grouping when every group after it has three digits, else a decimal point.
    const pieces = s.split(other);
    const grouped = pieces.length > 1 && /^[1-9]\d{0,2}$/.test(pieces[0]) && pieces.slice(1).every((p) => /^\d{3}$/.test(p));
    s = grouped ? pieces.join('') : pieces.length === 2 ? `${pieces[0]}.${pieces[1]}` : 'x';
  }
  if (!PLAIN.test(s)) return NaN;
  const value = sign * Number(s) * scale;
  return Number.isFinite(value) ? value : NaN;
}

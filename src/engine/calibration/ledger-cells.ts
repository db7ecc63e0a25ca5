/**
 * Reading one ledger cell: a header name, an amount, a period (a date text, an Excel serial date or a
 * period number). Revenue tools export amounts as numbers or as texts such as "1,234.50", "$1,234.50",
 * "1.234,50" and periods as ISO dates ("2024-03-01", "2024-03"), US or European slashed dates, month
 * names ("Mar 2024") or Excel serials; every one lands on a month index here (year · 12 + month − 1).
 */

export type LedgerRole = 'customer' | 'period' | 'arr' | 'mrr' | 'segment' | 'unit';

const normal = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');

/** Header names by role, in English and Spanish, as the common revenue tools spell them (normalised). */
const HEADERS: Record<LedgerRole, readonly string[]> = {
  customer: ['customer', 'customerid', 'customers', 'customeruuid', 'customerexternalid', 'customername', 'client', 'clientid',
    'cliente', 'idcliente', 'clienteid', 'account', 'accountid', 'accountname', 'cuenta', 'idcuenta', 'subscriber', 'company', 'empresa'],
  period: ['month', 'period', 'date', 'mes', 'fecha', 'periodo', 'periodstart', 'monthstart', 'snapshotdate', 'asof', 'asofdate', 'inicio'],
  arr: ['arr', 'arrusd', 'arreur', 'annualrecurringrevenue', 'ingresorecurrenteanual', 'arranual'],
  mrr: ['mrr', 'mrrusd', 'mrreur', 'monthlyrecurringrevenue', 'ingresorecurrentemensual'],
  segment: ['segment', 'segmento', 'customersegment', 'tier', 'nivel', 'segmentocliente'],
  unit: ['unit', 'unidad', 'revenuetype', 'tipo'],
};

let roleIndex: Map<string, LedgerRole> | undefined;

/** The role of a header cell, or undefined when it names none ("Notes", "Country"…). */
export function roleOfHeader(cell: unknown): LedgerRole | undefined {
  if (typeof cell !== 'string') return undefined;
  roleIndex ??= new Map(Object.entries(HEADERS).flatMap(([role, names]) => names.map((n) => [n, role as LedgerRole])));
  const key = normal(cell);
  return roleIndex.get(key) ?? (/^(arr|mrr)/.test(key) ? (key.slice(0, 3) as LedgerRole) : undefined);
}

export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const PLAIN_AMOUNT = /^\d{1,15}(\.\d+)?$/;
const AMOUNT_NOISE = /[\s\u00a0\u202f'$€£¥]|usd|eur|gbp/gi;

/**
 * An amount from a number or a text; undefined when it is not one. "1,234.5" and "1.234,5" are both
 * 1234.5; a lone comma with exactly three digits after it is a thousands separator, otherwise a decimal
 * comma. "(120)" and "−120" are negative (and then refused by the caller, naming the row).
 */
export function amountOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  if (PLAIN_AMOUNT.test(v)) return Number(v); // the common case, fast: 200,000 rows must read in well under a second
  let s = v.replace(AMOUNT_NOISE, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) [negative, s] = [true, s.slice(1, -1)];
  if (/^[-\u2212]/.test(s)) [negative, s] = [!negative, s.slice(1)];
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0) s = /^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  if (!/^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? (negative ? -x : x) : undefined;
}

/** A period: a month index for dates, the number itself for period numbers. */
export interface PeriodValue {
  kind: 'month' | 'number';
  value: number;
}

/** Excel serial dates from 1950 to 2100; smaller whole numbers are period numbers. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;

/** The month of an Excel serial date (1900 date system; serial 60 is Excel's fictitious 29 Feb 1900). */
export function monthOfSerial(serial: number): number {
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  ene: 1, abr: 4, ago: 8, dic: 12, sept: 9, set: 9,
};

/** Order of day and month in slashed dates: decided per column (see dayFirstOf). */
export type SlashOrder = 'monthFirst' | 'dayFirst';

const month = (y: number, m: number): number | undefined => (m >= 1 && m <= 12 && y >= 1900 && y <= 2200 ? y * 12 + m - 1 : undefined);

/** A period from one cell; undefined when it is none of the forms above. */
export function periodOf(v: unknown, slash: SlashOrder): PeriodValue | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    if (v >= SERIAL_MIN && v <= SERIAL_MAX) return { kind: 'month', value: monthOfSerial(v) };
    return Number.isInteger(v) && v >= 0 && v < SERIAL_MIN ? { kind: 'number', value: v } : undefined;
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[t\s].*)?$/.exec(s);
  if (m) return wrap(month(+m[1], +m[2]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return wrap(slash === 'dayFirst' ? month(+m[3], +m[2]) : month(+m[3], +m[1]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return wrap(month(+m[2], +m[1]));
  m = /^(?:(\d{1,2})[\s-])?([a-z]{3,4})[a-z]*\.?[\s-]+(?:de\s+)?(\d{4})$/.exec(s);
  if (m && MONTHS[m[2]] !== undefined) return wrap(month(+m[3], MONTHS[m[2]]));
  if (/^\d+$/.test(s)) return periodOf(Number(s), slash);
  const serial = amountOf(s);
  return serial !== undefined && serial >= SERIAL_MIN && serial <= SERIAL_MAX ? periodOf(serial, slash) : undefined;
}

const wrap = (value: number | undefined): PeriodValue | undefined => (value === undefined ? undefined : { kind: 'month', value });

/**
 * Day first or month first for a column of slashed dates: a first part above 12 settles day-first, a
 * second part above 12 month-first; when no cell settles it, a Spanish header means day-first.
 */
export function slashOrderOf(cells: Iterable<unknown>, spanishHeader: boolean): SlashOrder {
  for (const v of cells) {
    if (typeof v !== 'string') continue;
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}/.exec(v);
    if (!m) continue;
    if (+m[1] > 12) return 'dayFirst';
    if (+m[2] > 12) return 'monthFirst';
  }
  return spanishHeader ? 'dayFirst' : 'monthFirst';
}

/** A period as a label: "2024-03" for months, the number for period numbers. */
export function periodLabel(p: PeriodValue): string {
  if (p.kind === 'number') return String(p.value);
  const y = Math.floor(p.value / 12);
  return `${y}-${String(p.value - y * 12 + 1).padStart(2, '0')}`;
}

/** True for header words that are Spanish only (to read slashed dates day-first). */
export function isSpanishHeader(cell: unknown): boolean {
  return typeof cell === 'string' && ['mes', 'fecha', 'periodo', 'cliente', 'idcliente', 'segmento', 'cuenta'].includes(normal(cell));
}

/** Customer id and segment texts: numbers as written, texts trimmed. */
export function textOf(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : String(v);
}

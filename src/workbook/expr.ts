/**
 * A tiny expression builder that writes an Excel formula and computes its value in the same step.
 *
 * Every node carries the formula text (`f`) and the value JavaScript gets by doing the same operations
 * in the same order (`v`). The plain-formula sheet is written with it, so each formula cell knows the
 * value Excel will show (the export stores it as the cached result) and the text can never drift from
 * the number. Operands are parenthesised so that Excel evaluates in exactly the order written here
 * (floating-point addition is not associative, so `a+(b+c)` and `a+b+c` are different formulas).
 *
 * Only functions that Excel, LibreOffice and HyperFormula all know are offered: IF, AND, MIN, MAX,
 * SQRT, EXP, LN, INT, SUM, SUMPRODUCT, INDEX. `^` is guarded where 0^0 could occur (Excel gives #NUM!,
 * JavaScript 1).
 */
export type Value = number | boolean | string;

export interface Ex {
  readonly f: string;
  readonly v: Value;
  /** Operator precedence of the outermost operator: 9 for an atom. */
  readonly p: number;
}

/** A rectangular range used as a function argument (SUM, SUMPRODUCT, INDEX). Values row-major. */
export interface RangeEx {
  readonly f: string;
  readonly vs: readonly Value[];
}

const ATOM = 9;
const PREC = { cmp: 1, add: 3, mul: 4, pow: 5, neg: 6 } as const;

function n(x: Value): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  return x === '' ? 0 : Number.NaN;
}

/** A number literal Excel, LibreOffice and HyperFormula all parse (no exponent notation). */
export function literal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`non-finite literal ${x}`);
  const s = String(x);
  if (!/e/i.test(s)) return s;
  // Small or huge constants: plain decimal digits, trailing zeros trimmed.
  const fixed = Math.abs(x) < 1 ? x.toFixed(20) : x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  if (Number(trimmed) !== x) throw new Error(`literal ${x} cannot be written exactly`);
  return trimmed;
}

export function num(x: number): Ex {
  return x < 0 ? { f: `-${literal(-x)}`, v: x, p: PREC.neg } : { f: literal(x), v: x, p: ATOM };
}

export function text(s: string): Ex {
  return { f: `"${s.replace(/"/g, '""')}"`, v: s, p: ATOM };
}

/** A reference (cell address or defined name) whose current value is known. */
export function atom(f: string, v: Value): Ex {
  return { f, v, p: ATOM };
}

export function range(f: string, vs: readonly Value[]): RangeEx {
  return { f, vs };
}

function wrap(e: Ex, needParens: boolean): string {
  return needParens ? `(${e.f})` : e.f;
}

function bin(op: string, prec: number, a: Ex, b: Ex, v: Value): Ex {
  // Left-associative: the left operand keeps its own order when it binds at least as tightly; the
  // right operand is parenthesised unless it binds strictly tighter, so evaluation order is exact.
  const left = prec === PREC.pow ? a.p !== ATOM : a.p < prec;
  const right = prec === PREC.pow ? b.p !== ATOM : b.p <= prec || b.f.startsWith('-');
  return { f: `${wrap(a, left)}${op}${wrap(b, right)}`, v, p: prec };
}

export const add = (a: Ex, b: Ex): Ex => bin('+', PREC.add, a, b, n(a.v) + n(b.v));
export const sub = (a: Ex, b: Ex): Ex => bin('-', PREC.add, a, b, n(a.v) - n(b.v));
export const mul = (a: Ex, b: Ex): Ex => bin('*', PREC.mul, a, b, n(a.v) * n(b.v));
export const div = (a: Ex, b: Ex): Ex => bin('/', PREC.mul, a, b, n(a.v) / n(b.v));
/** a^b with Excel's semantics where they agree with Math.pow (never 0^0: use powSafe). */
export const pow = (a: Ex, b: Ex): Ex => bin('^', PREC.pow, a, b, Math.pow(n(a.v), n(b.v)));
export const neg = (a: Ex): Ex => ({ f: `-${wrap(a, a.p < PREC.neg)}`, v: -n(a.v), p: PREC.neg });

/** a^b that is 1 when b is 0, whatever a is (Math.pow's rule; Excel's 0^0 is #NUM!). */
export function powSafe(a: Ex, b: Ex): Ex {
  return iff(eq(b, num(0)), num(1), pow(a, b));
}

/** Sums left to right, as a loop `sum += x` does. */
export function sumOf(...xs: Ex[]): Ex {
  return xs.reduce((acc, x) => add(acc, x));
}

const cmp = (op: string, test: (x: number, y: number) => boolean) => (a: Ex, b: Ex): Ex =>
  bin(op, PREC.cmp, a, b, test(n(a.v), n(b.v)));
export const eq = cmp('=', (x, y) => x === y);
export const gt = cmp('>', (x, y) => x > y);
export const ge = cmp('>=', (x, y) => x >= y);
export const lt = cmp('<', (x, y) => x < y);
export const le = cmp('<=', (x, y) => x <= y);

function call(name: string, args: (Ex | RangeEx)[], v: Value): Ex {
  return { f: `${name}(${args.map((a) => a.f).join(',')})`, v, p: ATOM };
}

export function iff(c: Ex, a: Ex, b: Ex): Ex {
  return call('IF', [c, a, b], c.v ? a.v : b.v);
}
export const and = (...xs: Ex[]): Ex => call('AND', xs, xs.every((x) => Boolean(x.v)));
export const min = (...xs: Ex[]): Ex => call('MIN', xs, Math.min(...xs.map((x) => n(x.v))));
export const max = (...xs: Ex[]): Ex => call('MAX', xs, Math.max(...xs.map((x) => n(x.v))));
export const sqrt = (a: Ex): Ex => call('SQRT', [a], Math.sqrt(n(a.v)));
export const exp = (a: Ex): Ex => call('EXP', [a], Math.exp(n(a.v)));
export const ln = (a: Ex): Ex => call('LN', [a], Math.log(n(a.v)));
export const int = (a: Ex): Ex => call('INT', [a], Math.floor(n(a.v)));

const numeric = (vs: readonly Value[]) => vs.map((x) => (typeof x === 'number' ? x : 0));

/** SUM of a range: blanks and text count as nothing, numbers are added in order. */
export function sum(r: RangeEx): Ex {
  return call('SUM', [r], numeric(r.vs).reduce((s, x) => s + x, 0));
}

export function sumproduct(a: RangeEx, b: RangeEx): Ex {
  const x = numeric(a.vs);
  const y = numeric(b.vs);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return call('SUMPRODUCT', [a, b], s);
}

/** INDEX(range, i) of a one-column range, 1-based; NaN when out of range (the branch is not taken). */
export function index(r: RangeEx, i: Ex): Ex {
  const k = n(i.v);
  const v = Number.isInteger(k) && k >= 1 && k <= r.vs.length ? r.vs[k - 1] : Number.NaN;
  return call('INDEX', [r, i], v ?? 0);
}

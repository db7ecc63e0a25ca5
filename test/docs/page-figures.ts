/**
 * Reading and writing the engine figures of docs/model.md and docs/modelo.md, with no engine in sight:
 * the figures themselves come from ./expected-figures.ts. Two kinds of place hold a figure:
 * - a cell of a table after a `<!-- check: id -->` marker, found by table id, row key (first cell)
 *   and column;
 * - a number in a sentence, found by the words just before and after it (`ProseFigure`).
 * A number is written the way the page already shows it: same decimals, percent or not, the page
 * language's thousands separator and decimal mark, the Unicode minus, and "(thousands)"/"(miles)"
 * columns divided by 1000. The test compares with `checkFigures`; scripts/update-doc-figures.ts
 * writes with `withFigures`.
 */
import type { DocLanguage } from '../../scripts/catalogue-table';

/** An expected figure: a number (shown to the precision the page chose) or a text shown as is. */
export type Expected = number | string;
/** The expected cells of one checked table, by row key, without the key column. */
export type Rows = Record<string, Expected[]>;

/** A number quoted in a sentence: `before` + the number + `after` must occur exactly once on the page. */
export interface ProseFigure {
  before: string;
  after: string;
  value: number;
  /** The unit the sentence counts in, e.g. 1e6 for "2.2 million"; 1 by default. */
  unit?: number;
}

export interface PageFigures {
  tables: Record<string, Rows>;
  prose: ProseFigure[];
}

/** How a page shows a number, read from the number it shows now. */
interface Shown {
  value: number;
  fractionDigits: number;
  percent: boolean;
  /** What stands between the digits and "%" (the pages use one space). */
  gap: string;
}

const MINUS = '\u2212';

/** The number pattern of a page language: 1,234.5 in English; 1 234,5 in Spanish; optional " %". */
function numberSource(language: DocLanguage): string {
  const [group, decimal] = language === 'en' ? [',', '\\.'] : [' ', ','];
  return `([${MINUS}-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d+))?(?:( ?)%)?`;
}

function shownFrom(m: RegExpExecArray | RegExpMatchArray, at: number): Shown {
  const [sign, whole, fraction, gap] = [m[at], m[at + 1], m[at + 2], m[at + 3]];
  const percent = gap !== undefined;
  const digits = Number(`${whole.replace(/\D/g, '')}.${fraction ?? '0'}`);
  return {
    value: (sign ? -digits : digits) / (percent ? 100 : 1),
    fractionDigits: fraction?.length ?? 0,
    percent,
    gap: gap ?? '',
  };
}

/** The number a cell shows, or undefined for a text cell. */
export function shownNumber(text: string, language: DocLanguage): Shown | undefined {
  const m = new RegExp(`^${numberSource(language)}$`).exec(text.trim());
  return m ? shownFrom(m, 1) : undefined;
}

/** `value` (in the page's units times `scale`) written the way `shown` is written. */
export function formatLike(shown: Shown, value: number, scale: number, language: DocLanguage): string {
  const x = (value / scale) * (shown.percent ? 100 : 1);
  const text = Math.abs(x).toFixed(shown.fractionDigits);
  const negative = x < 0 && Number(text) !== 0; // never "−0"
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : ' ');
  const decimal = language === 'en' ? '.' : ',';
  return `${negative ? MINUS : ''}${grouped}${fraction ? decimal + fraction : ''}${shown.percent ? `${shown.gap}%` : ''}`;
}

/** Whether the page's figure agrees with the engine's to the last digit shown. */
function agrees(shown: Shown, expected: number, scale: number): boolean {
  const tolerance = 0.5 * 10 ** -(shown.fractionDigits + (shown.percent ? 2 : 0)) * scale * (1 + 1e-9) + 1e-9 * Math.abs(expected);
  return Math.abs(shown.value * scale - expected) <= tolerance;
}

// ── checked tables ──────────────────────────────────────────────────────────────────────────────

interface Cell { text: string; start: number; end: number }
interface CheckTable { id: string; header: string[]; rows: Cell[][] }

/** The cell text without the code quotes a key is shown in. */
const bare = (text: string) => text.replace(/^`|`$/g, '');

/** Every table after a `<!-- check: id -->` marker, with the offset of each cell's text in the page. */
export function checkTables(page: string): CheckTable[] {
  return [...page.matchAll(/<!-- check: (\S+) -->\n((?:\|.*\|\n?)+)/g)].map((m) => {
    let offset = (m.index ?? 0) + m[0].length - m[2].length;
    const lines = m[2].replace(/\n$/, '').split('\n').map((line) => {
      const cells: Cell[] = [];
      let from = 1;
      for (let bar = line.indexOf('|', from); bar > 0; bar = line.indexOf('|', from)) {
        const raw = line.slice(from, bar);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        cells.push({ text, start: offset + from + lead, end: offset + from + lead + text.length });
        from = bar + 1;
      }
      offset += line.length + 1;
      return cells;
    });
    return { id: m[1], header: lines[0].map((c) => c.text), rows: lines.slice(2) };
  });
}

/** A column in thousands says so in its header. */
const columnScale = (header: string) => (/\((thousands|miles)\)/.test(header) ? 1000 : 1);

/** A place on a page holding one figure, with the text the engine's value gives there. */
interface Placed { where: string; start: number; end: number; shown: string; wanted: string; problem?: string }

function placeTables(page: string, language: DocLanguage, expected: Record<string, Rows>, name: string): Placed[] {
  const tables = checkTables(page);
  const ids = tables.map((t) => t.id);
  const missing = Object.keys(expected).filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !(id in expected));
  if (missing.length || extra.length) throw new Error(`${name}: checked tables missing [${missing}], unknown [${extra}]`);
  const placed: Placed[] = [];
  for (const table of tables) {
    const rows = expected[table.id];
    const keys = table.rows.map((r) => bare(r[0].text));
    const absent = Object.keys(rows).filter((k) => !keys.includes(k));
    const unknown = keys.filter((k) => !(k in rows));
    if (absent.length || unknown.length) throw new Error(`${name} ${table.id}: rows missing [${absent}], unknown [${unknown}]`);
    for (const row of table.rows) {
      const key = bare(row[0].text);
      const want = rows[key];
      if (row.length !== want.length + 1) throw new Error(`${name} ${table.id} "${key}": ${row.length} cells, expected ${want.length + 1}`);
      want.forEach((value, i) => {
        const cell = row[i + 1];
        const where = `${name} ${table.id} "${key}" column ${i + 2}`;
        placed.push(placeOne(cell, value, columnScale(table.header[i + 1] ?? ''), language, where));
      });
    }
  }
  return placed;
}

function placeOne(cell: Cell, value: Expected, scale: number, language: DocLanguage, where: string): Placed {
  const base = { where, start: cell.start, end: cell.end, shown: cell.text };
  if (typeof value === 'string') {
    const quoted = cell.text.startsWith('`') ? `\`${value}\`` : value;
    return { ...base, wanted: quoted, problem: bare(cell.text) === value ? undefined : `the page shows "${cell.text}", the engine gives "${value}"` };
  }
  // A text cell (e.g. "none") that now needs a number is written as a whole number.
  const shown = shownNumber(cell.text, language) ?? { value: NaN, fractionDigits: 0, percent: false, gap: '' };
  return {
    ...base,
    wanted: formatLike(shown, value, scale, language),
    problem: agrees(shown, value, scale) ? undefined : `the page shows ${cell.text}, the engine gives ${value}`,
  };
}

// ── figures in sentences ────────────────────────────────────────────────────────────────────────

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function placeProse(page: string, language: DocLanguage, prose: ProseFigure[], name: string): Placed[] {
  return prose.map((figure) => {
    const where = `${name} sentence "${figure.before}…${figure.after}"`;
    const found = [...page.matchAll(new RegExp(`${escape(figure.before)}${numberSource(language)}${escape(figure.after)}`, 'g'))];
    if (found.length !== 1) throw new Error(`${where}: found ${found.length} times, expected once`);
    const m = found[0];
    const start = (m.index ?? 0) + figure.before.length;
    const text = m[0].slice(figure.before.length, m[0].length - figure.after.length);
    return placeOne({ text, start, end: start + text.length }, figure.value, figure.unit ?? 1, language, where);
  });
}

function placeAll(page: string, language: DocLanguage, figures: PageFigures, name: string): Placed[] {
  return [...placeTables(page, language, figures.tables, name), ...placeProse(page, language, figures.prose, name)];
}

/** Every place where the page and the engine disagree, as "where: the page shows …, the engine gives …". */
export function checkFigures(page: string, language: DocLanguage, figures: PageFigures, name: string): string[] {
  return placeAll(page, language, figures, name).filter((p) => p.problem).map((p) => `${p.where}: ${p.problem}`);
}

/** The page with every figure written from the engine, and the changes made ("where: old → new"). */
export function withFigures(page: string, language: DocLanguage, figures: PageFigures, name: string): { page: string; changes: string[] } {
  const placed = placeAll(page, language, figures, name).filter((p) => p.wanted !== p.shown).sort((a, b) => b.start - a.start);
  placed.forEach((p, i) => {
    if (i > 0 && p.end > placed[i - 1].start) throw new Error(`${p.where} overlaps ${placed[i - 1].where}`);
  });
  let updated = page;
  for (const p of placed) updated = updated.slice(0, p.start) + p.wanted + updated.slice(p.end);
  return { page: updated, changes: placed.reverse().map((p) => `${p.where}: ${p.shown} → ${p.wanted}`) };
}

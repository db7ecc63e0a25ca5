/**
 * Reading the worked examples of docs/functions.md and docs/funciones.md: the cells a page tells the
 * reader to type, its checked tables, and numbers and formulas as the page prints them in English or
 * Spanish. Shared by the tests that type those cells into a sheet of the BUILT bundle's functions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { excelFunctionName } from '../../src/functions/excel-names';
import { FUNCTIONS_ES } from '../../src/functions/names-es';

export type Lang = 'en' | 'es';
export const PAGES: Record<Lang, string> = { en: 'docs/functions.md', es: 'docs/funciones.md' };
export const read = (lang: Lang) => readFileSync(resolve(__dirname, '../..', PAGES[lang]), 'utf8');

/** A number as the page prints it: "28,095,264" and "0.9831" in English, "28 095 264" and "0,9831" in Spanish. */
export function shownNumber(text: string, lang: Lang): { value: number; decimals: number } | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  const plain = lang === 'en' ? t.replace(/,/g, '') : t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const m = /^(-?\d+)(?:\.(\d+))?(%?)$/.exec(plain);
  if (!m) return undefined;
  const decimals = (m[2]?.length ?? 0) + (m[3] ? 2 : 0);
  return { value: Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`) / (m[3] ? 100 : 1), decimals };
}

/** Spanish Excel names and their English ones (`CEQ.PROYECTAR` → `CEQ.PROJECT`), longest first. */
const spanishNames = Object.keys(FUNCTIONS_ES).map((id) => [excelFunctionName(id, 'es'), excelFunctionName(id, 'en')] as const).sort((a, b) => b[0].length - a[0].length);

/** A formula as the page prints it → the English-syntax formula the test sheet understands. */
export function formulaOf(text: string, lang: Lang): string {
  let f = text.trim();
  if (lang === 'es') {
    for (const [name, english] of spanishNames) f = f.split(`${name}(`).join(`${english}(`);
    f = f.replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, ',').replace(/\bVERDADERO\b(?!\()/g, 'TRUE').replace(/\bFALSO\b(?!\()/g, 'FALSE');
  }
  return f.replace(/\b(TRUE|FALSE)\b(?!\()/g, '$1()'); // the test sheet spells TRUE as a function
}

export function cellsBlock(page: string, fence = 'cells'): [string, string][] {
  const block = new RegExp('```' + fence + '\\n([\\s\\S]*?)```').exec(page);
  if (!block) throw new Error(`no \`\`\`${fence} block`);
  return block[1].trim().split('\n').flatMap((line) => line.trim().split(/\s{2,}/).map((token) => {
    const m = /^([A-Z]+\d+):\s*(.*)$/.exec(token);
    if (!m) throw new Error(`bad cell "${token}"`);
    return [m[1], m[2]] as [string, string];
  }));
}

export function checks(page: string, marker = 'check'): { target: string; header: string[]; rows: string[][] }[] {
  return [...page.matchAll(new RegExp(`<!-- ${marker}: (\\S+) -->\\n((?:\\|.*\\|\\n?)+)`, 'g'))].map((m) => {
    const lines = m[2].trim().split('\n').map((l) => l.slice(1, -1).split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
    return { target: m[1], header: lines[0], rows: lines.slice(2) };
  });
}

export function expectShown(actual: unknown, shown: string, lang: Lang, where: string): void {
  const n = shownNumber(shown, lang);
  if (n) {
    const tolerance = 0.5 * 10 ** -n.decimals + 1e-12 * Math.abs(n.value);
    if (typeof actual !== 'number' || Math.abs(actual - n.value) > tolerance) {
      throw new Error(`${where}: the page shows ${shown}, the sheet ${JSON.stringify(actual)}`);
    }
  } else if (/^#/.test(shown)) {
    const type = { '#N/A': 'NA', '#N/D': 'NA', '#VALUE!': 'VALUE', '#¡VALOR!': 'VALUE' }[shown];
    expect({ where, type: (actual as { type?: string })?.type }).toEqual({ where, type });
  } else {
    expect({ where, value: actual }).toEqual({ where, value: shown });
  }
}

export function column(a1: string, offset: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + ch.charCodeAt(0) - 64;
  n += offset;
  let letters = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
export const shift = (a1: string, dc: number, dr: number) => `${column(a1, dc)}${Number(/\d+/.exec(a1)![0]) + dr}`;

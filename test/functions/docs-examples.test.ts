/**
 * The worked examples of docs/functions.md and docs/funciones.md, read from the pages themselves: the
 * `cells` block is typed into a sheet whose functions are the BUILT bundle's, and every table after a
 * `<!-- check: … -->` marker is compared with what the sheet shows, to the last digit printed. The pages
 * cannot drift from the code without this test failing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTIONS_ES } from '../../src/functions/names-es';
import { distMissing, loadBundle, readMetadata, sheetWith, type Sheet } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

type Lang = 'en' | 'es';
const PAGES: Record<Lang, string> = { en: 'docs/functions.md', es: 'docs/funciones.md' };
const read = (lang: Lang) => readFileSync(resolve(__dirname, '../..', PAGES[lang]), 'utf8');

/** A number as the page prints it: "28,095,264" and "0.9831" in English, "28 095 264" and "0,9831" in Spanish. */
function shownNumber(text: string, lang: Lang): { value: number; decimals: number } | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  const plain = lang === 'en' ? t.replace(/,/g, '') : t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const m = /^(-?\d+)(?:\.(\d+))?(%?)$/.exec(plain);
  if (!m) return undefined;
  const decimals = (m[2]?.length ?? 0) + (m[3] ? 2 : 0);
  return { value: Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`) / (m[3] ? 100 : 1), decimals };
}

const spanishNames = Object.entries(FUNCTIONS_ES).map(([id, f]) => [f.name, id] as const).sort((a, b) => b[0].length - a[0].length);

/** A formula as the page prints it → the English-syntax formula the test sheet understands. */
function formulaOf(text: string, lang: Lang): string {
  let f = text.trim();
  if (lang === 'es') {
    for (const [name, id] of spanishNames) f = f.split(`${name}(`).join(`${id}(`);
    f = f.replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, ',').replace(/\bVERDADERO\b(?!\()/g, 'TRUE').replace(/\bFALSO\b(?!\()/g, 'FALSE');
  }
  return f.replace(/\b(TRUE|FALSE)\b(?!\()/g, '$1()'); // the test sheet spells TRUE as a function
}

function cellsBlock(page: string): [string, string][] {
  const block = /```cells\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('no ```cells block');
  return block[1].trim().split('\n').flatMap((line) => line.trim().split(/\s{2,}/).map((token) => {
    const m = /^([A-Z]+\d+):\s*(.*)$/.exec(token);
    if (!m) throw new Error(`bad cell "${token}"`);
    return [m[1], m[2]] as [string, string];
  }));
}

function checks(page: string): { target: string; header: string[]; rows: string[][] }[] {
  return [...page.matchAll(/<!-- check: (\S+) -->\n((?:\|.*\|\n?)+)/g)].map((m) => {
    const lines = m[2].trim().split('\n').map((l) => l.slice(1, -1).split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
    return { target: m[1], header: lines[0], rows: lines.slice(2) };
  });
}

function expectShown(actual: unknown, shown: string, lang: Lang, where: string): void {
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

function column(a1: string, offset: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + ch.charCodeAt(0) - 64;
  n += offset;
  let letters = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
const shift = (a1: string, dc: number, dr: number) => `${column(a1, dc)}${Number(/\d+/.exec(a1)![0]) + dr}`;

describe.each(['en', 'es'] as const)('the worked example of %s', (lang) => {
  const page = read(lang);
  let sheet: Sheet;
  beforeAll(() => {
    sheet = sheetWith(loadBundle({ displayLanguage: lang === 'es' ? 'es-ES' : 'en-US' }));
    const cells = cellsBlock(page);
    // Values first, then formulas in the page's order (as a user types them).
    for (const [at, text] of cells.filter(([, t]) => !t.startsWith('='))) {
      const n = shownNumber(text, lang);
      sheet.set(at, n ? n.value : text);
    }
    for (const [at, text] of cells.filter(([, t]) => t.startsWith('='))) sheet.set(at, formulaOf(text, lang));
  });

  it('lists every function under its name in this language', () => {
    for (const f of readMetadata().functions) {
      const name = lang === 'en' ? f.id : FUNCTIONS_ES[f.id].name;
      expect({ name, listed: page.includes(`\`${name}`) }).toEqual({ name, listed: true });
    }
  });

  it('mentions the desktop blank-as-0 behaviour, the #NAME? fix and the spill cap', () => {
    expect(page).toMatch(/#4702/);
    expect(page).toMatch(/F2/);
    expect(page).toMatch(/Ctrl\+Alt\+Shift\+F9/);
    expect(page).toMatch(/5[,. \u00a0]?000/);
  });

  it('shows every checked table as the sheet computes it', () => {
    const all = checks(page);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const { target, header, rows } of all) {
      if (target === 'formulas') {
        rows.forEach(([formula, shown], i) => {
          const at = `Z${100 + i}`;
          sheet.set(at, formulaOf(formula, lang));
          expectShown(sheet.get(at), shown, lang, `${PAGES[lang]} ${formula}`);
        });
        continue;
      }
      const first = sheet.get(target);
      if (header[0] === 'key' || header[0] === 'clave') {
        const height = rows.length + 5;
        const spill = sheet.range(`${target}:${shift(target, 1, height)}`);
        for (const [key, shown] of rows) {
          const row = spill.find((r) => r[0] === key);
          expect({ key, found: !!row }).toEqual({ key, found: true });
          expectShown(row![1], shown, lang, `${PAGES[lang]} ${target} ${key}`);
        }
      } else if (typeof first === 'string') {
        // A spill with its own header row: match the page's columns by name.
        const names = sheet.range(`${target}:${shift(target, 20, 0)}`)[0];
        rows.forEach((row, r) => header.forEach((name, c) => {
          const j = names.indexOf(name);
          expect({ name, found: j >= 0 }).toEqual({ name, found: true });
          expectShown(sheet.get(shift(target, j, r + 1)), row[c], lang, `${PAGES[lang]} ${target} ${name} row ${r + 1}`);
        }));
      } else {
        // A spill without a header row (EFFORT, SBG.FIT): the page's columns are positional.
        rows.forEach((row, r) => row.forEach((shown, c) => expectShown(sheet.get(shift(target, c, r)), shown, lang, `${PAGES[lang]} ${target} ${header[c]}`)));
      }
    }
  });
});

it('both pages check the same example', () => {
  const targets = (lang: Lang) => checks(read(lang)).map((c) => [c.target, c.rows.length]);
  expect(targets('es')).toEqual(targets('en'));
  expect(cellsBlock(read('es')).map(([a]) => a)).toEqual(cellsBlock(read('en')).map(([a]) => a));
});

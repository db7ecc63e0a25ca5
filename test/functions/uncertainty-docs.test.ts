/**
 * The worked example of the uncertainty functions in docs/functions.md and docs/funciones.md, read from
 * the pages: the ```uncertainty-cells block is typed into a sheet whose functions are the BUILT
 * bundle's, and every table after an `<!-- uncertainty-check: CELL -->` marker is compared with the
 * spill at CELL, to the last digit printed. (Its own markers, so docs-examples.test.ts, which checks
 * the first example of the same pages, does not see these.)
 *
 * A table whose first column is `key` (or `clave`) finds each row by that key in the spill's first
 * column and each other column by name in the spill's header row (a column headed `value`/`valor` or
 * nothing is taken by position, for spills without a header); any other table matches the spill's
 * header by name, row by row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTIONS_ES } from '../../src/functions/names-es';
import { distMissing, loadBundle, sheetWith, type Sheet } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

type Lang = 'en' | 'es';
const PAGES: Record<Lang, string> = { en: 'docs/functions.md', es: 'docs/funciones.md' };
const read = (lang: Lang) => readFileSync(resolve(__dirname, '../..', PAGES[lang]), 'utf8');

function shownNumber(text: string, lang: Lang): { value: number; decimals: number } | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  const plain = lang === 'en' ? t.replace(/,/g, '') : t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const m = /^(-?\d+)(?:\.(\d+))?(%?)$/.exec(plain);
  if (!m) return undefined;
  return { value: Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`) / (m[3] ? 100 : 1), decimals: (m[2]?.length ?? 0) + (m[3] ? 2 : 0) };
}

const spanishNames = Object.entries(FUNCTIONS_ES).map(([id, f]) => [f.name, id] as const).sort((a, b) => b[0].length - a[0].length);

function formulaOf(text: string, lang: Lang): string {
  let f = text.trim();
  if (lang === 'es') {
    for (const [name, id] of spanishNames) f = f.split(`${name}(`).join(`${id}(`);
    f = f.replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, ',');
  }
  return f;
}

function cellsBlock(page: string): [string, string][] {
  const block = /```uncertainty-cells\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('no ```uncertainty-cells block');
  return block[1].trim().split('\n').flatMap((line) => line.trim().split(/\s{2,}/).map((token) => {
    const m = /^([A-Z]+\d+):\s*(.*)$/.exec(token);
    if (!m) throw new Error(`bad cell "${token}"`);
    return [m[1], m[2]] as [string, string];
  }));
}

function checks(page: string): { target: string; header: string[]; rows: string[][] }[] {
  return [...page.matchAll(/<!-- uncertainty-check: (\S+) -->\n((?:\|.*\|\n?)+)/g)].map((m) => {
    const lines = m[2].trim().split('\n').map((l) => l.slice(1, -1).split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
    return { target: m[1], header: lines[0], rows: lines.slice(2) };
  });
}

function expectShown(actual: unknown, shown: string, lang: Lang, where: string): void {
  const n = shownNumber(shown, lang);
  if (n) {
    const tolerance = 0.5 * 10 ** -n.decimals + 1e-12 * Math.abs(n.value);
    if (typeof actual !== 'number' || Math.abs(actual - n.value) > tolerance) throw new Error(`${where}: the page shows ${shown}, the sheet ${JSON.stringify(actual)}`);
  } else {
    expect({ where, value: actual }).toEqual({ where, value: shown });
  }
}

function column(a1: string, offset: number): string {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(a1)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  n += offset;
  let letters = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
const shift = (a1: string, dc: number, dr: number) => `${column(a1, dc)}${Number(/\d+/.exec(a1)![0]) + dr}`;

describe.each(['en', 'es'] as const)('the uncertainty example of %s', (lang) => {
  const page = read(lang);
  let sheet: Sheet;
  beforeAll(() => {
    sheet = sheetWith(loadBundle({ displayLanguage: lang === 'es' ? 'es-ES' : 'en-US' }));
    const cells = cellsBlock(page);
    for (const [at, text] of cells.filter(([, t]) => !t.startsWith('='))) {
      const n = shownNumber(text, lang);
      sheet.set(at, n ? n.value : text);
    }
    for (const [at, text] of cells.filter(([, t]) => t.startsWith('='))) sheet.set(at, formulaOf(text, lang));
  });

  it('shows every checked table as the sheet computes it', () => {
    const all = checks(page);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const { target, header, rows } of all) {
      const spill = sheet.range(`${target}:${shift(target, 9, 40)}`);
      const names = spill[0];
      if (header[0] === 'key' || header[0] === 'clave') {
        for (const row of rows) {
          const found = spill.find((r) => r[0] === row[0]);
          expect({ key: row[0], found: !!found }).toEqual({ key: row[0], found: true });
          header.slice(1).forEach((name, c) => {
            const j = name === 'value' || name === 'valor' || name === '' ? c + 1 : names.indexOf(name);
            expect({ name, found: j >= 1 }).toEqual({ name, found: true });
            expectShown(found![j], row[c + 1], lang, `${PAGES[lang]} ${target} ${row[0]} ${name}`);
          });
        }
      } else {
        rows.forEach((row, r) => header.forEach((name, c) => {
          const j = names.indexOf(name);
          expect({ name, found: j >= 0 }).toEqual({ name, found: true });
          expectShown(spill[r + 1][j], row[c], lang, `${PAGES[lang]} ${target} ${name} row ${r + 1}`);
        }));
      }
    }
  });

  it('lists the three functions under their names in this language', () => {
    for (const id of ['CEQ.SIMULATE', 'CEQ.TORNADO', 'CEQ.OPTIMIZE']) {
      const name = lang === 'en' ? id : FUNCTIONS_ES[id].name;
      expect({ name, listed: page.includes(`\`${name}(`) }).toEqual({ name, listed: true });
    }
  });

  if (process.env.CEQ_PRINT_EXAMPLE) {
    it('prints the spills (to write the page)', () => {
      for (const target of [...new Set(checks(page).map((c) => c.target))]) console.log(target, JSON.stringify(sheet.range(`${target}:${shift(target, 7, 24)}`)));
    });
  }
});

it('both pages check the same example', () => {
  const targets = (lang: Lang) => checks(read(lang)).map((c) => [c.target, c.rows.length]);
  expect(targets('es')).toEqual(targets('en'));
  expect(cellsBlock(read('es')).map(([a]) => a)).toEqual(cellsBlock(read('en')).map(([a]) => a));
});

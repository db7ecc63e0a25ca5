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
import { excelFunctionName } from '../../src/functions/excel-names';
import { cellsBlock, checks, expectShown, formulaOf, PAGES, read, shift, shownNumber, type Lang } from './doc-page';
import { distMissing, loadBundle, sheetWith, type Sheet } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);


describe.each(['en', 'es'] as const)('the uncertainty example of %s', (lang) => {
  const page = read(lang);
  let sheet: Sheet;
  beforeAll(() => {
    sheet = sheetWith(loadBundle({ displayLanguage: lang === 'es' ? 'es-ES' : 'en-US' }));
    const cells = cellsBlock(page, 'uncertainty-cells');
    for (const [at, text] of cells.filter(([, t]) => !t.startsWith('='))) {
      const n = shownNumber(text, lang);
      sheet.set(at, n ? n.value : text);
    }
    for (const [at, text] of cells.filter(([, t]) => t.startsWith('='))) sheet.set(at, formulaOf(text, lang));
  });

  it('shows every checked table as the sheet computes it', () => {
    const all = checks(page, 'uncertainty-check');
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
    for (const id of ['SIMULATE', 'TORNADO', 'OPTIMIZE']) {
      const name = excelFunctionName(id, lang);
      expect({ name, listed: page.includes(`\`${name}(`) }).toEqual({ name, listed: true });
    }
  });

  if (process.env.CEQ_PRINT_EXAMPLE) {
    it('prints the spills (to write the page)', () => {
      for (const target of [...new Set(checks(page, 'uncertainty-check').map((c) => c.target))]) console.log(target, JSON.stringify(sheet.range(`${target}:${shift(target, 7, 24)}`)));
    });
  }
});

it('both pages check the same example', () => {
  const targets = (lang: Lang) => checks(read(lang)).map((c) => [c.target, c.rows.length]);
  expect(targets('es')).toEqual(targets('en'));
  expect(cellsBlock(read('es')).map(([a]) => a)).toEqual(cellsBlock(read('en')).map(([a]) => a));
});

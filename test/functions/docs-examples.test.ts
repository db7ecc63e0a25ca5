/**
 * The worked examples of docs/functions.md and docs/funciones.md, read from the pages themselves: the
 * `cells` block is typed into a sheet whose functions are the BUILT bundle's, and every table after a
 * `<!-- check: … -->` marker is compared with what the sheet shows, to the last digit printed. The pages
 * cannot drift from the code without this test failing.
 */
import { cellsBlock, checks, expectShown, formulaOf, PAGES, read, shift, shownNumber, type Lang } from './doc-page';
import { excelFunctionName } from '../../src/functions/excel-names';
import { distMissing, loadBundle, readMetadata, sheetWith, type Sheet } from './host';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

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
      const name = excelFunctionName(f.id, lang);
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

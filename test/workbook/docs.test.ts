import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioFromJson } from '../../src/engine';
import { liveFunctionNames } from '../../src/office/workbook';
import { buildWorkbook } from '../../src/workbook';

/** docs/workbook.md and docs/libro.md stay true to the code: figures, images and names they quote. */
const root = join(__dirname, '../..');
const en = readFileSync(join(root, 'docs/workbook.md'), 'utf8');
const es = readFileSync(join(root, 'docs/libro.md'), 'utf8');

describe('the workbook docs', () => {
  it('quote the model cells and formulas each example exports', () => {
    const rows = [...en.matchAll(/^\| ([a-z-]+) \([^)]*\) \| ([\d,]+) \| ([\d,]+) \|/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(['enterprise-multi-year', 'high-touch-services', 'mid-market-saas']);
    for (const [, name, cells, formulas] of rows) {
      const s = scenarioFromJson(JSON.parse(readFileSync(join(root, 'examples', `${name}.json`), 'utf8')));
      const wb = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'] });
      const model = wb.sheets.find((x) => x.key === 'plain')!;
      expect([name, model.cells.length]).toEqual([name, Number(cells.replace(/,/g, ''))]);
      const f = wb.sheets.reduce((n, sh) => n + sh.cells.filter((c) => c.formula !== undefined).length, 0);
      expect([name, f]).toEqual([name, Number(formulas.replace(/,/g, ''))]);
    }
  });

  it('show images that exist, the same ones in both languages', () => {
    const images = (text: string) => [...text.matchAll(/!\[[^\]]*\]\((images\/[^)]+)\)/g)].map((m) => m[1]);
    expect(images(en)).toEqual(images(es));
    expect(images(en)).toHaveLength(4);
    for (const img of images(en)) expect(existsSync(join(root, 'docs', img))).toBe(true);
  });

  it('name the sheets as the code names them', () => {
    for (const [lang, text] of [['en', en], ['es', es]] as const) {
      const s = scenarioFromJson({});
      for (const sheet of buildWorkbook(s, { lang, functionNames: liveFunctionNames(lang) }).sheets) expect([lang, text.includes(sheet.name)]).toEqual([lang, true]);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloneScenario, scenarioFromJson, type Scenario } from '../../src/engine';
import { insertModel } from '../../src/office/workbook';
import { readScenario } from '../../src/office/read-scenario';
import { MARK_KEY } from '../../src/office/sheet-plan';
import { buildWorkbook } from '../../src/workbook';
import { FakeBook, FakeSheet, installFakeExcel } from './fake-excel';

const example = (f: string): Scenario => scenarioFromJson(JSON.parse(readFileSync(join(__dirname, '../../examples', f), 'utf8')));

describe('Insert model (Office adapter against a mocked Excel)', () => {
  let book: FakeBook;
  beforeEach(() => {
    book = new FakeBook();
    installFakeExcel(book);
  });

  it('creates the four sheets, marks them as ours, writes every cell, names, validations and charts', async () => {
    const s = example('mid-market-saas.json');
    const report = await insertModel(s);
    expect(book.sheets.map((x) => x.name)).toEqual(['CEQ Inputs', 'CEQ Model', 'CEQ Live', 'CEQ Summary']);
    expect(book.sheets.map((x) => x.props.get(MARK_KEY))).toEqual(['inputs', 'plain', 'live', 'summary']);
    const spec = buildWorkbook(s);
    for (const sheet of spec.sheets) {
      const fake = book.sheet(sheet.name)!;
      const written = sheet.cells.filter((c) => c.formula !== undefined || (c.value !== undefined && c.value !== ''));
      for (const c of written) {
        const v = fake.get(c.row, c.col);
        expect(v).toBe(c.formula !== undefined ? `=${c.formula}` : c.value);
      }
    }
    expect(book.names.get('CEQ_churn_SMB')?.ref).toMatch(/^='CEQ Inputs'!\$B\$\d+$/);
    expect(book.names.size).toBe(spec.names.length);
    expect(book.sheet('CEQ Inputs')!.validations.size).toBeGreaterThan(50);
    expect(book.sheet('CEQ Summary')!.charts.map((c) => c.name)).toEqual(['CEQ_chart_arr', 'CEQ_chart_cumulativeDelta', 'CEQ_chart_compCost']);
    expect(report.sheets.every((x) => x.created)).toBe(true);
    // One sync per sheet for sheets under the payload budget, plus a handful for loads, names and charts.
    expect(report.sheets.every((x) => x.syncs === 1)).toBe(true);
    expect(book.syncs).toBeLessThanOrEqual(12);
  });

  it('inserting again updates in place: no duplicate sheets, stale cells and names gone, user cells kept', async () => {
    const three = example('mid-market-saas.json');
    await insertModel(three);
    const inputs = book.sheet('CEQ Inputs')!;
    const model = book.sheet('CEQ Model')!;
    inputs.set(300, 30, 'my note');
    model.set(2, 10, 'user cell inside the blank top area');
    const widest = Math.max(...[...model.cells.keys()].map((k) => Number(k.split(':')[1])));

    const one = cloneScenario(three);
    one.segments = [one.segments[0]];
    const report = await insertModel(one);
    expect(book.sheets.map((x) => x.name)).toEqual(['CEQ Inputs', 'CEQ Model', 'CEQ Live', 'CEQ Summary']);
    expect(report.sheets.every((x) => !x.created)).toBe(true);
    expect(inputs.get(300, 30)).toBe('my note');
    expect(model.get(2, 10)).toBe('user cell inside the blank top area');
    // The one-segment model is narrower: the old right-hand columns are cleared.
    const widestNow = Math.max(...[...model.cells.keys()].filter((k) => model.cells.get(k)?.formula !== undefined).map((k) => Number(k.split(':')[1])));
    expect(widestNow).toBeLessThan(widest);
    expect(book.names.has('CEQ_churn_Enterprise')).toBe(false);
    expect(book.names.has('CEQ_churn_SMB')).toBe(true);
    expect(book.sheet('CEQ Summary')!.charts).toHaveLength(3);
  });

  it("never overwrites a user's own sheet that has our name: ours becomes \"CEQ Inputs (2)\"", async () => {
    const mine = new FakeSheet('CEQ Inputs');
    mine.set(0, 0, 'my own data');
    book.sheets.push(mine);
    await insertModel(example('high-touch-services.json'));
    expect(mine.get(0, 0)).toBe('my own data');
    expect(mine.cells.size).toBe(1);
    expect(mine.props.size).toBe(0);
    expect(book.sheet('CEQ Inputs (2)')!.props.get(MARK_KEY)).toBe('inputs');
    expect(book.names.get('CEQ_churn_Managed_services')?.ref).toMatch(/^='CEQ Inputs \(2\)'!/);
    // And again: the marked sheet is found and reused, the user's sheet still untouched.
    await insertModel(example('high-touch-services.json'));
    expect(book.sheets.filter((x) => x.name.startsWith('CEQ Inputs'))).toHaveLength(2);
    expect(mine.get(0, 0)).toBe('my own data');
  });

  it('writes Spanish sheet names and Spanish custom function names in a Spanish workbook', async () => {
    await insertModel(example('mid-market-saas.json'), { lang: 'es' });
    const live = book.sheet('CEQ Funciones')!;
    const formulas = [...live.cells.values()].map((c) => String(c.formula)).filter((f) => f.startsWith('='));
    expect(formulas.some((f) => f.startsWith('=CEQ.PROYECTAR(CEQ_Assumptions,CEQ_Plan_Baseline,'))).toBe(true);
    expect(formulas.some((f) => f.startsWith('=CEQ.RESUMEN('))).toBe(true);
  });

  it('reads a scenario back from the inputs sheet and from a selection laid out like CEQ.DEFAULTS', async () => {
    const s = example('mid-market-saas.json');
    await insertModel(s);
    const back = await readScenario({ kind: 'inputsSheet' });
    expect(back.rejected).toEqual([]);
    expect(back.scenario!.segments.map((g) => g.name)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    expect(back.scenario!.segments[2].values).toEqual(s.segments[2].values);
    expect(back.scenario!.proposed[0].values).toEqual(s.proposed[0].values);

    book.selection = {
      address: 'Sheet1!A1:C5',
      values: [['key', 'SMB', 'unit'], ['churn', '12%', 'rate'], ['arpa', '1,200', ''], ['churnn', 0.1, ''], ['expansion', '', '']],
    };
    const sel = await readScenario({ kind: 'selection' });
    expect(sel.found).toEqual(['SMB.churn', 'SMB.arpa']);
    expect(sel.defaulted).toEqual(['SMB.expansion']);
    expect(sel.rejected.map((r) => r.key)).toEqual(['churnn']);
    expect(sel.rejected[0].reason).toMatch(/did you mean "churn"/);
    expect(sel.scenario!.segments[0].values.churn).toBeCloseTo(0.12, 12);
    expect(sel.scenario!.segments[0].values.arpa).toBe(1200);
  });
});

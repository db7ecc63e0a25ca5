import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloneScenario, findSpec, ModelError, scenarioFromJson, specsOf, type Scenario } from '../../src/engine';
import { insertComparison } from '../../src/office/comparison';
import { readScenario } from '../../src/office/read-scenario';
import { MARK_KEY } from '../../src/office/sheet-plan';
import { insertModel, liveFunctionNames } from '../../src/office/workbook';
import { buildWorkbook, parseRange, summariseScenarios } from '../../src/workbook';
import { FakeBook, FakeSheet, installFakeExcel } from './fake-excel';

const example = (f: string): Scenario => scenarioFromJson(JSON.parse(readFileSync(join(__dirname, '../../examples', f), 'utf8')));
const MODEL_SHEETS = ['CEQ Inputs', 'CEQ Model', 'CEQ Live', 'CEQ Summary'];

/** Every cell the description writes, as the fake workbook holds it. */
function expectWritten(book: FakeBook, s: Scenario, o: Parameters<typeof buildWorkbook>[1] = {}) {
  const spec = buildWorkbook(s, { functionNames: liveFunctionNames(o.lang ?? 'en'), ...o });
  let checked = 0;
  for (const sheet of spec.sheets) {
    const fake = book.sheet(sheet.name)!;
    for (const c of sheet.cells) {
      if (c.formula === undefined && (c.value === undefined || c.value === '')) continue;
      expect(fake.get(c.row, c.col)).toBe(c.formula !== undefined ? `=${c.formula}` : c.value);
      if (c.format) expect(fake.cells.get(`${c.row}:${c.col}`)?.numberFormat).toBe(c.format);
      checked++;
    }
  }
  return { spec, checked };
}

describe('Insert model (Office adapter against a mocked Excel)', () => {
  let book: FakeBook;
  beforeEach(() => {
    book = new FakeBook();
    installFakeExcel(book);
  });

  it('creates the four sheets, marks them as ours, writes every cell and number format, the names, and the charts', async () => {
    const s = example('mid-market-saas.json');
    const report = await insertModel(s);
    expect(book.sheets.map((x) => x.name)).toEqual(MODEL_SHEETS);
    expect(book.sheets.map((x) => x.props.get(MARK_KEY))).toEqual(['inputs', 'plain', 'live', 'summary']);
    const { spec, checked } = expectWritten(book, s);
    expect(checked).toBeGreaterThan(5000);
    // Every defined name points at the cell the description says, on the sheet it was written to.
    expect(book.names.size).toBe(spec.names.length);
    for (const n of spec.names) {
      const sheet = spec.sheets.find((x) => x.key === n.sheet)!.name;
      expect(book.names.get(n.name)?.ref).toBe(`='${sheet}'!${n.ref}`);
    }
    expect(book.names.get('CEQ_churn_SMB')?.ref).toMatch(/^='CEQ Inputs'!\$B\$\d+$/);
    const summary = book.sheet('CEQ Summary')!;
    expect(summary.charts.map((c) => c.name)).toEqual(['CEQ_chart_arr', 'CEQ_chart_cumulativeDelta', 'CEQ_chart_compCost']);
    expect(summary.charts.map((c) => c.title)).toEqual(['ARR at year end', 'Cumulative contribution vs baseline', 'Compensation cost per year']);
    expect(summary.charts[0].series).toEqual([s.baseline.name, s.proposed[0].name]);
    expect(report.sheets.every((x) => x.created)).toBe(true);
    expect(book.active).toBe('CEQ Summary');
    // One sync per sheet under the payload budget, plus a handful for loads, new sheets, names and activation.
    expect(report.sheets.every((x) => x.syncs === 1)).toBe(true);
    expect(book.syncs).toBeLessThanOrEqual(10);
  });

  it('puts data validation on every input cell that enforces the catalogue range of its key, with the range in the message', async () => {
    const s = example('enterprise-multi-year.json');
    await insertModel(s);
    const inputs = book.sheet('CEQ Inputs')!;
    let checked = 0;
    for (const [range, v] of inputs.validations) {
      const [r0, c0, r1, c1] = range.split(':').map(Number);
      // The key of the row: column A for the assumption table, the column left of a plan's value.
      const key = String(inputs.get(r0, c0 === 1 ? 0 : c0 - 1));
      const spec = findSpec(key)!;
      expect(spec).toBeDefined();
      expect(r1).toBe(r0);
      if (spec.allowed) {
        expect(v.rule).toEqual({ list: { inCellDropDown: true, source: spec.allowed.join(',') } });
      } else {
        const kind = spec.integer ? 'wholeNumber' : 'decimal';
        expect(v.rule).toEqual({ [kind]: { formula1: spec.min, formula2: spec.max, operator: 'Between' } });
        expect(v.errorAlert?.message).toContain(`${spec.min} and ${spec.max}`);
      }
      expect(v.errorAlert?.message).toContain(key);
      // Scenario and behaviour keys: one cell; segment keys: one per segment.
      expect(c1 - c0 + 1).toBe(spec.scope === 'segment' ? s.segments.length : 1);
      checked++;
    }
    const rowsOf = (scope: Parameters<typeof specsOf>[0]) => specsOf(scope).length;
    expect(checked).toBe(rowsOf('scenario') + rowsOf('segment') + rowsOf('behaviour') + rowsOf('plan') * (1 + s.proposed.length));
  });

  it('inserting again updates in place: no duplicate sheets, stale cells, names and validation gone, user cells kept', async () => {
    const three = example('mid-market-saas.json');
    await insertModel(three);
    const addedFirst = book.namesAdded;
    const inputs = book.sheet('CEQ Inputs')!;
    const model = book.sheet('CEQ Model')!;
    const live = book.sheet('CEQ Live')!;
    inputs.set(300, 30, 'my note');
    model.set(2, 10, 'user cell inside the blank top area');
    // A gap between two of our blocks on one row of the live sheet (between two CEQ.COMPARE spills).
    const compareRow = [...live.cells.keys()].map((k) => k.split(':').map(Number)).find(([, c]) => c === 6)![0];
    live.set(compareRow - 1, 5, 'between two blocks');

    // The same scenario again: every name is updated where it is, none deleted and added back.
    await insertModel(three);
    expect(book.namesAdded).toBe(addedFirst);
    expect(book.namesDeleted).toBe(0);

    const widest = Math.max(...[...model.cells.keys()].map((k) => Number(k.split(':')[1])));
    const one = cloneScenario(three);
    one.segments = [one.segments[0]];
    const report = await insertModel(one);
    expect(book.sheets.map((x) => x.name)).toEqual(MODEL_SHEETS);
    expect(report.sheets.every((x) => !x.created)).toBe(true);
    expect(inputs.get(300, 30)).toBe('my note');
    expect(model.get(2, 10)).toBe('user cell inside the blank top area');
    expect(live.get(compareRow - 1, 5)).toBe('between two blocks');
    expectWritten(book, one);
    // The one-segment model is narrower: the old right-hand columns are cleared, formats included.
    const widestNow = Math.max(...[...model.cells.keys()].filter((k) => model.cells.get(k)?.formula !== undefined).map((k) => Number(k.split(':')[1])));
    expect(widestNow).toBeLessThan(widest);
    expect([...model.cells.keys()].filter((k) => Number(k.split(':')[1]) > widestNow && k !== '2:10')).toEqual([]);
    // Names of the segments that went are deleted, the rest kept; no validation left on the old segment columns.
    expect(book.names.has('CEQ_churn_Enterprise')).toBe(false);
    expect(book.names.has('CEQ_churn_SMB')).toBe(true);
    const names = (s: Scenario) => buildWorkbook(s, { functionNames: liveFunctionNames('en') }).names;
    expect(book.namesDeleted).toBe(names(three).length - names(one).length);
    const assumptionRows = parseRange(names(one).find((n) => n.name === 'CEQ_Assumptions')!.ref);
    for (const key of inputs.validations.keys()) {
      const [r0, c0, , c1] = key.split(':').map(Number);
      if (r0 > assumptionRows.r0 && r0 <= assumptionRows.r1) expect([c0, c1]).toEqual([1, 1]);
    }
    expect(book.sheet('CEQ Summary')!.charts).toHaveLength(3);
  });

  it('finds our sheets by their mark after the user renames them', async () => {
    const s = example('high-touch-services.json');
    await insertModel(s);
    book.sheet('CEQ Model')!.name = 'My audit copy';
    await insertModel(s);
    expect(book.sheets.map((x) => x.name)).toEqual(['CEQ Inputs', 'My audit copy', 'CEQ Live', 'CEQ Summary']);
    expect(book.names.get('CEQ_dt')?.ref).toMatch(/^='My audit copy'!/);
    expect(String(book.sheet('CEQ Summary')!.get(5, 1))).toMatch(/^='My audit copy'!/);
  });

  it("never overwrites a user's own sheet that has our name: ours becomes \"CEQ Inputs (2)\" (or the next free number)", async () => {
    const mine = new FakeSheet('CEQ Inputs');
    mine.set(0, 0, 'my own data');
    const mine2 = new FakeSheet('CEQ Inputs (2)');
    book.sheets.push(mine, mine2);
    await insertModel(example('high-touch-services.json'));
    expect(mine.get(0, 0)).toBe('my own data');
    expect(mine.cells.size).toBe(1);
    expect(mine.props.size).toBe(0);
    expect(mine2.cells.size).toBe(0);
    expect(book.sheet('CEQ Inputs (3)')!.props.get(MARK_KEY)).toBe('inputs');
    expect(book.names.get('CEQ_churn_Managed_services')?.ref).toMatch(/^='CEQ Inputs \(3\)'!/);
    // And again: the marked sheet is found and reused, the user's sheets still untouched.
    await insertModel(example('high-touch-services.json'));
    expect(book.sheets.filter((x) => x.name.startsWith('CEQ Inputs'))).toHaveLength(3);
    expect(mine.get(0, 0)).toBe('my own data');
    expect(mine.cells.size).toBe(1);
  });

  it('writes Spanish sheet names and the Spanish custom function names the add-in registers in a Spanish workbook', async () => {
    const s = example('mid-market-saas.json');
    await insertModel(s, { lang: 'es' });
    expect(book.sheets.map((x) => x.name)).toEqual(['CEQ Datos', 'CEQ Modelo', 'CEQ Funciones', 'CEQ Resumen']);
    const live = book.sheet('CEQ Funciones')!;
    const formulas = [...live.cells.values()].map((c) => String(c.formula)).filter((f) => f.startsWith('=CEQ.'));
    expect(formulas).toContain('=CEQ.PROYECTAR(CEQ_Assumptions,CEQ_Plan_Baseline)');
    expect(formulas).toContain('=CEQ.RESUMEN(CEQ_Assumptions,CEQ_Plan_Baseline,CEQ_Plan_Proposed1)');
    expect(formulas).toContain('=CEQ.COMPARAR(CEQ_Assumptions,CEQ_Plan_Baseline,CEQ_Plan_Proposed1,"contribution")');
    expect(formulas.every((f) => /^=CEQ\.(PROYECTAR|RESUMEN|COMPARAR)\(/.test(f))).toBe(true);
    expect(book.sheet('CEQ Resumen')!.charts[0].title).toBe('ARR a fin de año');
  });

  it('an invalid scenario is refused before anything is written', async () => {
    const s = example('mid-market-saas.json');
    s.segments[0].values.churn = 2;
    await expect(insertModel(s)).rejects.toThrow(ModelError);
    expect(book.sheets).toHaveLength(0);
    expect(book.names.size).toBe(0);
  });

  it('reads a scenario back from the inputs sheet, a selection, a named range and an Excel table, reporting found, defaulted and rejected keys', async () => {
    const s = example('mid-market-saas.json');
    await insertModel(s);
    const back = await readScenario({ kind: 'inputsSheet' });
    expect(back.rejected).toEqual([]);
    expect(back.defaulted).toEqual([]);
    expect(back.scenario!.segments.map((g) => g.name)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    expect(back.scenario!.segments[2].values).toEqual(s.segments[2].values);
    expect(back.scenario!.settings).toEqual(s.settings);
    expect(back.scenario!.behaviour).toEqual(s.behaviour);
    expect(back.scenario!.baseline.values).toEqual(s.baseline.values);
    expect(back.scenario!.proposed[0].values).toEqual(s.proposed[0].values);

    book.selection = {
      address: 'Sheet1!A1:C5',
      values: [['key', 'SMB', 'unit'], ['churn', '12%', 'rate'], ['arpa', '1,200', ''], ['churnn', 0.1, ''], ['expansion', '', '']],
    };
    const sel = await readScenario({ kind: 'selection' });
    expect(sel.addresses).toEqual(['Sheet1!A1:C5']);
    expect(sel.found).toEqual(['SMB.churn', 'SMB.arpa']);
    expect(sel.defaulted).toEqual(['SMB.expansion']);
    expect(sel.rejected.map((r) => r.key)).toEqual(['churnn']);
    expect(sel.rejected[0].reason).toMatch(/did you mean "churn"/);
    // A typo is to be fixed, not replaced by a default: no scenario until it is.
    expect(sel.scenario).toBeUndefined();
    book.selection.values.splice(3, 1);
    const fixed = await readScenario({ kind: 'selection' });
    expect(fixed.rejected).toEqual([]);
    expect(fixed.scenario!.segments[0].values.churn).toBeCloseTo(0.12, 12);
    expect(fixed.scenario!.segments[0].values.arpa).toBe(1200);
    expect(fixed.scenario!.segments[0].values.expansion).toBe(findSpec('expansion')!.defaultValue);

    // A named range and an Excel table on a user's sheet, laid out like CEQ.DEFAULTS output.
    const sheet = new FakeSheet('Mine');
    const rows = [['key', 'North', 'South', 'unit'], ['new_customers', 80, 40, 'count'], ['churn', 0.2, 1.5, 'rate'], ['discountRate', '8%', '', 'rate']];
    rows.forEach((r, i) => r.forEach((v, j) => sheet.set(i, j, v)));
    book.sheets.push(sheet);
    book.names.set('MyInputs', { ref: "='Mine'!$A$1:$D$4" });
    book.tables.set('Table1', { sheet: 'Mine', ref: 'A1:D4' });
    for (const source of [{ kind: 'name' as const, name: 'MyInputs' }, { kind: 'table' as const, name: 'Table1' }]) {
      const r = await readScenario(source);
      expect(r.found).toEqual(['North.newCustomers', 'South.newCustomers', 'North.churn', 'discountRate']);
      expect(r.rejected.map((x) => x.key)).toEqual(['South.churn']);
      expect(r.rejected[0].reason).toMatch(/1\.5/);
      expect(r.rejected[0].reason).toMatch(/0\.95/);
      expect(r.scenario).toBeUndefined();
    }
    sheet.set(2, 2, 0.15);
    const r = await readScenario({ kind: 'table', name: 'Table1' });
    expect(r.rejected).toEqual([]);
    expect(r.scenario!.segments.map((g) => g.name)).toEqual(['North', 'South']);
    expect(r.scenario!.segments.map((g) => g.values.churn)).toEqual([0.2, 0.15]);
    expect(r.scenario!.segments[1].values.newCustomers).toBe(40);
    expect(r.scenario!.settings.discountRate).toBeCloseTo(0.08, 12);
  });

  it('in Spanish, a read reports its problems in Spanish', async () => {
    book.selection = { address: 'Hoja1!A1:B2', values: [['clave', 'Pymes'], ['abandono', 0.1]] };
    const r = await readScenario({ kind: 'selection' }, 'es');
    expect(r.rejected[0].reason).toMatch(/clave desconocida|desconocid/i);
  });
});

describe('Insert comparison of saved scenarios', () => {
  let book: FakeBook;
  beforeEach(() => {
    book = new FakeBook();
    installFakeExcel(book);
  });
  const rows = () => summariseScenarios([
    { name: 'Mid-market', scenario: example('mid-market-saas.json') },
    { name: 'Services', scenario: example('high-touch-services.json') },
  ]);

  it('writes the table and two charts on a marked sheet, and updates it in place', async () => {
    const r = rows();
    expect(await insertComparison(r)).toBe('CEQ Comparison');
    const sheet = book.sheet('CEQ Comparison')!;
    expect(sheet.props.get(MARK_KEY)).toBe('comparison');
    expect(sheet.get(3, 0)).toBe('Scenario');
    expect(sheet.get(4, 0)).toBe('Mid-market');
    expect(sheet.get(4, 4)).toBe(r[0].customerEquityDelta);
    expect(sheet.get(5, 4)).toBe(r[1].customerEquityDelta);
    expect(sheet.charts.map((c) => c.name)).toEqual(['CEQ_chart_comparisonArr', 'CEQ_chart_comparisonEquity']);
    expect(sheet.charts[0].series).toEqual(['Mid-market', 'Services']);
    expect(book.active).toBe('CEQ Comparison');

    sheet.set(40, 20, 'my remark');
    await insertComparison(r.slice(0, 1));
    expect(book.sheets.filter((x) => x.name.startsWith('CEQ Comparison'))).toHaveLength(1);
    expect(sheet.get(4, 0)).toBe('Mid-market');
    expect(sheet.get(5, 0)).toBeUndefined();
    expect(sheet.get(40, 20)).toBe('my remark');
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.charts[0].series).toEqual(['Mid-market']);
  });

  it("leaves a user's own sheet called \"CEQ Comparison\" alone, and speaks Spanish", async () => {
    const mine = new FakeSheet('CEQ Comparación');
    mine.set(0, 0, 'mío');
    book.sheets.push(mine);
    expect(await insertComparison(rows(), { lang: 'es' })).toBe('CEQ Comparación (2)');
    expect(mine.cells.size).toBe(1);
    expect(book.sheet('CEQ Comparación (2)')!.get(3, 0)).toBe('Escenario');
  });
});

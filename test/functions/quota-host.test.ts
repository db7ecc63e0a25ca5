/**
 * CEQ.PAYOUT, CEQ.ATTAINMENT and plan ranges with quota keys, through the BUILT bundle in the host
 * sandbox (test/functions/host.ts): every number equals the engine's to 1e-9 relative, messages name the
 * key, the value and the range, in English and Spanish.
 */
import {
  attainmentBands, defaultScenario, DEFAULT_ATTAINMENT_BANDS, findSpec, payout, projectPlan, QUOTA_CATALOGUE,
  type PlanValues, type ValueSpec,
} from '../../src/engine';
import { distMissing, loadBundle, readMetadata, sheetWith, type Bundle } from './host';
import { PROJECT_COLUMNS, relClose } from './expect';

const missing = distMissing('functions.js', 'functions.json');
if (missing) throw new Error(missing);

describe('the quota functions in the built bundle', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = loadBundle();
  });

  it('are registered once each, and their parameter help states the catalogue ranges', () => {
    for (const id of ['PAYOUT', 'ATTAINMENT']) expect(bundle.associateCalls.get(id)).toBe(1);
    const meta = new Map(readMetadata().functions.map((f) => [f.id, f]));
    const spec = (key: string): ValueSpec => QUOTA_CATALOGUE.find((s) => s.key === key) ?? findSpec(key)!;
    const help = (id: string, name: string) => (meta.get(id)!.parameters.find((p) => p.name === name) as unknown as { description: string }).description;
    for (const key of ['threshold', 'accelerator', 'cap', 'decelerator']) expect(help('PAYOUT', key)).toContain(`${spec(key).min} to ${spec(key).max}`);
    expect(help('ATTAINMENT', 'cv')).toContain(`${spec('attainmentCV').min} to ${spec('attainmentCV').max}`);
    expect(meta.get('ATTAINMENT')!.parameters.map((p) => [p.name, p.dimensionality ?? 'scalar', !!p.optional]))
      .toEqual([['expected_attainment', 'scalar', false], ['cv', 'scalar', false], ['bands', 'matrix', true]]);
  });

  it('CEQ.PAYOUT reads cells, text percentages and an omitted decelerator, and matches the curve', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', [[0.4, 0.5, 2, 3], [0.8, 0.5, 2, 3], [1.1, 0.5, 2, 3], ['250%', '50%', 2, 3], [0.8, 0, 1, 3, 2]]);
    for (let r = 1; r <= 4; r++) sheet.set(`G${r}`, `=CEQ.PAYOUT(A${r}, B${r}, C${r}, D${r})`);
    sheet.set('G5', '=CEQ.PAYOUT(A5, B5, C5, D5, E5)');
    const curve = { threshold: 0.5, decelerator: 1, accelerator: 2, cap: 3 };
    const expected = [payout(0.4, curve), payout(0.8, curve), payout(1.1, curve), payout(2.5, curve), payout(0.8, { ...curve, threshold: 0, accelerator: 1, decelerator: 2 })];
    expect(expected.map((x) => +x.toFixed(12))).toEqual([0, 0.8, 1.2, 3, 0.6]);
    sheet.range('G1:G5').forEach(([v], i) => expect(relClose(v, expected[i])).toBe(true));
  });

  it('CEQ.ATTAINMENT spills the share of reps per band, with default or given bands in any order', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', [[1, 0.35, 1.5, 0.8, 1]]);
    sheet.set('A3', '=CEQ.ATTAINMENT(A1, B1)');
    sheet.set('E3', '=CEQ.ATTAINMENT(A1, B1, C1:E1)');
    const defaults = attainmentBands(1, 0.35, DEFAULT_ATTAINMENT_BANDS);
    expect(sheet.range('A3:C3')[0]).toEqual(['from', 'to', 'share']);
    const rows = sheet.range(`A4:C${3 + defaults.length}`);
    rows.forEach(([from, to, share], k) => {
      expect(from).toBe(k === 0 ? 0 : DEFAULT_ATTAINMENT_BANDS[k - 1]);
      expect(to).toBe(k < DEFAULT_ATTAINMENT_BANDS.length ? DEFAULT_ATTAINMENT_BANDS[k] : '');
      expect(relClose(share, defaults[k])).toBe(true);
    });
    expect(sheet.get(`A${4 + defaults.length}`)).toBeNull();
    const given = attainmentBands(1, 0.35, [0.8, 1, 1.5]);
    sheet.range('E4:G7').forEach(([from, , share], k) => {
      expect(from).toBe([0, 0.8, 1, 1.5][k]);
      expect(relClose(share, given[k])).toBe(true);
    });
  });

  it('CEQ.PROJECT takes a plan range with roles and components, and matches the engine', () => {
    const sheet = sheetWith(bundle);
    const layer: [string, number | string][] = [
      ['commissionNew', 0], ['ae.headcount', 10], ['ae.ote', '150 000'], ['ae.variable_share', '50%'],
      ['ae.newArr.quota', 288_000], ['ae.newArr.threshold', 0.5], ['AE.NewArr.Accelerator', 2],
    ];
    sheet.setBlock('A1', layer);
    sheet.set('D1', `=CEQ.PROJECT(A20:B20, A1:B${layer.length})`); // blank assumptions: every default
    const s = defaultScenario();
    const plan = { ...s.baseline.values, commissionNew: 0, 'ae.headcount': 10, 'ae.ote': 150_000, 'ae.variableShare': 0.5,
      'ae.newArr.quota': 288_000, 'ae.newArr.threshold': 0.5, 'ae.newArr.accelerator': 2 } as PlanValues;
    const p = projectPlan({ ...s, baseline: { name: 'plan', values: plan } }, plan);
    const header = sheet.range('D1:R1')[0];
    expect(header).toEqual(PROJECT_COLUMNS.map((c) => c.name));
    sheet.range(`D2:R${1 + p.periods}`).forEach((row, t) => {
      PROJECT_COLUMNS.slice(1).forEach((c, j) => expect(relClose(row[j + 1], p.value(c.metric!, t))).toBe(true));
    });
  });

  it('names every problem of a quota layer: the first in full, then how many more', () => {
    const sheet = sheetWith(bundle);
    sheet.setBlock('A1', [['ae.headcount', 4], ['ae.newArr.weight', 0.5], ['ae.newArr.quota', 1e6], ['ae.renewal.weight', 0.3], ['ae.renewal.quota', 2e6], ['ae.expansion.weight', 0.1]]);
    sheet.set('D1', '=CEQ.COMPARE(A20:B20, A20:B20, A1:B6)');
    expect(sheet.get('D1')).toMatchObject({ type: 'VALUE', message: 'proposed_plan.ae.expansion.quota is required (and 1 more problem)' });
    sheet.set('D3', '=CEQ.PAYOUT(1, 1.2, 2, 3)');
    expect(sheet.get('D3')).toMatchObject({ type: 'VALUE', message: expect.stringMatching(/^threshold: 1.2 is outside the valid range 0 – 1/) });
    sheet.set('D4', '=CEQ.ATTAINMENT(1, 0.35, A1:A2)');
    expect(sheet.get('D4')).toMatchObject({ type: 'VALUE', message: 'bands[1]: "ae.headcount" is not a number' });
  });

  it('speaks Spanish when Office says the display language is Spanish', () => {
    const sheet = sheetWith(loadBundle({ displayLanguage: 'es-ES' }));
    sheet.setBlock('A1', [['ae.headcount', 4], ['ae.newArr.weight', 0.5], ['ae.newArr.quota', 1e6], ['ae.renewal.weight', 0.3], ['ae.renewal.quota', 2e6]]);
    sheet.set('D1', '=CEQ.PROJECT(A20:B20, A1:B5)');
    expect(sheet.get('D1')).toMatchObject({ type: 'VALUE', message: 'plan.ae.newArr.weight+ae.renewal.weight: los pesos de los componentes de un puesto deben sumar 1, no 0,8' });
    sheet.set('D3', '=CEQ.PAYOUT(1, 0, 2, 0.5)');
    expect(sheet.get('D3')).toMatchObject({ type: 'VALUE', message: 'cap: 0,5 está fuera del rango válido 1 – 100' });
  });
});

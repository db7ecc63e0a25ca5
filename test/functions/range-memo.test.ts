/** Ranges parsed once per content for a sheet of cells (src/functions/range-memo.ts), and through CEQ.PROJECT. */
import fc from 'fast-check';
import { memoisedParse } from '../../src/functions/range-memo';
import { functionDef, invoke } from '../../src/functions/table';
import type { Cell } from '../../src/functions/cells';

/** A parse that counts its calls and returns a record the caller may change. */
function counted() {
  const calls: Cell[] = [];
  const parse = (raw: Cell, arg: string) => {
    calls.push(raw);
    const rows = raw as Cell[][];
    if (rows.some((r) => r.includes('bad'))) throw new Error(`${arg}: bad cell`);
    return { arg, sum: rows.flat().reduce<number>((s, c) => s + (typeof c === 'number' ? c : 0), 0) };
  };
  const read = memoisedParse(parse);
  return { calls, read };
}
const copy = (rows: Cell[][]) => rows.map((r) => r.slice());

describe('a range parsed once per content', () => {
  it('parses new arrays with the same cells once, and hands every caller the kept result, frozen in tests', () => {
    const { calls, read } = counted();
    const table: Cell[][] = [['churn', 0.1], ['arpa', 24_000]];
    const first = read(copy(table), 'assumptions');
    const second = read(copy(table), 'assumptions');
    expect(calls).toHaveLength(1);
    expect(second).toBe(first);
    expect(second).toEqual({ arg: 'assumptions', sum: 24_000.1 });
    // A function that changed what it was handed would change it for every cell after it: here it throws.
    expect(() => { first.sum = -1; }).toThrow(TypeError);
  });

  it('parses afresh when any cell, the shape or the argument differs', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.string(), fc.constant(null), fc.boolean()), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
      fc.nat(), fc.oneof(fc.double({ noNaN: true }), fc.string(), fc.constant(null)),
      (table, at, replacement) => {
        const { calls, read } = counted();
        read(copy(table), 'plan');
        const changed = copy(table);
        const row = changed[at % changed.length];
        const col = at % row.length;
        const differs = !Object.is(row[col], replacement) && !(row[col] === 0 && replacement === 0);
        row[col] = replacement;
        read(changed, 'plan');
        expect(calls).toHaveLength(differs ? 2 : 1);
        read(copy(table).concat([[]]), 'plan');
        read(copy(table), 'baseline_plan');
        expect(calls).toHaveLength(differs ? 4 : 3);
      }));
  });

  it('keeps no failed parse: a bad range reports its problem on every call', () => {
    const { calls, read } = counted();
    const bad: Cell[][] = [['churn', 'bad']];
    expect(() => read(copy(bad), 'assumptions')).toThrow('assumptions: bad cell');
    expect(() => read(copy(bad), 'assumptions')).toThrow('assumptions: bad cell');
    expect(calls).toHaveLength(2);
  });

  it('keeps the eight ranges used last, the most recent first', () => {
    const { calls, read } = counted();
    const tables = Array.from({ length: 9 }, (_, i): Cell[][] => [['k', i]]);
    for (const t of tables.slice(0, 8)) read(copy(t), 'plan');
    read(copy(tables[0]), 'plan'); // used again: now the most recent
    read(copy(tables[8]), 'plan'); // the ninth pushes out the least recent, tables[1]
    expect(calls).toHaveLength(9);
    read(copy(tables[0]), 'plan');
    expect(calls).toHaveLength(9);
    read(copy(tables[1]), 'plan');
    expect(calls).toHaveLength(10);
  });

  it('parses ranges over 4,000 cells, and anything not rows of cells, every time', () => {
    const { calls, read } = counted();
    const big: Cell[][] = Array.from({ length: 1_001 }, (_, i) => ['k', i, 0, 0]);
    read(copy(big), 'assumptions');
    read(copy(big), 'assumptions');
    expect(calls).toHaveLength(2);
    const parseScalar = memoisedParse((raw: Cell) => ({ raw }));
    expect(parseScalar(5, 'plan')).toEqual({ raw: 5 });
  });
});

describe('CEQ.PROJECT on a sheet of cells', () => {
  const project = (assumptions: Cell[][], plan: Cell[][]) => invoke(functionDef('PROJECT'), [assumptions, plan, 5, 1]) as Cell[][];
  const arrAt5 = (rows: Cell[][]) => rows[5][rows[0].indexOf('arr')] as number;
  const compAt5 = (rows: Cell[][]) => rows[5][rows[0].indexOf('comp_cost')] as number;

  it('follows a changed cell at once, and gives the same table the same answer', () => {
    const plan: Cell[][] = [['commissionNew', 0.1]];
    const low = arrAt5(project([['churn', 0.08]], plan));
    const high = arrAt5(project([['churn', 0.2]], plan));
    expect(high).toBeLessThan(low);
    expect(arrAt5(project([['churn', 0.08]], copy(plan)))).toBe(low);
    // A plan projected alone is its own baseline: a richer commission costs more, people respond to changes.
    const cost = compAt5(project([['churn', 0.08]], plan));
    expect(compAt5(project([['churn', 0.08]], [['commissionNew', 0.12]]))).toBeGreaterThan(cost);
  });

  it('reports a bad cell on every call, after a good table was read', () => {
    expect(arrAt5(project([['churn', 0.1]], []))).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) expect(() => project([['churn', 1.5]], [])).toThrow(/churn/);
  });

  it('checks what ties the ranges together for every new pair of ranges, however often the pair before was fine', () => {
    // Each range is valid on its own; a clawback of all commission in the plan projected is not (model.ts run).
    const table: Cell[][] = [['churn', 0.1]];
    for (let i = 0; i < 2; i++) expect(arrAt5(project(copy(table), [['clawback', 0.5]]))).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) expect(() => project(copy(table), [['clawback', 1]])).toThrow(/plan\.clawback/);
    expect(arrAt5(project(copy(table), [['clawback', 0.5]]))).toBeGreaterThan(0);
  });
});

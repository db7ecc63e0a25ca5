import fc from 'fast-check';
import { decodeRects, encodeRects, occupiedRects, PROPERTY_CHUNK, resolveSheetNames, rowChunks } from '../../src/office/sheet-plan';
import type { CellSpec, SheetSpec } from '../../src/workbook';

/** Random sparse sheets: a few hundred cells scattered over a small grid, some in runs. */
const cellsArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 25 })), {
  selector: ([r, c]) => `${r}:${c}`, maxLength: 300,
}).map((xs) => xs.map(([row, col]): CellSpec => ({ row, col, value: `${row}/${col}` })));

const covered = (rects: { r0: number; c0: number; r1: number; c1: number }[]) => {
  const out = new Map<string, number>();
  for (const r of rects) for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) out.set(`${i}:${j}`, (out.get(`${i}:${j}`) ?? 0) + 1);
  return out;
};

describe('the rectangles recorded for clearing exactly our cells', () => {
  it('cover every cell we wrote, exactly once, and no cell we did not write (a user cell in a gap survives)', () => {
    fc.assert(fc.property(cellsArb, (cells) => {
      const cover = covered(occupiedRects(cells));
      expect([...cover.keys()].sort()).toEqual(cells.map((c) => `${c.row}:${c.col}`).sort());
      expect([...cover.values()].every((n) => n === 1)).toBe(true);
    }));
  });

  it('survive the round trip through worksheet custom properties (values of at most 255 characters)', () => {
    fc.assert(fc.property(cellsArb, (cells) => {
      const rects = occupiedRects(cells);
      const chunks = encodeRects(rects);
      expect(chunks.every((c) => c.length <= PROPERTY_CHUNK && PROPERTY_CHUNK < 255)).toBe(true);
      expect(decodeRects(chunks)).toEqual(rects);
    }));
  });

  it('a damaged record clears nothing rather than too much', () => {
    expect(decodeRects(['1.2.3.x;4.5.6.7', ''])).toEqual([{ r0: 4, c0: 5, r1: 6, c1: 7 }]);
    expect(decodeRects(['garbage'])).toEqual([]);
  });
});

describe('row chunks under the payload budget', () => {
  it('hold every cell once, in place, and stay under the budget unless a single row exceeds it', () => {
    fc.assert(fc.property(cellsArb, fc.integer({ min: 200, max: 5000 }), (cells, budget) => {
      const sheet: SheetSpec = {
        key: 'plain', name: 'x', cells, columnWidths: {}, validations: [], charts: [],
        extent: { rows: Math.max(0, ...cells.map((c) => c.row + 1)), cols: Math.max(0, ...cells.map((c) => c.col + 1)) },
      };
      const chunks = rowChunks(sheet, budget);
      const seen = new Map<string, unknown>();
      for (const ch of chunks) {
        ch.formulas.forEach((row, i) => row.forEach((v, j) => {
          if (v !== null) seen.set(`${ch.r0 + i}:${ch.c0 + j}`, v);
        }));
        // The request's text: 5 characters a cell of the block, the content and 6 more for each cell we write.
        const size = ch.formulas.reduce((n, row) => n + row.length * 5 + row.reduce((m: number, v) => m + (v === null ? 0 : String(v).length + 6), 0), 0);
        if (ch.formulas.length > 1) expect(size).toBeLessThanOrEqual(budget);
      }
      expect(seen.size).toBe(cells.length);
      for (const c of cells) expect(seen.get(`${c.row}:${c.col}`)).toBe(c.value);
    }));
  });

  it('keeps text that Excel would read as a formula or a number as text', () => {
    const sheet: SheetSpec = {
      key: 'inputs', name: 'x', cells: [{ row: 0, col: 0, value: '=1+1' }, { row: 0, col: 1, value: '-3' }, { row: 0, col: 2, formula: 'A1' }],
      columnWidths: {}, validations: [], charts: [], extent: { rows: 1, cols: 3 },
    };
    expect(rowChunks(sheet)[0].formulas[0]).toEqual(["'=1+1", "'-3", '=A1']);
  });
});

describe('sheet names', () => {
  const wanted = { inputs: 'CEQ Inputs', plain: 'CEQ Model', live: 'CEQ Live', summary: 'CEQ Summary', comparison: 'CEQ Comparison', uncertainty: 'CEQ Uncertainty' };
  it('reuse our marked sheets whatever they are called now, and never take a name in use (case-insensitively)', () => {
    const existing = [{ name: 'ceq inputs' }, { name: 'Renamed model', mark: 'plain' }, { name: 'CEQ Live (2)' }, { name: 'CEQ Live' }];
    const { names, reuse } = resolveSheetNames(wanted, existing, ['inputs', 'plain', 'live', 'summary']);
    expect(names).toMatchObject({ inputs: 'CEQ Inputs (2)', plain: 'Renamed model', live: 'CEQ Live (3)', summary: 'CEQ Summary' });
    expect([...reuse]).toEqual(['plain']);
  });
});

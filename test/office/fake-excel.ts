// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose package entry pulls
// in ES-module dependencies jest cannot load: map it to the enum's own CommonJS file.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange } from '../../src/workbook';

/**
 * A small in-memory Excel for the adapter tests: the part of the object model src/office uses, with
 * Office's rule that a collection's items can be read only after load() and sync(). Simple loadable
 * objects (the selection, settings) are office-addin-mock OfficeMockObjects.
 */
export interface FakeCell {
  formula?: unknown;
  numberFormat?: unknown;
  style?: Record<string, unknown>;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  props = new Map<string, string>();
  charts: { name: string; type: string; series: string[]; title?: string }[] = [];
  /** Data validation by the range it was set on ("r0:c0:r1:c1"): rule, error alert and prompt. */
  validations = new Map<string, { rule?: unknown; errorAlert?: { message: string; title: string }; prompt?: unknown }>();
  frozen?: string;
  constructor(public name: string) {}
  get(row: number, col: number): unknown {
    return this.cells.get(`${row}:${col}`)?.formula;
  }
  set(row: number, col: number, v: unknown): void {
    this.cells.set(`${row}:${col}`, { ...this.cells.get(`${row}:${col}`), formula: v });
  }
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  names = new Map<string, { ref: string; comment?: string }>();
  /** Excel tables by name: the sheet and A1 range they cover (header row included). */
  tables = new Map<string, { sheet: string; ref: string }>();
  active?: string;
  /** Defined names added and deleted so far (updating one in place counts as neither). */
  namesAdded = 0;
  namesDeleted = 0;
  calculations = 0;
  selection = { values: [[]] as unknown[][], address: 'Sheet1!A1' };
  syncs = 0;
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

/** A collection whose items need load() + sync() before they can be read, as in Office.js. */
class Loadable<T> {
  private state: 'idle' | 'pending' | 'loaded' = 'idle';
  constructor(private readonly source: () => T[], pending: Set<Loadable<unknown>>) {
    this.pendingSet = pending;
  }
  private readonly pendingSet: Set<Loadable<unknown>>;
  load(_what?: string): this {
    this.state = 'pending';
    this.pendingSet.add(this as Loadable<unknown>);
    return this;
  }
  promote(): void {
    if (this.state === 'pending') this.state = 'loaded';
  }
  get items(): T[] {
    if (this.state !== 'loaded') throw new Error('PropertyNotLoaded: call load() and context.sync() before reading items');
    return this.source();
  }
}

function rangeOf(sheet: FakeSheet, r0: number, c0: number, rows: number, cols: number) {
  const each = (fn: (r: number, c: number, i: number, j: number) => void) => {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fn(r0 + i, c0 + j, i, j);
  };
  const style: Record<string, unknown> = {};
  const here = `${r0}:${c0}:${r0 + rows - 1}:${c0 + cols - 1}`;
  const applyStyle = () => each((r, c) => {
    const cell = sheet.cells.get(`${r}:${c}`) ?? {};
    cell.style = { ...cell.style, ...style };
    sheet.cells.set(`${r}:${c}`, cell);
  });
  const styleProxy = (prefix: string) => new Proxy({}, {
    set(_t, key, value) {
      style[`${prefix}${String(key)}`] = value;
      applyStyle();
      return true;
    },
  });
  const write = (m: unknown[][]) => each((r, c, i, j) => {
    if (m[i][j] !== null) sheet.set(r, c, m[i][j]);
  });
  const read = () => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => sheet.get(r0 + i, c0 + j) ?? ''));
  let loaded: unknown[][] | undefined;
  const range = {
    set formulas(m: unknown[][]) {
      write(m);
    },
    /** Read back as they are held (formulas are not evaluated: constants only mean something), as of load(). */
    get values(): unknown[][] {
      return loaded ?? read();
    },
    set values(m: unknown[][]) {
      write(m);
    },
    load(_what?: string) {
      loaded = read();
      return range;
    },
    set numberFormat(m: unknown[][]) {
      each((r, c, i, j) => {
        if (m[i][j] !== null) sheet.cells.set(`${r}:${c}`, { ...sheet.cells.get(`${r}:${c}`), numberFormat: m[i][j] });
      });
    },
    clear() {
      each((r, c) => sheet.cells.delete(`${r}:${c}`));
    },
    dataValidation: {
      load: () => undefined,
      /** The rule of the validation covering this range (Excel reports a rule for any cell inside one). */
      get rule() {
        for (const [key, v] of sheet.validations) {
          const [a, b, c, d] = key.split(':').map(Number);
          if (a <= r0 && c >= r0 + rows - 1 && b <= c0 && d >= c0 + cols - 1) return v.rule;
        }
        return undefined;
      },
      clear() {
        for (const key of [...sheet.validations.keys()]) {
          const [a, b, c, d] = key.split(':').map(Number);
          if (a <= r0 + rows - 1 && c >= r0 && b <= c0 + cols - 1 && d >= c0) sheet.validations.delete(key);
        }
      },
      set rule(v: unknown) {
        sheet.validations.set(here, { ...sheet.validations.get(here), rule: v });
      },
      set errorAlert(v: { message: string; title: string }) {
        sheet.validations.set(here, { ...sheet.validations.get(here), errorAlert: v });
      },
      set prompt(v: unknown) {
        sheet.validations.set(here, { ...sheet.validations.get(here), prompt: v });
      },
    },
    format: {
      font: styleProxy('font.'),
      fill: styleProxy('fill.'),
      set columnWidth(w: number) {
        style.columnWidth = w;
      },
      set wrapText(w: boolean) {
        style.wrap = w;
        applyStyle();
      },
    },
    address: `${sheet.name}!R${r0 + 1}C${c0 + 1}`,
  };
  return range;
}

export function installFakeExcel(book: FakeBook): void {
  const run = async <T>(callback: (context: unknown) => Promise<T>): Promise<T> => {
    const pending = new Set<Loadable<unknown>>();
    const mocks: OfficeMockObject[] = [];
    const mock = (data: Record<string, unknown>) => {
      const m = new OfficeMockObject(data as never);
      mocks.push(m);
      return m;
    };
    const sheetApi = (sheet: FakeSheet) => ({
      get name() {
        return sheet.name;
      },
      customProperties: Object.assign(new Loadable(() => [...sheet.props].map(([key, value]) => ({
        key, value, delete: () => sheet.props.delete(key),
      })), pending), { add: (key: string, value: string) => sheet.props.set(key, value) }),
      charts: Object.assign(new Loadable(() => sheet.charts.map((ch) => ({
        name: ch.name, delete: () => { sheet.charts = sheet.charts.filter((x) => x !== ch); },
      })), pending), {
        add: (type: string) => {
          const ch: FakeSheet['charts'][number] = { name: '', type, series: [] };
          sheet.charts.push(ch);
          const series = (name: string) => ({
            set name(n: string) { ch.series[0] = n; },
            setXAxisValues: () => undefined, setValues: () => undefined, n: name,
          });
          return {
            set name(n: string) { ch.name = n; },
            title: { set text(t: string) { ch.title = t; } },
            series: { getItemAt: () => series(''), add: (n: string) => { ch.series.push(n); return series(n); } },
            setPosition: () => undefined,
          };
        },
      }),
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => rangeOf(sheet, r, c, rows, cols),
      getRange: (address: string) => {
        const b = parseRange(address);
        return rangeOf(sheet, b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1);
      },
      freezePanes: { unfreeze: () => { sheet.frozen = undefined; }, freezeAt: () => { sheet.frozen = 'yes'; } },
      activate: () => { book.active = sheet.name; },
    });
    const worksheets = Object.assign(new Loadable(() => book.sheets.map(sheetApi), pending), {
      getItem: (name: string) => {
        const s = book.sheet(name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return sheetApi(s);
      },
      add: (name: string) => {
        if (book.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        const s = new FakeSheet(name);
        book.sheets.push(s);
        return sheetApi(s);
      },
    });
    const names = Object.assign(new Loadable(() => [...book.names.keys()].map((name) => ({
      name,
      delete: () => { book.namesDeleted++; book.names.delete(name); },
      set formula(ref: string) { book.names.set(name, { ...book.names.get(name)!, ref }); },
      set comment(comment: string) { book.names.set(name, { ...book.names.get(name)!, comment }); },
    })), pending), {
      add: (name: string, ref: string, comment?: string) => {
        if (book.names.has(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        if (!book.sheet(/^=?'?(.*?)'?!/.exec(ref)![1].replace(/''/g, "'"))) throw new Error(`InvalidReference: ${ref}`);
        book.names.set(name, { ref, comment });
        book.namesAdded++;
      },
      getItem: (name: string) => ({ getRange: () => mock({ values: namedValues(book, name), address: book.names.get(name)?.ref ?? '' }) }),
    });
    const tables = {
      getItem: (name: string) => ({
        getRange: () => {
          const t = book.tables.get(name);
          if (!t) throw new Error(`ItemNotFound: ${name}`);
          return mock({ values: rangeValues(book.sheet(t.sheet)!, t.ref), address: `${t.sheet}!${t.ref}` });
        },
      }),
    };
    const context = {
      application: { calculate: () => { book.calculations++; } },
      workbook: {
        worksheets,
        names,
        tables,
        getSelectedRange: () => mock({ values: book.selection.values, address: book.selection.address }),
      },
      sync: async () => {
        book.syncs++;
        for (const l of pending) l.promote();
        pending.clear();
        for (const m of mocks) await m.sync();
      },
    };
    return callback(context);
  };
  (globalThis as unknown as { Excel: unknown }).Excel = { run, CalculationType: { full: 'Full' } };
}

/** Values of a defined name's range, from the fake sheet (formulas are not evaluated: constants only). */
function namedValues(book: FakeBook, name: string): unknown[][] {
  const ref = book.names.get(name)?.ref;
  if (!ref) throw new Error(`ItemNotFound: ${name}`);
  const m = /^=?'?(.*?)'?!(.+)$/.exec(ref)!;
  return rangeValues(book.sheet(m[1].replace(/''/g, "'"))!, m[2]);
}

function rangeValues(sheet: FakeSheet, a1: string): unknown[][] {
  const b = parseRange(a1);
  const out: unknown[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: unknown[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(sheet.get(r, c) ?? '');
    out.push(row);
  }
  return out;
}

/**
 * Office.context.document.settings as an office-addin-mock object. As in Office, `set` changes the
 * add-in's working copy and only `saveAsync` writes it into the document (as JSON); `reopen()` gives
 * the settings a later session sees after closing and reopening the workbook, and `failSaves` makes
 * saveAsync report failure (a read-only or co-authored document).
 */
export function mockSettings(initial: Record<string, unknown> = {}) {
  const store = new Map<string, unknown>(Object.entries(initial));
  let document = JSON.stringify(Object.fromEntries(store));
  let saves = 0;
  const control = { failSaves: false };
  const settings = new OfficeMockObject({
    get: (name: string) => (store.has(name) ? structuredClone(store.get(name)) : null),
    set: (name: string, value: unknown) => { store.set(name, structuredClone(value)); },
    remove: (name: string) => { store.delete(name); },
    saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => {
      if (control.failSaves) {
        cb?.({ status: 'failed', error: { message: 'the document is read-only' } });
        return;
      }
      saves++;
      document = JSON.stringify(Object.fromEntries(store));
      cb?.({ status: 'succeeded' });
    },
  });
  return {
    settings, store, control,
    saves: () => saves,
    /** What the document holds: the settings as they were at the last successful save. */
    persisted: () => JSON.parse(document) as Record<string, unknown>,
    reopen: () => mockSettings(JSON.parse(document) as Record<string, unknown>),
  };
}

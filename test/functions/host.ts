/**
 * A stand-in for Excel's custom-functions host, for tests and the benchmark:
 * - `loadBundle` runs the BUILT dist/functions.js in a Node vm sandbox whose CustomFunctions records
 *   every `associate` call and provides Error/ErrorCode, as Excel's runtime does;
 * - `sheetWith` registers those functions in HyperFormula (GPL, tests only) as plugin functions, with
 *   a result-size method so arrays spill, and evaluates sheets of formulas that reference cells,
 *   ranges and spills.
 * HyperFormula predicts a spill's size when a formula is entered, so `set` formulas after the cells
 * they read (as a user types them); the size method runs the function on the values present then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
  type RawCellContent, type SimpleCellAddress,
} from 'hyperformula';
import { FUNCTION_NAMESPACE } from '../../src/functions/excel-names';

export const DIST = resolve(__dirname, '../../', process.env.CEQ_DIST ?? 'dist');

/** Skips a suite with a clear reason when the bundle has not been built. */
export function distMissing(...files: string[]): string | undefined {
  const missing = files.filter((f) => !existsSync(resolve(DIST, f)));
  return missing.length ? `${missing.join(', ')} missing in ${DIST}: run npm run build first` : undefined;
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
  nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
} as const;

/** Excel's CustomFunctions.Error as the runtime defines it: a code and an optional message. */
export class HostError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
  }
}

type Fn = (...args: unknown[]) => unknown;

export interface Bundle {
  functions: Map<string, Fn>;
  /** How many times each id was associated (the plugin's loader and index.ts may both try). */
  associateCalls: Map<string, number>;
  sandbox: vm.Context;
}

export interface BundleOptions {
  /** Office.context.displayLanguage inside the sandbox (undefined: no Office at all). */
  displayLanguage?: string;
  /** Leave CustomFunctions undefined, as in a browser preview. */
  withoutRuntime?: boolean;
  globals?: Record<string, unknown>;
  /**
   * Where the bundle runs: a vm sandbox (the default: each test gets its own globals) or this script's
   * own context, as Excel runs it (an ordinary script in its runtime). A vm context looks up every
   * global (Math, Number, Array…) through the sandbox object first, which Excel's runtime does not, so
   * the benchmark times the bundle here ('this'); the globals are then set on this globalThis.
   */
  realm?: 'sandbox' | 'this';
}

export function loadBundle(options: BundleOptions = {}, file = resolve(DIST, 'functions.js')): Bundle {
  const functions = new Map<string, Fn>();
  const associateCalls = new Map<string, number>();
  const sandbox: Record<string, unknown> = { console, ...options.globals };
  if (!options.withoutRuntime) {
    sandbox.CustomFunctions = {
      associate(id: string, fn: Fn) {
        functions.set(id, fn);
        associateCalls.set(id, (associateCalls.get(id) ?? 0) + 1);
      },
      Error: HostError,
      ErrorCode: ERROR_CODES,
    };
  }
  if (options.displayLanguage) sandbox.Office = { context: { displayLanguage: options.displayLanguage } };
  if (options.realm === 'this') {
    Object.assign(globalThis, sandbox);
    vm.runInThisContext(readFileSync(file, 'utf8'), { filename: file });
    return { functions, associateCalls, sandbox: globalThis as unknown as vm.Context };
  }
  const context = vm.createContext(sandbox);
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  return { functions, associateCalls, sandbox: context };
}

/** Calls a registered function as Excel does; returns its value or the error it threw. */
export function callFunction(bundle: Bundle, id: string, ...args: unknown[]): unknown {
  const fn = bundle.functions.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  try {
    return fn(...args);
  } catch (e) {
    return e;
  }
}

/** "#VALUE! message" of a call that must fail: a result that is not a CustomFunctions error fails the test. */
export function errorMessageOf(bundle: Bundle, id: string, ...args: unknown[]): string {
  const r = callFunction(bundle, id, ...args);
  if (!(r instanceof HostError)) throw new Error(`${id} returned ${JSON.stringify(r)}`);
  return `${r.code} ${r.message}`;
}

export interface ParameterMeta {
  name: string;
  optional?: boolean;
  dimensionality?: 'matrix' | 'scalar';
}
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMeta[];
  result: { dimensionality?: 'matrix' | 'scalar'; type?: string };
  options?: Record<string, boolean>;
}

export function readMetadata(file = 'functions.json'): { functions: FunctionMeta[] } {
  return JSON.parse(readFileSync(resolve(DIST, file), 'utf8'));
}

/** A HyperFormula cell value → what Excel would pass to a custom function. */
function toExcelCell(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return v;
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val; // HF's rich numbers
  return v;
}

function fromResultCell(v: unknown): unknown {
  if (v instanceof HostError) return new CellError(v.code === '#N/A' ? ErrorType.NA : ErrorType.VALUE, v.message);
  return v;
}

/** A HyperFormula plugin class whose functions are the bundle's, typed by functions.json. */
export function pluginFor(bundle: Bundle, metadata: { functions: FunctionMeta[] }) {
  class CeqPlugin extends FunctionPlugin {
    static override implementedFunctions: Record<string, { method: string; sizeOfResultArrayMethod: string; parameters: { argumentType: FunctionArgumentType; optionalArg: boolean }[]; vectorizationForbidden: boolean }> = {};

    /** Evaluates the arguments and calls the bundle's function; a CellError in an argument propagates, as in Excel. */
    call(meta: FunctionMeta, ast: { args: { type: string }[] }, state: unknown): unknown {
      const args: unknown[] = [];
      for (let i = 0; i < ast.args.length; i++) {
        const node = ast.args[i];
        const matrix = meta.parameters[i]?.dimensionality === 'matrix';
        if (node.type === 'EMPTY') {
          args.push(null);
          continue;
        }
        const value = this.evaluateAst(node as never, state as never);
        if (value instanceof SimpleRangeValue) {
          const grid = value.rawData().map((row) => row.map(toExcelCell));
          for (const row of grid) for (const c of row) if (c instanceof CellError) return c;
          args.push(matrix || grid.length * (grid[0]?.length ?? 0) !== 1 ? grid : grid[0][0]);
        } else {
          const cell = toExcelCell(value);
          if (cell instanceof CellError) return cell;
          args.push(matrix ? [[cell]] : cell);
        }
      }
      const result = callFunction(bundle, meta.id, ...args);
      if (result instanceof HostError) return fromResultCell(result);
      if (result instanceof Error) return new CellError(ErrorType.ERROR, `host: ${result.message}`);
      if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map(fromResultCell)) as never);
      return result;
    }

    size(meta: FunctionMeta, ast: { args: { type: string }[] }, state: unknown): ArraySize {
      if (meta.result.dimensionality !== 'matrix') return ArraySize.scalar();
      const value = this.call(meta, ast, state);
      if (value instanceof SimpleRangeValue) return new ArraySize(value.width(), value.height());
      return ArraySize.scalar();
    }
  }
  const translations: Record<string, string> = {};
  for (const meta of metadata.functions) {
    const method = `ceq_${meta.id.replace(/\./g, '_')}`;
    // Excel's name for it: namespace + "." + metadata name (`CEQ.PROJECT`), so sheets type what users type.
    const excelName = `${FUNCTION_NAMESPACE}.${meta.name}`;
    CeqPlugin.implementedFunctions[excelName] = {
      method,
      sizeOfResultArrayMethod: `${method}_size`,
      parameters: meta.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: !!p.optional })),
      vectorizationForbidden: true,
    };
    const proto = CeqPlugin.prototype as unknown as Record<string, unknown>;
    proto[method] = function (this: CeqPlugin, ast: never, state: never) {
      return this.call(meta, ast, state);
    };
    proto[`${method}_size`] = function (this: CeqPlugin, ast: never, state: never) {
      return this.size(meta, ast, state);
    };
    translations[excelName] = excelName;
  }
  return { plugin: CeqPlugin, translations };
}

export interface Sheet {
  hf: HyperFormula;
  /** Enters a value or a formula ("=…") at an A1 address. */
  set(a1: string, content: RawCellContent): void;
  /** Enters a block of values with its top-left corner at an A1 address. */
  setBlock(a1: string, rows: RawCellContent[][]): void;
  get(a1: string): unknown;
  /** The values of an A1 range, row by row. */
  range(a1: string): unknown[][];
}

export function address(a1: string): SimpleCellAddress {
  const m = /^([A-Z]+)(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: 0, row: Number(m[2]) - 1, col: col - 1 };
}

/** HyperFormula registers plugins globally: one bundle's functions at a time. */
let registered: { bundle: Bundle; plugin: unknown } | undefined;

/** One sheet whose formulas can call the bundle's functions. */
export function sheetWith(bundle: Bundle, metadata = readMetadata()): Sheet {
  if (registered?.bundle !== bundle) {
    if (registered) HyperFormula.unregisterFunctionPlugin(registered.plugin as never);
    const { plugin, translations } = pluginFor(bundle, metadata);
    HyperFormula.registerFunctionPlugin(plugin as never, { enGB: translations });
    registered = { bundle, plugin };
  }
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
  hf.addSheet('Sheet1');
  return {
    hf,
    set: (a1, content) => void hf.setCellContents(address(a1), [[content]]),
    setBlock: (a1, rows) => void hf.setCellContents(address(a1), rows),
    get: (a1) => hf.getCellValue(address(a1)),
    range: (a1) => {
      const [from, to] = a1.split(':').map(address);
      return hf.getRangeValues({ start: from, end: to ?? from });
    },
  };
}

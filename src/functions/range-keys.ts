/**
 * Looking keys up while reading ranges (ranges.ts), made cheap because Excel recalculates whole
 * sheets of cells that read the same ranges: catalogue keys by their text (memoised), quota keys,
 * fresh records of defaults, and the "key given twice" check.
 */
import { CATALOGUE, defaultsOf, ModelError, type AssumptionSpec, type Problem, quotaKeys, type QuotaKey } from '../engine';

export function fail(problem: Problem): never {
  throw new ModelError('invalid', [problem]);
}

const MAX_MEMO = 2000;
const normalOf = new Map<string, string>();
/**
 * A key or header text compared loosely: lower case, without spaces, "_", "-" and ".". Memoised (the
 * same header words and keys come back with every cell of a sheet); the memo is bounded.
 */
export function normal(text: string): string {
  let n = normalOf.get(text);
  if (n === undefined) {
    n = text.toLowerCase().replace(/[\s_\-.]/g, '');
    if (normalOf.size >= MAX_MEMO) normalOf.clear();
    normalOf.set(text, n);
  }
  return n;
}

let keyIndex: Map<string, AssumptionSpec> | undefined;
/**
 * Key texts already looked up, exactly as typed (null: not a catalogue key). A sheet of cells reads
 * the same few dozen key texts again and again, so each is normalised once; the memo is bounded.
 */
const specOfText = new Map<string, AssumptionSpec | null>();
/** Built on first use, not at load (functions must start fast). */
export function specByKey(text: string): AssumptionSpec | undefined {
  const known = specOfText.get(text);
  if (known !== undefined) return known ?? undefined;
  keyIndex ??= new Map(CATALOGUE.map((s) => [normal(s.key), s as AssumptionSpec]));
  const spec = keyIndex.get(normal(text));
  if (specOfText.size >= MAX_MEMO) specOfText.clear();
  specOfText.set(text, spec ?? null);
  return spec;
}

type ValueScope = 'scenario' | 'behaviour' | 'segment' | 'plan';
let defaultRecords: Record<ValueScope, Record<string, number>> | undefined;
/**
 * A fresh record of a scope's defaults, spread from one kept per scope: a spread copies the kept
 * record's fast layout, while a record filled key by key (forty-odd behaviour keys) stays a slow
 * dictionary that every read of the projection then pays for (the cell measured 16.5 µs with it).
 */
export function defaultsCopy(scope: ValueScope): Record<string, number> {
  defaultRecords ??= {
    scenario: defaultsOf('scenario'), behaviour: defaultsOf('behaviour'), segment: defaultsOf('segment'), plan: defaultsOf('plan'),
  };
  return { ...defaultRecords[scope] };
}

let quotaIndex: Map<string, QuotaKey> | undefined;
/** A quota key (ae.newArr.quota) from its text, spelled loosely like any key (AE.new_arr.Quota). */
export function quotaKeyOf(text: string): QuotaKey | undefined {
  quotaIndex ??= new Map(quotaKeys().map((k) => [normal(k.name), k]));
  return quotaIndex.get(normal(text));
}

let catalogueIndex: Map<AssumptionSpec, number> | undefined;
/** Per catalogue position: the parse (generation) that last saw the key, and in which row. */
let seenIn: Int32Array | undefined;
let seenRow: Int32Array | undefined;
let generation = 0;

/**
 * Which row of a range each key came from, to refuse a key given twice. Catalogue keys are marked in
 * two arrays shared by every parse, stamped with the parse's generation, so a sheet of cells
 * allocates nothing for it; quota keys (rare) go by name. Parses never nest, so one generation is
 * live at a time.
 */
export class SeenKeys {
  private readonly generation: number;
  private quota?: Map<string, number>;

  constructor() {
    if (!seenIn || generation === 0x7fffffff) [seenIn, seenRow, generation] = [new Int32Array(CATALOGUE.length), new Int32Array(CATALOGUE.length), 0];
    this.generation = ++generation;
  }

  add(spec: AssumptionSpec, row: number): void {
    catalogueIndex ??= new Map(CATALOGUE.map((s, i) => [s as AssumptionSpec, i]));
    const i = catalogueIndex.get(spec)!;
    if (seenIn![i] === this.generation) twice(spec.key, seenRow![i], row);
    seenIn![i] = this.generation;
    seenRow![i] = row;
  }

  addQuota(name: string, row: number): void {
    this.quota ??= new Map();
    const before = this.quota.get(name);
    if (before !== undefined) twice(name, before, row);
    this.quota.set(name, row);
  }
}

function twice(key: string, first: number, second: number): never {
  fail({ code: 'inconsistent', key, detail: 'keyTwice', args: { first, second } });
}

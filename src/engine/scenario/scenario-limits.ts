import { findSpec } from '../model';
import type { Problem } from '../text';
import { findQuotaKey, isQuotaKeyName } from '../quota';

/**
 * How large a stored scenario may be, checked before any of it is read: a file, a saved scenario or a
 * pasted text that is deeper, wider or longer than any scenario the add-in can write is refused with one
 * problem naming the limit, in time proportional to the limit, not to the input (5,000-deep nesting,
 * 20,000 segments and 5,000 unknown keys are all refused this way).
 */
export const SCENARIO_LIMITS = {
  /** Segments of one scenario (the custom functions take at most 50 columns too). */
  segments: 50,
  /** Proposed plans (the task pane offers at most 4). */
  plans: 10,
  /** Keys of one object (a plan with every quota key of every role has about 121). */
  keys: 200,
  /** Characters of one text (names, descriptions). */
  chars: 1000,
  /** Characters of one key (the longest catalogue or quota key has about 30). */
  keyChars: 100,
  /** Keys no catalogue row or quota key knows, in the whole file: each costs a "did you mean" search. */
  unknownKeys: 20,
  /** Values (numbers, texts, objects, lists) in the whole file: about 2,500 in the largest valid scenario. */
  values: 5000,
  /** Nesting: the file, segments, one segment, its values, a value is 4 levels. */
  depth: 8,
} as const;

const isObject = (x: unknown): x is object => x !== null && typeof x === 'object';

/** The first limit the input breaks, as a tooLarge problem, or undefined. Never recurses. */
export function limitProblem(json: unknown): Problem | undefined {
  const L = SCENARIO_LIMITS;
  if (isObject(json) && !Array.isArray(json)) {
    const { segments, proposed } = json as { segments?: unknown; proposed?: unknown };
    if (Array.isArray(segments) && segments.length > L.segments) {
      return { code: 'tooLarge', key: 'segments', value: segments.length, max: L.segments, detail: 'segments' };
    }
    if (Array.isArray(proposed) && proposed.length > L.plans) {
      return { code: 'tooLarge', key: 'proposed', value: proposed.length, max: L.plans, detail: 'plans' };
    }
  }
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: json, path: 'scenario', depth: 0 }];
  let seen = 0;
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (++seen > L.values) return { code: 'tooLarge', key: 'scenario', value: `> ${L.values}`, max: L.values, detail: 'values' };
    if (typeof value === 'string' && value.length > L.chars) return { code: 'tooLarge', key: path, value: value.length, max: L.chars, detail: 'characters' };
    if (!isObject(value)) continue;
    if (depth >= L.depth) return { code: 'tooLarge', key: path, value: `> ${L.depth}`, max: L.depth, detail: 'levels' };
    if (Array.isArray(value)) {
      if (value.length > L.values) return { code: 'tooLarge', key: path, value: value.length, max: L.values, detail: 'values' };
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > L.keys) return { code: 'tooLarge', key: path, value: keys.length, max: L.keys, detail: 'keys' };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = path === 'scenario' ? key : `${path}.${key.length > 40 ? `${key.slice(0, 40)}…` : key}`;
      if (key.length > L.keyChars) return { code: 'tooLarge', key: child, value: key.length, max: L.keyChars, detail: 'characters' };
      stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return unknownKeysProblem(json);
}

const isRecord = (x: unknown): x is Record<string, unknown> => isObject(x) && !Array.isArray(x);

/** More unknown keys than SCENARIO_LIMITS.unknownKeys is one problem, not one "did you mean" per key. */
function unknownKeysProblem(json: unknown): Problem | undefined {
  if (!isRecord(json)) return undefined;
  const records: unknown[] = [json.settings, json.behaviour];
  const valuesOf = (x: unknown) => (isRecord(x) ? x.values : undefined);
  if (Array.isArray(json.segments)) records.push(...json.segments.map(valuesOf));
  records.push(valuesOf(json.baseline));
  if (Array.isArray(json.proposed)) records.push(...json.proposed.map(valuesOf));
  let unknown = 0;
  for (const r of records) {
    if (!isRecord(r)) continue;
    for (const key of Object.keys(r)) if (!findSpec(key) && !(isQuotaKeyName(key) && findQuotaKey(key))) unknown++;
  }
  const max = SCENARIO_LIMITS.unknownKeys;
  return unknown > max ? { code: 'tooLarge', key: 'scenario', value: unknown, max, detail: 'unknownKeys' } : undefined;
}

/**
 * Reading the stored items of the saved-scenarios list one by one, so that damage stays with the entry
 * it is in: an item that is not an object, has a name that is not a text or a scenario that is not an
 * object is listed as corrupt (its payload kept as it is), and every other item stays listed and
 * loadable. Ids are made unique here: an item without an id, or repeating an earlier item's id, gets
 * the next free `sN` (deterministically, so every read of the same data gives the same ids), and the
 * reader says how many it re-keyed. Nothing here touches Office.
 */
import type { ScenarioJson } from '../engine';

/** A stored item as this version writes it (a corrupt one may hold anything besides its id). */
export interface StoredItem {
  id: string;
  name: string;
  savedAt: string;
  scenario: ScenarioJson;
}

/** One item as read: `raw` is what is written back for it (its payload, with the id it is listed under). */
export interface ReadItem {
  id: string;
  raw: Record<string, unknown>;
  /** The item's name when it has one that is a text, else ''. */
  name: string;
  savedAt: string;
  /** Undefined for a corrupt item. */
  scenario?: ScenarioJson;
  /** Why the item is corrupt (an id of CORRUPT_WHY), when it is. */
  corrupt?: CorruptWhy;
}

export type CorruptWhy = 'notAnObject' | 'name' | 'scenario';

/** A stored value that is not an object is kept under this field of an object that carries its id. */
export const DAMAGED_FIELD = 'damaged';

const isPlainObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The item's own id when it is a usable one (a non-empty text); inherited fields never count. */
function ownId(x: unknown): string | undefined {
  if (!isPlainObject(x) || !hasOwn(x, 'id')) return undefined;
  return typeof x.id === 'string' && x.id !== '' ? x.id : undefined;
}

function field(o: Record<string, unknown>, key: string): unknown {
  return hasOwn(o, key) ? o[key] : undefined;
}

export function readItems(rawItems: readonly unknown[]): { items: ReadItem[]; rekeyed: number } {
  const taken = new Set<string>();
  for (const x of rawItems) {
    const id = ownId(x);
    if (id !== undefined) taken.add(id);
  }
  const used = new Set<string>();
  let next = 1;
  const freshId = () => {
    while (taken.has(`s${next}`)) next++;
    const id = `s${next}`;
    taken.add(id);
    return id;
  };
  let rekeyed = 0;
  const items = rawItems.map((x): ReadItem => {
    let id = ownId(x);
    if (id === undefined || used.has(id)) {
      id = freshId();
      rekeyed++;
    }
    used.add(id);
    if (!isPlainObject(x)) return { id, raw: { id, [DAMAGED_FIELD]: x }, name: '', savedAt: '', corrupt: 'notAnObject' };
    const raw = { ...x, id };
    const name = field(x, 'name');
    const savedAt = field(x, 'savedAt');
    const scenario = field(x, 'scenario');
    const base = { id, raw, name: typeof name === 'string' ? name : '', savedAt: typeof savedAt === 'string' ? savedAt : '' };
    if (typeof name !== 'string') return { ...base, corrupt: hasOwn(x, DAMAGED_FIELD) ? 'notAnObject' : 'name' };
    if (!isPlainObject(scenario)) return { ...base, corrupt: 'scenario' };
    return { ...base, scenario: scenario as ScenarioJson };
  });
  return { items, rekeyed };
}

/** The first free id `sN` among the given items. */
export function newId(items: readonly { id: string }[]): string {
  const taken = new Set(items.map((i) => i.id));
  let n = items.length + 1;
  while (taken.has(`s${n}`)) n++;
  return `s${n}`;
}

/** What the pane says about a corrupt item, by why it is corrupt. */
export const CORRUPT_WHY: Record<CorruptWhy, { en: string; es: string }> = {
  notAnObject: { en: 'this entry cannot be read (it is not a saved scenario); it is kept as it is and can only be deleted',
    es: 'esta entrada no se puede leer (no es un escenario guardado); se conserva tal cual y solo se puede eliminar' },
  name: { en: 'this entry has no readable name; it is kept as it is and can only be deleted',
    es: 'esta entrada no tiene un nombre legible; se conserva tal cual y solo se puede eliminar' },
  scenario: { en: 'this entry holds no readable scenario; it is kept as it is and can only be deleted',
    es: 'esta entrada no contiene un escenario legible; se conserva tal cual y solo se puede eliminar' },
};

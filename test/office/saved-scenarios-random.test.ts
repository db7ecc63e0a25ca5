import fc from 'fast-check';
import { defaultScenario, scenarioToJson, type Scenario } from '../../src/engine';
import { SavedScenarios, STORE_KEY, type SettingsPort } from '../../src/office/saved-scenarios';
import { scenarioArbitrary } from '../engine/arbitraries';
import { mockSettings } from './fake-excel';

/**
 * Issue 12: random save / replace / rename / duplicate / delete / failed-save / reopen / back-up /
 * restore steps, mixed with damage done to the stored data behind the store's back. After every step
 * every valid scenario the model expects is listed under its id, in order, and loads exactly as saved;
 * no other entry is listed as valid (nothing is silently replaced or made up).
 */
const RUNS = Number(process.env.STORE_RUNS ?? 50);
const STEPS = 200;

type Step =
  | { kind: 'save'; scenario: Scenario }
  | { kind: 'saveInvalid'; pick: number; replace: boolean }
  | { kind: 'replace'; pick: number; scenario: Scenario }
  | { kind: 'rename' | 'duplicate' | 'remove' | 'removeAny' | 'failedChange'; pick: number }
  | { kind: 'damage'; pick: number; other: number; how: Damage }
  | { kind: 'reopen' | 'backup' | 'restore' };

const DAMAGES = ['name42', 'dropId', 'scenarioNull', 'schemaVersionObject', 'repeatId', 'junkItem', 'replaceWithNumber'] as const;
type Damage = typeof DAMAGES[number];

const pick = fc.nat({ max: 1000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: scenarioArbitrary().map((scenario): Step => ({ kind: 'save', scenario })) },
  { weight: 2, arbitrary: fc.record({ pick, replace: fc.boolean() }).map((x): Step => ({ kind: 'saveInvalid', ...x })) },
  { weight: 2, arbitrary: fc.record({ pick, scenario: scenarioArbitrary() }).map((x): Step => ({ kind: 'replace', ...x })) },
  ...(['rename', 'duplicate', 'remove', 'removeAny', 'failedChange'] as const).map((kind) => ({ weight: kind === 'remove' ? 4 : 2, arbitrary: pick.map((p): Step => ({ kind, pick: p })) })),
  { weight: 3, arbitrary: fc.record({ pick, other: pick, how: fc.constantFrom(...DAMAGES) }).map((x): Step => ({ kind: 'damage', ...x })) },
  ...(['reopen', 'backup', 'restore'] as const).map((kind) => ({ weight: 1, arbitrary: fc.constant<Step>({ kind }) })),
);

interface Expected { id: string; json: string }

const jsonOf = (s: Scenario) => JSON.stringify(scenarioToJson(s));

function invalidScenario(): Scenario {
  const s = defaultScenario();
  s.segments[0].values.churn = 3;
  return s;
}

test(`${RUNS * STEPS} random steps never lose or silently replace a valid saved scenario`, async () => {
  const counts: Record<string, number> = {};
  const count = (what: string) => { counts[what] = (counts[what] ?? 0) + 1; };
  let maxEntries = 0;
  let serial = 0;
  await fc.assert(fc.asyncProperty(fc.array(step, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
    let m = mockSettings();
    let store = new SavedScenarios(m.settings as unknown as SettingsPort);
    let model: Expected[] = [];
    /** What each backup held, by key: the valid entries the model expected when it was made. */
    const shelf = new Map<string, Expected[]>();
    const rawItems = () => (m.store.get(STORE_KEY) as { items: Record<string, unknown>[] } | undefined)?.items ?? [];
    const check = () => {
      const state = store.list();
      const valid = state.entries.filter((e) => e.status === 'valid');
      expect(valid.map((e) => e.id)).toEqual(model.map((x) => x.id));
      expect(new Set(state.entries.map((e) => e.id)).size).toBe(state.entries.length);
      for (const x of model) expect(jsonOf(store.load(x.id))).toBe(x.json);
      maxEntries = Math.max(maxEntries, state.entries.length);
      count(`sightings of corrupt or invalid entries`);
      counts['sightings of corrupt or invalid entries'] += state.entries.length - valid.length - 1;
    };
    for (const [n, s] of steps.entries()) {
      try {
        await run(s);
      } catch (e) {
        throw new Error(`step ${n} (${s.kind === 'damage' ? s.how : s.kind}; earlier: ${steps.slice(Math.max(0, n - 6), n).map((x) => (x.kind === 'damage' ? x.how : x.kind)).join(', ')}): ${(e as Error).message}`);
      }
    }
    async function run(s: Step) {
      const at = (p: number) => model[p % model.length];
      count(s.kind === 'damage' ? `damage: ${s.how}` : s.kind);
      switch (s.kind) {
        case 'save': {
          const named = { ...s.scenario, name: `Scenario ${++serial}` };
          const e = await store.save(named.name, named);
          model.push({ id: e.id, json: jsonOf(named) });
          break;
        }
        case 'saveInvalid': {
          const target = s.replace && model.length ? at(s.pick).id : undefined;
          await expect(store.save('Bad', invalidScenario(), target)).rejects.toMatchObject({ reason: 'invalid' });
          break;
        }
        case 'replace': {
          if (!model.length) break;
          const x = at(s.pick);
          const named = { ...s.scenario, name: `Scenario ${++serial}` };
          await store.save(named.name, named, x.id);
          x.json = jsonOf(named);
          break;
        }
        case 'rename': {
          if (!model.length) break;
          const x = at(s.pick);
          const name = `Renamed ${++serial}`;
          await store.rename(x.id, name);
          x.json = JSON.stringify({ ...JSON.parse(x.json), name });
          break;
        }
        case 'duplicate': {
          if (!model.length) break;
          const x = at(s.pick);
          const e = await store.duplicate(x.id, `Copy ${++serial}`);
          model.push({ id: e.id, json: JSON.stringify({ ...JSON.parse(x.json), name: `Copy ${serial}` }) });
          break;
        }
        case 'remove': {
          if (!model.length) break;
          const x = at(s.pick);
          await store.remove(x.id);
          model = model.filter((y) => y !== x);
          break;
        }
        case 'removeAny': { // deletes whatever is listed there, corrupt entries included
          const entries = store.list().entries;
          if (!entries.length) break;
          const id = entries[s.pick % entries.length].id;
          await store.remove(id);
          model = model.filter((y) => y.id !== id);
          break;
        }
        case 'failedChange': {
          m.control.failSaves = true;
          const x = model.length ? at(s.pick) : undefined;
          await expect(x ? store.rename(x.id, 'Never') : store.save('Never', defaultScenario())).rejects.toMatchObject({ reason: 'saveFailed' });
          m.control.failSaves = false;
          break;
        }
        case 'damage': {
          const items = rawItems();
          if (!items.length) break;
          const j = s.pick % items.length;
          const k = s.other % items.length;
          if (s.how === 'repeatId' && k === j) break;
          // Listed ids, not raw ones: an id repeated or missing in the document is listed under a new one.
          const listedBefore = store.list().entries.map((e) => e.id);
          const victim = model.find((x) => x.id === listedBefore[j]);
          if (victim && s.how !== 'junkItem' && s.how !== 'dropId' && s.how !== 'repeatId') model = model.filter((x) => x !== victim);
          if (s.how === 'name42') items[j] = { ...items[j], name: 42 };
          if (s.how === 'scenarioNull') items[j] = { ...items[j], scenario: null };
          if (s.how === 'replaceWithNumber') (items as unknown[])[j] = 42;
          if (s.how === 'schemaVersionObject') items[j] = { ...items[j], scenario: { ...(items[j].scenario as object), schemaVersion: { toString: 1 } } };
          if (s.how === 'junkItem') items.splice(j, 0, { hello: 'world' } as never);
          if (s.how === 'dropId') delete items[j].id;
          if (s.how === 'repeatId') items[j] = { ...items[j], id: items[k].id };
          m.store.set(STORE_KEY, { schemaVersion: 1, items });
          m.settings.saveAsync(); // the damaged workbook is saved, so it outlives a reopen
          // Every other entry keeps its scenario and its place. One whose id the damage took away or
          // made a repeat (or that had none yet in the document) may be listed under a new id: then the
          // store says it re-keyed. check() then loads every expected scenario under its listed id.
          const state = store.list();
          const listedAfter = state.entries.map((e) => e.id);
          const placeAfter = (p: number) => (s.how === 'junkItem' && p >= j ? p + 1 : p);
          const moves = model.map((x) => listedAfter[placeAfter(listedBefore.indexOf(x.id))]);
          if (model.some((x, i) => x.id !== moves[i])) {
            expect(state.notice).toMatch(/given a new one/);
            count('valid entries re-keyed');
          }
          model.forEach((x, i) => { x.id = moves[i]; });
          break;
        }
        case 'reopen':
          m = m.reopen();
          store = new SavedScenarios(m.settings as unknown as SettingsPort);
          break;
        case 'backup': {
          const key = await store.backupAndReset();
          shelf.set(key, model);
          model = [];
          break;
        }
        case 'restore': {
          const [latest] = store.backups();
          if (!latest) break;
          const before = new Set(store.backups().map((b) => b.key));
          await store.restoreBackup(latest.key);
          const kept = store.backups().find((b) => !before.has(b.key));
          if (kept) shelf.set(kept.key, model);
          model = shelf.get(latest.key)!;
          // Entries damaged while shelved stay out of the model; ids are what a fresh read gives.
          const listed = new Set(store.list().entries.filter((e) => e.status === 'valid').map((e) => e.id));
          expect(model.every((x) => listed.has(x.id))).toBe(true);
          break;
        }
      }
      check();
    }
  }), { numRuns: RUNS, endOnFailure: true }); // shrinking 200-step runs of whole scenarios takes minutes: the failing run is replayed by its seed
  const total = Object.entries(counts).filter(([k]) => k !== 'sightings of corrupt or invalid entries' && k !== 'valid entries re-keyed').reduce((a, [, v]) => a + v, 0);
  expect(total).toBeGreaterThanOrEqual(10_000);
  console.log(`saved-scenarios random steps: ${total} steps in ${RUNS} runs; at most ${maxEntries} entries at once; `
    + Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(', '));
});

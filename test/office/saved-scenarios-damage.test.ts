import { defaultScenario, scenarioToJson, type ScenarioJson } from '../../src/engine';
import { SavedScenarios, STORE_KEY, type SettingsPort } from '../../src/office/saved-scenarios';
import { mockSettings } from './fake-excel';

/** Issue 12, items 3 to 5: damage to one stored entry stays with that entry. */
const port = (m: ReturnType<typeof mockSettings>) => m.settings as unknown as SettingsPort;
const json = (name: string): ScenarioJson => scenarioToJson({ ...defaultScenario(), name });
const item = (id: string, name: string) => ({ id, name, savedAt: '2026-01-01T00:00:00.000Z', scenario: json(name) });
const stored = (m: ReturnType<typeof mockSettings>) => (m.store.get(STORE_KEY) as { items: unknown[] }).items;

/** Kinds of damage one entry can carry, each as a function of a healthy entry. */
const DAMAGE: Record<string, (x: ReturnType<typeof item>) => unknown> = {
  'name is a number': (x) => ({ ...x, name: 42 }),
  'name is an object': (x) => ({ ...x, name: { toString: 1 } }),
  'scenario is null': (x) => ({ ...x, scenario: null }),
  'scenario is a list': (x) => ({ ...x, scenario: [1, 2] }),
  'scenario.schemaVersion is {toString:1}': (x) => ({ ...x, scenario: { ...x.scenario, schemaVersion: { toString: 1 } } }),
  'scenario.schemaVersion is {valueOf:1}': (x) => ({ ...x, scenario: { ...x.scenario, schemaVersion: { valueOf: 1, toString: 1 } } }),
  'the entry is a number': () => 42,
  'the entry is null': () => null,
  'the entry is a text': () => 'hello',
  'the entry is a list': (x) => [x],
};

describe('saved scenarios: damage isolated per entry', () => {
  for (const [what, damage] of Object.entries(DAMAGE)) {
    it(`one entry whose ${what}: listed as not loadable, payload kept, the other entries stay listed, loadable and changeable`, async () => {
      const bad = damage(item('s2', 'Bad'));
      const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [item('s1', 'One'), bad, item('s3', 'Three')] } });
      const store = new SavedScenarios(port(m));
      const state = store.list();
      expect(state.status).toBe('ok');
      expect(state.entries.map((e) => e.id)).toEqual(['s1', 's2', 's3']);
      expect(state.entries.map((e) => e.status)).toEqual(['valid', expect.stringMatching(/^(corrupt|invalid)$/), 'valid']);
      expect(state.entries[1].problems).toBeTruthy();
      expect(state.entries[1].problems).not.toMatch(/\[object Object\]|TypeError/);
      expect(store.load('s1').name).toBe('One');
      expect(store.load('s3').name).toBe('Three');
      expect(() => store.load('s2')).toThrow(expect.objectContaining({ name: expect.stringMatching(/StoreError|ModelError/) }));
      // Every change still works, and writes the damaged entry back exactly as it was.
      const added = await store.save('Four', defaultScenario());
      await store.rename('s1', 'One, renamed');
      await store.duplicate('s3');
      const items = stored(m);
      const kept = items[1] as Record<string, unknown>;
      if (bad !== null && typeof bad === 'object' && !Array.isArray(bad)) expect(kept).toEqual(bad);
      else expect(kept).toEqual({ id: 's2', damaged: bad });
      expect(store.list().entries.map((e) => e.name)).toEqual(['One, renamed', expect.any(String), 'Three', 'Four', 'Three (2)']);
      expect(store.load(added.id).name).toBe('Four');
      // It can be deleted, and only it.
      await store.remove('s2');
      expect(store.list().entries.map((e) => e.name)).toEqual(['One, renamed', 'Three', 'Four', 'Three (2)']);
    });
  }

  it('a corrupt entry cannot be renamed, duplicated or replaced, and says so', async () => {
    const bad = { ...item('s1', 'Bad'), scenario: null };
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [bad] } });
    const store = new SavedScenarios(port(m), 'es');
    expect(store.list().notice).toMatch(/1 entrada guardada no se puede leer/);
    await expect(store.rename('s1', 'x')).rejects.toMatchObject({ reason: 'corrupt' });
    await expect(store.duplicate('s1')).rejects.toMatchObject({ reason: 'corrupt' });
    await expect(store.save('x', defaultScenario(), 's1')).rejects.toMatchObject({ reason: 'corrupt' });
    expect(stored(m)).toEqual([bad]);
  });

  it('fourteen valid entries and one malformed one: all fourteen stay listed and loadable', () => {
    const items: unknown[] = Array.from({ length: 14 }, (_, i) => item(`s${i + 1}`, `Plan ${i + 1}`));
    items.splice(7, 0, { name: 'no id and no scenario' });
    const store = new SavedScenarios(port(mockSettings({ [STORE_KEY]: { schemaVersion: 1, items } })));
    const entries = store.list().entries;
    expect(entries.filter((e) => e.status === 'valid')).toHaveLength(14);
    for (const e of entries.filter((x) => x.status === 'valid')) expect(store.load(e.id).name).toBe(e.name);
  });
});

describe('saved scenarios: ids are unique', () => {
  it('remove(id) deletes exactly one entry even when the stored data repeats that id', async () => {
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [item('s1', 'A'), item('s1', 'B'), item('s1', 'C')] } });
    const store = new SavedScenarios(port(m));
    const state = store.list();
    expect(new Set(state.entries.map((e) => e.id)).size).toBe(3);
    expect(state.entries.map((e) => e.name)).toEqual(['A', 'B', 'C']);
    expect(state.notice).toMatch(/2 saved entries had a missing or repeated id and were given a new one/);
    await store.remove('s1');
    expect(store.list().entries.map((e) => e.name)).toEqual(['B', 'C']);
    expect(store.list().notice).toBeUndefined(); // the new ids were written with the change
    expect(new Set(stored(m).map((x) => (x as { id: string }).id)).size).toBe(2);
  });

  it('re-keys entries without an id or with an id that is not a text, the same way on every read, avoiding ids used later in the list', () => {
    const raw = { schemaVersion: 1, items: [{ ...item('x', 'A'), id: undefined }, { ...item('x', 'B'), id: 7 }, item('s1', 'C'), item('s2', 'D')] };
    const m = mockSettings({ [STORE_KEY]: raw });
    const ids = new SavedScenarios(port(m)).list().entries.map((e) => e.id);
    expect(ids).toEqual(['s3', 's4', 's1', 's2']);
    expect(new SavedScenarios(port(m.reopen())).list().entries.map((e) => e.id)).toEqual(ids);
    expect(m.store.get(STORE_KEY)).toEqual(raw); // reading changes nothing
  });

  it('an id inherited from Object.prototype is no id', () => {
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [{ name: 'A', scenario: json('A') }, item('constructor', 'B'), item('toString', 'C')] } });
    const store = new SavedScenarios(port(m));
    expect(store.list().entries.map((e) => [e.id, e.status])).toEqual([['s1', 'valid'], ['constructor', 'valid'], ['toString', 'valid']]);
    expect(store.load('constructor').name).toBe('B');
  });
});

describe('saved scenarios: backups', () => {
  it('"Back up and reset" keeps the old data under a key the pane lists, and restoring it brings every entry back', async () => {
    const m = mockSettings({ [STORE_KEY]: '{not json' });
    const store = new SavedScenarios(port(m));
    expect(store.backups()).toEqual([]);
    const key = await store.backupAndReset();
    const a = await store.save('Made after the reset', defaultScenario());
    expect(store.backups()).toEqual([{ key, savedAt: expect.any(String) }]);
    // Reopened later: the backup is still listed.
    const later = new SavedScenarios(port(m.reopen()));
    expect(later.backups().map((b) => b.key)).toEqual([key]);
    await store.restoreBackup(key);
    expect(store.list().status).toBe('corrupt');
    expect(m.store.get(STORE_KEY)).toBe('{not json');
    // The list it replaced is itself a backup, which restores the scenario saved after the reset.
    const [kept] = store.backups();
    expect(kept).toMatchObject({ entries: 1 });
    await store.restoreBackup(kept.key);
    expect(store.load(a.id).name).toBe('Made after the reset');
    expect(store.backups().map((b) => b.key)).toEqual([expect.stringContaining('.backup.')]);
  });

  it('a restore whose save fails changes nothing', async () => {
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [item('s1', 'Old')] } });
    const store = new SavedScenarios(port(m));
    const key = await store.backupAndReset();
    await store.save('New', defaultScenario());
    const before = structuredClone(Object.fromEntries(m.store));
    m.control.failSaves = true;
    await expect(store.restoreBackup(key)).rejects.toMatchObject({ reason: 'saveFailed' });
    expect(Object.fromEntries(m.store)).toEqual(before);
    await expect(store.restoreBackup('ceq.savedScenarios.backup.nope')).rejects.toMatchObject({ reason: 'notFound' });
  });

  it('two backups made in the same millisecond get different keys', async () => {
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [item('s1', 'Old')] } });
    const store = new SavedScenarios(port(m));
    jest.spyOn(Date.prototype, 'toISOString').mockReturnValue('2026-12-01T10:00:00.000Z');
    try {
      const k1 = await store.backupAndReset();
      await store.save('New', defaultScenario());
      const k2 = await store.backupAndReset();
      expect(k1).not.toBe(k2);
      expect(store.backups().map((b) => b.entries)).toEqual([1, 1]);
    } finally {
      jest.restoreAllMocks();
    }
  });
});

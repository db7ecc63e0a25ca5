import { defaultScenario, scenarioToJson } from '../../src/engine';
import { SavedScenarios, STORE_KEY, StoreError, type SettingsPort } from '../../src/office/saved-scenarios';
import { mockSettings } from './fake-excel';

const port = (m: ReturnType<typeof mockSettings>) => m.settings as unknown as SettingsPort;

describe('saved scenarios in document settings', () => {
  it('round-trips: save, list, load, rename, duplicate, delete', async () => {
    const m = mockSettings();
    const store = new SavedScenarios(port(m));
    expect(store.list().status).toBe('empty');
    const s = defaultScenario();
    const a = await store.save('Retention push', s);
    expect(a.status).toBe('valid');
    expect(store.list().entries.map((e) => e.name)).toEqual(['Retention push']);
    expect(store.load(a.id).proposed[0].values).toEqual(s.proposed[0].values);
    await store.rename(a.id, 'Renamed');
    const b = await store.duplicate(a.id);
    expect(store.list().entries.map((e) => e.name)).toEqual(['Renamed', 'Renamed (2)']);
    await store.remove(a.id);
    expect(store.list().entries.map((e) => e.id)).toEqual([b.id]);
    expect((m.store.get(STORE_KEY) as { schemaVersion: number }).schemaVersion).toBe(1);
    expect(m.saves()).toBe(4);
  });

  it('never saves an invalid scenario, so a valid one is never replaced by it', async () => {
    const m = mockSettings();
    const store = new SavedScenarios(port(m));
    const good = await store.save('Good', defaultScenario());
    const before = JSON.stringify(m.store.get(STORE_KEY));
    const bad = defaultScenario();
    bad.segments[0].values.churn = 3;
    await expect(store.save('Good', bad, good.id)).rejects.toThrow(StoreError);
    await expect(store.save('Other', bad)).rejects.toThrow(/churn/);
    expect(JSON.stringify(m.store.get(STORE_KEY))).toBe(before);
  });

  it('reports corrupt data, keeps it untouched and refuses changes until backed up and reset', async () => {
    const m = mockSettings({ [STORE_KEY]: '{not json' });
    const store = new SavedScenarios(port(m));
    const state = store.list();
    expect(state.status).toBe('corrupt');
    expect(state.message).toMatch(/cannot be read/);
    await expect(store.save('x', defaultScenario())).rejects.toMatchObject({ reason: 'corrupt' });
    expect(m.store.get(STORE_KEY)).toBe('{not json');
    const backupKey = await store.backupAndReset();
    expect(m.store.get(backupKey)).toBe('{not json');
    expect(store.list().status).toBe('ok');
  });

  it('reports data from a newer add-in and keeps it untouched', async () => {
    const newer = { schemaVersion: 7, items: [{ whatever: true }] };
    const m = mockSettings({ [STORE_KEY]: newer });
    const store = new SavedScenarios(port(m), 'es');
    expect(store.list()).toMatchObject({ status: 'newer', version: 7 });
    expect(store.list().message).toMatch(/versión más reciente/);
    await expect(store.remove('s1')).rejects.toMatchObject({ reason: 'newer' });
    expect(m.store.get(STORE_KEY)).toEqual(newer);
  });

  it('marks a single scenario saved by a newer engine, and an invalid one, without touching them', () => {
    const json = scenarioToJson(defaultScenario());
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [
      { id: 's1', name: 'From the future', savedAt: '2030-01-01', scenario: { ...json, schemaVersion: 99 } },
      { id: 's2', name: 'Broken', savedAt: '2024-01-01', scenario: { ...json, settings: { horizonYears: 0 } } },
      { id: 's3', name: 'Fine', savedAt: '2024-01-01', scenario: json },
    ] } });
    const entries = new SavedScenarios(port(m)).list().entries;
    expect(entries.map((e) => e.status)).toEqual(['newer', 'invalid', 'valid']);
    expect(entries[1].problems).toMatch(/horizonYears/);
  });

  it('migrates the version-0 layout (a bare array) when read, and writes version 1 on the next change', async () => {
    const m = mockSettings({ [STORE_KEY]: [{ name: 'Old', scenario: scenarioToJson(defaultScenario()) }] });
    const store = new SavedScenarios(port(m));
    expect(store.list()).toMatchObject({ status: 'migrated', version: 0 });
    expect(Array.isArray(m.store.get(STORE_KEY))).toBe(true);
    await store.rename('s1', 'Old, renamed');
    expect(m.store.get(STORE_KEY)).toMatchObject({ schemaVersion: 1, items: [{ id: 's1', name: 'Old, renamed' }] });
  });
});

import fc from 'fast-check';
import { defaultScenario, scenarioToJson } from '../../src/engine';
import { SavedScenarios, STORE_KEY, StoreError, type SettingsPort } from '../../src/office/saved-scenarios';
import { scenarioArbitrary } from '../engine/arbitraries';
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

  it('loads a scenario saved under model version 1 with the new keys at their defaults, and marks it as from the old model', () => {
    const json = scenarioToJson(defaultScenario());
    json.schemaVersion = 1;
    delete (json.behaviour as Record<string, number>).effortElasticity;
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [{ id: 's1', name: 'Saved in 2025', savedAt: '2025-06-01', scenario: json }] } });
    const store = new SavedScenarios(port(m));
    expect(store.list().entries).toMatchObject([{ id: 's1', status: 'valid', modelChanged: true }]);
    expect(store.load('s1').behaviour.effortElasticity).toBe(0.3);
  });

  it('survives closing and reopening the workbook: what a later session reads is what was saved (random scenarios)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(scenarioArbitrary(), { minLength: 1, maxLength: 3 }), async (scenarios) => {
      const m = mockSettings();
      const store = new SavedScenarios(port(m));
      const ids: string[] = [];
      for (const [i, s] of scenarios.entries()) ids.push((await store.save(`Scenario ${i + 1}`, s)).id);
      const later = new SavedScenarios(port(m.reopen()));
      expect(later.list().status).toBe('ok');
      expect(later.list().entries.map((e) => [e.name, e.status])).toEqual(scenarios.map((_, i) => [`Scenario ${i + 1}`, 'valid']));
      scenarios.forEach((s, i) => {
        const back = later.load(ids[i]);
        expect(back.settings).toEqual(s.settings);
        expect(back.segments).toEqual(s.segments);
        expect(back.behaviour).toEqual(s.behaviour);
        expect(back.baseline.values).toEqual(s.baseline.values);
        expect(back.proposed.map((p) => p.values)).toEqual(s.proposed.map((p) => p.values));
      });
    }), { numRuns: 15 });
  });

  it('a change whose save fails is rolled back: the list shown is the list in the document', async () => {
    const m = mockSettings();
    const store = new SavedScenarios(port(m));
    const a = await store.save('Kept', defaultScenario());
    m.control.failSaves = true;
    await expect(store.save('Lost', defaultScenario())).rejects.toMatchObject({ reason: 'saveFailed' });
    await expect(store.rename(a.id, 'Renamed')).rejects.toThrow(/read-only/);
    await expect(store.remove(a.id)).rejects.toThrow(StoreError);
    expect(store.list().entries.map((e) => e.name)).toEqual(['Kept']);
    expect(m.persisted()[STORE_KEY]).toEqual(m.store.get(STORE_KEY));
  });

  it('refuses an empty name, names duplicates after the next free number', async () => {
    const store = new SavedScenarios(port(mockSettings()), 'es');
    await expect(store.save('   ', defaultScenario())).rejects.toThrow(/nombre/);
    const a = await store.save('Plan', defaultScenario());
    await expect(store.rename(a.id, '')).rejects.toMatchObject({ reason: 'noName' });
    await store.duplicate(a.id);
    await store.duplicate(a.id);
    expect(store.list().entries.map((e) => e.name)).toEqual(['Plan', 'Plan (2)', 'Plan (3)']);
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
    expect(m.reopen().store.get(backupKey)).toBe('{not json');
  });

  it('reports a list that is not ours (a wrong shape) as corrupt and keeps it', async () => {
    for (const raw of [{ schemaVersion: 1, items: 'nope' }, { schemaVersion: { toString: 1 }, items: [] }, 42, { hello: 'world' }]) {
      const m = mockSettings({ [STORE_KEY]: raw });
      const store = new SavedScenarios(port(m));
      expect(store.list().status).toBe('corrupt');
      await expect(store.save('x', defaultScenario())).rejects.toMatchObject({ reason: 'corrupt' });
      expect(m.store.get(STORE_KEY)).toEqual(raw);
    }
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

  it('a single scenario from a newer engine cannot be renamed, replaced or duplicated (only deleted); an invalid one can be replaced by a valid one', async () => {
    const json = scenarioToJson(defaultScenario());
    const future = { id: 's1', name: 'From the future', savedAt: '2030-01-01', scenario: { ...json, schemaVersion: 99, extra: { x: 1 } } };
    const m = mockSettings({ [STORE_KEY]: { schemaVersion: 1, items: [future,
      { id: 's2', name: 'Broken', savedAt: '2024-01-01', scenario: { ...json, settings: { horizonYears: 0 } } }] } });
    const store = new SavedScenarios(port(m));
    await expect(store.rename('s1', 'x')).rejects.toMatchObject({ reason: 'newer' });
    await expect(store.save('x', defaultScenario(), 's1')).rejects.toMatchObject({ reason: 'newer' });
    await expect(store.duplicate('s1')).rejects.toMatchObject({ reason: 'newer' });
    expect((m.store.get(STORE_KEY) as { items: unknown[] }).items[0]).toEqual(future);
    await store.save('Fixed', defaultScenario(), 's2');
    expect(store.list().entries.map((e) => [e.id, e.name, e.status])).toEqual([['s1', 'From the future', 'newer'], ['s2', 'Fixed', 'valid']]);
    await store.remove('s1');
    expect(store.list().entries.map((e) => e.id)).toEqual(['s2']);
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

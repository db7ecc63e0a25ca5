/**
 * The preview's memory of the working scenario: outside Excel nothing is saved in a workbook, so a
 * reload would lose everything. The last valid scenario is kept in the browser's localStorage and
 * offered back at the next start. Storage may be missing or full (private windows): then nothing is kept.
 */
import { scenarioFromJson, scenarioToJson, type Scenario, type ScenarioJson } from '../../engine';

export const WORKING_KEY = 'ceq.preview.workingScenario';

export interface Kept {
  scenario: Scenario;
  /** When it was saved (ms since 1970). */
  savedAt: number;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function keepWorking(s: Scenario, now: number): void {
  try {
    storage()?.setItem(WORKING_KEY, JSON.stringify({ savedAt: now, scenario: scenarioToJson(s) }));
  } catch {
    // Full or forbidden storage: the preview simply does not remember.
  }
}

export function keptWorking(): Kept | undefined {
  try {
    const text = storage()?.getItem(WORKING_KEY);
    if (!text) return undefined;
    const parsed = JSON.parse(text) as { savedAt?: unknown; scenario?: ScenarioJson };
    if (typeof parsed.savedAt !== 'number' || !parsed.scenario) return undefined;
    return { savedAt: parsed.savedAt, scenario: scenarioFromJson(parsed.scenario) };
  } catch {
    return undefined;
  }
}

export function forgetWorking(): void {
  try {
    storage()?.removeItem(WORKING_KEY);
  } catch {
    // Nothing to forget.
  }
}

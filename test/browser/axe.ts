/** axe-core on the page as it stands: the browser tests fail on serious or critical violations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifact } from './browser';
import { ROOT } from './server';

export interface Violation {
  id: string;
  impact: string;
  nodes: string[];
}

let AXE_SOURCE: string | undefined;

export async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated, not added as a <script>: the pane's Content-Security-Policy refuses inline scripts,
  // and DevTools' evaluate is the one way in that it leaves to the test.
  await page.evaluate(AXE_SOURCE ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Tabster's focus sentinels (Fluent's arrow-key navigation in the tab list) are aria-hidden and
    // focusable on purpose: focus landing on one moves on at once. Everything else is checked.
    const r = await axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] } as unknown as Document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Runs axe once every animation has finished (a section that just opened fades in), saves the report as test-artifacts/axe-NAME.json and fails on serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const violations = await axeViolations(page);
  writeFileSync(artifact(`axe-${name}.json`), JSON.stringify(violations, null, 2));
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

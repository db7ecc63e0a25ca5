/**
 * The Quotas tab of the BUILT task pane in Debian's chromium (preview mode): reached by keyboard, a role
 * added to the proposed plan and copied to the current plan, a quota changed, and the comp cost and
 * share of reps at quota read off the page and checked against the engine's quotaReport for the inputs
 * on the page; axe on the screen in English and Spanish; a screenshot of the redesigned component for
 * docs/images/quotas.png.
 *
 * Needs the build: `CEQ_DIST=dist-x npx webpack --mode production`, then
 * `CEQ_DIST=dist-x npx jest --ci test/browser/quotas.test.ts`.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findSpec, quotaReport, runScenario, scenarioFromJson, yearly, type Scenario, type ScenarioJson } from '../../src/engine';
import { formats, parseField, type Formats } from '../../src/i18n';
import { quotaFieldSpec } from '../../src/taskpane/state/quota-fields';
import { artifact } from './browser';
import { openPreview, type Preview } from './preview';
import { moneyValue, retype, text } from './pane';
import { ROOT } from './server';
import { expectAccessible } from './axe';


const midMarket = JSON.parse(readFileSync(join(ROOT, 'examples/mid-market-saas.json'), 'utf8')) as ScenarioJson;

let preview: Preview;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  preview = await openPreview();
  ({ page, pageErrors } = preview);
});

afterAll(async () => {
  await preview?.close();
});

/** The example's scenario with every quota field of both plans as the page shows it. */
async function scenarioOnPage(locale: string): Promise<Scenario> {
  const s = scenarioFromJson(midMarket);
  // A weight shows a short percentage: the value the plan keeps is its data-value.
  const fields = await page.locator('[data-path^="plan:"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-path')!, (e as HTMLInputElement).dataset.value ?? (e as HTMLInputElement).value]));
  for (const [path, value] of fields) {
    const [, id, key] = path.split(':');
    // Quota fields, and the flat rates (adding a role to a plan replaces them by default).
    const spec = quotaFieldSpec(key) ?? findSpec(key);
    if (!spec || spec.unit === 'choice') continue;
    const plan = id === 'baseline' ? s.baseline : s.proposed[0];
    (plan.values as Record<string, number>)[key] = parseField(spec, value, locale);
  }
  return s;
}

/** Comp cost per role and share at or above quota on the page are the engine's, for both plans. */
async function expectEngineFigures(fmt: Formats, lang: 'en' | 'es', locale: string): Promise<number> {
  const s = await scenarioOnPage(locale);
  const r = runScenario(s);
  let checked = 0;
  for (const [side, p] of [['baseline', r.baseline], ['proposed', r.proposed[0]]] as const) {
    const role = quotaReport(p)!.roles.find((x) => x.id === 'am')!.years[0];
    expect(moneyValue(await text(page, `qf-${side}-am-cost`), lang)).toBe(Math.round(role.variablePay));
    for (const c of role.components) {
      expect(await text(page, `qf-${side}-am-${c.component}-atQuota`)).toBe(fmt.percent(c.atOrAboveQuota, 1));
      expect(await text(page, `qf-${side}-am-${c.component}-payoutShare`)).toBe(fmt.percent(c.payoutShare, 1));
      checked++;
    }
    const y1 = yearly(p)[0];
    expect(moneyValue(await text(page, `qf-${side}-cost-1`), lang)).toBe(Math.round(y1.compCost));
    expect(await text(page, `qf-${side}-costShare-1`)).toBe(fmt.percent(y1.compCost / y1.revenue, 2));
  }
  return checked;
}

describe('the Quotas tab in chromium', () => {
  it('is reached by keyboard, from the tab list to the "Add role" button', async () => {
    await page.getByTestId('tab-scenario').focus();
    for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'tab-quotas'; i++) {
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('quotas').waitFor();
    expect(await page.getByTestId('tab-quotas').getAttribute('aria-selected')).toBe('true');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'quota-add-role-go';
    }
    expect(reached).toBe(true);
  });

  it('adds a role to the proposed plan, changes a quota: comp cost and share at quota on the page are the engine\'s', async () => {
    await page.getByTestId('quota-add-role').selectOption('am');
    await page.keyboard.press('Tab');
    await page.getByTestId('quota-add-role-go').press('Enter');
    await page.getByTestId('quota-role-am').waitFor();
    // The current plan gets the same role (copied), so the redesign can be read against it.
    await page.getByTestId('quota-role-am').getByRole('button', { name: 'Add to Current plan' }).click();
    await page.getByTestId('qf-baseline-am-cost').filter({ hasText: '$' }).waitFor();
    const quota = page.locator('[data-path^="plan:p"][data-path$=":am.renewal.quota"]');
    const before = await text(page, 'qf-proposed-am-renewal-atQuota');
    // docs/quotas.md's renewal redesign: a ramp from 0 at 80 % to 100 % at quota, an accelerator of 3 above.
    await retype(page, quota, '3,200,000');
    await retype(page, page.locator('[data-path^="plan:p"][data-path$=":am.renewal.threshold"]'), '80');
    await retype(page, page.locator('[data-path^="plan:p"][data-path$=":am.renewal.decelerator"]'), '5');
    await retype(page, page.locator('[data-path^="plan:p"][data-path$=":am.renewal.accelerator"]'), '3');
    await page.waitForFunction((old) => document.querySelector('[data-testid="qf-proposed-am-renewal-atQuota"]')?.textContent !== old, before);
    expect(await quota.inputValue()).toBe('3,200,000');
    expect(await expectEngineFigures(formats('en-US', 'USD'), 'en', 'en-US')).toBe(4);
    const s = await scenarioOnPage('en-US');
    expect(s.proposed[0].values['am.renewal.quota' as keyof typeof s.proposed[0]['values']]).toBe(3_200_000);
    // Both curves are drawn, each with its spread of attainment.
    const chart = page.getByTestId('quota-chart-am-renewal');
    expect(await chart.locator('[data-series]').count()).toBe(2);
    expect(await chart.locator('[data-density]').count()).toBe(2);
    expect(pageErrors).toEqual([]);
    const path = artifact('quotas.png');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByTestId('quota-component-am-renewal').screenshot({ path });
    mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
    copyFileSync(path, join(ROOT, 'docs/images/quotas.png'));
  });

  it('passes axe with a chart\'s data table open', async () => {
    await page.getByTestId('quota-chart-am-renewal').locator('summary').click();
    await expectAccessible(page, 'quotas');
    await page.screenshot({ path: artifact('quotas-full.png'), fullPage: true });
  });

  it('marks a cap below 100 % with its range and keeps the text', async () => {
    const cap = page.locator('[data-path^="plan:p"][data-path$=":am.expansion.cap"]');
    await retype(page, cap, '0.8');
    await page.getByTestId('stale-note').waitFor();
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    const described = await cap.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('Account manager · Expansion · Cap: 0.8 is outside the valid range 1 – 100');
    expect(await cap.inputValue()).toBe('0.8');
    await expectAccessible(page, 'quotas-invalid');
    await retype(page, cap, '3');
    await page.getByTestId('stale-note').waitFor({ state: 'detached' });
  });

  it('shows weights as short percentages and keeps the exact weight until the user types one', async () => {
    const renewal = page.locator('[data-path^="plan:p"][data-path$=":am.renewal.weight"]');
    const expansion = page.locator('[data-path^="plan:p"][data-path$=":am.expansion.weight"]');
    await retype(page, renewal, '80');
    await page.getByRole('button', { name: /^Scale .* to 100 %$/ }).click();
    // 80 and 50 scaled to 100 %: 61.538462 % and 38.461538 %, shown short, kept exact.
    expect([await renewal.inputValue(), await renewal.getAttribute('data-value')]).toEqual(['61.5', '61.538462']);
    expect([await expansion.inputValue(), await expansion.getAttribute('data-value')]).toEqual(['38.5', '38.461538']);
    // Into the field and out again without typing: still exact, and the figures are those of the exact weights.
    await renewal.focus();
    expect(await renewal.inputValue()).toBe('61.5');
    await page.keyboard.press('Tab');
    expect(await renewal.getAttribute('data-value')).toBe('61.538462');
    expect(await expectEngineFigures(formats('en-US', 'USD'), 'en', 'en-US')).toBe(4);
  });

  it('speaks Spanish: tab, role, labels and the engine\'s figures in Spanish format', async () => {
    await page.getByTestId('language').selectOption('es');
    await page.getByRole('tab', { name: 'Cuotas' }).waitFor();
    expect(await page.getByTestId('quota-role-am').getByRole('heading', { level: 2 }).textContent()).toBe('Gestor de cuentas');
    expect(await page.getByTestId('quota-fields-am-renewal').getByRole('rowheader', { name: /Umbral \(%\)/ }).count()).toBe(1);
    expect(await expectEngineFigures(formats('es-ES', 'USD'), 'es', 'es-ES')).toBe(4);
    expect(await page.locator('[data-path^="plan:p"][data-path$=":am.renewal.weight"]').inputValue()).toBe('61,5');
    await page.screenshot({ path: artifact('quotas-es.png'), fullPage: true });
    await expectAccessible(page, 'quotas-es');
    await page.getByTestId('language').selectOption('en');
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Issue 15, done as the users did it, in the BUILT pane (preview mode, Debian chromium), in English and
 * in Spanish: the VP's one-lever question through "New proposal from today's plan" and the lever
 * waterfall, identical plans saying "no change", colours by good or bad, the Summary's year table,
 * results while a field is invalid, undo of a removed plan and of "Open example", the kept working
 * scenario after a reload. Numbers read off the page are checked against the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { attribute, runScenario, scenarioFromJson, type Scenario, type ScenarioJson } from '../../src/engine';
import { formats } from '../../src/i18n';
import { openPreview, type Preview } from './preview';
import { moneyValue, openTab, planInput, retype, text } from './pane';
import { ROOT } from './server';

jest.setTimeout(120_000);

const midMarket = JSON.parse(readFileSync(join(ROOT, 'examples/mid-market-saas.json'), 'utf8')) as ScenarioJson;

/** The example with a third plan: today's plan with new business at `newRate` and renewals at `renewalRate`. */
function vpScenario(newRate: number, renewalRate: number): Scenario {
  const s = scenarioFromJson(midMarket);
  s.proposed.push({ name: 'vp', values: { ...s.baseline.values, commissionNew: newRate, commissionRenewal: renewalRate } });
  return s;
}

let preview: Preview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview();
  page = preview.page;
});

afterAll(async () => {
  await preview?.close();
});

/** The attribution table's rows as [lever id, customer equity, NPV], money parsed in the pane's language. */
async function attributionRows(lang: 'en' | 'es'): Promise<[string, number, number][]> {
  const table = page.getByTestId('attribution-table').first();
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-lever') ?? '', ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]));
  return rows.map(([id, equity, npv]) => [id, moneyValue(equity, lang), moneyValue(npv, lang)]);
}

async function openExample(): Promise<void> {
  await page.getByTestId('example-picker').selectOption('mid-market-saas');
  await page.getByTestId('open-example').click();
  await page.getByTestId('example-info').waitFor();
}

describe.each(['en', 'es'] as const)('the VP\'s question in %s', (lang) => {
  beforeAll(async () => {
    await page.getByTestId('language').selectOption(lang);
    await openExample();
    await openTab(page, 'scenario', 'live-strip');
  });

  it('a new proposal from today\'s plan with new business 10 % → 6 % and renewals 2 % → 4 % splits into exactly those two levers', async () => {
    await page.getByTestId('new-from-baseline').click();
    // A copy of today's plan: the Summary says there is no change, not "crosses over in year 1".
    await openTab(page, 'summary', 'summary');
    expect(await text(page, 'summary-headline')).toMatch(lang === 'en' ? /^No change: .* is the same plan as Current plan/ : /^Sin cambios: /);
    expect(await text(page, 'summary-crossover')).toBe(lang === 'en' ? 'No change' : 'Sin cambios');
    await page.getByTestId('attribution-no-change').waitFor();

    await openTab(page, 'scenario', 'live-strip');
    await retype(page, planInput(page, 'commissionNew', 2), '6');
    await retype(page, planInput(page, 'commissionRenewal', 2), '4');
    await page.getByTestId('example-edited').waitFor(); // the example's description no longer applies
    await openTab(page, 'summary', 'summary');
    const s = vpScenario(0.06, 0.04);
    const a = attribute(s, s.proposed[1].values);
    const c = runScenario(s).comparisons[1];
    await page.getByTestId('attribution-table').filter({ has: page.locator('[data-lever="commissionRenewal"]') }).waitFor();
    const rows = await attributionRows(lang);
    expect(rows.map((r) => r[0])).toEqual(['commissionNew', 'commissionRenewal', 'total']);
    const byId = new Map(a.levers.map((l) => [l.lever.id, l.contribution]));
    for (const [id, equity, npv] of rows.slice(0, 2)) {
      expect(equity).toBe(Math.round(byId.get(id)!.customerEquityDelta));
      expect(npv).toBe(Math.round(byId.get(id)!.npvDelta));
    }
    const [, totalEquity, totalNpv] = rows[2];
    expect(totalEquity).toBe(Math.round(c.customerEquityDelta));
    expect(totalNpv).toBe(Math.round(c.npvDelta));
    expect(Math.abs(rows[0][1] + rows[1][1] - totalEquity)).toBeLessThanOrEqual(1); // the parts add up (to rounding)
    expect(moneyValue(await text(page, 'summary-equity'), lang)).toBe(totalEquity);

    // Colour says good or bad for the company: a lower comp cost is good even though it is negative.
    const comp = page.getByTestId('summary-horizon').locator('tr[data-row="compCost"] td').first();
    const compValue = moneyValue((await comp.textContent()) ?? '', lang);
    expect(await comp.locator('span').getAttribute('data-tone')).toBe(compValue < 0 ? 'good' : 'bad');
    const years = await page.getByTestId('summary-horizon').locator('thead th').allTextContents();
    expect(years).toEqual(lang === 'en' ? ['Year 1', 'Year 1–3', 'Year 1–5', 'Horizon (10 y)'] : ['Año 1', 'Años 1–3', 'Años 1–5', 'Horizonte (10 a)']);
    const year1 = formats(lang === 'en' ? 'en-US' : 'es-ES', 'USD');
    expect((await comp.textContent())?.trim()).toBe(year1.moneyShort(c.year1CompCostDelta));

    // The Results screen shows the same waterfall.
    await openTab(page, 'results', 'metrics-table');
    expect(await attributionRows(lang)).toEqual(rows);
  });

  it('duplicates the plan shown, and undoes removing it', async () => {
    await openTab(page, 'scenario', 'live-strip');
    await page.getByTestId('duplicate-plan').click();
    expect(await planInput(page, 'commissionNew', 3).inputValue()).toBe('6');
    await page.getByRole('button', { name: lang === 'en' ? /^Remove plan .*\(copy\)/ : /^Quitar el plan .*\(copia\)/ }).click();
    await page.getByTestId('undo-bar').waitFor();
    expect(await planInput(page, 'commissionNew', 3).count()).toBe(0);
    await page.getByTestId('undo').click();
    expect(await planInput(page, 'commissionNew', 3).inputValue()).toBe('6');
  });

  it('undoes "Open example", which replaced the edits', async () => {
    await openExample();
    expect(await planInput(page, 'commissionNew', 2).count()).toBe(0);
    await page.getByTestId('undo').click();
    expect(await planInput(page, 'commissionNew', 2).inputValue()).toBe('6');
  });
});

describe('lost work and half-typed values', () => {
  it('while "150%" is being typed, the results are those of the value before the edit, and the banner says which', async () => {
    await page.getByTestId('language').selectOption('en');
    await openExample();
    await openTab(page, 'scenario', 'live-strip');
    const field = planInput(page, 'commissionRenewal');
    await retype(page, field, '150%');
    await page.locator('[data-testid="live-strip"][data-stale="true"]').waitFor();
    const c = runScenario(scenarioFromJson(midMarket)).comparisons[0];
    expect(await text(page, 'live-npv')).toBe(formats('en-US', 'USD').moneyShort(c.npvDelta));
    expect(await text(page, 'stale-field')).toContain('at 4%, its value before this edit');
    await retype(page, field, '5');
    await page.locator('[data-testid="live-strip"][data-stale="false"]').waitFor();
  });

  it('after a reload the preview offers the working scenario back', async () => {
    await page.locator('input[aria-label]').first(); // the form is there
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('My working copy');
    await page.getByRole('textbox', { name: 'Scenario name' }).blur();
    await page.reload();
    await page.getByTestId('restore-offer').waitFor();
    expect(await text(page, 'restore-offer')).toContain('My working copy');
    await page.getByTestId('restore-working').click();
    expect(await page.getByRole('textbox', { name: 'Scenario name' }).inputValue()).toBe('My working copy');
    expect(await planInput(page, 'commissionRenewal').inputValue()).toBe('5');
    expect(preview.pageErrors).toEqual([]);
  });
});

describe.each(['en', 'es'] as const)('adding a role to a plan that pays flat commissions, in %s', (lang) => {
  it('asks whether to replace them (the default) or add to them, and shows the cost at 100 % attainment beside the expected', async () => {
    await page.getByTestId('language').selectOption(lang);
    await openExample();
    await openTab(page, 'quotas', 'quotas');
    await page.getByTestId('quota-add-role').selectOption('ae');
    const choice = page.getByTestId('quota-flat-choice');
    await choice.waitFor();
    expect(await choice.textContent()).toContain(lang === 'en' ? 'also pays flat commissions' : 'también paga comisiones fijas');
    expect(await page.getByTestId('quota-flat-replace').isChecked()).toBe(true); // Fluent puts the test id on the radio's input
    await page.getByTestId('quota-add-role-go').click();
    await page.getByTestId('quota-role-ae').waitFor();
    // Replaced: the proposed plan's flat commission rates are now 0, so the role is not paid on top of them.
    for (const key of ['commissionNew', 'commissionRenewal', 'commissionExpansion']) expect(await planInput(page, key).inputValue()).toBe('0');
    const target = page.getByTestId('qt-proposed-ae-target');
    await target.waitFor();
    // Catalogue defaults: 10 people × 150,000 OTE × 50 % variable = 750,000 at 100 % attainment.
    expect(moneyValue((await target.textContent()) ?? '', lang)).toBe(750_000);
    expect(moneyValue((await page.getByTestId('qt-proposed-ae-expected').textContent()) ?? '', lang)).toBeGreaterThan(0);

    // "Add" keeps the flat commissions: a new plan from today's plan, then add the role on top.
    await openTab(page, 'scenario', 'live-strip');
    await page.getByTestId('new-from-baseline').click();
    await openTab(page, 'quotas', 'quotas');
    await page.getByTestId('quota-add-role').selectOption('am');
    await page.getByTestId('quota-add-role-plan').selectOption({ index: 2 });
    await page.getByTestId('quota-flat-add').click();
    await page.getByTestId('quota-add-role-go').click();
    expect(await planInput(page, 'commissionNew', 2).inputValue()).toBe('10');
  });
});


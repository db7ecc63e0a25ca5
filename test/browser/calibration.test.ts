/**
 * The "Your data" step of the BUILT task pane in Debian's chromium (preview mode): the example ledger
 * dropped in as a file, and the numbers read off the page checked against the engine's calibration of
 * the same file; axe on the step; a screenshot for docs/images/calibration.png (the README shows it).
 *
 * Needs the build: `npx webpack --mode production`, then `npx jest --ci test/browser/calibration.test.ts`.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { backtest, calibrate, parseLedger, scenarioFromJson, type ScenarioJson } from '../../src/engine';
import { formats } from '../../src/i18n';
import { parseCsv } from '../../src/taskpane/calibration/csv';
import { artifact } from './browser';
import { openPreview, type Preview } from './preview';
import { text } from './pane';
import { ROOT } from './server';
import { expectAccessible } from './axe';

jest.setTimeout(120_000);

const FILE = join(ROOT, 'examples/ledger-saas.csv');
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

describe('Your data, in the preview', () => {
  it('calibrates the example ledger dropped in as a file and shows the engine\'s figures', async () => {
    await page.getByRole('button', { name: 'Your data' }).click();
    await page.getByTestId('ledger-file').setInputFiles(FILE);
    await page.getByTestId('ledger-summary').waitFor();

    const ledger = parseLedger(parseCsv(readFileSync(FILE, 'utf8')));
    const c = calibrate(ledger);
    const en = formats('en-US', 'USD');
    expect(await text(page, 'ledger-summary')).toContain(`${en.number(ledger.rowsRead)} rows read, ${en.number(ledger.rowsUsed)} used`);
    for (const s of c.segments) {
      expect(await text(page, `calibrated-${s.name}-customers`)).toBe(en.number(s.values.customers.value, 0));
      expect(await text(page, `calibrated-${s.name}-churn`)).toBe(en.percent(s.values.churn.value, 1));
      expect(await text(page, `calibrated-${s.name}-arpa`)).toBe(en.money(s.values.arpa.value));
    }
    const s = scenarioFromJson(midMarket);
    const base = { segments: Object.fromEntries(s.segments.map((g) => [g.name, g.values])), behaviour: s.behaviour };
    const b = backtest(ledger, s.baseline.values, ledger.periods - 13, undefined, base);
    expect(await text(page, 'ledger-backtest')).toContain(`by ${en.percent(b.arrMape, 1)} on ARR and ${en.percent(b.customersMape, 1)} on customers`);
    expect(await page.getByTestId('ledger-bridge').locator('tbody tr').count()).toBe(12);
    expect(pageErrors).toEqual([]);

    // From the summary to the first segment's calibrated values, in page coordinates (a full-page shot
    // keeps the sticky live strip at the top of the page, not over the step).
    const clip = await page.evaluate(() => {
      const top = document.querySelector('[data-testid="ledger-summary"]')!.getBoundingClientRect().top + window.scrollY;
      const table = document.querySelector('[data-testid="ledger-calibrated"] table')!.getBoundingClientRect();
      const step = document.querySelector('[data-testid="your-data"]')!.getBoundingClientRect();
      return { x: step.left, y: top - 4, width: step.width, height: table.bottom + window.scrollY - top + 8 };
    });
    const path = artifact('calibration.png');
    await page.screenshot({ path, fullPage: true, clip });
    mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
    copyFileSync(path, join(ROOT, 'docs/images/calibration.png'));
  });

  it('passes axe', async () => {
    await expectAccessible(page, 'your-data');
  });

  it('uses the calibration as the baseline: the segment form shows the ledger\'s customers', async () => {
    await page.getByTestId('use-as-baseline').click();
    await page.getByTestId('ledger-used').waitFor();
    const c = calibrate(parseLedger(parseCsv(readFileSync(FILE, 'utf8'))));
    const customers = await page.locator('[data-path^="segment:"][data-path$=":customers"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(customers).toEqual(c.segments.map((s) => String(s.values.customers.value)));
    expect(pageErrors).toEqual([]);
  });
});

/**
 * The Uncertainty tab of the BUILT task pane in Debian's chromium (preview mode), with the Monte Carlo
 * worker for real: a 20,000-trial run shows its progress bar moving and stops when cancelled; run
 * again, the probability of a win and the last period's P50 on the page are the engine's for the same
 * seed (the engine runs here in node); the tornado and the optimiser run in the worker too; axe finds
 * nothing serious; screenshots go to test-artifacts/ and docs/images/uncertainty*.png. The run time of
 * the 20,000 trials in the worker is printed, never asserted.
 *
 * Needs the build: `CEQ_DIST=dist-x npx webpack --mode production`, then
 * `CEQ_DIST=dist-x npx jest --ci test/browser/uncertainty.test.ts`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runMonteCarlo, scenarioFromJson, type ScenarioJson, type UncertaintyRow } from '../../src/engine';
import { formats } from '../../src/i18n';
import { PANE_SERIES } from '../../src/taskpane/uncertainty/protocol';
import { shareText } from '../../src/taskpane/uncertainty/share';
import { defaultTable, evaluateTable } from '../../src/taskpane/uncertainty/table';
import { artifact, type Browser } from './browser';
import { openPreview, type Preview } from './preview';
import { moneyValue, openTab, planInput, retype, text } from './pane';
import { ROOT } from './server';
import { expectAccessible } from './axe';


const TRIALS = 20_000;
const SEED = 2024;
const en = formats('en-US', 'USD');
/**
 * The mid-market example with the proposed renewal commission at 8 % instead of 4 %: dearer, so under
 * model 2 nearly every trial still wins on NPV, yet only about one in five pays back within the tenure.
 */
const scenario = () => {
  const s = scenarioFromJson(JSON.parse(readFileSync(join(ROOT, 'examples/mid-market-saas.json'), 'utf8')) as ScenarioJson);
  s.proposed[0].values.commissionRenewal = 0.08;
  return s;
};
/** The tab's default table for that example (engine DEFAULT_UNCERTAINTY, rounded as the tab shows it). */
const ROWS: UncertaintyRow[] = evaluateTable(defaultTable(scenario(), 'en-US'), scenario(), 'en').rows!;

let preview: Preview;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  preview = await openPreview();
  ({ browser, page, pageErrors } = preview);
});

afterAll(async () => {
  await preview?.close();
});

/** A screenshot of one element, kept as a test artifact and, when named, as a docs image. */
async function shot(testId: string, name: string, docs?: boolean): Promise<void> {
  const path = artifact(`uncertainty-${name}.png`);
  await page.getByTestId(testId).first().screenshot({ path });
  if (docs) {
    mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
    copyFileSync(path, join(ROOT, 'docs/images', name === 'results' ? 'uncertainty.png' : `uncertainty-${name}.png`));
  }
}

const progressDone = async () => Number(await page.getByTestId('mc-progress-bar').getAttribute('data-done'));

describe('the Uncertainty tab in chromium, with the Monte Carlo worker', () => {
  it('opens with the default table and a shape preview per row', async () => {
    await retype(page, planInput(page, 'commissionRenewal'), '8');
    await openTab(page, 'uncertainty', 'mc-run');
    expect(await page.locator('[data-testid="uncertainty-rows"] fieldset').evaluateAll((f) => f.map((x) => x.getAttribute('data-key'))))
      .toEqual(ROWS.map((r) => r.key));
    expect(ROWS.map((r) => r.key)).toEqual(expect.arrayContaining(['responsiveness', 'churn', 'newCustomers', 'arpa', 'discountRate']));
    expect(await page.getByTestId('distribution-preview').count()).toBe(ROWS.length);
    expect(await page.getByTestId('uncertainty-preview-note').textContent()).toContain('needs Excel');
    await shot('uncertainty-table', 'table', true);
  });

  it('a 20,000-trial run moves its progress bar and stops when cancelled', async () => {
    await retype(page, page.locator('[data-path="trials"]'), '20,000');
    await retype(page, page.locator('[data-path="seed"]'), String(SEED));
    await page.getByTestId('mc-run').click();
    await page.getByTestId('mc-progress-bar').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="mc-progress-bar"]')?.getAttribute('data-done')) > 0);
    const first = await progressDone();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="mc-progress-bar"]')?.getAttribute('data-done')) > n, first);
    const second = await progressDone();
    // The page still paints frames while the worker runs (no timing asserted: a frame arrives at all).
    expect(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(1))))).toBe(1);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(TRIALS);
    await page.getByTestId('mc-progress-cancel').click();
    const note = await page.getByTestId('mc-progress-cancelled').textContent();
    const stoppedAt = Number(/after ([\d,]+) of 20,000/.exec(note ?? '')![1].replace(/,/g, ''));
    expect(stoppedAt).toBeGreaterThanOrEqual(second);
    expect(stoppedAt).toBeLessThan(TRIALS);
    // Stopped for good: no progress bar, no result, the note stays.
    // Read at once, no clock: the note above came after the worker stopped; the next test runs again.
    expect(await page.getByTestId('mc-progress').count()).toBe(0);
    expect(await page.getByTestId('mc-run-info').count()).toBe(0);
    expect(await page.getByTestId('mc-progress-cancelled').count()).toBe(1);
    await shot('mc-panel', 'cancelled');
  });

  it('run again to the end: the probability of a win and the last period\'s P50 are the engine\'s for the same seed', async () => {
    const started = Date.now();
    await page.getByTestId('mc-run').click();
    await page.getByTestId('mc-run-info').waitFor();
    const wall = Date.now() - started;
    const info = page.getByTestId('mc-run-info');
    expect(await info.getAttribute('data-where')).toBe('worker');
    const workerMs = Number(await info.getAttribute('data-ms'));
    writeFileSync(artifact('uncertainty-run-time.json'), JSON.stringify({ trials: TRIALS, workerMs, clickToResultMs: wall }, null, 2));
    console.log(`Monte Carlo in the worker: ${TRIALS.toLocaleString('en-US')} paired trials of the 10-year, 3-segment example in ${workerMs} ms ` +
      `(start to result message); ${wall} ms from the click to the results on the page.`);

    const direct = runMonteCarlo(scenario(), ROWS, { trials: TRIALS, seed: SEED, ...PANE_SERIES });
    const plan = direct.plans[0];
    const p50 = direct.series.find((x) => x.kind === 'cumulativeDelta' && x.plan === 0)!.bands.p50;
    const pWin = await text(page, 'mc-pwin-npv');
    expect(pWin).toBe(shareText(plan.pWinNpv, en, TRIALS));
    // Not every trial wins: the page says "> 99.9%", never "100.0%".
    expect(plan.pWinNpv).toBeGreaterThan(0.99);
    expect(plan.pWinNpv).toBeLessThan(1);
    expect(pWin).toBe('> 99.9%');
    expect(moneyValue(await text(page, 'mc-last-p50'))).toBe(Math.round(p50[p50.length - 1]));
    expect(await text(page, 'mc-pwin-equity')).toBe(shareText(plan.pWinEquity, en, TRIALS));
    expect(shareText(plan.pWinEquity, en, TRIALS)).not.toBe('100.0%');
    expect(await text(page, 'mc-p-tenure')).toBe(shareText(plan.pBreakevenWithinTenure, en, TRIALS));
    expect(await text(page, 'mc-pwin-npv-text')).toContain(`In ${pWin} of the 20,000 trials`);
    // docs/uncertainty.md and incertidumbre.md quote this run (model 2): more than 99.9 % win on NPV,
    // every trial on customer equity (shown "≥ 99.9%"), 19 % break even within the four-year tenure,
    // most in year 5 or 6.
    expect(Math.round(plan.pWinNpv * 1000)).toBe(1000);
    expect(plan.pWinEquity).toBe(1);
    expect(shareText(plan.pWinEquity, en, TRIALS)).toBe('≥ 99.9%');
    expect(Math.round(plan.pBreakevenWithinTenure * 100)).toBe(19);
    const byYear = plan.breakeven.byYear.map((n, y) => ({ n, year: y + 1 })).sort((a, b) => b.n - a.n);
    expect(byYear.slice(0, 2).map((x) => x.year).sort()).toEqual([5, 6]);
    await page.locator('[data-testid="chart-fan"] svg path').first().waitFor();
    await shot('mc-results', 'results', true);
  });

  it('the tornado and the optimiser run in the worker too', async () => {
    await page.getByTestId('tornado-run').click();
    await page.getByTestId('chart-tornado').waitFor();
    const first = await page.locator('[data-testid="chart-tornado"] [data-row]').first().getAttribute('data-row');
    expect(first).toBe('Responsiveness to pay');
    await shot('chart-tornado', 'tornado', true);
    // Bounds a sales leader might set (market floors and ceilings) rather than the catalogue's 0–100 %.
    const bounds: Record<string, [string, string]> = {
      commissionNew: ['6', '12'], commissionRenewal: ['2', '8'], commissionExpansion: ['6', '12'], clawback: ['0', '50'], outcomeWeight: ['0', '100'],
    };
    for (const [key, [min, max]] of Object.entries(bounds)) {
      await retype(page, page.locator(`[data-path="bound:${key}:min"]`), min);
      await retype(page, page.locator(`[data-path="bound:${key}:max"]`), max);
    }
    await page.getByTestId('optimizer-run').click();
    await page.getByTestId('optimum').waitFor();
    expect(await page.getByTestId('optimum-load').isEnabled()).toBe(true);
    expect(await text(page, 'optimum-commissionExpansion')).toBe('12% ▲');
    await shot('optimizer', 'optimizer', true);
  });

  it('passes axe with every result on screen and every data table open', async () => {
    await page.locator('[data-testid="uncertainty"] details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
    await expectAccessible(page, 'uncertainty-results');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact('uncertainty-full.png'), fullPage: true });
  });

  it('speaks Spanish', async () => {
    await page.getByTestId('language').selectOption('es');
    expect(await page.getByTestId('tab-uncertainty').textContent()).toBe('Incertidumbre');
    expect(await page.getByRole('heading', { name: '¿Qué probabilidad hay de que compense?' }).count()).toBe(1);
    // The share as the Spanish page writes it ("> 99,9 %" for this run), not the English "> 99.9%".
    expect(await text(page, 'mc-pwin-npv-text')).toMatch(/^En el (?:[<>≤≥] )?\d+,\d\s%/);
    await expectAccessible(page, 'uncertainty-spanish');
    await page.getByTestId('language').selectOption('en');
    // office.js itself asks for its telemetry proxy some seconds after loading (blocked, harmless); nothing else left the page.
    expect(browser.blocked.filter((url) => !url.startsWith('https://telemetryservice.firstpartyapps.oaspapps.com/'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

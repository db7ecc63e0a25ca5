/**
 * The Summary's "how sure" in the BUILT pane (chromium, the worker pool for real) follows the
 * uncertainty table the user edits on the Uncertainty tab (issue 14): every row removed, nothing varies
 * and the example's win is certain; the default table restored, the Summary's figures are the
 * default's again. The screen says which table it used, in English and in Spanish.
 */
import type { Page } from 'playwright-core';
import { formats } from '../../src/i18n';
import { shareText } from '../../src/taskpane/uncertainty/share';
import { HOW_SURE_TRIALS } from '../../src/taskpane/screens/SummaryHowSure';
import { openPreview, type Preview } from './preview';
import { chooseLanguage, openTab, text } from './pane';

jest.setTimeout(180_000);

let preview: Preview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview();
  page = preview.page;
});

afterAll(async () => {
  await preview?.close();
});

/** The Summary once its run for a table of `rows` rows from `source` is on the page. */
async function summaryFor(source: 'user' | 'default', rows: number): Promise<{ chances: string[]; table: string }> {
  await openTab(page, 'summary', 'summary-howsure');
  await page.locator(`[data-testid="howsure-table"][data-source="${source}"][data-rows="${rows}"]`).waitFor();
  await page.locator('[data-testid="summary-howsure"][aria-busy="false"]').waitFor();
  const chances = [];
  for (const id of ['pwin-npv', 'pwin-equity', 'p-tenure']) chances.push(await text(page, `howsure-${id}`));
  return { chances, table: await text(page, 'howsure-table') };
}

describe.each([['en', 'en-US'], ['es', 'es-ES']] as const)('how sure follows the table the user edits (%s)', (lang, locale) => {
  beforeAll(async () => {
    await chooseLanguage(page, lang);
  });

  it('all rows removed: certain; the default table restored: the default figures again', async () => {
    const fmt = formats(locale, 'USD');
    const before = await summaryFor('default', 21);
    expect(before.table).toContain(lang === 'en' ? 'using the default uncertainty table (21 assumptions varied' : 'con la tabla de incertidumbre por defecto (21 supuestos varían');
    const certain = [shareText(0, fmt, HOW_SURE_TRIALS), shareText(1, fmt, HOW_SURE_TRIALS)];
    // Under the default table at least one chance is neither 0 nor 100 %.
    expect(before.chances.some((c) => !certain.includes(c))).toBe(true);

    await openTab(page, 'uncertainty', 'mc-run');
    const remove = page.locator('[data-testid^="uncertainty-remove-"]');
    while ((await remove.count()) > 0) await remove.first().click();
    const none = await summaryFor('user', 0);
    // Nothing varies: every trial is the example itself, so each chance is 0 or 100 % (it wins on NPV).
    expect(none.chances[0]).toBe(shareText(1, fmt, HOW_SURE_TRIALS));
    for (const c of none.chances) expect(certain).toContain(c);
    expect(none.table).toContain(lang === 'en' ? 'using your uncertainty table, which varies nothing' : 'con su tabla de incertidumbre, que no hace variar nada');

    await openTab(page, 'uncertainty', 'mc-run');
    await page.getByRole('button', { name: lang === 'en' ? 'Restore the default table' : /Restaurar/ }).click();
    const after = await summaryFor('default', 21);
    expect(after.chances).toEqual(before.chances);
    expect(preview.pageErrors).toEqual([]);
  });
});

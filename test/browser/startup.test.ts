/**
 * Start-up when office.js loads but the helper files it fetches do not (a proxy that lets office.js
 * through and blocks the rest): the pane must not wait for Office's silence. It falls back to the
 * preview as soon as the helper's load fails (an event, not a timer) and says why, in both languages.
 * Nothing here asserts on time; the pane's own backstop timer (3 s) would show a different note.
 */
import { OFFICE_CDN } from './browser';
import { openPreview, type Preview } from './preview';
import { text } from './pane';

jest.setTimeout(60_000);

let preview: Preview | undefined;
const helpers: string[] = [];

afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

async function openWithHelpersBlocked(locale?: string): Promise<Preview> {
  return openPreview(async (b) => {
    if (locale) await b.context.addInitScript((l) => Object.defineProperty(navigator, 'language', { get: () => l }), locale);
    // Added after browser.ts's routes, so tried first: office.js itself goes on to them, its helpers fail.
    await b.context.route(`${OFFICE_CDN}**`, (route) => {
      if (new URL(route.request().url()).pathname.endsWith('/hosted/office.js')) return route.fallback();
      helpers.push(route.request().url());
      return route.abort('blockedbyclient');
    });
  });
}

describe('office.js without its helper files', () => {
  it('opens the preview and names the file that failed (English)', async () => {
    preview = await openWithHelpersBlocked();
    const { page } = preview;
    await page.getByTestId('fallback-note').waitFor();
    expect(helpers.length).toBeGreaterThan(0);
    const file = new URL(helpers[0]).pathname.split('/').pop()!;
    expect(await text(page, 'fallback-note')).toBe(`Office.js loaded but its helper file ${file} did not (blocked or offline), so the pane opened as a preview: workbook actions are off.`);
    await page.getByTestId('preview-badge').waitFor();
    expect(await page.getByTestId('live-npv').count()).toBe(1);
  });

  it('says it in Spanish for a Spanish browser', async () => {
    preview = await openWithHelpersBlocked('es-ES');
    const { page } = preview;
    await page.getByTestId('fallback-note').waitFor();
    expect(await text(page, 'fallback-note')).toMatch(/^Office\.js se cargó pero su archivo auxiliar \S+\.js no \(bloqueado o sin conexión\)/);
  });
});

/**
 * The built task pane opened in preview mode, as every browser test starts: a local server for the
 * build, the offline chromium of browser.ts, and the page's errors recorded from its first script on.
 */
import type { Page } from 'playwright-core';
import { assertChromium, launch, openPane, type Browser } from './browser';
import { assertBuilt, serveDirectory } from './server';

/**
 * The one console error a green run expects: office.js frames its telemetry page
 * (telemetryservice.firstpartyapps.oaspapps.com), which the pane's Content-Security-Policy refuses on
 * purpose (only the add-in's origin and Office's CDN are allowed); office.js goes on without it.
 */
const OFFICE_TELEMETRY_REFUSED = /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

export interface Preview {
  browser: Browser;
  page: Page;
  /** Uncaught exceptions and console errors of the page, from before it loaded. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** `beforeOpen` runs after the browser starts and before the page loads (e.g. to add an init script). */
export async function openPreview(beforeOpen?: (b: Browser) => Promise<void>): Promise<Preview> {
  assertChromium();
  assertBuilt('functions.js');
  const server = await serveDirectory();
  const browser = await launch(server.origin);
  const pageErrors: string[] = [];
  const record = (p: Page) => {
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error' && !OFFICE_TELEMETRY_REFUSED.test(m.text())) pageErrors.push(m.text()); });
  };
  browser.context.pages().forEach(record);
  browser.context.on('page', record);
  await beforeOpen?.(browser);
  const page = await openPane(browser, `${server.origin}/taskpane.html`);
  return {
    browser, page, pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Debian's chromium driven by playwright-core, offline: every request that leaves the local server is
 * aborted, except Office.js's CDN, which is answered from node_modules/@microsoft/office-js/dist (in a
 * plain browser office.js then resolves Office.onReady with host null: the pane's preview mode).
 * Reusable by any browser test (the Monte Carlo worker test too).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's chromium at ${CHROMIUM}, which is missing. Install it with ` +
      '`sudo apt-get install -y chromium` (.ci/run does this), or point CHROMIUM_PATH at a Chromium binary. ' +
      'Never `npx playwright install`: the tests use the system browser.');
  }
}

export interface Browser {
  context: BrowserContext;
  /** URLs the page tried to fetch outside the local server and the Office CDN (all aborted). */
  blocked: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html' };

/** A fresh browser profile with the network closed except for `origin` (the test server) and the Office CDN. */
export async function launch(origin: string, viewport = { width: 420, height: 900 }): Promise<Browser> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), 'ceq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport, locale: 'en-US', deviceScaleFactor: 1,
  });
  const blocked: string[] = [];
  // Playwright tries the route added last first: the block-all route goes in first.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await context.route(`${OFFICE_CDN}**`, (route) => {
    const rel = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
    const file = normalize(join(OFFICE_DIST, rel));
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) {
      blocked.push(route.request().url());
      return route.fulfill({ status: 404, body: 'not in @microsoft/office-js' });
    }
    const ext = file.slice(file.lastIndexOf('.'));
    return route.fulfill({ status: 200, contentType: TYPES[ext] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  return {
    context,
    blocked,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the task pane page and waits for the React shell (after Office.onReady) to render. */
export async function openPane(b: Browser, url: string): Promise<Page> {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  // Waits end on what the page does, never on a clock: a busy machine only makes them longer. The
  // only limit is jest's hang guard (jest.config.js testTimeout).
  page.setDefaultTimeout(0);
  page.setDefaultNavigationTimeout(0);
  await page.goto(url);
  await page.waitForSelector('[data-testid="tab-scenario"]');
  return page;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

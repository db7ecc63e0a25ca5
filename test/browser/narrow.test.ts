/**
 * The narrowest pane Excel allows (320 px): no screen scrolls sideways, in English or in Spanish, and a
 * long paste wraps instead of widening the page. Measured on the built pane in chromium: the page's
 * scrollWidth against its clientWidth, every tab, every accordion section open; a failure names the
 * elements that stick out.
 */
import type { Page } from 'playwright-core';
import { artifact } from './browser';
import { openPreview, type Preview } from './preview';
import { chooseLanguage, narrowPane, openTab } from './pane';

jest.setTimeout(180_000);

const TABS: [string, string][] = [
  ['scenario', 'live-strip'], ['results', 'metrics-table'], ['summary', 'summary'], ['uncertainty', 'panel-uncertainty'],
  ['quotas', 'panel-quotas'], ['workbook', 'panel-workbook'],
];

let preview: Preview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview();
  page = preview.page;
  await narrowPane(page);
});

afterAll(async () => {
  await preview?.close();
});

/** How far the page scrolls sideways, and the outermost elements that reach past its right edge. */
async function overflow(): Promise<{ scroll: number; client: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const client = root.clientWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= client + 0.5) continue;
      // Only the outermost: skip an element whose parent already sticks out, or inside a scroll region.
      const parent = el.parentElement!.getBoundingClientRect();
      if (parent.right > client + 0.5) continue;
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; }
      }
      if (clipped) continue;
      culprits.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}.${el.className.toString().slice(0, 40)} right=${Math.round(r.right)} "${(el.textContent ?? '').slice(0, 40)}"`);
    }
    return { scroll: root.scrollWidth, client, culprits: culprits.slice(0, 8) };
  });
}

/** Two animation frames: Fluent's message bars measure themselves once and reflow to several lines. */
async function settled(): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

async function openEverything(): Promise<void> {
  // Every collapsed accordion section of the screen shown.
  for (const b of await page.locator('[role="tabpanel"]:not([hidden]) button[aria-expanded="false"]').all()) {
    if (await b.isVisible()) await b.click();
  }
}

describe.each(['en', 'es'] as const)('a 320 px pane in %s', (lang) => {
  beforeAll(async () => {
    await chooseLanguage(page, lang);
  });

  it.each(TABS)('the %s screen does not scroll sideways', async (tab, ready) => {
    await openTab(page, tab, ready);
    await openEverything();
    // The header's folded controls too: they must fit as well.
    if (await page.getByTestId('header-fold').getAttribute('aria-expanded') === 'false') await page.getByTestId('header-fold').click();
    await settled();
    const o = await overflow();
    if (tab === 'summary') await page.screenshot({ path: artifact(`narrow-${tab}-${lang}.png`), fullPage: true });
    expect({ tab, lang, ...o }).toEqual({ tab, lang, scroll: o.client, client: o.client, culprits: [] });
  });
});

describe('a long paste at 320 px', () => {
  it('wraps the scenario and plan names instead of widening the page', async () => {
    await openTab(page, 'scenario', 'live-strip');
    const long = 'Proposal-with-a-very-long-name-pasted-from-an-email-without-any-spaces-at-all-'.repeat(3);
    await page.getByRole('textbox', { name: lang() }).fill(long);
    const planName = page.locator('[data-path^="plan:"][data-path$=":name"]').nth(1);
    await planName.fill(long);
    expect(await planName.inputValue()).toBe(long);
    for (const [tab, ready] of TABS.slice(0, 3)) {
      await openTab(page, tab, ready);
      await settled();
      const o = await overflow();
      expect({ tab, ...o }).toEqual({ tab, scroll: o.client, client: o.client, culprits: [] });
    }
  });
});

function lang(): RegExp {
  return /Scenario name|Nombre del escenario/;
}

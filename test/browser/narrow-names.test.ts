/**
 * A 320 × 900 pane (the narrowest Excel allows), English and Spanish: on the Scenario screen every plan
 * and segment name is readable in full (its box shows all its text: nothing scrolled out of view, no
 * ellipsis) and the first value of a plan the user can edit sits in the first half of the screen, not
 * at its bottom. Measured on the built pane in chromium.
 */
import type { Page } from 'playwright-core';
import { artifact } from './browser';
import { openPreview, type Preview } from './preview';
import { chooseLanguage, narrowPane, openTab, planInput } from './pane';

jest.setTimeout(180_000);

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

interface NameBox { path: string; text: string; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number; ellipsis: boolean }

/** Every plan and segment name on the screen: its text and whether its box shows all of it. */
async function names(): Promise<NameBox[]> {
  return page.evaluate(() => {
    const out: NameBox[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-path^="plan:"][data-path$=":name"], [data-path^="segment:"][data-path$=":name"], [data-testid="column-name"]')) {
      const style = getComputedStyle(el);
      const text = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? '';
      out.push({
        path: el.dataset.path ?? el.dataset.testid ?? '', text, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
        scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, ellipsis: style.textOverflow === 'ellipsis' && style.overflow !== 'visible',
      });
    }
    return out;
  });
}

describe.each(['en', 'es'] as const)('the Scenario screen of a 320 px pane in %s', (lang) => {
  beforeAll(async () => {
    await chooseLanguage(page, lang);
    await openTab(page, 'scenario', 'live-strip');
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('puts the first editable plan value in the first half of the screen', async () => {
    const first = planInput(page, 'commissionNew', 0);
    await first.waitFor();
    const box = (await first.boundingBox())!;
    await page.screenshot({ path: artifact(`narrow-scenario-top-${lang}.png`) });
    // Before issue 15's fix: y ≈ 912 (English) and 892 (Spanish) of 900; after: 416 in both.
    expect(box.y).toBeLessThan(450);
    expect(box.y).toBeGreaterThan(0);
  });

  it('shows every plan and segment name in full', async () => {
    const found = await names();
    expect(found.filter((n) => n.path.startsWith('plan:')).length).toBeGreaterThanOrEqual(2);
    expect(found.filter((n) => n.path.startsWith('segment:')).length).toBeGreaterThanOrEqual(1);
    for (const n of found) {
      expect(n.text.length).toBeGreaterThan(0);
      expect({ ...n, clipped: n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1 || n.ellipsis })
        .toEqual({ ...n, clipped: false });
    }
  });

  it('keeps a long typed plan name readable in full', async () => {
    const name = page.locator('[data-path^="plan:"][data-path$=":name"]').nth(1);
    const before = await name.inputValue();
    const long = lang === 'en' ? 'Proposal: 6 % on new business and 4 % on renewals, no clawback' : 'Propuesta: 6 % en negocio nuevo y 4 % en renovaciones, sin recuperación';
    await name.fill(long);
    // The box grows to its text in the next frame once its column settles.
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const n = (await names()).find((x) => x.text === long)!;
    expect({ ...n, clipped: n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1 }).toEqual({ ...n, clipped: false });
    await name.fill(before);
  });
});

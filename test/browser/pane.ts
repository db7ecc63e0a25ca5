/** Reading the task pane's numbers off the page, the way a user reads them. */
import type { Page } from 'playwright-core';

/** "$29,997,717" → 29997717, "($385,455)" → -385455, "1.234.567 €" (es) → 1234567. */
export function moneyValue(text: string, locale: 'en' | 'es' = 'en'): number {
  const negative = /^\s*\(.*\)\s*$/.test(text);
  const digits = locale === 'es' ? text.replace(/[^\d,]/g, '').replace(',', '.') : text.replace(/[^\d.]/g, '');
  return (negative ? -1 : 1) * Number(digits);
}

/** "Year 5" → 5 (annual periods), "Not within the horizon" → null. */
export function yearValue(text: string): number | null {
  const m = /(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

export async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent())?.trim() ?? '';
}

/** The input of a plan cell: column 0 is the baseline, 1 the first proposed plan. */
export function planInput(page: Page, key: string, column = 1) {
  return page.locator(`[data-path^="plan:"][data-path$=":${key}"]`).nth(column);
}

/** Replaces an input's text the way a user does: select all, type. */
export async function retype(page: Page, locator: ReturnType<Page['locator']>, value: string): Promise<void> {
  await locator.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

export async function openTab(page: Page, id: string, ready: string): Promise<void> {
  await page.getByTestId(`tab-${id}`).click();
  await page.getByTestId(ready).first().waitFor();
}

/**
 * Makes the page as narrow as Excel's narrowest pane (320 px) and waits until the pane has laid
 * itself out for it: the header folds behind one line. The pane learns its width from a media query
 * listener, a turn or more after the resize; before that, a control the fold is about to remove can
 * still be found (chooseLanguage once picked the language select, which then left the page, and waited
 * for it for ever on a busy machine).
 */
export async function narrowPane(page: Page, height = 900): Promise<void> {
  await page.setViewportSize({ width: 320, height });
  await page.getByTestId('header-fold').waitFor();
}

/** Picks the pane's language; in a narrow pane the header's controls are folded: unfold them, pick, fold again. */
export async function chooseLanguage(page: Page, lang: 'en' | 'es'): Promise<void> {
  const fold = page.getByTestId('header-fold');
  const folded = (await fold.count()) > 0 && (await fold.getAttribute('aria-expanded')) === 'false';
  if (folded) await fold.click();
  await page.getByTestId('language').selectOption(lang);
  if (folded) await fold.click();
}

import type { Locator, Page } from 'playwright-core';

/**
 * Presses Tab until the locator has focus, like a keyboard user; fails after `max` presses. Each check waits at
 * most 2 s for the target, so a target that is not there yet costs a press, not the test's whole timeout.
 */
export async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 }).catch(() => false)) return;
  }
  throw new Error('tabTo: element not reached by keyboard');
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium.ts';

/** The screenshots the run saves (commit-worthy PNGs). */
export const screenshotDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** describe() that is skipped, with the reason printed, when the global setup found no Chromium. */
export function describeE2e(name: string, fn: () => void): void {
  const reason = inject('skipReason');
  if (reason) describe.skip(`${name} (skipped: ${reason})`, fn);
  else describe(name, fn);
}

/** A Chromium for the file: launched before its tests, closed after. */
export function useBrowser(): { browser: () => Browser; page: (options?: { width?: number; height?: number }) => Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    browser: () => browser as Browser,
    async page(options = {}) {
      const context = await (browser as Browser).newContext({
        baseURL: inject('baseUrl'),
        viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** The account of a role (or the newcomer who must change the password). */
export function account(who: keyof ReturnType<typeof inject<'users'>>) {
  return inject('users')[who];
}

/** Signs in through the form and waits for the person search. */
export async function signIn(page: Page, who: Parameters<typeof account>[0]): Promise<void> {
  const { username, password } = account(who);
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (who !== 'newcomer') await page.getByRole('heading', { level: 1, name: '残疾人信息查询' }).waitFor();
}

/** Runs axe with the WCAG 2.1 A/AA tags and fails listing each violation and where. */
export async function expectAxeClean(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(' | ')}`,
  );
  expect(found, `axe violations on ${label}`).toEqual([]);
}

/** Turns care mode on or off through the header button. */
export async function setCareMode(page: Page, on: boolean): Promise<void> {
  const button = page.getByRole('button', { name: /关怀模式/ });
  const pressed = (await button.getAttribute('aria-pressed')) === 'true';
  if (pressed !== on) {
    // Wait for the preference to be saved: its answer counts as session activity.
    const signedIn = (await page.getByRole('button', { name: '退出登录' }).count()) > 0;
    const saved = signedIn && page.waitForResponse((r) => r.url().includes('/api/v1/me/preferences') && r.request().method() === 'PUT');
    await button.click();
    if (saved) await saved;
  }
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('care-mode'))).toBe(on);
}

/** axe in normal and in care mode. */
export async function expectAxeCleanBothModes(page: Page, label: string): Promise<void> {
  await expectAxeClean(page, `${label} (normal)`);
  await setCareMode(page, true);
  await expectAxeClean(page, `${label} (care mode)`);
  await setCareMode(page, false);
}

/** axe on a dialog in normal and in care mode (care mode is switched in the header, with the dialog closed). */
export async function expectDialogAxeBothModes(page: Page, open: () => Promise<Locator>, label: string): Promise<void> {
  let dialog = await open();
  await expectAxeClean(page, `${label} (normal)`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await setCareMode(page, true);
  dialog = await open();
  await expectAxeClean(page, `${label} (care mode)`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await setCareMode(page, false);
}

/** Saves a screenshot of the viewport as e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { account, describeE2e, useBrowser } from './support/browser.ts';

/** Presses Tab until the focused element matches, like a keyboard user; fails after `max` presses. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; inTable: boolean }) => boolean,
  max = 80,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', text: (a?.textContent ?? '').trim(), id: a?.id ?? '', inTable: !!a?.closest('tbody') };
    });
    if (matches(el)) return;
  }
  throw new Error('tabTo: element not reached by keyboard');
}

/** The focused element has a visible focus indicator (outline or box-shadow). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });
}

describeE2e('keyboard only', () => {
  const b = useBrowser();

  it('signs in, searches, opens a person, edits and saves without the mouse', async () => {
    const page = await b.page();
    const { username, password } = account('countyStaff');
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await tabTo(page, (e) => e.text === '跳到主要内容');
    expect(await focusVisible(page)).toBe(true);
    await tabTo(page, (e) => e.id === 'username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '残疾人信息查询' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /已显示|共找到/ })
      .waitFor();

    await tabTo(page, (e) => e.id === 'f-town');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (e) => e.tag === 'button' && e.text === '查询');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /已显示|共找到/ })
      .waitFor();
    await tabTo(page, (e) => e.tag === 'a' && e.inTable);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: '基本信息' }).waitFor();

    await tabTo(page, (e) => e.tag === 'a' && e.text === '编辑');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /编辑/ }).waitFor();
    await tabTo(page, (e) => e.id === 'p-guardianName');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('键盘监护人');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await page.getByText('键盘监护人').first().waitFor();
  });

  it('closes a dialog with Escape and returns focus to its trigger', async () => {
    const page = await b.page();
    const { username, password } = account('villageWorker');
    await page.goto('/sign-in');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /已显示|共找到/ })
      .waitFor();
    await page.getByRole('table').getByRole('link').first().focus();
    await page.keyboard.press('Enter');
    await tabTo(page, (e) => e.tag === 'button' && e.text === '查看完整号码');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: '查看完整号码' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '查看完整号码' }).waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('查看完整号码');
  });
});

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, expectAxeClean, expectAxeCleanBothModes, screenshot, setCareMode, signIn, useBrowser } from './support/browser.ts';

/** Opens the first person of a search for 石角镇 and returns the page title's name. */
async function openFirstPerson(page: Page): Promise<void> {
  await page.getByLabel('户籍镇').selectOption({ label: '石角镇' });
  await page.getByRole('button', { name: '查询' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /共找到|已显示/ })
    .waitFor();
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: '基本信息' }).waitFor();
}

describeE2e('registry: search, detail, edit, conflict', () => {
  const b = useBrowser();

  it('searches with filters, pages with "load more", sorts and exports', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    expect(await page.title()).toBe('残疾人信息查询 - 智慧残联');
    await page.getByRole('status').filter({ hasText: '已显示 50 人' }).waitFor();
    await screenshot(page, 'search-1366');
    await expectAxeCleanBothModes(page, 'search');
    expect(page.url()).not.toContain('?');
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByRole('status').filter({ hasText: '已显示 100 人' }).waitFor();
    const birth = page.getByRole('columnheader', { name: /出生日期/ });
    await birth.getByRole('button').click();
    expect(await birth.getAttribute('aria-sort')).toBe('ascending');
    await birth.getByRole('button').click();
    expect(await birth.getAttribute('aria-sort')).toBe('descending');
    await page.getByLabel('户籍镇').selectOption({ label: '石角镇' });
    await page.getByLabel('残疾类别').selectOption({ label: '肢体' });
    await page.getByRole('button', { name: '查询' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /共找到|已显示/ })
      .waitFor();
    const towns = await page.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(towns)).toEqual(new Set(['石角镇']));
    const ids = await page.locator('tbody tr td:nth-child(2) [aria-hidden="true"]').allTextContents();
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByRole('status').filter({ hasText: '已导出' }).waitFor();
  });

  it('shows a person, reveals the ID number with a reason, and marks a person moved out', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await openFirstPerson(page);
    await screenshot(page, 'person-detail-1366');
    await expectAxeCleanBothModes(page, 'person detail');
    await page.getByRole('button', { name: '查看完整号码' }).click();
    const dialog = page.getByRole('dialog', { name: '查看完整号码' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '查看', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: '查看原因' }).waitFor();
    await expectAxeClean(page, 'reveal dialog with errors');
    await dialog.getByLabel('查看原因').fill('核对补贴发放信息');
    await dialog.getByRole('button', { name: '查看', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.revealed').first().textContent()).toMatch(/^\d{17}[\dX]$/);
    await page.getByRole('button', { name: '标记迁出' }).click();
    const moved = page.getByRole('dialog', { name: '标记迁出' });
    await moved.getByLabel('日期').fill('2026-01-15');
    await expectAxeClean(page, 'moved-out dialog');
    await moved.getByRole('button', { name: '确认' }).click();
    await moved.waitFor({ state: 'hidden' });
    await page.getByText('已迁出').first().waitFor();
  });

  it('edits with field errors in Chinese, saves, and resolves a version conflict', async () => {
    const page = await b.page();
    await signIn(page, 'townStaff');
    await page
      .getByRole('status')
      .filter({ hasText: /已显示|共找到/ })
      .waitFor();
    await page.getByRole('table').getByRole('link').nth(3).click();
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByRole('heading', { level: 1, name: /编辑/ }).waitFor();
    await expectAxeCleanBothModes(page, 'edit form');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '电话号码格式错误' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-phone');
    expect(await page.getByLabel('联系电话').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'edit-errors-1366');
    await expectAxeCleanBothModes(page, 'edit form with errors');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('监护人姓名').fill('张监护');
    // Someone else saves the record meanwhile: the page's version is now stale.
    const id = Number(page.url().match(/persons\/(\d+)/)?.[1]);
    await page.evaluate(async (personId) => {
      const csrf = document.cookie.match(/(?:^|; )sdpf_csrf=([^;]*)/)?.[1] ?? '';
      const current = await (await fetch(`/api/v1/persons/${personId}`)).json();
      await fetch(`/api/v1/persons/${personId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ version: current.version, guardianName: '李他人' }),
      });
    }, id);
    await page.getByRole('button', { name: '保存' }).click();
    const conflict = page.getByRole('dialog', { name: '该记录已被他人修改' });
    await conflict.waitFor();
    await conflict.getByRole('cell', { name: '李他人' }).waitFor();
    await screenshot(page, 'conflict-1366');
    await expectAxeClean(page, 'conflict dialog');
    await conflict.getByRole('button', { name: '用我的修改覆盖' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await page.getByText('张监护').first().waitFor();
    await page.getByRole('heading', { name: '修改记录' }).waitFor();
    await page.getByRole('cell', { name: /李他人 → 张监护/ }).waitFor();
  });

  it('creates a person, and shows the empty form, 404 and narrow screens without violations', async () => {
    const page = await b.page({ width: 390, height: 844 });
    await signIn(page, 'countyAdmin');
    await screenshot(page, 'search-390');
    await expectAxeCleanBothModes(page, 'search at 390 px');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: '新增残疾人' }).first().click();
    await page.getByRole('heading', { level: 1, name: '新增残疾人' }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '处需要修改' }).waitFor();
    await setCareMode(page, true);
    await screenshot(page, 'create-errors-care-390');
    await setCareMode(page, false);
    await expectAxeCleanBothModes(page, 'create form with errors at 390 px');
    await page.goto('/persons/99999999');
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await expectAxeClean(page, 'not found');
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
  });
});

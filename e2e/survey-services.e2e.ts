import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, expectAxeClean, expectAxeCleanBothModes, screenshot, setCareMode, signIn, useBrowser } from './support/browser.ts';

/** Opens the first person the signed-in user sees (the search page lists her scope). */
async function openFirstPerson(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /已显示/ })
    .waitFor();
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: '基本信息' }).waitFor();
}

describeE2e('needs survey and service records', () => {
  const b = useBrowser();

  it('lets a village worker record this year’s survey by keyboard, and keeps the correction history', async () => {
    const page = await b.page();
    await signIn(page, 'villageWorker');
    await openFirstPerson(page);
    await page.getByRole('link', { name: '需求调查' }).click();
    await page.getByRole('heading', { level: 1, name: /的需求调查/ }).waitFor();
    const year = new Date().getFullYear();
    expect(await page.getByLabel('调查年度').inputValue()).toBe(String(year));
    await expectAxeCleanBothModes(page, 'survey form');

    // Keyboard only: answer "有康复需求" with the arrow key, type the income, submit with Enter.
    await page.getByLabel('有康复需求').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('家庭人均月收入').focus();
    await page.keyboard.type('1234.5');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${year} 年调查结果已保存` })
      .waitFor();
    await expect.poll(() => page.getByText(/当前为第 \d+ 版/).textContent()).toMatch(/当前为第 \d+ 版/);
    const before = Number((await page.getByText(/当前为第 \d+ 版/).textContent())?.match(/第 (\d+) 版/)?.[1]);

    // A correction: the old answers move into the history table.
    await page.getByLabel('家庭人均月收入').fill('1300');
    await page.getByRole('button', { name: '保存调查结果' }).click();
    await page.getByText(`当前为第 ${before + 1} 版`, { exact: false }).waitFor();
    const history = page.getByRole('table', { name: new RegExp(`${year} 年调查的修改记录`) });
    await history.waitFor();
    expect(await history.getByText('1234.5', { exact: false }).count()).toBe(1);
    await screenshot(page, 'survey-1366');
    await expectAxeCleanBothModes(page, 'survey with history');
  });

  it('reports a bad income with its field, and changes nothing', async () => {
    const page = await b.page();
    await signIn(page, 'villageWorker');
    await openFirstPerson(page);
    await page.getByRole('link', { name: '需求调查' }).click();
    await page.getByLabel('调查年度').selectOption({ index: 1 });
    const version = await page.getByText(/当前为第 \d+ 版|尚未填写/).textContent();
    await page.getByLabel('家庭人均月收入').fill('很多');
    await page.getByRole('button', { name: '保存调查结果' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '家庭人均月收入' });
    await summary.waitFor();
    await expectAxeCleanBothModes(page, 'survey error');
    await page.reload();
    await page.getByLabel('调查年度').selectOption({ index: 1 });
    expect(await page.getByText(/当前为第 \d+ 版|尚未填写/).textContent()).toBe(version);
  });

  it('lets staff record a home modification and move it through its stages', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await openFirstPerson(page);
    await page.getByRole('link', { name: '服务记录' }).click();
    await page.getByRole('heading', { level: 1, name: /的服务记录/ }).waitFor();
    await page.getByRole('button', { name: '新增服务记录' }).click();
    await page.getByLabel('服务类型').selectOption({ label: '家庭无障碍改造' });
    expect(await page.getByLabel('状态').inputValue()).toBe('applied');
    // Checked before sending: a missing start date and a bad amount are listed and nothing is saved.
    await page.getByLabel('费用（元）').fill('abc');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '开始日期' }).waitFor();
    await expectAxeCleanBothModes(page, 'service form with errors');
    await page.getByLabel('开始日期').fill('2026-03-01');
    await page.getByLabel('费用（元）').fill('8000');
    await page.getByLabel('改造内容').fill('卫生间扶手、坡道');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '服务记录已保存' }).waitFor();
    const table = page.getByRole('table', { name: '已提供的服务' });
    const row = table.locator('tbody tr').filter({ hasText: '卫生间扶手' });
    expect(await row.getByText('已申请').count()).toBe(1);
    expect(await row.getByText('8000.00').count()).toBe(1);

    // The dialog in care mode, then in normal mode (the header's care-mode button is behind the dialog).
    const dialog = page.getByRole('dialog', { name: '更新家庭无障碍改造状态' });
    await setCareMode(page, true);
    await row.getByRole('button', { name: /更新状态/ }).click();
    await dialog.waitFor();
    await expectAxeClean(page, 'service status dialog (care mode)');
    await dialog.getByRole('button', { name: '取消' }).click();
    await setCareMode(page, false);
    await row.getByRole('button', { name: /更新状态/ }).click();
    await dialog.waitFor();
    expect(await dialog.getByLabel('状态').inputValue()).toBe('surveyed');
    await expectAxeClean(page, 'service status dialog (normal)');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '服务状态已更新' }).waitFor();
    expect(await row.getByText('已入户评估').count()).toBe(1);
    await screenshot(page, 'services-1366');
    await expectAxeCleanBothModes(page, 'services');
  });

  it('shows the survey read-only to a department user', async () => {
    const page = await b.page();
    await signIn(page, 'departmentUser');
    await openFirstPerson(page);
    await page.getByRole('link', { name: '需求调查' }).click();
    await page.getByRole('heading', { level: 1, name: /的需求调查/ }).waitFor();
    expect(await page.getByRole('button', { name: '保存调查结果' }).count()).toBe(0);
    expect(await page.getByLabel('有康复需求').isDisabled()).toBe(true);
  });
});

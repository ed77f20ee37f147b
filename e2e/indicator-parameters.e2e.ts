import { expect, it } from 'vitest';
import { describeE2e, expectAxeClean, expectAxeCleanBothModes, screenshot, setCareMode, signIn, useBrowser } from './support/browser.ts';

describeE2e('indicator parameters: GDP growth per year', () => {
  const b = useBrowser();

  it('lets the county admin enter the 2025 GDP growth by keyboard, checked before saving', async () => {
    const page = await b.page();
    await signIn(page, 'countyAdmin');
    await page.goto(`${new URL(page.url()).origin}/indicators/parameters`);
    await page.getByRole('heading', { level: 1, name: '指标参数' }).waitFor();
    const table = page.getByRole('table', { name: '各年度指标参数' });
    await table.waitFor();
    // Seeded: 2024 national GDP growth 5.0 %; 2025 left empty on purpose.
    expect(await table.locator('tbody tr').filter({ hasText: '2024' }).getByText('5%').count()).toBe(1);
    await expectAxeCleanBothModes(page, 'indicator parameters');

    const dialog = page.getByRole('dialog', { name: '2025 年GDP 增速' });
    await setCareMode(page, true);
    await page.getByRole('button', { name: '修改 2025 年GDP 增速' }).click();
    await dialog.waitFor();
    await expectAxeClean(page, 'parameter dialog (care mode)');
    await dialog.getByRole('button', { name: '取消' }).click();
    await setCareMode(page, false);

    await page.getByRole('button', { name: '修改 2025 年GDP 增速' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Nothing typed: both fields are listed, nothing is saved.
    await dialog.getByLabel('GDP 增速（%）').focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: '数据来源' }).waitFor();
    await expectAxeClean(page, 'parameter dialog with errors');
    await dialog.getByLabel('GDP 增速（%）').fill('5.2');
    await dialog.getByLabel('数据来源').fill('国家统计局 2025 年统计公报（测试）');
    await dialog.getByLabel('数据来源').press('Enter');
    await page.getByRole('status').filter({ hasText: '2025 年GDP 增速已保存' }).waitFor();
    expect(await table.locator('tbody tr').filter({ hasText: '2025' }).getByText('5.2%').count()).toBe(1);
    await screenshot(page, 'indicator-parameters-1366');
  });

  it('shows the parameters read-only to county staff', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await page.goto(`${new URL(page.url()).origin}/indicators/parameters`);
    await page.getByRole('table', { name: '各年度指标参数' }).waitFor();
    expect(await page.getByRole('button', { name: /^修改/ }).count()).toBe(0);
  });
});

import { expect, it } from 'vitest';
import { describeE2e, expectAxeCleanBothModes, screenshot, signIn, useBrowser } from './support/browser.ts';

describeE2e('indicators: dashboard and gap list', () => {
  const b = useBrowser();

  it('shows the 11 indicators, is axe-clean, and opens a gap list by keyboard', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '指标' }).click();
    await page.getByRole('heading', { level: 1, name: '指标' }).waitFor();
    expect(await page.title()).toBe('指标 - 智慧残联');
    expect(await page.getByLabel('年度').inputValue()).toBe('2025');
    const table = page.getByRole('table', { name: /2025 年主要指标/ });
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(11);
    // Binding indicators come first, and status is text (not colour alone).
    expect(await table.locator('tbody tr td:nth-child(2)').first().textContent()).toBe('约束性');
    expect(await table.getByText(/达标|无目标/).count()).toBeGreaterThan(0);
    await page.getByRole('table', { name: /各单位指标对比/ }).waitFor();
    await page.getByRole('table', { name: /各指标历年数值/ }).waitFor();
    await screenshot(page, 'indicators-1366');
    await expectAxeCleanBothModes(page, 'indicators');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出报表' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Keyboard only: Tab to the first gap-list link and press Enter.
    // The first indicator not met that has a gap list, so the list has persons on it.
    const gapLink = table
      .locator('tbody tr')
      .filter({ hasText: '未达标' })
      .getByRole('link', { name: /差距名单/ })
      .first();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await gapLink.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'the first gap link is reachable by Tab').toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /差距名单/ }).waitFor();
    expect(page.url()).toMatch(/\/indicators\/\w+\/gaps\?year=2025/);
    await page
      .getByRole('status')
      .filter({ hasText: /未达标|没有差距/ })
      .or(page.getByText('没有差距人员'))
      .first()
      .waitFor();
    await page.getByRole('table', { name: /差距名单/ }).waitFor();
    const ids = await page.locator('tbody tr td:nth-child(2) [aria-hidden="true"]').allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    await page.getByRole('table').getByRole('link').first().waitFor();
    await screenshot(page, 'indicator-gaps-1366');
    await expectAxeCleanBothModes(page, 'indicator gap list');
  });

  it('reflows on a phone-sized screen', async () => {
    const page = await b.page({ width: 390, height: 844 });
    await signIn(page, 'countyStaff');
    await page.goto('/indicators?year=2024');
    await page.getByRole('heading', { level: 1, name: '指标' }).waitFor();
    await page.getByRole('table', { name: /2024 年主要指标/ }).waitFor();
    expect(await page.getByLabel('年度').inputValue()).toBe('2024');
    await screenshot(page, 'indicators-390');
    await expectAxeCleanBothModes(page, 'indicators at 390 px');
  });
});

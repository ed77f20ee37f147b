import { expect, it } from 'vitest';
import { describeE2e, expectAxeCleanBothModes, screenshot, signIn, useBrowser } from './support/browser.ts';

describeE2e('renewals: certificates expired or due soon', () => {
  const b = useBrowser();

  it('lists the persons to renew per town, filters by keyboard, exports, and is axe-clean', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '证件到期' }).click();
    await page.getByRole('heading', { level: 1, name: '证件到期提醒' }).waitFor();
    const towns = page.getByRole('table', { name: /各镇\(街\)需换证人数/ });
    await towns.waitFor();
    expect(await towns.locator('tbody tr').count()).toBeGreaterThan(1);
    const list = page.getByRole('table', { name: /需换证人员名单/ });
    await list.waitFor();
    const ids = await list.locator('tbody tr td:nth-child(2) [aria-hidden="true"]').allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    // Status is said in words (not colour alone).
    expect(await list.getByText(/已过期 \d+ 天|还剩 \d+ 天/).count()).toBe(ids.length);
    await screenshot(page, 'renewals-1366');
    await expectAxeCleanBothModes(page, 'renewals');

    // Keyboard only: focus the status filter and choose 已过期 with the arrow keys.
    await page.getByLabel('状态').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('状态').inputValue()).toBe('expired');
    await expect
      .poll(async () => (await list.getByText(/还剩 \d+ 天/).count()) === 0 && (await list.getByText(/已过期/).count()) > 0)
      .toBe(true);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出名单 (.xlsx)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('keeps a town worker to her own town and offers a village worker no export', async () => {
    const page = await b.page();
    await signIn(page, 'townStaff');
    await page.goto(`${new URL(page.url()).origin}/renewals`);
    const towns = page.getByRole('table', { name: /各镇\(街\)需换证人数/ });
    await towns.waitFor();
    expect(await towns.locator('tbody tr').count()).toBe(1);

    const village = await b.page();
    await signIn(village, 'villageWorker');
    await village.goto(`${new URL(village.url()).origin}/renewals`);
    await village.getByRole('heading', { level: 1, name: '证件到期提醒' }).waitFor();
    await village
      .getByRole('status')
      .filter({ hasText: /共 \d+ 人/ })
      .waitFor();
    expect(await village.getByRole('button', { name: '导出名单 (.xlsx)' }).count()).toBe(0);
  });
});

import { expect, it } from 'vitest';
import { describeE2e, expectAxeCleanBothModes, screenshot, signIn, useBrowser } from './support/browser.ts';

describeE2e('audit log: the auditor searches, nobody else sees it', () => {
  const b = useBrowser();

  it('lets the auditor find her own searches by user and action, by keyboard, axe-clean', async () => {
    const page = await b.page();
    // Signing in lands on the person search, which is itself an audited read.
    await signIn(page, 'auditor');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    const table = page.getByRole('table', { name: /审计记录/ });
    await table.waitFor();
    await expectAxeCleanBothModes(page, 'audit log');

    await page.getByLabel('用户名').focus();
    await page.keyboard.type('e2e_auditor');
    await page.getByLabel('操作').focus();
    await page.keyboard.type('person.search');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => {
        const users = await table.locator('tbody tr td:nth-child(2)').allTextContents();
        const actions = await table.locator('tbody tr td:nth-child(5)').allTextContents();
        return users.length > 0 && users.every((u) => u === 'e2e_auditor') && actions.every((a) => a === 'person.search');
      })
      .toBe(true);
    // No full ID number anywhere on the page.
    expect(await page.locator('main').textContent()).not.toMatch(/\d{17}[\dX]/);
    await screenshot(page, 'audit-1366');
  });

  it('offers the audit log to nobody else', async () => {
    const page = await b.page();
    await signIn(page, 'countyAdmin');
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await page.goto(`${new URL(page.url()).origin}/audit`);
    await page
      .getByRole('alert')
      .filter({ hasText: /权限|无权/ })
      .waitFor();
  });
});

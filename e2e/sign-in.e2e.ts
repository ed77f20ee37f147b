import { expect, it } from 'vitest';
import {
  account,
  describeE2e,
  expectAxeClean,
  expectAxeCleanBothModes,
  screenshot,
  setCareMode,
  signIn,
  useBrowser,
} from './support/browser.ts';

describeE2e('sign-in, roles and session', () => {
  const b = useBrowser();

  it('the sign-in page is accessible and announces a wrong password', async () => {
    const page = await b.page();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await page.title()).toBe('登录 - 智慧残联');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await screenshot(page, 'sign-in-1366');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('必填项为空');
    await expectAxeCleanBothModes(page, 'sign-in with errors');
    await page.getByLabel('用户名').fill(account('countyStaff').username);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').last().textContent()).toContain('用户名或密码错误');
  });

  // The navigation is grouped (登记, 待遇, 规划指标, 审计) and shows only what the role's grants allow.
  const countyRegistry = ['残疾人信息', '新增残疾人', '证件到期', '批量导入', '部门名单比对'];
  const countyBenefits = ['惠残申请', '应享未享名单', '跟进任务', '发放名册', '政策测算', '政策参数'];
  const readBenefits = ['惠残申请', '应享未享名单', '跟进任务', '发放名册', '政策参数'];
  const expectations = [
    ['countyAdmin', '佛冈县', '县残联管理员', [...countyRegistry, ...countyBenefits, '指标']],
    ['countyStaff', '佛冈县', '县残联工作人员', [...countyRegistry, ...countyBenefits, '指标']],
    ['townStaff', '石角镇', '镇(街)工作人员', ['残疾人信息', '新增残疾人', '证件到期', ...readBenefits, '指标']],
    ['villageWorker', '', '村(社区)专职委员', ['残疾人信息', '证件到期', ...readBenefits, '指标']],
    ['departmentUser', '佛冈县', '部门用户', ['残疾人信息', '证件到期', '政策参数', '指标']],
    ['auditor', '佛冈县', '审计员', ['残疾人信息', '证件到期', ...readBenefits, '指标', '审计日志']],
  ] as const;
  for (const [role, org, roleName, links] of expectations) {
    it(`${role} signs in and sees their org unit, role and navigation`, async () => {
      const page = await b.page();
      await signIn(page, role);
      const who = await page.getByTestId('who').textContent();
      expect(who).toContain(roleName);
      if (org) expect(who).toContain(org);
      const nav = page.getByRole('navigation', { name: '主导航' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([...links]);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
      await page.getByText('您已退出登录').waitFor();
    });
  }

  it('a newcomer must change the password before anything else', async () => {
    const page = await b.page();
    await signIn(page, 'newcomer');
    await page.getByRole('heading', { level: 1, name: '修改密码' }).waitFor();
    await page.goto('/persons');
    await page.getByRole('heading', { level: 1, name: '修改密码' }).waitFor();
    await expectAxeCleanBothModes(page, 'password change');
    await page.getByLabel('当前密码').fill(account('newcomer').password);
    await page.getByLabel('新密码', { exact: true }).fill('Fresh-Pass-2026!');
    await page.getByLabel('再次输入新密码').fill('Fresh-Pass-2026!');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('heading', { level: 1, name: '残疾人信息查询' }).waitFor();
  });

  it('warns before the idle timeout and extends the session with one click', async () => {
    const page = await b.page();
    await page.clock.install();
    await signIn(page, 'townStaff');
    const dialog = page.getByRole('dialog', { name: '即将自动退出' });
    for (const care of [true, false]) {
      await setCareMode(page, care);
      await page.clock.fastForward('28:30');
      await dialog.waitFor();
      await expectAxeClean(page, `idle warning (care mode ${care})`);
      if (!care) await screenshot(page, 'idle-warning-1366');
      await dialog.getByRole('button', { name: '继续使用' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.clock.fastForward('10:00');
    expect(await dialog.isVisible()).toBe(false);
  });

  it('signs the user out when the idle time runs out', async () => {
    const page = await b.page();
    await page.clock.install();
    await signIn(page, 'auditor');
    await page.clock.fastForward('30:30');
    await page.getByText('由于长时间无操作，您已自动退出').waitFor();
  });

  it('remembers care mode per user on the server', async () => {
    const page = await b.page();
    await signIn(page, 'departmentUser');
    await setCareMode(page, true);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await setCareMode(page, false);
    await signIn(page, 'departmentUser');
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('care-mode'))).toBe(true);
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'search-care-1366');
    await setCareMode(page, false);
  });
});

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, expectAxeClean, expectAxeCleanBothModes, screenshot, signIn, useBrowser } from './support/browser.ts';
import { idNumber } from './support/persons-file.ts';

// A person this file registers (its own birth date and sequence, apart from the other e2e files' persons), and an ID
// number nobody in the demo county has.
const person = idNumber('19500505', 701);
const stranger = '110101199003074477';

async function registerPerson(page: Page): Promise<void> {
  const status = await page.evaluate(async (id) => {
    const csrf = document.cookie.match(/(?:^|; )sdpf_csrf=([^;]*)/)?.[1] ?? '';
    const body = { name: '名单测试', idNumber: id, certificateNumber: `${id}41`, category: '肢体', level: '一级', town: '石角镇' };
    const res = await fetch('/api/v1/persons', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    return res.status;
  }, person);
  expect(status).toBe(201);
}

async function compare(page: Page, kind: string, name: string, lines: string[]): Promise<void> {
  await page.getByLabel('名单种类').selectOption({ label: kind });
  const input = page.getByLabel('名单文件（.xlsx 或 .csv）');
  await input.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await input.focus();
  // By keyboard: the compare button follows the file input.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, ''))).toBe('比对');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: '比对完成' }).waitFor();
}

async function commitByKeyboard(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交名单…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '确认提交名单' });
  await dialog.waitFor();
  await page.getByRole('button', { name: '确认提交' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
}

describeE2e('department lists', () => {
  const b = useBrowser();

  it('compares enrolment and deaths lists with the registry, shows disagreements, and commits after a confirm', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await registerPerson(page);
    await page.getByRole('link', { name: '部门名单比对' }).click();
    await page.getByRole('heading', { level: 1, name: '部门名单比对' }).waitFor();
    await expectAxeCleanBothModes(page, 'department lists (empty)');

    const nursing = '重度残疾人护理补贴名单（民政）';
    await compare(page, nursing, 'nursing.csv', [
      '公民身份号码,开始日期,结束日期,金额',
      `${person},2024-01-01,,300`,
      `${stranger},2024-01-01,,300`,
    ]);
    await page.getByRole('heading', { name: '新增享受（1）' }).waitFor();
    await page.getByRole('heading', { name: '登记库中无此人（1）' }).waitFor();
    expect(await page.getByRole('table', { name: /新增享受/ }).textContent()).toContain('441821********');
    expect(await page.getByRole('button', { name: '提交名单…' }).isDisabled()).toBe(true);
    await expectAxeCleanBothModes(page, 'department lists (comparison)');

    await compare(page, nursing, 'nursing-fixed.csv', ['公民身份号码,开始日期,结束日期,金额', `${person},2024-01-01,,300`]);
    await page.getByRole('button', { name: '提交名单…' }).click();
    await page.getByRole('dialog', { name: '确认提交名单' }).waitFor();
    await expectAxeClean(page, 'commit dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await commitByKeyboard(page);

    await compare(page, '死亡名单（公安）', 'deaths.csv', ['公民身份号码,死亡日期', `${person},2025-03-01`, `${stranger},2025-01-01`]);
    const toMark = page.getByRole('table', { name: /将标记死亡/ });
    expect(await toMark.textContent()).toContain('重度残疾人护理补贴');
    const disagreements = page.getByRole('table', { name: /不一致/ });
    expect(await disagreements.textContent()).toContain('已死亡仍在享受');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载比对结果（Excel）' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await screenshot(page, 'department-lists-deaths');
    await commitByKeyboard(page);

    // The registry now says deceased; the department still pays: payment after death.
    await compare(page, nursing, 'nursing-again.csv', ['公民身份号码,开始日期,结束日期,金额', `${person},2024-01-01,,300`]);
    expect(await page.getByRole('table', { name: /不一致/ }).textContent()).toContain('2025-03-01');
    await page.getByRole('heading', { name: '与登记库不一致（1）' }).waitFor();
    await screenshot(page, 'department-lists-disagreement');
    await expectAxeCleanBothModes(page, 'department lists (disagreement)');
    // A long workflow (four uploads, two commits, axe in both modes three times) on a shared, busy machine.
  }, 300_000);

  it('is not offered to a village worker', async () => {
    const page = await b.page();
    await signIn(page, 'villageWorker');
    expect(await page.getByRole('link', { name: '部门名单比对' }).count()).toBe(0);
    await page.goto('/imports/departments');
    await page.getByRole('alert').filter({ hasText: '没有导入部门名单的权限' }).waitFor();
    await expectAxeClean(page, 'department lists (no grant)');
  });
});

import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  account,
  describeE2e,
  expectAxeClean,
  expectAxeCleanBothModes,
  expectDialogAxeBothModes,
  screenshot,
  signIn,
  useBrowser,
} from './support/browser.ts';
import { tabTo } from './support/keyboard.ts';

/** Replaces a focused text field's content by typing. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** The description (card heading) of a parameter, as the API lists it. */
async function describe(page: Page, id: string): Promise<string> {
  const res = await page.request.get('/api/v1/policy/parameters');
  expect(res.status()).toBe(200);
  const items = (await res.json()).items as { id: string; description: string }[];
  return items.find((p) => p.id === id)?.description ?? '';
}

/** The integer in a table cell's text ("1,234.00" → 1234, "+12" → 12). */
const number = async (cell: Locator) => Number(((await cell.textContent()) ?? '').replace(/[+,\s]/g, ''));

describeE2e('parameters, payment rolls and simulation pages', () => {
  const browser = useBrowser();
  // The machine is shared with other runs: allow slow answers rather than fail on a busy moment.
  const b = {
    async page() {
      const page = await browser.page();
      page.context().setDefaultTimeout(30_000);
      return page;
    },
  };

  it('county admin adds a parameter value by keyboard and sees it in the history', async () => {
    const page = await b.page();
    await signIn(page, 'countyAdmin');
    await tabTo(page, page.getByRole('link', { name: '政策参数' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '政策参数' }).waitFor();
    const name = await describe(page, 'pensionContributionAid.annualAmount');
    const card = page.getByRole('region', { name, exact: true });
    // Not yet known: shown as such, never as 0.
    await card.getByText('尚无已知值').first().waitFor();
    expect(await page.getByRole('region', { name: /低保/ }).count()).toBeGreaterThan(0);
    await expectAxeCleanBothModes(page, 'parameters');
    await screenshot(page, 'policy-parameters-1366');

    const open = card.getByRole('button', { name: `为“${name}”录入新值` });
    // The contents links jump to a group; Tab then goes on from there.
    await tabTo(page, page.getByRole('navigation', { name: '参数分组' }).getByRole('link', { name: '城乡居民养老保险代缴' }));
    await page.keyboard.press('Enter');
    await tabTo(page, open, 30);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `录入新值：${name}` });
    await dialog.waitFor();
    // An empty form: the summary lists every field and focus goes to the first one.
    await tabTo(page, dialog.getByRole('button', { name: '保存' }));
    await page.keyboard.press('Enter');
    const summary = dialog.getByRole('alert').filter({ hasText: '有 3 处需要修改' });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pv-from');
    expect(await dialog.getByLabel('新值（元）').getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(page, 'parameter dialog with errors');
    await screenshot(page, 'policy-parameter-errors-1366');
    await dialog.getByLabel('生效日期').fill('2026-01-01');
    await page.keyboard.press('Tab');
    await tabTo(page, dialog.getByLabel('新值（元）'));
    await page.keyboard.type('180');
    await tabTo(page, dialog.getByLabel('来源 / 依据'));
    await page.keyboard.type('佛冈县城乡居民养老保险代缴通知（e2e 测试）');
    await tabTo(page, dialog.getByRole('button', { name: '保存' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `已保存：“${name}”自 2026-01-01 起为 180.00 元/人/年` })
      .waitFor();
    const row = card.getByRole('row', { name: /2026-01-01/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('180.00 元/人/年');
    expect(await row.textContent()).toContain(account('countyAdmin').username);
    expect(await row.textContent()).toContain('e2e 测试');
  }, 600_000);

  it('the parameter value dialog passes axe in both modes', async () => {
    const page = await b.page();
    await signIn(page, 'countyAdmin');
    await page.goto('/policy/parameters');
    const name = await describe(page, 'pensionContributionAid.annualAmount');
    const open = page.getByRole('region', { name, exact: true }).getByRole('button', { name: `为“${name}”录入新值` });
    await expectDialogAxeBothModes(
      page,
      async () => {
        await open.click();
        const d = page.getByRole('dialog', { name: `录入新值：${name}` });
        await d.waitFor();
        return d;
      },
      'parameter value dialog',
    );
  }, 600_000);

  it('county staff sees the parameters but cannot edit them', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await page.goto('/policy/parameters');
    await page.getByRole('heading', { level: 1, name: '政策参数' }).waitFor();
    const name = await describe(page, 'nursingSubsidy.monthlyAmount');
    await page
      .getByRole('region', { name, exact: true })
      .getByRole('row', { name: /2021-01-01/ })
      .waitFor();
    expect(await page.getByRole('button', { name: /录入新值/ }).count()).toBe(0);
    // The town sees rolls and parameters but has no simulation grant.
    const town = await b.page();
    await signIn(town, 'townStaff');
    const nav = town.getByRole('navigation', { name: /导航/ });
    await nav.getByRole('link', { name: '发放名册' }).waitFor();
    expect(await nav.getByRole('link', { name: '政策测算' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '政策参数' }).count()).toBe(1);
  }, 600_000);

  let detailUrl = '';
  let detailPersons = 0;

  it('generates two months by keyboard and exports a roll', async () => {
    const staff = await b.page();
    await signIn(staff, 'countyStaff');
    await staff.goto('/benefits/rolls');
    await staff.getByRole('heading', { level: 1, name: '发放名册' }).waitFor();
    for (const month of ['2025-12', '2026-01']) {
      await staff.goto('/benefits/rolls');
      await tabTo(staff, staff.getByLabel('月份', { exact: true }));
      await retype(staff, month);
      await staff.keyboard.press('Enter');
      await staff.getByRole('heading', { level: 1, name: `${month} 重度残疾人护理补贴发放名册` }).waitFor();
      await staff.getByRole('status').filter({ hasText: '名册已生成' }).waitFor();
      detailUrl = new URL(staff.url()).pathname;
    }
    const towns = staff.getByRole('table', { name: '按镇合计' });
    const townRows = await towns.locator('tbody tr').count();
    expect(townRows).toBeGreaterThan(1);
    const persons = await number(towns.locator('tfoot td').first());
    expect(persons).toBeGreaterThan(0);
    detailPersons = persons;
    // Bank accounts and ID numbers are masked; every line is paid the 2026 standard.
    expect(await staff.getByRole('table', { name: /发放明细/ }).textContent()).not.toMatch(/\d{17}[\dX]/);
    expect(
      await staff
        .getByRole('table', { name: /发放明细/ })
        .locator('tbody tr')
        .first()
        .textContent(),
    ).toContain('290.00');
    expect(await staff.getByRole('button', { name: '审核通过并冻结' }).count()).toBe(0);
    await expectAxeCleanBothModes(staff, 'roll detail');
    await screenshot(staff, 'benefit-roll-detail-1366');

    const download = staff.waitForEvent('download');
    await tabTo(staff, staff.getByRole('button', { name: '导出名册（Excel）' }));
    await staff.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await file.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await staff.getByRole('status').filter({ hasText: '已导出' }).first().waitFor();
  }, 600_000);

  it('county admin approves a roll through the confirmation dialog; it is frozen', async () => {
    expect(detailUrl).toMatch(/^\/benefits\/rolls\/\d+$/);
    const persons = detailPersons;
    // The county admin approves by keyboard through the confirmation dialog; the roll is frozen.
    const admin = await b.page();
    await signIn(admin, 'countyAdmin');
    await admin.goto(detailUrl);
    const approve = admin.getByRole('button', { name: '审核通过并冻结' });
    await approve.waitFor();
    await expectDialogAxeBothModes(
      admin,
      async () => {
        await approve.click();
        const d = admin.getByRole('dialog', { name: '确认审核名册' });
        await d.waitFor();
        return d;
      },
      'approve roll dialog',
    );
    await tabTo(admin, approve);
    await admin.keyboard.press('Enter');
    const confirm = admin.getByRole('dialog', { name: '确认审核名册' });
    await confirm.getByText(`${persons} 人`).waitFor();
    await tabTo(admin, confirm.getByRole('button', { name: '确认审核' }));
    await admin.keyboard.press('Enter');
    await admin.getByRole('status').filter({ hasText: '名册已冻结' }).waitFor();
    await admin.getByText('已审核（已冻结）').first().waitFor();
    expect(await approve.count()).toBe(0);
  }, 600_000);

  it('a frozen month cannot be generated again; two months compare with explanations', async () => {
    const staff = await b.page();
    await signIn(staff, 'countyStaff');
    await staff.goto('/benefits/rolls');
    await tabTo(staff, staff.getByLabel('月份', { exact: true }));
    await retype(staff, '2026-01');
    await staff.keyboard.press('Enter');
    await staff.getByRole('alert').filter({ hasText: '发放名册已审定' }).waitFor();
    const list = staff.getByRole('table', { name: /发放名册（按月份/ });
    await list
      .getByRole('row', { name: /2026-01/ })
      .filter({ hasText: '已审核' })
      .waitFor();
    await list
      .getByRole('row', { name: /2025-12/ })
      .filter({ hasText: '草稿' })
      .waitFor();

    // Compare: the 2026 standard (290 元) replaced 280 元, so every person paid in both months changed amount.
    const compare = staff.getByRole('region', { name: '两个月对比' });
    await tabTo(staff, compare.getByLabel('基准月份'));
    await retype(staff, '2025-12');
    await tabTo(staff, compare.getByLabel('对比月份'));
    await retype(staff, '2026-01');
    await staff.keyboard.press('Enter');
    await staff
      .getByRole('status')
      .filter({ hasText: /新增 \d+ 人，停发 \d+ 人，金额变化 \d+ 人/ })
      .waitFor();
    const changed = compare.getByRole('table', { name: /金额变化/ });
    await changed.waitFor();
    expect(await changed.locator('tbody tr').first().textContent()).toContain('月标准由 280.00 元调整为 290.00 元（+10.00 元）');
    await expectAxeCleanBothModes(staff, 'rolls with a comparison');
    await screenshot(staff, 'benefit-rolls-compare-1366');
  }, 600_000);

  it('simulates per town: figures follow the amount and the scope', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await page.goto('/benefits/simulate');
    await page.getByRole('heading', { level: 1, name: '政策测算' }).waitFor();
    const amount = page.getByLabel('每人每月标准（元）');
    await expect.poll(() => amount.inputValue()).toBe('290.00');
    const table = page.getByRole('table', { name: /重度残疾人护理补贴按镇测算结果/ });
    const totals = table.locator('tfoot td');

    // Unchanged inputs: no change anywhere.
    await tabTo(page, page.getByRole('button', { name: '开始测算' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '测算完成：合计增加 0 人，每年增加 0.00 元' }).waitFor();
    const base = await number(totals.nth(0));
    expect(base).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);

    // 300 元 a month: the same persons, 10 元 × 12 more each.
    await tabTo(page, amount);
    await retype(page, '300');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: '合计增加 0 人' })
      .filter({ hasText: /每年增加 [1-9]/ })
      .waitFor();
    expect(await number(totals.nth(5))).toBe(base * 120);
    const firstTown = table.locator('tbody tr').first();
    expect(await number(firstTown.locator('td').nth(5))).toBe((await number(firstTown.locator('td').nth(0))) * 120);

    // Level 3 of every category in scope: more persons, in towns, at the new amount.
    await tabTo(page, page.getByRole('group', { name: '所有类别都覆盖的残疾等级' }).getByLabel('三级'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: '开始测算' }));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /合计增加 [1-9]\d* 人/ })
      .waitFor();
    const more = await number(totals.nth(2));
    expect(more).toBeGreaterThan(0);
    expect(await number(totals.nth(1))).toBe(base + more);
    expect(await number(totals.nth(5))).toBe(base * 120 + more * 300 * 12);
    await expectAxeCleanBothModes(page, 'simulation with results');
    await screenshot(page, 'benefit-simulate-1366');
  }, 600_000);
});

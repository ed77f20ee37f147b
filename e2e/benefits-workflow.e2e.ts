import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  account,
  describeE2e,
  expectAxeClean,
  expectAxeCleanBothModes,
  expectDialogAxeBothModes,
  screenshot,
  setCareMode,
  signIn,
  useBrowser,
} from './support/browser.ts';
import { tabTo } from './support/keyboard.ts';

type Gap = {
  personId: number;
  name: string;
  town: string;
  kind: string;
  summary: string;
  reasons: { code: string; held: boolean; message: string }[];
};

/** Today as the server sees it (a China calendar day). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const shijiao = '441821100';

/** A gap list through the API, with the signed-in page's session (what the page itself calls). */
async function gaps(page: Page, program: string, kind: string, org?: string): Promise<{ total: number; items: Gap[] }> {
  const res = await page.request.get(
    `/api/v1/benefits/gaps?program=${program}&kind=${kind}&date=${today}&limit=5000${org ? `&org=${org}` : ''}`,
  );
  expect(res.status()).toBe(200);
  return res.json();
}

/** A POST with the page's CSRF cookie, as the app sends it. */
async function post(page: Page, path: string, body: object): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ path, body }) => {
      const csrf = document.cookie.match(/(?:^|; )sdpf_csrf=([^;]*)/)?.[1] ?? '';
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    { path, body },
  );
}

describeE2e('benefits workflow pages', () => {
  const b = useBrowser();

  it('applies, reviews and approves by keyboard; the person leaves eligible-not-receiving', async () => {
    const town = await b.page();
    await signIn(town, 'townStaff');
    const before = await gaps(town, 'livingSubsidy', 'eligibleNotReceiving', shijiao);
    expect(before.total, 'the demo county has eligible persons not receiving the living subsidy in 石角镇').toBeGreaterThan(0);
    const person = before.items[0] as Gap;

    // The person page's benefits section offers the application where eligible and not receiving.
    await town.goto(`/persons/${person.personId}`);
    await town.getByRole('heading', { level: 1, name: new RegExp(person.name) }).waitFor();
    const section = town.getByRole('region', { name: '惠残政策待遇' });
    await section.getByRole('table').waitFor();
    await expect.poll(() => section.getByRole('row', { name: /困难残疾人生活补贴/ }).textContent()).toMatch(/(?<!不)符合条件：未享受/);
    await expectAxeCleanBothModes(town, 'person page with benefits');
    const applyLink = section.getByRole('link', { name: '代为申请困难残疾人生活补贴' });
    await tabTo(town, applyLink);
    await town.keyboard.press('Enter');
    await town.getByRole('heading', { level: 1, name: '惠残申请' }).waitFor();
    const form = town.getByRole('region', { name: '代为申请' });
    await form.getByText(`已选择：${person.name}`).waitFor();
    expect(await town.getByLabel('项目', { exact: true }).first().inputValue()).toBe('livingSubsidy');
    await form.getByRole('status').filter({ hasText: '符合条件' }).waitFor();
    await screenshot(town, 'benefits-apply-1366');
    await expectAxeCleanBothModes(town, 'applications with the new application form');
    await tabTo(town, form.getByRole('button', { name: '提交申请' }));
    await town.keyboard.press('Enter');
    await town.getByRole('heading', { level: 1, name: /申请详情/ }).waitFor();
    await town.getByRole('status').filter({ hasText: '申请已提交' }).waitFor();
    const detailUrl = new URL(town.url()).pathname;
    const steps = town.getByRole('region', { name: '办理进度' });
    await steps.getByRole('listitem').filter({ hasText: '乡镇初审：办理中' }).waitFor();
    expect(await town.getByText(/还剩 \d+ 天|今天.*到期/).count()).toBeGreaterThan(0);

    // Town review by keyboard: returning without a reason shows the error summary; then pass it on.
    const review = town.getByRole('region', { name: '乡镇初审' });
    await tabTo(town, review.getByRole('radio', { name: '初审通过，报县级审批' }));
    await town.keyboard.press('ArrowDown');
    expect(await review.getByRole('radio', { name: '退回（不予受理）' }).isChecked()).toBe(true);
    await tabTo(town, review.getByRole('button', { name: '提交意见' }));
    await town.keyboard.press('Enter');
    const summary = town.getByRole('alert').filter({ hasText: '有 1 处需要修改' });
    await summary.getByRole('link', { name: /理由/ }).waitFor();
    await expect.poll(() => town.evaluate(() => document.activeElement?.id)).toBe('townReview-reason');
    await expectAxeCleanBothModes(town, 'town review with errors');
    await summary.scrollIntoViewIfNeeded();
    await screenshot(town, 'benefits-town-review-errors-1366');
    await tabTo(town, review.getByRole('radio', { name: '退回（不予受理）' }));
    await town.keyboard.press('ArrowUp');
    await tabTo(town, review.getByRole('button', { name: '提交意见' }));
    await town.keyboard.press('Enter');
    await town.getByRole('status').filter({ hasText: '初审已通过' }).waitFor();
    await steps.getByRole('listitem').filter({ hasText: '乡镇初审：已完成' }).waitFor();
    // The town has no county approval grant: no form for it.
    expect(await town.getByRole('region', { name: '县级审批' }).count()).toBe(0);
    expect(await town.getByRole('button', { name: '提交意见' }).count()).toBe(0);

    // County approval by keyboard, as county staff.
    const county = await b.page();
    await signIn(county, 'countyStaff');
    await county.goto(detailUrl);
    const approval = county.getByRole('region', { name: '县级审批' });
    await approval.waitFor();
    await expectAxeCleanBothModes(county, 'application detail with county approval');
    await tabTo(county, approval.getByRole('radio', { name: '批准', exact: true }));
    await county.keyboard.press('Space');
    await tabTo(county, approval.getByRole('button', { name: '提交意见' }));
    await county.keyboard.press('Enter');
    await county.getByRole('status').filter({ hasText: '已批准' }).waitFor();
    const countySteps = county.getByRole('region', { name: '办理进度' });
    await countySteps.getByRole('listitem').filter({ hasText: '县级审批：已完成' }).waitFor();
    await countySteps
      .getByRole('listitem')
      .filter({ hasText: /公示：办理中/ })
      .getByText(/公示至/)
      .waitFor();
    await countySteps.getByText(new RegExp(`经办人 ${account('countyStaff').username}`)).waitFor();
    await screenshot(county, 'benefits-application-approved-1366');

    // The next evaluation (the gap list is computed on request, not cached) no longer lists the person.
    const after = await gaps(county, 'livingSubsidy', 'eligibleNotReceiving', shijiao);
    expect(after.items.map((i) => i.personId)).not.toContain(person.personId);
    expect(after.total).toBe(before.total - 1);
    await county.goto(`/persons/${person.personId}`);
    await expect
      .poll(() =>
        county
          .getByRole('region', { name: '惠残政策待遇' })
          .getByRole('row', { name: /困难残疾人生活补贴/ })
          .textContent(),
      )
      .toMatch(/(?<!不)符合条件：正在享受/);
  }, 480_000);

  it('lists both gap lists with each entry’s reasons, exports, and assigns follow-up tasks', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    // Each entry's reasons are right: eligible rows hold every condition; the others name the failed ones.
    const missing = await gaps(page, 'livingSubsidy', 'eligibleNotReceiving');
    const wrong = await gaps(page, 'nursingSubsidy', 'receivingNotEligible');
    expect(missing.total).toBeGreaterThan(0);
    expect(wrong.total).toBeGreaterThan(0);
    for (const i of missing.items) {
      expect(
        i.reasons
          .filter((r) => ['ALIVE', 'HUKOU_IN_COUNTY', 'CERTIFICATE_VALID', 'HARDSHIP_HOUSEHOLD'].includes(r.code))
          .every((r) => r.held),
      ).toBe(true);
    }
    for (const i of wrong.items) {
      const failed = i.reasons.filter((r) => !r.held && i.summary.includes(r.message));
      expect(failed.length, `${i.summary}`).toBeGreaterThan(0);
    }

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '应享未享名单' }).click();
    await page.getByRole('heading', { level: 1, name: '应享未享与不应享而享名单' }).waitFor();
    const table = page.getByRole('table', { name: /困难残疾人生活补贴 应享未享名单/ });
    await table.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `共 ${missing.total} 人` })
      .waitFor();
    await table.locator('tbody tr').first().locator('summary').click();
    const firstReasons = table.locator('tbody tr').first().locator('.reason-list li');
    expect(await firstReasons.count()).toBeGreaterThan(3);
    expect(await firstReasons.filter({ hasText: '符合：' }).filter({ hasText: '依据：' }).count()).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').first().getByText('不符合：').count()).toBe(0);
    const ids = await table.locator('tbody tr td:nth-child(3) [aria-hidden="true"]').allTextContents();
    for (const id of ids) expect(id).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    await screenshot(page, 'benefits-gaps-1366');
    await expectAxeCleanBothModes(page, 'gap list');

    // The other list: receiving the nursing subsidy but no longer eligible, with the failed condition named.
    await page.getByLabel('名单', { exact: true }).selectOption('receivingNotEligible');
    await page.getByLabel('项目', { exact: true }).selectOption('nursingSubsidy');
    await page.getByRole('button', { name: '查询' }).click();
    const wrongTable = page.getByRole('table', { name: /重度残疾人护理补贴 不应享而享名单/ });
    await wrongTable.waitFor();
    const row = wrongTable.locator('tbody tr').first();
    await row.locator('summary').click();
    const failedLine = row.locator('.reason-list li').filter({ hasText: '不符合：' }).first();
    const failedText = (await failedLine.textContent()) ?? '';
    expect((await row.locator('summary').textContent()) ?? '').toContain(failedText.replace(/^✗不符合：/, '').split('依据：')[0]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出名单' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Assign two rows of one town to the town worker.
    await page.getByLabel('名单', { exact: true }).selectOption('eligibleNotReceiving');
    await page.getByLabel('项目', { exact: true }).selectOption('livingSubsidy');
    await page.getByLabel('镇(街)', { exact: true }).selectOption(shijiao);
    await page.getByRole('button', { name: '查询' }).click();
    const townTable = page.getByRole('table', { name: /石角镇 困难残疾人生活补贴 应享未享名单/ });
    await townTable.waitFor();
    const boxes = townTable.locator('tbody').getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const chosenNames = [
      await townTable.locator('tbody tr').nth(0).locator('th').textContent(),
      await townTable.locator('tbody tr').nth(1).locator('th').textContent(),
    ];
    const assign = page.getByRole('button', { name: '指派跟进任务（已选 2 人）' });
    const openAssign = async () => {
      await assign.click();
      const dialog = page.getByRole('dialog', { name: '指派跟进任务' });
      await dialog.waitFor();
      return dialog;
    };
    await expectDialogAxeBothModes(page, openAssign, 'assign dialog');
    const dialog = await openAssign();
    await dialog.getByRole('button', { name: '指派' }).click();
    await dialog.getByRole('alert').filter({ hasText: '请选择负责跟进的工作人员' }).waitFor();
    await expectAxeClean(page, 'assign dialog with errors');
    await dialog.getByLabel('指派给').selectOption(account('townStaff').username);
    await dialog.getByRole('button', { name: '指派' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `已建 2 项任务并指派给 ${account('townStaff').username}` })
      .waitFor();

    // The town worker sees them as theirs, and closes one with a note.
    const worker = await b.page();
    await signIn(worker, 'townStaff');
    await worker.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟进任务' }).click();
    await worker.getByRole('heading', { level: 1, name: '跟进任务' }).waitFor();
    const tasks = worker.getByRole('table', { name: '指派给我的跟进任务' });
    await tasks.waitFor();
    for (const name of chosenNames)
      await tasks
        .getByRole('rowheader', { name: name ?? '' })
        .first()
        .waitFor();
    expect(await tasks.locator('tbody tr').count()).toBe(2);
    await screenshot(worker, 'benefits-tasks-1366');
    await expectAxeCleanBothModes(worker, 'tasks');
    const update = tasks.getByRole('button', { name: `更新 ${chosenNames[0]} 的任务` });
    const openUpdate = async () => {
      await update.click();
      const d = worker.getByRole('dialog', { name: /更新任务/ });
      await d.waitFor();
      return d;
    };
    await expectDialogAxeBothModes(worker, openUpdate, 'task update dialog');
    const d = await openUpdate();
    await d.getByLabel('任务状态').selectOption('done');
    await d.getByLabel('办理情况').fill('已入户核实，材料齐全，已代为申请');
    await d.getByRole('button', { name: '保存' }).click();
    await d.waitFor({ state: 'hidden' });
    await worker.getByRole('status').filter({ hasText: '的任务已更新' }).waitFor();
    expect(await tasks.locator('tbody tr').count()).toBe(1);
    await worker.getByLabel('任务状态').selectOption('done');
    await worker.getByRole('button', { name: '查询' }).click();
    await worker.getByRole('table').getByText('已入户核实，材料齐全，已代为申请').waitFor();
  }, 480_000);

  it('handles a version conflict on a step like the registry does (both modes)', async () => {
    const county = await b.page();
    await signIn(county, 'countyStaff');
    const list = await gaps(county, 'homeModification', 'eligibleNotReceiving');
    for (const [n, care] of [
      [0, false],
      [1, true],
    ] as const) {
      const person = list.items[n] as Gap;
      const created = await post(county, '/api/v1/benefits/applications', {
        personId: person.personId,
        program: 'homeModification',
        appliedOn: today,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const id = created.json.id as number;
      await county.goto(`/benefits/applications/${id}`);
      const review = county.getByRole('region', { name: '乡镇初审' });
      await review.waitFor();
      await setCareMode(county, care);
      // Someone else reviews it meanwhile: the page's version is now stale.
      expect((await post(county, `/api/v1/benefits/applications/${id}/town-review`, { version: 1, approve: true })).status).toBe(200);
      await review.getByRole('radio', { name: '初审通过，报县级审批' }).check();
      await review.getByRole('button', { name: '提交意见' }).click();
      const conflict = county.getByRole('dialog', { name: '该记录已被他人修改' });
      await conflict.getByText('乡镇已初审').waitFor();
      await conflict.getByText(/该申请已进入其他环节/).waitFor();
      await expectAxeClean(county, `step conflict dialog (${care ? 'care mode' : 'normal'})`);
      await conflict.getByRole('button', { name: '放弃我的修改，查看最新记录' }).click();
      await county.getByRole('region', { name: '县级审批' }).waitFor();
    }
    await setCareMode(county, false);
  }, 480_000);

  it('shows only the actions a role holds (village worker, auditor, department user)', async () => {
    const village = await b.page();
    await signIn(village, 'villageWorker');
    const nav = village.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '惠残申请' }).click();
    await village.getByRole('heading', { level: 1, name: '惠残申请' }).waitFor();
    await village
      .getByRole('status')
      .filter({ hasText: /已显示|正在加载/ })
      .first()
      .waitFor();
    expect(await village.getByRole('button', { name: '新申请' }).count()).toBe(0);
    await expectAxeCleanBothModes(village, 'applications (village worker)');
    await nav.getByRole('link', { name: '应享未享名单' }).click();
    await village.getByRole('heading', { level: 1, name: '应享未享与不应享而享名单' }).waitFor();
    await village
      .getByRole('status')
      .filter({ hasText: /共 \d+ 人/ })
      .waitFor();
    expect(await village.getByRole('button', { name: /指派跟进任务/ }).count()).toBe(0);
    expect(await village.getByRole('button', { name: '导出名单' }).count()).toBe(0);
    expect(await village.getByRole('checkbox').count()).toBe(0);
    await nav.getByRole('link', { name: '跟进任务' }).click();
    await village.getByRole('heading', { level: 1, name: '跟进任务' }).waitFor();
    expect(await village.getByRole('button', { name: /^更新/ }).count()).toBe(0);

    const auditor = await b.page({ width: 390, height: 844 });
    await signIn(auditor, 'auditor');
    await auditor.goto('/benefits/applications');
    const first = auditor
      .getByRole('table', { name: /惠残申请/ })
      .getByRole('link')
      .first();
    await first.click();
    await auditor.getByRole('heading', { level: 1, name: /申请详情/ }).waitFor();
    await auditor.getByRole('region', { name: '办理进度' }).waitFor();
    expect(await auditor.getByRole('button', { name: '提交意见' }).count()).toBe(0);
    expect(await auditor.getByRole('radio').count()).toBe(0);
    await screenshot(auditor, 'benefits-detail-auditor-390');
    await expectAxeCleanBothModes(auditor, 'application detail at 390 px (auditor)');

    const department = await b.page();
    await signIn(department, 'departmentUser');
    const links = await department.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
    expect(links).not.toContain('惠残申请');
    expect(links).not.toContain('应享未享名单');
    expect(links).not.toContain('跟进任务');
    await department.getByRole('table').getByRole('link').first().click();
    await department.getByRole('heading', { level: 2, name: '基本信息' }).waitFor();
    expect(await department.getByRole('region', { name: '惠残政策待遇' }).count()).toBe(0);
    await department.goto('/benefits/gaps');
    await department.getByRole('alert').filter({ hasText: '没有权限' }).waitFor();
  }, 480_000);
});

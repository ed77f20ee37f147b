import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, expectAxeClean, expectAxeCleanBothModes, screenshot, signIn, useBrowser } from './support/browser.ts';
import { personsCsv } from './support/persons-file.ts';

async function choose(page: Page, csv: string): Promise<void> {
  await page
    .getByLabel('导入文件（.xlsx 或 .csv）')
    .setInputFiles({ name: 'persons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

describeE2e('import wizard', () => {
  const b = useBrowser();

  it('checks a file with errors, downloads the report, fixes it and commits', async () => {
    const page = await b.page();
    await signIn(page, 'countyStaff');
    await page.getByRole('link', { name: '批量导入' }).click();
    await page.getByRole('heading', { level: 1, name: '批量导入残疾人信息' }).waitFor();
    await expectAxeCleanBothModes(page, 'import (empty)');
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Excel 模板' }).click();
    expect((await template).suggestedFilename()).toMatch(/\.xlsx$/);

    await choose(page, personsCsv(3, true));
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByRole('status').filter({ hasText: '检查完成：共 4 行，1 行有错误' }).waitFor();
    const errorRow = page
      .getByRole('table', { name: /错误明细/ })
      .getByRole('row')
      .nth(1);
    expect(await errorRow.textContent()).toContain('3');
    expect(await errorRow.textContent()).toContain('公民身份号码');
    expect(await errorRow.textContent()).toContain('身份证号码校验位错误');
    await screenshot(page, 'import-report-1366');
    await expectAxeCleanBothModes(page, 'import report');
    const report = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载错误报告（Excel）' }).click();
    expect((await report).suggestedFilename()).toMatch(/\.xlsx$/);

    await choose(page, personsCsv(3, false));
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByRole('status').filter({ hasText: '检查完成：共 3 行，0 行有错误' }).waitFor();
    await page.getByRole('button', { name: '导入 3 行' }).click();
    await page.getByRole('status').filter({ hasText: '导入完成' }).waitFor();
    const done = await page.getByRole('status').filter({ hasText: '导入完成' }).textContent();
    expect(done).toContain('新增 3 人');
    await expectAxeClean(page, 'import committed');
    await page.getByRole('link', { name: '查看残疾人信息' }).click();
    await page.getByLabel('姓名、身份证号码或残疾人证号').fill('测试导入');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('status').filter({ hasText: '共找到 3 人' }).waitFor();
  });
});

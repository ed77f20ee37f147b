import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeE2e,
  expectAxeClean,
  expectAxeCleanBothModes,
  screenshot,
  screenshotDir,
  setCareMode,
  signIn,
  useBrowser,
} from './support/browser.ts';

/** The chart of a figure (ECharts sets role=img and its generated description on the container). */
function chartIn(page: Page, figure: RegExp): Locator {
  return page.getByRole('figure', { name: figure }).locator('.echart');
}

/** Waits until ECharts has drawn the chart as SVG and described it, and returns the description. */
async function drawnChart(chart: Locator): Promise<string> {
  await chart.locator('svg').first().waitFor();
  await expect.poll(() => chart.getAttribute('role')).toBe('img');
  await expect.poll(async () => (await chart.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(20);
  return (await chart.getAttribute('aria-label')) as string;
}

/** Clicks the chart element matching `selector` whose centre is nearest (across) to the axis label `label`. */
async function clickNearLabel(chart: Locator, selector: string, label: string): Promise<void> {
  await chart.scrollIntoViewIfNeeded();
  const labelBox = await chart
    .locator('svg text', { hasText: new RegExp(`^${label}$`) })
    .first()
    .boundingBox();
  if (!labelBox) throw new Error(`no axis label ${label}`);
  const boxes = await chart.locator(`svg ${selector}`).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
  const labelX = labelBox.x + labelBox.width / 2;
  const nearest = boxes.sort((a, b) => Math.abs(a.x - labelX) - Math.abs(b.x - labelX))[0];
  if (!nearest) throw new Error(`no ${selector} in the chart`);
  await chart.page().mouse.click(nearest.x, nearest.y);
}

/** Signs in, opens the dashboard and charts the first indicator that is not met and has a gap list. */
async function openChartOfNotMet(page: Page, year: number): Promise<{ name: string; key: string }> {
  await signIn(page, 'countyStaff');
  await page.goto(`/indicators?year=${year}`);
  const main = page.getByRole('table', { name: new RegExp(`${year} 年主要指标`) });
  await main.waitFor();
  const name = (await main
    .locator('tbody tr')
    .filter({ hasText: '未达标' })
    .filter({ has: page.getByRole('link', { name: /差距名单/ }) })
    .first()
    .locator('th')
    .textContent()) as string;
  await page.getByLabel('图表显示的指标').selectOption({ label: name });
  await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toMatch(/^\w+$/);
  return { name, key: new URL(page.url()).searchParams.get('indicator') as string };
}

/** Tabs (at most `max` times) until `target` has focus. */
async function tabTo(page: Page, target: Locator, max = 100): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return true;
  }
  return false;
}

// Axe on the dashboard with its two charts and ~100 table links takes a while on a busy 2-core machine.
const slow = 240_000;

describeE2e('indicators: dashboard and gap list', () => {
  const b = useBrowser();

  it(
    'shows the 11 indicators, is axe-clean, and opens a gap list by keyboard',
    async () => {
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
      // The charts (of the first indicator of the table until another is chosen) are drawn and described, each
      // paired with its table: in one figure, and described by the table's caption.
      const charted = await page.getByLabel('图表显示的指标').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? '');
      expect(charted).toBe(await table.locator('tbody tr th').first().textContent());
      const towns = chartIn(page, /各单位数值与目标/);
      const trend = chartIn(page, /2020 年基数、2021–2025 年数值与目标/);
      expect(await drawnChart(towns)).toContain(`“${charted}”2025 年各单位对比柱状图`);
      expect(await drawnChart(trend)).toContain(`“${charted}”历年趋势折线图`);
      expect(await towns.getAttribute('aria-describedby')).toBe('ind-towns-caption');
      expect(await page.locator('#ind-towns-caption').textContent()).toMatch(/各单位指标对比/);
      expect(await trend.getAttribute('aria-describedby')).toBe('ind-trend-caption');
      expect(
        await page
          .getByRole('figure', { name: /各单位数值与目标/ })
          .getByRole('table', { name: /各单位指标对比/ })
          .count(),
      ).toBe(1);
      expect(
        await page
          .getByRole('figure', { name: /2021–2025 年数值与目标/ })
          .getByRole('table', { name: /各指标历年数值/ })
          .count(),
      ).toBe(1);
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
    },
    slow,
  );

  it(
    'charts the chosen indicator with met / not met as text, in care mode and with reduced motion',
    async () => {
      const page = await b.page();
      const { name } = await openChartOfNotMet(page, 2025);
      const towns = chartIn(page, new RegExp(`图：${name}，2025 年各单位数值与目标`));
      const trend = chartIn(page, new RegExp(`图：${name}，2020 年基数`));
      // ECharts' generated description reads each unit's and each year's value.
      const firstTown = (await page
        .getByRole('table', { name: /各单位指标对比/ })
        .locator('tbody tr th')
        .first()
        .textContent()) as string;
      expect(await drawnChart(towns)).toContain(firstTown);
      expect(await drawnChart(trend)).toMatch(/2021.*2025/);
      // Met / not met is told by text on the chart too, never by colour alone; the target is drawn and named.
      const townTexts = await towns.locator('svg text').allTextContents();
      expect(townTexts).toEqual(expect.arrayContaining([expect.stringMatching(/✘ 未达标/), expect.stringMatching(/^目标 /)]));
      expect(await trend.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['基数', '目标']));
      await towns.screenshot({ path: path.join(screenshotDir, 'indicators-towns-chart-1366.png') });
      await trend.screenshot({ path: path.join(screenshotDir, 'indicators-trend-chart-1366.png') });
      await page.screenshot({ path: path.join(screenshotDir, 'indicators-charts-full-1366.png'), fullPage: true });

      // Animation follows prefers-reduced-motion (and is off in care mode).
      expect(await towns.getAttribute('data-animation')).toBe('on');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await expect.poll(() => towns.getAttribute('data-animation')).toBe('off');
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await expect.poll(() => towns.getAttribute('data-animation')).toBe('on');

      // Care mode: larger text and a taller chart, redrawn at once, still axe-clean.
      const fontOf = (chart: Locator) =>
        chart.locator('svg text').evaluateAll((els) => Math.max(...els.map((e) => Number.parseFloat(getComputedStyle(e).fontSize) || 0)));
      const normalFont = await fontOf(trend);
      const normalHeight = (await trend.boundingBox())?.height ?? 0;
      await setCareMode(page, true);
      await expect.poll(async () => (await trend.boundingBox())?.height ?? 0).toBeGreaterThan(normalHeight);
      await expect.poll(() => fontOf(trend)).toBeGreaterThan(normalFont);
      expect(await trend.getAttribute('data-animation')).toBe('off');
      await towns.screenshot({ path: path.join(screenshotDir, 'indicators-towns-chart-care-1366.png') });
      await expectAxeClean(page, 'indicator charts of a not-met indicator (care mode)');
      await setCareMode(page, false);
    },
    slow,
  );

  it(
    'opens a unit’s gap list from a bar and a year’s from a point of the charts',
    async () => {
      const page = await b.page();
      // Still charts, so the points are where they end up when the test reads their position.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const { name, key } = await openChartOfNotMet(page, 2025);
      // A click on a "not met" bar opens that unit's gap list; zrender hit-tests the pointer itself (the stripes
      // are drawn over the bar as a second path).
      const towns = chartIn(page, new RegExp(`图：${name}，2025 年各单位数值与目标`));
      await drawnChart(towns);
      await towns.locator('svg path[fill="#b3261e"]').first().click({ force: true });
      await page.getByRole('heading', { level: 1, name: `差距名单：${name}` }).waitFor();
      expect(page.url()).toMatch(new RegExp(`/gaps\\?year=2025&org=\\d{9}&indicator=${key}$`));
      await page.getByRole('table', { name: /差距名单/ }).waitFor();
      // 返回指标 comes back to the same chart.
      await page.getByRole('link', { name: '返回指标' }).click();
      await expect
        .poll(() => page.getByLabel('图表显示的指标').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text))
        .toBe(name);

      // A click on the trend's 2025 point opens the 2025 gap list, whatever year the page shows.
      await page.goto(`/indicators?year=2023&indicator=${key}`);
      const trend = chartIn(page, new RegExp(`图：${name}，2020 年基数`));
      await drawnChart(trend);
      await clickNearLabel(trend, 'path[fill="#0b57d0"]', '2025');
      await page.getByRole('heading', { level: 1, name: `差距名单：${name}` }).waitFor();
      expect(page.url()).toMatch(new RegExp(`/gaps\\?year=2025&indicator=${key}$`));
    },
    slow,
  );

  it(
    'opens a unit’s and a year’s gap list by keyboard through the town and trend tables',
    async () => {
      const page = await b.page();
      const { name } = await openChartOfNotMet(page, 2025);
      // From the town table's scroll region (a Tab stop of its own), Tab to a unit's value and press Enter.
      const townTable = page.getByRole('table', { name: /各单位指标对比/ });
      const townLink = townTable.getByRole('link', { name: new RegExp(`查看.+“${name}”差距名单`) }).first();
      const townName = (await townLink.locator('xpath=ancestor::tr/th').textContent()) as string;
      await page.getByRole('region', { name: /各单位指标对比/ }).focus();
      expect(await tabTo(page, townLink), 'a town value is reachable by Tab').toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `差距名单：${name}` }).waitFor();
      expect(page.url()).toMatch(/\/gaps\?year=2025&org=\d{9}/);
      await page.getByRole('table', { name: new RegExp(`${townName} 2025 年差距名单`) }).waitFor();

      // ...and a year's value in the trend table opens that year's gap list.
      await page.goBack();
      const trendTable = page.getByRole('table', { name: /各指标历年数值/ });
      await trendTable.waitFor();
      const yearLink = trendTable.getByRole('link', { name: new RegExp(`查看 2023 年“${name}”差距名单`) });
      await page.getByRole('region', { name: /各指标历年数值/ }).focus();
      expect(await tabTo(page, yearLink), 'a year value is reachable by Tab').toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `差距名单：${name}` }).waitFor();
      expect(page.url()).toMatch(/\/gaps\?year=2023/);
    },
    slow,
  );

  it(
    'reflows on a phone-sized screen',
    async () => {
      const page = await b.page({ width: 390, height: 844 });
      await signIn(page, 'countyStaff');
      await page.goto('/indicators?year=2024');
      await page.getByRole('heading', { level: 1, name: '指标' }).waitFor();
      await page.getByRole('table', { name: /2024 年主要指标/ }).waitFor();
      expect(await page.getByLabel('年度').inputValue()).toBe('2024');
      // The charts fit the phone's width (they resize with their container).
      const towns = chartIn(page, /各单位数值与目标/);
      await drawnChart(towns);
      await drawnChart(chartIn(page, /2020 年基数/));
      expect((await towns.locator('svg').first().boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
      await screenshot(page, 'indicators-390');
      await towns.screenshot({ path: path.join(screenshotDir, 'indicators-towns-chart-390.png') });
      await expectAxeCleanBothModes(page, 'indicators at 390 px');
    },
    slow,
  );
});

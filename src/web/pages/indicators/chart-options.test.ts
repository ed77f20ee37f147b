import { describe, expect, it } from 'vitest';
import { chartColors, chartSizes, statusText, toChartValue, townChartOption, trendChartOption } from './chart-options.ts';

const status = { met: '达标', notMet: '未达标', noTarget: '无目标' };

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('indicator chart options', () => {
  it('uses colours with at least 3:1 contrast on the white page (gridlines are decoration)', () => {
    for (const [name, colour] of Object.entries(chartColors)) {
      if (name !== 'grid') expect(contrastOnWhite(colour), name).toBeGreaterThanOrEqual(3);
    }
    // Text on the chart is held to 4.5:1.
    for (const colour of [chartColors.text, chartColors.axis, chartColors.target])
      expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('puts rates in percent with one decimal and keeps counts whole', () => {
    expect(toChartValue(0.95123, 'fraction')).toBe(95.1);
    expect(toChartValue(1, 'fraction')).toBe(100);
    expect(toChartValue(489.4, 'persons')).toBe(489);
    expect(toChartValue(null, 'fraction')).toBeNull();
    expect(statusText(false, status)).toBe('✘ 未达标');
    expect(statusText(null, status)).toBe('无目标');
  });

  it('draws towns as bars that tell "not met" by colour, stripes and text, with the target line', () => {
    const option = townChartOption({
      unit: 'fraction',
      bars: [
        { code: '441821101', name: '石角镇', value: 0.993, met: false },
        { code: '441821102', name: '水头镇', value: 1, met: true },
        { code: '441821103', name: '汤塘镇', value: null, met: null },
      ],
      target: 1,
      texts: { ...status, target: '目标', series: '护理补贴覆盖率', aria: '柱状图。' },
      sizes: chartSizes(false),
      clickable: true,
    });
    expect(option.aria).toMatchObject({ enabled: true, label: { general: { withoutTitle: '柱状图。' } } });
    const series = (
      option.series as Array<{
        data: Array<{ itemStyle: { color: string; decal?: unknown }; label: { formatter: string } }>;
        markLine?: { data: unknown[] };
      }>
    )[0];
    const [notMet, met, none] = series?.data ?? [];
    expect(notMet?.itemStyle.color).toBe(chartColors.notMet);
    expect(notMet?.itemStyle.decal).toBeDefined();
    expect(notMet?.label.formatter).toBe('99.3%  ✘ 未达标');
    expect(met?.itemStyle.decal).toBeUndefined();
    expect(met?.label.formatter).toBe('100.0%  ✔ 达标');
    expect(none?.label.formatter).toBe('—');
    expect(series?.markLine?.data).toEqual([{ xAxis: 100 }]);
    expect((option.xAxis as { min: number }).min).toBe(0);
  });

  it('leaves the target line out when the unit level has no target', () => {
    const option = townChartOption({
      unit: 'households',
      bars: [{ code: '441821101', name: '石角镇', value: 12, met: null }],
      target: null,
      texts: { ...status, target: '目标', series: '改造数', aria: '' },
      sizes: chartSizes(true),
      clickable: false,
    });
    const series = (option.series as Array<{ markLine?: unknown; cursor: string }>)[0];
    expect(series?.markLine).toBeUndefined();
    expect(series?.cursor).toBe('default');
  });

  it('draws the trend from the 2020 baseline with status under each year and a target line', () => {
    const option = trendChartOption({
      unit: 'fraction',
      baseline: 1,
      years: [
        { year: 2021, value: 0.991, target: 1, met: false },
        { year: 2022, value: 1, target: 1, met: true },
      ],
      texts: { ...status, value: '数值', target: '目标', baseline: '基数', aria: '折线图。' },
      sizes: chartSizes(false),
      clickable: true,
    });
    const x = option.xAxis as { data: string[]; axisLabel: { formatter: (v: string) => string } };
    expect(x.data).toEqual(['2020', '2021', '2022']);
    expect(x.data.map((v) => x.axisLabel.formatter(v))).toEqual(['2020\n基数', '2021\n✘ 未达标', '2022\n✔ 达标']);
    const [values, targets] = option.series as Array<{ data: unknown[]; silent?: boolean }>;
    expect(values?.data).toEqual([
      { value: 100, symbol: 'emptyCircle' },
      { value: 99.1, symbol: 'triangle' },
      { value: 100, symbol: 'circle' },
    ]);
    expect(targets?.data).toEqual([null, 100, 100]);
    expect(targets?.silent).toBe(true);
  });

  it('makes text, symbols and the trend chart larger in care mode', () => {
    const normal = chartSizes(false);
    const care = chartSizes(true);
    for (const k of ['font', 'label', 'symbol', 'line', 'rowHeight', 'trendHeight'] as const) expect(care[k]).toBeGreaterThan(normal[k]);
  });
});

import { useTranslation } from 'react-i18next';

/** The chart's space while its code loads, so the table below does not jump when the chart appears. */
export function ChartPlaceholder({ height }: { height: number }) {
  const { t } = useTranslation();
  return (
    <div className="chart-placeholder" style={{ height }}>
      {t('indicators.chartLoading')}
    </div>
  );
}

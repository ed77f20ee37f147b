import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { ChartPlaceholder } from './ChartPlaceholder.tsx';

/**
 * An indicator figure: its caption with the note on how to use the chart, the chart (loaded lazily, its space kept
 * meanwhile) when one is charted, and the chart's data-table twin, which holds the same values and is the keyboard
 * path (`children`: its head and body; `tableId` names its caption, which the chart is described by).
 */
export function ChartFigure(props: {
  id: string;
  caption: string;
  chart: ReactNode;
  height: number;
  tableId: string;
  tableCaption: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className="chart-figure" aria-labelledby={props.id}>
      <figcaption id={props.id}>
        {props.caption}
        <span className="caption-note">{t('indicators.figureNote')}</span>
      </figcaption>
      {props.chart && <Suspense fallback={<ChartPlaceholder height={props.height} />}>{props.chart}</Suspense>}
      <ScrollRegion label={props.tableCaption}>
        <table className="data-table">
          <caption id={props.tableId}>{props.tableCaption}</caption>
          {props.children}
        </table>
      </ScrollRegion>
    </figure>
  );
}

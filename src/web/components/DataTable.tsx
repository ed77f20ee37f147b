import { type ReactNode, useId } from 'react';
import { ScrollRegion } from './ScrollRegion.tsx';

/** A column header that names a column of numbers: right-aligned (class "num") like its cells. */
export type NumericHeader = { text: ReactNode; numeric: true };

/** A column header: its text (or control), or a NumericHeader. */
export type Header = ReactNode | NumericHeader;

function isNumeric(header: Header): header is NumericHeader {
  return typeof header === 'object' && header !== null && 'numeric' in header;
}

/**
 * The app's list table: a caption that names it (and, by its id, its keyboard-scrollable region, WCAG 1.4.10) with
 * an optional note, column headers with scope, the rows the page renders, and an optional footer row (totals).
 */
export function DataTable(props: {
  caption: string;
  note?: ReactNode;
  headers: readonly Header[];
  children: ReactNode;
  footer?: ReactNode;
}) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId}>
          {props.caption}
          {props.note && <span className="caption-note">{props.note}</span>}
        </caption>
        <thead>
          <tr>
            {props.headers.map((h, i) => (
              // Headers are a fixed list per table: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <th key={i} scope="col" className={isNumeric(h) ? 'num' : undefined}>
                {isNumeric(h) ? h.text : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
        {props.footer && <tfoot>{props.footer}</tfoot>}
      </table>
    </ScrollRegion>
  );
}

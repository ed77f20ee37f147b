import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion.tsx';

/**
 * The app's list table: a caption that names it (and its keyboard-scrollable region, WCAG 1.4.10), column headers
 * with scope, the rows the page renders, and an optional footer row (totals).
 */
export function DataTable(props: { caption: string; headers: readonly ReactNode[]; children: ReactNode; footer?: ReactNode }) {
  return (
    <ScrollRegion label={props.caption}>
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h, i) => (
              // Headers are a fixed list per table: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <th key={i} scope="col">
                {h}
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

import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { yuan } from '../../money.ts';
import type { GapItem } from './benefit-api.ts';
import { ReasonList } from './ReasonList.tsx';
import { PersonCells } from '../../components/PersonCells.tsx';

/** The gap list: masked persons, amounts, and each row's reasons (disclosed per row), with row selection. */
export function GapTable(props: {
  caption: string;
  items: readonly GapItem[];
  names: Map<string, string>;
  selectable: boolean;
  isSelected(i: GapItem): boolean;
  onToggle(rows: readonly GapItem[], on: boolean): void;
}) {
  const { t } = useTranslation();
  const all = props.items.length > 0 && props.items.every(props.isSelected);
  const selectAll = (
    <input
      type="checkbox"
      className="row-check"
      aria-label={t('benefits.gaps.selectAll')}
      checked={all}
      onChange={(e) => props.onToggle(props.items, e.target.checked)}
    />
  );
  return (
    <DataTable
      caption={props.caption}
      headers={[
        ...(props.selectable ? [selectAll] : []),
        t('benefits.person'),
        t('benefits.idNumber'),
        t('benefits.town'),
        t('benefits.village'),
        t('benefits.program.label'),
        t('benefits.gaps.due'),
        t('benefits.gaps.paid'),
        t('benefits.gaps.reasons'),
      ]}
    >
      {props.items.map((i) => (
        <tr key={`${i.personId}-${i.program}-${i.kind}`}>
          {props.selectable && (
            <td>
              <input
                type="checkbox"
                className="row-check"
                aria-label={t('benefits.gaps.select', { name: i.name, program: t(`benefits.program.${i.program}`) })}
                checked={props.isSelected(i)}
                onChange={(e) => props.onToggle([i], e.target.checked)}
              />
            </td>
          )}
          <PersonCells id={i.personId} name={i.name} idNumber={i.idNumber} />
          <td>{props.names.get(i.town) ?? i.town}</td>
          <td>{i.village ? (props.names.get(i.village) ?? i.village) : '—'}</td>
          <td>{t(`benefits.program.${i.program}`)}</td>
          <td>{yuan(i.monthlyAmount)}</td>
          <td>{yuan(i.receivedAmount)}</td>
          <td>
            <details className="gap-reasons">
              <summary>{i.summary}</summary>
              <ReasonList reasons={i.reasons} />
            </details>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

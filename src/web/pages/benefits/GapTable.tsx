import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
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
  return (
    <ScrollRegion labelledBy="gaps-caption">
      <table className="data-table">
        <caption id="gaps-caption">{props.caption}</caption>
        <thead>
          <tr>
            {props.selectable && (
              <th scope="col">
                <input
                  type="checkbox"
                  className="row-check"
                  aria-label={t('benefits.gaps.selectAll')}
                  checked={all}
                  onChange={(e) => props.onToggle(props.items, e.target.checked)}
                />
              </th>
            )}
            <th scope="col">{t('benefits.person')}</th>
            <th scope="col">{t('benefits.idNumber')}</th>
            <th scope="col">{t('benefits.town')}</th>
            <th scope="col">{t('benefits.village')}</th>
            <th scope="col">{t('benefits.program.label')}</th>
            <th scope="col">{t('benefits.gaps.due')}</th>
            <th scope="col">{t('benefits.gaps.paid')}</th>
            <th scope="col">{t('benefits.gaps.reasons')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </ScrollRegion>
  );
}

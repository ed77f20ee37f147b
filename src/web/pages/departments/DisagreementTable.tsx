import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Disagreement } from '../../../contracts/department-lists.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { IdNumberCell } from './IdNumberCell.tsx';

/** 不一致: where the list and the registry disagree, each with an icon and words (never colour alone). */
export function DisagreementTable({ items }: { items: readonly Disagreement[] }) {
  const { t } = useTranslation();
  const program = (p: string | null) => (p ? t(`departments.programs.${p}`, { defaultValue: p }) : '—');
  const reasons = (d: Disagreement) =>
    d.code === 'PAID_AFTER_DEATH' && d.program === null
      ? d.reasons.map((r) => t('departments.receivingItem', { program: program(r.code), period: r.message })).join('；')
      : d.reasons.map((r) => r.message).join('；');
  return (
    <section aria-labelledby="group-disagreements" className="panel">
      <h2 id="group-disagreements">
        <WarningOutlined aria-hidden="true" /> {t('departments.groups.disagreements', { count: items.length })}
      </h2>
      {items.length === 0 ? (
        <p>{t('departments.noDisagreements')}</p>
      ) : (
        <DataTable
          caption={t('departments.disagreementsCaption')}
          headers={[
            t('departments.columns.row'),
            t('departments.columns.idNumber'),
            t('departments.columns.problem'),
            t('departments.columns.program'),
            t('departments.columns.date'),
            t('departments.columns.details'),
          ]}
        >
          {items.map((d) => (
            <tr key={`${d.code}-${d.personId}-${d.row}-${d.program}-${d.date}`}>
              <td>{d.row ?? t('departments.registryOnly')}</td>
              <IdNumberCell personId={d.personId} idNumber={d.idNumber} />
              <td>
                <WarningOutlined aria-hidden="true" /> {t(`departments.codes.${d.code}`)}
              </td>
              <td>{program(d.program)}</td>
              <td>{d.date ?? '—'}</td>
              <td>{reasons(d) || '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

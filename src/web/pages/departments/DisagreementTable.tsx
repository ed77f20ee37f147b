import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Disagreement } from '../../../contracts/department-lists.ts';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

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
        <ScrollRegion labelledBy="caption-disagreements">
          <table className="data-table">
            <caption id="caption-disagreements">{t('departments.disagreementsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('departments.columns.row')}</th>
                <th scope="col">{t('departments.columns.idNumber')}</th>
                <th scope="col">{t('departments.columns.problem')}</th>
                <th scope="col">{t('departments.columns.program')}</th>
                <th scope="col">{t('departments.columns.date')}</th>
                <th scope="col">{t('departments.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={`${d.code}-${d.personId}-${d.row}-${d.program}-${d.date}`}>
                  <td>{d.row ?? t('departments.registryOnly')}</td>
                  <th scope="row">
                    {d.personId ? (
                      <Link to={`/persons/${d.personId}`}>
                        <MaskedNumber value={d.idNumber} />
                      </Link>
                    ) : (
                      <MaskedNumber value={d.idNumber} />
                    )}
                  </th>
                  <td>
                    <WarningOutlined aria-hidden="true" /> {t(`departments.codes.${d.code}`)}
                  </td>
                  <td>{program(d.program)}</td>
                  <td>{d.date ?? '—'}</td>
                  <td>{reasons(d) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

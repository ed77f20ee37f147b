import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeathComparison, EnrolmentComparison } from '../../../contracts/department-lists.ts';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { yuan } from './department-api.ts';

// A group can be long (a county's unchanged rows): the page shows the first rows, the .xlsx download has them all.
const shown = 200;

type EnrolmentItem = EnrolmentComparison['items'][number];
type DeathItem = DeathComparison['items'][number];

function Person({ item }: { item: { personId: number | null; idNumber: string } }) {
  return (
    <th scope="row">
      {item.personId ? (
        <Link to={`/persons/${item.personId}`}>
          <MaskedNumber value={item.idNumber} />
        </Link>
      ) : (
        <MaskedNumber value={item.idNumber} />
      )}
    </th>
  );
}

/** One group of list rows (new, ended, changed… or to mark deceased) as a captioned table. */
export function RowsTable({ comparison, group }: { comparison: EnrolmentComparison | DeathComparison; group: string }) {
  const { t } = useTranslation();
  const items = (comparison.items as (EnrolmentItem | DeathItem)[]).filter((i) => i.kind === group);
  const id = `group-${group}`;
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{t(`departments.groups.${group}`, { count: items.length })}</h2>
      {items.length === 0 ? (
        <p>{t('departments.emptyGroup')}</p>
      ) : (
        <ScrollRegion labelledBy={`caption-${group}`}>
          <table className="data-table">
            <caption id={`caption-${group}`}>
              {t(`departments.groups.${group}`, { count: items.length })}
              {items.length > shown ? t('departments.firstRows', { count: shown }) : ''}
            </caption>
            {comparison.kind === 'deaths' ? (
              <DeathRows items={items.slice(0, shown) as DeathItem[]} />
            ) : (
              <EnrolmentRows items={items.slice(0, shown) as EnrolmentItem[]} />
            )}
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function EnrolmentRows({ items }: { items: EnrolmentItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('departments.columns.row')}</th>
          <th scope="col">{t('departments.columns.idNumber')}</th>
          <th scope="col">{t('departments.columns.startDate')}</th>
          <th scope="col">{t('departments.columns.endDate')}</th>
          <th scope="col">{t('departments.columns.amount')}</th>
          <th scope="col">{t('departments.columns.before')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.row ?? i.idNumber}>
            <td>{i.row}</td>
            <Person item={i} />
            <td>{i.startDate}</td>
            <td>{i.endDate ?? t('departments.ongoing')}</td>
            <td>{yuan(i.monthlyAmountFen)}</td>
            <td>
              {i.before
                ? t('departments.beforeValue', {
                    end: i.before.endDate ?? t('departments.ongoing'),
                    amount: yuan(i.before.monthlyAmountFen),
                  })
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function DeathRows({ items }: { items: DeathItem[] }) {
  const { t } = useTranslation();
  const receiving = (i: DeathItem) =>
    i.receiving.map((r) => t(`departments.programs.${r.program}`, { defaultValue: r.program })).join('、') || t('departments.none');
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('departments.columns.row')}</th>
          <th scope="col">{t('departments.columns.idNumber')}</th>
          <th scope="col">{t('departments.columns.deathDate')}</th>
          <th scope="col">{t('departments.columns.registryDeathDate')}</th>
          <th scope="col">{t('departments.columns.receiving')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.row ?? i.idNumber}>
            <td>{i.row}</td>
            <Person item={i} />
            <td>{i.deathDate}</td>
            <td>{i.code ? t(`departments.codes.${i.code}`) : (i.registryDeathDate ?? '—')}</td>
            <td>{receiving(i)}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

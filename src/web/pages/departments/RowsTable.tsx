import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeathComparison, EnrolmentComparison } from '../../../contracts/department-lists.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { yuan } from '../../money.ts';
import { IdNumberCell } from './IdNumberCell.tsx';

// A group can be long (a county's unchanged rows): the page shows the first rows, the .xlsx download has them all.
const shown = 200;

type EnrolmentItem = EnrolmentComparison['items'][number];
type DeathItem = DeathComparison['items'][number];

/** One group of list rows (new, ended, changed… or to mark deceased) as a captioned table. */
export function RowsTable({ comparison, group }: { comparison: EnrolmentComparison | DeathComparison; group: string }) {
  const { t } = useTranslation();
  const items = (comparison.items as (EnrolmentItem | DeathItem)[]).filter((i) => i.kind === group);
  const id = `group-${group}`;
  const title = t(`departments.groups.${group}`, { count: items.length });
  const caption = items.length > shown ? `${title}${t('departments.firstRows', { count: shown })}` : title;
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p>{t('departments.emptyGroup')}</p>
      ) : comparison.kind === 'deaths' ? (
        <DeathTable caption={caption} items={items.slice(0, shown) as DeathItem[]} />
      ) : (
        <EnrolmentTable caption={caption} items={items.slice(0, shown) as EnrolmentItem[]} />
      )}
    </section>
  );
}

type ListItem = { row: number | null; personId: number | null; idNumber: string };

/** A table of list rows: the file's row number and the ID number first, then the kind's own columns. */
function ListTable<T extends ListItem>(props: { caption: string; headers: string[]; items: T[]; cells(item: T): ReactNode }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={props.caption} headers={[t('departments.columns.row'), t('departments.columns.idNumber'), ...props.headers]}>
      {props.items.map((i) => (
        <tr key={i.row ?? i.idNumber}>
          <td>{i.row}</td>
          <IdNumberCell personId={i.personId} idNumber={i.idNumber} />
          {props.cells(i)}
        </tr>
      ))}
    </DataTable>
  );
}

function EnrolmentTable({ caption, items }: { caption: string; items: EnrolmentItem[] }) {
  const { t } = useTranslation();
  return (
    <ListTable
      caption={caption}
      headers={[
        t('departments.columns.startDate'),
        t('departments.columns.endDate'),
        t('departments.columns.amount'),
        t('departments.columns.before'),
      ]}
      items={items}
      cells={(i) => (
        <>
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
        </>
      )}
    />
  );
}

function DeathTable({ caption, items }: { caption: string; items: DeathItem[] }) {
  const { t } = useTranslation();
  const receiving = (i: DeathItem) =>
    i.receiving.map((r) => t(`departments.programs.${r.program}`, { defaultValue: r.program })).join('、') || t('departments.none');
  return (
    <ListTable
      caption={caption}
      headers={[t('departments.columns.deathDate'), t('departments.columns.registryDeathDate'), t('departments.columns.receiving')]}
      items={items}
      cells={(i) => (
        <>
          <td>{i.deathDate}</td>
          <td>{i.code ? t(`departments.codes.${i.code}`) : (i.registryDeathDate ?? '—')}</td>
          <td>{receiving(i)}</td>
        </>
      )}
    />
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../contracts/persons.ts';
import { orDash } from './labels.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { PersonCells } from '../../components/PersonCells.tsx';

type SortKey = 'name' | 'birthDate' | 'townName' | 'level' | 'certificateValidUntil';
type Sort = { key: SortKey; dir: 'ascending' | 'descending' };

function compare(a: PersonSummary, b: PersonSummary, s: Sort): number {
  const x = a[s.key] ?? '';
  const y = b[s.key] ?? '';
  const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
  return s.dir === 'ascending' ? c : -c;
}

/**
 * The search results as a semantic table: caption, column headers, sort buttons inside the headers with aria-sort
 * (sorting orders the rows loaded so far; the server returns them by name), and masked identity numbers.
 */
export function PersonTable({ items, caption }: { items: readonly PersonSummary[]; caption: string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  const rows = [...items].sort((a, b) => compare(a, b, sort));
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    const next = active && sort.dir === 'ascending' ? 'descending' : 'ascending';
    return (
      <th scope="col" aria-sort={active ? sort.dir : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort({ key, dir: next })}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption>
          {caption}
          <span className="caption-note">{t('search.sortNote')}</span>
        </caption>
        <thead>
          <tr>
            {header('name', t('person.name'))}
            <th scope="col">{t('person.idNumber')}</th>
            <th scope="col">{t('person.gender')}</th>
            {header('birthDate', t('person.birthDate'))}
            {header('townName', t('person.town'))}
            <th scope="col">{t('person.village')}</th>
            <th scope="col">{t('person.category')}</th>
            {header('level', t('person.level'))}
            <th scope="col">{t('person.status')}</th>
            {header('certificateValidUntil', t('person.certificateValidUntil'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <PersonCells id={p.id} name={p.name} idNumber={p.idNumber} />
              <td>{p.gender ? t(`gender.${p.gender}`) : '—'}</td>
              <td>{orDash(p.birthDate)}</td>
              <td>{p.townName}</td>
              <td>{orDash(p.villageName)}</td>
              <td>{p.category ? t(`category.${p.category}`) : '—'}</td>
              <td>{p.level ? t(`level.${p.level}`) : '—'}</td>
              <td>{t(`status.${p.status}`)}</td>
              <td>{orDash(p.certificateValidUntil)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

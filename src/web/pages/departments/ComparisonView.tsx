import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { DisagreementTable } from './DisagreementTable.tsx';
import { RowsTable } from './RowsTable.tsx';
import { groupsOf, type ListComparison } from './department-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

// Rows naming nobody in scope have their own group; the errors table lists the other problems.
const unmatchedCodes = new Set(['PERSON_UNKNOWN', 'OUT_OF_SCOPE']);

// The counts side by side (they wrap at narrow widths and 200 % zoom); styles local to this page.
const countsStyle = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem 2.5rem', margin: '0 0 1rem' } as const;
const countStyle = { margin: 0, fontSize: '1.5em', fontWeight: 600 } as const;

/** The comparison: counts, the download, the disagreements, any malformed rows, then each group of rows. */
export function ComparisonView({ comparison }: { comparison: ListComparison }) {
  const { t } = useTranslation();
  const groups = groupsOf(comparison);
  const errors = comparison.errors.filter((e) => !unmatchedCodes.has(e.code));
  return (
    <>
      <section aria-labelledby="summary-title" className="panel">
        <h2 id="summary-title">{t('departments.summaryTitle')}</h2>
        <dl style={countsStyle}>
          {[...groups, 'disagreements'].map((g) => (
            <div key={g}>
              <dt>{t(`departments.counts.${g}`)}</dt>
              <dd style={countStyle}>{comparison.counts[g] ?? 0}</dd>
            </div>
          ))}
        </dl>
        <DownloadButton
          path={`/api/v1/imports/comparisons/${comparison.comparisonId}/xlsx`}
          fallbackName="comparison.xlsx"
          label={t('departments.download')}
        />
      </section>
      <DisagreementTable items={comparison.disagreements} />
      {errors.length > 0 && (
        <section aria-labelledby="group-errors" className="panel">
          <h2 id="group-errors">{t('departments.groups.errors', { count: errors.length })}</h2>
          <DataTable
            caption={t('departments.errorsCaption')}
            headers={[t('departments.columns.row'), t('departments.columns.column'), t('departments.columns.problem')]}
          >
            {errors.map((e) => (
              <tr key={`${e.row}-${e.column}-${e.code}`}>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{t(`errors.${e.code}`, { defaultValue: e.message })}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      {groups.map((g) => (
        <RowsTable key={g} comparison={comparison} group={g} />
      ))}
    </>
  );
}

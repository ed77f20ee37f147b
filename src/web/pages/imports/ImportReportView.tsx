import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api.ts';
import type { ImportReport } from './import-job.ts';
import { DataTable } from '../../components/DataTable.tsx';

const shownErrors = 200;

/** The dry-run or commit report: counts, then errors by row and column, downloadable as .xlsx. */
export function ImportReportView({ report, jobId }: { report: ImportReport; jobId: string }) {
  const { t } = useTranslation();
  const counts: [string, number][] = report.committed
    ? [
        ['rows', report.rows],
        ['created', report.created],
        ['updated', report.updated],
        ['unchanged', report.unchanged],
        ['invalid', report.invalid],
      ]
    : [
        ['rows', report.rows],
        ['valid', report.valid],
        ['invalid', report.invalid],
      ];
  return (
    <section aria-labelledby="report-title" className="panel">
      <h2 id="report-title">{report.committed ? t('import.committedTitle') : t('import.reportTitle')}</h2>
      <dl className="facts counts">
        {counts.map(([k, n]) => (
          <div key={k}>
            <dt>{t(`import.count.${k}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length > 0 && (
        <>
          <p>
            <Button onClick={() => void downloadFile(`/api/v1/imports/${jobId}/errors.xlsx`, 'errors.xlsx')}>
              {t('import.downloadErrors')}
            </Button>
          </p>
          <DataTable
            caption={t('import.errorsCaption', { count: report.errors.length })}
            note={report.errors.length > shownErrors && t('import.errorsTruncated', { shown: shownErrors })}
            headers={[t('import.row'), t('import.column'), t('import.problem'), t('import.code')]}
          >
            {report.errors.slice(0, shownErrors).map((e) => (
              <tr key={`${e.row}-${e.column}-${e.code}`}>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{t(`errors.${e.code}`, { defaultValue: e.message })}</td>
                <td>
                  <code>{e.code}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

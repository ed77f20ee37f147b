import { Alert, Button, Spin } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { type ImportRun, useImportJob } from './import-job.ts';

function progressText(t: TFunction, run: ImportRun | null): string {
  if (!run) return '';
  const { job } = run;
  if (job.status === 'running')
    return job.stage === 'read' ? t('import.reading', { rows: job.rowsRead }) : t('import.writing', { rows: job.rowsRead });
  if (job.status === 'failed') return t('import.failed');
  if (!job.report) return '';
  if (job.report.committed)
    return t('import.committed', { created: job.report.created, updated: job.report.updated, unchanged: job.report.unchanged });
  return t('import.checked', { rows: job.report.rows, invalid: job.report.invalid });
}

/** 批量导入: choose a file, check it (dry run), fix and check again, then commit with progress. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const { run, error, start, reset } = useImportJob();
  const running = run?.job.status === 'running';
  const report = run?.job.report;
  const checked = run?.dryRun && report ? report : null;
  const canCommit = !!file && !!checked && checked.valid > 0 && (checked.invalid === 0 || skipInvalid);
  return (
    <>
      <PageTitle>{t('import.title')}</PageTitle>
      <p>
        <Link to="/imports/departments">{t('departments.fromImports')}</Link>
      </p>
      <ol className="steps" aria-label={t('import.stepsLabel')}>
        <li aria-current={!checked ? 'step' : undefined}>{t('import.step1')}</li>
        <li aria-current={checked && !report?.committed ? 'step' : undefined}>{t('import.step2')}</li>
        <li aria-current={report?.committed ? 'step' : undefined}>{t('import.step3')}</li>
      </ol>
      <section aria-labelledby="template-title" className="panel">
        <h2 id="template-title">{t('import.templateTitle')}</h2>
        <p>{t('import.templateBody')}</p>
        <div className="page-actions">
          <Button onClick={() => void downloadFile('/api/v1/imports/persons/template?format=xlsx', 'template.xlsx')}>
            {t('import.templateXlsx')}
          </Button>
          <Button onClick={() => void downloadFile('/api/v1/imports/persons/template?format=csv', 'template.csv')}>
            {t('import.templateCsv')}
          </Button>
        </div>
      </section>
      <section aria-labelledby="file-title" className="panel">
        <h2 id="file-title">{t('import.fileTitle')}</h2>
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <div id="import-file-hint" className="field-hint">
            {t('import.fileHint')}
          </div>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
        </div>
        <Button type="primary" disabled={!file || running} onClick={() => file && void start(file, { dryRun: true, skipInvalid: false })}>
          {t('import.check')}
        </Button>
      </section>
      <StatusMessage>{progressText(t, run)}</StatusMessage>
      {running && <Spin />}
      <ErrorAlert error={error} />
      {run?.job.status === 'failed' && (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={t(`errors.${run.job.error?.code ?? 'INTERNAL'}`, { defaultValue: run.job.error?.message })}
        />
      )}
      {report && run && <ImportReportView report={report} jobId={run.jobId} />}
      {checked && (
        <section aria-labelledby="commit-title" className="panel">
          <h2 id="commit-title">{t('import.commitTitle')}</h2>
          {checked.invalid > 0 && <p>{t('import.fixHint')}</p>}
          {checked.invalid > 0 && (
            <label className="check">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
              {t('import.skipInvalid', { count: checked.invalid })}
            </label>
          )}
          <Button type="primary" disabled={!canCommit || running} onClick={() => file && void start(file, { dryRun: false, skipInvalid })}>
            {t('import.commit', { count: checked.invalid > 0 ? checked.valid : checked.rows })}
          </Button>
        </section>
      )}
      {report?.committed && (
        <p>
          <Link to="/persons">{t('import.toSearch')}</Link>
        </p>
      )}
    </>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { orgOptions, townsOf, useOrgTree } from '../registry/org-units.ts';
import { CommitDialog } from './CommitDialog.tsx';
import { ComparisonView } from './ComparisonView.tsx';
import { type ListComparison, type ListKind, listPrograms, uploadList } from './department-api.ts';

/** True when a checked comparison has something to write and nothing that blocks it. */
function canCommit(c: ListComparison): boolean {
  if (c.committed || c.errors.length > 0) return false;
  const n = c.counts;
  return c.kind === 'deaths' ? (n.toMark ?? 0) > 0 : (n.new ?? 0) + (n.ended ?? 0) + (n.changed ?? 0) > 0;
}

/** 部门名单比对 for those who may import; others are told they may not (the server refuses them too). */
export function DepartmentsPage() {
  const { t } = useTranslation();
  if (!can(useUser(), 'person.import'))
    return (
      <>
        <PageTitle>{t('departments.title')}</PageTitle>
        <p role="alert">{t('departments.forbidden')}</p>
      </>
    );
  return <DepartmentLists />;
}

/** Upload a department's list, see what changes and what disagrees with the registry, then commit. */
function DepartmentLists() {
  const { t } = useTranslation();
  const org = useOrgTree();
  const [kind, setKind] = useState<ListKind>('dibao');
  const [completeFor, setCompleteFor] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The comparison shown stays while a commit runs (and if it fails); a new choice clears it.
  const [result, setResult] = useState<ListComparison | null>(null);
  const upload = useMutation({ mutationFn: uploadList, onSuccess: setResult, onSettled: () => setConfirming(false) });
  const areas = org.data && org.data.level === 'county' ? [org.data, ...townsOf(org.data)] : townsOf(org.data);
  const send = (dryRun: boolean) => file && upload.mutate({ kind, file, completeFor: kind === 'deaths' ? '' : completeFor, dryRun });
  const changed = () => {
    upload.reset();
    setResult(null);
  };
  const status = upload.isPending
    ? t('departments.working')
    : result?.committed
      ? t('departments.committed', { rows: result.rows })
      : result
        ? t('departments.compared', { rows: result.rows, disagreements: result.counts.disagreements ?? 0 })
        : '';
  return (
    <>
      <PageTitle>{t('departments.title')}</PageTitle>
      <p>{t('departments.intro')}</p>
      <p>
        <Link to="/imports">{t('departments.toPersonsImport')}</Link>
      </p>
      <section aria-labelledby="list-title" className="panel">
        <h2 id="list-title">{t('departments.listTitle')}</h2>
        <SelectField
          id="list-kind"
          label={t('departments.kind')}
          value={kind}
          options={[...listPrograms, 'deaths' as const].map((k) => ({ value: k, label: t(`departments.kinds.${k}`) }))}
          onChange={(v) => {
            setKind(v as ListKind);
            changed();
          }}
        />
        {kind !== 'deaths' && (
          <SelectField
            id="complete-for"
            label={t('departments.completeFor')}
            hint={t('departments.completeForHint')}
            value={completeFor}
            emptyLabel={t('departments.notComplete')}
            options={orgOptions(areas)}
            onChange={(v) => {
              setCompleteFor(v);
              changed();
            }}
          />
        )}
        <div className="field">
          <label htmlFor="list-file">{t('departments.file')}</label>
          <div id="list-file-hint" className="field-hint">
            {kind === 'deaths' ? t('departments.deathsHint') : t('departments.enrolmentsHint')}
          </div>
          <input
            id="list-file"
            type="file"
            accept=".xlsx,.csv"
            aria-describedby="list-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              changed();
            }}
          />
        </div>
        <Button type="primary" disabled={!file || upload.isPending} onClick={() => send(true)}>
          {t('departments.compare')}
        </Button>
      </section>
      <StatusMessage>{status}</StatusMessage>
      {upload.isPending && <Spin />}
      <ErrorAlert error={upload.error} />
      {result && <ComparisonView comparison={result} />}
      {result && !result.committed && (
        <section aria-labelledby="commit-title" className="panel">
          <h2 id="commit-title">{t('departments.commitTitle')}</h2>
          <p>{result.errors.length > 0 ? t('departments.blocked') : t('departments.commitHint')}</p>
          <Button type="primary" disabled={!canCommit(result)} onClick={() => setConfirming(true)}>
            {t('departments.commit')}
          </Button>
        </section>
      )}
      {confirming && result && (
        <CommitDialog comparison={result} busy={upload.isPending} onConfirm={() => send(false)} onCancel={() => setConfirming(false)} />
      )}
    </>
  );
}

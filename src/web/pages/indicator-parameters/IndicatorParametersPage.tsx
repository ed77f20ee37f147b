import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ParameterDialog } from './ParameterDialog.tsx';
import { type ParameterEntry, type ParameterKey, parameterKeys, shownValue } from './parameter-values.ts';

const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** 指标参数: GDP growth (the income indicator's benchmark) and dibao standards per year, entered by the county admin. */
export function IndicatorParametersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const params = useQuery({
    queryKey: ['indicator-parameters'],
    queryFn: () => api<{ items: ParameterEntry[] }>('/api/v1/indicators/parameters'),
  });
  const [editing, setEditing] = useState<{ key: ParameterKey; year: number } | null>(null);
  const [status, setStatus] = useState('');
  const editable = can(user, 'org.manage');
  const find = (key: string, year: number) => params.data?.items.find((i) => i.key === key && i.year === year);
  const caption = t('indicatorParams.caption');
  return (
    <>
      <PageTitle>{t('indicatorParams.title')}</PageTitle>
      <p>
        <Link to="/indicators">{t('indicatorParams.back')}</Link>
      </p>
      <p>{t('indicatorParams.intro')}</p>
      <p>
        {t('indicatorParams.dibaoMoved')} <Link to="/policy/parameters">{t('indicatorParams.dibaoLink')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={params.error} />
      {params.isPending && <Spin />}
      {params.data && (
        <DataTable caption={caption} headers={[t('indicatorParams.year'), ...parameterKeys.map((k) => t(`indicatorParams.keys.${k}`))]}>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {parameterKeys.map((key) => {
                const entry = find(key, year);
                return (
                  <td key={key}>
                    <div>{entry ? shownValue(entry.value) : t('indicatorParams.notEntered')}</div>
                    {entry && (
                      <div className="caption-note">{t('indicatorParams.enteredBy', { by: entry.enteredBy, source: entry.source })}</div>
                    )}
                    {editable && (
                      <Button
                        size="small"
                        onClick={() => setEditing({ key, year })}
                        aria-label={t('indicatorParams.editFor', { name: t(`indicatorParams.keys.${key}`), year })}
                      >
                        {t('indicatorParams.edit')}
                      </Button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <ParameterDialog
          parameterKey={editing.key}
          year={editing.year}
          current={find(editing.key, editing.year)}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setStatus(t('indicatorParams.saved', { name: t(`indicatorParams.keys.${editing.key}`), year: editing.year }));
          }}
        />
      )}
    </>
  );
}

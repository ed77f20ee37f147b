import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { chinaToday } from './benefit-api.ts';
import { ParametersValueDialog } from './ParametersValueDialog.tsx';
import { type Parameter, dayBefore, enteredBy, entryOn, formatParamValue, useParameters } from './policy-api.ts';
import './workflow.css';
import './ParametersPage.css';

/** The catalog's groups, in the order the page shows them (a parameter id starts with its group). */
const groups = [
  'livingSubsidy',
  'nursingSubsidy',
  'overlap',
  'dibao',
  'childRehabAid',
  'pensionContributionAid',
  'homeModification',
  'freeBusTravel',
  'workflow',
  'calendar',
] as const;

/** Safe DOM id of a parameter (ids contain dots). */
const domId = (id: string) => `param-${id.replace(/\./g, '-')}`;

/** 政策参数: every parameter's current value and dated history with sources; the county admin adds values. */
export function ParametersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const query = useParameters();
  const [editing, setEditing] = useState<Parameter | null>(null);
  const [saved, setSaved] = useState('');
  const today = chinaToday();
  const items = query.data ?? [];
  const grouped = groups
    .map((g) => ({ group: g, params: items.filter((p) => p.id.split('.')[0] === g) }))
    .filter((g) => g.params.length > 0);
  return (
    <>
      <PageTitle>{t('policy.title')}</PageTitle>
      <p>{t('policy.intro', { today })}</p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorAlert error={query.error} />
      {query.isPending && <Spin />}
      {grouped.length > 0 && (
        <nav aria-label={t('policy.contents')}>
          <ul className="param-contents">
            {grouped.map((g) => (
              <li key={g.group}>
                <a href={`#group-${g.group}`}>{t(`policy.group.${g.group}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {grouped.map((g) => (
        <section key={g.group} aria-labelledby={`group-${g.group}`}>
          <h2 id={`group-${g.group}`} tabIndex={-1}>
            {t(`policy.group.${g.group}`)}
          </h2>
          {g.params.map((p) => (
            <ParameterCard
              key={p.id}
              param={p}
              today={today}
              canEdit={can(user, 'policy.edit')}
              onEdit={() => {
                setSaved('');
                setEditing(p);
              }}
            />
          ))}
        </section>
      ))}
      {editing && (
        <ParametersValueDialog
          param={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setSaved(message);
          }}
        />
      )}
    </>
  );
}

/** One parameter: its value today, known gaps, and the history table (from, to, value, source, who). */
function ParameterCard({ param, today, canEdit, onEdit }: { param: Parameter; today: string; canEdit: boolean; onEdit(): void }) {
  const { t } = useTranslation();
  const id = domId(param.id);
  const current = entryOn(param.history, today);
  return (
    <section className="param-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{param.description}</h3>
      <dl className="param-facts">
        <dt>{t('policy.current')}</dt>
        <dd>
          {current && current.value !== null ? (
            <strong>{formatParamValue(param, current.value, t)}</strong>
          ) : (
            <span className="state-bad">
              <span aria-hidden="true">⚠ </span>
              {current ? t('policy.value.ended') : t('policy.value.unknown')}
            </span>
          )}
          {current && <span className="param-since">{t('policy.since', { from: current.from })}</span>}
        </dd>
        <dt>{t('policy.id')}</dt>
        <dd>
          <code>{param.id}</code>
        </dd>
        <dt>{t('policy.basis')}</dt>
        <dd>{param.source}</dd>
      </dl>
      {param.knownGaps && <Alert type="warning" showIcon title={t('policy.gap', { text: param.knownGaps })} />}
      {canEdit && (
        <Button onClick={onEdit} aria-label={t('policy.edit.openFor', { name: param.description })}>
          {t('policy.edit.open')}
        </Button>
      )}
      <HistoryTable param={param} today={today} />
    </section>
  );
}

function HistoryTable({ param, today }: { param: Parameter; today: string }) {
  const { t } = useTranslation();
  if (param.history.length === 0) {
    return (
      <p className="state-bad">
        <span aria-hidden="true">⚠ </span>
        {t('policy.noHistory')}
      </p>
    );
  }
  return (
    <DataTable
      caption={t('policy.historyCaption', { name: param.description })}
      headers={[t('policy.from'), t('policy.to'), t('policy.valueCol'), t('policy.source'), t('policy.enteredBy')]}
    >
      {param.history.map((e, i) => {
        const next = param.history[i + 1];
        const who = enteredBy(param, e);
        const inForce = e.from <= today && (!next || next.from > today);
        return (
          <tr key={e.from}>
            <th scope="row">
              {e.from}
              {inForce && <span className="param-now"> {t('policy.inForce')}</span>}
            </th>
            <td>{next ? dayBefore(next.from) : t('policy.open')}</td>
            <td>{formatParamValue(param, e.value, t)}</td>
            <td>{e.source}</td>
            <td>{who ? t('policy.enteredAt', { who: who.enteredBy, at: who.enteredAt.slice(0, 10) }) : t('policy.catalog')}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

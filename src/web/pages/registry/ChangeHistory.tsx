import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePersonHistory } from './person-api.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

function show(v: unknown): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** The record's change history (GET /api/v1/persons/{id}/history): who changed which field when. */
export function ChangeHistory({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const history = usePersonHistory(id);
  const fieldName = (f: string) => (i18n.exists(`person.${f}`) ? t(`person.${f}`) : f);
  const actionName = (a: string) => (i18n.exists(`historyAction.${a}`) ? t(`historyAction.${a}`) : a);
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">{t('detail.history')}</h2>
      {history.isPending && <Spin />}
      <ErrorAlert error={history.error} />
      {history.data && history.data.length === 0 && <p>{t('detail.noHistory')}</p>}
      {history.data && history.data.length > 0 && (
        <ScrollRegion labelledBy="history-title">
          <table className="data-table">
            <caption className="sr-only">{t('detail.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.version')}</th>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.action')}</th>
                <th scope="col">{t('history.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((h) => (
                <tr key={`${h.version}-${h.changedAt}`}>
                  <td>{h.version}</td>
                  <td>{new Date(h.changedAt).toLocaleString(i18n.language)}</td>
                  <td>{h.changedBy}</td>
                  <td>{actionName(h.action)}</td>
                  <td>
                    <ul className="changes">
                      {h.changes.map((c) => (
                        <li key={c.field}>
                          {t('history.change', { field: fieldName(c.field), before: show(c.before), after: show(c.after) })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

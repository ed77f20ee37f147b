import { useTranslation } from 'react-i18next';
import type { SurveyRecord } from '../../../contracts/survey.ts';
import { formOf } from './survey-values.ts';
import { DataTable } from '../../components/DataTable.tsx';

/** The superseded answers of a year, newest first: who changed what, so that corrections stay visible. */
export function SurveyHistory({ year, rows }: { year: number; rows: SurveyRecord[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const caption = t('survey.historyCaption', { year });
  const shown = (r: SurveyRecord) =>
    Object.entries(formOf(r))
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${t(`survey.q.${k}`)}：${answerText(k, v)}`)
      .join('；');
  const answerText = (k: string, v: string) =>
    v === 'yes' ? t('survey.yes') : v === 'no' ? t('survey.no') : k === 'incomePerCapita' ? v : t(`survey.a.${k}.${v}`);
  return (
    <DataTable caption={caption} headers={[t('survey.versionCol'), t('survey.recorded'), t('survey.superseded'), t('survey.answersCol')]}>
      {[...rows]
        .sort((a, b) => b.version - a.version)
        .map((r) => (
          <tr key={r.version}>
            <th scope="row">{r.version}</th>
            <td>
              {r.recordedAt.slice(0, 10)} {r.recordedBy}
            </td>
            <td>{r.supersededAt?.slice(0, 10) ?? '—'}</td>
            <td>{shown(r) || '—'}</td>
          </tr>
        ))}
    </DataTable>
  );
}

import { useTranslation } from 'react-i18next';
import type { Reason } from './benefit-api.ts';

/** Each condition of a decision as text and icon (never colour alone): held, failed or a note, with its source. */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <p>{t('benefits.reason.none')}</p>;
  return (
    <ul className="reason-list">
      {reasons.map((r) => {
        const state = r.info ? 'info' : r.held ? 'held' : 'failed';
        return (
          <li key={`${r.code}-${r.message}`} className={`reason-${state}`}>
            <span aria-hidden="true" className="reason-icon">
              {state === 'info' ? 'ℹ' : state === 'held' ? '✓' : '✗'}
            </span>
            <strong>{t(`benefits.reason.${state}`)}</strong>
            {t('benefits.reason.separator')}
            {r.message}
            {r.source && <span className="reason-source">{t('benefits.reason.source', { source: r.source })}</span>}
          </li>
        );
      })}
    </ul>
  );
}

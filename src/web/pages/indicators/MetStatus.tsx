import { useTranslation } from 'react-i18next';

/** 达标 / 未达标 with an icon and text (never colour alone); no target: a dash with text. */
export function MetStatus({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null) return <span className="met-none">{t('indicators.noTarget')}</span>;
  return (
    <span className={met ? 'met-yes' : 'met-no'}>
      <span aria-hidden="true" className="met-icon">
        {met ? '✔' : '✘'}
      </span>{' '}
      {met ? t('indicators.met') : t('indicators.notMet')}
    </span>
  );
}

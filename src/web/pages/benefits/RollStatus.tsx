import { useTranslation } from 'react-i18next';

/** A roll's state as icon plus text (never colour alone): draft can be rebuilt, approved is frozen. */
export function RollStatus({ status }: { status: 'draft' | 'approved' }) {
  const { t } = useTranslation();
  return (
    <span className={status === 'approved' ? 'state-good' : undefined}>
      <span aria-hidden="true">{status === 'approved' ? '✓ ' : '✎ '}</span>
      {t(`rolls.state.${status}`)}
    </span>
  );
}

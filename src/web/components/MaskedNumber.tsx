import { useTranslation } from 'react-i18next';

/**
 * A masked ID or phone number (e.g. 441821********1234). Screen readers would read every asterisk, so they get
 * "441821 hidden 1234" instead (security-a11y.md B13).
 */
export function MaskedNumber({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <span>—</span>;
  const m = value.match(/^([^*]*)(\*+)(.*)$/);
  if (!m) return <span className="number">{value}</span>;
  return (
    <span className="number">
      <span aria-hidden="true">{value}</span>
      <span className="sr-only">{t('person.maskedRead', { start: m[1], end: m[3] })}</span>
    </span>
  );
}

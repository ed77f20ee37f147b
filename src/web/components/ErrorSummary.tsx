import { useTranslation } from 'react-i18next';

/** One problem to list: the field's control id, its label and the message. */
export type SummaryItem = { id: string; label: string; message: string };

/** Focuses a field's control by id (used after a failed submit and by the summary's links). */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}

/** The error summary above a form: announced (role=alert), each item a link that moves focus to the field. */
export function ErrorSummary({ items, title }: { items: readonly SummaryItem[]; title?: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title ?? t('form.summaryTitle', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(item.id);
              }}
            >
              {item.label}：{item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

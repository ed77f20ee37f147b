import { useTranslation } from 'react-i18next';
import { chinaToday, daysBetween } from './benefit-api.ts';

/** A step's time limit: the due date and the days left, or "overdue" as icon and text (not colour alone). */
export function TimeLimit({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <span>—</span>;
  const left = daysBetween(chinaToday(), dueOn);
  if (overdue || left < 0)
    return (
      <span className="time-limit overdue">
        <span aria-hidden="true">⚠ </span>
        {t('benefits.timeLimit.overdue', { date: dueOn, count: Math.max(1, -left) })}
      </span>
    );
  return (
    <span className="time-limit">
      {left === 0 ? t('benefits.timeLimit.today', { date: dueOn }) : t('benefits.timeLimit.left', { date: dueOn, count: left })}
    </span>
  );
}

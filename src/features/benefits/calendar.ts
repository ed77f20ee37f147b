import { calendarHolidays, calendarMakeUpDays } from '../../domain/policy/parameter-catalog.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import { type WorkingDayCalendar, workingDayCalendar } from '../../domain/time/working-days.ts';

/** The working-day calendar from the parameter set: the union of every year's holiday and make-up lists. */
export function calendarFrom(params: ParamSet): WorkingDayCalendar {
  const all = (id: string) => (params.get(id) ?? []).flatMap((e) => (Array.isArray(e.value) ? (e.value as string[]) : []));
  return workingDayCalendar({ holidays: all(calendarHolidays.id), makeUpWorkdays: all(calendarMakeUpDays.id) });
}

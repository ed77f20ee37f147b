import { addDays, type Day } from './day.ts';

/** Chinese working days: Monday–Friday, minus public holidays, plus make-up working days (调休上班). */
export type WorkingDayCalendar = {
  isWorkingDay(day: Day): boolean;
  /** The n-th working day after `day` (n >= 0; n = 0 is `day` itself if it is a working day, else the next one). */
  addWorkingDays(day: Day, n: number): Day;
  /** Working days after `from` up to and including `to` (0 when to <= from). */
  workingDaysBetween(from: Day, to: Day): number;
};

function weekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Builds a calendar from the State Council's lists (data in, answers out: no list is built into the code). */
export function workingDayCalendar(lists: { holidays: readonly Day[]; makeUpWorkdays: readonly Day[] }): WorkingDayCalendar {
  const holidays = new Set(lists.holidays);
  const makeUp = new Set(lists.makeUpWorkdays);
  const isWorkingDay = (day: Day) => {
    if (makeUp.has(day)) return true;
    if (holidays.has(day)) return false;
    const w = weekday(day);
    return w !== 0 && w !== 6;
  };
  return {
    isWorkingDay,
    addWorkingDays(day, n) {
      let d = day;
      while (!isWorkingDay(d)) d = addDays(d, 1);
      for (let left = n; left > 0; ) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) left -= 1;
      }
      return d;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
      return count;
    },
  };
}

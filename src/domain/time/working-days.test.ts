import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from './working-days.ts';

// 2025 National Day: 1–8 October off, Saturday 11 October worked (国办发明电〔2024〕12号).
const calendar = workingDayCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpWorkdays: ['2025-09-28', '2025-10-11'],
});

describe('working-day calendar', () => {
  it.each([
    ['2025-09-26', true], // Friday
    ['2025-09-27', false], // Saturday
    ['2025-09-28', true], // Sunday, make-up day
    ['2025-10-01', false], // holiday
    ['2025-10-08', false], // Wednesday in the holiday
    ['2025-10-09', true],
    ['2025-10-11', true], // Saturday, make-up day
    ['2025-10-12', false],
  ])('%s is a working day: %s', (day, expected) => {
    expect(calendar.isWorkingDay(day)).toBe(expected);
  });

  it('adds working days across the holiday and make-up days', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(calendar.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
    expect(calendar.addWorkingDays('2025-10-04', 0)).toBe('2025-10-09');
  });

  it('counts working days between two dates', () => {
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
    expect(calendar.workingDaysBetween('2025-10-14', '2025-09-30')).toBe(0);
  });

  it('without lists, Monday to Friday', () => {
    const plain = workingDayCalendar({ holidays: [], makeUpWorkdays: [] });
    expect(plain.addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { workingDaysBetween } from '../calendar/deadline';
import { calendarFromTables, HOLIDAY_CALENDAR as cal } from '../calendar/holidays';
import { plusDays, workingDayCounter } from './clocks';

const date = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => plusDays(from, n));

describe('workingDayCounter (the board counts by subtraction)', () => {
  it('gives workingDaysBetween for any two dates the calendar knows, in either order', () => {
    const count = workingDayCounter(cal);
    fc.assert(
      fc.property(date('2004-01-01', 8400), date('2004-01-01', 8400), (from, to) => {
        expect(count(from, to)).toBe(workingDaysBetween(cal, from, to));
      }),
      { numRuns: 2000 },
    );
    // the Spring Festival and National Day weeks of 2026, and the year's last day
    expect(count('2026-02-13', '2026-02-25')).toBe(workingDaysBetween(cal, '2026-02-13', '2026-02-25'));
    expect(count('2026-09-30', '2026-10-12')).toBe(workingDaysBetween(cal, '2026-09-30', '2026-10-12'));
    expect(count('2026-12-01', '2026-12-31')).toBe(workingDaysBetween(cal, '2026-12-01', '2026-12-31'));
  });

  it('refuses, as workingDaysBetween does, a count running into a year the calendar lacks', () => {
    expect(() => workingDayCounter(cal)('2026-12-20', '2027-01-10')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_UNKNOWN' }));
    expect(() => workingDayCounter(cal)('2003-12-20', '2004-01-10')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_UNKNOWN' }));
  });

  it('falls back to workingDaysBetween on a calendar with a gap between its years', () => {
    const gapped = calendarFromTables([...cal.holidays, '2028-01-01'], [...cal.workdays], [...cal.years, 2028]);
    const count = workingDayCounter(gapped);
    expect(count('2026-03-02', '2026-03-09')).toBe(5);
    expect(() => count('2026-12-20', '2028-01-10')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_UNKNOWN' }));
  });
});

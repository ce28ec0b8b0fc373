import { isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { addDays, addMonths, addWorkingDays, isWorkingDay } from './deadline';
import { HOLIDAY_CALENDAR as cal, calendarFromTables } from './holidays';

const DAY_MS = 24 * 60 * 60 * 1000;

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('not refused');
}

/** Any date the calendar covers, ending early enough that a few months' deadlines stay inside it. */
const dateInCalendar = fc
  .date({ min: new Date(Date.UTC(cal.firstYear, 0, 1)), max: new Date(Date.UTC(cal.lastYear, 5, 30)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('the holiday calendar', () => {
  it('covers 2004 to 2026 from chinese-days, holidays and make-up working days apart', () => {
    expect([cal.firstYear, cal.lastYear]).toEqual([2004, 2026]);
    expect(cal.years.size).toBe(2026 - 2004 + 1);
    for (const day of cal.workdays) expect(cal.holidays.has(day), day).toBe(false);
  });

  // the package's own isWorkday misreads dates in time zones west of UTC (which is why only its
  // tables are used): the cross-check runs where it is right, as in China and on UTC machines
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)('agrees with the package on every day it covers', () => {
    for (let ms = Date.UTC(cal.firstYear, 0, 1); ms <= Date.UTC(cal.lastYear, 11, 31); ms += DAY_MS) {
      const day = new Date(ms).toISOString().slice(0, 10);
      expect(isWorkingDay(cal, day), day).toBe(isWorkday(day));
    }
  });

  it('knows the 2026 arrangement: holidays and make-up working days', () => {
    // Spring Festival 2026-02-15 to 02-23, made up on Saturday 02-14 and Saturday 02-28
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(cal, `2026-02-${d}`), `02-${d}`).toBe(false);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
    // National Day 10-01 to 10-07, made up on Sunday 09-20 and Saturday 10-10
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(cal, `2026-10-0${d}`), `10-0${d}`).toBe(false);
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    // an ordinary weekend and weekday
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false);
    expect(isWorkingDay(cal, '2026-03-08')).toBe(false);
    expect(isWorkingDay(cal, '2026-03-09')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start date and skips an ordinary weekend', () => {
    expect(addWorkingDays(cal, '2026-03-06', 5)).toBe('2026-03-13'); // Friday to Friday
    expect(addWorkingDays(cal, '2026-03-06', 1)).toBe('2026-03-09'); // Friday to Monday
  });

  it('skips National Day and counts the make-up Saturday', () => {
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays(cal, '2026-09-30', 4)).toBe('2026-10-12');
    expect(addWorkingDays(cal, '2026-09-19', 1)).toBe('2026-09-20'); // Saturday to the make-up Sunday
  });

  it('skips the Spring Festival', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24');
  });

  it('skips the 2025 Spring Festival and counts both make-up days around it', () => {
    // 01-28 to 02-04, made up on Sunday 01-26 and Saturday 02-08
    expect(addWorkingDays(cal, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays(cal, '2025-01-24', 2)).toBe('2025-01-27');
    expect(addWorkingDays(cal, '2025-01-24', 3)).toBe('2025-02-05');
    expect(addWorkingDays(cal, '2025-01-24', 6)).toBe('2025-02-08');
    expect(addWorkingDays(cal, '2025-01-24', 7)).toBe('2025-02-10');
    // 2024: 02-10 to 02-17, made up on Sunday 02-04 and Sunday 02-18
    expect(addWorkingDays(cal, '2024-02-08', 2)).toBe('2024-02-18');
    expect(addWorkingDays(cal, '2024-02-03', 1)).toBe('2024-02-04');
  });

  it('skips the eight-day National Day of 2025 with its make-up Sunday and Saturday', () => {
    // 10-01 to 10-08, made up on Sunday 09-28 and Saturday 10-11
    expect(addWorkingDays(cal, '2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays(cal, '2025-09-26', 4)).toBe('2025-10-09');
    expect(addWorkingDays(cal, '2025-09-26', 6)).toBe('2025-10-11');
    expect(addWorkingDays(cal, '2025-09-26', 7)).toBe('2025-10-13');
    expect(addDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addMonths(cal, '2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonths(cal, '2025-09-05', 1)).toBe('2025-10-09');
  });

  it('yields a working day strictly after the start, the nth one', () => {
    fc.assert(
      fc.property(dateInCalendar, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(cal, from, n);
        expect(due > from).toBe(true);
        expect(isWorkingDay(cal, due)).toBe(true);
        let worked = 0;
        for (let ms = Date.parse(from) + DAY_MS; ms <= Date.parse(due); ms += DAY_MS) {
          if (isWorkingDay(cal, new Date(ms).toISOString().slice(0, 10))) worked++;
        }
        expect(worked).toBe(n);
      }),
    );
  });

  it('grows with n', () => {
    fc.assert(
      fc.property(dateInCalendar, fc.integer({ min: 1, max: 60 }), (from, n) => {
        expect(addWorkingDays(cal, from, n + 1) > addWorkingDays(cal, from, n)).toBe(true);
      }),
    );
  });
});

describe('addDays and addMonths', () => {
  it('add calendar days, moving a rest day to the next working day', () => {
    expect(addDays(cal, '2026-03-02', 3)).toBe('2026-03-05');
    expect(addDays(cal, '2026-03-02', 5)).toBe('2026-03-09'); // Saturday → Monday
    expect(addDays(cal, '2026-09-28', 3)).toBe('2026-10-08'); // National Day
    expect(addDays(cal, '2026-02-07', 7)).toBe('2026-02-14'); // a make-up Saturday stays
    expect(addDays(cal, '2026-03-09', 0)).toBe('2026-03-09');
  });

  it('add months, clamped to the end of a shorter month, then off a rest day', () => {
    expect(addMonths(cal, '2026-01-31', 1)).toBe('2026-02-28'); // clamped, and a make-up Saturday
    expect(addMonths(cal, '2024-01-31', 1)).toBe('2024-02-29'); // a leap year
    expect(addMonths(cal, '2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths(cal, '2026-01-15', 1)).toBe('2026-02-24'); // 02-15 is in the Spring Festival
    expect(addMonths(cal, '2026-03-31', 2)).toBe('2026-06-01'); // Sunday 05-31 → Monday
    expect(addMonths(cal, '2025-09-01', 13)).toBe('2026-10-08');
  });

  it('land on a working day no earlier than the plain date', () => {
    fc.assert(
      fc.property(dateInCalendar, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 5 }), (from, days, months) => {
        const byDays = addDays(cal, from, days);
        expect(isWorkingDay(cal, byDays)).toBe(true);
        expect(Date.parse(byDays) >= Date.parse(from) + days * DAY_MS).toBe(true);
        const byMonths = addMonths(cal, from, months);
        expect(isWorkingDay(cal, byMonths)).toBe(true);
        expect(byMonths >= from).toBe(true);
      }),
    );
  });
});

describe('refusals', () => {
  it('refuse any date beyond the calendar instead of guessing weekends', () => {
    const beyond = refused(() => addWorkingDays(cal, '2026-12-31', 1));
    expect(beyond.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(beyond.details).toMatchObject({ year: 2027, lastYear: 2026 });
    expect(refused(() => addDays(cal, '2026-12-30', 2)).details).toMatchObject({ year: 2027 }); // 2027-01-01
    expect(refused(() => addMonths(cal, '2026-12-01', 1)).code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(refused(() => addDays(cal, '2027-03-01', 1)).code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(refused(() => isWorkingDay(cal, '2027-03-01')).code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(refused(() => addWorkingDays(cal, '2003-12-31', 1)).details).toMatchObject({ year: 2003 });
    expect(refused(() => addDays(cal, '2026-01-01', 1e12)).code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(refused(() => addMonths(cal, '2026-01-01', 1e12)).code).toBe('CALENDAR_YEAR_UNKNOWN');
    // a deadline that stays inside the last year is still given
    expect(addWorkingDays(cal, '2026-12-30', 1)).toBe('2026-12-31');
  });

  it('refuse invalid dates and counts', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '20260105', '', '2026-02-29']) {
      expect(refused(() => addDays(cal, bad, 1)).code, bad).toBe('INVALID_INPUT');
    }
    expect(refused(() => addWorkingDays(cal, '2026-03-02', 0)).code).toBe('INVALID_INPUT');
    expect(refused(() => addDays(cal, '2026-03-02', -1)).code).toBe('INVALID_INPUT');
    expect(refused(() => addMonths(cal, '2026-03-02', 1.5)).code).toBe('INVALID_INPUT');
  });

  it('apply to any calendar by its own years', () => {
    const tiny = calendarFromTables(['2030-01-01'], []);
    expect([tiny.firstYear, tiny.lastYear]).toEqual([2030, 2030]);
    expect(addDays(tiny, '2030-01-01', 0)).toBe('2030-01-02'); // its holiday, then a Wednesday
    expect(refused(() => addWorkingDays(tiny, '2030-12-31', 1)).details).toMatchObject({ year: 2031 });
  });

  it('refuse a year missing between known years: the years are a set, not a range', () => {
    const gap = calendarFromTables(['2026-01-01', '2028-01-01'], []);
    expect([...gap.years].sort()).toEqual([2026, 2028]);
    expect([gap.firstYear, gap.lastYear]).toEqual([2026, 2028]);
    expect(addWorkingDays(gap, '2028-01-01', 1)).toBe('2028-01-03'); // Saturday → Monday
    const missing = refused(() => addWorkingDays(gap, '2026-12-31', 1));
    expect(missing.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(missing.details).toEqual({ year: 2027, firstYear: 2026, lastYear: 2028 });
    expect(refused(() => addMonths(gap, '2026-06-01', 12)).details).toMatchObject({ year: 2027 });
    // months and calendar days look only at the year they land in
    expect(addMonths(gap, '2026-06-01', 19)).toBe('2028-01-03');
    expect(refused(() => addDays(gap, '2027-06-01', 0)).details).toMatchObject({ year: 2027 });
    // years may be given apart from the holidays: a year with no holiday listed at all
    const given = calendarFromTables(['2026-01-01'], [], [2026, 2027]);
    expect(addWorkingDays(given, '2026-12-31', 1)).toBe('2027-01-01');
  });
});

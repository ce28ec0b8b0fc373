import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { addDays, addHours, addWorkingDays, daysBetween, isWorkingDay, workingDaysBetween } from './deadline';
import { HOLIDAY_CALENDAR as cal } from './holidays';

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

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Any date the calendar covers, early enough that a year's span stays inside it. */
const dateInCalendar = fc
  .date({ min: new Date(Date.UTC(cal.firstYear, 0, 1)), max: new Date(Date.UTC(cal.lastYear - 1, 11, 31)), noInvalidDate: true })
  .map((date) => iso(date.getTime()));
const span = fc.integer({ min: 0, max: 300 });
const plus = (from: string, days: number) => iso(Date.parse(from) + days * DAY_MS);

describe('workingDaysBetween', () => {
  it('counts the working days after the start up to and including the end', () => {
    expect(workingDaysBetween(cal, '2026-03-06', '2026-03-13')).toBe(5); // Friday to Friday
    expect(workingDaysBetween(cal, '2026-03-06', '2026-03-08')).toBe(0); // the weekend
    expect(workingDaysBetween(cal, '2026-03-06', '2026-03-06')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-13', '2026-03-06')).toBe(0); // backwards
  });

  it('skips the Spring Festival and counts its make-up days', () => {
    // 2026: 02-15 to 02-23, made up on Saturdays 02-14 and 02-28
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-24')).toBe(2); // 02-14, 02-24
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-28')).toBe(6); // 02-14, 24–27, 28
    // 2025: 01-28 to 02-04, made up on Sunday 01-26 and Saturday 02-08
    expect(workingDaysBetween(cal, '2025-01-24', '2025-02-10')).toBe(7);
  });

  it('skips National Day and counts its make-up days', () => {
    // 2026: 10-01 to 10-07, made up on Sunday 09-20 and Saturday 10-10
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-10')).toBe(3); // 10-08, 10-09, 10-10
    expect(workingDaysBetween(cal, '2026-09-18', '2026-09-21')).toBe(2); // Sunday 09-20, Monday 09-21
    // 2025: 10-01 to 10-08, made up on Sunday 09-28 and Saturday 10-11
    expect(workingDaysBetween(cal, '2025-09-26', '2025-10-13')).toBe(7);
  });

  it('refuses a span into a year the calendar does not know, and bad dates', () => {
    expect(refused(() => workingDaysBetween(cal, '2026-12-30', '2027-01-04')).details).toMatchObject({ year: 2027 });
    expect(refused(() => workingDaysBetween(cal, '2003-12-30', '2004-01-04')).details).toMatchObject({ year: 2003 });
    expect(refused(() => workingDaysBetween(cal, '2026-02-30', '2026-03-04')).code).toBe('INVALID_INPUT');
    expect(refused(() => workingDaysBetween(cal, '2026-03-01', '2026-3-4')).code).toBe('INVALID_INPUT');
  });

  it('undoes addWorkingDays: the nth working day is n working days away', () => {
    fc.assert(
      fc.property(dateInCalendar, fc.integer({ min: 1, max: 200 }), (from, n) => {
        expect(workingDaysBetween(cal, from, addWorkingDays(cal, from, n))).toBe(n);
      }),
    );
  });

  it('is undone by addWorkingDays: a working day is reached again, a rest day by the last working day before it', () => {
    fc.assert(
      fc.property(dateInCalendar, span, (from, days) => {
        const to = plus(from, days);
        const n = workingDaysBetween(cal, from, to);
        if (n === 0) return;
        const back = addWorkingDays(cal, from, n);
        if (isWorkingDay(cal, to)) expect(back).toBe(to);
        else expect(back < to).toBe(true);
        expect(addWorkingDays(cal, from, n + 1) > to).toBe(true);
      }),
    );
  });

  it('adds up over consecutive spans, and never exceeds the calendar days', () => {
    fc.assert(
      fc.property(dateInCalendar, span, span, (a, x, y) => {
        const b = plus(a, Math.floor(x / 2));
        const c = plus(b, Math.floor(y / 2));
        expect(workingDaysBetween(cal, a, b) + workingDaysBetween(cal, b, c)).toBe(workingDaysBetween(cal, a, c));
        expect(workingDaysBetween(cal, a, c)).toBeLessThanOrEqual(daysBetween(a, c));
      }),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days, 0 on the same day and negative backwards', () => {
    expect(daysBetween('2026-03-06', '2026-03-06')).toBe(0);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-03-13', '2026-03-06')).toBe(-7);
    expect(daysBetween('2030-01-01', '2031-01-01')).toBe(365); // needs no calendar
    expect(refused(() => daysBetween('2026-02-29', '2026-03-01')).code).toBe('INVALID_INPUT');
  });

  it('is undone by addDays on a working day, and is antisymmetric', () => {
    fc.assert(
      fc.property(dateInCalendar, span, (from, days) => {
        const to = plus(from, days);
        expect(daysBetween(from, to)).toBe(days);
        expect(daysBetween(to, from) + days).toBe(0);
        if (isWorkingDay(cal, to)) expect(addDays(cal, from, daysBetween(from, to))).toBe(to);
      }),
    );
  });
});

describe('addHours', () => {
  it('gives the date by which the hours have run, never moved off a rest day', () => {
    expect(addHours('2026-03-06', 24)).toBe('2026-03-07'); // Friday → Saturday, kept
    expect(addHours('2026-03-06', 1)).toBe('2026-03-07');
    expect(addHours('2026-03-06', 48)).toBe('2026-03-08');
    expect(addHours('2026-03-06', 0)).toBe('2026-03-06');
    expect(addHours('2030-12-31', 24)).toBe('2031-01-01'); // no year of the calendar needed
    expect(refused(() => addHours('2026-03-06', -1)).code).toBe('INVALID_INPUT');
    expect(refused(() => addHours('2026-03-06', 1e300)).code).toBe('INVALID_INPUT');
  });
});

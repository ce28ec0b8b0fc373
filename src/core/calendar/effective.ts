// The calendar deadlines are computed on: the built-in table of chinese-days, with every year an
// administrator entered (table calendar_years) replacing that year's holidays and make-up
// working days, or adding a year the table lacks.
import { asc } from 'drizzle-orm';
import type { Db } from '../db/open';
import { calendarYears } from '../db/schema';
import { calendarFromTables, HOLIDAY_CALENDAR, yearOf, type HolidayCalendar } from './holidays';

/** An administrator's arrangement for one year, as stored. */
export interface CustomYear {
  year: number;
  holidays: string[];
  workdays: string[];
  updatedAt: string;
}

/** The administrators' years, oldest first. */
export function customYears(db: Db): CustomYear[] {
  return db
    .select()
    .from(calendarYears)
    .orderBy(asc(calendarYears.year))
    .all()
    .map((row) => ({
      year: row.year,
      holidays: JSON.parse(row.holidays) as string[],
      workdays: JSON.parse(row.workdays) as string[],
      updatedAt: row.updatedAt,
    }));
}

/** The built-in calendar with these years replacing (or adding) their own arrangements. Pure. */
export function withCustomYears(base: HolidayCalendar, custom: Pick<CustomYear, 'year' | 'holidays' | 'workdays'>[]): HolidayCalendar {
  if (custom.length === 0) return base;
  const replaced = new Set(custom.map((c) => c.year));
  const keep = (date: string) => !replaced.has(yearOf(date));
  return calendarFromTables(
    [...[...base.holidays].filter(keep), ...custom.flatMap((c) => c.holidays)],
    [...[...base.workdays].filter(keep), ...custom.flatMap((c) => c.workdays)],
    [...base.years, ...replaced],
  );
}

/**
 * The calendar in force on this database (inside a write, with the rows of that write). Built
 * afresh on each call: reading the few rows and rebuilding the sets of two decades of dates takes
 * about 0.2 ms, so it is called per request and nothing is cached that could go stale.
 */
export function effectiveCalendar(db: Db): HolidayCalendar {
  return withCustomYears(HOLIDAY_CALENDAR, customYears(db));
}

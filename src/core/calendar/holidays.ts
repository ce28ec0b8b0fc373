// The statutory holidays and make-up working days of the State Council's annual arrangements,
// from the `chinese-days` package's raw table (date → "English name,中文名,n"). Only the dates
// are kept: the calendar answers "is this a rest day", never "which festival".
import tables from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface HolidayCalendar {
  /** statutory rest days (including the weekend days inside a holiday period), YYYY-MM-DD */
  holidays: ReadonlySet<string>;
  /** make-up working days: weekend days worked in exchange for a longer holiday, YYYY-MM-DD */
  workdays: ReadonlySet<string>;
  /**
   * the years whose arrangements are known; any other year is refused, never guessed. A set,
   * not a range: an administrator may add 2028 before 2027 is published.
   */
  years: ReadonlySet<number>;
  /** the least and greatest known year, for messages */
  firstYear: number;
  lastYear: number;
}

/** The year of a date written YYYY-MM-DD. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * A calendar from date tables (keys YYYY-MM-DD). Its years are `years` when given, else those
 * its holidays fall in (every published arrangement has at least the New Year).
 */
export function calendarFromTables(holidays: Iterable<string>, workdays: Iterable<string>, years?: Iterable<number>): HolidayCalendar {
  const holidaySet = new Set(holidays);
  const known = new Set(years ?? [...holidaySet].map(yearOf));
  if (known.size === 0) throw new Error('a holiday calendar needs at least one year');
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const year of known) {
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
  }
  return { holidays: holidaySet, workdays: new Set(workdays), years: known, firstYear, lastYear };
}

/** The calendar `chinese-days` ships: 2004 to 2026 in version 1.5.7. */
export const HOLIDAY_CALENDAR: HolidayCalendar = calendarFromTables(Object.keys(tables.holidays), Object.keys(tables.workdays));

// The statutory holidays and make-up working days of the State Council's annual arrangements,
// from the `chinese-days` package's raw table (date → "English name,中文名,n"). Only the dates
// are kept: the calendar answers "is this a rest day", never "which festival".
import tables from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface HolidayCalendar {
  /** statutory rest days (including the weekend days inside a holiday period), YYYY-MM-DD */
  holidays: Set<string>;
  /** make-up working days: weekend days worked in exchange for a longer holiday, YYYY-MM-DD */
  workdays: Set<string>;
  /** the first and last year the arrangements cover; outside them nothing is guessed */
  firstYear: number;
  lastYear: number;
}

/** A calendar from date tables (keys YYYY-MM-DD); its years are those the holidays span. */
export function calendarFromTables(holidays: Iterable<string>, workdays: Iterable<string>): HolidayCalendar {
  const holidaySet = new Set(holidays);
  const years = [...holidaySet].map((date) => Number(date.slice(0, 4)));
  if (years.length === 0) throw new Error('a holiday calendar needs at least one holiday');
  return {
    holidays: holidaySet,
    workdays: new Set(workdays),
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
}

/** The calendar `chinese-days` ships: 2004 to 2026 in version 1.5.7. */
export const HOLIDAY_CALENDAR: HolidayCalendar = calendarFromTables(Object.keys(tables.holidays), Object.keys(tables.workdays));

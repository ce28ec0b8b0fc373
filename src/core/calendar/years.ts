// The years of the holiday calendar as an administrator sees them: the built-in ones from
// chinese-days, and those entered by hand, which replace a built-in year or add a missing one.
// Pure: the stored rows come in, the checked arrangement or the list goes out.
import type { CalendarYear } from '../../shared/api';
import { AppError } from '../api/errors';
import { daysBetween } from './deadline';
import type { CustomYear } from './effective';
import { HOLIDAY_CALENDAR, yearOf } from './holidays';

function isDate(iso: string): boolean {
  try {
    daysBetween(iso, iso);
    return true;
  } catch {
    return false;
  }
}

function isWeekend(iso: string): boolean {
  const weekday = new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * An administrator's arrangement for a year, checked: every date a real date inside that year,
 * at least one holiday, make-up working days on Saturdays or Sundays only and never also a
 * holiday. Returns the dates sorted without repeats; refuses with every issue at once.
 */
export function checkYearArrangement(input: { year: number; holidays: string[]; workdays: string[] }): { year: number; holidays: string[]; workdays: string[] } {
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  const issues: string[] = [];
  if (holidays.length === 0) issues.push(`${input.year}: at least one holiday (the New Year) is listed`);
  for (const date of [...holidays, ...workdays]) {
    if (!isDate(date)) issues.push(`${date}: no such date (YYYY-MM-DD)`);
    else if (yearOf(date) !== input.year) issues.push(`${date}: not in ${input.year}`);
  }
  const holidaySet = new Set(holidays);
  for (const date of workdays) {
    if (holidaySet.has(date)) issues.push(`${date}: both a holiday and a make-up working day`);
    else if (isDate(date) && !isWeekend(date)) issues.push(`${date}: a make-up working day is a Saturday or Sunday`);
  }
  if (issues.length > 0) throw new AppError('INVALID_INPUT', { issues });
  return { year: input.year, holidays, workdays };
}

/** The built-in arrangements year by year, dates sorted. */
function builtinYears(): Map<number, CalendarYear> {
  const years = new Map<number, CalendarYear>();
  for (const year of HOLIDAY_CALENDAR.years) years.set(year, { year, origin: 'builtin', holidays: [], workdays: [], updatedAt: null });
  for (const date of HOLIDAY_CALENDAR.holidays) years.get(yearOf(date))?.holidays.push(date);
  for (const date of HOLIDAY_CALENDAR.workdays) years.get(yearOf(date))?.workdays.push(date);
  for (const entry of years.values()) {
    entry.holidays.sort();
    entry.workdays.sort();
  }
  return years;
}

const BUILTIN = builtinYears();

/** Whether chinese-days ships this year. */
export function isBuiltinYear(year: number): boolean {
  return BUILTIN.has(year);
}

/** A stored year as the contract shows it. */
export function customEntry(row: CustomYear): CalendarYear {
  return { year: row.year, origin: 'custom', holidays: [...row.holidays].sort(), workdays: [...row.workdays].sort(), updatedAt: row.updatedAt };
}

/** Every known year, oldest first: the custom entry where there is one, else the built-in one. */
export function listYears(custom: CustomYear[]): { years: CalendarYear[]; firstYear: number; lastYear: number } {
  const byYear = new Map<number, CalendarYear>(BUILTIN);
  for (const row of custom) byYear.set(row.year, customEntry(row));
  const years = [...byYear.values()].sort((a, b) => a.year - b.year).map((entry) => ({ ...entry, holidays: [...entry.holidays], workdays: [...entry.workdays] }));
  return { years, firstYear: years[0]!.year, lastYear: years[years.length - 1]!.year };
}


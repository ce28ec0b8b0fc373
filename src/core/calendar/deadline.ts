// Deadlines on the statutory calendar (the `zhijian due` contract in FORMATS.md). Dates are
// calendar dates in Asia/Shanghai written YYYY-MM-DD; the arithmetic runs on day numbers in
// UTC, so the computer's own time zone never shifts a date. Pure: no clock, no I/O.
import { AppError } from '../api/errors';
import type { LimitUnit } from '../../shared/api/cases';
import type { HolidayCalendar } from './holidays';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DATE_MS = 8.64e15;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

function invalid(issue: string): AppError {
  return new AppError('INVALID_INPUT', { issues: [issue] });
}

/** Milliseconds of a date at 00:00 UTC; setUTCFullYear, unlike Date.UTC, takes years below 100 as written. */
function utcMs({ year, month, day }: Ymd): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function parse(iso: string): Ymd {
  const match = ISO_DATE.exec(iso);
  if (!match) throw invalid(`${iso}: a date is written YYYY-MM-DD`);
  const ymd = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (format(utcMs(ymd)) !== iso) throw invalid(`${iso}: no such date`);
  return ymd;
}

function format(ms: number): string {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function checkYear(cal: HolidayCalendar, year: number): void {
  if (!cal.years.has(year)) {
    throw new AppError('CALENDAR_YEAR_UNKNOWN', { year, firstYear: cal.firstYear, lastYear: cal.lastYear });
  }
}

/** A start date the calendar covers, as milliseconds at 00:00 UTC. */
function start(cal: HolidayCalendar, iso: string): number {
  const ymd = parse(iso);
  checkYear(cal, ymd.year);
  return utcMs(ymd);
}

function count(n: number, least: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < least) throw invalid(`${what}: a whole number of at least ${least}, not ${n}`);
}

/** Whether a day (ms at 00:00 UTC) is worked, after checking that the calendar knows its year. */
function worked(cal: HolidayCalendar, ms: number): boolean {
  const iso = format(ms);
  checkYear(cal, Number(iso.slice(0, 4)));
  if (cal.workdays.has(iso)) return true;
  if (cal.holidays.has(iso)) return false;
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** A date as milliseconds at 00:00 UTC, after checking that it is a date (not its year). */
function dayMs(iso: string): number {
  return utcMs(parse(iso));
}

/** The day itself when it is worked, else the next working day. */
function onOrAfter(cal: HolidayCalendar, ms: number): string {
  let day = ms;
  while (!worked(cal, day)) day += DAY_MS;
  return format(day);
}

/** A working day: Monday to Friday unless a statutory holiday, or a make-up working day. */
export function isWorkingDay(cal: HolidayCalendar, isoDate: string): boolean {
  return worked(cal, utcMs(parse(isoDate)));
}

/** The nth working day after `from` (`from` itself is not counted); n ≥ 1. */
export function addWorkingDays(cal: HolidayCalendar, from: string, n: number): string {
  count(n, 1, 'working days');
  let day = start(cal, from);
  for (let left = n; left > 0; ) {
    day += DAY_MS;
    if (worked(cal, day)) left -= 1;
  }
  return format(day);
}

/** `from` plus n calendar days, moved to the next working day when that is a rest day; n ≥ 0. */
export function addDays(cal: HolidayCalendar, from: string, n: number): string {
  count(n, 0, 'days');
  const target = start(cal, from) + n * DAY_MS;
  // a target far beyond the calendar is refused by its year (the latest a Date holds, at most)
  const year = new Date(Math.min(target, MAX_DATE_MS)).getUTCFullYear();
  checkYear(cal, year);
  return onOrAfter(cal, target);
}

/**
 * `from` plus n calendar months, the day clamped to the end of a shorter month (01-31 plus one
 * month is 02-28 or 02-29), then moved to the next working day when that is a rest day; n ≥ 0.
 */
export function addMonths(cal: HolidayCalendar, from: string, n: number): string {
  count(n, 0, 'months');
  const { year, month, day } = parse(from);
  checkYear(cal, year);
  const months = month - 1 + n;
  const targetYear = year + Math.floor(months / 12);
  checkYear(cal, targetYear);
  const targetMonth = (months % 12) + 1;
  const monthLength = new Date(utcMs({ year: targetYear, month: targetMonth + 1, day: 0 })).getUTCDate();
  return onOrAfter(cal, utcMs({ year: targetYear, month: targetMonth, day: Math.min(day, monthLength) }));
}

/**
 * The number of working days d with from < d ≤ to; 0 when to ≤ from. The years of `from` and
 * of every day counted must be known: addWorkingDays(cal, from, workingDaysBetween(cal, from, to))
 * is `to` itself when `to` is a working day after `from`.
 */
export function workingDaysBetween(cal: HolidayCalendar, from: string, to: string): number {
  const first = start(cal, from);
  const last = dayMs(to);
  let total = 0;
  for (let day = first + DAY_MS; day <= last; day += DAY_MS) {
    if (worked(cal, day)) total += 1;
  }
  return total;
}

/** Calendar days from `from` to `to`: 0 on the same day, negative when `to` comes first. Needs no calendar. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/**
 * The date by which n hours counted from any moment of `from` have run: `from` plus n/24 days
 * rounded up, never moved off a rest day (the 24-hour family notice of a detention). Hours run
 * on the clock, so no year of the calendar is needed; n ≥ 0.
 */
export function addHours(from: string, n: number): string {
  count(n, 0, 'hours');
  const target = dayMs(from) + Math.ceil(n / 24) * DAY_MS;
  if (target > MAX_DATE_MS) throw invalid(`hours: ${n} runs past any date`);
  return format(target);
}

/** A deadline on a calendar; hours run on the clock and need none of its years. */
export function dueDate(cal: HolidayCalendar, from: string, unit: LimitUnit, n: number): string {
  switch (unit) {
    case 'working_days':
      return addWorkingDays(cal, from, n);
    case 'days':
      return addDays(cal, from, n);
    case 'months':
      return addMonths(cal, from, n);
    case 'hours':
      return addHours(from, n);
  }
}

// A clock's due date and light, computed from what happened to it (started under a limit,
// extended, paused and resumed) on the holiday calendar of today. Pure.
import type { ClockKind, DueChange, Light, Limit } from '../../shared/api/cases';
import { AppError } from '../api/errors';
import { addDays, addHours, addWorkingDays, daysBetween, isWorkingDay, workingDaysBetween } from '../calendar/deadline';
import type { HolidayCalendar } from '../calendar/holidays';

export type ClockStep =
  | { type: 'extend'; date: string; limit: Limit }
  | { type: 'pause'; date: string; reason: string }
  | { type: 'resume'; date: string };

/** What the events say about one run of a clock. */
export interface ClockFacts {
  /** the starting event's id and the kind: one clock per kind per event */
  id: string;
  kind: ClockKind;
  startDate: string;
  /** the limit it started under, or a date chosen by the officer (a shelved clue's review) */
  rule: { limit: Limit } | { fixedDue: string };
  steps: ClockStep[];
  closedDate: string | null;
}

export interface ClockView {
  due: string | null;
  /** the year the calendar lacks, when the due date cannot be computed */
  unknownYear: number | null;
  pausedSince: string | null;
  pauseReason: string | null;
  extensions: number;
  history: DueChange[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date plus whole days, with no regard to rest days. */
export function plusDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A date plus calendar months, clamped to the end of a shorter month, with no regard to rest days. */
export function plusMonths(iso: string, n: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const months = month - 1 + n;
  const targetYear = year + Math.floor(months / 12);
  const targetMonth = (months % 12) + 1;
  const monthLength = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, monthLength)).padStart(2, '0')}`;
}

/**
 * A deadline is a nominal date (start plus the limit, extensions and pauses, as counted) settled
 * on the next working day when it is a rest day. Extensions and pauses move the nominal date, so
 * that a rest day at the end of the first term does not lengthen the second.
 */
function advance(cal: HolidayCalendar, nominal: string, limit: Limit): string {
  switch (limit.unit) {
    case 'working_days':
      return addWorkingDays(cal, nominal, limit.n);
    case 'days':
      return plusDays(nominal, limit.n);
    case 'months':
      return plusMonths(nominal, limit.n);
    case 'hours':
      return addHours(nominal, limit.n);
  }
}

function settle(cal: HolidayCalendar, nominal: string, unit: Limit['unit']): string {
  return unit === 'hours' || unit === 'working_days' ? nominal : addDays(cal, nominal, 0);
}

/** Moves a nominal date by the time a clock stood still, in the unit it counts in. */
function afterPause(cal: HolidayCalendar, nominal: string, unit: Limit['unit'], from: string, to: string): string {
  if (unit === 'working_days') {
    const n = workingDaysBetween(cal, from, to);
    return n > 0 ? addWorkingDays(cal, nominal, n) : nominal;
  }
  return plusDays(nominal, Math.max(0, daysBetween(from, to)));
}

function unknownYear(error: unknown): number {
  if (error instanceof AppError && error.code === 'CALENDAR_YEAR_UNKNOWN') return Number(error.details?.year);
  throw error;
}

export function clockView(cal: HolidayCalendar, facts: ClockFacts): ClockView {
  const unit = 'limit' in facts.rule ? facts.rule.limit.unit : 'days';
  let nominal = facts.startDate;
  let due: string | null = null;
  let missing: number | null = null;
  const history: DueChange[] = [];
  const step = (reason: DueChange['reason'], date: string, next: () => string) => {
    if (missing === null) {
      try {
        nominal = next();
        due = settle(cal, nominal, unit);
      } catch (error) {
        missing = unknownYear(error);
        due = null;
      }
    }
    history.push({ due, date, reason });
  };
  step('start', facts.startDate, () => ('limit' in facts.rule ? advance(cal, facts.startDate, facts.rule.limit) : facts.rule.fixedDue));
  let pausedSince: string | null = null;
  let pauseReason: string | null = null;
  let extensions = 0;
  for (const s of facts.steps) {
    if (s.type === 'extend') {
      extensions += 1;
      step('extension', s.date, () => advance(cal, nominal, s.limit));
    } else if (s.type === 'pause') {
      pausedSince = s.date;
      pauseReason = s.reason;
    } else if (pausedSince !== null) {
      const since = pausedSince;
      pausedSince = null;
      pauseReason = null;
      step('resume', s.date, () => afterPause(cal, nominal, unit, since, s.date));
    }
  }
  return { due, unknownYear: missing, pausedSince, pauseReason, extensions, history };
}

/**
 * The day up to which an open clock shows yellow: `n` working days after today. When that runs
 * past the calendar, every computable due date lies before it (a due date is only known inside
 * the calendar), so the far end stands in.
 */
export function yellowEdge(cal: HolidayCalendar, today: string, n: number): string {
  if (n === 0) return today;
  try {
    return addWorkingDays(cal, today, n);
  } catch (error) {
    unknownYear(error);
    return '9999-12-31';
  }
}

/**
 * A clock's light. A paused clock does not run: it stays as it was when it stopped (red if it
 * was overdue then, else open). A clock closed on or before its due date is green.
 */
export function lightOf(view: Pick<ClockView, 'due' | 'pausedSince'>, closedDate: string | null, today: string, edge: string): Light {
  const { due, pausedSince } = view;
  if (closedDate !== null) return due === null || closedDate <= due ? 'green' : 'late';
  if (due === null) return 'unknown';
  if (pausedSince !== null) return pausedSince > due ? 'red' : 'open';
  if (today > due) return 'red';
  return due <= edge ? 'yellow' : 'open';
}

const URGENCY: Light[] = ['red', 'yellow', 'unknown', 'open'];

/** The most urgent of some open clocks' lights, or null. */
export function worstLight(lights: Iterable<Light>): Light | null {
  let worst: Light | null = null;
  for (const light of lights) {
    const rank = URGENCY.indexOf(light);
    if (rank >= 0 && (worst === null || rank < URGENCY.indexOf(worst))) worst = light;
  }
  return worst;
}

const DAY_NUMBER = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const counters = new WeakMap<HolidayCalendar, { first: number; last: number; cumulative: Uint32Array }>();

/**
 * workingDaysBetween for many dates on one calendar: a running count of working days over the
 * calendar's years, built once per calendar, answers each pair by a subtraction (the board
 * counts the working days of tens of thousands of clocks). Dates outside those years, or years
 * with a gap between them, go to workingDaysBetween, which refuses what it cannot count.
 */
export function workingDayCounter(cal: HolidayCalendar): (from: string, to: string) => number {
  let index = counters.get(cal);
  const contiguous = cal.lastYear - cal.firstYear + 1 === cal.years.size;
  if (!index && contiguous) {
    const first = DAY_NUMBER(`${cal.firstYear}-01-01`);
    const last = DAY_NUMBER(`${cal.lastYear}-12-31`);
    const cumulative = new Uint32Array(last - first + 1);
    let total = 0;
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
      if (isWorkingDay(cal, iso)) total += 1;
      cumulative[day - first] = total;
    }
    index = { first, last, cumulative };
    counters.set(cal, index);
  }
  return (from, to) => {
    const a = DAY_NUMBER(from);
    const b = DAY_NUMBER(to);
    if (!index || !(a >= index.first && a <= index.last && b <= index.last)) return workingDaysBetween(cal, from, to);
    if (b <= a) return 0;
    return index.cumulative[b - index.first]! - index.cumulative[a - index.first]!;
  };
}

// The holiday calendar's procedures: the known years, an administrator's year added or
// corrected or removed (every case's deadlines recomputed in the same write), and a deadline.
import { eq } from 'drizzle-orm';
import { api, type CalendarYear } from '../../shared/api';
import { AppError } from '../api/errors';
import { implement } from '../api/implement';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import { reprojectCasesForYear } from '../cases/project';
import { calendarYears } from '../db/schema';
import { dueDate } from './deadline';
import { customYears, effectiveCalendar } from './effective';
import { checkYearArrangement, customEntry, listYears } from './years';

function storedYear(w: Writer, year: number) {
  return w.db.select().from(calendarYears).where(eq(calendarYears.year, year)).get();
}

export const calendarProcedures = [
  implement(api.calendar.years, (ctx) => listYears(customYears(ctx.db))),

  implement(api.calendar.putYear, (ctx, input) => {
    const { year, holidays, workdays } = checkYearArrangement(input);
    const { entry } = ctx.write(
      (w): { entry: CalendarYear; reprojected: number } => {
        const now = ctx.now();
        const values = { holidays: JSON.stringify(holidays), workdays: JSON.stringify(workdays) };
        const existing = storedYear(w, year);
        if (existing) w.update(calendarYears, existing.id, values, { updatedAt: shanghaiTimestamp(now) });
        else w.insert(calendarYears, { id: `y${year}`, year, ...values, updatedAt: shanghaiTimestamp(now) });
        const reprojected = reprojectCasesForYear(w, year, now);
        const { updatedAt } = storedYear(w, year)!;
        return { entry: customEntry({ year, holidays, workdays, updatedAt }), reprojected };
      },
      ({ reprojected }) => ({ year, holidays: holidays.length, workdays: workdays.length, reprojected }),
    );
    return entry;
  }),

  implement(api.calendar.removeYear, (ctx, { year }) => {
    ctx.write(
      (w) => {
        const existing = storedYear(w, year);
        if (!existing) throw new AppError('CALENDAR_YEAR_BUILTIN_ONLY', { year });
        w.delete(calendarYears, existing.id);
        return { reprojected: reprojectCasesForYear(w, year, ctx.now()) };
      },
      ({ reprojected }) => ({ year, reprojected }),
    );
    return { removed: true };
  }),

  implement(api.calendar.due, (ctx, { from, unit, n }) => ({ due: dueDate(effectiveCalendar(ctx.db), from, unit, n) })),
];

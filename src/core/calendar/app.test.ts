// The calendar procedures on real database files: an administrator's year added, corrected and
// removed, deadlines computed on it, bad input refused with nothing written, permissions.
import { describe, expect, it } from 'vitest';
import { api, type CalendarYear, type Role } from '../../shared/api';
import type { Core } from '../api/core';
import { auditLog, calendarYears, changeLog } from '../db/schema';
import { logIn, testCore } from '../testing/fixtures';

/** A synthetic 2027 arrangement: New Year on Friday 01-01; Spring Festival 02-05 to 02-11, made up on Saturday 02-13. */
const Y2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-13'],
};

const due = (core: Core, from: string, unit: string, n: number, token?: string) =>
  core.call(api.calendar.due.name, { from, unit, n }, token) as Promise<{ due: string }>;
const years = async (core: Core) => (await core.call(api.calendar.years.name, {})) as { years: CalendarYear[]; firstYear: number; lastYear: number };

async function userWithRole(core: Core, username: string, roleCode: string): Promise<string> {
  const role = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === roleCode)!;
  const root = ((await core.call(api.units.list.name, {})) as { id: string }[])[0]!;
  await core.call(api.users.create.name, { username, displayName: username, unitId: root.id, roleId: role.id, password: 'calendar-pass-2026' });
  return logIn(core, username, 'calendar-pass-2026');
}

describe('calendar procedures', () => {
  it('lists the built-in years, 2004 to 2026, with their arrangements', async () => {
    const { core } = await testCore();
    const listed = await years(core);
    expect([listed.firstYear, listed.lastYear]).toEqual([2004, 2026]);
    expect(listed.years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const y2026 = listed.years.find((y) => y.year === 2026)!;
    expect(y2026).toMatchObject({ origin: 'builtin', updatedAt: null });
    expect(y2026.holidays).toContain('2026-10-01');
    expect(y2026.workdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']));
  });

  it('computes deadlines into 2027 once an administrator adds it, and refuses them again once removed', async () => {
    const { core } = await testCore();
    await expect(due(core, '2026-12-30', 'working_days', 2)).rejects.toMatchObject({
      code: 'CALENDAR_YEAR_UNKNOWN',
      details: { year: 2027, firstYear: 2004, lastYear: 2026 },
    });

    const put = (await core.call(api.calendar.putYear.name, Y2027)) as CalendarYear;
    expect(put).toMatchObject({ ...Y2027, origin: 'custom', updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*\+08:00$/) });
    expect(await due(core, '2026-12-30', 'working_days', 2)).toEqual({ due: '2027-01-04' }); // 12-31, then past New Year and the weekend
    expect(await due(core, '2027-02-04', 'working_days', 1)).toEqual({ due: '2027-02-12' });
    expect(await due(core, '2027-02-04', 'working_days', 2)).toEqual({ due: '2027-02-13' }); // the make-up Saturday
    expect(await due(core, '2027-01-29', 'days', 7)).toEqual({ due: '2027-02-12' }); // 02-05 is a holiday
    expect(await due(core, '2026-12-06', 'months', 2)).toEqual({ due: '2027-02-12' }); // Saturday 02-06 in the festival
    await expect(due(core, '2027-12-31', 'working_days', 1)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2028, lastYear: 2027 } });
    const listed = await years(core);
    expect(listed.lastYear).toBe(2027);
    expect(listed.years.at(-1)).toEqual(put);

    // written through the one write path: the row, its audit entry and its change-log operation
    const db = core.database.db;
    expect(db.select().from(calendarYears).all()).toEqual([expect.objectContaining({ id: 'y2027', year: 2027 })]);
    expect(db.select().from(auditLog).all().filter((e) => e.procedure === 'calendar.putYear')).toHaveLength(1);
    expect(db.select().from(changeLog).all().filter((c) => c.tableName === 'calendar_years').map((c) => [c.op, c.rowId])).toEqual([['insert', 'y2027']]);

    expect(await core.call(api.calendar.removeYear.name, { year: 2027 })).toEqual({ removed: true });
    await expect(due(core, '2026-12-30', 'working_days', 2)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } });
    expect((await years(core)).lastYear).toBe(2026);
    await expect(core.call(api.calendar.removeYear.name, { year: 2027 })).rejects.toMatchObject({ code: 'CALENDAR_YEAR_BUILTIN_ONLY', details: { year: 2027 } });
    await expect(core.call(api.calendar.removeYear.name, { year: 2026 })).rejects.toMatchObject({ code: 'CALENDAR_YEAR_BUILTIN_ONLY' });
  });

  it('still refuses 2027 when only 2028 is added', async () => {
    const { core } = await testCore();
    await core.call(api.calendar.putYear.name, { year: 2028, holidays: ['2028-01-01'], workdays: [] });
    expect(await due(core, '2028-01-01', 'working_days', 1)).toEqual({ due: '2028-01-03' });
    await expect(due(core, '2026-12-31', 'working_days', 1)).rejects.toMatchObject({
      code: 'CALENDAR_YEAR_UNKNOWN',
      details: { year: 2027, firstYear: 2004, lastYear: 2028 },
    });
    await expect(due(core, '2026-06-01', 'months', 7)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } });
    const listed = await years(core);
    expect(listed.years.map((y) => y.year)).not.toContain(2027);
    expect(listed.years.at(-1)).toMatchObject({ year: 2028, origin: 'custom' });
  });

  it('corrects a built-in year, and the built-in one applies again once the correction is removed', async () => {
    const { core } = await testCore();
    expect(await due(core, '2026-03-06', 'working_days', 1)).toEqual({ due: '2026-03-09' });
    const builtin = (await years(core)).years.find((y) => y.year === 2026)!;
    // a synthetic correction: Monday 03-09 declared a holiday, worked back on Saturday 03-14
    const corrected = { year: 2026, holidays: [...builtin.holidays, '2026-03-09'], workdays: [...builtin.workdays, '2026-03-14'] };
    await core.call(api.calendar.putYear.name, corrected);
    expect(await due(core, '2026-03-06', 'working_days', 1)).toEqual({ due: '2026-03-10' });
    expect(await due(core, '2026-03-13', 'working_days', 1)).toEqual({ due: '2026-03-14' });
    expect(await due(core, '2026-09-30', 'working_days', 1)).toEqual({ due: '2026-10-08' }); // the rest of the year as before
    expect((await years(core)).years.find((y) => y.year === 2026)).toMatchObject({ origin: 'custom', holidays: expect.arrayContaining(['2026-03-09']) });

    // putting it again replaces the row (same id), it does not add one
    await core.call(api.calendar.putYear.name, { ...corrected, holidays: builtin.holidays });
    expect(await due(core, '2026-03-06', 'working_days', 1)).toEqual({ due: '2026-03-09' });
    expect(core.database.db.select().from(calendarYears).all().map((r) => r.id)).toEqual(['y2026']);

    await core.call(api.calendar.removeYear.name, { year: 2026 });
    expect(await due(core, '2026-03-13', 'working_days', 1)).toEqual({ due: '2026-03-16' });
    expect((await years(core)).years.find((y) => y.year === 2026)).toEqual(builtin);
  });

  it('refuses bad arrangements with every issue, and writes nothing', async () => {
    const { core } = await testCore();
    const db = core.database.db;
    const before = { rows: db.select().from(calendarYears).all(), audit: db.select().from(auditLog).all().length, changes: db.select().from(changeLog).all().length };
    const bad: [unknown, string][] = [
      [{ ...Y2027, holidays: [...Y2027.holidays, '2026-12-31'] }, '2026-12-31: not in 2027'],
      [{ ...Y2027, workdays: ['2028-01-08'] }, '2028-01-08: not in 2027'],
      [{ ...Y2027, workdays: ['2027-02-06'] }, '2027-02-06: both a holiday and a make-up working day'],
      [{ ...Y2027, workdays: ['2027-02-15'] }, '2027-02-15: a make-up working day is a Saturday or Sunday'],
      [{ ...Y2027, holidays: ['2027-02-30'] }, '2027-02-30: no such date'],
      [{ ...Y2027, holidays: [] }, 'holidays'],
      [{ ...Y2027, year: 1999 }, 'year'],
      [{ ...Y2027, holidays: ['2027-1-1'] }, 'holidays'],
    ];
    for (const [input, issue] of bad) {
      await expect(core.call(api.calendar.putYear.name, input), issue).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { issues: expect.arrayContaining([expect.stringContaining(issue)]) },
      });
    }
    // every issue at once
    await expect(core.call(api.calendar.putYear.name, { year: 2027, holidays: ['2026-01-01', '2027-02-06'], workdays: ['2027-02-06', '2027-03-01'] })).rejects.toMatchObject({
      details: { issues: ['2026-01-01: not in 2027', '2027-02-06: both a holiday and a make-up working day', '2027-03-01: a make-up working day is a Saturday or Sunday'] },
    });
    await expect(due(core, '2026-03-02', 'working_days', 0)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(due(core, '2026-02-30', 'days', 1)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect({ rows: db.select().from(calendarYears).all(), audit: db.select().from(auditLog).all().length, changes: db.select().from(changeLog).all().length }).toEqual(before);
  });

  it('lets only holders of cases.configure add or remove a year; any session may ask for a deadline', async () => {
    const { core } = await testCore();
    const officer = await userWithRole(core, 'officer', 'case_officer');
    const manager = await userWithRole(core, 'manager', 'case_management');
    await expect(core.call(api.calendar.putYear.name, Y2027, officer)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { permission: 'cases.configure' } });
    expect(core.database.db.select().from(calendarYears).all()).toEqual([]);
    await expect(core.call(api.calendar.years.name, {}, officer)).resolves.toMatchObject({ lastYear: 2026 });

    await core.call(api.calendar.putYear.name, Y2027, manager);
    expect(await due(core, '2026-12-31', 'working_days', 1, officer)).toEqual({ due: '2027-01-04' });
    await expect(core.call(api.calendar.removeYear.name, { year: 2027 }, officer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call(api.calendar.removeYear.name, { year: 2027 }, manager)).resolves.toEqual({ removed: true });
    await expect(core.call(api.calendar.due.name, { from: '2026-03-02', unit: 'days', n: 1 }, '')).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
  });

  it('gives hours on the clock, not moved off a rest day', async () => {
    const { core } = await testCore();
    expect(await due(core, '2026-03-06', 'hours', 24)).toEqual({ due: '2026-03-07' });
  });
});

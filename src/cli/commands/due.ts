import { parseArgs } from 'node:util';
import { api, type LimitUnit } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { dueDate } from '../../core/calendar/deadline';
import { HOLIDAY_CALENDAR } from '../../core/calendar/holidays';
import { run, withSession, type CliIo } from '../context';

const UNITS = {
  'working-days': 'working_days',
  days: 'days',
  months: 'months',
} as const satisfies Record<string, LimitUnit>;

type Step = keyof typeof UNITS;

function count(option: Step, text: string): number {
  if (!/^\d+$/.test(text)) throw new AppError('INVALID_INPUT', { issues: [`--${option} ${text}: a whole number`] });
  return Number(text);
}

/**
 * `zhijian due --from DATE (--working-days N | --days N | --months N) [--db FILE] [--json]`: a
 * deadline on the statutory calendar of holidays and make-up working days. With a database
 * (`--db FILE` or ZHIJIAN_DB) it logs in and counts the years an administrator added or
 * corrected there; without one, the built-in table alone.
 */
export async function due(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'working-days': { type: 'string' },
      days: { type: 'string' },
      months: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.from) throw new AppError('INVALID_INPUT', { issues: ['--from DATE (YYYY-MM-DD) is required'] });
  const given = (Object.keys(UNITS) as Step[]).filter((option) => values[option] !== undefined);
  const [option] = given;
  if (given.length !== 1 || !option) {
    throw new AppError('INVALID_INPUT', { issues: ['exactly one of --working-days N, --days N, --months N'] });
  }
  const input = { from: values.from, unit: UNITS[option], n: count(option, values[option]!) };
  const date =
    values.db !== undefined || io.env.ZHIJIAN_DB
      ? await withSession(values.db, io, async (session) => (await run(session, api.calendar.due, input)).due)
      : dueDate(HOLIDAY_CALENDAR, input.from, input.unit, input.n);
  io.out(values.json ? JSON.stringify({ due: date }) : date);
}
